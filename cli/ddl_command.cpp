// `mfbridge ddl`: copybook -> CREATE TABLE statements for PostgreSQL or SQLite.

#include <cstdio>
#include <memory>

#include "commands.hpp"
#include "dataset_options.hpp"

namespace mfb::cli {

namespace {

struct ddl_args {
  dataset_args ds;
  std::string dialect = "postgresql";
};

int run_ddl(const ddl_args& a) {
  rehost::dataset_spec spec;
  if (auto why = dataset_spec_of(a.ds, spec); !why.empty()) {
    std::fprintf(stderr, "mfbridge ddl: %s\n", why.c_str());
    return exit_usage;
  }
  auto ds = rehost::dataset::open(spec);
  if (!ds) {
    std::fprintf(stderr, "mfbridge ddl: %s\n", ds.err().message.c_str());
    return exit_usage;
  }
  auto dialect = a.dialect == "sqlite" ? rehost::sql_dialect::sqlite : rehost::sql_dialect::postgresql;
  for (const auto& m : (*ds)->maps()) {
    for (const auto& stmt : rehost::create_table_sql(m, dialect)) std::printf("%s;\n", stmt.c_str());
    for (const auto& stmt : rehost::create_index_sql(m)) std::printf("%s;\n", stmt.c_str());
  }
  return exit_ok;
}

}  // namespace

void add_ddl_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("ddl", "Print CREATE TABLE statements for a copybook");
  auto a = std::make_shared<ddl_args>();
  add_dataset_options(*cmd, a->ds, file_use::writes_or_describes);
  cmd->add_option("--dialect", a->dialect, "SQL dialect")
      ->check(CLI::IsMember({"postgresql", "sqlite"}))
      ->capture_default_str();
  cmd->callback([a, &exit_code] { exit_code = run_ddl(*a); });
}

namespace {
const command_registration registered{55, add_ddl_command};
}  // namespace

}  // namespace mfb::cli
