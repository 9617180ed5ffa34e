// Job files: structure, option values and error locations (parse_job_text), and variable
// lookup order and cycles (job_variables). Expected values are read off the YAML texts.

#include "mfb/rehost/jobs/job_spec.hpp"

#include <gtest/gtest.h>

#include "mfb/rehost/jobs/job_vars.hpp"

namespace mfb::rehost {
namespace {

constexpr const char* job_text_ok = R"(job: nightly
target: sqlite:out.db
vars:
  IN: data
steps:
  - name: unload
    convert:
      copybook: [a.cpy, b.cpy]
      no-progress: true
      keep-trailing-spaces: "true"
      lrecl: 80
  - name: count
    when: always
    check:
      record_count: {input: x.dat, min: 1}
)";

TEST(JobSpec, ReadsStepsOptionsAndLines) {
  auto spec = parse_job_text(job_text_ok, "j.yaml");
  ASSERT_TRUE(spec.ok()) << spec.err().message;
  EXPECT_EQ(spec->name, "nightly");
  ASSERT_TRUE(spec->target);
  EXPECT_EQ(spec->target->text, "sqlite:out.db");
  ASSERT_EQ(spec->vars.size(), 1u);
  EXPECT_EQ(spec->vars[0].first, "IN");
  ASSERT_EQ(spec->steps.size(), 2u);
  const job_step& s = spec->steps[0];
  EXPECT_EQ(s.kind, step_kind::convert);
  EXPECT_EQ(s.when, step_when::on_success);
  EXPECT_EQ(s.line, 6);
  ASSERT_EQ(s.options.size(), 4u);
  EXPECT_EQ(s.options[0].value.what, job_value::kind::list);
  EXPECT_EQ(s.options[0].value.items[1].text, "b.cpy");
  EXPECT_EQ(s.options[0].value.items[1].line, 8);
  EXPECT_EQ(s.options[1].value.what, job_value::kind::boolean);  // plain true: a switch
  EXPECT_TRUE(s.options[1].value.flag);
  EXPECT_EQ(s.options[2].value.what, job_value::kind::scalar);  // quoted: the word itself
  EXPECT_EQ(s.options[3].value.scalar.text, "80");
  const job_step& c = spec->steps[1];
  EXPECT_EQ(c.kind, step_kind::check);
  EXPECT_EQ(c.when, step_when::always);
  ASSERT_EQ(c.options.size(), 1u);
  EXPECT_EQ(c.options[0].value.what, job_value::kind::map);
  EXPECT_EQ(c.options[0].value.entries[1].key, "min");
}

TEST(JobSpec, ErrorsNameTheLine) {
  struct bad {
    const char* yaml;
    const char* where;
  } cases[] = {
      {"job: j\nsteps:\n  - name: a\n    convert: {input: x, input: y}\n", "j.yaml:4:"},
      {"job: j\nsteps:\n  - name: a\n    convert:\n      select: {a: b}\n", "j.yaml:5:"},
      {"job: j\nsteps:\n  - name: a\n    convert: {input: x}\n    load: {input: y}\n",
       "j.yaml:5:5: a step has exactly one kind"},
      {"job: j\nstep:\n  - name: a\n", "j.yaml:2:1: unknown key step"},
      {"job: bad name\nsteps:\n  - name: a\n    check: {file_exists: x}\n", "j.yaml:1:6:"},
      {"job: j\nsteps:\n  - name: a\n    convert: {input: [x\n", "j.yaml:"},
      {"job: j\nsteps:\n  - check: {file_exists: x}\n", "j.yaml:3:5: a step needs a name"},
  };
  for (const auto& c : cases) {
    auto spec = parse_job_text(c.yaml, "j.yaml");
    ASSERT_FALSE(spec.ok()) << c.yaml;
    EXPECT_EQ(spec.err().message.rfind(c.where, 0), 0u) << spec.err().message;
  }
}

TEST(JobVariables, PrecedenceAndCycles) {
  std::vector<std::pair<std::string, job_text>> file_vars = {{"A", {"a-${B}", 3, 6}},
                                                             {"B", {"file-b", 4, 6}},
                                                             {"C", {"${D}", 5, 6}},
                                                             {"D", {"${C}", 6, 6}}};
  auto env = [](const std::string& n) -> std::optional<std::string> {
    if (n == "B" || n == "E") return "env-" + n;
    return std::nullopt;
  };
  job_variables vars({{"X", "cli-x"}, {"B", "cli-b"}}, file_vars,
                     {{"JOB_NAME", "j"}, {"E", "builtin-e"}}, "j.yaml", env);
  auto t = vars.expand({"${A}/${X}/${E}/${JOB_NAME}", 9, 7});
  ASSERT_TRUE(t.ok()) << t.err().message;
  EXPECT_EQ(*t, "a-cli-b/cli-x/env-E/j");  // --var beats vars:, the environment beats built-ins
  auto cyc = vars.expand({"${C}", 9, 7});
  ASSERT_FALSE(cyc.ok());
  EXPECT_NE(cyc.err().message.find("refers to itself"), std::string::npos) << cyc.err().message;
  EXPECT_EQ(vars.used().at("A"), "a-cli-b");
}

TEST(JobDates, WorkedExamples) {
  // Worked by hand from the Gregorian calendar: 2024 is a leap year, 2100 is not.
  auto d = parse_iso_date("2024-02-29");
  ASSERT_TRUE(d);
  EXPECT_EQ(*add_to_date(*d, 1, 'y'), (job_date{2025, 2, 28}));
  EXPECT_EQ(*add_to_date(*d, -1, 'd'), (job_date{2024, 2, 28}));
  EXPECT_EQ(*add_to_date({2024, 1, 31}, 1, 'm'), (job_date{2024, 2, 29}));
  EXPECT_EQ(*add_to_date({2024, 12, 31}, 1, 'w'), (job_date{2025, 1, 7}));
  EXPECT_EQ(*format_date({2024, 12, 31}, "yyDDD"), "24366");
  EXPECT_EQ(*format_date({2026, 1, 5}, "dd.MM.yyyy"), "05.01.2026");
  EXPECT_FALSE(parse_iso_date("2100-02-29"));
  EXPECT_FALSE(parse_iso_date("2026-1-05"));
  EXPECT_FALSE(format_date({2026, 1, 5}, "yyyymmdd").ok());
  EXPECT_FALSE(add_to_date({2026, 1, 5}, 1, 'q'));
}

}  // namespace
}  // namespace mfb::rehost
