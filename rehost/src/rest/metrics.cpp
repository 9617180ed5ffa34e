// Prometheus text exposition (format 0.0.4). Routes are templates, never raw paths, and a
// method outside RFC 9110's is counted as "OTHER", so a client cannot grow the label set
// without bound by requesting random URLs or inventing methods.

#include "mfb/rehost/rest/metrics.hpp"

#include <cstdio>
#include <initializer_list>
#include <string_view>

namespace mfb::rehost {

namespace {
std::string_view method_label(std::string_view method) {
  for (std::string_view known : {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "CONNECT", "TRACE"})
    if (method == known) return method;
  return "OTHER";
}
}  // namespace

void metrics_registry::observe(std::string_view method, std::string_view route, int status,
                               double seconds) {
  std::lock_guard lock(mutex_);
  auto key = std::make_tuple(std::string(method_label(method)), std::string(route), status);
  ++requests_[key];
  if (status >= 400) ++errors_[key];
  auto& h = latency_[std::string(route)];
  for (std::size_t i = 0; i < buckets.size(); ++i)
    if (seconds <= buckets[i]) ++h.counts[i];
  ++h.count;
  h.sum += seconds;
}

std::string escape_label(std::string_view v) {
  std::string s;
  for (char c : v) {
    if (c == '\\' || c == '"') {
      s.push_back('\\');
      s.push_back(c);
    } else if (c == '\n') {
      s += "\\n";
    } else {
      s.push_back(c);
    }
  }
  return s;
}

namespace {
std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

void counter_lines(std::string& out, const char* name,
                   const std::map<std::tuple<std::string, std::string, int>, std::uint64_t>& m) {
  for (const auto& [k, n] : m) {
    out += name;
    out += "{method=\"" + escape_label(std::get<0>(k)) + "\",route=\"" +
           escape_label(std::get<1>(k)) + "\",status=\"" + std::to_string(std::get<2>(k)) +
           "\"} " + std::to_string(n) + "\n";
  }
}
}  // namespace

std::string metrics_registry::render() const {
  std::lock_guard lock(mutex_);
  std::string out;
  out += "# HELP mfb_http_requests_total HTTP requests answered, by method, route template and status.\n";
  out += "# TYPE mfb_http_requests_total counter\n";
  counter_lines(out, "mfb_http_requests_total", requests_);
  out += "# HELP mfb_http_errors_total HTTP requests answered with a 4xx or 5xx status.\n";
  out += "# TYPE mfb_http_errors_total counter\n";
  counter_lines(out, "mfb_http_errors_total", errors_);
  out += "# HELP mfb_http_request_duration_seconds Time from request to answer, by route template.\n";
  out += "# TYPE mfb_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    std::string label = "route=\"" + escape_label(route) + "\"";
    for (std::size_t i = 0; i < buckets.size(); ++i)
      out += "mfb_http_request_duration_seconds_bucket{" + label + ",le=\"" + number(buckets[i]) +
             "\"} " + std::to_string(h.counts[i]) + "\n";
    out += "mfb_http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " +
           std::to_string(h.count) + "\n";
    out += "mfb_http_request_duration_seconds_sum{" + label + "} " + number(h.sum) + "\n";
    out += "mfb_http_request_duration_seconds_count{" + label + "} " + std::to_string(h.count) + "\n";
  }
  return out;
}

}  // namespace mfb::rehost
