#pragma once
// Shared state of the resolver passes (resolver.cpp builds the hierarchy and interprets
// clauses, resolver_names.cpp resolves REDEFINES/ODO/RENAMES names, resolver_layout.cpp
// assigns sizes and offsets). Private to the resolver.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ast.hpp"
#include "logical_source.hpp"
#include "mfb/copybook/layout.hpp"
#include "picture.hpp"
#include "resolver.hpp"
#include "text_words.hpp"  // iequals

namespace mfb::copybook::detail {

/// What the resolver keeps about one field besides the public `field` itself.
struct item_info {
  const ast::entry* entry = nullptr;
  std::optional<ast::usage_kw> usage;  ///< written on this entry
  std::string usage_word;              ///< as written, for messages
  const ast::picture_clause* picture = nullptr;
  const ast::occurs_clause* occurs = nullptr;
  const ast::redefines_clause* redefines = nullptr;
  const ast::sign_clause* sign = nullptr;
  const ast::sync_clause* sync = nullptr;
  const ast::value_clause* value = nullptr;
  const ast::renames_clause* renames = nullptr;
  picture_analysis pic;
  std::size_t align = 1;      ///< boundary of a SYNC elementary item (1 = none)
  std::size_t max_align = 1;  ///< largest SYNC boundary in the subtree
  std::size_t total = 0;      ///< bytes of all occurrences (stride * count)
  std::size_t items = 0;      ///< elementary items of all occurrences (capped past the limit)
  int last_descendant = 0;    ///< index of the last field in this subtree
  bool sign_inherited = false;  ///< SIGN came from a group: silently ignored where it does not apply
  bool synthetic = false;     ///< the record wrapping items that start below level 01
  bool bad = false;           ///< already reported; skip follow-up checks
};

/// One record under construction.
struct record_work {
  record_layout layout;
  std::vector<item_info> info;  ///< parallel to layout.fields
  std::vector<const ast::entry*> renames;  ///< its 66 entries, resolved after layout
  bool over_limit = false;  ///< a layout limit was passed and reported: sizes are unusable
};

std::string upper(std::string_view s);
std::string level_text(int level);  ///< "05"

class resolver_pass {
 public:
  resolver_pass(const logical_source& src, const resolve_options& opts,
                std::vector<diagnostic>& diags)
      : src_(src), opts_(opts), diags_(diags) {}

  std::vector<record_layout> run(const std::vector<ast::entry>& entries);

 private:
  // resolver.cpp
  void add_entry(const ast::entry& e);
  void start_record(const ast::entry* e);
  void add_condition(const ast::entry& e);
  void collect_clauses(record_work& r, int i);
  void type_fields(record_work& r);
  void type_elementary(record_work& r, int i);
  void finish_record(record_work& r);
  // resolver_values.cpp
  bool check_literal(const ast::literal& lit);  ///< false (and reported) if malformed
  bool check_joined(const ast::literal& lit);   ///< literals joined with '&': one category
  void check_values(record_work& r);
  void blank_when_zero(field& f, const item_info& info);  ///< the category it gives
  // resolver_names.cpp
  int lookup(const record_work& r, const ast::qualified_name& name, std::size_t where,
             const char* role);
  void resolve_redefines(record_work& r);
  void resolve_odo(record_work& r);
  void resolve_renames(record_work& r);
  // resolver_layout.cpp
  void layout(record_work& r);
  void place(record_work& r, int i, std::size_t at);
  bool check_limits(record_work& r, int i, std::size_t bytes, std::size_t items, int cause);
  std::size_t min_total(record_work& r, int i);
  void mark_variably_located(record_work& r);
  void assign_paths(record_work& r);

  std::size_t name_offset(const ast::entry& e) const;
  std::size_t picture_text_offset(const item_info& info) const;
  void error(std::size_t offset, std::string message);
  void warning(std::size_t offset, std::string message);

  const logical_source& src_;
  const resolve_options& opts_;
  std::vector<diagnostic>& diags_;
  std::vector<record_work> records_;
  std::vector<int> stack_;  ///< open groups of the current record
};

}  // namespace mfb::copybook::detail
