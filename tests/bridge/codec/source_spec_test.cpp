// source_spec: validate(), and opening copybooks held in memory (with COPY members in
// memory, and without a filesystem). Offsets and lengths are worked out by hand from IBM's
// rules (Enterprise COBOL Language Reference, USAGE and OCCURS): PIC X(n) n bytes, COMP-3
// (digits + 1) / 2 bytes rounded up, COMP with 1-4 digits 2 bytes.

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "mfb/bridge/codec/source_spec.hpp"

namespace mfb::bridge {
namespace {

const char* rec_cpy = R"(       01  REC.
           05  ID      PIC X(4).
           05  AMT     PIC S9(5)V99 COMP-3.
           05  QTY     PIC S9(4) COMP.
           05  FILLER  PIC X(2).
)";

source_spec from_text(const char* text) {
  source_spec s = source_spec::defaults();
  s.copybook_texts = {{"rec.cpy", text}};
  return s;
}

std::size_t offset_of(const copybook::record_layout& l, const char* name) {
  const copybook::field* f = l.find(name);
  EXPECT_NE(f, nullptr) << name;
  return f ? f->offset : 0;
}

TEST(source_spec, validate_needs_a_copybook) {
  EXPECT_EQ(source_spec::defaults().validate(), "--copybook is required");
  source_spec files = source_spec::defaults();
  files.copybooks = {"rec.cpy"};
  EXPECT_EQ(files.validate(), "");
  EXPECT_EQ(from_text(rec_cpy).validate(), "");
}

TEST(source_spec, validate_checks_the_codec_options) {
  source_spec s = from_text(rec_cpy);
  s.decode.record_type_key = "bad\"key";
  EXPECT_EQ(s.validate(), "--record-type-key must not hold quotes, backslashes or control characters");
}

TEST(source_spec, opens_copybook_text_held_in_memory) {
  source_failure why;
  auto src = open_source(from_text(rec_cpy), why);
  ASSERT_TRUE(src) << why.message << why.diagnostics;
  ASSERT_EQ(src->selector.plans().size(), 1u);
  const auto& l = src->selector.plans().front().layout();
  EXPECT_EQ(l.name, "REC");
  EXPECT_EQ(offset_of(l, "ID"), 0u);
  EXPECT_EQ(offset_of(l, "AMT"), 4u);  // after X(4)
  EXPECT_EQ(offset_of(l, "QTY"), 8u);  // after 7 digits COMP-3: 4 bytes
  EXPECT_EQ(l.length, 12u);            // + COMP 2 bytes + X(2)
  // FB with no --lrecl: the record's own length.
  EXPECT_EQ(src->framing.format, recfm::fb);
  EXPECT_EQ(src->framing.lrecl, 12u);
}

TEST(source_spec, copy_members_come_from_memory) {
  source_spec s = from_text("       01  CUST.\n           05  CUST-ID  PIC 9(6).\n"
                            "           COPY ADDR.\n");
  s.members = {{"ADDR.cpy", "           05  STREET  PIC X(20).\n           05  ZIP  PIC 9(5).\n"}};
  source_failure why;
  auto src = open_source(s, why);
  ASSERT_TRUE(src) << why.message << why.diagnostics;
  const auto& l = src->selector.plans().front().layout();
  EXPECT_EQ(offset_of(l, "STREET"), 6u);
  EXPECT_EQ(offset_of(l, "ZIP"), 26u);
  EXPECT_EQ(l.length, 31u);

  s.members = {{"OTHER.cpy", "           05  X  PIC X.\n"}};
  EXPECT_FALSE(open_source(s, why));
  EXPECT_EQ(why.message, "the copybook has errors");
  EXPECT_NE(why.diagnostics.find("COPY member 'ADDR' not found among the copybooks held in memory"),
            std::string::npos)
      << why.diagnostics;
}

TEST(source_spec, inline_copybooks_may_refuse_copy) {
  source_spec s = from_text("       01  CUST.\n           COPY ADDR.\n");
  s.members = {{"ADDR.cpy", "           05  STREET  PIC X(20).\n"}};
  s.allow_copy = false;
  source_failure why;
  EXPECT_FALSE(open_source(s, why));
  EXPECT_NE(why.diagnostics.find("COPY is not allowed here"), std::string::npos) << why.diagnostics;
}

TEST(source_spec, odo_framing_reads_the_counter) {
  // N is one zoned digit; each T occurrence is 2 bytes: a record with N = 2 is 1 + 2 * 2.
  source_spec s = from_text("       01  R.\n           05  N  PIC 9.\n"
                            "           05  T  OCCURS 0 TO 3 DEPENDING ON N  PIC X(2).\n");
  s.odo_framing = true;
  s.framing.format = recfm::custom;
  source_failure why;
  auto src = open_source(s, why);
  ASSERT_TRUE(src) << why.message << why.diagnostics;
  const std::vector<std::uint8_t> rec = {0xF2, 0xC1, 0xC1, 0xC2, 0xC2, 0xF0};
  auto length = src->framing.record_length(rec);
  ASSERT_TRUE(length) << length.err().message;
  EXPECT_EQ(*length, 5u);
}

TEST(source_spec, failures_name_the_option) {
  source_failure why;
  source_spec bad_select = from_text(rec_cpy);
  bad_select.selects = {"NOCOLON"};
  EXPECT_FALSE(open_source(bad_select, why));
  EXPECT_EQ(why.message, "--select expects FIELD=VALUE:RECORD, got NOCOLON");

  source_spec two = from_text("       01  A.\n           05  A1  PIC X.\n"
                              "       01  B.\n           05  B1  PIC X.\n");
  two.selects = {"A1=A:A", "A1=B:B"};
  two.length_field = "A1";
  two.framing.format = recfm::length_field;
  EXPECT_FALSE(open_source(two, why));
  EXPECT_EQ(why.message, "--length-field and --recfm ODO need one record layout");

  source_spec page = from_text(rec_cpy);
  page.codepage = "cp-nonsense";
  EXPECT_FALSE(open_source(page, why));
  EXPECT_NE(why.message.find("cp-nonsense"), std::string::npos) << why.message;
}

}  // namespace
}  // namespace mfb::bridge
