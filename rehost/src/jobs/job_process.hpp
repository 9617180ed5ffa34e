#pragma once
// Child processes of `mfbridge run`: fork + execv of mfbridge itself, never a shell. The
// child gets /dev/null as stdin (no prompts under cron), dies with the runner (a SIGKILLed
// runner leaves no orphan load), and SIGINT/SIGTERM/SIGHUP sent to the runner are passed on.

#include <string>
#include <vector>

#include "mfb/ebcdic/result.hpp"

namespace mfb::rehost::detail {

/// How a child ended.
struct child_outcome {
  int exit_code = 0;         ///< the command's code; 4 if it could not start or was killed
  int signal = 0;            ///< the signal that killed it, or 0
  bool interrupted = false;  ///< the runner itself was asked to stop
  std::string message;       ///< why, when not a plain exit
};

/// Run `executable` with `argv` (argv[0] included) and wait for it.
child_outcome run_child(const std::string& executable, const std::vector<std::string>& argv);

/// Run a child and capture its stdout (stderr discarded); for `KIND --help` probes.
mfb::result<std::string> capture_child(const std::string& executable,
                                       const std::vector<std::string>& argv, int& exit_code);

/// Install the SIGINT/SIGTERM/SIGHUP handlers that forward to the running child.
void install_stop_handlers();
/// Restore the default handlers.
void remove_stop_handlers();
/// The stop signal received so far, or 0.
int stop_signal();

}  // namespace mfb::rehost::detail
