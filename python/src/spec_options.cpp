#include "spec_options.hpp"

#include <algorithm>
#include <memory>

#include "errors.hpp"
#include "mfb/bridge/codec/occurs_map_parse.hpp"
#include "mfb/bridge/codec/text_flags.hpp"
#include "mfb/bridge/io/framing_flags.hpp"
#include "mfb/bridge/io/record_header.hpp"

namespace py = pybind11;

namespace mfb::python {

std::vector<std::string> split_commas(const std::vector<std::string>& texts) {
  std::vector<std::string> out;
  for (const auto& text : texts)
    for (std::size_t at = 0; at <= text.size();) {
      std::size_t comma = std::min(text.find(',', at), text.size());
      if (comma > at) out.push_back(text.substr(at, comma - at));
      at = comma + 1;
    }
  return out;
}

namespace {

// --recfm: the framing's format, or the layout-driven framings (LENGTH-FIELD, ODO).
void apply_recfm(option_reader& opts, bridge::source_spec& s) {
  std::string recfm = opts.text("recfm", "FB");
  std::string length_field = opts.text("length_field");
  long long adjust = opts.integer("length_adjust");
  if (recfm == "ODO" || recfm == "odo") {
    s.odo_framing = true;
    s.framing.format = bridge::recfm::custom;
  } else {
    auto fmt = bridge::parse_recfm(recfm);
    if (!fmt || *fmt == bridge::recfm::custom)
      usage("unknown recfm " + recfm + " (F, FB, V, VB, VS, VBS, TEXT, LENGTH-FIELD, ODO)");
    s.framing.format = *fmt;
  }
  if (s.framing.format == bridge::recfm::length_field) {
    if (length_field.empty()) usage("recfm LENGTH-FIELD needs length_field=NAME");
    s.length_field = length_field;
    s.framing.length_adjust = adjust;
  } else if (!length_field.empty() || adjust != 0) {
    usage("length_field and length_adjust need recfm LENGTH-FIELD");
  }
}

// ascii, ascii_charset, trim, trim_rule, improved_null_detection, numeric_policy: as the
// CLI's flags of the same names.
void apply_text(option_reader& opts, bridge::source_spec& s) {
  bool trim_given = opts.has("trim");
  if (auto why = bridge::set_trim(s.decode, opts.text("trim", "right")); !why.empty()) usage(why);
  if (trim_given && s.decode.keep_trailing_spaces && s.decode.trim != bridge::text_trim::none)
    usage("keep_trailing_spaces is trim=\"none\"; it cannot be given with another trim");
  if (auto why = bridge::set_trim_rule(s.decode, opts.text("trim_rule", "space")); !why.empty()) usage(why);
  if (auto why = bridge::set_numeric_policy(s.decode, opts.text("numeric_policy", "strict")); !why.empty()) usage(why);
  s.decode.improved_null_detection = opts.flag("improved_null_detection");
  bool charset_given = opts.has("ascii_charset");
  std::string charset = opts.text("ascii_charset", "UTF-8");
  if (!opts.flag("ascii")) {
    if (charset_given) usage("ascii_charset needs ascii=True");
    return;
  }
  if (opts.has("codepage") || opts.has("zoned"))
    usage("ascii=True sets the code page and the zoned charset: give neither codepage= nor zoned=");
  s.codepage = bridge::ascii_code_page(charset);
  if (s.codepage.empty()) usage("ascii_charset must be UTF-8, ISO-8859-1 or US-ASCII, not " + charset);
  s.decode.zoned_charset = ebcdic::zoned_charset::ascii;
}

// occurs_map: a dict {"FIELD": {"VALUE": COUNT}} (Cobrix's occurs_mappings), its JSON text,
// the CLI's short form FIELD=VALUE:COUNT,..., or a list of those (--occurs-map).
void apply_occurs_map(option_reader& opts, bridge::source_spec& s) {
  py::object v = opts.object("occurs_map");
  if (v.is_none()) return;
  std::vector<py::object> items;
  if (py::isinstance<py::list>(v) || py::isinstance<py::tuple>(v)) {
    for (py::handle h : v) items.push_back(py::reinterpret_borrow<py::object>(h));
  } else {
    items.push_back(v);
  }
  auto map = std::make_shared<bridge::occurs_map>();
  py::object dumps = py::module_::import("json").attr("dumps");
  for (const auto& item : items) {
    std::string text;
    if (py::isinstance<py::dict>(item))
      text = dumps(item).cast<std::string>();
    else if (py::isinstance<py::str>(item))
      text = item.cast<std::string>();
    else
      usage("occurs_map must be a dict, a string or a list of them");
    if (auto why = bridge::add_occurs_map(*map, text); !why.empty()) {
      constexpr std::string_view named = "--occurs-map: ";  // the CLI's name for it
      if (why.rfind(named, 0) == 0) why.erase(0, named.size());
      usage("occurs_map: " + why);
    }
  }
  s.decode.occurs = std::move(map);
}

void apply_codec(option_reader& opts, bridge::source_spec& s) {
  std::string floats = opts.text("float_format", "hfp");
  std::string zoned = opts.text("zoned", "ebcdic");
  std::string trunc = opts.text("trunc", "std");
  if (floats != "hfp" && floats != "ieee") usage("float_format must be hfp or ieee, not " + floats);
  if (zoned != "ebcdic" && zoned != "ascii") usage("zoned must be ebcdic or ascii, not " + zoned);
  if (trunc != "std" && trunc != "bin") usage("trunc must be std or bin, not " + trunc);
  s.decode.float_format = floats == "ieee" ? ebcdic::float_format::ieee_big : ebcdic::float_format::ibm_hex;
  s.decode.zoned_charset = zoned == "ascii" ? ebcdic::zoned_charset::ascii : ebcdic::zoned_charset::ebcdic;
  s.decode.binary_trunc = trunc == "bin" ? ebcdic::truncation::binary : ebcdic::truncation::standard;
  s.decode.raw_fields = split_commas(opts.texts("raw"));
  s.decode.allow_trailing_bytes = opts.flag("allow_trailing_bytes");
  s.decode.keep_trailing_spaces = opts.flag("keep_trailing_spaces");
  s.decode.record_type_key = opts.text("record_type_key");
  apply_text(opts, s);
  apply_occurs_map(opts, s);
}

}  // namespace

py::object option_reader::take(const char* name) {
  taken_.emplace_back(name);
  if (!options_.contains(name)) return py::none();
  return options_[name];
}

bool option_reader::has(const char* name) const {
  return options_.contains(name) && !options_[name].is_none();
}

std::string option_reader::text(const char* name, std::string fallback) {
  py::object v = take(name);
  if (v.is_none()) return fallback;
  if (py::isinstance<py::str>(v)) return v.cast<std::string>();
  if (py::hasattr(v, "__fspath__")) return py::str(v.attr("__fspath__")()).cast<std::string>();
  usage(std::string(name) + " must be a string");
}

long long option_reader::integer(const char* name, long long fallback) {
  py::object v = take(name);
  if (v.is_none()) return fallback;
  if (!py::isinstance<py::int_>(v) || py::isinstance<py::bool_>(v))
    usage(std::string(name) + " must be an integer");
  return v.cast<long long>();
}

std::size_t option_reader::size(const char* name, std::size_t fallback) {
  long long v = integer(name, static_cast<long long>(fallback));
  if (v < 0) usage(std::string(name) + " must not be negative");
  return static_cast<std::size_t>(v);
}

bool option_reader::flag(const char* name, bool fallback) {
  py::object v = take(name);
  if (v.is_none()) return fallback;
  if (!py::isinstance<py::bool_>(v)) usage(std::string(name) + " must be True or False");
  return v.cast<bool>();
}

std::vector<std::string> option_reader::texts(const char* name) {
  py::object v = take(name);
  std::vector<std::string> out;
  if (v.is_none()) return out;
  if (py::isinstance<py::str>(v) || py::hasattr(v, "__fspath__")) {
    taken_.pop_back();
    options_[name] = v;
    out.push_back(text(name));
    return out;
  }
  for (py::handle item : v) {
    if (py::isinstance<py::str>(item)) out.push_back(item.cast<std::string>());
    else if (py::hasattr(item, "__fspath__")) out.push_back(py::str(item.attr("__fspath__")()).cast<std::string>());
    else usage(std::string(name) + " must be a string or a list of strings");
  }
  return out;
}

void option_reader::finish(const char* call) const {
  for (auto item : options_) {
    std::string key = py::str(item.first).cast<std::string>();
    if (std::find(taken_.begin(), taken_.end(), key) == taken_.end())
      usage(std::string(call) + "() got an unknown option " + key);
  }
}

bridge::source_spec source_spec_of(option_reader& opts) {
  bridge::source_spec s = bridge::source_spec::defaults();
  for (const auto& c : opts.texts("copybook")) s.copybooks.emplace_back(c);
  for (const auto& d : opts.texts("include")) s.include_dirs.emplace_back(d);
  if (s.copybooks.empty()) usage("copybook= is required");
  s.codepage = opts.text("codepage", s.codepage);
  s.cobrix_extensions = opts.flag("cobrix");
  s.record_name = opts.text("record");
  s.selects = opts.texts("select");
  s.parents = opts.texts("parent");
  s.keys = opts.texts("key");
  apply_recfm(opts, s);
  s.framing.lrecl = opts.size("lrecl");
  s.framing.rdw_big_endian = !opts.flag("rdw_little_endian");
  s.framing.rdw_includes_header = !opts.flag("rdw_excludes_header");
  s.framing.skip_head = opts.size("skip_head");
  s.framing.skip_tail = opts.size("skip_tail");
  s.framing.record_start_offset = opts.size("record_start_offset");
  s.framing.record_end_offset = opts.size("record_end_offset");
  if (auto why = bridge::set_record_header(s.framing, opts.text("record_header")); !why.empty()) usage(why);
  if (auto why = bridge::set_rdw_adjust(s.framing, opts.integer("rdw_adjust")); !why.empty()) usage(why);
  if (auto why = bridge::set_bdw_options(s.framing, opts.text("bdw_order"), opts.integer("bdw_adjust")); !why.empty())
    usage(why);
  if (auto why = bridge::set_keep_partial_last_record(s.framing, opts.flag("keep_partial_last_record"));
      !why.empty())
    usage(why);
  if (auto why = bridge::set_length_map(s.framing, opts.text("length_map")); !why.empty()) usage(why);
  s.decode.min_record_length = opts.size("min_record_length");
  s.decode.max_record_length = opts.size("max_record_length");
  apply_codec(opts, s);
  s.decode.fixed_length_records =
      s.framing.format == bridge::recfm::f || s.framing.format == bridge::recfm::fb;
  if (auto why = s.validate(); !why.empty()) usage(why);
  return s;
}

bridge::error_policy error_policy_of(option_reader& opts, bool reject_allowed) {
  std::string text = opts.text("on_error", "fail");
  auto p = bridge::parse_error_policy(text);
  if (!p || (*p == bridge::error_policy::reject && !reject_allowed))
    usage("on_error must be fail or skip" + std::string(reject_allowed ? " or reject" : "") +
          ", not " + text);
  return *p;
}

}  // namespace mfb::python
