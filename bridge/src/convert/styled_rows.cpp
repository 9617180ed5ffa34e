// The row pass of an output style (styled_rows.hpp). The decoder's JSON is well formed and
// written by us, so a single forward scan that knows strings, objects and arrays suffices.

#include "convert/styled_rows.hpp"

#include <charconv>
#include <cstring>
#include <filesystem>
#include <vector>

#include "codec/raw_bytes_text.hpp"
#include "mfb/bridge/codec/text/json_quote.hpp"

namespace mfb::bridge::detail {

generated_ids flat_record_ids(const output_style& style, const record_view& rec) {
  return generated_ids{style.file_id, rec.number - 1, rec.size};
}

char* put_generated_columns(const generated_ids& ids, char* o) {
  auto put = [&o](std::string_view s) {
    std::memcpy(o, s.data(), s.size());
    o += s.size();
  };
  put("\"File_Id\":");
  o = std::to_chars(o, o + 24, ids.file_id).ptr;
  put(",\"Record_Id\":");
  o = std::to_chars(o, o + 24, ids.record_id).ptr;
  put(",\"Record_Byte_Length\":");
  return std::to_chars(o, o + 24, ids.byte_length).ptr;
}

namespace {

// The end of the JSON string starting at `p` (on its opening quote): past the closing one.
char* skip_string(char* p, char* end) {
  for (++p; p < end; ++p) {
    if (*p == '\\')
      ++p;
    else if (*p == '"')
      return p + 1;
  }
  return end;
}

bool null_at(const char* p, const char* end) {
  return end - p >= 5 && std::memcmp(p, "null", 4) == 0 && (p[4] == ',' || p[4] == '}');
}

}  // namespace

char* drop_null_members(char* begin, char* end) {
  struct level {
    bool object;
    bool any;  // a member has been written
  };
  std::vector<level> stack;
  stack.reserve(16);
  char* w = begin;
  bool expect_key = false;
  for (char* r = begin; r < end;) {
    if (expect_key) {
      if (*r == '}') {
        *w++ = *r++;
        stack.pop_back();
        expect_key = false;
        continue;
      }
      char* key = r;
      r = skip_string(r, end) + 1;  // past the ':'
      if (null_at(r, end)) {
        r += 4;
        if (*r == ',') ++r;  // still expecting a key (or the '}')
        continue;
      }
      if (stack.back().any) *w++ = ',';
      stack.back().any = true;
      std::memmove(w, key, static_cast<std::size_t>(r - key));
      w += r - key;
      expect_key = false;
      continue;
    }
    char c = *r;
    if (c == '"') {
      char* e = skip_string(r, end);
      std::memmove(w, r, static_cast<std::size_t>(e - r));
      w += e - r;
      r = e;
      continue;
    }
    ++r;
    if (c == ',' && !stack.empty() && stack.back().object) {
      expect_key = true;
      continue;
    }
    *w++ = c;
    if (c == '{') {
      stack.push_back({true, false});
      expect_key = true;
    } else if (c == '[') {
      stack.push_back({false, false});
    } else if ((c == '}' || c == ']') && !stack.empty()) {
      stack.pop_back();
    }
  }
  return w;
}

bool decode_merged(std::vector<record_decoder>& decoders, const record_view& rec,
                   std::string_view file, text_buffer& text, std::vector<record_error>& errors) {
  const std::size_t line_start = text.size();
  for (auto& d : decoders) {
    const std::size_t start = text.size();
    if (!d.decode(rec, file, text, errors)) {
      text.set_size(line_start);
      return false;
    }
    if (start == line_start) continue;
    // "...}}\n" + "{"RECORD_B":..}\n" -> "...},"RECORD_B":..}\n"
    char* at = text.data() + start;
    const std::size_t n = text.size() - start;
    std::memmove(at - 1, at + 1, n - 1);
    at[-2] = ',';
    text.set_size(text.size() - 2);
  }
  return true;
}

input_file_columns file_columns(const output_style& style, const std::string& name,
                                std::uint32_t file_id) {
  input_file_columns f{name, file_id, {}};
  if (style.file_name_column.empty()) return f;
  std::string value = name;
  if (style.file_name_uri && name != "-") {
    // Hadoop's Path.toUri of a local file: file: then the absolute, normalised path.
    std::error_code ec;
    auto abs = std::filesystem::absolute(name, ec).lexically_normal();
    value = "file:" + (ec ? name : abs.string());
  }
  text::json_quote(style.file_name_column, f.name_member);
  f.name_member += ':';
  text::json_quote(value, f.name_member);
  return f;
}

void finish_styled_row(const output_style& style, const record_view& rec, text_buffer& text,
                       std::size_t line_start, bool has_null) {
  finish_styled_row(style, input_file_columns{{}, style.file_id, {}}, rec, text, line_start, has_null);
}

void finish_styled_row(const output_style& style, const input_file_columns& file,
                       const record_view& rec, text_buffer& text, std::size_t line_start,
                       bool has_null) {
  char* line = text.data() + line_start;
  std::size_t size = text.size() - line_start;
  if (style.spark() && has_null) {
    size = static_cast<std::size_t>(drop_null_members(line, line + size) - line);
    text.set_size(line_start + size);
  }
  char ids[generated_columns_max];
  char* ids_end = ids;
  if (style.generate_record_id)
    ids_end = put_generated_columns(generated_ids{file.file_id, rec.number - 1, rec.size}, ids);
  static constexpr std::string_view bytes_key = "\"Record_Bytes\":\"";
  const std::size_t bytes_size =
      style.record_bytes ? bytes_key.size() + 4 * ((rec.size + 2) / 3) + 1 : 0;
  const std::size_t parts[] = {static_cast<std::size_t>(ids_end - ids), bytes_size,
                               file.name_member.size()};
  std::size_t n = 0, count = 0;
  for (std::size_t p : parts)
    if (p != 0) n += p + (count++ ? 1 : 0);
  if (n == 0) return;
  if (size > 1 && line[1] != '}') ++n;  // a comma before the record's own members
  line = text.reserve_tail(n) - size;  // the buffer may move
  std::memmove(line + 1 + n, line + 1, size - 1);
  char* o = line + 1;
  auto put = [&o](std::string_view s) {
    std::memcpy(o, s.data(), s.size());
    o += s.size();
  };
  auto separate = [&o, first = line + 1] {
    if (o != first) *o++ = ',';
  };
  if (ids_end != ids) put(std::string_view(ids, static_cast<std::size_t>(ids_end - ids)));
  if (style.record_bytes) {
    separate();
    put(bytes_key);
    o = put_raw_bytes(o, rec.data, rec.size, 2);
    *o++ = '"';
  }
  if (!file.name_member.empty()) {
    separate();
    put(file.name_member);
  }
  if (o != line + 1 + n) *o = ',';
  text.set_size(line_start + size + n);
}

}  // namespace mfb::bridge::detail
