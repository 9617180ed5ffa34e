// The REST facade prints nothing: run_serve hands its refusals to the reporter it is given
// and returns a failure kind (the CLI turns them into "mfbridge serve: ..." and an exit
// code), and the service logs an unhealthy target through its reporter.

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "capture_reporter.hpp"
#include "mfb/rehost/rest/serve.hpp"
#include "mfb/rehost/rest/service.hpp"

namespace mfb::rehost {
namespace {

TEST(serve_reporting, bad_options_are_a_usage_failure_reported_once) {
  serve_options opts;
  opts.listen = "nonsense";
  test::capture_reporter rep;
  EXPECT_EQ(run_serve(opts, rep), bridge::failure_kind::usage);
  ASSERT_EQ(rep.messages.size(), 1u);
  EXPECT_EQ(rep.messages[0].first, bridge::severity::error);
  EXPECT_EQ(rep.messages[0].second, "--listen expects HOST:PORT, got nonsense");
}

TEST(serve_reporting, a_missing_config_file_is_a_usage_failure) {
  serve_options opts;
  opts.listen = "127.0.0.1:0";
  opts.config_file = "/nonexistent-mfb-dir/serve.yaml";
  test::capture_reporter rep;
  EXPECT_EQ(run_serve(opts, rep), bridge::failure_kind::usage);
  ASSERT_EQ(rep.messages.size(), 1u);
  EXPECT_NE(rep.messages[0].second.find("/nonexistent-mfb-dir/serve.yaml"), std::string::npos);
}

TEST(serve_reporting, an_unhealthy_target_goes_to_the_log_not_the_client) {
  const std::string file = "/nonexistent-mfb-dir/target.sqlite";
  test::capture_reporter log;
  service svc(server_config::defaults(), "sqlite:" + file, &log);
  http_request req;
  req.method = "GET";
  req.path = "/healthz";
  auto r = svc.handle(req);
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(r.body.find(file), std::string::npos);
  ASSERT_EQ(log.messages.size(), 1u);
  EXPECT_EQ(log.messages[0].second, "health check: the SQLite file " + file + " is gone");
}

}  // namespace
}  // namespace mfb::rehost
