// Failure kinds to exit codes, and the terminal reporter; see exit_codes.hpp.

#include "exit_codes.hpp"

#include <unistd.h>

#include <fstream>

namespace mfb::cli {

int exit_code_of(bridge::failure_kind kind) {
  switch (kind) {
    case bridge::failure_kind::none: return exit_ok;
    case bridge::failure_kind::usage: return exit_usage;
    case bridge::failure_kind::bad_data: return exit_bad_data;
    case bridge::failure_kind::mismatch: return exit_reconcile;
    case bridge::failure_kind::target: return exit_io;
  }
  return exit_io;
}

file_reporter::file_reporter(std::string command, std::FILE* out, bool progress)
    : prefix_("mfbridge " + std::move(command) + ": "),
      out_(out),
      progress_(progress && isatty(fileno(out))) {}

void file_reporter::message(bridge::severity, std::string_view text) {
  std::fprintf(out_, "%s%.*s\n", prefix_.c_str(), static_cast<int>(text.size()), text.data());
}

void file_reporter::detail(std::string_view lines) {
  std::fwrite(lines.data(), 1, lines.size(), out_);
}

// One terminal line: records, MB, MB/s and the time left when the input's size is known.
void file_reporter::progress(const bridge::progress_update& p) {
  double mb = static_cast<double>(p.bytes) / 1e6;
  double rate = p.seconds > 0 ? mb / p.seconds : 0;
  std::fprintf(out_, "\r\033[K%llu records, %.1f MB, %.1f MB/s",
               static_cast<unsigned long long>(p.records), mb, rate);
  if (p.total_bytes > 0 && rate > 0) {
    double left = (static_cast<double>(p.total_bytes) / 1e6 - mb) / rate;
    std::fprintf(out_, ", %.0f s left", left > 0 ? left : 0);
  }
  std::fflush(out_);
}

void file_reporter::progress_done() {
  if (progress_) std::fputs("\r\033[K", out_);
}

void warn_left_out(bridge::reporter& rep, bridge::error_policy policy, std::uint64_t count,
                   const std::string& reject_file) {
  if (count == 0 || policy == bridge::error_policy::fail) return;
  const bool reject = policy == bridge::error_policy::reject;
  std::string line = "warning: " + std::to_string(count) + (count == 1 ? " record " : " records ") +
                     (reject ? "rejected" : "skipped") + " (--on-error " +
                     (reject ? "reject" : "skip") + ")";
  if (reject && !reject_file.empty()) line += ", in " + reject_file;
  rep.message(bridge::severity::warning, line + "; the exit code is 0, as the policy allows");
}

bool write_summary_json(const std::string& path, const std::string& json,
                        bridge::reporter& rep) {
  std::ofstream f(path, std::ios::binary);
  f << json << '\n';
  if (f) return true;
  rep.message(bridge::severity::error, "cannot write " + path);
  return false;
}

}  // namespace mfb::cli
