// Public entry points and the grammar driver: one data description entry at a time, so a
// syntax error costs one entry and the rest of the copybook is still checked.

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <functional>

#include "config.hpp"
#include "grammar.hpp"
#include "mfb/copybook/parse.hpp"
#include "resolver.hpp"

namespace mfb::copybook {
namespace detail {
namespace {

namespace x3 = boost::spirit::x3;
using iterator = grammar::iterator_type;

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

std::string upper_word(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

/// Skip whitespace and separators between entries (a stray period counts as one).
void skip_separators(iterator& it, iterator end) {
  while (it != end && (is_space(*it) || *it == ',' || *it == ';' || *it == '.')) ++it;
}

std::string word_at(iterator it, iterator end) {
  if (it != end && *it == '.') return ".";
  std::string w;
  while (it != end && !is_space(*it) && w.size() < 30) {
    if (*it == '.' && (it + 1 == end || is_space(*(it + 1)))) break;
    w.push_back(*it++);
  }
  return w;
}

/// True when `it` starts a line whose first word is a level number.
bool at_level_line(iterator it, iterator end) {
  while (it != end && (*it == ' ' || *it == '\t')) ++it;
  int digits = 0;
  while (it != end && is_digit(*it)) {
    ++it;
    ++digits;
  }
  return digits >= 1 && digits <= 2 && (it == end || is_space(*it));
}

/// Resume after an error: after the next period that ends a sentence, or at the next line
/// that starts with a level number, whichever comes first. Quoted literals are skipped.
iterator recover(iterator it, iterator end) {
  while (it != end) {
    char c = *it;
    if (c == '"' || c == '\'') {
      auto close = std::find(it + 1, end, c);
      if (close == end) return end;
      it = close + 1;
      continue;
    }
    if (c == '.' && (it + 1 == end || is_space(*(it + 1)))) return it + 1;
    if (c == '\n' && at_level_line(it + 1, end)) return it + 1;
    ++it;
  }
  return end;
}

/// The level number and name of an entry that failed to parse, so the hierarchy survives.
ast::entry placeholder(iterator start, iterator end, std::size_t offset) {
  ast::entry e;
  e.offset = offset;
  e.incomplete = true;
  iterator it = start;
  while (it != end && is_digit(*it)) {
    e.level = e.level * 10 + static_cast<unsigned>(*it - '0');
    ++it;
  }
  while (it != end && is_space(*it)) ++it;
  std::string name;
  while (it != end && (std::isalnum(static_cast<unsigned char>(*it)) || *it == '-' || *it == '_')) {
    name.push_back(*it++);
  }
  if (!name.empty()) e.name = name;
  return e;
}

/// The message for an expectation failure; an unclosed literal gets its own words.
std::string failure_message(const grammar::parse_failure& f, iterator at, iterator end) {
  iterator q = at;
  if (q != end && std::strchr("XxNnGg", *q) != nullptr && q + 1 != end && (q[1] == '\'' || q[1] == '"')) ++q;
  if (q != end && (*q == '\'' || *q == '"')) {
    iterator eol = std::find(q + 1, end, '\n');
    if (std::find(q + 1, eol, *q) == eol) return "missing closing quote for this literal";
  }
  std::string found = word_at(at, end);
  return "expected " + f.expected + (found.empty() ? std::string() : ", found '" + found + "'");
}

}  // namespace

std::vector<ast::entry> parse_entries(const logical_source& src, std::vector<diagnostic>& diags) {
  std::vector<ast::entry> entries;
  const std::string& text = src.text;
  iterator const begin = text.cbegin();
  iterator const end = text.cend();
  auto offset = [&](iterator i) { return static_cast<std::size_t>(i - begin); };
  grammar::reporter_type reporter{begin, {}};
  auto const parser = x3::with<grammar::reporter_tag>(std::ref(reporter))[grammar::entry()];

  iterator it = begin;
  for (;;) {
    skip_separators(it, end);
    if (it == end) break;
    if (!is_digit(*it)) {
      diags.push_back(src.make_diagnostic(
          offset(it), "expected a level number (01-49, 66, 77 or 88) to begin a data "
                      "description entry, found '" + word_at(it, end) + "'"));
      it = recover(it, end);
      continue;
    }
    ast::entry e;
    reporter.failures.clear();
    iterator const start = it;
    bool ok = x3::phrase_parse(it, end, parser, grammar::skipper, e);
    if (!ok) {
      entries.push_back(placeholder(start, end, offset(start)));
      if (!reporter.failures.empty()) {
        const auto& f = reporter.failures.front();
        // Point at the word that is there instead, not at the spaces before it.
        iterator at = begin + static_cast<std::ptrdiff_t>(f.offset);
        while (at != end && is_space(*at)) ++at;
        diags.push_back(src.make_diagnostic(offset(at), failure_message(f, at, end)));
        it = recover(at, end);
      } else {
        diags.push_back(src.make_diagnostic(offset(start), "cannot parse this data description entry"));
        it = recover(start, end);
      }
      continue;
    }
    if (it == end) {
      entries.push_back(std::move(e));  // a missing final period is tolerated
      break;
    }
    if (*it == '.') {
      ++it;
      entries.push_back(std::move(e));
      continue;
    }
    if (at_level_line(it, end)) {
      // Only the last entry may lack its period; the next one is parsed normally.
      diags.push_back(src.make_diagnostic(offset(it), "missing period before level number " +
                                                          word_at(it, end)));
      entries.push_back(std::move(e));
      continue;
    }
    std::string what = e.name ? "the data description entry of " + upper_word(*e.name)
                              : "this data description entry";
    diags.push_back(
        src.make_diagnostic(offset(it), "unexpected '" + word_at(it, end) + "' in " + what));
    entries.push_back(std::move(e));
    it = recover(it, end);
  }
  return entries;
}

}  // namespace detail

namespace {

std::string stem_name(const std::string& file) {
  std::string stem = std::filesystem::path(file).stem().string();
  std::string out;
  for (char c : stem) {
    out.push_back(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'
                      ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
                      : '-');
  }
  return out.empty() ? std::string("RECORD") : out;
}

// Diagnostics in the order of the text (each file's in line and column order, the files in
// the order they first appear): the parser finds some in later passes, and a reader fixes
// a copybook from the top.
void sort_by_place(std::vector<diagnostic>& ds) {
  std::vector<std::string> files;
  auto file_rank = [&](const std::string& f) {
    auto at = std::find(files.begin(), files.end(), f);
    if (at == files.end()) at = files.insert(at, f);
    return at - files.begin();
  };
  for (const auto& d : ds) file_rank(d.where.file);
  std::stable_sort(ds.begin(), ds.end(), [&](const diagnostic& x, const diagnostic& y) {
    auto fx = file_rank(x.where.file), fy = file_rank(y.where.file);
    if (fx != fy) return fx < fy;
    if (x.where.line != y.where.line) return x.where.line < y.where.line;
    return x.where.column < y.where.column;
  });
}

parse_result finish(detail::logical_source src, const std::string& name, const parse_options& opts) {
  parse_result result;
  result.diagnostics = std::move(src.diagnostics);
  std::vector<diagnostic> diags;
  auto entries = detail::parse_entries(src, diags);
  detail::resolve_options ropts;
  ropts.default_record_name = stem_name(name);
  ropts.cobrix_extensions = opts.cobrix_extensions;
  ropts.text_odo_objects = opts.text_odo_objects;
  ropts.limits = opts.limits;
  result.records = detail::resolve(entries, src, ropts, diags);
  for (auto& d : diags) result.diagnostics.push_back(std::move(d));
  sort_by_place(result.diagnostics);
  return result;
}

}  // namespace

parse_result parse_copybook_file(const std::filesystem::path& file, const parse_options& opts) {
  return finish(detail::read_copybook_file(file.string(), opts), file.string(), opts);
}

parse_result parse_copybook_text(std::string_view text, std::string name,
                                 const parse_options& opts) {
  return finish(detail::read_copybook_text(std::string(text), name, opts), name, opts);
}

namespace {

void append(parse_result& all, parse_result one) {
  for (auto& r : one.records) all.records.push_back(std::move(r));
  for (auto& d : one.diagnostics) all.diagnostics.push_back(std::move(d));
}

}  // namespace

parse_result parse_copybook_texts(const std::vector<source_text>& texts,
                                  const parse_options& opts) {
  parse_result all;
  for (const auto& t : texts) append(all, parse_copybook_text(t.text, t.name, opts));
  return all;
}

parse_result parse_copybook_files(const std::vector<std::filesystem::path>& files,
                                  const parse_options& opts) {
  parse_result all;
  for (const auto& f : files) append(all, parse_copybook_file(f, opts));
  return all;
}

}  // namespace mfb::copybook
