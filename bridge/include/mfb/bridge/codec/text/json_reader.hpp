#pragma once
// The one reader of JSON records (canonical records, encode input, delta generations, REST
// bodies' record values). simdjson does the parsing; this keeps what a general reader
// loses: numbers stay as written ("1234.50" reaches the packed encoder as 123450 scale 2,
// never through a double) and every value knows where its text is in the input, so a caller
// can cut a member out or compare two records value by value.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mfb::bridge::text {

enum class json_kind : std::uint8_t { null, boolean, number, string, array, object };

inline constexpr std::uint32_t json_none = 0xFFFFFFFFu;

/// One value of a parsed document. Views are valid until the next parse.
struct json_node {
  json_kind kind = json_kind::null;
  bool truth = false;               ///< boolean value
  std::string_view text;            ///< string (unescaped) or number (as written)
  std::string_view key;             ///< member name (unescaped); empty for array elements
  std::uint32_t raw_begin = 0;      ///< the value's text in the input: [raw_begin, raw_end)
  std::uint32_t raw_end = 0;
  std::uint32_t first = json_none;  ///< first element / member
  std::uint32_t next = json_none;   ///< next sibling
  std::uint32_t count = 0;          ///< elements / members
};

/// One parsed JSON text. Holds the parser's buffers, which are reused from parse to parse:
/// keep one per thread (or per stream) rather than one per record.
class json_doc {
 public:
  /// Deeper nesting is refused ("JSON nested too deeply"): callers walk the tree recursively.
  static constexpr int max_depth = 64;

  json_doc();
  ~json_doc();
  json_doc(json_doc&&) noexcept;
  json_doc& operator=(json_doc&&) noexcept;

  /// Parse `text` (one JSON value, surrounding white space allowed). On failure return
  /// false and set `error` to the reason with its column. `text` must outlive the use of
  /// raw() views.
  bool parse(std::string_view text, std::string& error);

  const json_node& node(std::uint32_t i) const { return nodes_[i]; }
  std::uint32_t root() const noexcept { return 0; }
  std::size_t size() const noexcept { return nodes_.size(); }
  std::string_view text(const json_node& n) const noexcept { return n.text; }
  std::string_view key(const json_node& n) const noexcept { return n.key; }
  /// The value's exact text in the parsed input (containers included, no outer white space).
  std::string_view raw(const json_node& n) const noexcept {
    return input_.substr(n.raw_begin, n.raw_end - n.raw_begin);
  }
  /// The first member of object node `object` named exactly `key`, or json_none.
  std::uint32_t member(std::uint32_t object, std::string_view key) const noexcept;

 private:
  struct engine;
  struct builder;
  std::unique_ptr<engine> engine_;
  std::vector<json_node> nodes_;
  std::string_view input_;
};

/// True when `token` is a JSON number (RFC 8259 section 6).
bool is_json_number(std::string_view token) noexcept;

/// Render a JSON value back to compact text (for error messages), at most `limit` bytes.
std::string json_excerpt(const json_doc& doc, std::uint32_t index, std::size_t limit = 60);

}  // namespace mfb::bridge::text
