// run_rehost_file: read records, pick each one's plan as convert does (--select, --record),
// check it with the record decoder (a value convert would refuse is refused here too, so a
// rehosted program never meets it), convert it field by field, and frame it for the other
// side. Records read = records written + records rejected.

#include "mfb/bridge/convert/rehost_file.hpp"

#include <algorithm>
#include <memory>
#include <vector>

#include "convert/rehost_frames.hpp"
#include "convert/rehost_walk.hpp"
#include "mfb/bridge/codec/record_decoder.hpp"
#include "mfb/bridge/io/output_file.hpp"
#include "mfb/bridge/io/record_reader.hpp"
#include "mfb/ebcdic/hex.hpp"

namespace mfb::bridge {

namespace {

using detail::rehost_failure;

// Everything one run holds: the opened source, a decoder and a walker per plan.
class rehost_run {
 public:
  rehost_run(const rehost_file_options& o, opened_source& src, reporter& rep)
      : o_(o),
        src_(src),
        rep_(rep),
        conv_(*src.page, o.format, o.reverse, o.source.decode.float_format),
        trial_conv_(*src.page, trial_format(o.format), true, o.source.decode.float_format) {
    for (const auto& plan : src.selector.plans()) {
      decoders_.emplace_back(plan);
      walkers_.emplace_back(plan, conv_, o.reverse);
    }
    mainframe_ = src.framing;
    rehosted_ = detail::rehosted_framing(src.framing, o.format.organization);
  }

  std::string check_plans() const;
  rehost_file_summary run();

 private:
  static rehost_format trial_format(rehost_format f) {
    f.charset = rehost_charset::latin1;  // every byte reads as some character
    f.substitute = true;
    return f;
  }
  bool one_record(const record_view& rec, const std::string& file);
  int choose(const record_view& rec);
  record_view padded_line(const record_view& rec, std::size_t len);
  bool bad(const record_view& rec, const std::string& file);
  record_error error_of(const record_view& rec, const std::string& file, int plan,
                        const rehost_failure& why) const;

  const rehost_file_options& o_;
  opened_source& src_;
  reporter& rep_;
  detail::rehost_field_converter conv_;
  detail::rehost_field_converter trial_conv_;
  std::vector<record_decoder> decoders_;
  std::vector<detail::rehost_walker> walkers_;
  framing_options mainframe_;
  framing_options rehosted_;
  std::unique_ptr<record_writer> writer_;
  std::unique_ptr<output_file> rejects_;
  std::unique_ptr<output_file> reject_log_;
  std::vector<std::uint8_t> line_;
  std::vector<std::uint8_t> out_;
  std::vector<record_error> errors_;
  text_buffer text_;
  rehost_file_summary s_;
  std::size_t longest_ = 0;
};

// A line sequential file holds text only: a packed or binary byte could be a newline.
std::string rehost_run::check_plans() const {
  if (o_.format.organization != rehost_organization::line_sequential) return {};
  for (const auto& plan : src_.selector.plans())
    for (const auto& op : plan.ops())
      if (op.code == op_code::packed || op.code == op_code::binary ||
          op.code == op_code::floating || op.code == op_code::national || op.code == op_code::raw)
        return "record " + plan.layout().name + " has a field (" +
               plan.layout().fields[static_cast<std::size_t>(op.field)].path +
               ") that is not DISPLAY text or zoned: LINE SEQUENTIAL files cannot hold it "
               "(use --organization sequential)";
  return {};
}

// The plan of a record. Forward the record is mainframe bytes; back, the selection rules
// read a trial conversion of the whole record as text (the fields rules name are text or
// zoned digits, which read the same).
int rehost_run::choose(const record_view& rec) {
  if (!o_.reverse) return src_.selector.choose(rec);
  std::vector<std::uint8_t> trial(rec.size);
  (void)trial_conv_.convert_gap(rec.data, trial.data(), rec.size);
  return src_.selector.choose(record_view{rec.number, rec.file_offset, trial.data(), trial.size()});
}

// Back from LINE SEQUENTIAL: the line padded with spaces, as GnuCOBOL pads it when it
// reads, to LRECL (F/FB) or to the longest record, then cut to the chosen record (V/VB).
record_view rehost_run::padded_line(const record_view& rec, std::size_t len) {
  line_.assign(rec.data, rec.data + rec.size);
  if (line_.size() < len) line_.resize(len, ' ');
  return record_view{rec.number, rec.file_offset, line_.data(), line_.size()};
}

bool rehost_run::one_record(const record_view& read, const std::string& file) {
  const bool lines = o_.format.organization == rehost_organization::line_sequential;
  record_view rec = read;
  if (o_.reverse && lines) rec = padded_line(read, longest_);
  const int plan = choose(rec);
  if (plan < 0) {
    errors_.push_back(src_.selector.no_match(rec, file));
    return bad(read, file);
  }
  const auto p = static_cast<std::size_t>(plan);
  if (o_.reverse && lines && !detail::rehost_is_fixed(mainframe_.format))
    rec = padded_line(read, std::max(read.size, src_.selector.plans()[p].layout().length));
  // Forward, the mainframe record is checked before it is converted; back, after.
  if (!o_.reverse && !decoders_[p].decode(rec, file, text_, errors_)) return bad(read, file);
  rehost_failure why;
  if (!walkers_[p].convert(rec.data, rec.size, out_, why)) {
    errors_.push_back(error_of(rec, file, plan, why));
    return bad(read, file);
  }
  if (o_.reverse) {
    // A line padded to the longest record ends where its ODO tables end (V/VB).
    if (lines && !detail::rehost_is_fixed(mainframe_.format))
      out_.resize(std::min(out_.size(), std::max(walkers_[p].described_end(), read.size)));
    record_view back{rec.number, rec.file_offset, out_.data(), out_.size()};
    if (!decoders_[p].decode(back, file, text_, errors_)) return bad(read, file);
  } else if (lines) {
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    auto nl = std::find_if(out_.begin(), out_.end(),
                           [](std::uint8_t b) { return b == '\n' || b == '\r'; });
    if (nl != out_.end()) {
      rehost_failure f{"a newline or carriage return in the text ends a LINE SEQUENTIAL record",
                       static_cast<std::size_t>(nl - out_.begin()),
                       1,
                       -1,
                       {}};
      errors_.push_back(error_of(rec, file, plan, f));
      return bad(read, file);
    }
  }
  text_.clear();
  if (auto why_not = writer_->write(out_.data(), out_.size()); !why_not.empty()) {
    s_ = stop_run(s_, failure_kind::target,
                  file + ": record " + std::to_string(read.number) + ": " + why_not, rep_);
    return false;
  }
  ++s_.records_written;
  return true;
}

record_error rehost_run::error_of(const record_view& rec, const std::string& file, int plan,
                                  const rehost_failure& why) const {
  const auto& layout = src_.selector.plans()[static_cast<std::size_t>(plan)].layout();
  record_error e;
  e.file = file;
  e.record_number = rec.number;
  e.file_offset = rec.file_offset;
  e.field_path = why.field >= 0
                     ? layout.fields[static_cast<std::size_t>(why.field)].path + why.subscripts
                     : std::string("FILLER");
  e.field_offset = why.offset;
  e.field_length = why.length;
  const std::size_t shown = std::min<std::size_t>(
      std::min(why.length, std::size_t{32}), rec.size > why.offset ? rec.size - why.offset : 0);
  e.hex = ebcdic::hex_spaced(rec.data + why.offset, shown);
  e.reason = why.reason;
  return e;
}

// A bad record: described (all of it under fail, the first few otherwise), counted, and
// under reject written as read to the reject file, its errors to REJECT.errors.jsonl.
bool rehost_run::bad(const record_view& rec, const std::string& file) {
  text_.clear();
  ++s_.records_rejected;
  std::string lines;
  for (const auto& e : errors_)
    if (!e.in_alternative) lines += e.to_string() + "\n";
  if (o_.on_error == error_policy::fail || s_.records_rejected <= std::uint64_t(o_.messages_limit))
    rep_.detail(lines);
  if (o_.on_error == error_policy::reject) {
    const auto frame = detail::rehost_reject_frame(o_.reverse ? rehosted_ : mainframe_, rec.size);
    rejects_->write(frame.head, frame.head_size);
    rejects_->write(rec.data, rec.size);
    if (frame.newline) rejects_->put('\n');
    for (const auto& e : errors_)
      if (!e.in_alternative) {
        reject_log_->write(e.to_json());
        reject_log_->put('\n');
      }
  }
  errors_.clear();
  if (o_.on_error != error_policy::fail) return true;
  s_ = stop_run(s_, failure_kind::bad_data,
                file + ": record " + std::to_string(rec.number) + " cannot be rehosted", rep_);
  return false;
}

rehost_file_summary rehost_run::run() {
  const framing_options& in_framing = o_.reverse ? rehosted_ : mainframe_;
  const framing_options& out_framing = o_.reverse ? mainframe_ : rehosted_;
  for (const auto& plan : src_.selector.plans())
    longest_ = std::max(longest_, plan.layout().length);
  if (detail::rehost_is_fixed(mainframe_.format)) longest_ = mainframe_.lrecl;
  auto reader = record_reader::open(o_.input, in_framing);
  if (!reader) return stop_run(s_, failure_kind::target, reader.err().message, rep_);
  auto writer = record_writer::open(o_.output, detail::writer_for(out_framing, o_.block_size));
  if (!writer) return stop_run(s_, failure_kind::target, writer.err().message, rep_);
  writer_ = std::move(writer).value();
  if (o_.on_error == error_policy::reject) {
    auto bytes = output_file::open(o_.reject_file, std::size_t{1} << 20);
    if (!bytes) return stop_run(s_, failure_kind::target, bytes.err().message, rep_);
    rejects_ = std::move(bytes).value();
    auto log = output_file::open(o_.reject_file + ".errors.jsonl", std::size_t{1} << 16);
    if (!log) return stop_run(s_, failure_kind::target, log.err().message, rep_);
    reject_log_ = std::move(log).value();
  }
  const std::string file = (*reader)->name();
  record_batch batch;
  while ((*reader)->next(batch)) {
    for (const auto& rec : batch) {
      ++s_.records_read;
      if (!one_record(rec, file)) return s_;
    }
  }
  if (const auto* e = (*reader)->error())
    return stop_run(
        s_, e->what == framing_error::kind::io ? failure_kind::target : failure_kind::bad_data,
        e->to_string(), rep_);
  for (auto* f : {rejects_.get(), reject_log_.get()})
    if (f)
      if (auto closed = f->close(); !closed)
        return stop_run(s_, failure_kind::target, closed.err().message, rep_);
  if (auto closed = writer_->close(); !closed)
    return stop_run(s_, failure_kind::target, closed.err().message, rep_);
  rep_.message(severity::info, std::to_string(s_.records_read) + " records read, " +
                                   std::to_string(s_.records_written) + " written, " +
                                   std::to_string(s_.records_rejected) + " rejected");
  return s_;
}

}  // namespace

rehost_file_summary run_rehost_file(const rehost_file_options& opts, reporter& rep) {
  rehost_file_summary s;
  if (auto why = opts.validate(); !why.empty()) return stop_run(s, failure_kind::usage, why, rep);
  source_failure failure;
  auto src = open_source(opts.source, failure);
  if (!src) {
    if (!failure.diagnostics.empty()) rep.detail(failure.diagnostics);
    return stop_run(s, failure_kind::usage, failure.message, rep);
  }
  rehost_run run(opts, *src, rep);
  if (auto why = run.check_plans(); !why.empty()) return stop_run(s, failure_kind::usage, why, rep);
  return run.run();
}

}  // namespace mfb::bridge
