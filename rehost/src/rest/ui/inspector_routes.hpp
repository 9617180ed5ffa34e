#pragma once
// The web inspector's read-only JSON routes, beside the dataset routes:
//   GET /v1/datasets/{ds}/layout   the copybook's items (offsets, REDEFINES, OCCURS, ODO)
//                                  and the compiler-style listing
//   GET /v1/datasets/{ds}/status   row counts, the last load's control totals, reconciliation
//   GET /v1/datasets/{ds}/rejects  the last load's bad records with their reasons
//   GET /v1/datasets/{ds}/inspect  one record of the load's input: bytes, field boundaries,
//                                  decoded values and the reason of each bad field
//   GET /v1/runs                   the job run history with each run's steps
// The record bytes come from the input file the last load read (the checkpoint names it),
// decoded field by field with bridge::inspect_record, the code behind `mfbridge inspect`.

#include <functional>
#include <string>

#include "rest/dataset_routes.hpp"
#include "rest/router.hpp"

namespace mfb::rehost::detail {

/// Find a dataset the request's key may read (dataset_routes::readable).
using dataset_lookup = std::function<dataset_ref(request_context&, const std::string&, http_response&)>;

class inspector_routes {
 public:
  inspector_routes(std::string target, dataset_lookup lookup)
      : target_(target), pool_(std::move(target), 2), lookup_(std::move(lookup)) {}
  /// Add the routes to `r`.
  void add_to(router& r);

 private:
  http_response layout(request_context& ctx);
  http_response status(request_context& ctx);
  http_response rejects(request_context& ctx);
  http_response inspect(request_context& ctx);
  http_response runs(request_context& ctx);

  std::string target_;
  db_pool pool_;
  dataset_lookup lookup_;
};

}  // namespace mfb::rehost::detail
