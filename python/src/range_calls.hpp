#pragma once
// splits(), convert_range(), load_split() and load_finish(): a file cut into byte ranges of
// whole records, each converted or loaded on its own (the `mfbridge splits`, `convert
// --range` and `load --split/--finish` contract), for Dask and other engines.

#include <pybind11/pybind11.h>

namespace mfb::python {

/// Register the range calls with the module.
void register_range_calls(pybind11::module_& m);

}  // namespace mfb::python
