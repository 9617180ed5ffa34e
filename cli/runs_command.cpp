// `mfbridge runs`: list the run history of batch jobs. The work is mfb::rehost::list_runs.

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "mfb/rehost/jobs/job.hpp"

namespace mfb::cli {

namespace {

struct runs_args {
  rehost::runs_options opts;
  std::string job_file;
  std::string state_dir;
  std::vector<std::string> vars;
};

}  // namespace

void add_runs_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("runs", "List the run history of batch jobs, newest first");
  auto a = std::make_shared<runs_args>();
  cmd->add_option("job-file", a->job_file,
                  "A job file: list its runs, from its target or its state folder")
      ->check(CLI::ExistingFile);
  cmd->add_option("--job", a->opts.job, "Only the runs of this job");
  cmd->add_option("--target", a->opts.target,
                  "History kept in this target (sqlite:FILE or postgresql://...)");
  cmd->add_option("--state-dir", a->state_dir,
                  "History kept in this state folder's history.sqlite (default: .mfbridge)");
  cmd->add_option("--var", a->vars, "NAME=VALUE for ${...} in the job file's target");
  cmd->add_option("--limit", a->opts.limit, "How many runs (default 20)")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--json", a->opts.json,
                "JSON: the runs with their steps, counts and control totals");
  cmd->callback([a, &exit_code] {
    auto vars = rehost::parse_var_assignments(a->vars);
    if (!vars) {
      std::fprintf(stderr, "mfbridge runs: %s\n", vars.err().message.c_str());
      exit_code = exit_usage;
      return;
    }
    a->opts.vars = *vars;
    a->opts.job_file = a->job_file;
    a->opts.state_dir = a->state_dir;
    file_reporter rep("runs", stderr);
    auto listing = rehost::list_runs(a->opts, rep);
    std::fwrite(listing.text.data(), 1, listing.text.size(), stdout);
    exit_code = exit_code_of(listing.failure);
  });
}

namespace {
const command_registration registered{95, add_runs_command};
}  // namespace

}  // namespace mfb::cli
