#pragma once
// What a library entry point hands back instead of printing and exiting: a failure kind in
// its summary, and messages and progress through a `reporter` that the caller supplies.
// The CLI turns kinds into exit codes (cli/exit_codes.hpp) and writes messages to stderr;
// a job step, the REST facade or a Python binding capture them instead.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace mfb::bridge {

/// Why a run stopped, if it did. The CLI maps each kind to DESIGN.md's exit-code table.
enum class failure_kind {
  none,      ///< success
  usage,     ///< bad options or configuration (a copybook with errors, an unknown code page)
  bad_data,  ///< bad records beyond what the policy allows
  mismatch,  ///< reconciliation found the target differs from the source
  target,    ///< the target, or an input or output file, failed
};

/// How much a message matters.
enum class severity { info, warning, error };

/// Where a run's progress counters stand (shown by a reporter that wants progress).
struct progress_update {
  std::uint64_t records = 0;
  std::uint64_t bytes = 0;
  long long total_bytes = -1;  ///< the input's size when known, else -1
  double seconds = 0;
};

/// Receives a run's messages and progress. Entry points call it in the order a person
/// would read the lines; they print nothing themselves.
class reporter {
 public:
  virtual ~reporter() = default;
  /// One sentence about the run (why it stopped, a summary line); no trailing newline.
  /// The CLI writes it as "mfbridge COMMAND: TEXT".
  virtual void message(severity level, std::string_view text) = 0;
  /// Lines about the data that stand on their own (a bad record's description, a copybook's
  /// diagnostics, a summary paragraph): complete lines, each ending in '\n', kept as given.
  virtual void detail(std::string_view lines) = 0;
  /// Whether progress() is worth calling (a terminal is watching); false by default.
  virtual bool wants_progress() const { return false; }
  /// The counters so far; called at most every few hundred milliseconds.
  virtual void progress(const progress_update&) {}
  /// The run is over: take any progress display away.
  virtual void progress_done() {}
};

/// End a run early: set the summary's failure kind and message, report the message as an
/// error, and hand the summary back (`return stop_run(summary, kind, why, rep);`).
template <class Summary>
Summary stop_run(Summary s, failure_kind kind, std::string message, reporter& rep) {
  s.failure = kind;
  s.message = std::move(message);
  rep.message(severity::error, s.message);
  return s;
}

/// Drops everything: for callers that only want the summary.
class null_reporter final : public reporter {
 public:
  void message(severity, std::string_view) override {}
  void detail(std::string_view) override {}
};

}  // namespace mfb::bridge
