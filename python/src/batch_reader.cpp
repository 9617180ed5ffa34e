#include "batch_reader.hpp"

#include "errors.hpp"
#include "range_calls.hpp"
#include "spec_options.hpp"

namespace py = pybind11;

namespace mfb::python {

batch_reader::batch_reader(std::string path, py::dict options) {
  option_reader opts(std::move(options));
  nested_ = opts.flag("nested");
  policy_ = error_policy_of(opts, false);
  if (opts.has("range")) range_ = range_of(opts);
  else opts.object("range");
  spec_ = source_spec_of(opts);
  if (!spec_.parents.empty() || !spec_.keys.empty())
    throw failure_of(bridge::failure_kind::usage,
                     "read() does not follow hierarchies (parent=, key=): use convert_range()");
  spec_.decode.format = nested_ ? bridge::output_format::jsonl : bridge::output_format::cells;
  opts.finish("read");
  py::gil_scoped_release unlocked;  // a FIFO or a slow disk may block in open()
  open(path);
}

void batch_reader::open(const std::string& path) {
  bridge::source_failure why;
  auto src = bridge::open_source(spec_, why);
  if (!src) throw failure_of(why);
  source_ = std::make_unique<bridge::opened_source>(std::move(*src));
  reader_ = range_ ? open_range(path) : open_whole(path);
  for (const auto& plan : source_->selector.plans()) {
    decoders_.emplace_back(plan);
    stores_.emplace_back(plan, nested_);
  }
}

std::unique_ptr<bridge::record_reader> batch_reader::open_whole(const std::string& path) {
  auto source = bridge::input_source::open(path, source_->framing.detect_gzip);
  if (!source) throw failure_of(bridge::failure_kind::target, source.err().message);
  auto reader = bridge::record_reader::open(std::move(source).value(), source_->framing);
  if (!reader) throw failure_of(bridge::failure_kind::usage, reader.err().message);
  return std::move(reader).value();
}

// One split: checked against the file (F/FB: on a record boundary, first record computed),
// then read with global record numbers and file offsets.
std::unique_ptr<bridge::record_reader> batch_reader::open_range(const std::string& path) {
  auto checked = bridge::check_byte_range(path, source_->framing, *range_);
  if (!checked) throw failure_of(bridge::failure_kind::usage, checked.err().message);
  auto reader = bridge::open_range_reader(path, source_->framing, checked.value());
  if (!reader) throw failure_of(bridge::failure_kind::target, reader.err().message);
  return std::move(reader).value();
}

void batch_reader::decode_one(const bridge::record_view& rec) {
  scratch_.clear();
  int plan = source_->selector.choose(rec);
  bool ok = false;
  if (plan < 0) {
    scratch_.push_back(source_->selector.no_match(rec, reader_->name()));
  } else {
    auto& decoder = decoders_[static_cast<std::size_t>(plan)];
    auto& store = stores_[static_cast<std::size_t>(plan)];
    if (nested_) {
      line_.clear();
      ok = decoder.decode(rec, reader_->name(), line_, scratch_);
      if (ok) store.add_json(rec.number, line_.view().substr(0, line_.size() - 1));
    } else {
      ok = decoder.decode_cells(rec, reader_->name(), row_, scratch_);
      if (ok) store.add_row(rec.number, row_);
    }
  }
  if (!ok && policy_ == bridge::error_policy::fail) {
    for (const auto& e : scratch_)
      if (!e.in_alternative) throw failure_of(e);
    throw failure_of(scratch_.front());
  }
  errors_.insert(errors_.end(), scratch_.begin(), scratch_.end());
}

// Between batches (about 1 MiB of input), take the GIL for a moment so that Ctrl-C stops a
// long read() instead of waiting for the end of the file.
void batch_reader::check_signals() {
  py::gil_scoped_acquire locked;
  if (PyErr_CheckSignals() != 0) throw py::error_already_set();
}

py::object batch_reader::next(std::size_t max_records) {
  std::unique_lock lock(busy_, std::try_to_lock);
  if (!lock) throw failure_of(bridge::failure_kind::usage, "this reader is in use by another thread");
  if (max_records == 0) throw failure_of(bridge::failure_kind::usage, "batch_size must be positive");
  std::size_t seen = 0;
  {
    py::gil_scoped_release unlocked;
    errors_.clear();
    for (auto& s : stores_) s.clear();
    while (!done_ && seen < max_records) {
      if (pos_ == batch_.size()) {
        check_signals();
        pos_ = 0;
        if (!reader_->next(batch_)) {
          done_ = true;
          if (const auto* fe = reader_->error()) throw failure_of(*fe);
          break;
        }
      }
      decode_one(batch_[pos_++]);
      ++seen;
    }
  }
  if (seen == 0) return py::none();
  py::list frames;
  for (const auto& s : stores_)
    if (s.size() > 0) frames.append(s.to_python());
  py::list errors;
  for (const auto& e : errors_) errors.append(dict_of(e));
  return py::make_tuple(frames, errors);
}

py::list batch_reader::schema() const {
  py::list out;
  for (std::size_t i = 0; i < stores_.size(); ++i) {
    py::dict d;
    d["type"] = source_->selector.plans()[i].type_name();
    d["columns"] = stores_[i].schema();
    out.append(d);
  }
  return out;
}

void register_batch_reader(py::module_& m) {
  py::class_<batch_reader>(m, "_Reader")
      .def(py::init<std::string, py::dict>(), py::arg("path"), py::arg("options"))
      .def("next", &batch_reader::next, py::arg("max_records"))
      .def("schema", &batch_reader::schema);
}

}  // namespace mfb::python
