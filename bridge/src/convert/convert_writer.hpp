#pragma once
// The writing side of a conversion: applies the bad-record policy record by record, in
// input order, writes good text to the sink, bad records to the reject files, and counts.

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "convert/convert_pipeline.hpp"
#include "convert/nested_rows.hpp"
#include "mfb/bridge/convert/convert.hpp"
#include "mfb/bridge/io/output_file.hpp"
#include "mfb/bridge/codec/record_selector.hpp"
#include "mfb/bridge/convert/sink.hpp"

namespace mfb::bridge::detail {

class convert_writer {
 public:
  /// `sinks` holds one sink per plan (the same one for all plans when there is one output).
  convert_writer(const convert_options& opts, const record_selector& selector,
                 const hierarchy_tracker& tracker, std::string file,
                 std::vector<record_sink*> sinks, convert_summary& summary, reporter& rep)
      : opts_(opts), selector_(selector), tracker_(tracker), file_(std::move(file)),
        sinks_(std::move(sinks)), summary_(summary), rep_(rep) {
    for (auto* s : sinks_) {
      single_ = single_ && s == sinks_.front();
      auto at = std::find(distinct_.begin(), distinct_.end(), s);
      sink_index_.push_back(static_cast<std::size_t>(at - distinct_.begin()));
      if (at == distinct_.end()) distinct_.push_back(s);
    }
    batch_start_.resize(distinct_.size());
    for (std::size_t i = 0; i < selector_.plans().size(); ++i)
      parent_of_.push_back(tracker_.parent_of(static_cast<int>(i)));
  }

  /// --nest-children: write one row per root, children nested by `parent_of` (per type).
  /// With `group_ids`, each row starts with Cobrix's generated columns of its group.
  void nest_children(const std::vector<int>& parent_of, const std::vector<std::string>& names,
                     bool group_ids) {
    parent_of_ = parent_of;
    nested_ = std::make_unique<nested_rows>(parent_of, names, opts_.segments.max_group_records);
    if (group_ids)
      nested_->row_prefix = [this](const nested_group_info& g) {
        return "\"File_Id\":" + std::to_string(file_id_) + "," + hierarchical_record_columns(g);
      };
  }

  /// Start the next input file of the run (several inputs): its name in messages, its
  /// File_Id, and no bad parents carried over from the file before.
  void start_file(std::string file, std::uint32_t file_id) {
    file_ = std::move(file);
    file_id_ = file_id;
    file_first_record_ = summary_.records_read;
    bad_parents_.clear();
  }
  /// The input file ends: write its last nested row (--nest-children).
  void finish_file();
  /// Under skip or reject with several inputs, a file whose framing breaks (a partial last
  /// record, a bad RDW) ends there as one bad record: counted, described (reject log) and
  /// passed over, and the run goes on with the next file. False when that is one too many
  /// (--max-errors).
  bool reject_framing(const framing_error& fe);

  /// Open the reject files (reject policy); return an error message or "".
  std::string open_rejects();
  /// Write one decoded batch; return false to stop (fail policy, too many errors, I/O).
  bool consume(batch_work& w);
  /// Report how many messages were held back.
  void finish();
  /// Close the reject files; return an error message or "".
  std::string close_rejects();

 private:
  void reject_children_of_bad_parents(batch_work& w);
  bool write_records(const batch_work& w, std::size_t from, std::size_t to);
  bool write_to(record_sink& sink, const batch_work& w, std::size_t from, std::size_t to);
  bool write_nested(const batch_work& w, std::size_t from, std::size_t to);
  bool is_parent(int type) const;
  bool flush_outputs();
  bool output_failed(const std::string& why);
  void count_records(const batch_work& w, std::size_t upto, bool durable_only);
  bool reject(const batch_work& w, const batch_work::flagged_record& f);
  void report(const record_error& e, const char* prefix);
  // Count a value written as null in a kept record: a REDEFINES alternative, or a bad
  // number under --numeric-policy lenient (whose first errors the summary lists).
  void count_nulled(const record_error& e);

  const convert_options& opts_;
  const record_selector& selector_;
  const hierarchy_tracker& tracker_;
  std::string file_;
  std::uint32_t file_id_ = 0;
  std::uint64_t file_first_record_ = 0;  ///< records read before this file
  std::unordered_set<std::uint64_t> bad_parents_;  ///< record numbers of rejected parents
  std::vector<char> bad_;                          ///< per record of a batch: 1 bad, 2 late
  std::vector<int> parent_of_;                     ///< per type: its parent type, or -1
  std::unique_ptr<nested_rows> nested_;            ///< --nest-children
  std::string nested_text_;                        ///< complete nested rows to write
  std::vector<record_sink*> sinks_;
  std::vector<record_sink*> distinct_;        ///< each output once
  std::vector<std::size_t> sink_index_;       ///< per plan: its output in distinct_
  std::vector<std::uint64_t> batch_start_;    ///< per output: bytes in its file before this batch
  std::size_t counted_ = 0;                   ///< records of this batch counted so far
  bool single_ = true;
  convert_summary& summary_;
  reporter& rep_;
  std::unique_ptr<output_file> reject_bytes_;
  std::unique_ptr<output_file> reject_log_;
  long long printed_ = 0;
  long long held_back_ = 0;
};

}  // namespace mfb::bridge::detail
