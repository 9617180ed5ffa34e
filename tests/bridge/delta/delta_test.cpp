// Unit tests of the delta internals (JSON diff, key resolution) and of run_delta's sink API
// on hand-written cp037 records (bytes worked out from the IBM packed/zoned rules).

#include "mfb/bridge/delta/delta.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "delta/delta_detail.hpp"
#include "mfb/copybook/parse.hpp"
#include "test_support.hpp"

namespace mfb::bridge {
namespace {

std::string diff_text(std::string_view a, std::string_view b) {
  std::string pool, out;
  std::vector<detail::json_change> changes;
  detail::json_diff(a, b, pool, changes);
  for (const auto& c : changes)
    out += pool.substr(c.path_begin, c.path_length) + "=" + std::string(c.old_value) + ">" +
           std::string(c.new_value) + ";";
  return out;
}

TEST(DeltaJson, DiffListsChangedLeavesInRecordOrder) {
  EXPECT_EQ(diff_text(R"({"A":{"B":1,"C":"x"},"T":[{"V":1.50},{"V":2.00}],"Z":"q"})",
                      R"({"A":{"B":1,"C":"y"},"T":[{"V":1.50},{"V":2.10}],"Z":"r"})"),
            "A.C=\"x\">\"y\";T(2).V=2.00>2.10;Z=\"q\">\"r\";");
  EXPECT_EQ(diff_text(R"({"A":1})", R"({"A":1})"), "");
}

TEST(DeltaJson, ArraysOfDifferentLengthAndNullAlternativesAreOneChange) {
  // An ODO table that grew is reported whole; a REDEFINES alternative that became null too.
  EXPECT_EQ(diff_text(R"({"N":1,"T":[5]})", R"({"N":2,"T":[5,6]})"), "N=1>2;T=[5]>[5,6];");
  EXPECT_EQ(diff_text(R"({"ALT":{"X":1}})", R"({"ALT":null})"), "ALT={\"X\":1}>null;");
  // Numbers compare as text: the decoder writes a field's scale exactly, so 1.5 vs 1.50 differ.
  EXPECT_EQ(diff_text(R"({"V":1.50})", R"({"V":1.5})"), "V=1.50>1.5;");
  // Strings holding brackets and escaped quotes do not confuse the scanner.
  EXPECT_EQ(diff_text(R"({"S":"a]\"}","T":1})", R"({"S":"a]\"}","T":2})"), "T=1>2;");
}

TEST(DeltaJson, FindWalksDottedPaths) {
  std::string_view rec = R"({"K":{"BR":"A1","ID":7},"S":"x,y"})";
  EXPECT_EQ(detail::json_find(rec, "K.ID"), "7");
  EXPECT_EQ(detail::json_find(rec, "K"), R"({"BR":"A1","ID":7})");
  EXPECT_EQ(detail::json_find(rec, "S"), "\"x,y\"");
  EXPECT_EQ(detail::json_find(rec, "K.NOPE"), "null");
}

copybook::record_layout layout_of(const char* text) {
  auto parsed = copybook::parse_copybook_text(text, "t.cpy");
  EXPECT_TRUE(parsed.ok()) << copybook::to_string(parsed.diagnostics);
  return parsed.records.at(0);
}

TEST(DeltaKeys, ResolveGivesOffsetsAndRefusesMovingFields) {
  auto layout = layout_of(
      "       01  R.\n"
      "           05  HEAD.\n"
      "               10  BR      PIC X(3).\n"
      "               10  ID      PIC 9(4).\n"
      "           05  N           PIC 9.\n"
      "           05  T           PIC X(2) OCCURS 1 TO 5 DEPENDING ON N.\n"
      "           05  TAIL        PIC X.\n");
  auto spec = detail::key_spec::resolve(layout, {"ID", "HEAD.BR"});
  ASSERT_TRUE(spec) << spec.err().message;
  ASSERT_EQ(spec->fields.size(), 2u);
  EXPECT_EQ(spec->fields[0].path, "HEAD.ID");
  EXPECT_EQ(spec->fields[0].offset, 3u);
  EXPECT_EQ(spec->fields[1].offset, 0u);
  EXPECT_EQ(spec->size, 7u);
  EXPECT_EQ(spec->min_end, 7u);
  auto tail = detail::key_spec::resolve(layout, {"TAIL"});
  ASSERT_FALSE(tail);
  EXPECT_EQ(tail.err().message,
            "--key TAIL follows an OCCURS DEPENDING ON table (its offset moves); a key field needs "
            "a fixed offset");
  auto table = detail::key_spec::resolve(layout, {"T"});
  ASSERT_FALSE(table);
  EXPECT_EQ(table.err().message, "--key T is inside an OCCURS table; a key field needs a fixed offset");
  auto twice = detail::key_spec::resolve(layout, {"BR", "HEAD.BR"});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.err().message, "--key HEAD.BR is given twice");
}

// Keeps copies of what the sink is given (the event's views die after write()).
struct capture_sink final : delta_sink {
  std::vector<std::string> keys;
  std::vector<std::string> lines;
  int finished = 0;
  delta_counts counts;
  bool begin(const copybook::record_layout&, std::span<const delta_key_field> k) override {
    for (const auto& f : k) keys.push_back(f.path);
    return true;
  }
  bool write(const delta_event& e) override {
    std::string s(to_string(e.op));
    s += " key=" + test::to_hex(e.key_bytes.data(), e.key_bytes.size());
    for (auto v : e.key_values) s += " " + std::string(v);
    if (!e.old_record.bytes.empty())
      s += " old#" + std::to_string(e.old_record.number) + "@" + std::to_string(e.old_record.file_offset) +
           "=" + test::to_hex(e.old_record.bytes.data(), e.old_record.bytes.size()) + std::string(e.old_record.json);
    if (!e.new_record.bytes.empty())
      s += " new#" + std::to_string(e.new_record.number) + "@" + std::to_string(e.new_record.file_offset) +
           "=" + test::to_hex(e.new_record.bytes.data(), e.new_record.bytes.size()) + std::string(e.new_record.json);
    for (const auto& c : e.changed)
      s += " " + std::string(c.path) + ":" + std::string(c.old_value) + ">" + std::string(c.new_value);
    lines.push_back(s);
    return true;
  }
  bool finish(const delta_counts& c) override {
    ++finished;
    counts = c;
    return true;
  }
  std::string error() const override { return {}; }
};

class DeltaRun : public ::testing::Test {
 protected:
  void SetUp() override {
    // ID PIC X(2) (cp037: A=C1, 1=F1 ...), AMT PIC S9(3) COMP-3 (+123 = 12 3C).
    test::write_file(dir_.path() / "r.cpy",
                     "       01  R.\n           05  ID   PIC X(2).\n"
                     "           05  AMT  PIC S9(3) COMP-3.\n");
    opts_.source.copybooks = {dir_.path() / "r.cpy"};
    opts_.keys = {"ID"};
  }
  std::string file(const char* name, const char* hex) {
    auto bytes = test::from_hex(hex);
    auto p = dir_.path() / name;
    test::write_file(p, std::string(bytes.begin(), bytes.end()));
    return p.string();
  }
  test::temp_dir dir_;
  delta_options opts_;
};

TEST_F(DeltaRun, SinkGetsKeysRawBytesJsonAndChangesInKeyOrder) {
  // Old: C3 +1, A1 +123, B2 +5.  New: B2 +6, C3 +1 (same bytes), D4 -7 (07 D... 00 7D).
  opts_.old_input = file("old.dat", "C3F3 001C  C1F1 123C  C2F2 005C");
  opts_.new_input = file("new.dat", "C2F2 006C  C3F3 001C  C4F4 007D");
  for (bool sorted : {false, true}) {
    if (sorted) {  // the same records, in key order
      opts_.old_input = file("old_s.dat", "C1F1 123C  C2F2 005C  C3F3 001C");
      opts_.new_input = file("new_s.dat", "C2F2 006C  C3F3 001C  C4F4 007D");
    }
    opts_.sorted = sorted;
    capture_sink sink;
    auto s = run_delta(opts_, sink);
    ASSERT_EQ(s.failure, failure_kind::none) << s.message;
    EXPECT_EQ(sink.keys, std::vector<std::string>{"ID"});
    std::string a1_old = sorted ? "old#1@0" : "old#2@4";
    ASSERT_EQ(sink.lines.size(), 3u);
    EXPECT_EQ(sink.lines[0], "delete key=C1F1 \"A1\" " + a1_old + "=C1F1123C{\"ID\":\"A1\",\"AMT\":123}");
    EXPECT_EQ(sink.lines[1],
              "update key=C2F2 \"B2\" old#" + std::string(sorted ? "2@4" : "3@8") +
                  "=C2F2005C{\"ID\":\"B2\",\"AMT\":5} new#1@0=C2F2006C{\"ID\":\"B2\",\"AMT\":6} AMT:5>6");
    EXPECT_EQ(sink.lines[2], "insert key=C4F4 \"D4\" new#3@8=C4F4007D{\"ID\":\"D4\",\"AMT\":-7}");
    EXPECT_EQ(sink.finished, 1);
    EXPECT_EQ(sink.counts.inserts, 1u);
    EXPECT_EQ(sink.counts.updates, 1u);
    EXPECT_EQ(sink.counts.deletes, 1u);
    EXPECT_EQ(sink.counts.unchanged, 1u);
    EXPECT_EQ(sink.counts.old_records, 3u);
    EXPECT_EQ(sink.counts.new_records, 3u);
  }
}

TEST_F(DeltaRun, DataErrorsNeverReachFinish) {
  opts_.old_input = file("old.dat", "C1F1 123C  C1F1 124C");
  opts_.new_input = file("new.dat", "C1F1 123C");
  capture_sink sink;
  auto s = run_delta(opts_, sink);
  EXPECT_EQ(s.failure, failure_kind::bad_data);
  EXPECT_EQ(s.message, opts_.old_input +
                           ": record 2 (file offset 4) has the same key as record 1 (file offset 0): "
                           "key C1 F1; keys must be unique in each generation");
  EXPECT_EQ(sink.finished, 0);
  // A changed record whose bytes do not decode (packed nibble A) stops the run with its place.
  opts_.old_input = file("old2.dat", "C1F1 123C");
  opts_.new_input = file("new2.dat", "C1F1 1A3C");
  capture_sink sink2;
  s = run_delta(opts_, sink2);
  EXPECT_EQ(s.failure, failure_kind::bad_data);
  EXPECT_NE(s.message.find("record 1 (file offset 0)"), std::string::npos) << s.message;
  EXPECT_NE(s.message.find("AMT"), std::string::npos) << s.message;
  EXPECT_EQ(sink2.finished, 0);
}

}  // namespace
}  // namespace mfb::bridge
