#pragma once
// splits(), convert_range(), load_split() and load_finish(): a file cut into byte ranges of
// whole records, each converted or loaded on its own (the `mfbridge splits`, `convert
// --range` and `load --split/--finish` contract), for Dask and other engines.

#include <pybind11/pybind11.h>

#include "mfb/bridge/io/split_plan.hpp"
#include "spec_options.hpp"

namespace mfb::python {

/// The range= option: a dict of splits()["ranges"] (offset, length, first_record, records,
/// index), or a tuple (offset, length[, first_record]). UsageError when missing.
bridge::byte_range range_of(option_reader& opts);

/// Register load_split() and load_finish() (load_calls.cpp).
void register_load_calls(pybind11::module_& m);

/// Register the range calls with the module.
void register_range_calls(pybind11::module_& m);

}  // namespace mfb::python
