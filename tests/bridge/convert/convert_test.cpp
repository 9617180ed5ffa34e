// run_convert: failure kinds (usage, bad data, target), summaries, policies, and identical
// output for 1 and 3 threads. Values are cp037 bytes from IBM's table.

#include <gtest/gtest.h>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "mfb/bridge/convert/convert.hpp"
#include "capture_reporter.hpp"
#include "test_support.hpp"

namespace mfb::bridge {
namespace {

struct convert_fixture : ::testing::Test {
  test::temp_dir dir;
  std::string cpy = (dir.path() / "r.cpy").string();
  std::string dat = (dir.path() / "r.dat").string();
  std::string out = (dir.path() / "out.jsonl").string();
  test::capture_reporter log;

  void SetUp() override {
    test::write_file(cpy, "       01  R.\n           05  ID   PIC 9(3).\n"
                          "           05  AMT  PIC S9(3) COMP-3.\n");
  }

  std::string log_text() { return log.text; }

  convert_options options() {
    convert_options o;
    o.source.copybooks = {cpy};
    o.input = dat;
    o.output = out;
    o.progress = false;
    return o;
  }
};

TEST_F(convert_fixture, converts_and_summarises) {
  test::write_file(dat, std::string("\xF0\xF0\xF1\x12\x3C\xF0\xF0\xF2\x00\x5D", 10));
  auto o = options();
  auto s = run_convert(o, log);
  EXPECT_EQ(s.failure, failure_kind::none) << log_text();
  EXPECT_EQ(test::read_file(out), "{\"ID\":1,\"AMT\":123}\n{\"ID\":2,\"AMT\":-5}\n");
  EXPECT_EQ(s.records_read, 2u);
  EXPECT_EQ(s.records_written, 2u);
  auto j = nlohmann::json::parse(s.to_json(0));
  EXPECT_EQ(j["exit_code"], 0);
  EXPECT_EQ(j["records_written"], 2);
  EXPECT_EQ(j["bytes_read"], 10);
  EXPECT_NE(log_text().find("2 records read, 2 written, 0 rejected"), std::string::npos);
}

TEST_F(convert_fixture, failure_kinds_follow_the_design) {
  auto missing_input = options();
  missing_input.input = (dir.path() / "nope.dat").string();
  EXPECT_EQ(run_convert(missing_input, log).failure, failure_kind::target);
  auto no_copybook = options();
  no_copybook.source.copybooks.clear();
  EXPECT_EQ(run_convert(no_copybook, log).failure, failure_kind::usage);
  auto bad_page = options();
  bad_page.source.codepage = "cp-nonsense";
  test::write_file(dat, std::string("\xF0\xF0\xF1\x12\x3C", 5));
  EXPECT_EQ(run_convert(bad_page, log).failure, failure_kind::usage);
  auto reject_without_file = options();
  reject_without_file.on_error = error_policy::reject;
  EXPECT_EQ(run_convert(reject_without_file, log).failure, failure_kind::usage);
}

TEST_F(convert_fixture, policies_and_threads) {
  // 3000 records; every 100th has an invalid sign nibble (0x12 0x31).
  std::string data;
  for (int i = 0; i < 3000; ++i)
    data += i % 100 == 7 ? std::string("\xF0\xF0\xF1\x12\x31", 5)
                         : std::string("\xF0\xF0\xF1\x12\x3C", 5);
  test::write_file(dat, data);
  auto o = options();
  EXPECT_EQ(run_convert(o, log).failure, failure_kind::bad_data);
  EXPECT_EQ(test::read_file(out).size(), 7u * std::string("{\"ID\":1,\"AMT\":123}\n").size());
  EXPECT_NE(log_text().find("record 8 (file offset 35): field R.AMT at offset 3 (bytes 3-4): "
                            "invalid sign: 12 31"),
            std::string::npos);

  o.on_error = error_policy::skip;
  o.batch_bytes = 1000;  // many batches
  o.threads = 1;
  auto one = run_convert(o, log);
  std::string single = test::read_file(out);
  o.threads = 3;
  auto three = run_convert(o, log);
  EXPECT_EQ(one.failure, failure_kind::none);
  EXPECT_EQ(three.failure, failure_kind::none);
  EXPECT_EQ(three.records_rejected, 30u);
  EXPECT_EQ(three.records_written, 2970u);
  EXPECT_EQ(test::read_file(out), single);

  o.max_errors = 10;
  auto capped = run_convert(o, log);
  EXPECT_EQ(capped.failure, failure_kind::bad_data);
  EXPECT_EQ(capped.records_rejected, 11u);
}

// Everything written to file descriptor 2 while `run` runs (a pipe stands in for stderr).
template <class F>
std::string stderr_during(F run) {
  std::fflush(stderr);
  int fds[2];
  if (pipe(fds) != 0) return "(no pipe)";
  int saved = dup(2);
  dup2(fds[1], 2);
  close(fds[1]);
  run();
  std::fflush(stderr);
  dup2(saved, 2);  // closes the pipe's last write end
  close(saved);
  std::string got;
  char buf[4096];
  while (true) {
    ssize_t n = read(fds[0], buf, sizeof buf);
    if (n <= 0) break;
    got.append(buf, static_cast<std::size_t>(n));
  }
  close(fds[0]);
  return got;
}

TEST_F(convert_fixture, a_bad_record_is_reported_not_printed) {
  // Record 2's packed AMT ends in sign nibble 1: not a sign (IBM: A-F), so bad data.
  test::write_file(dat, std::string("\xF0\xF0\xF1\x12\x3C" "\xF0\xF0\xF2\x12\x31", 10));
  convert_summary s;
  std::string printed = stderr_during([&] { s = run_convert(options(), log); });
  EXPECT_EQ(printed, "");
  EXPECT_EQ(s.failure, failure_kind::bad_data);
  EXPECT_EQ(s.message, "stopped at the first bad record (--on-error fail)");
  EXPECT_EQ(s.records_read, 2u);
  EXPECT_EQ(s.records_written, 1u);
  EXPECT_EQ(test::read_file(out), "{\"ID\":1,\"AMT\":123}\n");
  ASSERT_EQ(log.messages.size(), 2u);  // why it stopped, then the summary line
  EXPECT_EQ(log.messages[0].first, severity::error);
  EXPECT_EQ(log.messages[0].second, s.message);
  EXPECT_EQ(log.messages[1].first, severity::info);
  EXPECT_EQ(log.messages[1].second.rfind("2 records read, 1 written, 1 rejected", 0), 0u);
  EXPECT_NE(log.text.find("record 2 (file offset 5): field R.AMT at offset 3 (bytes 3-4): "
                          "invalid sign: 12 31\n"),
            std::string::npos);
}

}  // namespace
}  // namespace mfb::bridge
