// Split indexes: one sequential pass over a variable or text file keeps a legal range start
// (with its record number) about every `step` bytes. The file is text: a JSON header line
// naming the input (size, modification time, a hash of its first 64 KiB) and its framing,
// then one "offset first_record" line per point. A header that does not match the input
// and framing makes the index stale: it is rebuilt, never trusted.

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "io/split_detail.hpp"

namespace mfb::bridge::detail {

namespace {

constexpr std::size_t head_bytes = 64 * 1024;

std::string head_hash(file_bytes& file) {
  const auto& head = file.read(0, head_bytes);
  std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a 64
  for (std::uint8_t b : head) h = (h ^ b) * 0x100000001b3ULL;
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(h));
  return text;
}

nlohmann::ordered_json header_of(file_bytes& file, const framing_options& opt) {
  nlohmann::ordered_json j;
  j["mfbridge_split_index"] = 1;
  j["size"] = file.size();
  j["mtime_ns"] = file.mtime_ns();
  j["head_fnv1a"] = head_hash(file);
  j["recfm"] = std::string(to_string(opt.format));
  j["lrecl"] = opt.lrecl;
  j["rdw_big_endian"] = opt.rdw_big_endian;
  j["rdw_includes_header"] = opt.rdw_includes_header;
  j["skip_head"] = opt.skip_head;
  j["skip_tail"] = opt.skip_tail;
  return j;
}

}  // namespace

result<split_index> build_index(file_bytes& file, const framing_options& opt,
                                std::uint64_t data_start, std::uint64_t data_end,
                                std::uint64_t step) {
  split_index index;
  index.points.push_back({data_start, 1});
  std::uint64_t end = 0;
  auto why = walk_units(file, opt, data_start, data_end, end,
                        [&](std::uint64_t off, const unit_info& u, const std::uint8_t*) {
                          if (u.starts_record && off >= index.points.back().offset + step)
                            index.points.push_back({off, index.records + 1});
                          index.records += u.record_starts;
                          return true;
                        });
  if (!why.empty()) {
    // Where the walk stopped: the last point before it and its record number let the
    // caller reproduce the reader's own message.
    index.points.push_back({end, index.records + 1});
    return error{why};
  }
  return index;
}

result<std::optional<split_index>> read_index(const std::string& path, file_bytes& file,
                                              const framing_options& opt) {
  std::ifstream in(path);
  if (!in) return std::optional<split_index>{};
  std::string line;
  if (!std::getline(in, line)) return std::optional<split_index>{};
  auto header = nlohmann::ordered_json::parse(line, nullptr, false);
  if (header.is_discarded() || !header.is_object() || !header.contains("records"))
    return error{path + ": is not a split index (its first line is not the index header)"};
  auto records = header["records"];
  header.erase("records");
  if (header != header_of(file, opt)) return std::optional<split_index>{};
  split_index index;
  index.records = records.get<std::uint64_t>();
  unsigned long long off = 0;
  unsigned long long first = 0;
  std::size_t line_no = 1;
  while (std::getline(in, line)) {
    ++line_no;
    std::istringstream fields(line);
    if (!(fields >> off >> first) || first == 0 || (!index.points.empty() && off <= index.points.back().offset))
      return error{path + ": line " + std::to_string(line_no) + ": not an \"offset first_record\" point in order"};
    index.points.push_back({off, first});
  }
  if (index.points.empty()) return error{path + ": has no points"};
  return std::optional<split_index>{std::move(index)};
}

std::string write_index(const std::string& path, const split_index& index, file_bytes& file,
                        const framing_options& opt) {
  auto header = header_of(file, opt);
  header["records"] = index.records;
  const std::string temp = path + ".partial";
  {
    std::ofstream out(temp, std::ios::trunc);
    out << header.dump() << '\n';
    for (const auto& p : index.points) out << p.offset << ' ' << p.first_record << '\n';
    out.flush();
    if (!out) return temp + ": cannot write the index";
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) return path + ": cannot rename the index into place";
  return {};
}

}  // namespace mfb::bridge::detail
