#pragma once
// One record converted field by field by walking its decode plan: OCCURS tables element by
// element, OCCURS DEPENDING ON counts read from the mainframe side of the count field, and
// every byte converted once (a REDEFINES alternative that covers bytes already converted
// is passed over: the first description in the plan wins; --select or --keep choose it).
// Bytes no field describes (FILLER) are converted as single-byte text.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "convert/rehost_field.hpp"
#include "mfb/bridge/codec/decode_plan.hpp"

namespace mfb::bridge::detail {

/// Where and why a record could not be converted.
struct rehost_failure {
  std::string reason;
  std::size_t offset = 0;  ///< in the record
  std::size_t length = 0;
  std::int32_t field = -1;  ///< index into the plan's layout fields; -1 for FILLER bytes
  std::string subscripts;   ///< "(2)", "(1, 3)" inside OCCURS tables, as the decoder writes them
};

/// Converts records of one plan; holds per-record scratch state, so one per thread.
class rehost_walker {
 public:
  rehost_walker(const decode_plan& plan, rehost_field_converter& conv, bool reverse);

  /// Convert the `size` bytes at `in` into `out` (resized to `size`). Return false with
  /// `why` set when a field cannot be converted.
  bool convert(const std::uint8_t* in, std::size_t size, std::vector<std::uint8_t>& out,
               rehost_failure& why);
  /// Where the last record's described bytes end: the layout's length, less what its ODO
  /// tables lack of their maximum.
  std::size_t described_end() const noexcept { return end_; }

 private:
  struct frame {
    std::uint32_t begin_op;
    std::uint32_t index;
    std::uint32_t count;
    std::size_t saved_base;
    std::ptrdiff_t saved_shift;
    std::size_t start;
  };
  bool field(const plan_op& op, std::size_t off, const std::uint8_t* in, std::uint8_t* out,
             rehost_failure& why);
  std::string subscripts() const;
  bool gaps(const std::uint8_t* in, std::uint8_t* out, std::size_t size, rehost_failure& why);

  const decode_plan* plan_;
  rehost_field_converter* conv_;
  bool reverse_;
  std::vector<frame> frames_;
  std::vector<std::int64_t> slots_;
  std::vector<std::uint8_t> done_;  ///< per record byte: converted already
  std::size_t end_ = 0;
};

}  // namespace mfb::bridge::detail
