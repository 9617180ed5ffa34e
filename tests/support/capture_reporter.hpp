#pragma once
// A reporter that keeps what a library call reports, for tests: each message with its
// severity, and the text a terminal would have shown (messages as "LEVEL: TEXT" lines,
// details as given).

#include <string>
#include <utility>
#include <vector>

#include "mfb/bridge/io/outcome.hpp"

namespace mfb::test {

class capture_reporter final : public bridge::reporter {
 public:
  std::vector<std::pair<bridge::severity, std::string>> messages;
  std::string text;  ///< everything, in order

  void message(bridge::severity level, std::string_view t) override {
    messages.emplace_back(level, std::string(t));
    text += std::string(name(level)) + ": " + std::string(t) + "\n";
  }
  void detail(std::string_view lines) override { text += lines; }

  static const char* name(bridge::severity level) {
    switch (level) {
      case bridge::severity::info: return "info";
      case bridge::severity::warning: return "warning";
      case bridge::severity::error: return "error";
    }
    return "?";
  }
};

}  // namespace mfb::test
