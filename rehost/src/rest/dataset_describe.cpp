// GET /v1/datasets/{ds} for the name a multi-record file was loaded as: each record type is
// served under its main table's name (paye_header_rec, ...), and the load name (paye, the
// name reconcile and export take) describes the file and lists those paths. Also the LRECL
// that every description shows.

#include <algorithm>

#include <nlohmann/json.hpp>

#include "rest/dataset_routes.hpp"

namespace mfb::rehost::detail {

std::size_t lrecl_of(const rehost::dataset& ds) {
  const auto& framing = ds.framing();
  if ((framing.format == bridge::recfm::f || framing.format == bridge::recfm::fb) && framing.lrecl)
    return framing.lrecl;
  std::size_t longest = 0;
  for (const auto& plan : ds.json_plans()) longest = std::max(longest, plan.layout().length);
  switch (framing.format) {
    case bridge::recfm::v:
    case bridge::recfm::vb:
    case bridge::recfm::vs:
    case bridge::recfm::vbs: return longest + 4;  // IBM's LRECL of a V file counts the RDW
    default: return longest;
  }
}

std::string record_type_paths(const rehost::dataset& ds) {
  std::string out;
  for (const auto& map : ds.maps())
    out += std::string(out.empty() ? "" : ", ") + "/v1/datasets/" + map.main().name;
  return out;
}

std::shared_ptr<const rehost::dataset> dataset_routes::multi_record(const std::string& name) {
  std::lock_guard lock(mutex_);
  auto it = opened_.find(name);
  if (it == opened_.end() || !it->second || it->second->maps().size() < 2) return nullptr;
  return it->second;
}

http_response dataset_routes::describe_file(const rehost::dataset& ds) {
  const auto& spec = ds.spec();
  nlohmann::json types = nlohmann::json::array();
  for (std::size_t t = 0; t < ds.maps().size(); ++t) {
    const auto& layout = ds.json_plans()[t].layout();
    const std::string& table = ds.maps()[t].main().name;
    types.push_back({{"name", layout.name}, {"length", layout.length}, {"dataset", table},
                     {"href", "/v1/datasets/" + table}});
  }
  nlohmann::json j{{"name", spec.name},          {"codepage", spec.source.codepage},
                   {"recfm", spec.recfm},         {"lrecl", lrecl_of(ds)},
                   {"record_types", std::move(types)}};
  http_response r;
  r.body = j.dump();
  return r;
}

}  // namespace mfb::rehost::detail
