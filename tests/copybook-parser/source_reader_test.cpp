// The source reader: reference format (fixed/free), comments, continuation, and the map
// from text offsets back to file:line:column. Expected texts follow IBM's reference format
// rules by hand; continuation is also checked against GnuCOBOL's preprocessor.

#include "source_reader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cobc_oracle.hpp"
#include "logical_source.hpp"
#include "test_support.hpp"

namespace mfb::copybook::detail {
namespace {

// A fixed-format line: sequence area (6), indicator (1), code padded to column 72 when
// an identification area (columns 73-80) follows.
std::string fixed(const std::string& seq, char indicator, const std::string& code,
                  const std::string& ident = "") {
  std::string line = seq;
  line.resize(6, ' ');
  line.push_back(indicator);
  line += code;
  if (!ident.empty()) {
    line.resize(72, ' ');
    line += ident;
  }
  return line;
}

logical_source read(const std::string& text, const parse_options& opts = {}) {
  return read_copybook_text(text, "cb.cpy", opts);
}

void expect_at(const logical_source& src, std::size_t offset, int line, int column,
               const std::string& file = "cb.cpy") {
  const source_location where = src.locate(offset);
  EXPECT_EQ(where.file, file) << "offset " << offset;
  EXPECT_EQ(where.line, line) << "offset " << offset;
  EXPECT_EQ(where.column, column) << "offset " << offset;
}

TEST(SourceReader, FixedFormatKeepsColumns8To72) {
  const std::string text = fixed("000100", ' ', "01  CUSTOMER-RECORD.", "CUST0001") + "\n" +
                           fixed("000200", '*', "    A COMMENT LINE") + "\n" +
                           fixed("000300", '/', "    A PAGE-EJECT COMMENT") + "\n" +
                           fixed("000400", ' ', "    05  CUST-ID     PIC 9(6).", "CUST0002") + "\n";
  const logical_source src = read(text);
  EXPECT_TRUE(src.diagnostics.empty());
  EXPECT_EQ(src.text, "01  CUSTOMER-RECORD.\n05  CUST-ID     PIC 9(6).\n");
  expect_at(src, 0, 1, 8);    // "01" in area A
  expect_at(src, 20, 1, 28);  // the '\n' just after "RECORD."
  const std::size_t level05 = src.text.find("05");
  expect_at(src, level05, 4, 12);  // area B
  expect_at(src, src.text.find("9(6)"), 4, 32);
  EXPECT_EQ(src.line_at(src.locate(level05)),
            fixed("000400", ' ', "    05  CUST-ID     PIC 9(6).", "CUST0002"));
}

TEST(SourceReader, RightMarginOptionMovesTheCut) {
  parse_options opts;
  opts.format = source_format::fixed;
  opts.fixed_right_margin = 20;
  const logical_source src = read(fixed("", ' ', "01  ABCDEFGHIJKLMNOP.") + "\n", opts);
  EXPECT_EQ(src.text, "01  ABCDEFGHI\n");  // columns 8-20
}

TEST(SourceReader, DebugLinesOnlyWithDebuggingMode) {
  const std::string text = fixed("", ' ', "01  R.") + "\n" + fixed("", 'D', "    05  DBG PIC X.") +
                           "\n" + fixed("", 'd', "    05  DBG2 PIC X.") + "\n" +
                           fixed("", ' ', "    05  F PIC X.") + "\n";
  EXPECT_EQ(read(text).text, "01  R.\n05  F PIC X.\n");
  parse_options opts;
  opts.debug_lines = true;
  const logical_source src = read(text, opts);
  EXPECT_EQ(src.text, "01  R.\n05  DBG PIC X.\n05  DBG2 PIC X.\n05  F PIC X.\n");
  expect_at(src, src.text.find("DBG2"), 3, 16);
}

TEST(SourceReader, FloatingCommentsOutsideLiteralsOnly) {
  const std::string text = fixed("", ' ', "01  R.  *> the record") + "\n" +
                           fixed("", ' ', "    05  A PIC X(4) VALUE '*>X'. *> not in the literal") +
                           "\n" + fixed("", ' ', "*> a whole-line floating comment") + "\n";
  const logical_source src = read(text);
  EXPECT_EQ(src.text, "01  R.\n05  A PIC X(4) VALUE '*>X'.\n");
}

TEST(SourceReader, ListingStatementsAreDropped) {
  const std::string text = fixed("", ' ', "01  R.") + "\n" + fixed("", ' ', "    EJECT") + "\n" +
                           fixed("", ' ', "SKIP1") + "\n" + fixed("", ' ', "    skip2.") + "\n" +
                           fixed("", ' ', "    SKIP3") + "\n" +
                           fixed("", ' ', "    05 EJECTED PIC X.") + "\n";
  EXPECT_EQ(read(text).text, "01  R.\n05 EJECTED PIC X.\n");
}

TEST(SourceReader, TabsExpandToMultiplesOfEight) {
  // Tab stops at columns 9, 17, 25: "\t\t05" puts the level number in column 17.
  const logical_source src = read("       01 R.\n\t\t05 A PIC X.\n");
  EXPECT_EQ(src.text, "01 R.\n05 A PIC X.\n");
  expect_at(src, 6, 2, 17);
  EXPECT_EQ(src.files[0].lines[1], std::string(16, ' ') + "05 A PIC X.");
  // A tab after the sequence area: "000100\t" reaches column 9.
  const logical_source src2 = read("000100\t01 R.\n");
  EXPECT_EQ(src2.text, "01 R.\n");
  expect_at(src2, 0, 1, 9);
}

TEST(SourceReader, LineEndingsBomAndDosEndMark) {
  const std::string body = "       01  R.\r\n       05  A PIC X.";  // no final newline
  const logical_source src = read("\xEF\xBB\xBF" + body);
  EXPECT_EQ(src.text, "01  R.\n05  A PIC X.\n");
  expect_at(src, 0, 1, 8);
  EXPECT_EQ(src.files[0].lines[0], "       01  R.");
  EXPECT_EQ(read(body + "\n\x1A").text, "01  R.\n05  A PIC X.\n");
  const logical_source mac = read("       01  R.\r       05  A PIC X.\r");
  EXPECT_EQ(mac.text, "01  R.\n05  A PIC X.\n");
  expect_at(mac, 7, 2, 8);
}

TEST(SourceReader, LowerCaseIsKeptAsWritten) {
  EXPECT_EQ(read("       01  rec.\n           05  fld pic x(3) value 'aBc'.\n").text,
            "01  rec.\n05  fld pic x(3) value 'aBc'.\n");
}

TEST(SourceReader, ContinuedLiteralRunsToColumn72) {
  // 'ABC ends in column 33; columns 34-72 (39 blanks) belong to the literal.
  const std::string text =
      "       01  A PIC X(80) VALUE 'ABC\n"
      "      -    'XYZ'.\n"
      "       01  B PIC X.\n";
  const logical_source src = read(text);
  EXPECT_TRUE(src.diagnostics.empty());
  EXPECT_EQ(src.text,
            "01  A PIC X(80) VALUE 'ABC" + std::string(39, ' ') + "XYZ'.\n01  B PIC X.\n");
  const std::size_t abc = src.text.find("ABC");
  expect_at(src, abc, 1, 31);
  expect_at(src, abc + 3, 1, 34);   // first padding blank
  expect_at(src, abc + 41, 1, 72);  // last padding blank
  expect_at(src, abc + 42, 2, 13);  // 'X' after the resuming quote in column 12
  expect_at(src, src.text.find("01  B"), 3, 8);
}

TEST(SourceReader, ContinuedLiteralWithTrailingBlanksAndDoubledQuotes) {
  const std::string first = fixed("000100", ' ', "    05  T PIC X(90) VALUE \"SAY \"\"HI\"\" ");
  std::string padded = first;
  padded.resize(72, ' ');
  padded += "SEQ00001";  // the identification area is not part of the literal
  const std::string text = padded + "\n" + fixed("000200", '-', "        \"THERE\".") + "\n";
  const logical_source src = read(text);
  const std::string lit_start = "\"SAY \"\"HI\"\" ";
  const std::size_t blanks = 72 - first.size();
  EXPECT_EQ(src.text,
            "05  T PIC X(90) VALUE " + lit_start + std::string(blanks, ' ') + "THERE\".\n");
  expect_at(src, src.text.find("THERE"), 2, 17);
}

TEST(SourceReader, ContinuedWordsJoinWithoutBlanks) {
  const std::string text =
      "       01  B PIC X(4) VAL\n"
      "      -    UE 'Q'.\n"
      "       01  CUSTOMER-NA\n"
      "      -        ME PIC 9(1\n"
      "      -    0).\n";
  const logical_source src = read(text);
  EXPECT_EQ(src.text, "01  B PIC X(4) VALUE 'Q'.\n01  CUSTOMER-NAME PIC 9(10).\n");
  expect_at(src, src.text.find("UE"), 2, 12);
  expect_at(src, src.text.find("ME PIC"), 4, 16);
  expect_at(src, src.text.find("0)."), 5, 12);
}

TEST(SourceReader, ContinuationMatchesGnuCobol) {
  const test::temp_dir dir;
  std::string long_lit = "       01  L PIC X(120) VALUE 'The quick brown fox jumps over the lazy";
  const std::string text = long_lit +
                           "\n"
                           "      -    ' dog and keeps running far away'.\n"
                           "       01  M PIC X(10) VALUE 'AB     \n"
                           "      * a comment between the continued lines\n"
                           "      -            'CD'.\n"
                           "       01  N PIC S9(5)V\n"
                           "      -    99 COMP-3 VALUE -123.4\n"
                           "      -    5.\n";
  test::write_file(dir.path() / "contin.cpy", text);
  const auto oracle = test::cobc_expand(dir.path(), "COPY contin.");
  if (!oracle) GTEST_SKIP() << "cobc not available";
  ASSERT_EQ(oracle->size(), 19u);  // the member's words, not the wrapper's
  EXPECT_EQ(test::cobol_words(read(text).text), *oracle);
}

TEST(SourceReader, FreeFormat) {
  parse_options opts;
  opts.format = source_format::free;
  const std::string text =
      "01 R. *> record\n"
      "* a comment line\n"
      "  05 A PIC X(100) VALUE \"part one-\n"
      "      \"part two\".\n"
      "05 B PIC X.\n";
  const logical_source src = read(text, opts);
  EXPECT_EQ(src.text, "01 R.\n05 A PIC X(100) VALUE \"part onepart two\".\n05 B PIC X.\n");
  expect_at(src, src.text.find("05 A"), 3, 3);
  expect_at(src, src.text.find("part two"), 4, 8);
}

TEST(SourceReader, DetectsFormat) {
  // Sequence numbers and '-' indicators say fixed; level numbers in columns 1-7 say free.
  EXPECT_EQ(detect_source_format(split_source_lines("000100 01  R.\n000200     05 A PIC X.\n"), 72),
            source_format::fixed);
  EXPECT_EQ(detect_source_format(split_source_lines("01 R.\n   05 A PIC X.\n"), 72),
            source_format::free);
  // Code from column 7 fits both; read as fixed it still keeps column 7, silently.
  EXPECT_EQ(detect_source_format(split_source_lines("      * note\n      01 R.\n"), 72),
            source_format::fixed);
  const logical_source col7 =
      read("      * note\n      01 R.\n           05 A PIC X." + std::string(50, ' ') + "SEQ1\n");
  EXPECT_TRUE(col7.diagnostics.empty());
  EXPECT_EQ(col7.text, "01 R.\n05 A PIC X.\n");
  expect_at(col7, 0, 2, 7);
  EXPECT_EQ(detect_source_format(split_source_lines("       01 R.\n           05 A PIC X.\n"), 72),
            source_format::fixed);
  const std::string long_line = "       01 R. " + std::string(80, ' ') + "05 A PIC X.\n";
  EXPECT_EQ(detect_source_format(split_source_lines(long_line), 72), source_format::free);
  // Automatic detection reads the free text right.
  EXPECT_EQ(read("01 R.\n   05 A PIC X.\n").text, "01 R.\n05 A PIC X.\n");
}

TEST(SourceReader, DetectsSequenceAreasWithJunk) {
  // Columns 1-6 with change marks or letters: not code, so still fixed.
  const std::string junk = "CHG#01 01  R.\nAB1234     05  A PIC X.\nAB  12     05  B PIC X.\n";
  EXPECT_EQ(detect_source_format(split_source_lines(junk), 72), source_format::fixed);
  EXPECT_EQ(read(junk).text, "01  R.\n05  A PIC X.\n05  B PIC X.\n");
  // Debug and continuation indicators alone in column 7 are fixed-only.
  EXPECT_EQ(detect_source_format(split_source_lines("      D    05 A PIC X.\n"), 72),
            source_format::fixed);
}

TEST(SourceReader, SourceFormatDirectiveMatchesGnuCobol) {
  const test::temp_dir dir;
  const std::string text =
      "       01  R.\n"
      "       >>SOURCE FORMAT IS FREE\n"
      "05 A PIC X.\n"
      "   >>SOURCE FIXED\n"
      "      * comment\n"
      "           05  B PIC X.\n";
  const logical_source src = read(text);
  EXPECT_TRUE(src.diagnostics.empty());
  EXPECT_EQ(src.text, "01  R.\n05 A PIC X.\n05  B PIC X.\n");
  expect_at(src, src.text.find("05 A"), 3, 1);
  test::write_file(dir.path() / "directive.cpy", text);
  const auto oracle = test::cobc_expand(dir.path(), "COPY directive.");
  if (!oracle) GTEST_SKIP() << "cobc not available";
  EXPECT_EQ(test::cobol_words(src.text), *oracle);
}

TEST(SourceReader, OtherDirectivesAreIgnoredWithWarning) {
  const logical_source src = read("       01  R.\n       >>CALL-CONVENTION COBOL\n");
  EXPECT_EQ(src.text, "01  R.\n");
  ASSERT_EQ(src.diagnostics.size(), 1u);
  EXPECT_EQ(src.diagnostics[0].level, severity::warning);
  EXPECT_EQ(src.diagnostics[0].where.line, 2);
  EXPECT_EQ(src.diagnostics[0].where.column, 8);
}

TEST(SourceReader, UnknownIndicatorIsCodeWithWarning) {
  parse_options opts;
  opts.format = source_format::fixed;
  const logical_source src = read("      01 R.\n", opts);
  EXPECT_EQ(src.text, "01 R.\n");
  expect_at(src, 0, 1, 7);
  ASSERT_EQ(src.diagnostics.size(), 1u);
  EXPECT_EQ(src.diagnostics[0].level, severity::warning);
  EXPECT_EQ(src.diagnostics[0].where.column, 7);
}

TEST(SourceReader, MakeDiagnosticPointsIntoTheSource) {
  const logical_source src = read("       01  R.\n           05  A PIC Q.\n");
  const diagnostic d = src.make_diagnostic(src.text.find('Q'), "bad picture");
  EXPECT_EQ(d.where.file, "cb.cpy");
  EXPECT_EQ(d.where.line, 2);
  EXPECT_EQ(d.where.column, 22);
  EXPECT_EQ(d.source_line, "           05  A PIC Q.");
  EXPECT_EQ(d.message, "bad picture");
  // The end of the text maps just past the last character.
  expect_at(src, src.text.size(), 2, 25);
}

// The Cobrix peer copybooks: fixed format with code from column 8, code from column 7,
// comment lines with '*' in columns 1-7, tabs, a DOS end mark and a missing final newline.
TEST(SourceReader, CobrixCopybooksReadClean) {
  struct expectation {
    const char* file;
    const char* first;
    const char* last;
  };
  const std::vector<expectation> cases = {
      {"t01_fixed_odo/test1_copybook.cob", "01  RECORD.", "ACCOUNT-TYPE-N  PIC X(3)."},
      {"t01_fixed_odo/test1a_copybook.cob", "01  RECORD.", "ACCOUNT-TYPE-N  PIC X(3)."},
      {"t03_trim_segment_filter/test3_copybook.cob", "01  TRANSDATA.",
       "05  AMOUNT            PIC S9(09)V99  BINARY."},
      {"t05_vrl_multiseg_ebcdic/test5_copybook.cob", "01  COMPANY-DETAILS.",
       "10  CONTACT-PERSON    PIC X(28)."},
      {"t05_vrl_multiseg_ebcdic/test5d_copybook.cob", "01  COMPANY-DETAILS.",
       "10  CONTACT-PERSON    PIC X(28)."},
      {"t07_fillers/test7_fillers.cob", "01  RECORD.",
       "05  AMOUNT            PIC S9(09)V99  BINARY."},
      {"t09_code_pages/test9_copybook.cob", "01  TRANSDATA.",
       "05  AMOUNT            PIC S9(09)V99  BINARY."},
      {"t10_ascii_non_terminals/test10_copybook.cob", "01 RECORD.",
       "10  LAST-4              PIC 9(4)."},
      {"t12_ascii_merge_copybooks/test12_copybook.cob", "01 RECORD-A.",
       "05  ACCOUNT-NO             PIC 9(16)."},
      {"t12_ascii_merge_copybooks/test12_copybook_a.cob", "01 RECORD-A.",
       "10  LAST-4              PIC 9(4)."},
      {"t12_ascii_merge_copybooks/test12_copybook_b.cob", "01 RECORD-B.",
       "05  ACCOUNT-NO             PIC 9(16)."},
      {"t17_hierarchical_ebcdic/test17_hierarchical.cob", "01  ENTITY.",
       "10  AMOUNT            PIC 9(10)V9(2) COMP-3."},
      {"t21_ascii_nested_odo/test21_copybook.cob", "01 RECORD.", "04 FIELD PIC X."},
      {"t24_debug_columns/test24_copybook.cob", "01  RECORD.",
       "10  EX-NUM-DEC03        PIC 9(6).99-."},
      {"t40_compressed/test40_copybook.cob", "01  RECORD.",
       "10  EX-NUM-DEC03        PIC 9(6).99-."},
  };
  const auto peer = test::source_dir().parent_path() / "shared" / "peer" / "cobrix";
  if (!std::filesystem::exists(peer)) GTEST_SKIP() << "no Cobrix peer suite at " << peer;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    const logical_source src = read_copybook_file((peer / c.file).string(), {});
    for (const diagnostic& d : src.diagnostics) {
      ADD_FAILURE() << d.where.line << ":" << d.where.column << ": " << d.message;
    }
    ASSERT_GE(src.text.size(), 2u);
    const std::string first = src.text.substr(0, src.text.find('\n'));
    const std::string last = src.text.substr(src.text.rfind('\n', src.text.size() - 2) + 1);
    EXPECT_EQ(first, c.first);
    EXPECT_EQ(last, std::string(c.last) + "\n");
    // No comment text leaks in; every line's code is in the text, tab-indented ones too.
    EXPECT_EQ(src.text.find('*'), std::string::npos);
    EXPECT_EQ(src.text.find("Copyright"), std::string::npos);
  }
  // Tab-indented continuation of a data description (test1: "\t\t\t         REDEFINES").
  const logical_source t1 = read_copybook_file((peer / cases[0].file).string(), {});
  const std::size_t redefines = t1.text.find("REDEFINES  COMPANY-ID-NUM PIC X(3).");
  ASSERT_NE(redefines, std::string::npos);
  EXPECT_EQ(t1.locate(redefines).line, 25);
  EXPECT_EQ(t1.locate(redefines).column, 34);
}

// The Cobrix copybooks in standard fixed format read word for word as GnuCOBOL reads
// them (tabs, DOS end marks, '*' in columns 1-6). The others put code in column 7,
// which cobc rejects ("invalid indicator"), so they have no oracle.
TEST(SourceReader, CobrixFixedCopybooksMatchGnuCobol) {
  const auto peer = test::source_dir().parent_path() / "shared" / "peer" / "cobrix";
  if (!std::filesystem::exists(peer)) GTEST_SKIP() << "no Cobrix peer suite at " << peer;
  const std::vector<std::string> fixed_files = {"t01_fixed_odo/test1_copybook.cob",
                                                "t01_fixed_odo/test1a_copybook.cob",
                                                "t03_trim_segment_filter/test3_copybook.cob",
                                                "t05_vrl_multiseg_ebcdic/test5_copybook.cob",
                                                "t05_vrl_multiseg_ebcdic/test5d_copybook.cob",
                                                "t07_fillers/test7_fillers.cob",
                                                "t09_code_pages/test9_copybook.cob",
                                                "t17_hierarchical_ebcdic/test17_hierarchical.cob",
                                                "t24_debug_columns/test24_copybook.cob"};
  const test::temp_dir work;
  for (const std::string& file : fixed_files) {
    SCOPED_TRACE(file);
    const std::filesystem::path path = peer / file;
    const auto oracle =
        test::cobc_expand(work.path(), "COPY " + path.stem().string() + ".", {path.parent_path()});
    if (!oracle) GTEST_SKIP() << "cobc not available or failed";
    ASSERT_GT(oracle->size(), 10u);
    EXPECT_EQ(test::cobol_words(read_copybook_file(path.string(), {}).text), *oracle);
  }
}

TEST(SourceReader, MissingFileIsADiagnostic) {
  const logical_source src = read_copybook_file("/nonexistent/dir/x.cpy", {});
  ASSERT_EQ(src.diagnostics.size(), 1u);
  EXPECT_EQ(src.diagnostics[0].level, severity::error);
  EXPECT_EQ(src.diagnostics[0].message, "cannot open copybook '/nonexistent/dir/x.cpy'");
  EXPECT_TRUE(src.text.empty());
  const test::temp_dir dir;
  const logical_source folder = read_copybook_file(dir.path().string(), {});
  ASSERT_EQ(folder.diagnostics.size(), 1u);
  EXPECT_EQ(folder.diagnostics[0].level, severity::error);
}

}  // namespace
}  // namespace mfb::copybook::detail
