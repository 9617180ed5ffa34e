// Record framing against files written by independent programs: GnuCOBOL (`cobc -std=ibm`),
// a Python struct.pack writer built from IBM's format-V rules (framing_oracle_writer.py),
// and the Cobrix peer data (record counts and shapes stated in its README).

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <nlohmann/json.hpp>

#include "framing_test_support.hpp"
#include "test_support.hpp"

namespace mfb::test {
namespace {

using bridge::recfm;

const std::filesystem::path cobrix = "/work/shared/peer/cobrix";

std::vector<std::uint8_t> hex_to_bytes(const std::string& h) { return h.empty() ? std::vector<std::uint8_t>{} : from_hex(h); }

TEST(record_reader_oracle, python_struct_pack_variable_files) {
  if (!have_program("python3")) GTEST_SKIP() << "python3 not found";
  temp_dir dir;
  auto script = source_dir() / "tests/support/framing_oracle_writer.py";
  auto run = run_command("python3 '" + script.string() + "' '" + dir.path().string() + "' 11");
  ASSERT_EQ(run.status, 0) << run.err;
  auto json = nlohmann::json::parse(read_file(dir.path() / "expected.json"));
  std::vector<std::vector<std::uint8_t>> expected;
  for (const auto& h : json["records"]) expected.push_back(hex_to_bytes(h.get<std::string>()));
  ASSERT_EQ(expected.size(), 3000u);

  struct variant {
    const char* file;
    bridge::framing_options options;
  };
  std::vector<std::vector<std::uint8_t>> nonempty;
  std::copy_if(expected.begin(), expected.end(), std::back_inserter(nonempty), [](const auto& r) { return !r.empty(); });
  const variant variants[] = {
      {"v.dat", variable(recfm::v)},
      {"v_le_excl.dat", variable(recfm::v, false, false)},
      {"vb.dat", variable(recfm::vb)},
      {"vb_ext.dat", variable(recfm::vb)},
      {"vs.dat", variable(recfm::vs)},
      {"vbs.dat", variable(recfm::vbs)},
  };
  for (const auto& v : variants) {
    for (std::size_t target : {std::size_t{4096}, std::size_t{65536}, std::size_t{4} << 20}) {
      SCOPED_TRACE(std::string(v.file) + " target " + std::to_string(target));
      auto f = frame_path(dir.path() / v.file, v.options, target);
      ASSERT_FALSE(f.error) << f.error_text();
      const auto& want = v.options.rdw_includes_header ? expected : nonempty;
      ASSERT_EQ(f.records.size(), want.size());
      for (std::size_t i = 0; i < want.size(); ++i) ASSERT_EQ(f.records[i], want[i]) << "record " << i + 1;
    }
  }
}

/// Compile and run a COBOL program in `dir`; return false (with a message) if cobc fails.
::testing::AssertionResult run_cobol(const temp_dir& dir, const std::string& source, const std::string& env = "") {
  write_file(dir.path() / "prog.cbl", source);
  auto r = run_command("cd '" + dir.path().string() + "' && cobc -std=ibm -x prog.cbl -o prog && " + env + " ./prog");
  if (r.status != 0) return ::testing::AssertionFailure() << r.out << r.err;
  return ::testing::AssertionSuccess();
}

std::string cobol_program(const std::string& select, const std::string& fd, const std::string& body) {
  return "       IDENTIFICATION DIVISION.\n"
         "       PROGRAM-ID. WR.\n"
         "       ENVIRONMENT DIVISION.\n"
         "       INPUT-OUTPUT SECTION.\n"
         "       FILE-CONTROL.\n" + select +
         "       DATA DIVISION.\n"
         "       FILE SECTION.\n" + fd +
         "       WORKING-STORAGE SECTION.\n"
         "       01 REC-LEN PIC 9(4) COMP.\n"
         "       01 I PIC 9(4) COMP.\n"
         "       PROCEDURE DIVISION.\n"
         "           OPEN OUTPUT OUT-FILE\n"
         "           PERFORM VARYING I FROM 1 BY 1 UNTIL I > 500\n" + body +
         "               WRITE OUT-REC\n"
         "           END-PERFORM\n"
         "           CLOSE OUT-FILE\n"
         "           STOP RUN.\n";
}

/// "ABCDEFGHIJ" repeated to `n` characters, as MOVE ALL "ABCDEFGHIJ" fills a field.
std::string pattern(std::size_t n) {
  std::string s;
  while (s.size() < n) s += "ABCDEFGHIJ";
  return s.substr(0, n);
}

std::string number4(unsigned i) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04u", i);
  return buf;
}

TEST(record_reader_oracle, gnucobol_recording_mode_v) {
  if (!have_program("cobc")) GTEST_SKIP() << "cobc not found";
  temp_dir dir;
  // COB_VARSEQ_FORMAT 0: a 2-byte big-endian length that excludes the prefix, then 2 NULs.
  ASSERT_TRUE(run_cobol(dir,
                        cobol_program("           SELECT OUT-FILE ASSIGN TO \"out.dat\"\n"
                                      "               ORGANIZATION IS SEQUENTIAL.\n",
                                      "       FD OUT-FILE RECORDING MODE IS V\n"
                                      "           RECORD IS VARYING IN SIZE FROM 4 TO 300 CHARACTERS\n"
                                      "           DEPENDING ON REC-LEN.\n"
                                      "       01 OUT-REC.\n"
                                      "          05 REC-NO  PIC 9(4).\n"
                                      "          05 REC-TXT PIC X(296).\n",
                                      "               COMPUTE REC-LEN = FUNCTION MOD(I * 37, 297) + 4\n"
                                      "               MOVE ALL \"ABCDEFGHIJ\" TO REC-TXT\n"
                                      "               MOVE I TO REC-NO\n"),
                        "COB_VARSEQ_FORMAT=0"));
  auto f = frame_path(dir.path() / "out.dat", variable(recfm::v, true, false), 4096);
  ASSERT_FALSE(f.error) << f.error_text();
  ASSERT_EQ(f.records.size(), 500u);
  for (unsigned i = 1; i <= 500; ++i) {
    const std::size_t len = (i * 37) % 297 + 4;
    ASSERT_EQ(f.records[i - 1], bytes_of(number4(i) + pattern(len - 4))) << "record " << i;
  }
  // The same file read as IBM RDWs (length counting itself) must fail on its first RDW.
  auto ibm = frame_path(dir.path() / "out.dat", variable(recfm::v));
  ASSERT_TRUE(ibm.error);
}

TEST(record_reader_oracle, gnucobol_fixed_and_line_sequential) {
  if (!have_program("cobc")) GTEST_SKIP() << "cobc not found";
  temp_dir dir;
  ASSERT_TRUE(run_cobol(dir, cobol_program("           SELECT OUT-FILE ASSIGN TO \"fixed.dat\"\n"
                                           "               ORGANIZATION IS SEQUENTIAL.\n",
                                           "       FD OUT-FILE RECORDING MODE IS F.\n"
                                           "       01 OUT-REC.\n"
                                           "          05 REC-NO  PIC 9(4).\n"
                                           "          05 REC-TXT PIC X(76).\n",
                                           "               MOVE ALL \"ABCDEFGHIJ\" TO REC-TXT\n"
                                           "               MOVE I TO REC-NO\n")));
  auto f = frame_path(dir.path() / "fixed.dat", fb(80), 4096);
  ASSERT_FALSE(f.error) << f.error_text();
  ASSERT_EQ(f.records.size(), 500u);
  EXPECT_EQ(f.records[499], bytes_of("0500" + pattern(76)));
  EXPECT_EQ(f.offsets[499], 499u * 80);
  auto wrong = frame_path(dir.path() / "fixed.dat", fb(81));
  EXPECT_EQ(wrong.error_text(), (dir.path() / "fixed.dat").string() +
                                    ": 40000 bytes is not a multiple of LRECL 81: 67 bytes left over after "
                                    "record 493 (is the file variable-length? try --recfm V or VB)");

  // LINE SEQUENTIAL drops trailing spaces and ends each record with LF.
  ASSERT_TRUE(run_cobol(dir, cobol_program("           SELECT OUT-FILE ASSIGN TO \"lines.txt\"\n"
                                           "               ORGANIZATION IS LINE SEQUENTIAL.\n",
                                           "       FD OUT-FILE.\n"
                                           "       01 OUT-REC.\n"
                                           "          05 REC-NO  PIC 9(4).\n"
                                           "          05 REC-TXT PIC X(36).\n",
                                           "               MOVE SPACES TO REC-TXT\n"
                                           "               IF FUNCTION MOD(I, 2) = 0\n"
                                           "                   MOVE ALL \"AB CD\" TO REC-TXT\n"
                                           "               END-IF\n"
                                           "               MOVE I TO REC-NO\n")));
  bridge::framing_options text;
  text.format = recfm::text_lines;
  auto t = frame_path(dir.path() / "lines.txt", text, 4096);
  ASSERT_FALSE(t.error) << t.error_text();
  ASSERT_EQ(t.records.size(), 500u);
  EXPECT_EQ(t.records[0], bytes_of("0001"));
  EXPECT_EQ(t.records[1], bytes_of("0002AB CDAB CDAB CDAB CDAB CDAB CDAB CDA"));
}

TEST(record_reader_oracle, cobrix_fixed_and_variable_peer_files) {
  if (!std::filesystem::exists(cobrix)) GTEST_SKIP() << "peer data not present";
  // t01: example.bin holds 10 records of 2202 bytes.
  auto t01 = frame_path(cobrix / "t01_fixed_odo/data/example.bin", fb(2202));
  ASSERT_FALSE(t01.error) << t01.error_text();
  EXPECT_EQ(t01.records.size(), 10u);

  // t05: RDWs that exclude themselves; segment C (EBCDIC C3) has a 64-byte payload and
  // segment P (D7) a 60-byte one; the LE and BE files must agree on the shapes.
  for (const auto& [dir, be] : {std::pair{"data_le_rdw", false}, std::pair{"data_be_rdw", true}}) {
    SCOPED_TRACE(dir);
    std::filesystem::path folder = cobrix / "t05_vrl_multiseg_ebcdic" / dir;
    auto file = std::filesystem::directory_iterator(folder)->path();
    auto f = frame_path(file, variable(recfm::v, be, false));
    ASSERT_FALSE(f.error) << f.error_text();
    ASSERT_GT(f.records.size(), 60u);
    std::size_t bytes = 0;
    for (const auto& r : f.records) {
      ASSERT_FALSE(r.empty());
      ASSERT_TRUE((r[0] == 0xC3 && r.size() == 64) || (r[0] == 0xD7 && r.size() == 60))
          << "segment " << int{r[0]} << " of " << r.size() << " bytes";
      bytes += r.size() + 4;
    }
    EXPECT_EQ(bytes, std::filesystem::file_size(file));
  }

  // t17: 951 records with little-endian RDWs.
  auto t17 = frame_path(cobrix / "t17_hierarchical_ebcdic/data/HIERARCHICAL.DATA.RDW.dat",
                        variable(recfm::v, false, false));
  ASSERT_FALSE(t17.error) << t17.error_text();
  EXPECT_EQ(t17.records.size(), 951u);
}

TEST(record_reader_oracle, cobrix_gzip_and_file_end_offset) {
  if (!std::filesystem::exists(cobrix)) GTEST_SKIP() << "peer data not present";
  const auto data = cobrix / "t40_compressed/data";
  auto plain = frame_path(data / "example.dat", fb(1493));
  auto gz = frame_path(data / "example.dat.gz", fb(1493), 4096);
  ASSERT_FALSE(plain.error) << plain.error_text();
  ASSERT_FALSE(gz.error) << gz.error_text();
  EXPECT_EQ(plain.records.size(), 100u);
  EXPECT_EQ(gz.records, plain.records);
  EXPECT_EQ(gz.offsets, plain.offsets);

  // Cobrix's file_end_offset=1493 drops the last record: 99 per file.
  auto o = fb(1493);
  o.skip_tail = 1493;
  EXPECT_EQ(frame_path(data / "example.dat.gz", o).records.size(), 99u);
  auto small = frame_path(data / "example.dat.gz", o, 4096);  // the tail straddles batches
  ASSERT_FALSE(small.error) << small.error_text();
  ASSERT_EQ(small.records.size(), 99u);
  EXPECT_EQ(small.records[98], plain.records[98]);

  // A cut gzip file is an I/O error (exit code 4 territory), not a framing error.
  temp_dir dir;
  auto gz_bytes = read_bytes(data / "example.dat.gz");
  write_file(dir.path() / "cut.gz", std::string(gz_bytes.begin(), gz_bytes.begin() + 20000));
  auto cut = frame_path(dir.path() / "cut.gz", fb(1493));
  ASSERT_TRUE(cut.error);
  EXPECT_EQ(cut.error->what, bridge::framing_error::kind::io);
  EXPECT_EQ(cut.error->to_string(), (dir.path() / "cut.gz").string() +
                                        ": truncated gzip data (the compressed stream ends mid-member)");
  EXPECT_EQ(cut.error->record_number, cut.records.size() + 1);

  bridge::framing_options text;
  text.format = recfm::text_lines;
  auto lines = frame_path(cobrix / "t40_compressed/data_ascii/ascii.txt.gz", text);
  ASSERT_FALSE(lines.error) << lines.error_text();
  std::sort(lines.records.begin(), lines.records.end());
  ASSERT_EQ(lines.records.size(), 3u);
  EXPECT_EQ(lines.records[0], bytes_of("12345"));
  EXPECT_EQ(lines.records[1], bytes_of("67890"));
  EXPECT_EQ(lines.records[2], bytes_of("A1234"));
}

}  // namespace
}  // namespace mfb::test
