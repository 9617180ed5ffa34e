// Rendering of diagnostics in the compiler style: `file:line:col: error: message`, then the
// source line and a caret under the column.

#include <string>

#include "mfb/copybook/diagnostic.hpp"

namespace mfb::copybook {
namespace {

const char* severity_word(severity s) {
  switch (s) {
    case severity::error: return "error";
    case severity::warning: return "warning";
    case severity::note: return "note";
  }
  return "error";
}

}  // namespace

std::string to_string(const diagnostic& d) {
  // Appends one piece at a time: GCC 12 reports a false -Wrestrict for `":" + to_string()`.
  std::string out = d.where.file;
  if (d.where.line > 0) {
    out.append(":").append(std::to_string(d.where.line));
    if (d.where.column > 0) out.append(":").append(std::to_string(d.where.column));
  }
  out.append(": ").append(severity_word(d.level)).append(": ").append(d.message).append("\n");
  if (!d.source_line.empty()) {
    out += d.source_line + "\n";
    // Keep tabs in the caret line so the caret lines up under tabbed source.
    std::string caret;
    for (int i = 1; i < d.where.column && static_cast<std::size_t>(i - 1) < d.source_line.size(); ++i) {
      caret.push_back(d.source_line[static_cast<std::size_t>(i - 1)] == '\t' ? '\t' : ' ');
    }
    out += caret + "^\n";
  }
  return out;
}

std::string to_string(const std::vector<diagnostic>& ds) {
  std::string out;
  for (const auto& d : ds) out += to_string(d);
  return out;
}

bool has_errors(const std::vector<diagnostic>& ds) {
  for (const auto& d : ds) {
    if (d.level == severity::error) return true;
  }
  return false;
}

}  // namespace mfb::copybook
