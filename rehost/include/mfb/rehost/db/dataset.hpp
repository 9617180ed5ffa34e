#pragma once
// A dataset: a record file's copybooks and reading options, kept in the target's catalog
// table (mfbridge_datasets) when it is loaded, so that export, reconcile, delta and the REST
// facade need nothing but the target and the dataset's name.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mfb/rehost/db/database.hpp"
#include "mfb/bridge/codec/decode_plan.hpp"
#include "mfb/bridge/codec/encode_plan.hpp"
#include "mfb/bridge/io/framing_options.hpp"
#include "mfb/bridge/codec/hierarchy.hpp"
#include "mfb/bridge/codec/record_selector.hpp"
#include "mfb/bridge/codec/source_spec.hpp"
#include "mfb/rehost/db/table_map.hpp"
#include "mfb/copybook/parse.hpp"
#include "mfb/ebcdic/code_page.hpp"
#include "mfb/ebcdic/result.hpp"

namespace mfb::rehost {

/// A file's name and text (a copybook, or a COPY member it pulls in).
using named_text = copybook::source_text;

/// Everything that defines a dataset, as plain data; stored as JSON in the catalog.
struct dataset_spec {
  std::string name;  ///< the dataset's name: its (first) main table's name
  /// The file as a bridge source: copybooks in memory (copybook_texts, in --copybook order)
  /// and the COPY members found in the include folders (members, without the copybooks:
  /// open() puts the copybooks first), code page, record and --select rules, --parent
  /// rules, framing (lrecl, RDW byte order and header) and the codec options (float format,
  /// zoned charset, truncation, trailing bytes). --key stays below: it also names the
  /// tables' keys, which a source does not know.
  bridge::source_spec source;
  /// The --recfm text as given: stored, and named in messages; set it with set_recfm(),
  /// which also sets source's framing format.
  std::string recfm = "FB";
  std::size_t block_size = 0;  ///< VB: the file's block size (DCB BLKSIZE) for write-back
  /// Key fields: COBOL names (for every record type that has them), or RECORD=F1,F2 entries
  /// naming one record type's key (a parent's key in a hierarchical file).
  std::vector<std::string> key;
  /// Secondary indexes: each entry one index's COBOL field names (main tables).
  std::vector<std::vector<std::string>> indexes;
  std::vector<std::string> raw;  ///< items kept as their bytes (BYTEA/BLOB columns)
  bool flatten_occurs = false;
  bool check_88 = false;

  /// Read the copybook files and the COPY members they name from `include_dirs` (and each
  /// copybook's own folder).
  static result<dataset_spec> from_files(const std::vector<std::string>& copybooks,
                                         const std::vector<std::string>& include_dirs);
  /// Keep `text` as the --recfm and set the source's framing format (and ODO framing).
  void set_recfm(std::string text);
  std::string to_json() const;
  static result<dataset_spec> from_json(std::string_view json);
};

/// A dataset opened for work: layouts parsed, plans compiled, tables mapped.
class dataset {
 public:
  dataset() = default;  // for open(); use open()
  /// Parse and compile `spec`. Decoding plans use the cells format.
  static result<std::shared_ptr<const dataset>> open(dataset_spec spec);
  /// Read `name`'s spec from the catalog of `db` and open it.
  static result<std::shared_ptr<const dataset>> open(database& db, std::string_view name);

  const dataset_spec& spec() const noexcept { return spec_; }
  const ebcdic::code_page& page() const noexcept { return *page_; }
  const bridge::record_selector& selector() const noexcept { return *selector_; }
  /// One table map per record type (the selector's plans, in order).
  const std::vector<table_map>& maps() const noexcept { return maps_; }
  /// JSON plans, one per record type: the same walk as the cells plans, with JSON keys.
  const std::vector<bridge::decode_plan>& json_plans() const noexcept { return json_plans_; }
  /// Encode plans, one per record type (write-back).
  const std::vector<bridge::encode_plan>& encoders() const noexcept { return encoders_; }
  /// The framing to read (and write) the file with.
  const bridge::framing_options& framing() const noexcept { return framing_; }
  const bridge::decode_options& decoding() const noexcept { return decoding_; }
  /// Hierarchical files: a tracker for a load (each load needs its own; it keeps state).
  result<bridge::hierarchy_tracker> hierarchy() const;

 private:
  dataset_spec spec_;
  std::shared_ptr<const ebcdic::code_page> page_;
  std::shared_ptr<const bridge::record_selector> selector_;
  std::vector<table_map> maps_;
  std::vector<bridge::encode_plan> encoders_;
  std::vector<bridge::decode_plan> json_plans_;
  bridge::framing_options framing_;
  bridge::decode_options decoding_;
};

/// The catalog's DDL for `dialect` (idempotent: CREATE TABLE IF NOT EXISTS).
std::string catalog_sql(sql_dialect dialect);
/// Insert or replace `spec` in the catalog (inside the caller's transaction, if any).
void save_dataset(database& db, const dataset_spec& spec);
/// Names of the datasets in the catalog, sorted.
std::vector<std::string> dataset_names(database& db);

}  // namespace mfb::rehost
