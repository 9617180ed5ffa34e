// fork + execv for job steps. Everything the child does between fork and exec is
// async-signal-safe (the runner may have threads from a check step's reader); argv is
// built before the fork for that reason.

#include "jobs/job_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

namespace mfb::rehost::detail {

namespace {

volatile std::sig_atomic_t stop_received = 0;
volatile pid_t running_child = 0;

extern "C" void on_stop(int sig) {
  stop_received = sig;
  pid_t child = running_child;
  if (child > 0) kill(child, sig);
}

constexpr int stop_signals[] = {SIGINT, SIGTERM, SIGHUP};

std::vector<char*> c_argv(std::vector<std::string>& args) {
  std::vector<char*> out;
  for (auto& a : args) out.push_back(a.data());
  out.push_back(nullptr);
  return out;
}

// In the child: stdin from /dev/null, stdout to `out_fd` if given, die with the parent.
[[noreturn]] void exec_child(const char* exe, char* const* argv, pid_t parent, int out_fd,
                             bool quiet_stderr) {
  // A stop signal pending in the runner must not be inherited as "ignored" or blocked.
  for (int s : stop_signals) signal(s, SIG_DFL);
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  prctl(PR_SET_PDEATHSIG, SIGTERM);
  if (getppid() != parent) _exit(4);  // the runner died before prctl took effect
  int devnull = open("/dev/null", O_RDWR);
  if (devnull >= 0) {
    dup2(devnull, 0);
    if (quiet_stderr) dup2(devnull, 2);
  }
  if (out_fd >= 0) dup2(out_fd, 1);
  execv(exe, argv);
  const char msg[] = "mfbridge run: cannot start the step's command\n";
  ssize_t ignored = write(2, msg, sizeof msg - 1);
  (void)ignored;
  _exit(4);
}

child_outcome wait_child(pid_t pid) {
  child_outcome out;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      out.exit_code = 4;
      out.message = std::string("waitpid failed: ") + std::strerror(errno);
      running_child = 0;
      return out;
    }
  }
  running_child = 0;
  out.interrupted = stop_received != 0;
  if (WIFEXITED(status)) {
    out.exit_code = WEXITSTATUS(status);
    // Exit codes outside the documented 0-4 (a crash handler's 134, 127...) count as I/O.
    if (out.exit_code > 4) {
      out.message = "the command exited with code " + std::to_string(out.exit_code);
      out.exit_code = 4;
    }
  } else if (WIFSIGNALED(status)) {
    out.signal = WTERMSIG(status);
    out.exit_code = 4;
    out.message = std::string("killed by signal ") + std::to_string(out.signal) + " (" +
                  strsignal(out.signal) + ")";
  }
  return out;
}

}  // namespace

child_outcome run_child(const std::string& executable, const std::vector<std::string>& argv) {
  std::vector<std::string> args = argv;
  std::vector<char*> cargv = c_argv(args);
  pid_t parent = getpid();
  // The child inherits copies of the stdio buffers: flush them first, or bytes the parent
  // had buffered would be written twice (once by each). Needed for correctness; it prints
  // nothing of the library's own.
  std::fflush(stdout);
  std::fflush(stderr);
  pid_t pid = fork();
  if (pid < 0) {
    child_outcome out;
    out.exit_code = 4;
    out.message = std::string("fork failed: ") + std::strerror(errno);
    return out;
  }
  if (pid == 0) exec_child(executable.c_str(), cargv.data(), parent, -1, false);
  running_child = pid;
  // A stop that arrived between the last check and the fork would otherwise be lost.
  if (stop_received) kill(pid, stop_received);
  return wait_child(pid);
}

mfb::result<std::string> capture_child(const std::string& executable,
                                       const std::vector<std::string>& argv, int& exit_code) {
  std::vector<std::string> args = argv;
  std::vector<char*> cargv = c_argv(args);
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return mfb::error{std::string("pipe: ") + std::strerror(errno)};
  pid_t parent = getpid();
  std::fflush(stdout);  // as in run_child: no buffered byte may be written twice
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return mfb::error{std::string("fork: ") + std::strerror(errno)};
  }
  if (pid == 0) exec_child(executable.c_str(), cargv.data(), parent, fds[1], true);
  close(fds[1]);
  std::string text;
  char buf[4096];
  for (;;) {
    ssize_t n = read(fds[0], buf, sizeof buf);
    if (n > 0) {
      text.append(buf, static_cast<std::size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  close(fds[0]);
  exit_code = wait_child(pid).exit_code;
  return text;
}

void install_stop_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_stop;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: waitpid returns EINTR and the loop re-waits
  for (int s : stop_signals) sigaction(s, &sa, nullptr);
}

void remove_stop_handlers() {
  for (int s : stop_signals) signal(s, SIG_DFL);
}

int stop_signal() { return stop_received; }

}  // namespace mfb::rehost::detail
