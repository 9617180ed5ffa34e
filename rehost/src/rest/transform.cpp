// The transform routes. An inline copybook comes from an untrusted client, so it may not
// COPY members (the parser runs with allow_copy off: it never looks at the server's
// files) and its code page is a name only (open_code_page would also read a table file
// by path).

#include "rest/transform.hpp"

#include "rest/body_reader.hpp"
#include "rest/json_text.hpp"
#include "mfb/bridge/codec/record_decoder.hpp"
#include "mfb/bridge/codec/record_encoder.hpp"
#include "mfb/bridge/codec/source_spec.hpp"
#include "mfb/copybook/parse.hpp"
#include "mfb/ebcdic/code_page.hpp"
#include "mfb/rehost/rest/problem.hpp"

namespace mfb::rehost::detail {

namespace {

constexpr std::size_t max_cached_layouts = 64;

std::string record_names(const std::vector<copybook::record_layout>& records) {
  std::string s;
  for (const auto& r : records) s += (s.empty() ? "" : ", ") + r.name;
  return s;
}

bool wants_octets(const http_request& req) {
  return req.header("accept").find("application/octet-stream") != std::string::npos;
}

bool is_json_body(const http_request& req) {
  auto ct = req.header("content-type");
  return ct.empty() || ct.rfind("application/json", 0) == 0;
}

}  // namespace

std::string layout_spec::key() const {
  std::string k = codepage + '\0' + record + '\0' + (keep_trailing_spaces ? "t" : "f") +
                  (check_88 ? "t" : "f") + '\0';
  for (const auto& s : select) k += s + '\1';
  k += '\0';
  for (const auto& s : keep) k += s + '\1';
  return k + '\0' + copybook;
}

std::shared_ptr<const compiled_layout> transform_engine::compile(const layout_spec& spec,
                                                                 http_response& problem) {
  std::string key = spec.key();
  {
    std::lock_guard lock(mutex_);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  }
  // The request's text is parsed with no filesystem: any COPY is a diagnostic, found
  // before a member is looked up (the answer is the same whether the file exists or not).
  bridge::source_spec src = bridge::source_spec::defaults();
  src.copybook_texts = {{"copybook", spec.copybook}};
  src.allow_copy = false;
  auto parsed = bridge::parse_copybooks(src);
  if (!parsed.ok()) {
    std::vector<problem_field> errors;
    for (const auto& d : parsed.diagnostics) {
      if (d.level != copybook::severity::error) continue;
      errors.push_back({"copybook",
                        "line " + std::to_string(d.where.line) + ", column " +
                            std::to_string(d.where.column) + ": " + d.message,
                        shorten(d.source_line)});
    }
    problem = make_problem(422, "the copybook has errors", errors);
    return nullptr;
  }
  if (parsed.records.empty()) {
    problem = make_problem(422, "the copybook describes no record", {{"copybook", "no record", ""}});
    return nullptr;
  }
  auto page = ebcdic::code_page::open(spec.codepage);
  if (!page) {
    problem = make_problem(422, "unknown code page",
                           {{"codepage", "no code page by this name", shorten(spec.codepage)}});
    return nullptr;
  }
  auto out = std::make_shared<compiled_layout>();
  out->records = std::move(parsed.records);

  std::vector<bridge::select_rule> rules;
  for (const auto& text : spec.select) {
    auto r = bridge::parse_select_rule(text);
    if (!r) {
      problem = make_problem(422, "a select rule is malformed",
                             {{"select", "expects FIELD=VALUE:RECORD", shorten(text)}});
      return nullptr;
    }
    rules.push_back(*r);
  }
  bridge::decode_options dopts = bridge::decode_options::defaults();
  dopts.keep_trailing_spaces = spec.keep_trailing_spaces;
  auto selector = bridge::record_selector::build(out->records, spec.record, rules, *page, dopts);
  if (selector) out->selector = std::make_unique<bridge::record_selector>(std::move(selector).value());

  bridge::encode_options eopts = bridge::encode_options::defaults();
  eopts.check_88 = spec.check_88;
  for (const auto& r : out->records) {
    if (!spec.record.empty() && !copybook::names_equal(r.name, spec.record)) continue;
    auto plan = bridge::encode_plan::compile(r, *page, eopts, spec.keep);
    if (!plan) {
      problem = make_problem(422, "the record cannot be encoded",
                             {{"record", plan.err().message, r.name}});
      return nullptr;
    }
    out->encode_plans.push_back(std::move(plan).value());
  }
  if (!out->selector && out->encode_plans.empty()) {
    problem = make_problem(422, "no such record",
                           {{"record", selector.err().message, shorten(spec.record)}});
    return nullptr;
  }
  std::lock_guard lock(mutex_);
  if (cache_.size() >= max_cached_layouts) cache_.clear();
  cache_.emplace(std::move(key), out);
  return out;
}

namespace {

// Read the layout members shared by decode and encode.
// (No copybook is needed when the request names a dataset.)
layout_spec read_spec(body_reader& r, bool copybook_required) {
  layout_spec spec;
  if (auto c = r.string("copybook", copybook_required)) spec.copybook = std::move(*c);
  if (auto c = r.string("codepage")) spec.codepage = std::move(*c);
  if (auto c = r.string("record")) spec.record = std::move(*c);
  return spec;
}

}  // namespace

dataset_ref transform_engine::dataset(request_context& ctx, const std::string& name, http_response& problem) {
  if (!find_dataset_) {
    problem = make_problem(400, "the server has no target, so no datasets",
                           {{"dataset", "send a copybook instead", shorten(name)}});
    return {};
  }
  return find_dataset_(ctx, name, problem);
}

namespace {

// Decode one record: `selector` chooses the record type; `plans` (one per type, JSON form)
// decode it.
http_response decode_bytes(const bridge::record_selector& selector,
                           const std::vector<bridge::decode_plan>& plans,
                           const std::vector<std::uint8_t>& data, bool decimals_as_strings) {
  bridge::record_view view{1, 0, data.data(), data.size()};
  int which = selector.choose(view);
  if (which < 0) {
    auto e = selector.no_match(view, "data");
    return make_problem(422, "no select rule matches the data", {{"select", e.reason, e.hex}});
  }
  const auto& plan = plans[static_cast<std::size_t>(which)];
  const auto& lay = plan.layout();
  if (data.size() > lay.length || data.size() < lay.min_length) {
    std::string range = lay.min_length == lay.length
                            ? std::to_string(lay.length)
                            : std::to_string(lay.min_length) + " to " + std::to_string(lay.length);
    return make_problem(422, "the data does not have the record's length",
                        {{"data", "is " + std::to_string(data.size()) + " bytes; record " +
                                      lay.name + " is " + range + " bytes",
                          ""}});
  }
  bridge::record_decoder decoder(plan);
  bridge::text_buffer out;
  std::vector<bridge::record_error> record_errors;
  if (!decoder.decode(view, "data", out, record_errors)) {
    std::vector<problem_field> bad;
    for (const auto& e : record_errors)
      if (!e.in_alternative)
        bad.push_back({e.field_path, e.reason + " at offset " + std::to_string(e.field_offset), e.hex});
    return make_problem(422, "the data holds invalid values", bad);
  }
  std::string_view text = out.view();
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  http_response resp;
  resp.body = decimals_as_strings ? numbers_as_strings(text) : std::string(text);
  resp.headers.emplace_back("X-Mfb-Record", plan.type_name());
  return resp;
}

// Encode the raw JSON `value` with `plan`: base64 in JSON, or the bytes themselves.
http_response encode_value(const bridge::encode_plan& plan, std::string_view value, bool octets) {
  bridge::record_encoder encoder(plan);
  bridge::encoded_record rec;
  std::vector<bridge::field_error> ferrors;
  if (!encoder.encode(value, rec, ferrors)) {
    std::vector<problem_field> bad;
    for (const auto& e : ferrors) bad.push_back({e.path.empty() ? "value" : e.path, e.reason, e.value});
    return make_problem(422, "the value does not fit the record", bad);
  }
  std::size_t n = plan.layout().has_odo ? rec.odo_length : rec.bytes.size();
  http_response resp;
  resp.headers.emplace_back("X-Mfb-Record", plan.name());
  if (octets) {
    resp.content_type = "application/octet-stream";
    resp.body.assign(reinterpret_cast<const char*>(rec.bytes.data()), n);
    return resp;
  }
  nlohmann::json j{{"record", plan.name()}, {"length", n},
                   {"data", base64_encode(rec.bytes.data(), n)}};
  resp.body = j.dump();
  return resp;
}

// A dataset replaces the copybook and everything that goes with it.
void exclusive_dataset(const nlohmann::json& body, std::initializer_list<const char*> members,
                       std::vector<problem_field>& errors) {
  for (const char* m : members)
    if (body.contains(m)) errors.push_back({m, "cannot be given with a dataset (it has its own)", ""});
}

bool is_octets(const http_request& req) {
  return req.header("content-type").rfind("application/octet-stream", 0) == 0;
}

}  // namespace

http_response transform_engine::decode(request_context& ctx) {
  const http_request& req = ctx.request;
  const std::string* in_query = ctx.query_value("dataset");
  const std::string* decimals = ctx.query_value("decimals");
  if (decimals != nullptr && *decimals != "string" && *decimals != "number")
    return make_problem(400, "the query is invalid", {{"decimals", "must be number or string", shorten(*decimals)}});
  http_response problem;
  if (is_octets(req)) {
    // Raw bytes: the dataset names the layout.
    if (in_query == nullptr)
      return make_problem(400, "raw bytes need ?dataset=NAME", {{"dataset", "is required with application/octet-stream", ""}});
    auto ref = dataset(ctx, *in_query, problem);
    if (!ref) return problem;
    std::vector<std::uint8_t> data(req.body.begin(), req.body.end());
    return decode_bytes(ref.ds->selector(), ref.ds->json_plans(), data, decimals != nullptr && *decimals == "string");
  }
  if (!is_json_body(req))
    return make_problem(415, "send a JSON body (application/json) with a copybook or dataset and base64 data, "
                             "or the bytes (application/octet-stream) with ?dataset=NAME");
  if (in_query != nullptr || decimals != nullptr)
    return make_problem(400, "query parameters go with raw bytes; a JSON body names its dataset and options itself",
                        {{in_query != nullptr ? "dataset" : "decimals", "is for application/octet-stream bodies", ""}});
  nlohmann::json body;
  if (!parse_json_object(req.body, body, problem)) return problem;
  std::vector<problem_field> errors;
  body_reader r(body, errors);
  r.reject_unknown({"copybook", "dataset", "codepage", "record", "select", "data", "decimals_as_strings",
                    "keep_trailing_spaces"});
  auto ds_name = r.string("dataset");
  if (ds_name) exclusive_dataset(body, {"copybook", "codepage", "record", "select", "keep_trailing_spaces"}, errors);
  layout_spec spec = ds_name ? layout_spec{} : read_spec(r, true);
  spec.select = r.strings("select");
  spec.keep_trailing_spaces = r.boolean("keep_trailing_spaces");
  bool decimals_as_strings = r.boolean("decimals_as_strings");
  auto data_text = r.string("data", true);
  std::vector<std::uint8_t> data;
  if (data_text && !base64_decode(*data_text, data))
    errors.push_back({"data", "is not valid base64", shorten(*data_text)});
  if (!errors.empty()) return make_problem(400, "the request body is invalid", errors);

  if (ds_name) {
    auto ref = dataset(ctx, *ds_name, problem);
    if (!ref) return problem;
    return decode_bytes(ref.ds->selector(), ref.ds->json_plans(), data, decimals_as_strings);
  }
  auto layout = compile(spec, problem);
  if (!layout) return problem;
  if (!layout->selector) {
    return make_problem(422, "choose the record to decode",
                        {{"record", "the copybook has several records: name one, or give select rules",
                          record_names(layout->records)}});
  }
  return decode_bytes(*layout->selector, layout->selector->plans(), data, decimals_as_strings);
}

http_response transform_engine::encode(request_context& ctx) {
  const http_request& req = ctx.request;
  if (!is_json_body(req))
    return make_problem(415, "send a JSON body (application/json) with a copybook or dataset and the value");
  nlohmann::json body;
  http_response problem;
  if (!parse_json_object(req.body, body, problem)) return problem;
  std::vector<problem_field> errors;
  body_reader r(body, errors);
  r.reject_unknown({"copybook", "dataset", "codepage", "record", "keep", "check_88", "value"});
  auto ds_name = r.string("dataset");
  if (ds_name) exclusive_dataset(body, {"copybook", "codepage", "keep", "check_88"}, errors);
  layout_spec spec = read_spec(r, !ds_name);
  spec.keep = r.strings("keep");
  spec.check_88 = r.boolean("check_88");
  auto value = body.find("value");
  if (value == body.end()) errors.push_back({"value", "is required", ""});
  else if (!value->is_object()) errors.push_back({"value", "must be a JSON object (the record)", shorten(value->dump())});
  if (!errors.empty()) return make_problem(400, "the request body is invalid", errors);
  // The raw member text, so numbers reach the encoder exactly as written.
  auto raw = raw_member(req.body, "value");
  if (!raw) return make_problem(400, "the request body is invalid", {{"value", "is required", ""}});

  if (ds_name) {
    auto ref = dataset(ctx, *ds_name, problem);
    if (!ref) return problem;
    // A record type by name ("record"), or the dataset path's own type.
    const auto& encoders = ref.ds->encoders();
    const bridge::encode_plan* plan = spec.record.empty() ? &encoders[ref.type] : nullptr;
    std::string names;
    for (const auto& p : encoders) {
      names += (names.empty() ? "" : ", ") + p.name();
      if (!spec.record.empty() && copybook::names_equal(p.name(), spec.record)) plan = &p;
    }
    if (plan == nullptr)
      return make_problem(422, spec.record.empty() ? "choose the record to encode" : "no such record",
                          {{"record", "the dataset's record types: " + names, shorten(spec.record)}});
    return encode_value(*plan, *raw, wants_octets(req));
  }
  auto layout = compile(spec, problem);
  if (!layout) return problem;
  if (layout->encode_plans.size() != 1) {
    return make_problem(422, "choose the record to encode",
                        {{"record", "the copybook has several records: name one",
                          record_names(layout->records)}});
  }
  return encode_value(layout->encode_plans.front(), *raw, wants_octets(req));
}

}  // namespace mfb::rehost::detail
