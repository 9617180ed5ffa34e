// run_convert: exit codes (usage 1, bad data 2, I/O 4), summaries, policies, and identical
// output for 1 and 3 threads. Values are cp037 bytes from IBM's table.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "mfb/bridge/convert/convert.hpp"
#include "test_support.hpp"

namespace mfb::bridge {
namespace {

struct convert_fixture : ::testing::Test {
  test::temp_dir dir;
  std::string cpy = (dir.path() / "r.cpy").string();
  std::string dat = (dir.path() / "r.dat").string();
  std::string out = (dir.path() / "out.jsonl").string();
  std::FILE* log = std::tmpfile();

  void SetUp() override {
    test::write_file(cpy, "       01  R.\n           05  ID   PIC 9(3).\n"
                          "           05  AMT  PIC S9(3) COMP-3.\n");
  }
  void TearDown() override { std::fclose(log); }

  std::string log_text() {
    std::fflush(log);
    std::rewind(log);
    std::string s;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, log)) s.append(buf, n);
    return s;
  }

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
  o.summary_json = (dir.path() / "s.json").string();
  auto s = run_convert(o, log);
  EXPECT_EQ(s.exit_code, 0) << log_text();
  EXPECT_EQ(test::read_file(out), "{\"ID\":1,\"AMT\":123}\n{\"ID\":2,\"AMT\":-5}\n");
  EXPECT_EQ(s.records_read, 2u);
  EXPECT_EQ(s.records_written, 2u);
  auto j = nlohmann::json::parse(test::read_file(o.summary_json));
  EXPECT_EQ(j["records_written"], 2);
  EXPECT_EQ(j["bytes_read"], 10);
  EXPECT_NE(log_text().find("2 records read, 2 written, 0 rejected"), std::string::npos);
}

TEST_F(convert_fixture, exit_codes_follow_the_design) {
  auto missing_input = options();
  missing_input.input = (dir.path() / "nope.dat").string();
  EXPECT_EQ(run_convert(missing_input, log).exit_code, 4);
  auto no_copybook = options();
  no_copybook.source.copybooks.clear();
  EXPECT_EQ(run_convert(no_copybook, log).exit_code, 1);
  auto bad_page = options();
  bad_page.source.codepage = "cp-nonsense";
  test::write_file(dat, std::string("\xF0\xF0\xF1\x12\x3C", 5));
  EXPECT_EQ(run_convert(bad_page, log).exit_code, 1);
  auto reject_without_file = options();
  reject_without_file.on_error = error_policy::reject;
  EXPECT_EQ(run_convert(reject_without_file, log).exit_code, 1);
}

TEST_F(convert_fixture, policies_and_threads) {
  // 3000 records; every 100th has an invalid sign nibble (0x12 0x31).
  std::string data;
  for (int i = 0; i < 3000; ++i)
    data += i % 100 == 7 ? std::string("\xF0\xF0\xF1\x12\x31", 5)
                         : std::string("\xF0\xF0\xF1\x12\x3C", 5);
  test::write_file(dat, data);
  auto o = options();
  EXPECT_EQ(run_convert(o, log).exit_code, 2);
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
  EXPECT_EQ(one.exit_code, 0);
  EXPECT_EQ(three.exit_code, 0);
  EXPECT_EQ(three.records_rejected, 30u);
  EXPECT_EQ(three.records_written, 2970u);
  EXPECT_EQ(test::read_file(out), single);

  o.max_errors = 10;
  auto capped = run_convert(o, log);
  EXPECT_EQ(capped.exit_code, 2);
  EXPECT_EQ(capped.records_rejected, 11u);
}

}  // namespace
}  // namespace mfb::bridge
