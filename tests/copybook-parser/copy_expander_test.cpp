// COPY expansion (member lookup, nesting, REPLACING) and REPLACE. Exact texts follow the
// IBM rules by hand; every REPLACING form is also compared word for word with what
// GnuCOBOL's preprocessor (`cobc -std=ibm -E`) makes of the same statement.

#include "copy_expander.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cobc_oracle.hpp"
#include "logical_source.hpp"
#include "test_support.hpp"
#include "text_words.hpp"

namespace mfb::copybook::detail {
namespace {

namespace fs = std::filesystem;

fs::path data_dir() { return test::source_dir() / "tests" / "data" / "copy"; }

parse_options with_data_dir() {
  parse_options opts;
  opts.include_dirs = {data_dir()};
  return opts;
}

// Read COBOL statements written in area B, with tests/data/copy on the search path.
logical_source read_statements(const std::string& statements) {
  return read_copybook_text(test::area_b(statements), "main.cpy", with_data_dir());
}

std::string messages(const logical_source& src) {
  std::string s;
  for (const diagnostic& d : src.diagnostics) {
    s += d.where.file + ":" + std::to_string(d.where.line) + ":" + std::to_string(d.where.column) +
         ": " + d.message + "\n";
  }
  return s;
}

void expect_at(const logical_source& src, std::size_t offset, const std::string& file, int line,
               int column) {
  ASSERT_NE(offset, std::string::npos);
  const source_location where = src.locate(offset);
  EXPECT_EQ(where.file, file) << "offset " << offset;
  EXPECT_EQ(where.line, line) << "offset " << offset;
  EXPECT_EQ(where.column, column) << "offset " << offset;
}

void expect_contains(const std::string& text, std::initializer_list<const char*> pieces) {
  for (const char* piece : pieces) EXPECT_NE(text.find(piece), std::string::npos) << piece;
}

// Our words for `statements` must equal cobc's.
void expect_same_as_cobc(const std::string& statements) {
  SCOPED_TRACE(statements);
  const logical_source src = read_statements(statements);
  EXPECT_TRUE(src.diagnostics.empty()) << messages(src);
  const test::temp_dir work;
  const auto oracle = test::cobc_expand(work.path(), statements, {data_dir()});
  if (!oracle) GTEST_SKIP() << "cobc not available or failed";
  ASSERT_FALSE(oracle->empty());
  EXPECT_EQ(test::cobol_words(src.text), *oracle);
}

// Text words per IBM's definition: separators other than blanks are words of their own;
// a period, comma or semicolon separates only when a blank follows.
TEST(CopyExpander, TextWords) {
  const std::string text = "05 A PIC ZZ,ZZ9.99, VALUE X'4142' :T:-B(1). \"It\"\"s\"; ==X==";
  std::vector<std::string> got;
  std::vector<word_kind> kinds;
  for (const text_word& w : split_text_words(text)) {
    got.emplace_back(word_text(text, w));
    kinds.push_back(w.kind);
  }
  const std::vector<std::string> want = {
      "05", "A", "PIC", "ZZ,ZZ9.99", ",", "VALUE",       "X'4142'", ":",  "T", ":",
      "-B", "(", "1",   ")",         ".", "\"It\"\"s\"", ";",       "==", "X", "=="};
  EXPECT_EQ(got, want);
  ASSERT_EQ(kinds.size(), want.size());
  EXPECT_EQ(kinds[4], word_kind::comma);
  EXPECT_EQ(kinds[6], word_kind::literal);
  EXPECT_EQ(kinds[7], word_kind::separator);
  EXPECT_EQ(kinds[14], word_kind::separator);
  EXPECT_EQ(kinds[15], word_kind::literal);
  EXPECT_EQ(kinds[17], word_kind::pseudo_delimiter);
}

TEST(CopyExpander, InlinesMemberWithItsOwnSpans) {
  const logical_source src = read_statements("01  CUST-REC.\nCOPY libmem.\n05  TAIL PIC X.");
  EXPECT_TRUE(src.diagnostics.empty()) << messages(src);
  EXPECT_EQ(src.text, "01  CUST-REC.\n05  FROM-TOP-FOLDER   PIC X(8).\n\n05  TAIL PIC X.\n");
  ASSERT_EQ(src.files.size(), 2u);
  const std::string member = (data_dir() / "libmem.cpy").string();
  EXPECT_EQ(src.files[1].name, member);
  expect_at(src, src.text.find("05  FROM"), member, 1, 12);
  expect_at(src, src.text.find("X(8)"), member, 1, 38);
  expect_at(src, src.text.find("05  TAIL"), "main.cpy", 3, 12);
  const diagnostic d = src.make_diagnostic(src.text.find("FROM"), "here");
  EXPECT_EQ(d.source_line, "           05  FROM-TOP-FOLDER   PIC X(8).");
}

TEST(CopyExpander, ReplacingPseudoTextTags) {
  const std::string stmt = "COPY CUSTFLDS REPLACING ==:PFX:== BY ==CUST==.";
  const logical_source src = read_statements(stmt);
  EXPECT_EQ(src.text,
            "05  CUST-ID          PIC 9(6).\n"
            "05  CUST-NAME        PIC X(20) VALUE 'PFX-NAME'.\n"
            "05  PFX-CODE          PIC X(3).\n"
            "05  CODE-PFX          PIC X(3).\n"
            "05  CUST-AMOUNT      PIC S9(7)V99\n"
            "COMP-3.\n"
            "05  PFX               PIC X.\n"
            "05  pfx-low           PIC X.\n"
            "\n");
  // The replacement comes from the COPY statement, the rest of the word from the member.
  const std::string member = (data_dir() / "CUSTFLDS.cpy").string();
  expect_at(src, src.text.find("CUST-ID"), "main.cpy", 1, 51);
  expect_at(src, src.text.find("-ID"), member, 2, 21);
  expect_same_as_cobc(stmt);
}

TEST(CopyExpander, ReplacingLeadingAndTrailing) {
  const logical_source src =
      read_statements("COPY CUSTFLDS REPLACING LEADING ==PFX== BY ==CUST==.");
  // A literal is never changed; "pfx-low" matches ignoring case.
  expect_contains(src.text,
                  {"05  CUST-CODE ", "VALUE 'PFX-NAME'", "05  CODE-PFX ", "05  CUST-low "});
  expect_same_as_cobc("COPY CUSTFLDS REPLACING LEADING ==PFX== BY ==CUST==.");
  expect_same_as_cobc("COPY CUSTFLDS REPLACING TRAILING ==PFX== BY ==XX==.");
  expect_same_as_cobc(
      "COPY CUSTFLDS REPLACING\nLEADING ==PFX== BY ==A==\nTRAILING ==PFX== BY ==Z==.");
}

TEST(CopyExpander, ReplacingWordsAndLiterals) {
  const logical_source src =
      read_statements("COPY CUSTFLDS REPLACING PFX BY CUST\n'PFX-NAME' BY 'NEW'.");
  // A word operand matches whole words only: PFX-CODE and the literal stay.
  // ':' separates words, so :PFX: holds the word PFX.
  expect_contains(src.text,
                  {"05  CUST               PIC X.", "05  PFX-CODE ", "VALUE 'NEW'.", ":CUST:-ID"});
  expect_same_as_cobc("COPY CUSTFLDS REPLACING PFX BY CUST\n'PFX-NAME' BY 'NEW'.");
  expect_same_as_cobc("COPY CUSTFLDS REPLACING ==X== BY ==Y==.");
}

TEST(CopyExpander, ReplacingTextSequencesAcrossLines) {
  // "PIC S9(7)V99" and "COMP-3" stand on two lines; blanks and parentheses are separators.
  const logical_source src =
      read_statements("COPY CUSTFLDS REPLACING\n==PIC S9(7)V99 COMP-3== BY ==PIC 9(5)==.");
  EXPECT_NE(src.text.find("05  :PFX:-AMOUNT      PIC 9(5).\n"), std::string::npos);
  expect_same_as_cobc("COPY CUSTFLDS REPLACING\n==PIC S9(7)V99 COMP-3== BY ==PIC 9(5)==.");
  expect_same_as_cobc(
      "COPY CUSTFLDS REPLACING ==(6)== BY ==(8)==\n==X(3)== BY ==X(4)== ==X== BY ==A==.");
  expect_same_as_cobc("COPY CUSTFLDS REPLACING ==V99 COMP-3== BY ====.");
}

TEST(CopyExpander, NestedCopyGetsTheOuterReplacing) {
  const logical_source src = read_statements("COPY outer REPLACING ==:PFX:== BY ==ORD==.");
  EXPECT_TRUE(src.diagnostics.empty()) << messages(src);
  EXPECT_EQ(src.text.find(":PFX:"), std::string::npos);
  EXPECT_NE(src.text.find("05  ORD-ID "), std::string::npos);
  ASSERT_EQ(src.files.size(), 3u);
  expect_at(src, src.text.find("-NAME"), (data_dir() / "CUSTFLDS.cpy").string(), 3, 21);
  expect_same_as_cobc("COPY outer REPLACING ==:PFX:== BY ==ORD==.");
}

TEST(CopyExpander, MemberCopiedTwiceHasOneFileEntry) {
  const logical_source src = read_statements("COPY libmem.\nCOPY libmem OF sublib.\nCOPY libmem.");
  EXPECT_EQ(src.text,
            "05  FROM-TOP-FOLDER   PIC X(8).\n\n05  FROM-SUBLIB       PIC X(8).\n\n"
            "05  FROM-TOP-FOLDER   PIC X(8).\n\n");
  ASSERT_EQ(src.files.size(), 3u);
  const std::size_t last = src.text.rfind("05  FROM-TOP");
  expect_at(src, last, (data_dir() / "libmem.cpy").string(), 1, 12);
  expect_at(src, src.text.find("05  FROM-SUB"), (data_dir() / "sublib" / "libmem.cpy").string(), 1,
            12);
}

TEST(CopyExpander, LibraryQuotedNamesAndSpellings) {
  EXPECT_EQ(read_statements("COPY libmem OF sublib.").text, "05  FROM-SUBLIB       PIC X(8).\n\n");
  EXPECT_EQ(read_statements("COPY libmem IN SUBLIB.").text, "05  FROM-SUBLIB       PIC X(8).\n\n");
  // No such library folder: the member itself is used.
  EXPECT_EQ(read_statements("COPY libmem OF nolib.").text, "05  FROM-TOP-FOLDER   PIC X(8).\n\n");
  EXPECT_EQ(read_statements("COPY 'libmem.cpy' SUPPRESS.").text,
            "05  FROM-TOP-FOLDER   PIC X(8).\n\n");
  EXPECT_EQ(read_statements("copy LOWER.").text, "05  LOWER-NAME-FILE   PIC X.\n\n");
  EXPECT_NE(read_statements("COPY custflds.").text.find(":PFX:-ID"), std::string::npos);
  expect_same_as_cobc("COPY libmem OF sublib.");
}

TEST(CopyExpander, IncludingFolderComesFirst) {
  const test::temp_dir other;
  test::write_file(other.path() / "CUSTFLDS.cpy", "           05  WRONG PIC X.\n");
  parse_options opts;
  opts.include_dirs = {other.path()};
  const logical_source src = read_copybook_file((data_dir() / "outer.cpy").string(), opts);
  EXPECT_TRUE(src.diagnostics.empty()) << messages(src);
  EXPECT_EQ(src.text.find("WRONG"), std::string::npos);
  EXPECT_NE(src.text.find("PFX-CODE"), std::string::npos);
  // From memory there is no including folder: only the include dirs count.
  EXPECT_NE(read_copybook_text(test::area_b("COPY CUSTFLDS."), "m", opts).text.find("WRONG"),
            std::string::npos);
}

TEST(CopyExpander, MemberFormatIsDetectedSeparately) {
  const logical_source src = read_statements("01  R.\nCOPY freemem.\n05  S PIC X.");
  EXPECT_TRUE(src.diagnostics.empty()) << messages(src);
  EXPECT_EQ(src.text, "01  R.\n05 FREE-A PIC X(2).\n05 FREE-B PIC 9(4)\nCOMP.\n\n05  S PIC X.\n");
  expect_at(src, src.text.find("05 FREE-B"), (data_dir() / "freemem.cpy").string(), 3, 4);
}

TEST(CopyExpander, MissingMemberIsReportedAndTheRestReads) {
  const logical_source src = read_statements("01  R.\nCOPY NOSUCH.\n05  S PIC X.");
  ASSERT_EQ(src.diagnostics.size(), 1u) << messages(src);
  const diagnostic& d = src.diagnostics[0];
  EXPECT_EQ(d.level, severity::error);
  EXPECT_EQ(d.message, "COPY member 'NOSUCH' not found in: " + data_dir().string());
  EXPECT_EQ(d.where.file, "main.cpy");
  EXPECT_EQ(d.where.line, 2);
  EXPECT_EQ(d.where.column, 17);
  EXPECT_EQ(d.source_line, "           COPY NOSUCH.");
  EXPECT_EQ(src.text, "01  R.\n\n05  S PIC X.\n");
  const logical_source none = read_copybook_text(test::area_b("COPY X."), "m", {});
  ASSERT_EQ(none.diagnostics.size(), 1u);
  EXPECT_EQ(none.diagnostics[0].message,
            "COPY member 'X' not found: no folder to search (give -I)");
}

// Text from an untrusted client (allow_copy off): every COPY is the same error, found
// before any lookup, so nothing of a member reaches the text and nothing tells whether
// it exists (libmem exists on the search path; NOSUCH and /no/such do not).
TEST(CopyExpander, ForbiddenCopyReadsNoFileAndTellsNothing) {
  parse_options opts = with_data_dir();
  opts.allow_copy = false;
  std::vector<std::string> messages_seen;
  for (const char* statement : {"COPY libmem.", "COPY NOSUCH.", "copy libmem of sublib.", "COPY X IN nolib.",
                                "COPY '/etc/passwd'.", "COPY '/no/such'.", "COPY libmem REPLACING ==A== BY ==B==."}) {
    SCOPED_TRACE(statement);
    const logical_source src = read_copybook_text(test::area_b(std::string("01  R.\n") + statement),
                                                  "request", opts);
    ASSERT_EQ(src.diagnostics.size(), 1u) << messages(src);
    EXPECT_EQ(src.diagnostics[0].message, "COPY is not allowed here: the copybook must be self-contained");
    EXPECT_EQ(src.diagnostics[0].where.file, "request");
    EXPECT_EQ(src.text.find("FROM-"), std::string::npos);
    EXPECT_EQ(src.files.size(), 1u);  // only the request's own text
  }
}

TEST(CopyExpander, CyclesAreReported) {
  const fs::path dir = data_dir() / "cycle";
  const logical_source src = read_copybook_file((dir / "cyc_a.cpy").string(), {});
  ASSERT_EQ(src.diagnostics.size(), 1u) << messages(src);
  EXPECT_EQ(src.diagnostics[0].message,
            "COPY member 'cyc_a' copies itself: cyc_a.cpy -> cyc_b.cpy -> cyc_a.cpy");
  EXPECT_EQ(src.diagnostics[0].where.file, (dir / "cyc_b.cpy").string());
  EXPECT_EQ(src.diagnostics[0].where.line, 2);
  EXPECT_EQ(src.diagnostics[0].where.column, 17);
  EXPECT_EQ(src.text, "05  CYC-A             PIC X.\n05  CYC-B             PIC X.\n\n\n");
  const logical_source self = read_copybook_file((dir / "selfcopy.cpy").string(), {});
  ASSERT_EQ(self.diagnostics.size(), 1u);
  EXPECT_EQ(self.diagnostics[0].message,
            "COPY member 'selfcopy' copies itself: selfcopy.cpy -> selfcopy.cpy");
}

TEST(CopyExpander, DepthLimit) {
  const test::temp_dir dir;
  for (int i = 0; i < 60; ++i) {
    test::write_file(
        dir.path() / ("m" + std::to_string(i) + ".cpy"),
        test::area_b("05 F" + std::to_string(i) + " PIC X.\nCOPY m" + std::to_string(i + 1) + "."));
  }
  const logical_source src = read_copybook_file((dir.path() / "m0.cpy").string(), {});
  ASSERT_EQ(src.diagnostics.size(), 1u) << messages(src);
  EXPECT_EQ(src.diagnostics[0].message, "COPY members nested more than 50 levels deep at 'm51'");
  EXPECT_NE(src.text.find("F50 "), std::string::npos);
  EXPECT_EQ(src.text.find("F51 "), std::string::npos);
  // Text from memory counts the same levels.
  parse_options opts;
  opts.include_dirs = {dir.path()};
  const logical_source mem = read_copybook_text(test::area_b("COPY m1."), "m", opts);
  ASSERT_EQ(mem.diagnostics.size(), 1u) << messages(mem);
  EXPECT_EQ(mem.diagnostics[0].message, "COPY members nested more than 50 levels deep at 'm51'");
}

TEST(CopyExpander, MalformedStatements) {
  const logical_source no_period = read_statements("COPY libmem\n05  X PIC X.");
  ASSERT_EQ(no_period.diagnostics.size(), 1u);
  EXPECT_EQ(no_period.diagnostics[0].level, severity::warning);
  EXPECT_EQ(no_period.text, "05  FROM-TOP-FOLDER   PIC X(8).\n\n05  X PIC X.\n");
  const logical_source no_by = read_statements("COPY libmem REPLACING ==A== ==B==.\n05  X PIC X.");
  ASSERT_EQ(no_by.diagnostics.size(), 1u);
  EXPECT_EQ(no_by.diagnostics[0].message, "expected BY");
  EXPECT_EQ(no_by.diagnostics[0].where.column, 40);
  EXPECT_EQ(no_by.text, "\n05  X PIC X.\n");
  const logical_source open_pseudo = read_statements("COPY libmem REPLACING ==A BY B.");
  ASSERT_EQ(open_pseudo.diagnostics.size(), 1u);
  EXPECT_EQ(open_pseudo.diagnostics[0].message, "pseudo-text is not closed by '=='");
}

TEST(CopyExpander, ReplaceStatement) {
  const std::string stmts =
      "REPLACE ==:T:== BY ==ABC==.\n01  :T:-REC.\n05  :T:-F PIC X.\nREPLACE OFF.\n"
      "01  :T:-AFTER PIC X.";
  const logical_source src = read_statements(stmts);
  EXPECT_TRUE(src.diagnostics.empty()) << messages(src);
  EXPECT_EQ(src.text, "\n01  ABC-REC.\n05  ABC-F PIC X.\n\n01  :T:-AFTER PIC X.\n");
  expect_same_as_cobc(stmts);
  // ALSO stacks a level, LAST OFF removes it, OFF ends all; replaced text is not rescanned.
  const std::string stacked =
      "REPLACE ==A== BY ==X==.\n01 A PIC 9. 01 B PIC 9.\nREPLACE ALSO ==B== BY ==Y==.\n"
      "01 A PIC 9. 01 B PIC 9.\nREPLACE LAST OFF.\n01 A PIC 9. 01 B PIC 9.\nREPLACE OFF.\n"
      "01 A PIC 9. 01 B PIC 9.";
  EXPECT_EQ(test::cobol_words(read_statements(stacked).text),
            (std::vector<std::string>{"01", "X", "PIC", "9.", "01", "B", "PIC", "9.",  //
                                      "01", "X", "PIC", "9.", "01", "Y", "PIC", "9.",  //
                                      "01", "X", "PIC", "9.", "01", "B", "PIC", "9.",  //
                                      "01", "A", "PIC", "9.", "01", "B", "PIC", "9."}));
  expect_same_as_cobc(stacked);
  expect_same_as_cobc(
      "REPLACE ==A== BY ==X==.\nREPLACE ALSO ==X== BY ==Q==.\n01 A PIC 9. 01 X PIC 9.");
  // REPLACE also reaches text brought in by COPY.
  expect_same_as_cobc("REPLACE ==:PFX:== BY ==R==.\nCOPY CUSTFLDS.");
}

}  // namespace
}  // namespace mfb::copybook::detail
