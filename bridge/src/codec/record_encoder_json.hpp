#pragma once
// A tiny exact JSON reader for the encoder: numbers keep their original text (no trip
// through double), strings are unescaped to UTF-8. One document per record; its node and
// text storage is reused from record to record.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mfb::bridge::detail {

enum class json_kind : std::uint8_t { null, boolean, number, string, array, object };

inline constexpr std::uint32_t json_none = 0xFFFFFFFFu;

struct json_node {
  json_kind kind = json_kind::null;
  bool truth = false;               ///< boolean value
  std::uint32_t text_begin = 0;     ///< string (unescaped) or number (as written), in the pool
  std::uint32_t text_length = 0;
  std::uint32_t key_begin = 0;      ///< member key, in the pool
  std::uint32_t key_length = 0;
  std::uint32_t first = json_none;  ///< first element / member
  std::uint32_t next = json_none;   ///< next sibling
  std::uint32_t count = 0;          ///< elements / members
  std::size_t where = 0;            ///< byte offset in the line (for messages)
};

/// One parsed JSON text.
class json_doc {
 public:
  /// Parse `text` (one JSON value, surrounding white space allowed). On failure return
  /// false and set `error` to the reason with its column.
  bool parse(std::string_view text, std::string& error);

  const json_node& node(std::uint32_t i) const { return nodes_[i]; }
  std::uint32_t root() const noexcept { return 0; }
  std::size_t size() const noexcept { return nodes_.size(); }
  std::string_view text(const json_node& n) const {
    return std::string_view(pool_).substr(n.text_begin, n.text_length);
  }
  std::string_view key(const json_node& n) const {
    return std::string_view(pool_).substr(n.key_begin, n.key_length);
  }

 private:
  struct cursor;
  std::vector<json_node> nodes_;
  std::string pool_;
};

/// Render a JSON value back to compact text (for error messages), at most `limit` bytes.
std::string json_excerpt(const json_doc& doc, std::uint32_t index, std::size_t limit = 60);

}  // namespace mfb::bridge::detail
