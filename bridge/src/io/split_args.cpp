// The text side of splits: checking split options, the plan as JSON (what `mfbridge
// splits` prints), and reading a split choice "I/N" or a range "OFF:LEN[:FIRST]" given on a
// command line, checked against the file before any record is read.

#include <charconv>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "io/split_detail.hpp"
#include "mfb/bridge/io/split_plan.hpp"

namespace mfb::bridge {

std::string split_options::validate() const {
  if (count == 0 && target_size == 0) return "--target-size must be more than 0";
  if (chain < 2) return "the resync chain must be at least 2 descriptors";
  if (index_step == 0) return "the index step must be more than 0";
  return {};
}

std::string split_plan::to_json() const {
  nlohmann::ordered_json j;
  j["file"] = file;
  j["size"] = file_size;
  j["data_start"] = data_start;
  j["data_end"] = data_end;
  j["recfm"] = std::string(to_string(format));
  j["method"] = method;
  j["records"] = records;
  j["ranges"] = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    const byte_range& r = ranges[i];
    j["ranges"].push_back({{"index", i}, {"offset", r.offset}, {"length", r.length},
                           {"first_record", r.first_record}, {"records", r.records}});
  }
  return j.dump();
}

std::optional<std::uint64_t> parse_byte_size(std::string_view text) {
  std::uint64_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{} || end == text.data()) return std::nullopt;
  std::string unit(end, text.data() + text.size());
  if (!unit.empty() && (unit.back() == 'B' || unit.back() == 'b')) unit.pop_back();
  unsigned shift = 0;
  if (unit == "K" || unit == "k") shift = 10;
  else if (unit == "M" || unit == "m") shift = 20;
  else if (unit == "G" || unit == "g") shift = 30;
  else if (unit == "T" || unit == "t") shift = 40;
  else if (!unit.empty()) return std::nullopt;
  if (shift != 0 && n > (UINT64_MAX >> shift)) return std::nullopt;
  return n << shift;
}

result<split_choice> parse_split_choice(std::string_view text) {
  const auto slash = text.find('/');
  split_choice c;
  auto num = [](std::string_view t, unsigned& v) {
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    return ec == std::errc{} && end == t.data() + t.size() && !t.empty();
  };
  if (slash == std::string_view::npos || !num(text.substr(0, slash), c.index) ||
      !num(text.substr(slash + 1), c.count))
    return error{"--split " + std::string(text) + ": expected I/N, e.g. 0/8 (I from 0 to N-1)"};
  if (c.count == 0) return error{"--split " + std::string(text) + ": N must be at least 1"};
  if (c.index >= c.count)
    return error{"--split " + std::string(text) + ": I must be less than N (splits are numbered 0 to " +
                 std::to_string(c.count - 1) + ")"};
  return c;
}

result<byte_range> parse_byte_range(std::string_view text) {
  byte_range r;
  r.first_record = 0;
  std::uint64_t* parts[3] = {&r.offset, &r.length, &r.first_record};
  std::size_t i = 0;
  std::string_view rest = text;
  for (; i < 3 && !rest.empty(); ++i) {
    auto colon = rest.find(':');
    std::string_view part = rest.substr(0, colon);
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), *parts[i]);
    if (ec != std::errc{} || end != part.data() + part.size() || part.empty())
      return error{"--range " + std::string(text) + ": expected OFFSET:LENGTH[:FIRST_RECORD] in bytes"};
    rest = colon == std::string_view::npos ? std::string_view{} : rest.substr(colon + 1);
    if (colon != std::string_view::npos && rest.empty())
      return error{"--range " + std::string(text) + ": expected OFFSET:LENGTH[:FIRST_RECORD] in bytes"};
  }
  if (i < 2 || !rest.empty())
    return error{"--range " + std::string(text) + ": expected OFFSET:LENGTH[:FIRST_RECORD] in bytes"};
  return r;
}

result<byte_range> check_byte_range(const std::string& path, const framing_options& opt,
                                    byte_range r) {
  detail::file_bytes file;
  if (auto why = file.open(path); !why.empty()) return error{why};
  const std::uint64_t ds = opt.skip_head;
  const std::uint64_t de = file.size() >= opt.skip_head + opt.skip_tail ? file.size() - opt.skip_tail : ds;
  const std::string name = "--range " + std::to_string(r.offset) + ":" + std::to_string(r.length);
  if (r.offset < ds || r.offset > de || r.length > de - r.offset)
    return error{name + ": outside the data of " + path + " (bytes " + std::to_string(ds) + " to " +
                 std::to_string(de) + ")"};
  if (opt.format == recfm::f || opt.format == recfm::fb) {
    if ((r.offset - ds) % opt.lrecl != 0 || (r.length % opt.lrecl != 0 && r.offset + r.length != de))
      return error{name + ": not on record boundaries (LRECL " + std::to_string(opt.lrecl) + " from offset " +
                   std::to_string(ds) + ")"};
    const std::uint64_t first = (r.offset - ds) / opt.lrecl + 1;
    if (r.first_record != 0 && r.first_record != first)
      return error{name + ": starts at record " + std::to_string(first) + ", not " + std::to_string(r.first_record)};
    r.first_record = first;
    return r;
  }
  if (r.first_record == 0)
    return error{name + ": a " + std::string(to_string(opt.format)) +
                 " range needs its first record number (OFFSET:LENGTH:FIRST, from mfbridge splits)"};
  return r;
}

}  // namespace mfb::bridge
