// `mfbridge run JOB.yaml`: run a batch job file. Only option parsing lives here; the work
// is mfb::rehost::run_job.

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "mfb/rehost/jobs/job.hpp"

namespace mfb::cli {

namespace {

struct run_args {
  rehost::job_run_options opts;
  std::string job_file;
  std::vector<std::string> vars;
  std::string state_dir;
};

}  // namespace

void add_run_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "run", "Run a batch job file: steps in order, under a lock, resuming a failed run");
  auto a = std::make_shared<run_args>();
  cmd->add_option("job", a->job_file, "The job file (YAML)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--var", a->vars,
                  "NAME=VALUE: set a variable (repeatable; wins over vars: and the environment)");
  cmd->add_flag("--dry-run", a->opts.dry_run,
                "Check the job and print the plan with each step's command; run nothing");
  cmd->add_flag("--restart", a->opts.restart, "Start afresh instead of resuming a failed run");
  cmd->add_flag("--isolate-steps", a->opts.isolate_steps,
                "Run each step as a child process (a crash or kill ends only the step; a stop "
                "signal reaches it at once) instead of in this process");
  cmd->add_option(
      "--state-dir", a->state_dir,
      "Folder for the lock, state and local history (default: .mfbridge beside the job)");
  cmd->callback([a, &exit_code] {
    auto vars = rehost::parse_var_assignments(a->vars);
    if (!vars) {
      std::fprintf(stderr, "mfbridge run: %s\n", vars.err().message.c_str());
      exit_code = exit_usage;
      return;
    }
    a->opts.vars = *vars;
    a->opts.job_file = a->job_file;
    a->opts.state_dir = a->state_dir;
    a->opts.run_in_process = [](const std::vector<std::string>& argv) {
      return run_command_line(argv);
    };
    file_reporter rep("run", stderr);
    auto outcome = rehost::run_job(a->opts, rep);
    std::fwrite(outcome.plan.data(), 1, outcome.plan.size(), stdout);
    exit_code = exit_code_of(outcome.failure);
  });
}

namespace {
const command_registration registered{90, add_run_command};
}  // namespace

}  // namespace mfb::cli
