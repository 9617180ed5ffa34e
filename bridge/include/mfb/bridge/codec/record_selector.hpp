#pragma once
// Multi-record files: pick, per record, the 01 record or the REDEFINES alternative to decode
// from a field's value (`--select FIELD=VALUE:RECORD`), or a single record (`--record NAME`).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mfb/bridge/codec/decode_plan.hpp"
#include "mfb/bridge/io/record_error.hpp"
#include "mfb/bridge/io/record_reader.hpp"
#include "mfb/copybook/layout.hpp"
#include "mfb/ebcdic/code_page.hpp"
#include "mfb/ebcdic/result.hpp"

namespace mfb::bridge {

/// One `--select FIELD=V1[,V2...]:TARGET` rule: records whose FIELD reads one of the values
/// decode as TARGET.
struct select_rule {
  std::string field;  ///< a field name or dotted path
  /// Compared with the field's decoded text, both trimmed of spaces; several ids per
  /// segment are a comma list (`\,` is a comma inside a value, `\\` a backslash).
  std::vector<std::string> values;
  std::string target;  ///< a 01 record name, or a REDEFINES alternative's name
};

/// Parse "FIELD=V1[,V2...]:TARGET" (the last ':' separates the target); nullopt when
/// malformed.
std::optional<select_rule> parse_select_rule(std::string_view text);

/// The plans of a run and the rules that choose between them.
class record_selector {
 public:
  /// Build plans for `layouts`: with `rules`, one plan per distinct target; else the record
  /// named `record_name`, or the only record. Fails on unknown names or ambiguity.
  static result<record_selector> build(const std::vector<copybook::record_layout>& layouts,
                                       const std::string& record_name,
                                       const std::vector<select_rule>& rules,
                                       const ebcdic::code_page& page, const decode_options& opts);

  /// Return the index of the plan for `rec`, or -1 when no rule matches.
  int choose(const record_view& rec) const noexcept;
  /// Describe why `rec` matched no rule, as a record error (fields and their values).
  record_error no_match(const record_view& rec, std::string_view file) const;

  const std::vector<decode_plan>& plans() const noexcept { return plans_; }
  /// Every record is decoded with every plan and written as one row (the 01 records of a
  /// copybook under schema_retention::keep_original, when no --record or --select chooses).
  bool merges_records() const noexcept { return merge_all_; }

  struct compiled_rule {
    std::size_t offset = 0;
    std::size_t length = 0;
    std::string field_path;
    std::string value;  ///< trimmed
    int plan = 0;
  };

 private:
  bool field_text(const compiled_rule& r, const record_view& rec, char* out,
                  std::size_t& n) const noexcept;
  std::vector<decode_plan> plans_;
  std::vector<compiled_rule> rules_;
  bool merge_all_ = false;
  const ebcdic::code_page* page_ = nullptr;
};

}  // namespace mfb::bridge
