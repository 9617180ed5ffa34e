// record_reader: fills each batch's page-aligned buffer straight from the source, carries
// the unframed tail (an incomplete record, the trailer to skip) over to the next batch,
// and lets the per-format framer cut the records.

#include "mfb/bridge/io/record_reader.hpp"

#include <algorithm>
#include <cstring>

#include "io/framing_detail.hpp"
#include "mfb/bridge/io/framing_sniff.hpp"
#include "mfb/bridge/io/split_plan.hpp"

namespace mfb::bridge {

namespace {
constexpr std::size_t page = aligned_buffer::alignment;
constexpr std::size_t min_chunk = page;  // small batches are for tests; real callers ask for MiBs

std::size_t round_up(std::size_t n) { return (n + page - 1) / page * page; }

std::size_t run_framer(detail::framing_pass& p, std::size_t pos) {
  switch (p.opt.format) {
    case recfm::f:
    case recfm::fb:
      return detail::frame_fixed(p, pos);
    case recfm::v:
    case recfm::vb:
    case recfm::vs:
    case recfm::vbs:
      return detail::frame_variable(p, pos);
    case recfm::text_lines:
      return detail::frame_text_lines(p, pos);
    case recfm::length_field:
      return detail::frame_length_field(p, pos);
    case recfm::custom:
      return detail::frame_custom(p, pos);
    case recfm::header:
      return detail::frame_header(p, pos);
  }
  return pos;
}
}  // namespace

class record_reader::impl {
 public:
  impl(std::unique_ptr<input_source> src, framing_options opt)
      : src_(std::move(src)), opt_(std::move(opt)), head_left_(opt_.skip_head) {}

  bool next(record_batch& batch, std::size_t target_bytes);

  std::unique_ptr<input_source> src_;
  framing_options opt_;
  aligned_buffer carry_;           // unframed bytes kept between batches
  std::size_t carry_size_ = 0;
  std::uint64_t carry_offset_ = 0;  // file offset of carry_[0]
  std::uint64_t head_left_;
  std::uint64_t next_number_ = 1;
  std::uint64_t consumed_ = 0;
  bool eof_ = false;
  bool finished_ = false;
  detail::framing_state state_;
  std::vector<std::pair<std::size_t, std::size_t>> segments_;
  std::optional<framing_error> error_;
};

bool record_reader::impl::next(record_batch& batch, std::size_t target_bytes) {
  batch.records.clear();
  if (finished_) return false;
  const std::size_t chunk = round_up(std::max(target_bytes, min_chunk));

  // Put the carried-over bytes just below a page boundary so that every read lands on
  // page-aligned memory.
  const std::size_t read_at = round_up(carry_size_);
  const std::size_t origin = read_at - carry_size_;
  batch.buffer_.reserve(read_at + chunk);
  std::uint8_t* buf = batch.buffer_.data();
  if (carry_size_ != 0) std::memcpy(buf + origin, carry_.data(), carry_size_);
  std::size_t end = read_at;
  std::size_t pos = origin;

  detail::framing_pass pass{opt_, buf, 0, false, carry_offset_, origin, batch.records,
                            next_number_, state_, segments_, opt_.skip_head};
  for (;;) {
    if (!eof_) {
      const std::size_t want = batch.buffer_.capacity() - end;
      auto got = src_->read(buf + end, want);
      if (!got) {
        framing_error e;
        e.what = framing_error::kind::io;
        e.record_number = next_number_;
        e.file_offset = pass.offset(end);
        e.message = got.err().message;
        // The source's message already names the file; keep to_string() from repeating it.
        const std::string prefix = src_->name() + ": ";
        if (e.message.compare(0, prefix.size(), prefix) == 0) e.message.erase(0, prefix.size());
        error_ = std::move(e);
        break;
      }
      end += *got;
      // Only a read that returns nothing ends the input: a short read may be followed by
      // an error (a gzip stream cut inside a member is reported on the next read).
      if (*got == 0) eof_ = true;
    }
    if (head_left_ != 0) {
      const std::size_t k = static_cast<std::size_t>(std::min<std::uint64_t>(head_left_, end - pos));
      pos += k;
      head_left_ -= k;
    }
    const std::size_t avail = end - pos;
    pass.limit = avail > opt_.skip_tail ? end - opt_.skip_tail : pos;
    pass.at_eof = eof_;
    pos = run_framer(pass, pos);
    if (pass.error || !batch.records.empty() || eof_) break;
    // Not one whole record yet (a record longer than the buffer): read more behind it.
    batch.buffer_.grow(end + chunk, end);
    buf = batch.buffer_.data();
    pass.buf = buf;
  }

  if (!pass.error && !error_ && eof_ && pos < pass.limit) {
    // Every framer must consume or reject all bytes at end of input; never drop them quietly.
    pass.fail(pass.offset(pos), pass.where(pass.offset(pos)) + ": " +
                                    std::to_string(pass.limit - pos) + " bytes could not be framed");
  }
  if (pass.error) {
    error_ = std::move(pass.error);
  }
  if (error_) {
    error_->file = src_->name();
    if (error_->what == framing_error::kind::framing && opt_.suggest_framing) {
      // The suggestion re-reads a bounded sample of the file: only on failure.
      if (auto hint = framing_suggestion(src_->name(), opt_, layout_length_hint(opt_)); !hint.empty()) {
        // The framer's own guess ("(a spanned segment? try --recfm VS or VBS)") gives way.
        auto& m = error_->message;
        const auto open = m.rfind(" (");
        if (open != std::string::npos && m.back() == ')' && m.find("try --recfm", open) != std::string::npos)
          m.erase(open);
        m += "; " + hint;
      }
    }
    finished_ = true;
  } else if (eof_) {
    finished_ = true;  // the framer consumed everything up to the skipped tail
  } else {
    carry_size_ = end - pos;
    carry_.grow(carry_size_, 0);
    if (carry_size_ != 0) std::memcpy(carry_.data(), buf + pos, carry_size_);
    carry_offset_ = pass.offset(pos);
  }
  consumed_ = pass.offset(pos);
  return !batch.records.empty();
}

record_reader::record_reader(std::unique_ptr<impl> p) : impl_(std::move(p)) {}
record_reader::~record_reader() = default;

mfb::result<std::unique_ptr<record_reader>> record_reader::open(const std::string& path_or_dash,
                                                                framing_options options) {
  std::string problem = options.validate();
  if (!problem.empty()) return mfb::error{problem};
  auto src = input_source::open(path_or_dash, options.detect_gzip);
  if (!src) return src.err();
  return open(std::move(*src), std::move(options));
}

mfb::result<std::unique_ptr<record_reader>> record_reader::open(std::unique_ptr<input_source> source,
                                                                framing_options options) {
  std::string problem = options.validate();
  if (!problem.empty()) return mfb::error{problem};
  if (!source) return mfb::error{"no input source"};
  return std::unique_ptr<record_reader>(
      new record_reader(std::make_unique<impl>(std::move(source), std::move(options))));
}

bool record_reader::next(record_batch& batch, std::size_t target_bytes) {
  return impl_->next(batch, target_bytes);
}
const framing_error* record_reader::error() const noexcept {
  return impl_->error_ ? &*impl_->error_ : nullptr;
}
std::uint64_t record_reader::records_read() const noexcept { return impl_->next_number_ - 1; }
std::uint64_t record_reader::bytes_consumed() const noexcept { return impl_->consumed_; }
const std::string& record_reader::name() const noexcept { return impl_->src_->name(); }
const framing_options& record_reader::options() const noexcept { return impl_->opt_; }

result<std::unique_ptr<record_reader>> open_range_reader(const std::string& path,
                                                         framing_options framing,
                                                         const byte_range& range) {
  // The plan left the file's head and tail out of every range.
  framing.skip_head = 0;
  framing.skip_tail = 0;
  auto src = input_source::open_range(path, range.offset, range.length);
  if (!src) return src.err();
  auto reader = record_reader::open(std::move(src).value(), std::move(framing));
  if (!reader) return reader.err();
  record_reader::impl& in = *(*reader)->impl_;
  in.next_number_ = range.first_record;
  in.carry_offset_ = range.offset;
  return reader;
}

}  // namespace mfb::bridge
