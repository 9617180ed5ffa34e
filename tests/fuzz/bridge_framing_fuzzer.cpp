// Fuzz target for record framing: the first 8 bytes choose the framing options, the rest
// is the input. Checks: no crash; record numbers run 1, 2, 3...; each record lies inside
// the input (and, where framing does not join segments, equals the input bytes at its
// offset); an error names the record after the last one delivered.

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "mfb/bridge/io/record_reader.hpp"
#include "fuzz_check.hpp"

namespace {

using namespace mfb::bridge;

framing_options options_from(const std::uint8_t* h) {
  framing_options o;
  o.format = static_cast<recfm>(h[0] % 9);
  o.rdw_big_endian = (h[1] & 1) == 0;
  o.rdw_includes_header = (h[1] & 2) == 0;
  o.detect_gzip = (h[1] & 4) != 0;
  o.length_field_kind = static_cast<length_field_encoding>((h[1] >> 3) & 3);
  o.lrecl = h[2] % 64u + 1;
  o.skip_head = h[3] & 7u;
  o.skip_tail = (h[3] >> 3) & 7u;
  o.record_start_offset = h[4] & 3u;
  o.record_end_offset = (h[4] >> 2) & 3u;
  o.length_field_offset = h[5] & 7u;
  const bool binary = o.length_field_kind == length_field_encoding::binary_big_endian ||
                      o.length_field_kind == length_field_encoding::binary_little_endian;
  static constexpr std::size_t binary_sizes[] = {1, 2, 4, 8};
  o.length_field_size = binary ? binary_sizes[(h[5] >> 3) & 3] : ((h[5] >> 3) & 3u) + 1;
  o.length_adjust = static_cast<std::int8_t>(h[6]);
  // A length function in the shape of an ODO record: a count byte, then count items.
  o.record_length = [](std::span<const std::uint8_t> b) -> mfb::result<std::size_t> {
    if (b[0] == 0xFF) return mfb::error{"bad count"};
    return std::size_t{1} + (b[0] % 16u);
  };
  return o;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 8) return 0;
  const framing_options o = options_from(data);
  const std::size_t target = (data[7] % 4u + 1) * 4096;
  const std::uint8_t* input = data + 8;
  const std::size_t n = size - 8;
  auto reader = record_reader::open(input_source::from_memory(input, n, "fuzz", o.detect_gzip), o);
  if (!reader) return 0;
  auto& r = **reader;
  const bool gzip = n >= 2 && input[0] == 0x1f && input[1] == 0x8b && o.detect_gzip;
  const bool contiguous = !gzip && o.format != recfm::vs && o.format != recfm::vbs;

  record_batch batch;
  std::uint64_t expect_number = 1;
  std::uint64_t last_end = 0;
  std::uint64_t total = 0;
  while (r.next(batch, target)) {
    FUZZ_CHECK(!batch.empty());
    for (const auto& rec : batch) {
      FUZZ_CHECK(rec.number == expect_number);
      ++expect_number;
      FUZZ_CHECK(rec.data != nullptr);
      FUZZ_CHECK(rec.file_offset >= last_end);
      total += rec.size;
      if (contiguous) {
        FUZZ_CHECK(rec.file_offset >= o.skip_head);
        FUZZ_CHECK(rec.file_offset + rec.size + o.skip_tail <= n);
        FUZZ_CHECK(rec.size == 0 || std::memcmp(rec.data, input + rec.file_offset, rec.size) == 0);
        last_end = rec.file_offset + rec.size;
      } else if (!gzip) {
        FUZZ_CHECK(rec.file_offset <= n);
      }
    }
  }
  FUZZ_CHECK(!r.next(batch, target));  // stays finished
  FUZZ_CHECK(r.records_read() == expect_number - 1);
  if (!gzip) FUZZ_CHECK(total <= n);
  if (const framing_error* e = r.error()) {
    FUZZ_CHECK(e->record_number == expect_number);
    FUZZ_CHECK(!e->message.empty());
    FUZZ_CHECK(gzip || e->file_offset <= n);
  } else if (!gzip && (o.format == recfm::f || o.format == recfm::fb) && o.skip_head + o.skip_tail <= n) {
    // Clean end of a fixed file: the records tile the data between head and tail exactly.
    FUZZ_CHECK((expect_number - 1) * o.lrecl == n - o.skip_head - o.skip_tail);
  }
  return 0;
}
