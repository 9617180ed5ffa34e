#pragma once
// Syntax tree of copybook data description entries, exactly as written. Sizes, offsets and
// the level hierarchy are not here: the resolver works those out in a separate pass.

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/spirit/home/x3/support/ast/variant.hpp>

namespace mfb::copybook::ast {

namespace x3 = boost::spirit::x3;

/// Base of nodes that remember where they start in logical_source::text (set on success).
struct tagged {
  std::size_t offset = 0;
};

/// A data name possibly qualified: `CNT OF HDR` is {"CNT", "HDR"}.
struct qualified_name : tagged {
  qualified_name() = default;
  qualified_name(std::vector<std::string> p) : parts(std::move(p)) {}  // NOLINT: X3 assigns
  std::vector<std::string> parts;
};

enum class literal_kind { number, string, hex, national, dbcs, figurative, all };

/// One literal: strings unquoted with doubled quotes collapsed, numbers as written,
/// figurative constants by their canonical singular name (ZERO, SPACE, HIGH-VALUE, ...).
/// One operand of literals joined with '&': its kind and where it starts.
struct joined_operand {
  literal_kind kind = literal_kind::string;
  std::size_t offset = 0;
};

struct literal : tagged {
  literal_kind kind = literal_kind::number;  ///< the first operand's when joined
  std::string text;                          ///< joined operands: their texts, in order
  /// The operands of a concatenation (IBM: `'AB' & X'C1'`), one entry for a lone quoted,
  /// hex, national or DBCS literal, none for the others. Set by the grammar, not adapted.
  std::vector<joined_operand> joined;
};

struct value_item {
  literal from;
  std::optional<literal> thru;
};

enum class usage_kw {
  display, display_1, national, binary, comp_5, comp_1, comp_2, packed, pointer,
  procedure_pointer, function_pointer, index
};

struct picture_clause : tagged {
  picture_clause() = default;
  picture_clause(std::string t) : text(std::move(t)) {}  // NOLINT: X3 assigns the string
  std::string text;
};
struct usage_clause {
  bool keyword = false;  ///< USAGE was written
  std::string word;      ///< the usage as written (COMP-3, PACKED-DECIMAL, ...), for messages
};

/// The usage a (valid) usage word stands for; COMP, COMP-4 and BINARY are one usage.
usage_kw usage_of(const std::string& word);
struct occurs_key {
  std::string direction;  ///< ASCENDING / DESCENDING
  std::vector<std::string> names;
};
struct occurs_clause : tagged {
  unsigned from = 0;
  std::optional<unsigned> to;
  std::optional<qualified_name> depending_on;
  std::vector<occurs_key> keys;
  std::vector<std::string> indexes;
};
struct redefines_clause : tagged {
  redefines_clause() = default;
  redefines_clause(std::string t) : target(std::move(t)) {}  // NOLINT: X3 assigns the name
  std::string target;
};
enum class sign_kw { leading, trailing };
struct sign_clause {
  sign_kw position = sign_kw::trailing;
  bool separate = false;
};
struct justified_clause {
  bool right = true;
  std::string side;  ///< RIGHT, or empty
};
struct sync_clause {
  bool sync = true;
  std::string side;  ///< LEFT / RIGHT / empty
};
struct blank_when_zero_clause {
  bool blank = true;
  std::string word;  ///< ZERO / ZEROS / ZEROES
};
struct value_clause : tagged {
  bool plural = false;  ///< VALUES ARE
  std::vector<value_item> items;
};
struct renames_clause : tagged {
  qualified_name from;
  std::optional<qualified_name> thru;
};
/// Clauses accepted and ignored because they do not change storage: GLOBAL, EXTERNAL,
/// TYPEDEF, DATE FORMAT, GROUP-USAGE, ...
struct ignored_clause {
  std::string keyword;
  std::string argument;
};

using clause = x3::variant<picture_clause, usage_clause, occurs_clause, redefines_clause,
                           sign_clause, justified_clause, sync_clause, blank_when_zero_clause,
                           value_clause, renames_clause, ignored_clause>;

/// One data description entry: `level [name|FILLER] clause... .`
struct entry : tagged {
  unsigned level = 0;
  std::optional<std::string> name;
  std::vector<clause> clauses;
  /// Set by the driver for an entry that failed to parse: its level and name keep the
  /// hierarchy intact, and the resolver reports nothing more about it.
  bool incomplete = false;
};

}  // namespace mfb::copybook::ast
