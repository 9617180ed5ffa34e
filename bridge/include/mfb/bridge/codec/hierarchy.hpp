#pragma once
// Hierarchical files (a header record followed by its detail records, IMS-like segment
// trees): each child record carries the key of the parent record that came before it.
// The tracker watches records in file order and keeps, per parent type, the key of the
// current parent, decoded exactly as the parent's own fields are.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mfb/bridge/codec/decode_plan.hpp"
#include "mfb/bridge/codec/record_decoder.hpp"
#include "mfb/bridge/io/record_reader.hpp"
#include "mfb/ebcdic/result.hpp"

namespace mfb::bridge {

/// `--parent CHILD=PARENT`: records of type CHILD belong to the last PARENT record before them.
struct parent_rule {
  std::string child;
  std::string parent;
};

/// `--key RECORD=FIELD[,FIELD...]`: the fields that identify a RECORD (a parent).
struct key_rule {
  std::string record;
  std::vector<std::string> fields;
};

/// Parse "CHILD=PARENT"; nullopt when malformed.
std::optional<parent_rule> parse_parent_rule(std::string_view text);
/// Parse "RECORD=FIELD[,FIELD...]"; nullopt when malformed.
std::optional<key_rule> parse_key_rule(std::string_view text);

/// The parent type of each of `type_names` (-1: none) under `parents`; an error names an
/// unknown type, a child given two parents, or a cycle.
result<std::vector<int>> parent_types(const std::vector<std::string>& type_names,
                                      const std::vector<parent_rule>& parents);

/// The key of one parent record, as it was decoded.
struct parent_key {
  std::uint64_t record_number = 0;  ///< the parent record's number in the file
  int type = -1;                    ///< the parent's type (plan index)
  /// Per key field: the canonical JSON number text ("-1234.50") or the decoded text.
  std::vector<std::string> values;
  std::vector<bool> is_text;  ///< per key field: the value is text (JSON string)
  std::string json;           ///< `{"NAME":value,...}` as the JSON Lines output writes it
  std::string csv;            ///< `,cell,cell` as the CSV output appends it (RFC 4180 quoting)
};

/// What observe() found for one record.
struct parent_link {
  enum class kind {
    none,      ///< the record's type has no parent (or no type): nothing to attach
    attached,  ///< `key` is the parent's key
    orphan,    ///< the record needs a parent and has none: a bad record (`reason`)
  };
  kind state = kind::none;
  const parent_key* key = nullptr;  ///< valid until the next observe()
  std::string reason;               ///< for orphans
};

/// Follows parent records through a file read in order. Not thread-safe: one thread (the
/// one that sees records in file order) observes every record.
class hierarchy_tracker {
 public:
  /// Build for the run's plans (types are plan indexes; rules name them by type_name()).
  /// Each parent needs a key_rule; key fields must be fixed-position items outside tables.
  static result<hierarchy_tracker> build(const std::vector<decode_plan>& plans,
                                         const std::vector<parent_rule>& parents,
                                         const std::vector<key_rule>& keys);

  /// Observe the next record in file order, of type `type` (-1: no type, e.g. unmatched).
  /// A parent becomes current for its children (and its own descendants stop being
  /// current); a child gets its parent's key, or is an orphan when there is none.
  parent_link observe(int type, const record_view& rec);

  /// The parent type of `type`, or -1.
  int parent_of(int type) const noexcept;
  /// The key field names of parent type `type` (empty when it is no parent).
  const std::vector<std::string>& key_names(int type) const noexcept;
  /// True when some rule exists (otherwise observe() always answers kind::none).
  bool active() const noexcept { return !parent_of_.empty(); }
  /// Start the next input file of a run: no parent is open (a file's first child has none).
  void start_file() noexcept;

  hierarchy_tracker();
  ~hierarchy_tracker();
  hierarchy_tracker(hierarchy_tracker&&) noexcept;
  hierarchy_tracker& operator=(hierarchy_tracker&&) noexcept;

  struct key_decoder;  // one per parent type (hierarchy.cpp)

 private:
  std::vector<int> parent_of_;  ///< per type
  std::vector<std::string> type_names_;
  std::vector<std::unique_ptr<key_decoder>> keys_;  ///< per type; null when not a parent
};

}  // namespace mfb::bridge
