#pragma once
// The row pass of an output style, run on each record's finished JSON line: the generated
// columns first (File_Id, Record_Id, Record_Byte_Length), and under Spark naming the null
// members left out (Spark's JSON writer omits null fields; an object left with no member
// is `{}`). Lines without a null member and without generated columns are not touched.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mfb/bridge/codec/options.hpp"
#include "mfb/bridge/codec/record_decoder.hpp"
#include "mfb/bridge/io/record_reader.hpp"

namespace mfb::bridge::detail {

/// The values of the generated columns of one row. Segment ids (Seg_Id0..n) and Cobrix's
/// hierarchical Record_Id rule plug in here: fill the fields, and put_generated_columns
/// writes them in Cobrix's order.
struct generated_ids {
  std::uint32_t file_id = 0;
  std::uint64_t record_id = 0;    ///< 0-based index of the record in its file
  std::uint64_t byte_length = 0;  ///< the record's bytes as framed
};

/// What a row's generated columns take from its input file rather than from the record:
/// one per file of a run (several inputs: File_Id 0, 1, 2, ... in the run's file order).
struct input_file_columns {
  std::string name;          ///< the file's name in messages (record_error::file)
  std::uint32_t file_id = 0;  ///< File_Id
  std::string name_member;   ///< `"COLUMN":"value"` of --file-name-column, or empty
};

/// The columns of `file` (its name as `name` or, under style.file_name_uri, as Hadoop's URI
/// file:/abs/path) for a run whose rows are shaped by `style`.
input_file_columns file_columns(const output_style& style, const std::string& name,
                                std::uint32_t file_id);

/// Cobrix's ids of a flat (not hierarchical) record.
generated_ids flat_record_ids(const output_style& style, const record_view& rec);

/// Write `"File_Id":..,"Record_Id":..,"Record_Byte_Length":..` (no braces, no trailing
/// comma) to `o`; at most generated_columns_max bytes.
char* put_generated_columns(const generated_ids& ids, char* o);
inline constexpr std::size_t generated_columns_max = 128;

/// Leave out every `"KEY":null` member of the JSON object text in [begin, end), in place;
/// return the new end. Array elements stay (Spark writes null elements).
char* drop_null_members(char* begin, char* end);

/// Decode `rec` with every decoder and join their objects into one row
/// (`{"RECORD_A":{..},"RECORD_B":{..}}`); false, with nothing appended, if one fails.
bool decode_merged(std::vector<record_decoder>& decoders, const record_view& rec,
                   std::string_view file, text_buffer& text, std::vector<record_error>& errors);

/// Apply `style`'s row pass to the line that starts at `line_start` in `text`: null
/// members out (Spark naming; `has_null`: the decoder wrote a null value in the line,
/// record_decoder::wrote_null), then the generated columns first, in Cobrix's order:
/// File_Id, Record_Id, Record_Byte_Length, Record_Bytes, the file name column.
void finish_styled_row(const output_style& style, const input_file_columns& file,
                       const record_view& rec, text_buffer& text, std::size_t line_start,
                       bool has_null);
/// The same for a run of one input (File_Id from `style`, no file name column).
void finish_styled_row(const output_style& style, const record_view& rec, text_buffer& text,
                       std::size_t line_start, bool has_null);

}  // namespace mfb::bridge::detail
