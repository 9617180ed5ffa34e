// Masked answers for read-masked keys (masked_records.hpp).

#include "rest/masked_records.hpp"

#include "mfb/bridge/codec/record_decoder.hpp"
#include "mfb/rehost/rest/problem.hpp"
#include "rest/dataset_keys.hpp"

namespace mfb::rehost::detail {

std::optional<masked_view> open_masked_view(const server_config& config, const std::string& name,
                                            const dataset& ds, http_response& problem,
                                            const std::vector<std::string>& looked_up) {
  auto it = config.masking.find(name);
  if (it == config.masking.end()) it = config.masking.find("*");
  if (it == config.masking.end()) {
    problem = make_problem(403, "the API key reads " + name + " masked, and the server config names no masking policy for it");
    return std::nullopt;
  }
  masked_view view;
  const auto& policy = it->second->policy;
  for (std::size_t t = 0; t < ds.json_plans().size(); ++t) {
    const auto& plan = ds.json_plans()[t];
    auto m = bridge::record_masker::compile(it->second, plan.layout(), plan.page());
    if (!m) {
      problem = make_problem(403, "the masking policy cannot apply to " + name + ": " + m.err().message);
      return std::nullopt;
    }
    std::vector<std::string> unmasked = key_of(ds, t).names;
    unmasked.insert(unmasked.end(), looked_up.begin(), looked_up.end());
    for (const auto& target : bridge::mask_targets(policy, plan.layout())) {
      if (target.rule < 0 || policy.rules[static_cast<std::size_t>(target.rule)].action == bridge::mask_action::keep)
        continue;
      const auto& f = plan.layout().fields[static_cast<std::size_t>(target.field)];
      for (const auto& k : unmasked)
        if (copybook::names_equal(k, f.name)) {
          problem = make_problem(403, "the key field " + k + " of " + name +
                                          " is masked: a read-masked key cannot look up or page by it");
          return std::nullopt;
        }
    }
    view.maskers.push_back(std::move(*m));
  }
  return view;
}

std::string masked_answer(const dataset& ds, const stored_record& rec, masked_view& view,
                          std::vector<std::uint8_t>& bytes, std::string& why) {
  std::vector<bridge::field_error> ferrors;
  auto encoded = record_bytes(ds, rec, ferrors);
  if (!encoded) {
    why = encoded.err().message;
    return {};
  }
  bytes = std::move(*encoded);
  bridge::mask_failure failed;
  if (!view.maskers[rec.type].apply(bytes.data(), bytes.size(), failed)) {
    why = "record " + std::to_string(rec.record_no) + ": field " + failed.field_path + ": " + failed.reason;
    return {};
  }
  bridge::record_decoder decoder(ds.selector().plans()[rec.type]);
  bridge::cell_row row;
  std::vector<bridge::record_error> errors;
  bridge::record_view v{static_cast<std::uint64_t>(rec.record_no), 0, bytes.data(), bytes.size()};
  if (!decoder.decode_cells(v, "record", row, errors)) {
    why = errors.empty() ? "the masked record does not decode" : errors.front().to_string();
    return {};
  }
  stored_record masked = rec;
  masked.cells.clear();
  for (std::size_t i = 0; i < row.size(); ++i)
    masked.cells.push_back(row.states[i] == bridge::cell_state::value ? sql_param(std::string(row.cell(i)))
                                                                      : sql_param());
  masked.states = row.states;
  masked.parent.clear();
  return strip_newline(record_json(ds, masked));
}

}  // namespace mfb::rehost::detail
