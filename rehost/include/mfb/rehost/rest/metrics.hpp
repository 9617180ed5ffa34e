#pragma once
// Prometheus metrics of the facade: request counts by method, route template and status;
// latency histograms by route; error counts. Rendered in the text exposition format 0.0.4.

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace mfb::rehost {

/// Thread-safe counters; one per server.
class metrics_registry {
 public:
  /// Latency histogram bucket bounds, seconds.
  static constexpr std::array<double, 12> buckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                  0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

  /// Count one finished request; `route` is the route template ("/v1/datasets/{ds}").
  void observe(std::string_view method, std::string_view route, int status, double seconds);

  /// Render every metric in the Prometheus text format.
  std::string render() const;

 private:
  struct histogram {
    std::array<std::uint64_t, buckets.size()> counts{};
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> errors_;
  std::map<std::string, histogram> latency_;
};

/// Escape a label value for the text format (backslash, quote, newline).
std::string escape_label(std::string_view v);

}  // namespace mfb::rehost
