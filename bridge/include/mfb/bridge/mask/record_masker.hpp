#pragma once
// A masking policy compiled for one record layout: the byte places of every masked field
// (OCCURS expanded) and how each is rewritten. Masking works on the record's bytes before
// it is decoded, so every output (JSON, CSV, tables, exports, deltas) sees the same masked
// record, and a masked record is still valid by its copybook: a value is re-encoded in its
// own usage (zoned, packed, binary, text, national) and fits its field.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <map>
#include <string>
#include <vector>

#include "mfb/bridge/mask/policy.hpp"
#include "mfb/copybook/layout.hpp"
#include "mfb/ebcdic/binary.hpp"
#include "mfb/ebcdic/code_page.hpp"
#include "mfb/ebcdic/zoned.hpp"
#include "mfb/ebcdic/result.hpp"

namespace mfb::bridge {

/// Personal-looking values seen in fields the policy keeps, gathered from the first records
/// each decoder reads (thread-safe; read after the run for the report).
class mask_findings {
 public:
  struct counts {
    std::uint64_t sampled = 0;
    std::uint64_t nino_like = 0;
    std::uint64_t utr_like = 0;
  };
  void add(const std::string& field, bool nino, bool utr);
  std::map<std::string, counts> snapshot() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, counts> by_field_;
};

/// What a run masks with: the policy (secret loaded) and where findings go. Shared by every
/// decoder of the run through decode_options::mask.
struct mask_run {
  mask_policy policy;
  ebcdic::zoned_charset zoned_charset = ebcdic::zoned_charset::ebcdic;
  ebcdic::truncation binary_trunc = ebcdic::truncation::standard;
  std::shared_ptr<mask_findings> findings = std::make_shared<mask_findings>();
  std::size_t sample_records = 1000;  ///< records per decoder checked for personal-looking values
};

/// How one elementary field is stored, as far as masking is concerned.
enum class mask_storage : std::uint8_t { text, national, zoned, packed, binary, other };

/// One elementary field of a layout and the rule that covers it (directly or by a group).
struct mask_target {
  int field = -1;            ///< index into the layout's fields
  int rule = -1;             ///< index into the policy's rules; -1: no rule (kept)
  mask_storage storage = mask_storage::other;
};

/// Every elementary, named field of `layout` with the first rule matching it or a group
/// above it (by name or dotted path).
std::vector<mask_target> mask_targets(const mask_policy& policy, const copybook::record_layout& layout);

/// A field's name in reports and messages: its dotted path from the record ("REC.GROUP.FIELD").
std::string mask_field_label(const copybook::record_layout& layout, const copybook::field& f);

/// Why a record could not be masked: a value a rule must read is not valid for its field.
struct mask_failure {
  std::string field_path;   ///< with OCCURS subscripts: "REC.TABLE(2).NINO"
  std::size_t offset = 0;   ///< in the record
  std::size_t length = 0;
  std::string reason;
};

class record_masker {
 public:
  /// Compile `run.policy` for `layout`; fails, naming the field and the rule, when a rule
  /// cannot apply (a token longer than the field, a band on a text field, a usage masking
  /// does not rewrite, a field that moves with an ODO table).
  static result<record_masker> compile(std::shared_ptr<const mask_run> run,
                                       const copybook::record_layout& layout,
                                       const ebcdic::code_page& page);

  /// Rewrite the masked fields of `rec` (its `size` bytes) in place; an OCCURS element past
  /// the record's end is absent and left alone. False, with `why` set, when a value a rule
  /// must read is not valid (the record is then bad).
  bool apply(std::uint8_t* rec, std::size_t size, mask_failure& why);

  /// Check the first records' kept fields for NINO- or UTR-shaped values (mask_findings).
  void sample(const std::uint8_t* rec, std::size_t size);

  struct place {
    std::size_t offset = 0;
    std::size_t length = 0;
    std::string path;  ///< with subscripts
    int target = 0;    ///< index into targets_
  };

 private:
  std::shared_ptr<const mask_run> run_;
  const ebcdic::code_page* page_ = nullptr;  ///< outlives the masker (the plan holds it)
  const copybook::record_layout* layout_ = nullptr;
  std::vector<mask_target> targets_;
  std::vector<place> masked_;   ///< places a rule rewrites
  std::vector<place> sampled_;  ///< kept text and numeric places checked by sample()
  std::uint64_t sampled_records_ = 0;
  std::string scratch_;
};

}  // namespace mfb::bridge
