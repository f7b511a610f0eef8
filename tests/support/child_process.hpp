// A child process with its stdout and stderr on pipes, for tests that must
// see what a real program prints. Reads never block past their deadline.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

namespace pgw::test {

class ChildProcess {
 public:
  // Starts `argv[0]` with `argv`; throws std::runtime_error if it cannot.
  explicit ChildProcess(const std::vector<std::string>& argv);
  ~ChildProcess();  // SIGKILLs the child if it still runs, and reaps it
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // The next line of stdout (without '\n'), or nullopt at EOF or timeout.
  std::optional<std::string> stdout_line(std::chrono::milliseconds timeout);
  // Reads stderr until `needle` appears or `timeout` passes; true if it did.
  bool wait_stderr(const std::string& needle, std::chrono::milliseconds timeout);
  pid_t pid() const { return pid_; }
  // Everything read from stderr so far.
  const std::string& stderr_text() const { return err_; }

  // Sends `signal` and waits for the exit; the exit status (or 128 + the
  // signal that ended it), nullopt on timeout.
  std::optional<int> stop(int signal, std::chrono::milliseconds timeout);

 private:
  bool read_some(int fd, std::string& into, std::chrono::steady_clock::time_point deadline);

  pid_t pid_ = -1;
  int out_fd_ = -1;
  int err_fd_ = -1;
  std::string out_;
  std::string err_;
};

}  // namespace pgw::test
