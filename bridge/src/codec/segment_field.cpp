// The segment field, read the way --select reads its field: decoded text, trimmed of
// padding, so a value reads as the copybook's VALUE clauses do whatever the code page.

#include "mfb/bridge/codec/segments.hpp"

#include "mfb/copybook/name_lookup.hpp"

namespace mfb::bridge {

namespace cb = mfb::copybook;

std::string_view trim_padding(std::string_view s) noexcept {
  auto padding = [](char c) { return static_cast<unsigned char>(c) <= 0x20; };
  while (!s.empty() && padding(s.front())) s.remove_prefix(1);
  while (!s.empty() && padding(s.back())) s.remove_suffix(1);
  return s;
}

std::optional<std::vector<std::string>> split_value_list(std::string_view text) {
  std::vector<std::string> out;
  std::string value;
  auto finish = [&] {
    out.emplace_back(trim_padding(value));  // an empty value: a blank field
    value.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\') {
      if (i + 1 >= text.size() || (text[i + 1] != ',' && text[i + 1] != '\\')) return {};
      value += text[++i];
    } else if (c == ',') {
      finish();
    } else {
      value += c;
    }
  }
  finish();
  return out;
}

result<segment_field_reader> segment_field_reader::build(
    const std::vector<cb::record_layout>& layouts, const std::string& name, const char* flag,
    const ebcdic::code_page& page) {
  const cb::field* f = nullptr;
  std::vector<const cb::record_layout*> all;
  for (const auto& l : layouts) {
    all.push_back(&l);
    if (!f) f = l.find(name);
  }
  if (!f)
    return error{std::string(flag) + " " + name + ": no such field in the copybook" +
                 cb::did_you_mean(name, cb::item_names(all))};
  if (f->variably_located || f->is_occurs() || f->length > max_length)
    return error{std::string(flag) + " " + f->path +
                 " must be a fixed-position, non-OCCURS field of at most 64 bytes"};
  segment_field_reader r;
  r.offset_ = f->offset;
  r.length_ = f->length;
  r.path_ = f->path;
  r.page_ = &page;
  return r;
}

std::optional<std::string_view> segment_field_reader::read(const record_view& rec,
                                                           char* buf) const noexcept {
  if (offset_ + length_ > rec.size) return {};
  std::size_t n = 0;
  if (page_->decode(rec.data + offset_, length_, buf, n) != ebcdic::decode_status::ok) return {};
  return trim_padding(std::string_view(buf, n));
}

}  // namespace mfb::bridge
