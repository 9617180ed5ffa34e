// Build record errors: the field path gets COBOL-style subscripts for OCCURS elements
// ("REC.LINES.AMOUNT(2, 3)"), and the raw bytes are shown as far as the record has them.

#include "mfb/ebcdic/hex.hpp"
#include "codec/record_decoder_errors.hpp"

#include <algorithm>
#include <string>

namespace mfb::bridge::detail {

record_error error_context::make(const plan_op& op, std::size_t offset,
                                 std::size_t length) const {
  record_error e;
  e.file = std::string(file);
  e.record_number = rec.number;
  e.file_offset = rec.file_offset;
  const auto& fields = plan.layout().fields;
  if (op.field >= 0) e.field_path = fields[static_cast<std::size_t>(op.field)].path;
  // Subscripts for the tables this op sits in (not the table a begin_array op opens).
  std::size_t depth = frames.size();
  if (op.code == op_code::begin_array && depth > 0) --depth;
  if (depth > 0) {
    e.field_path += '(';
    for (std::size_t k = 0; k < depth; ++k) {
      if (k) e.field_path += ", ";
      e.field_path += std::to_string(frames[k].index + 1);
    }
    e.field_path += ')';
  }
  e.field_offset = offset;
  e.field_length = length;
  std::size_t avail = offset < rec.size ? std::min(length, rec.size - offset) : 0;
  e.hex = ebcdic::hex_spaced(rec.data + offset, avail);
  return e;
}

void error_context::add(const plan_op& op, std::size_t offset, const char* reason, bool alt) {
  record_error e = make(op, offset, op.length);
  e.reason = reason;
  e.in_alternative = alt;
  errors.push_back(std::move(e));
}

void error_context::add_lenient(const plan_op& op, std::size_t offset, const char* reason) {
  add(op, offset, reason, true);
  errors.back().lenient = true;
}

void error_context::add_short(const plan_op& op, std::size_t offset, bool alt) {
  record_error e = make(op, offset, op.length);
  e.reason = "record too short: the field ends at byte " + std::to_string(offset + op.length) +
             " but the record has " + std::to_string(rec.size) + " bytes";
  e.in_alternative = alt;
  errors.push_back(std::move(e));
}

void error_context::add_count(const plan_op& loop, std::size_t offset, std::int64_t count,
                              bool alt) {
  const auto& fields = plan.layout().fields;
  const auto& table = fields[static_cast<std::size_t>(loop.field)];
  std::size_t len = 0;
  std::string path;
  if (table.depending_on >= 0) {
    const auto& obj = fields[static_cast<std::size_t>(table.depending_on)];
    len = obj.length;
    path = obj.path;
  }
  plan_op probe = loop;
  probe.field = table.depending_on;
  record_error e = make(probe, offset, len);
  if (!path.empty()) {
    // The count's subscripts are those of the tables enclosing the count itself (the
    // outermost frames), not those of the table it sizes: N2 of the second G is N2(2).
    std::size_t depth = 0;
    for (int i = fields[static_cast<std::size_t>(table.depending_on)].parent; i >= 0;
         i = fields[static_cast<std::size_t>(i)].parent)
      if (fields[static_cast<std::size_t>(i)].is_occurs()) ++depth;
    depth = std::min(depth, frames.size());
    e.field_path = path;
    for (std::size_t k = 0; k < depth; ++k) {
      e.field_path += k ? ", " : "(";
      e.field_path += std::to_string(frames[k].index + 1);
    }
    if (depth > 0) e.field_path += ')';
  }
  e.reason = "OCCURS DEPENDING ON count " + std::to_string(count) + " outside " +
             std::to_string(loop.occurs_min) + " to " + std::to_string(loop.occurs_max) +
             " for " + table.path;
  e.in_alternative = alt;
  errors.push_back(std::move(e));
}

std::size_t error_context::trailing_bytes(std::ptrdiff_t shift, bool& bad) {
  const std::size_t described =
      plan.layout().length +
      (plan.options().fixed_length_records ? 0 : static_cast<std::size_t>(shift));
  if (bad || rec.size <= described) return 0;
  if (plan.options().allow_trailing_bytes) return rec.size - described;
  add_undescribed(described);
  bad = true;
  return 0;
}

void error_context::add_undescribed(std::size_t described) {
  constexpr std::size_t shown = 32;  // enough to recognise the bytes; the reject file has all
  const std::size_t n = rec.size - described;
  record_error e;
  e.file = std::string(file);
  e.record_number = rec.number;
  e.file_offset = rec.file_offset;
  e.field_offset = described;
  e.field_length = n;
  e.hex = ebcdic::hex_spaced(rec.data + described, std::min(n, shown));
  if (n > shown) e.hex += " ...";
  e.reason = "undescribed bytes: the record has " + std::to_string(rec.size) +
             " bytes but its layout describes " + std::to_string(described) + "; " +
             std::to_string(n) + " undescribed bytes from record offset " +
             std::to_string(described) + " (file offset " +
             std::to_string(rec.file_offset + described) +
             "; --allow-trailing-bytes passes over them)";
  errors.push_back(std::move(e));
}

}  // namespace mfb::bridge::detail
