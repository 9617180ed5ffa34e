#include "errors.hpp"

#include <array>
#include <utility>

namespace py = pybind11;

namespace mfb::python {
namespace {

// The classes, created once at import; index = failure_kind. Held for the module's
// lifetime (the interpreter keeps the module, so they are never freed early).
std::array<PyObject*, 5> classes{};

PyObject* class_of(bridge::failure_kind kind) {
  auto i = static_cast<std::size_t>(kind);
  return classes[i] != nullptr ? classes[i] : classes[0];
}

const char* kind_name(bridge::failure_kind kind) {
  switch (kind) {
    case bridge::failure_kind::usage: return "usage";
    case bridge::failure_kind::bad_data: return "bad_data";
    case bridge::failure_kind::mismatch: return "mismatch";
    case bridge::failure_kind::target: return "target";
    case bridge::failure_kind::none: break;
  }
  return "none";
}

void raise(const failure& f) {
  py::object cls = py::reinterpret_borrow<py::object>(class_of(f.kind));
  py::object err = cls(f.message);
  err.attr("kind") = kind_name(f.kind);
  err.attr("file") = f.file.empty() ? py::object(py::none()) : py::object(py::str(f.file));
  err.attr("record") = f.record == 0 ? py::object(py::none()) : py::object(py::int_(f.record));
  bool has_offset = f.record != 0 || f.offset != 0;
  err.attr("offset") = has_offset ? py::object(py::int_(f.offset)) : py::object(py::none());
  err.attr("field") = f.field.empty() ? py::object(py::none()) : py::object(py::str(f.field));
  err.attr("field_offset") = f.field.empty() ? py::object(py::none()) : py::object(py::int_(f.field_offset));
  err.attr("hex") = f.hex.empty() ? py::object(py::none()) : py::object(py::str(f.hex));
  err.attr("reason") = f.reason.empty() ? py::object(py::none()) : py::object(py::str(f.reason));
  err.attr("diagnostics") = f.diagnostics;
  PyErr_SetObject(cls.ptr(), err.ptr());
}

}  // namespace

failure failure_of(bridge::failure_kind kind, std::string message) {
  failure f;
  f.kind = kind;
  f.message = std::move(message);
  return f;
}

void usage(std::string message) { throw failure_of(bridge::failure_kind::usage, std::move(message)); }

failure failure_of(const bridge::record_error& e) {
  failure f = failure_of(bridge::failure_kind::bad_data, e.to_string());
  f.file = e.file;
  f.record = e.record_number;
  f.offset = e.file_offset;
  f.field = e.field_path;
  f.field_offset = e.field_offset;
  f.hex = e.hex;
  f.reason = e.reason;
  return f;
}

failure failure_of(const bridge::framing_error& e) {
  auto kind = e.what == bridge::framing_error::kind::io ? bridge::failure_kind::target
                                                        : bridge::failure_kind::bad_data;
  failure f = failure_of(kind, e.to_string());
  f.file = e.file;
  f.record = e.record_number;
  f.offset = e.file_offset;
  f.reason = e.message;
  return f;
}

failure failure_of(const bridge::source_failure& e) {
  failure f = failure_of(bridge::failure_kind::usage, e.message);
  if (!e.diagnostics.empty()) f.message += "\n" + e.diagnostics;
  f.diagnostics = e.diagnostics;
  return f;
}

py::dict dict_of(const bridge::record_error& e) {
  py::dict d;
  d["file"] = e.file;
  d["record"] = e.record_number;
  d["offset"] = e.file_offset;
  d["field"] = e.field_path;
  d["field_offset"] = e.field_offset;
  d["hex"] = e.hex;
  d["reason"] = e.reason;
  d["in_alternative"] = e.in_alternative;
  d["message"] = e.to_string();
  return d;
}

void register_errors(py::module_& m) {
  // Named mfbridge.X: users catch them from the package, which re-exports them.
  PyObject* base = PyErr_NewExceptionWithDoc(
      "mfbridge.Error", "Any mfbridge failure; `kind` names it as the CLI's exit code does.",
      nullptr, nullptr);
  classes[0] = base;
  const std::array<std::pair<bridge::failure_kind, const char*>, 4> kinds{{
      {bridge::failure_kind::usage, "UsageError"},
      {bridge::failure_kind::bad_data, "DataError"},
      {bridge::failure_kind::mismatch, "MismatchError"},
      {bridge::failure_kind::target, "TargetError"},
  }};
  m.attr("Error") = py::reinterpret_borrow<py::object>(base);
  for (const auto& [kind, name] : kinds) {
    std::string full = std::string("mfbridge.") + name;
    PyObject* cls = PyErr_NewException(full.c_str(), base, nullptr);
    classes[static_cast<std::size_t>(kind)] = cls;
    m.attr(name) = py::reinterpret_borrow<py::object>(cls);
  }
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const failure& f) {
      raise(f);
    }
  });
}

}  // namespace mfb::python
