#include "range_calls.hpp"

namespace py = pybind11;

namespace mfb::python {

void register_range_calls(py::module_&) {}

}  // namespace mfb::python
