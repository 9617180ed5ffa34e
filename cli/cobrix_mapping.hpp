#pragma once
// The state a list of Cobrix options builds before it becomes mfbridge flags. Several
// Cobrix options only mean something together (segment_field with segment_filter or
// redefine-segment-id-map, record_length_field with rdw_adjustment, record_format with the
// RDW options and variable_size_occurs), so each option is first checked and stored here,
// and the flags are written once every option is known.

#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cobrix_options.hpp"

namespace mfb::cli::cobrix {

struct mapping_state {
  std::vector<std::string> flags;  ///< flags that need no other option
  std::vector<std::string> copybooks;
  std::vector<std::string> inputs;
  std::string record_format;  ///< F, FB, V, VB, D, D2, TEXT (is_text)
  std::string record_length_field;
  long long record_length_constant = 0;  ///< the N of record_length_field=FIELD + N
  std::optional<long long> rdw_adjustment;
  std::optional<bool> rdw_big_endian;
  std::optional<bool> rdw_counts_header;
  std::optional<bool> bdw_big_endian;
  std::optional<long long> bdw_adjustment;
  bool variable_size_occurs = false;
  bool xcom = false;              ///< is_xcom=true
  bool ignore_file_size = false;  ///< debug_ignore_file_size=true (fixed-length files only)
  bool ascii = false;
  bool improved_null_detection = true;
  std::string segment_field;
  std::string segment_filter;
  std::string segment_root;
  std::vector<std::pair<std::string, std::string>> segment_maps;   ///< GROUP => ids
  std::vector<std::pair<std::string, std::string>> children_maps;  ///< PARENT => children
  std::vector<std::pair<int, std::string>> segment_levels;          ///< level, ids
  std::optional<bool> truncate_comments;  ///< cobrix_copybook_options.hpp
  std::optional<long long> comments_lbound;
  std::optional<long long> comments_ubound;
};

/// Store one option (its name already lower-cased, '-' read as '_', `:N` split off into
/// `index`); "" or the reason its value is refused.
using option_handler = std::string (*)(const std::string& value, const std::string& index,
                                       mapping_state& state);

/// One row of the table: what the user reads, and the code that stores the option
/// (nullptr for the unsupported ones and those handled as a whole, like occurs_mappings).
struct table_row {
  cobrix_option_info info;
  option_handler handler;
};

/// The rows about values and output (cobrix_option_table.cpp), and about framing and
/// segments (cobrix_option_framing.cpp).
const std::vector<table_row>& value_rows();
const std::vector<table_row>& framing_rows();

/// The row of `base_name` (lower case, '_' for '-'), or nullptr when Cobrix has no such option.
const table_row* find_row(const std::string& base_name);

/// Write the flags of the options that depend on each other; "" or the error.
std::string finish_mapping(mapping_state& state);

// Value checks shared by the handlers; each returns "" or the reason.
std::string lower(std::string s);
bool parse_int(const std::string& v, long long& out);
std::string count_flag(const char* flag, const std::string& v, mapping_state& s);
std::string bool_flag(const char* flag, const std::string& v, mapping_state& s);
std::string bool_value(const std::string& v, bool& out);
std::string optional_bool(const std::string& v, std::optional<bool>& out);
/// `flag if_true` or `flag if_false` for a Cobrix boolean.
std::string bool_choice_flag(const char* flag, const std::string& v, const char* if_true,
                             const char* if_false, mapping_state& s);
std::string choice(const std::string& v, std::initializer_list<const char*> allowed, std::string& out);
/// Comma lists as Cobrix splits them: items trimmed, empty items dropped.
std::vector<std::string> split_list(const std::string& v);
std::string join(const std::vector<std::string>& items);
/// "LEFT => a,b" (redefine-segment-id-map, segment-children).
std::string arrow_map(const std::string& v, std::vector<std::pair<std::string, std::string>>& out);

// The table files' shorthands.
inline constexpr auto mapped = cobrix_status::mapped;
inline constexpr auto no_effect = cobrix_status::no_effect;
inline constexpr auto unsupported = cobrix_status::unsupported;

#define MFB_COBRIX_HANDLER \
  [](const std::string& v, [[maybe_unused]] const std::string& index, \
   [[maybe_unused]] mapping_state& s) -> std::string

/// A Cobrix boolean ("true"/"false", any case); nullopt when it is neither.
std::optional<bool> parse_bool(const std::string& value);

}  // namespace mfb::cli::cobrix
