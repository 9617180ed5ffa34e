#pragma once
// mfbridge as a library: the one header a binding (Python, a Dask worker, a service) needs.
//
// Every call here returns its outcome as a value and prints nothing: failures come back as
// a `failure_kind` with a message (or a `result<T>` holding an error), and messages and
// progress go to a `reporter` the caller supplies. Nothing here exits the process.
//
// The five steps, in data-flow order (samples/api/convert_and_load.cpp runs them all):
//
//  1. Open a source. Describe the file once:
//         api::source_spec spec = api::source_spec::defaults();
//         spec.copybooks = {"TAXPAYER.cpy"};         // or spec.copybook_texts (in memory)
//         spec.framing.format = api::recfm::fb;      // lrecl 0: the record's length
//     then open it (copybooks parsed, code page opened, plans compiled, framing resolved):
//         api::source_failure why;
//         std::optional<api::opened_source> src = api::open_source(spec, why);
//
//  2. Iterate record batches. A reader frames one input (a path, "-", or gzip) into
//     batches of records whose bytes stay valid until the batch is refilled:
//         auto reader = api::record_reader::open("TAXPAYER.D20261120", src->framing);
//         api::record_batch batch;
//         while ((*reader)->next(batch)) for (const api::record_view& rec : batch) ...
//     After the loop, `(*reader)->error()` is the framing or I/O error that ended it, if any.
//
//  3. Decode to values. `src->selector.choose(rec)` names the plan of a record (-1: none);
//     one `record_decoder` per plan and thread decodes into JSON Lines or CSV text, or
//     into flat cells (`decode_cells`, a plan compiled for output_format::cells) whose
//     numbers are exact decimal text. A bad record returns false with `record_error`s that
//     name the file, record number, byte offset and field.
//
//  4. Write to sinks. `api::json_sink` / `api::csv_sink` over an `api::output_file`
//     take whole lines in input order; `finish()` reports the first I/O error.
//     Or run the whole convert command: `api::run_convert(options, reporter)`.
//
//  5. Load a dataset. `api::load_options` (a `dataset_spec` read from copybook files, an
//     input, a target "sqlite:FILE" or "postgresql://...") and `api::run_load(options,
//     reporter)`: restartable, with control totals checked against the target at the end.
//
//  6. Split a file for many processes (docs/distributed.md). `api::plan_splits(spec, path,
//     options, reporter)` gives byte ranges holding whole records with their global record
//     numbers; `api::convert_range(options, range, reporter)` converts one range into a part
//     file (NAME.partial, renamed when done); `api::load_split` loads one range under its own
//     checkpoint and `api::finish_split_load` reconciles all of them once.
//
// The types stay in their own namespaces (mfb::bridge for the mainframe side, mfb::rehost
// for where the data goes); `mfb::api` only names them together.

#include "mfb/bridge/codec/record_decoder.hpp"
#include "mfb/bridge/codec/source_spec.hpp"
#include "mfb/bridge/convert/convert.hpp"
#include "mfb/bridge/convert/convert_range.hpp"
#include "mfb/bridge/convert/csv_sink.hpp"
#include "mfb/bridge/convert/json_sink.hpp"
#include "mfb/bridge/io/input_paths.hpp"
#include "mfb/bridge/io/outcome.hpp"
#include "mfb/bridge/io/output_file.hpp"
#include "mfb/bridge/io/record_reader.hpp"
#include "mfb/rehost/db/load.hpp"

namespace mfb::api {

// 1. Sources
using bridge::expand_input_paths;
using bridge::names_several_files;
using bridge::open_source;
using bridge::opened_source;
using bridge::recfm;
using bridge::source_failure;
using bridge::source_spec;

// 2. Record batches
using bridge::framing_error;
using bridge::record_batch;
using bridge::record_reader;
using bridge::record_view;

// 3. Values
using bridge::cell_row;
using bridge::cell_state;
using bridge::decode_plan;
using bridge::output_format;
using bridge::record_decoder;
using bridge::record_error;
using bridge::text_buffer;

// 4. Sinks and the convert command
using bridge::convert_options;
using bridge::convert_summary;
using bridge::csv_sink;
using bridge::json_sink;
using bridge::output_file;
using bridge::record_sink;
using bridge::run_convert;

// 5. Datasets
using rehost::dataset_spec;
using rehost::load_options;
using rehost::load_summary;
using rehost::run_load;

// 6. Splits
using bridge::byte_range;
using bridge::convert_range;
using bridge::open_range_reader;
using bridge::parse_byte_range;
using bridge::parse_split_choice;
using bridge::plan_splits;
using bridge::split_choice;
using bridge::split_options;
using bridge::split_plan;
using bridge::split_result;
using rehost::finish_split_load;
using rehost::load_split;
using rehost::load_split_part;

// Outcomes
using bridge::failure_kind;
using bridge::null_reporter;
using bridge::progress_update;
using bridge::reporter;
using bridge::severity;

}  // namespace mfb::api
