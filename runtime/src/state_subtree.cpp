// A SUBTREE getter's answer (TreeView's get_subtree): the nodes picked,
// each with its descendants and the ancestors that connect it to the top,
// in the order a rebuild sends the tree, so set_tree takes it back.
#include <algorithm>
#include <stdexcept>
#include <unordered_set>
#include <vector>

#include "state_ops.hpp"
#include "wire_fields.hpp"

namespace pgw::detail {

namespace {

// The nodes of `tree` under `picked` (paths in path order, each a node
// there): each picked node, its descendants and its ancestors.
std::vector<const StateValue::Entry*> connected(const StateValue& tree, const std::vector<StatePath>& picked) {
  std::unordered_set<const StateValue::Entry*> seen;
  std::vector<const StateValue::Entry*> out;
  auto take = [&](const StateValue::Entry& e) {
    if (seen.insert(&e).second) out.push_back(&e);
  };
  const StatePath* last_root = nullptr;
  for (const StatePath& p : picked) {
    // Paths sort with each node's descendants right after it: a pick under
    // the last one walked is in already.
    if (last_root != nullptr && is_under(p, *last_root)) continue;
    auto it = tree.entries.find(p);
    if (it == tree.entries.end()) continue;
    last_root = &it->first;
    for (StatePath up = p.parent(); !up.empty(); up.pop_back()) {
      if (auto a = tree.entries.find(up); a != tree.entries.end()) take(a->second);
    }
    take(it->second);
    for (++it; it != tree.entries.end() && is_under(it->first, p); ++it) take(it->second);
  }
  return out;
}

}  // namespace

std::string answer_subtree(const StateValue& tree, const MethodInfo& g, std::string_view request,
                           const std::function<const StateValue*(std::uint32_t)>& state_of) {
  std::vector<StatePath> picked;
  if (g.pick_field == 0) {
    StatePath path = state_key(request, g.index_field);
    if (!tree.entries.contains(path)) {
      throw std::invalid_argument("pgwidgets: " + std::string(g.class_name) + "." + std::string(g.name) + ": node " +
                                  spell(path) + " is not in the tree");
    }
    picked.push_back(std::move(path));
  } else {
    const std::string status = string_field(request, g.pick_field).value_or("");
    if (status == "all") {
      std::string out;
      for_each_element(tree, [&](std::string_view e) { out += encode_string_field(g.answer_field, e); });
      return out;
    }
    const auto pick = std::find_if(g.picks.begin(), g.picks.end(), [&](const SubtreePick& p) { return p.status == status; });
    if (pick == g.picks.end()) {
      std::string known = "\"all\"";
      for (const SubtreePick& p : g.picks) known += ", \"" + std::string(p.status) + "\"";
      throw std::invalid_argument("pgwidgets: " + std::string(g.class_name) + "." + std::string(g.name) + ": unknown status \"" + status +
                                  "\" (one of " + known + ")");
    }
    const StateValue* set = state_of(pick->state);
    if (pick->parents_not_in) {
      for_each_parent(tree, [&](const StatePath& p) {
        if (set == nullptr || !set->entries.contains(p)) picked.push_back(p);
      });
    } else if (set != nullptr) {
      for (const auto& [key, member] : set->entries) picked.push_back(key);
    }
  }
  std::vector<const StateValue::Entry*> nodes = connected(tree, picked);
  std::sort(nodes.begin(), nodes.end(), [](const auto* a, const auto* b) { return a->order < b->order; });
  std::string out;
  for (const auto* e : nodes) out += encode_string_field(g.answer_field, e->message);
  return out;
}

}  // namespace pgw::detail
