// A small text editor: File and Edit menus on a menu bar, a toolbar, Open
// and Save through a FileDialog, and a modal "Discard changes?" dialog
// awaited with exec(). The title says whether there are unsaved changes.
//
// Keyboard: F10 reaches the menu bar, arrows move, Enter chooses, Escape
// closes one level. The toolbar's "Recent" drops down a menu of its own.
#include <cctype>
#include <cstdio>
#include <memory>
#include <string>

#include <pgwidgets/pgwidgets.hpp>
#include <pgwidgets/upload.hpp>

#include "example_args.hpp"

namespace {

// A file larger than this is refused by the editor (the server's own limit,
// ApplicationOptions::max_upload_bytes, is far larger).
constexpr std::uint64_t max_text_bytes = 1 << 20;

// One editor's state, shared by its handlers (each holds it).
struct Editor {
  pgw::TopLevel window;
  pgw::TextArea text;
  pgw::Label status;
  pgw::Dialog discard;
  pgw::FileDialog opener;
  pgw::FileDialog saver;
  std::string file_name = "untitled.txt";
  bool dirty = false;
};

pgw::Task<> show_title(const Editor& e) {
  // Built before the co_await: g++ 12 mishandles a conditional's
  // temporaries inside a co_await expression (README, "g++ 12").
  std::string title = (e.dirty ? "* " : "") + e.file_name + " - Editor";
  co_await e.window.set_title(std::move(title));
}

pgw::Task<> set_dirty(Editor& e, bool dirty) {
  if (e.dirty == dirty) co_return;
  e.dirty = dirty;
  co_await show_title(e);
}

// Unsaved changes are lost only if the user says so.
pgw::Task<bool> may_discard(const Editor& e) {
  if (!e.dirty) co_return true;
  const std::optional<std::string> answer = co_await e.discard.exec();
  co_return answer == "discard";
}

pgw::Task<> new_file(std::shared_ptr<Editor> e) {
  const bool discard = co_await may_discard(*e);
  if (!discard) co_return;
  e->file_name = "untitled.txt";
  co_await e->text.set_text("");
  e->dirty = true;  // set_dirty(false) below retitles
  co_await set_dirty(*e, false);
  co_await e->status.set_text("New file");
}

pgw::Task<> open_file(std::shared_ptr<Editor> e) {
  const bool discard = co_await may_discard(*e);
  if (!discard) co_return;
  // The browser shows its file picker; the file's bytes reach on_upload.
  co_await e->opener.open();
}

pgw::Task<> save_file(std::shared_ptr<Editor> e) {
  co_await e->saver.save(e->file_name, e->text.get_text(), "text/plain");
  co_await set_dirty(*e, false);
  co_await e->status.set_text("Saved " + e->file_name);
}

}  // namespace

pgw::Task<> main_task() {
  pgw::Application app(example::with_args({.max_sessions = 4, .logger = pgw::stderr_logger(pgw::LogLevel::info)}));

  app.on_connect([](pgw::Session& session) -> pgw::Task<> {
    auto W = session.get_widgets();
    auto window = co_await W.TopLevel({.title = "untitled.txt - Editor", .resizable = true});
    co_await window.resize(640, 420);
    const std::vector<std::string> labels{"Discard", "Cancel"}, values{"discard", "cancel"};
    auto discard = co_await W.Dialog("Discard changes?", labels, {.autoclose = true, .modal = true, .values = values});
    co_await discard.add_widget(co_await W.Label("The text has changes that are not saved."));
    // Each widget made before the Editor: g++ 12 mishandles a co_await
    // inside a braced initializer (README, "g++ 12").
    auto text = co_await W.TextArea("", {.wrap = pgw::Wrap::none, .name = "text"});
    auto status = co_await W.Label("Ready", {.name = "status"});
    auto opener = co_await W.FileDialog({.mode = pgw::FileDialogMode::file, .accept = ".txt,text/plain"});
    auto saver = co_await W.FileDialog({.mode = pgw::FileDialogMode::save});
    auto e = std::make_shared<Editor>(Editor{window, text, status, discard, opener, saver});

    // The menus.
    auto bar = co_await W.MenuBar();
    auto file = co_await bar.add_name("File");
    auto new_item = co_await file.add_name("New");
    auto open_item = co_await file.add_name("Open...");
    auto save_item = co_await file.add_name("Save");
    co_await file.add_separator();
    auto quit_item = co_await file.add_name("Quit");
    auto edit = co_await bar.add_name("Edit");
    auto clear_item = co_await edit.add_name("Clear");
    auto upper_item = co_await edit.add_name("Upper case");
    co_await edit.add_separator();
    auto wrap_item = co_await edit.add_name("Wrap lines", true);

    new_item.on_activated([e] { return new_file(e); });
    open_item.on_activated([e] { return open_file(e); });
    save_item.on_activated([e] { return save_file(e); });
    quit_item.on_activated([e]() -> pgw::Task<> {
      const bool discard = co_await may_discard(*e);
      if (!discard) co_return;
      co_await e->window.hide();
    });
    clear_item.on_activated([e]() -> pgw::Task<> {
      co_await e->text.set_text("");
      co_await set_dirty(*e, true);
    });
    upper_item.on_activated([e]() -> pgw::Task<> {
      std::string t = e->text.get_text();
      for (char& c : t) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      co_await e->text.set_text(std::move(t));
      co_await set_dirty(*e, true);
    });
    wrap_item.on_activated([e](bool on) -> pgw::Task<> {
      const pgw::Wrap wrap = on ? pgw::Wrap::word : pgw::Wrap::none;
      std::string said = on ? "Lines wrap" : "Lines do not wrap";
      co_await e->text.set_wrap(wrap);
      co_await e->status.set_text(std::move(said));
    });

    // The toolbar: the same commands, and a "Recent" menu of its own.
    auto tools = co_await W.ToolBar();
    auto open_tool = co_await tools.add_action({.text = "Open"});
    auto save_tool = co_await tools.add_action({.text = "Save"});
    co_await tools.add_separator();
    auto recent_tool = co_await tools.add_action({.text = "Recent"});
    auto recent = co_await W.Menu();
    for (const char* name : {"notes.txt", "todo.txt"}) {
      auto item = co_await recent.add_name(name);
      item.on_activated([e, name = std::string(name)]() -> pgw::Task<> {
        co_await e->status.set_text("Recent files are a demo: " + name + " is not kept");
      });
    }
    co_await recent_tool.set_menu(recent);
    open_tool.on_activated([e] { return open_file(e); });
    save_tool.on_activated([e] { return save_file(e); });

    // The text and its file.
    e->text.on_changed([e](std::string) { return set_dirty(*e, true); });
    pgw::on_upload(e->opener, [e](pgw::Upload upload) -> pgw::Task<> {
      if (upload.size() > max_text_bytes) {
        co_await e->status.set_text(upload.name() + " is too large for this editor");
        co_return;  // dropping the upload cancels it
      }
      std::string bytes = co_await upload.read_all();
      e->file_name = upload.name();
      co_await e->text.set_text(std::move(bytes));
      e->dirty = true;  // set_dirty(false) below retitles
      co_await set_dirty(*e, false);
      co_await e->status.set_text("Opened " + e->file_name);
    });

    auto vbox = co_await W.VBox({.spacing = 4, .padding = 4});
    co_await vbox.add_widget(bar, 0);
    co_await vbox.add_widget(tools, 0);
    co_await vbox.add_widget(e->text, 1);
    co_await vbox.add_widget(e->status, 0);
    co_await window.set_widget(vbox);
    co_await window.show();
  });

  co_await app.start();
  std::printf("%s\n", app.url().c_str());
  std::fflush(stdout);
  co_await app.run();
}

int main(int argc, char** argv) {
  example::set_args(argc, argv);
  return pgw::run(main_task());
}
