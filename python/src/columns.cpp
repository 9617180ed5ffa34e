#include "columns.hpp"

#include <pybind11/numpy.h>

#include <charconv>
#include <cstdlib>
#include <map>

#include "errors.hpp"

namespace py = pybind11;

namespace mfb::python {
namespace {

// An integer column holds every value of the field in int64: 18 digits at most, no
// scale, and not an unsigned 8-byte binary (TRUNC(BIN)/COMP-5 reach 2**64 - 1).
bool fits_int64(const bridge::plan_op& op) {
  if (op.scale != 0 || op.digits > 18 || op.digits <= 0) return false;
  return !(op.code == bridge::op_code::binary && op.length >= 8 && !op.is_signed);
}

column_kind kind_of(const bridge::plan_op& op) {
  switch (op.code) {
    case bridge::op_code::zoned:
    case bridge::op_code::packed:
    case bridge::op_code::binary:
    case bridge::op_code::edited: return fits_int64(op) ? column_kind::integer : column_kind::decimal;
    case bridge::op_code::floating: return column_kind::floating;
    case bridge::op_code::raw: return column_kind::bytes;
    default: return column_kind::text;
  }
}

const char* kind_name(column_kind k) {
  switch (k) {
    case column_kind::integer: return "int64";
    case column_kind::decimal: return "decimal";
    case column_kind::floating: return "float64";
    case column_kind::bytes: return "bytes";
    case column_kind::text: break;
  }
  return "str";
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

[[noreturn]] void unreadable(const column_info& c, std::uint64_t number, std::string_view text) {
  throw failure_of(bridge::failure_kind::bad_data,
                   "record " + std::to_string(number) + ": column " + c.name + " holds '" +
                       std::string(text) + "', which is not a " + kind_name(c.kind));
}

void add_cell(const column_info& c, column_values& v, std::uint64_t number, std::string_view cell) {
  switch (c.kind) {
    case column_kind::integer: {
      std::int64_t n = 0;
      auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), n);
      if (ec != std::errc() || end != cell.data() + cell.size()) unreadable(c, number, cell);
      v.ints.push_back(n);
      return;
    }
    case column_kind::floating: {
      std::string text(cell);
      char* end = nullptr;
      double d = std::strtod(text.c_str(), &end);
      if (text.empty() || *end != '\0') unreadable(c, number, cell);
      v.floats.push_back(d);
      return;
    }
    case column_kind::bytes:
      for (std::size_t i = 0; i + 1 < cell.size(); i += 2)
        v.text.push_back(static_cast<char>(hex_value(cell[i]) << 4 | hex_value(cell[i + 1])));
      break;
    default: v.text.append(cell);
  }
  v.ends.push_back(static_cast<std::uint32_t>(v.text.size()));
}

void add_missing(const column_info& c, column_values& v) {
  if (c.kind == column_kind::integer) v.ints.push_back(0);
  else if (c.kind == column_kind::floating) v.floats.push_back(0);
  else v.ends.push_back(static_cast<std::uint32_t>(v.text.size()));
}

py::object values_to_python(const column_info& c, const column_values& v, py::handle decimal) {
  if (c.kind == column_kind::integer) return py::array_t<std::int64_t>(static_cast<py::ssize_t>(v.ints.size()), v.ints.data());
  if (c.kind == column_kind::floating) return py::array_t<double>(static_cast<py::ssize_t>(v.floats.size()), v.floats.data());
  py::list out(v.ends.size());
  std::uint32_t begin = 0;
  for (std::size_t i = 0; i < v.ends.size(); ++i) {
    std::string_view cell(v.text.data() + begin, v.ends[i] - begin);
    begin = v.ends[i];
    if (v.missing[i]) out[i] = py::none();
    else if (c.kind == column_kind::decimal) out[i] = decimal(py::str(cell.data(), cell.size()));
    else if (c.kind == column_kind::bytes) out[i] = py::bytes(cell.data(), cell.size());
    else out[i] = py::str(cell.data(), cell.size());
  }
  return out;
}

}  // namespace

std::vector<column_info> columns_of(const bridge::decode_plan& plan) {
  std::map<std::int32_t, const bridge::plan_op*> op_of_field;
  // op_code lists the structural steps first: every code from `text` on reads a value.
  static_assert(bridge::op_code::record_type < bridge::op_code::text &&
                bridge::op_code::text < bridge::op_code::raw);
  for (const auto& op : plan.ops())
    if (op.field >= 0 && op.code >= bridge::op_code::text) op_of_field.emplace(op.field, &op);
  std::vector<column_info> out;
  const auto& names = plan.columns();
  const auto& sources = plan.column_sources();
  for (std::size_t i = 0; i < names.size(); ++i) {
    column_info c;
    c.name = names[i];
    auto it = op_of_field.find(sources[i].field);
    if (it != op_of_field.end()) {
      c.kind = kind_of(*it->second);
      c.digits = it->second->digits;
      c.scale = it->second->scale;
      c.field = plan.layout().fields[static_cast<std::size_t>(sources[i].field)].path;
    }
    out.push_back(std::move(c));
  }
  return out;
}

column_store::column_store(const bridge::decode_plan& plan, bool nested)
    : plan_(&plan), nested_(nested), info_(columns_of(plan)), values_(info_.size()) {}

void column_store::add_row(std::uint64_t number, const bridge::cell_row& row) {
  numbers_.push_back(number);
  for (std::size_t i = 0; i < info_.size(); ++i) {
    bool present = i < row.size() && row.states[i] == bridge::cell_state::value;
    values_[i].missing.push_back(present ? 0 : 1);
    if (present) add_cell(info_[i], values_[i], number, row.cell(i));
    else add_missing(info_[i], values_[i]);
  }
}

void column_store::add_json(std::uint64_t number, std::string_view line) {
  numbers_.push_back(number);
  json_.append(line);
  json_ends_.push_back(static_cast<std::uint32_t>(json_.size()));
}

void column_store::clear() {
  numbers_.clear();
  json_.clear();
  json_ends_.clear();
  for (auto& v : values_) v = column_values{};
}

py::dict column_store::to_python() const {
  py::dict d;
  d["type"] = plan_->type_name();
  d["numbers"] = py::array_t<std::uint64_t>(static_cast<py::ssize_t>(numbers_.size()), numbers_.data());
  if (nested_) {
    py::list lines(json_ends_.size());
    std::uint32_t begin = 0;
    for (std::size_t i = 0; i < json_ends_.size(); ++i) {
      lines[i] = py::bytes(json_.data() + begin, json_ends_[i] - begin);
      begin = json_ends_[i];
    }
    d["json"] = lines;
    return d;
  }
  py::object decimal = py::module_::import("decimal").attr("Decimal");
  py::list cols;
  for (std::size_t i = 0; i < info_.size(); ++i) {
    py::array_t<bool> missing(static_cast<py::ssize_t>(values_[i].missing.size()));
    auto m = missing.mutable_unchecked<1>();
    for (std::size_t r = 0; r < values_[i].missing.size(); ++r)
      m(static_cast<py::ssize_t>(r)) = values_[i].missing[r] != 0;
    cols.append(py::make_tuple(info_[i].name, kind_name(info_[i].kind),
                               values_to_python(info_[i], values_[i], decimal), missing));
  }
  d["columns"] = cols;
  return d;
}

py::list column_store::schema() const {
  py::list out;
  for (const auto& c : info_) {
    py::dict d;
    d["name"] = c.name;
    d["kind"] = kind_name(c.kind);
    d["digits"] = c.digits;
    d["scale"] = c.scale;
    d["field"] = c.field;
    out.append(d);
  }
  return out;
}

}  // namespace mfb::python
