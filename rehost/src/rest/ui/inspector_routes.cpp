// The web inspector's JSON routes. All read-only: they read the catalog, the checkpoint of
// the last load, its reject log and input file, and the run history; none writes.

#include "rest/ui/inspector_routes.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <stdexcept>

#include "db/load_checkpoint.hpp"
#include "mfb/copybook/layout_printer.hpp"
#include "mfb/rehost/db/control_totals.hpp"
#include "mfb/rehost/db/load.hpp"
#include "mfb/rehost/db/table_map.hpp"
#include "mfb/rehost/jobs/run_history.hpp"
#include "mfb/rehost/rest/problem.hpp"
#include "rest/ui/record_source.hpp"

namespace mfb::rehost::detail {

namespace {

constexpr std::size_t max_rejects = 1000;        // a page of the reject log
constexpr std::uint64_t max_scan = 1000000;      // records a "next bad record" search reads
constexpr int max_runs = 200;

http_response json_answer(const nlohmann::json& j) {
  http_response r;
  r.body = j.dump();
  return r;
}

// A query parameter as a number >= `least`; false (with `problem` set) when malformed.
bool number_param(const request_context& ctx, const char* name, long long least, long long& out,
                  http_response& problem) {
  const std::string* v = ctx.query_value(name);
  if (v == nullptr) return true;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
  if (ec != std::errc{} || end != v->data() + v->size() || out < least) {
    problem = make_problem(400, std::string("the query parameter ") + name + " must be a whole number from " +
                                    std::to_string(least),
                           {{name, "not a whole number from " + std::to_string(least), shorten(*v)}});
    return false;
  }
  return true;
}

nlohmann::json parsed_or_null(const std::string& text) {
  if (text.empty()) return nullptr;
  auto j = nlohmann::json::parse(text, nullptr, false);
  return j.is_discarded() ? nlohmann::json(nullptr) : j;
}

}  // namespace

void inspector_routes::add_to(router& r) {
  auto add = [&](const char* pattern, http_response (inspector_routes::*fn)(request_context&),
                 std::vector<std::string> query, std::string dataset_param) {
    route rt;
    rt.method = "GET";
    rt.pattern = pattern;
    rt.handler = [this, fn](request_context& ctx) { return (this->*fn)(ctx); };
    rt.need = access::read;
    rt.dataset_param = std::move(dataset_param);
    rt.query_params = std::move(query);
    r.add(std::move(rt));
  };
  add("/v1/datasets/{ds}/layout", &inspector_routes::layout, {}, "ds");
  add("/v1/datasets/{ds}/status", &inspector_routes::status, {}, "ds");
  add("/v1/datasets/{ds}/rejects", &inspector_routes::rejects, {"limit"}, "ds");
  add("/v1/datasets/{ds}/inspect", &inspector_routes::inspect, {"record", "offset", "bad_after"}, "ds");
  add("/v1/runs", &inspector_routes::runs, {"limit", "job"}, "");
}

http_response inspector_routes::layout(request_context& ctx) {
  http_response problem;
  auto ref = lookup_(ctx, ctx.params["ds"], problem);
  if (!ref) return problem;
  const auto& l = ref.ds->json_plans()[ref.type].layout();
  auto items = nlohmann::json::parse(copybook::to_json({l}));
  return json_answer({{"dataset", ref.name}, {"layout", items}, {"listing", copybook::to_listing({l})}});
}

http_response inspector_routes::status(request_context& ctx) {
  http_response problem;
  auto ref = lookup_(ctx, ctx.params["ds"], problem);
  if (!ref) return problem;
  auto db = pool_.acquire();
  const auto& map = ref.ds->maps()[ref.type];
  nlohmann::json rows = nlohmann::json::object();
  for (const auto& t : map.tables())
    if (db->table_exists(t.name))
      if (auto q = db->query("SELECT count(*) FROM " + quote_ident(t.name)); !q.rows.empty())
        rows[t.name] = std::stoll(q.rows[0][0].value_or("0"));
  nlohmann::json j{{"dataset", ref.name}, {"table", map.main().name}, {"rows", rows}, {"last_load", nullptr}};
  auto cp = last_load_with_sources(*db, ref.ds->spec().name);
  if (cp) {
    j["last_load"] = {{"job", cp->job}, {"status", cp->status}, {"mode", cp->mode},
                      {"records", cp->records}, {"rejected", cp->rejected},
                      {"source_totals", parsed_or_null(cp->source_totals)},
                      {"expected_totals", parsed_or_null(cp->expected_totals)},
                      {"has_input", !cp->input.empty()}, {"has_rejects", !cp->reject_file.empty()}};
    // Reconciliation now: the finished load's expected totals against the tables as they are.
    if (auto expected = control_totals::from_json(cp->expected_totals); expected && cp->status == "done") {
      reconciliation recon;
      compare_totals(*expected, control_totals::from_target(*db, ref.ds->maps()), recon);
      j["reconciliation"] = parsed_or_null(recon.to_json());
    }
  }
  return json_answer(j);
}

http_response inspector_routes::rejects(request_context& ctx) {
  http_response problem;
  auto ref = lookup_(ctx, ctx.params["ds"], problem);
  if (!ref) return problem;
  long long limit = 100;
  if (!number_param(ctx, "limit", 1, limit, problem)) return problem;
  auto cp = [&] { auto db = pool_.acquire(); return last_load_with_sources(*db, ref.ds->spec().name); }();
  nlohmann::json list = nlohmann::json::array();
  nlohmann::json j{{"dataset", ref.name}, {"rejected", cp ? cp->rejected : 0}, {"kept", false}};
  if (cp && !cp->reject_file.empty()) {
    // Only what the checkpoint committed: a load that is still running may be writing more.
    std::ifstream log(cp->reject_file + ".errors.jsonl", std::ios::binary);
    j["kept"] = static_cast<bool>(log);
    std::string line;
    std::uint64_t read = 0;
    auto cap = std::min<std::size_t>(static_cast<std::size_t>(limit), max_rejects);
    while (list.size() < cap && std::getline(log, line)) {
      read += line.size() + 1;
      if (read > cp->reject_log_bytes) break;
      auto e = nlohmann::json::parse(line, nullptr, false);
      if (!e.is_discarded()) list.push_back(std::move(e));
    }
  }
  j["rejects"] = std::move(list);
  return json_answer(j);
}

http_response inspector_routes::inspect(request_context& ctx) {
  http_response problem;
  auto ref = lookup_(ctx, ctx.params["ds"], problem);
  if (!ref) return problem;
  long long number = 0, offset = -1, bad_after = -1;
  if (!number_param(ctx, "record", 1, number, problem) || !number_param(ctx, "offset", 0, offset, problem) ||
      !number_param(ctx, "bad_after", 0, bad_after, problem))
    return problem;
  if ((number > 0) + (offset >= 0) + (bad_after >= 0) != 1)
    return make_problem(400, "give one of record (from 1), offset (bytes) or bad_after (a record number)");
  auto cp = [&] { auto db = pool_.acquire(); return last_load_with_sources(*db, ref.ds->spec().name); }();
  if (!cp || cp->input.empty())
    return make_problem(404, "no load of " + shorten(ref.name) + " names an input file it read");
  if (input_fingerprint(cp->input) != cp->fingerprint)
    return make_problem(409, "the load's input file changed or is gone since the load");
  record_choice choice;
  choice.number = static_cast<std::uint64_t>(number);
  choice.offset = offset;
  choice.next_bad = bad_after >= 0;
  choice.bad_after = bad_after >= 0 ? static_cast<std::uint64_t>(bad_after) : 0;
  auto out = inspect_input(*ref.ds, ref.type, cp->input, choice, max_scan);
  if (out.status != 200) return make_problem(out.status, out.problem);
  out.body["dataset"] = ref.name;
  return json_answer(out.body);
}

http_response inspector_routes::runs(request_context& ctx) {
  http_response problem;
  long long limit = 50;
  if (!number_param(ctx, "limit", 1, limit, problem)) return problem;
  const std::string* job = ctx.query_value("job");
  nlohmann::json list = nlohmann::json::array();
  auto history = open_run_history(target_, false);
  if (!history) return json_answer({{"runs", list}});  // no job has run against this target
  auto runs = (*history)->runs(job ? *job : "", static_cast<int>(std::min<long long>(limit, max_runs)));
  if (!runs) throw std::runtime_error(runs.err().message);
  for (const auto& run : *runs) {
    nlohmann::json steps = nlohmann::json::array();
    auto got = (*history)->steps(run.id);
    if (!got) throw std::runtime_error(got.err().message);
    for (const auto& s : *got)
      steps.push_back({{"index", s.index}, {"name", s.name}, {"kind", s.kind}, {"status", s.status},
                       {"started_at", s.started_at}, {"ended_at", s.ended_at}, {"seconds", s.seconds},
                       {"summary", parsed_or_null(s.summary)}, {"message", s.message}});
    list.push_back({{"id", run.id}, {"job", run.job}, {"started_at", run.started_at},
                    {"ended_at", run.ended_at}, {"status", run.status}, {"exit_code", run.exit_code},
                    {"steps", std::move(steps)}});
  }
  return json_answer({{"runs", list}});
}

}  // namespace mfb::rehost::detail
