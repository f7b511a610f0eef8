// The program behind browser/files.test.mjs: a FileDialog whose on_upload
// handler reads each file chunk by chunk, hashes it (SHA-256, libcrypto)
// and samples the process's resident memory after each chunk, then writes
// what it found into a Label the test reads. max_upload_bytes is exactly
// the size of the test's 20 MiB file, so a file one byte larger is refused.
// A file named slow* is read slowly (the disconnect test closes its page
// mid-upload). A file named big* is read a chunk per 100 ms until the first
// "Ping" has been answered, then at full speed: the test's click during the
// upload finds it running however loaded the machine (the 80 chunks would
// take 8 s), and the figures reported (fast_bytes, ms) are the part after
// the ping. "Ping" counts clicks (the UI stays live during an upload),
// "Save" downloads known bytes, "Status" reports the handlers still running
// and what the last failed one saw.
#include <openssl/evp.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <unistd.h>

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <pgwidgets/pgwidgets.hpp>
#include <pgwidgets/upload.hpp>

#include "example_args.hpp"

namespace {

constexpr std::uint64_t limit = 20 * 1024 * 1024;

int handlers_running = 0;
int pings_answered = 0;
int handler_errors = 0;
std::string last_error = "none";
std::string after_error = "none";  // the session's upload stats seen by the last failed handler

long rss_kb() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

std::string hex(const unsigned char* p, unsigned n) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < n; ++i) {
    out += digits[p[i] >> 4];
    out += digits[p[i] & 15];
  }
  return out;
}

// The bytes "Save" downloads: 100000 bytes, byte i = (i * 7 + 3) mod 251.
std::string save_bytes() {
  std::string out(100000, '\0');
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<char>((i * 7 + 3) % 251);
  return out;
}

pgw::Task<> setup(pgw::Session& session) {
  auto w = session.get_widgets();
  auto top = co_await w.TopLevel({.title = "Files test", .resizable = true});
  co_await top.set_position(10, 10);
  co_await top.resize(700, 400);
  auto vbox = co_await w.VBox({.spacing = 4, .padding = 6});
  auto open = co_await w.Button("Open");
  auto ping = co_await w.Button("Ping");
  auto save = co_await w.Button("Save");
  auto status = co_await w.Button("Status");
  auto report = co_await w.Label("none", {.tooltip = "report"});
  auto progress = co_await w.Label("no progress", {.tooltip = "progress"});
  auto activated = co_await w.Label("not activated", {.tooltip = "activated"});
  auto pings = co_await w.Label("pings 0", {.tooltip = "pings"});
  for (auto* b : {&open, &ping, &save, &status}) co_await vbox.add_widget(*b);
  co_await vbox.add_widget(report);
  co_await vbox.add_widget(progress);
  co_await vbox.add_widget(activated);
  co_await vbox.add_widget(pings);
  co_await top.set_widget(vbox);
  co_await top.show();

  auto dialog = co_await w.FileDialog({.mode = pgw::FileDialogMode::files, .accept = ""});
  open.on_activated([dialog]() -> pgw::Task<> { co_await dialog.open(); });
  ping.on_activated([pings]() -> pgw::Task<> {
    co_await pings.set_text("pings " + std::to_string(pings_answered + 1));
    ++pings_answered;
  });
  save.on_activated([dialog]() -> pgw::Task<> { co_await dialog.save("hello.bin", save_bytes(), "application/octet-stream"); });
  status.on_activated([report]() -> pgw::Task<> {
    co_await report.set_text("status running=" + std::to_string(handlers_running) + " errors=" +
                             std::to_string(handler_errors) + " after=" + after_error + " last=" + last_error);
  });
  dialog.on_progress([progress, n = 0](std::int64_t done, std::int64_t total, std::string name, int index,
                                       int count) mutable -> pgw::Task<> {
    co_await progress.set_text("progress " + name + " " + std::to_string(done) + "/" + std::to_string(total) + " n=" +
                               std::to_string(++n) + " file " + std::to_string(index + 1) + "/" + std::to_string(count));
  });
  dialog.on_activated([activated](std::vector<pgw::PickedFile> files) -> pgw::Task<> {
    std::string text = "activated " + std::to_string(files.size());
    for (const auto& f : files) text += " " + f.name + ":" + std::to_string(f.size) + ":" + f.type;
    co_await activated.set_text(text);
  });
  pgw::on_upload(dialog, [report, s = &session](pgw::Upload file) -> pgw::Task<> {
    ++handlers_running;
    struct Done {
      ~Done() { --handlers_running; }
    } done;
    auto t0 = std::chrono::steady_clock::now();
    const long rss0 = rss_kb();
    long peak = rss0;
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr);
    const bool slow = file.name().rfind("slow", 0) == 0;
    bool paced = file.name().rfind("big", 0) == 0 && pings_answered == 0;
    std::uint64_t bytes = 0, fast_bytes = 0;
    int chunks = 0;
    std::string failed;
    try {
      while (auto chunk = co_await file.read()) {
        EVP_DigestUpdate(ctx.get(), chunk->data(), chunk->size());
        bytes += chunk->size();
        ++chunks;
        peak = std::max(peak, rss_kb());
        if (paced && pings_answered > 0) {
          paced = false;
          t0 = std::chrono::steady_clock::now();
        } else if (!paced) {
          fast_bytes += chunk->size();
        }
        // Each read() lets a waiting click run first; this wait holds the
        // session's lock, so the ping is answered at the next read().
        if (slow || paced) {
          boost::asio::steady_timer t(co_await boost::asio::this_coro::executor, std::chrono::milliseconds(100));
          co_await t.async_wait(boost::asio::use_awaitable);
        }
      }
    } catch (const pgw::UploadError& e) {
      ++handler_errors;
      last_error = e.what();
      const auto st = s->stats();
      after_error = std::to_string(st.uploads_active) + "/" + std::to_string(st.upload_bytes_buffered);
      std::fprintf(stderr, "files_app: upload of %s failed: %s\n", file.name().c_str(), e.what());
      failed = e.what();
    }
    if (!failed.empty()) {
      if (s->is_connected()) co_await report.set_text("upload-error " + file.name() + ": " + failed);
      co_return;
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned n = 0;
    EVP_DigestFinal_ex(ctx.get(), digest, &n);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    co_await report.set_text("upload " + file.name() + " " + file.type() + " " + std::to_string(bytes) + "/" +
                             std::to_string(file.size()) + " " + hex(digest, n) + " chunks=" + std::to_string(chunks) + " fast_bytes=" + std::to_string(fast_bytes) +
                             " rss_growth_kb=" + std::to_string(peak - rss0) + " ms=" + std::to_string(static_cast<long>(ms)));
  });
}

}  // namespace

int main(int argc, char** argv) {
  pgw::ApplicationOptions options;
  options.max_sessions = 4;
  options.max_upload_bytes = limit;
  return example::serve(argc, argv, setup, options);
}
