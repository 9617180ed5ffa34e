#pragma once
// Summaries of library calls as dicts: the same JSON the CLI writes with --summary-json
// (exit code 0: a failure raises instead), plus the messages the call reported.

#include <pybind11/pybind11.h>

#include "call_reporter.hpp"
#include "mfb/mfbridge.hpp"

namespace mfb::python {

/// json.loads(summary.to_json(0)) with "messages": rep.messages().
template <class Summary>
pybind11::dict dict_of(const Summary& summary, const call_reporter& rep) {
  pybind11::dict d = pybind11::module_::import("json").attr("loads")(summary.to_json(0));
  d["messages"] = rep.messages();
  return d;
}

}  // namespace mfb::python
