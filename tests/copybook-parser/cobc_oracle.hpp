#pragma once
// GnuCOBOL's preprocessor (`cobc -std=ibm -E`) as an independent oracle for the source
// reader and COPY expander: both outputs are compared as sequences of COBOL words.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "test_support.hpp"

namespace mfb::test {

/// Split COBOL text into words: runs of non-blank characters, where a literal (quotes
/// included, blanks inside kept) is part of its word; ", " and "; " count as blanks and
/// cobc's "#line" markers are skipped. Words are compared as written (case kept).
inline std::vector<std::string> cobol_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  char quote = 0;
  bool line_start = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote == 0 && line_start && text.substr(i, 5) == "#line") {
      while (i < text.size() && text[i] != '\n') ++i;
      continue;
    }
    line_start = c == '\n';
    if (quote != 0) {
      word.push_back(c);
      if (c == quote) quote = 0;  // a doubled quote just reopens at the next character
      continue;
    }
    const bool separator_punct =
        (c == ',' || c == ';') &&
        (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n');
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || separator_punct) {
      if (!word.empty()) words.push_back(word);
      word.clear();
      continue;
    }
    if (c == '"' || c == '\'') quote = c;
    word.push_back(c);
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

/// Indent each line of `statements` to column 12 (area B of fixed format), so that the
/// same text serves as a copybook for our reader and as program text for cobc.
inline std::string area_b(std::string_view statements) {
  std::string out;
  std::size_t pos = 0;
  while (pos < statements.size()) {
    std::size_t nl = statements.find('\n', pos);
    if (nl == std::string_view::npos) nl = statements.size();
    out += "           ";
    out += statements.substr(pos, nl - pos);
    out += '\n';
    pos = nl + 1;
  }
  return out;
}

/// Run `cobc -std=ibm -E` on a program whose WORKING-STORAGE holds `statements` (lines
/// put in area B, e.g. a COPY statement), with `-I` for each include dir, and return the
/// words cobc produced for them; nullopt when cobc is missing or fails.
inline std::optional<std::vector<std::string>> cobc_expand(
    const std::filesystem::path& work_dir, const std::string& statements,
    const std::vector<std::filesystem::path>& include_dirs = {},
    const std::string& extra_flags = "") {
  if (!have_program("cobc")) return std::nullopt;
  const auto program = work_dir / "oracle_main.cbl";
  write_file(program,
             "       IDENTIFICATION DIVISION.\n"
             "       PROGRAM-ID. ORACLE.\n"
             "       DATA DIVISION.\n"
             "       WORKING-STORAGE SECTION.\n" +
                 area_b(statements) +
                 "       PROCEDURE DIVISION.\n"
                 "           STOP RUN.\n");
  std::string command = "cd '" + work_dir.string() + "' && cobc -std=ibm -E " + extra_flags;
  for (const auto& dir : include_dirs) command += " -I '" + dir.string() + "'";
  command += " oracle_main.cbl";
  const command_result r = run_command(command);
  if (r.status != 0) return std::nullopt;
  std::vector<std::string> words = cobol_words(r.out);
  std::vector<std::string> member;
  bool inside = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!inside && words[i] == "WORKING-STORAGE" && i + 1 < words.size() &&
        words[i + 1] == "SECTION.") {
      inside = true;
      ++i;
      continue;
    }
    if (inside && words[i] == "PROCEDURE") break;
    if (inside) member.push_back(words[i]);
  }
  return member;
}

}  // namespace mfb::test
