// pgw::testing: drive a session from a unit test, without a browser.
//
// A TestSession runs an app's on_connect coroutine against an in-memory
// page built from the schema: every creation and call is applied to a
// widget tree (classes, state fields, child lists), awaited queries are
// answered from it, and the user's actions (click, type, select, ...)
// reach the session as the same callbacks and state updates a browser
// sends, so the app's handlers run as they would in production. What an
// action fires is declared in the schema (`user` on a callback), so a
// user's own widget package works too. No sockets, no threads, no sleeps:
// everything runs on the test's own io_context until nothing is left to
// do, and time only moves with advance().
//
//   pgw::testing::TestSession t(my_app::on_connect);
//   t.click(t.find<pgw::Button>("Hello"));
//   CHECK(t.text_of(t.find_all<pgw::Label>().at(0)) == "Hello!");
//
// Anything that goes wrong (no such widget, a disabled one clicked, a
// handler that threw, a call the page model refuses) throws
// pgw::testing::Failure naming the widget's path in the page, for example
// `TopLevel "Async Demo" > VBox > HBox > Button "Hello"` (a named widget
// shows its name: `Button #ok "Hello"`).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "pgwidgets/session.hpp"
// The test kit drives widgets: it brings the Widgets factory and every
// family, as <pgwidgets/pgwidgets.hpp> does.
#include "pgwidgets/widgets.hpp"
#include "pgwidgets/session_link.hpp"
#include "pgwidgets/task.hpp"

namespace pgw::testing {

// What a test sees when something does not go as it expects.
class Failure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct TestOptions {
  // Every call waits for the page's acknowledgement (Session::set_strict_calls).
  bool strict_calls = false;
  // The viewport the page reports.
  std::uint32_t viewport_width = 1024;
  std::uint32_t viewport_height = 768;
};

class TestSession {
 public:
  using Duration = std::chrono::steady_clock::duration;
  using OnConnect = std::function<Task<>(Session&)>;

  // Starts a session, attaches the page model and runs `on_connect` until
  // it finishes or waits (for a timer, say). Throws Failure if it threw.
  explicit TestSession(OnConnect on_connect, TestOptions options = {});
  ~TestSession();
  TestSession(const TestSession&) = delete;
  TestSession& operator=(const TestSession&) = delete;

  Session& session();

  // --- finding widgets -----------------------------------------------------
  // The one widget of class W (or a subclass) named `text` by the program
  // (co_await w.set_name("ok")), else the one whose visible text or title
  // is `text`. Throws Failure when there is none, or more than one.
  template <class W>
  W find(std::string_view text) const {
    return W(link(), find_id(W::schema_class, text));
  }
  // Every live widget of class W (or a subclass), in creation order.
  template <class W>
  std::vector<W> find_all() const {
    std::vector<W> out;
    for (WidgetId id : find_ids(W::schema_class)) out.emplace_back(link(), id);
    return out;
  }

  // --- acting as the user --------------------------------------------------
  // Each checks the widget can take the action as a person would find it
  // (shown, enabled, editable), fires what the page would, and runs the
  // session until it is idle again.
  void click(const pgw::detail::WidgetHandle& w);
  // Replaces the text in a field the user can type in (what is sent, and
  // when, is the schema's: an entry reports on Enter, a text area on edit).
  void type(const pgw::detail::WidgetHandle& w, std::string_view text);
  void press_enter(const pgw::detail::WidgetHandle& w);
  void select(const pgw::detail::WidgetHandle& w, int index);
  void set_value(const pgw::detail::WidgetHandle& w, double value);
  // The close box of a window.
  void close(const pgw::detail::WidgetHandle& w);
  // A dialog's button with this value pressed (a Dialog's button row, or
  // a ColorDialog's OK, reporting `value` as its color; without a value a
  // ColorDialog's OK reports the color shown): the callback the schema
  // marks `user: PRESS` fires with it (an exec() resumes), then the dialog
  // hides itself, as the page does, when it was created with `autoclose`
  // (a ColorDialog always does), firing its `autoclosed`.
  void press(const pgw::detail::WidgetHandle& w, std::optional<std::string> value = std::nullopt);
  // A key pressed and released while `w` has the focus: the callbacks the
  // schema marks `user: KEY` fire as a browser's events do, key_down, then
  // key_press when the key types a character (one character, or "Enter"),
  // then key_up, each with `key` ("a", "Enter", "ArrowUp", " "), its
  // physical key ("KeyA", "Digit1", "Space", else `key` itself) and the
  // modifiers held. On a widget that reports no keys (a label created
  // without `interactive`) it throws Failure.
  void press_key(const pgw::detail::WidgetHandle& w, std::string_view key, pgw::Modifiers modifiers = {});
  // The mouse over `w`, at (x, y) in its pixels: a button (1 left, 2
  // middle, 3 right) goes down, the pointer moves, a button goes up; each
  // fires the callback the schema marks `user: POINTER` with that step,
  // with the buttons held (button_mask) as a browser reports them. A left
  // button released over the widget it went down on also clicks it.
  void pointer_down(const pgw::detail::WidgetHandle& w, double x, double y, int button = 1,
                    pgw::Modifiers modifiers = {});
  void pointer_move(const pgw::detail::WidgetHandle& w, double x, double y, pgw::Modifiers modifiers = {});
  void pointer_up(const pgw::detail::WidgetHandle& w, double x, double y, int button = 1,
                  pgw::Modifiers modifiers = {});
  // pointer_down at (x0, y0), `steps` pointer_moves on the straight line to
  // (x1, y1) (the last one there), pointer_up there.
  void drag(const pgw::detail::WidgetHandle& w, double x0, double y0, double x1, double y1, int steps = 4,
            int button = 1, pgw::Modifiers modifiers = {});

  // --- what the user sees --------------------------------------------------
  // The widget's text, title or message as the page shows it now.
  std::string text_of(const pgw::detail::WidgetHandle& w) const;
  // Shown: the widget and every ancestor up to a shown window.
  bool is_visible(const pgw::detail::WidgetHandle& w) const;
  // Enabled: the widget and every ancestor.
  bool is_enabled(const pgw::detail::WidgetHandle& w) const;
  // `TopLevel "Async Demo" > VBox > Button "Hello"`.
  std::string path_of(const pgw::detail::WidgetHandle& w) const;

  // --- the page's answers ----------------------------------------------------
  // What the page answers to method `method` (snake case, as in the C++
  // API) of widget `w` from now on: the response message's bytes. Without
  // one, a query's answer takes each response field from the widget's
  // state field of that name, else the schema's default.
  void answer(const pgw::detail::WidgetHandle& w, std::string_view method, std::string response_bytes);

  // --- time ------------------------------------------------------------------
  // Moves the session's clock by `d`, firing the timers that fall due on
  // the way, in order, each with the session run until idle after it.
  void advance(Duration d);

  // Runs everything ready (handlers, replies) until nothing is left.
  void run();

 private:
  struct Impl;
  pgw::detail::LinkPtr link() const;
  WidgetId find_id(const pgw::detail::ClassInfo& cls, std::string_view text) const;
  std::vector<WidgetId> find_ids(const pgw::detail::ClassInfo& cls) const;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pgw::testing
