#include "call_reporter.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

namespace py = pybind11;

namespace mfb::python {

call_reporter::call_reporter() {
  if (const char* dir = std::getenv("MFB_TEST_PAUSE_DIR"); dir != nullptr) pause_dir_ = dir;
}

void call_reporter::message(bridge::severity level, std::string_view text) {
  std::lock_guard lock(mutex_);
  entries_.push_back({level, std::string(text)});
}

void call_reporter::detail(std::string_view lines) {
  std::lock_guard lock(mutex_);
  details_.append(lines);
  entries_.push_back({bridge::severity::info, std::string(lines)});
}

void call_reporter::progress(const bridge::progress_update&) {
  if (paused_ || pause_dir_.empty()) return;
  paused_ = true;  // one claim attempt per call
  std::string claim = pause_dir_ + "/claimed";
  int fd = ::open(claim.c_str(), O_CREAT | O_EXCL | O_WRONLY, 0644);
  if (fd < 0) return;  // another call paused already
  ::close(fd);
  {
    std::ofstream(pause_dir_ + "/paused.tmp") << ::getpid() << "\n";
  }
  std::filesystem::rename(pause_dir_ + "/paused.tmp", pause_dir_ + "/paused");
  while (!std::filesystem::exists(pause_dir_ + "/resume"))
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

void call_reporter::tune(unsigned& progress_ms, std::size_t& batch_bytes) const {
  if (pause_dir_.empty()) return;
  progress_ms = 0;
  batch_bytes = std::size_t{64} << 10;
}

std::string call_reporter::failure_text(const std::string& message) const {
  std::lock_guard lock(mutex_);
  if (details_.empty()) return message;
  return message + "\n" + details_;
}

py::list call_reporter::messages() const {
  std::lock_guard lock(mutex_);
  py::list out;
  for (const auto& e : entries_) {
    py::dict d;
    d["level"] = e.level == bridge::severity::error     ? "error"
                 : e.level == bridge::severity::warning ? "warning"
                                                        : "info";
    d["text"] = e.text;
    out.append(d);
  }
  return out;
}

}  // namespace mfb::python
