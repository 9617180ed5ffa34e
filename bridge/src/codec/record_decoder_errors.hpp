#pragma once
// The decoder's slow path: turn a bad value into a record_error with its place (field path
// with subscripts, offsets, raw bytes). Kept out of line so the hot loop stays small.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "mfb/bridge/codec/decode_plan.hpp"
#include "mfb/bridge/codec/record_decoder.hpp"
#include "mfb/bridge/io/record_error.hpp"
#include "mfb/bridge/io/record_reader.hpp"

namespace mfb::bridge::detail {

struct error_context {
  const decode_plan& plan;
  const record_view& rec;
  std::string_view file;
  const std::vector<record_decoder::frame>& frames;
  std::vector<record_error>& errors;

  /// A value that its codec rejected (`reason` from to_string(decode_status) or a sentence).
  [[gnu::cold]] void add(const plan_op& op, std::size_t offset, const char* reason, bool alt);
  /// A bad DISPLAY number written as null under --numeric-policy lenient (record kept).
  [[gnu::cold]] void add_lenient(const plan_op& op, std::size_t offset, const char* reason);
  /// A field that extends past the end of the record.
  [[gnu::cold]] void add_short(const plan_op& op, std::size_t offset, bool alt);
  /// An ODO count outside the table's OCCURS range; `offset` is the count field's.
  [[gnu::cold]] void add_count(const plan_op& loop, std::size_t offset, std::int64_t count,
                               bool alt);
  /// Bytes after the last described field, which ends at record offset `described`.
  [[gnu::cold]] void add_undescribed(std::size_t described);
  /// After a good record: the bytes past its described end (ODO tables moved that end by
  /// `shift`, except in fixed-length records). Allowed ones are counted and returned; else
  /// they are reported and `bad` is set.
  std::size_t trailing_bytes(std::ptrdiff_t shift, bool& bad);

 private:
  record_error make(const plan_op& op, std::size_t offset, std::size_t length) const;
};

}  // namespace mfb::bridge::detail
