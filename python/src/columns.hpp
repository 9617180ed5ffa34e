#pragma once
// Decoded records held column by column in plain C++ (filled while the GIL is released),
// then turned into Python objects in one pass (with the GIL held).
//
// The Python type of a column follows from its field, never from the data, so every batch
// and every Dask partition has the same dtypes:
//   - numbers with scale 0 and at most 18 digits: int64 (pandas "Int64", nullable);
//   - every other fixed-point number: decimal.Decimal, built from the decoder's exact text
//     ("-1234.50" keeps its scale), never through a binary float;
//   - COMP-1 / COMP-2: float64 (NaN when missing);
//   - text: str; raw fields (raw=): bytes; the record-type column: str.
// A cell that is null (bad REDEFINES alternative) or absent (ODO element past the count)
// is missing: pandas NA, NaN or None.

#include <pybind11/pybind11.h>

#include <cstdint>
#include <string>
#include <vector>

#include "mfb/mfbridge.hpp"

namespace mfb::python {

enum class column_kind : std::uint8_t { integer, decimal, floating, text, bytes };

/// One output column: its CSV name, kind, and for numbers the digits and scale.
struct column_info {
  std::string name;
  column_kind kind = column_kind::text;
  int digits = 0;
  int scale = 0;
  std::string field;  ///< the layout field's path ("" for the record-type column)
};

/// The columns of a plan compiled for output_format::cells.
std::vector<column_info> columns_of(const bridge::decode_plan& plan);

/// One column's values for a run of records.
struct column_values {
  std::vector<std::int64_t> ints;
  std::vector<double> floats;
  std::string text;                  ///< decimal, text and bytes cells, back to back
  std::vector<std::uint32_t> ends;   ///< end of each cell in `text`
  std::vector<std::uint8_t> missing; ///< 1 when the cell is null or absent
};

/// Records of one plan, column by column (flat), or as JSON lines (nested).
class column_store {
 public:
  column_store(const bridge::decode_plan& plan, bool nested);

  /// Add a decoded row (flat); false with `why` when a number does not parse.
  void add_row(std::uint64_t number, const bridge::cell_row& row);
  /// Add one JSON line (nested), without its '\n'.
  void add_json(std::uint64_t number, std::string_view line);
  std::size_t size() const noexcept { return numbers_.size(); }
  void clear();

  /// {"type": name, "numbers": [..], "columns": [(name, kind, values, missing), ...]}
  /// or, nested, {"type": name, "numbers": [..], "json": [bytes, ...]}. Needs the GIL.
  pybind11::dict to_python() const;
  /// [{"name", "kind", "digits", "scale", "field"}, ...] (the schema, for meta and attrs).
  pybind11::list schema() const;

 private:
  const bridge::decode_plan* plan_;
  bool nested_;
  std::vector<column_info> info_;
  std::vector<column_values> values_;
  std::vector<std::uint64_t> numbers_;
  std::string json_;
  std::vector<std::uint32_t> json_ends_;
};

}  // namespace mfb::python
