// load_split() and load_finish(): the `load --split I/N` and `load --finish` contract.
// Each split loads its range into the same tables under its own checkpoint; the finish
// merges the splits' control totals and reconciles once.

#include "call_reporter.hpp"
#include "errors.hpp"
#include "range_calls.hpp"
#include "spec_options.hpp"
#include "summaries.hpp"

namespace py = pybind11;

namespace mfb::python {
namespace {

// The dataset as `load`'s options describe it: copybooks read into memory, the reading
// options of source_spec_of, and the table options (table, key, index, ...).
rehost::dataset_spec dataset_of(option_reader& opts) {
  std::string recfm = opts.text("recfm", "FB");
  std::vector<std::string> keys = opts.texts("key");
  bridge::source_spec source = source_spec_of(opts);
  if (!source.length_field.empty()) usage("length_field is not supported for datasets");
  const bridge::decode_options& d = source.decode;
  if (d.trim != bridge::text_trim::right || d.trim_chars != bridge::trim_rule::space || d.improved_null_detection ||
      d.numbers != bridge::numeric_policy::strict)
    usage("trim, trim_rule, improved_null_detection and numeric_policy are for reading: a load keeps each value "
          "as export writes it back (text without its trailing spaces, a bad number a rejected record)");
  std::vector<std::string> copybooks, includes;
  for (const auto& c : source.copybooks) copybooks.push_back(c.string());
  for (const auto& i : source.include_dirs) includes.push_back(i.string());
  auto read = rehost::dataset_spec::from_files(copybooks, includes);
  if (!read) usage(read.err().message);
  rehost::dataset_spec spec = std::move(read).value();
  spec.raw = source.decode.raw_fields;
  source.copybooks.clear();
  source.include_dirs.clear();
  source.copybook_texts = std::move(spec.source.copybook_texts);
  source.members = std::move(spec.source.members);
  source.keys.clear();  // a dataset's keys also name its tables' keys: spec.key
  spec.source = std::move(source);
  spec.set_recfm(recfm);
  for (const auto& k : keys) {
    if (k.find('=') != std::string::npos) spec.key.push_back(k);  // RECORD=F1,F2 stays whole
    else for (auto& part : split_commas({k})) spec.key.push_back(std::move(part));
  }
  for (const auto& i : opts.texts("index")) spec.indexes.push_back(split_commas({i}));
  spec.flatten_occurs = opts.flag("flatten_occurs");
  spec.check_88 = opts.flag("check_88");
  spec.block_size = opts.size("block_size");
  spec.name = opts.text("table");
  if (spec.name.empty()) {  // named after its record, as `load` names it
    auto opened = rehost::dataset::open(spec);
    if (!opened) usage(opened.err().message);
    const auto& plans = (*opened)->selector().plans();
    spec.name = rehost::snake_case(plans.size() == 1 ? plans.front().type_name()
                                                     : plans.front().layout().name);
  }
  return spec;
}

rehost::load_options load_options_of(const std::string& path, option_reader& opts) {
  rehost::load_options lo;
  lo.input = path;
  lo.target = opts.text("target");
  if (lo.target.empty()) usage("target= is required (sqlite:FILE or postgresql://...)");
  lo.job = opts.text("job");
  lo.on_error = error_policy_of(opts, true);
  lo.reject_file = opts.text("reject_file");
  lo.max_errors = opts.integer("max_errors", -1);
  lo.chunk_records = opts.size("chunk_records", lo.chunk_records);
  lo.allow_changed_input = opts.flag("allow_changed_input");
  lo.trailer_checks = opts.texts("trailer_check");
  lo.spec = dataset_of(opts);
  return lo;
}

rehost::load_summary checked(const rehost::load_summary& s, const call_reporter& rep) {
  if (s.failure != bridge::failure_kind::none) throw failure_of(s.failure, rep.failure_text(s.message));
  return s;
}

// load_split(path, target=, range=, count=, <dataset and load options>)
py::dict load_split(const std::string& path, py::dict options) {
  option_reader opts(options);
  bridge::byte_range range = range_of(opts);
  unsigned count = static_cast<unsigned>(opts.size("count"));
  py::dict given = options["range"].cast<py::dict>();
  unsigned index = given.contains("index") ? given["index"].cast<unsigned>() : 0;
  rehost::load_options lo = load_options_of(path, opts);
  opts.finish("load_split");
  if (count == 0 || index >= count) usage("load_split needs count= and a range whose index is below it");
  call_reporter rep;
  rehost::load_summary s;
  {
    py::gil_scoped_release unlocked;
    s = rehost::load_split(lo, range, index, count, rep);
  }
  return dict_of(checked(s, rep), rep);
}

// load_finish(path, target=, count=, <dataset and load options>)
py::dict load_finish(const std::string& path, py::dict options) {
  option_reader opts(options);
  unsigned count = static_cast<unsigned>(opts.size("count"));
  rehost::load_options lo = load_options_of(path, opts);
  opts.finish("load_finish");
  if (count == 0) usage("load_finish needs count=, the number of splits");
  call_reporter rep;
  rehost::load_summary s;
  {
    py::gil_scoped_release unlocked;
    s = rehost::finish_split_load(lo, count, rep);
  }
  return dict_of(checked(s, rep), rep);
}

}  // namespace

void register_load_calls(py::module_& m) {
  m.def("load_split", [](const std::string& path, py::kwargs kw) { return load_split(path, kw); },
        py::arg("path"));
  m.def("load_finish", [](const std::string& path, py::kwargs kw) { return load_finish(path, kw); },
        py::arg("path"));
}

}  // namespace mfb::python
