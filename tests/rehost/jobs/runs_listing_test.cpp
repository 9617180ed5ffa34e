// `mfbridge runs` as a library call: list_runs renders the history as text and reports why
// it failed through the reporter, printing nothing. The table's oracle is the printf format
// the command has always used ("%-6lld %-20s %-11s %-4d %-24s %-24s %s").

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "capture_reporter.hpp"
#include "mfb/rehost/jobs/job.hpp"
#include "mfb/rehost/jobs/run_history.hpp"

namespace mfb::rehost {
namespace {

namespace fs = std::filesystem;

fs::path scratch_dir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / (name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string printf_row(const char* run, const char* job, const char* status, const char* code,
                       const char* started, const char* ended, const char* steps) {
  char line[512];
  std::snprintf(line, sizeof line, "%-6s %-20s %-11s %-4s %-24s %-24s %s\n", run, job, status,
                code, started, ended, steps);
  return line;
}

run_record a_running_run(std::string job) {
  run_record run;
  run.job = std::move(job);
  run.started_at = "2026-11-21T02:00:00.123Z";
  run.status = "running";
  return run;
}

// The step's exit code is 2, the run's stays 0: the runner had not ended it.
step_record a_failed_step(std::int64_t run_id) {
  step_record step;
  step.run_id = run_id;
  step.index = 1;
  step.name = "first";
  step.kind = "convert";
  step.status = "failed";
  step.exit_code = 2;
  return step;
}

TEST(runs_listing, an_empty_state_folder_lists_nothing_and_prints_nothing) {
  fs::path dir = scratch_dir("mfb_runs_empty");
  runs_options opts = runs_options::defaults();
  opts.state_dir = dir;
  test::capture_reporter rep;
  auto listing = list_runs(opts, rep);
  EXPECT_EQ(listing.failure, bridge::failure_kind::none);
  EXPECT_EQ(listing.text, "no runs recorded in " + (dir / "history.sqlite").string() + "\n");
  EXPECT_TRUE(rep.messages.empty());
  opts.json = true;
  EXPECT_EQ(list_runs(opts, rep).text, "[]\n");
  fs::remove_all(dir);
}

TEST(runs_listing, a_missing_target_is_a_target_failure_reported_once) {
  fs::path dir = scratch_dir("mfb_runs_missing");
  runs_options opts = runs_options::defaults();
  opts.target = "sqlite:" + (dir / "nowhere.sqlite").string();
  test::capture_reporter rep;
  auto listing = list_runs(opts, rep);
  EXPECT_EQ(listing.failure, bridge::failure_kind::target);
  ASSERT_EQ(rep.messages.size(), 1u);
  EXPECT_EQ(rep.messages[0].first, bridge::severity::error);
  EXPECT_TRUE(listing.text.empty());
  EXPECT_FALSE(fs::exists(dir / "nowhere.sqlite"));  // a reader creates no history
  fs::remove_all(dir);
}

TEST(runs_listing, the_table_pads_like_printf_even_past_a_column) {
  fs::path dir = scratch_dir("mfb_runs_table");
  {
    auto h = open_run_history("sqlite:" + (dir / "history.sqlite").string());
    ASSERT_TRUE(h) << h.err().message;
    auto id = (*h)->begin_run(a_running_run("a_job_name_longer_than_twenty"));
    ASSERT_TRUE(id) << id.err().message;
    step_record step = a_failed_step(*id);
    ASSERT_TRUE((*h)->save_step(step));
  }
  runs_options opts = runs_options::defaults();
  opts.state_dir = dir;
  test::capture_reporter rep;
  auto listing = list_runs(opts, rep);
  EXPECT_EQ(listing.failure, bridge::failure_kind::none);
  EXPECT_EQ(listing.text,
            printf_row("RUN", "JOB", "STATUS", "EXIT", "STARTED", "ENDED", "STEPS") +
                printf_row("1", "a_job_name_longer_than_twenty", "running", "0",
                           "2026-11-21T02:00:00.123Z", "-", "1 failed"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace mfb::rehost
