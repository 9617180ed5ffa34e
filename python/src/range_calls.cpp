#include "range_calls.hpp"

#include "call_reporter.hpp"
#include "errors.hpp"
#include "mfb/bridge/convert/convert_range.hpp"
#include "spec_options.hpp"
#include "summaries.hpp"

namespace py = pybind11;

namespace mfb::python {
namespace {

// A size as the CLI's --target-size takes it (bridge::parse_byte_size), or a Python int.
std::uint64_t size_of(const py::object& v) {
  if (py::isinstance<py::int_>(v) && !py::isinstance<py::bool_>(v)) {
    long long n = v.cast<long long>();
    if (n <= 0) usage("target_size must be positive");
    return static_cast<std::uint64_t>(n);
  }
  std::string text = py::str(v).cast<std::string>();
  auto size = bridge::parse_byte_size(text);
  if (!size || *size == 0) usage("target_size must be a number of bytes, or end in K, M, G or T: " + text);
  return *size;
}

// splits(path, copybook=..., target_size="256M", count=, index=, chain=, <layout options>)
py::object splits(const std::string& path, py::dict options) {
  option_reader opts(options);
  bridge::split_options so = bridge::split_options::defaults();
  if (py::object size = opts.object("target_size"); !size.is_none()) so.target_size = size_of(size);
  so.count = static_cast<unsigned>(opts.size("count"));
  so.index_path = opts.text("index");
  so.chain = static_cast<unsigned>(opts.size("chain", so.chain));
  so.threads = static_cast<unsigned>(opts.size("threads"));
  bridge::source_spec spec = source_spec_of(opts);
  opts.finish("splits");
  if (auto why = so.validate(); !why.empty()) usage(why);
  call_reporter rep;
  bridge::split_result r;
  {
    py::gil_scoped_release unlocked;
    r = bridge::plan_splits(spec, path, so, rep);
  }
  if (r.failure != bridge::failure_kind::none) throw failure_of(r.failure, r.message);
  py::object plan = py::module_::import("json").attr("loads")(r.plan.to_json());
  plan["warnings"] = rep.messages();
  return plan;
}

// convert_range(path, output=|output_dir=, range=, format="jsonl", on_error=, reject_file=,
//               max_errors=, threads=, <layout options>)
py::dict convert_range(const std::string& path, py::dict options) {
  option_reader opts(options);
  bridge::convert_options co = bridge::convert_options::defaults();
  co.input = path;
  co.output = opts.text("output");
  co.output_dir = opts.text("output_dir");
  if (co.output.empty() && co.output_dir.empty()) usage("convert_range needs output= or output_dir=");
  if (co.output.empty()) co.output = "-";
  bridge::byte_range range = range_of(opts);
  std::string format = opts.text("format", "jsonl");
  co.on_error = error_policy_of(opts, true);
  co.reject_file = opts.text("reject_file");
  co.reject_log = opts.text("reject_log");
  co.max_errors = opts.integer("max_errors", -1);
  co.threads = static_cast<unsigned>(opts.size("threads", 1));
  co.source = source_spec_of(opts);
  opts.finish("convert_range");
  if (format != "jsonl" && format != "csv") usage("format must be jsonl or csv, not " + format);
  co.source.decode.format = format == "csv" ? bridge::output_format::csv : bridge::output_format::jsonl;
  call_reporter rep;
  rep.tune(co.progress_ms, co.batch_bytes);
  bridge::convert_summary s;
  {
    py::gil_scoped_release unlocked;
    s = bridge::convert_range(co, range, rep);
  }
  if (s.failure != bridge::failure_kind::none) throw failure_of(s.failure, rep.failure_text(s.message));
  return dict_of(s, rep);
}

}  // namespace

bridge::byte_range range_of(option_reader& opts) {
  if (!opts.has("range")) {
    opts.text("range");
    usage("range= is required: a range of splits()[\"ranges\"], or (offset, length, first_record)");
  }
  py::object v = opts.object("range");
  bridge::byte_range r;
  if (py::isinstance<py::dict>(v)) {
    py::dict d = v;
    r.offset = d["offset"].cast<std::uint64_t>();
    r.length = d["length"].cast<std::uint64_t>();
    r.first_record = d.contains("first_record") ? d["first_record"].cast<std::uint64_t>() : 0;
    r.records = d.contains("records") ? d["records"].cast<std::uint64_t>() : 0;
  } else {
    py::tuple t = py::tuple(v);
    if (t.size() < 2 || t.size() > 3) usage("range must be (offset, length[, first_record])");
    r.offset = t[0].cast<std::uint64_t>();
    r.length = t[1].cast<std::uint64_t>();
    r.first_record = t.size() == 3 ? t[2].cast<std::uint64_t>() : 0;
  }
  return r;
}

void register_range_calls(py::module_& m) {
  m.def("splits", [](const std::string& path, py::kwargs kw) { return splits(path, kw); },
        py::arg("path"));
  m.def("convert_range",
        [](const std::string& path, py::kwargs kw) { return convert_range(path, kw); },
        py::arg("path"));
  register_load_calls(m);
}

}  // namespace mfb::python
