// Key fields of a delta: resolved once in the layout, extracted by offset from raw records
// (no decoding), hashed for the table and the spill partitions.

#include <cstring>

#include "delta/delta_detail.hpp"
#include "mfb/bridge/io/record_error.hpp"
#include "mfb/copybook/name_lookup.hpp"
#include "mfb/ebcdic/hex.hpp"

namespace mfb::bridge::detail {

namespace {

bool inside_occurs(const copybook::record_layout& layout, const copybook::field& f) {
  for (const copybook::field* p = &f; p; p = p->parent >= 0 ? &layout.fields[static_cast<std::size_t>(p->parent)] : nullptr)
    if (p->is_occurs()) return true;
  return false;
}

// The JSON key path: the layout's path less the 01 name (the JSON object is the 01's content).
std::string relative_path(const copybook::record_layout& layout, const copybook::field& f) {
  if (layout.synthetic) return f.path;
  auto dot = f.path.find('.');
  return dot == std::string::npos ? std::string{} : f.path.substr(dot + 1);
}

}  // namespace

result<key_spec> key_spec::resolve(const copybook::record_layout& layout,
                                   const std::vector<std::string>& names) {
  if (names.empty()) return error{"--key needs at least one field"};
  key_spec spec;
  for (const auto& name : names) {
    const copybook::field* f = layout.find(name);
    if (!f) return error{"--key " + name + ": no field of that name in " + layout.name +
                         " (or the name is ambiguous: give a dotted path)" +
                         copybook::did_you_mean(name, copybook::item_names({&layout}))};
    std::string why;
    if (f == &layout.fields.front()) why = "is the whole record";
    else if (f->is_filler) why = "is FILLER";
    else if (inside_occurs(layout, *f)) why = "is inside an OCCURS table";
    else if (f->variably_located) why = "follows an OCCURS DEPENDING ON table (its offset moves)";
    else if (f->level == 66 || f->level == 88) why = "is not a data item";
    else if (f->length == 0) why = "has no bytes";
    if (!why.empty()) return error{"--key " + name + " " + why + "; a key field needs a fixed offset"};
    delta_key_field k{relative_path(layout, *f), f->offset, f->length};
    for (const auto& other : spec.fields)
      if (other.path == k.path) return error{"--key " + name + " is given twice"};
    spec.size += k.length;
    spec.min_end = std::max(spec.min_end, k.offset + k.length);
    spec.fields.push_back(std::move(k));
  }
  return spec;
}

bool key_spec::extract(const record_view& rec, std::uint8_t* out) const noexcept {
  if (rec.size < min_end) return false;
  for (const auto& f : fields) {
    std::memcpy(out, rec.data + f.offset, f.length);
    out += f.length;
  }
  return true;
}

std::string key_spec::too_short(std::string_view file, const record_view& rec) const {
  return where(file, rec.number, rec.file_offset) + " is " + std::to_string(rec.size) +
         " bytes, too short for the key fields (they end at byte " + std::to_string(min_end) + ")";
}

std::uint64_t key_hash(const std::uint8_t* key, std::size_t size) noexcept {
  // MurmurHash64A's structure; any good mix would do, but it must not depend on the build.
  constexpr std::uint64_t m = 0xC6A4A7935BD1E995ull;
  std::uint64_t h = 0x8445D61A4E774912ull ^ (size * m);
  std::size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    std::uint64_t k = 0;
    std::memcpy(&k, key + i, 8);
    k *= m;
    k ^= k >> 47;
    k *= m;
    h ^= k;
    h *= m;
  }
  if (i < size) {
    std::uint64_t k = 0;
    for (std::size_t j = size; j > i; --j) k = (k << 8) | key[j - 1];
    h ^= k;
    h *= m;
  }
  h ^= h >> 47;
  h *= m;
  h ^= h >> 47;
  return h;
}

std::string where(std::string_view file, std::uint64_t number, std::uint64_t offset) {
  return std::string(file) + ": record " + std::to_string(number) + " (file offset " +
         std::to_string(offset) + ")";
}

std::string duplicate_key(std::string_view file, const std::uint8_t* key, std::size_t size,
                          std::uint64_t first_number, std::uint64_t first_offset,
                          std::uint64_t second_number, std::uint64_t second_offset) {
  if (second_number < first_number) {
    std::swap(first_number, second_number);
    std::swap(first_offset, second_offset);
  }
  return where(file, second_number, second_offset) + " has the same key as record " +
         std::to_string(first_number) + " (file offset " + std::to_string(first_offset) +
         "): key " + ebcdic::hex_spaced(key, size) + "; keys must be unique in each generation";
}

bool reader_source::next(record_view& rec, delta_failure& failure) {
  if (index_ == batch_.size()) {
    index_ = 0;
    if (!reader_->next(batch_)) {
      if (const framing_error* fe = reader_->error())
        return failure.set(
            fe->what == framing_error::kind::io ? failure_kind::target : failure_kind::bad_data,
            fe->to_string());
      return false;
    }
  }
  rec = batch_[index_++];
  return true;
}

}  // namespace mfb::bridge::detail
