#pragma once
// The reporter a Python call hands the library: it keeps the messages and details (returned
// with the summary, or put into the exception), and shows no progress.
//
// Test-only pause hook: when MFB_TEST_PAUSE_DIR names a folder, the first progress report
// of any call in any process that creates DIR/claimed (O_EXCL) writes its pid to
// DIR/paused and waits until DIR/resume exists. The Dask test uses it to kill a worker in
// the middle of a split, deterministically; tune() then makes progress come per batch of
// 64 KiB. Without the variable nothing changes.

#include <pybind11/pybind11.h>

#include <mutex>
#include <string>
#include <vector>

#include "mfb/mfbridge.hpp"

namespace mfb::python {

class call_reporter final : public bridge::reporter {
 public:
  call_reporter();
  void message(bridge::severity level, std::string_view text) override;
  void detail(std::string_view lines) override;
  bool wants_progress() const override { return !pause_dir_.empty(); }
  void progress(const bridge::progress_update&) override;

  /// With the pause hook on: progress after every batch, batches of 64 KiB.
  void tune(unsigned& progress_ms, std::size_t& batch_bytes) const;
  /// The failure's message with the details reported before it (a bad record's lines).
  std::string failure_text(const std::string& message) const;
  /// [{"level": "info"|"warning"|"error", "text": ...}, ...] (needs the GIL).
  pybind11::list messages() const;

 private:
  struct entry {
    bridge::severity level;
    std::string text;
  };
  mutable std::mutex mutex_;
  std::vector<entry> entries_;
  std::string details_;
  std::string pause_dir_;
  bool paused_ = false;
};

}  // namespace mfb::python
