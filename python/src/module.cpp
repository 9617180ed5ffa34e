// mfbridge._core: the C++ half of the Python package. The pure-Python half
// (python/mfbridge/__init__.py, dask.py) turns what these return into DataFrames.

#include <pybind11/pybind11.h>

#include "batch_reader.hpp"
#include "errors.hpp"
#include "mfb/copybook/copybook.hpp"
#include "mfb/mfbridge.hpp"
#include "range_calls.hpp"
#include "spec_options.hpp"

namespace py = pybind11;

namespace mfb::python {
namespace {

// layout(copybook, include=, record=, cobrix=, format="json"|"text"): the layout as the
// CLI's `layout --format json` text (parsed by the caller) or its listing.
std::string layout_text(py::dict options) {
  option_reader opts(std::move(options));
  bridge::source_spec spec = bridge::source_spec::defaults();
  for (const auto& c : opts.texts("copybook")) spec.copybooks.emplace_back(c);
  for (const auto& d : opts.texts("include")) spec.include_dirs.emplace_back(d);
  spec.cobrix_extensions = opts.flag("cobrix");
  std::string record = opts.text("record");
  std::string format = opts.text("format", "json");
  opts.finish("layout");
  if (spec.copybooks.empty()) throw failure_of(bridge::failure_kind::usage, "copybook= is required");
  if (format != "json" && format != "text")
    throw failure_of(bridge::failure_kind::usage, "format must be json or text, not " + format);
  copybook::parse_result parsed;
  {
    py::gil_scoped_release unlocked;
    parsed = bridge::parse_copybooks(spec);
  }
  if (!parsed.ok()) {
    bridge::source_failure why{"the copybook has errors", copybook::to_string(parsed.diagnostics)};
    throw failure_of(why);
  }
  std::vector<copybook::record_layout> records;
  for (auto& r : parsed.records)
    if (record.empty() || copybook::names_equal(r.name, record)) records.push_back(std::move(r));
  if (records.empty()) throw failure_of(bridge::failure_kind::usage, "no record named " + record + " in the copybook");
  return format == "json" ? copybook::to_json(records) : copybook::to_listing(records);
}

}  // namespace
}  // namespace mfb::python

PYBIND11_MODULE(_core, m) {
  m.doc() = "mfbridge's C++ core (use the mfbridge package, not this module)";
  mfb::python::register_errors(m);
  mfb::python::register_batch_reader(m);
  mfb::python::register_range_calls(m);
  m.def("layout_text", &mfb::python::layout_text, py::arg("options"));
  m.def("_names_several_files", &mfb::api::names_several_files, py::arg("path"));
}
