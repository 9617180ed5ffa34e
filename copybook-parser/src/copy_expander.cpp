// COPY expansion and REPLACE processing over located text.

#include "copy_expander.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

#include "replacing.hpp"
#include "source_reader.hpp"
#include "statement_parser.hpp"
#include "text_words.hpp"

namespace mfb::copybook::detail {
namespace fs = std::filesystem;
namespace {

std::string with_case(std::string s, bool upper) {
  for (char& c : s) {
    const auto u = static_cast<unsigned char>(c);
    c = static_cast<char>(upper ? std::toupper(u) : std::tolower(u));
  }
  return s;
}

// The spellings to try for a name: as written, upper case, lower case.
std::vector<std::string> spellings(const std::string& name) {
  std::vector<std::string> out{name};
  for (const bool upper : {true, false}) {
    std::string s = with_case(name, upper);
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  }
  return out;
}

const char* const member_extensions[] = {"",     ".cpy",  ".CPY",  ".cob", ".COB", ".cbl",
                                         ".CBL", ".copy", ".COPY", ".txt", ".TXT"};

std::optional<fs::path> find_in(const fs::path& dir, const std::string& member) {
  for (const std::string& base : spellings(member)) {
    for (const char* ext : member_extensions) {
      const fs::path p = dir.empty() ? fs::path(base + ext) : dir / (base + ext);
      std::error_code ec;
      if (fs::is_regular_file(p, ec)) return p;
    }
  }
  return std::nullopt;
}

diagnostic diagnostic_at(const located_text& text, std::size_t offset, const logical_source& out,
                         std::string message, severity level) {
  diagnostic d;
  d.level = level;
  d.where = locate_offset(text.spans, out.files, offset);
  d.message = std::move(message);
  if (const source_span* s = find_span(text.spans, offset)) {
    d.source_line = stored_line(out.files, s->file_index, d.where.line);
  }
  return d;
}

std::optional<std::string> read_whole_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string folder_list(const std::vector<fs::path>& folders) {
  std::string s;
  for (const fs::path& f : folders) {
    if (!s.empty()) s += ", ";
    s += f.empty() ? std::string(".") : f.string();
  }
  return s;
}

}  // namespace

const source_text* find_memory_member(const std::string& member,
                                      const std::vector<source_text>& members) {
  for (const std::string& base : spellings(member)) {
    for (const char* ext : member_extensions) {
      for (const source_text& m : members)
        if (fs::path(m.name).filename().string() == base + ext) return &m;
    }
  }
  return nullptr;
}

std::optional<fs::path> find_copy_member(const std::string& member, const std::string& library,
                                         const std::vector<fs::path>& folders) {
  if (fs::path(member).is_absolute()) return find_in({}, member);
  if (!library.empty()) {
    for (const fs::path& dir : folders) {
      for (const std::string& lib : spellings(library)) {
        if (auto p = find_in(dir / lib, member)) return p;
      }
    }
  }
  for (const fs::path& dir : folders) {
    if (auto p = find_in(dir, member)) return p;
  }
  return std::nullopt;
}

namespace {

// A COPY member found: its path (or name in memory), the key the chain of members being
// expanded holds for it, and its text when it is held in memory.
struct member_file {
  fs::path path;
  std::string key;
  std::optional<std::string> text;
};

// Find the member of `s` among the members in memory, else on the search path (the
// including file's folder, then the include dirs); return why not when it is nowhere.
std::string locate_member(const copy_statement& s, const std::string& shown,
                          const fs::path& including_dir, const parse_options& opts,
                          member_file& out) {
  if (!opts.members.empty()) {
    const source_text* m = find_memory_member(s.member, opts.members);
    if (!m) return "COPY member '" + shown + "' not found among the copybooks held in memory";
    out = {fs::path(m->name), m->name, m->text};
    return {};
  }
  std::vector<fs::path> folders;
  if (!including_dir.empty()) folders.push_back(including_dir);
  folders.insert(folders.end(), opts.include_dirs.begin(), opts.include_dirs.end());
  const std::optional<fs::path> found = find_copy_member(s.member, s.library, folders);
  if (!found) {
    if (folders.empty()) return "COPY member '" + shown + "' not found: no folder to search (give -I)";
    return "COPY member '" + shown + "' not found in: " + folder_list(folders);
  }
  std::error_code ec;
  out = {*found, fs::weakly_canonical(*found, ec).string(), std::nullopt};
  return {};
}

// Read one member, expand its own COPY statements, then apply the REPLACING phrase that
// copied it (which therefore also reaches members it copies, as in GnuCOBOL).
std::optional<located_text> copy_member(const located_text& text, const copy_statement& s,
                                        const fs::path& including_dir, const parse_options& opts,
                                        logical_source& out, std::vector<std::string>& chain) {
  auto error = [&](std::string message) {
    out.diagnostics.push_back(
        diagnostic_at(text, s.member_offset, out, std::move(message), severity::error));
    return std::nullopt;
  };
  // Checked before the search path is built: no stat, no open, nothing about the member.
  if (!opts.allow_copy) return error("COPY is not allowed here: the copybook must be self-contained");
  const std::string shown = s.library.empty() ? s.member : s.member + " OF " + s.library;
  member_file m;
  if (std::string why = locate_member(s, shown, including_dir, opts, m); !why.empty())
    return error(std::move(why));
  const std::optional<fs::path> found = m.path;
  const std::string& canonical = m.key;
  std::optional<std::string> bytes = std::move(m.text);
  if (std::find(chain.begin(), chain.end(), canonical) != chain.end()) {
    std::string cycle;
    for (const std::string& c : chain) cycle += fs::path(c).filename().string() + " -> ";
    return error("COPY member '" + shown + "' copies itself: " + cycle +
                 found->filename().string());
  }
  if (chain.size() > static_cast<std::size_t>(max_copy_depth)) {
    return error("COPY members nested more than " + std::to_string(max_copy_depth) +
                 " levels deep at '" + shown + "'");
  }
  if (!bytes) bytes = read_whole_file(*found);
  if (!bytes) return error("cannot read COPY member '" + found->string() + "'");

  // A member copied again (from another place) keeps its one entry in `files`.
  const auto known = std::find_if(out.files.begin(), out.files.end(),
                                  [&](const source_file& f) { return f.name == found->string(); });
  const int index = static_cast<int>(known - out.files.begin());
  if (known == out.files.end()) {
    out.files.push_back(source_file{found->string(), split_source_lines(*bytes)});
  }
  const located_text code =
      read_file_code(out.files[static_cast<std::size_t>(index)], index, opts, out.diagnostics);
  chain.push_back(canonical);
  const fs::path folder = opts.members.empty() ? found->parent_path() : fs::path();
  located_text expanded = expand_copy_statements(code, folder, opts, out, chain);
  chain.pop_back();
  if (s.rules.empty()) return expanded;
  return apply_replacing(expanded, s.rules);
}

// Report a statement's problems; tell whether the statement can still be carried out.
bool report(const located_text& text, const std::optional<statement_error>& warning,
            const std::optional<statement_error>& error, logical_source& out) {
  if (warning) {
    out.diagnostics.push_back(
        diagnostic_at(text, warning->offset, out, warning->message, severity::warning));
  }
  if (error) {
    out.diagnostics.push_back(
        diagnostic_at(text, error->offset, out, error->message, severity::error));
  }
  return !error;
}

}  // namespace

located_text expand_copy_statements(const located_text& text, const fs::path& including_dir,
                                    const parse_options& opts, logical_source& out,
                                    std::vector<std::string>& chain) {
  // Most copybooks copy nothing: skip splitting them into words.
  if (!contains_word_text(text.text, "COPY")) return text;
  const std::vector<text_word> words = split_text_words(text.text);
  located_text result;
  std::size_t copied = 0;
  std::size_t i = 0;
  while (i < words.size()) {
    if (!is_keyword(text, words, i, "COPY")) {
      ++i;
      continue;
    }
    const copy_statement s = parse_copy_statement(text, words, i);
    result.append_slice(text, copied, words[i].begin - copied);
    copied = s.end;
    i = s.next_word;
    if (!report(text, s.warning, s.error, out)) continue;
    if (auto member = copy_member(text, s, including_dir, opts, out, chain)) {
      result.append(*member);
    }
  }
  result.append_slice(text, copied, text.text.size() - copied);
  return result;
}

located_text apply_replace_statements(const located_text& text, logical_source& out) {
  if (!contains_word_text(text.text, "REPLACE")) return text;
  const std::vector<text_word> words = split_text_words(text.text);
  located_text result;
  // REPLACE ALSO stacks a level on the active ones and REPLACE LAST OFF removes the top
  // level; a plain REPLACE or REPLACE OFF ends them all.
  std::vector<std::vector<replacement>> levels;
  std::vector<replacement> active;  // the levels flattened, most recent first
  std::size_t copied = 0;
  auto flush = [&](std::size_t until) {
    if (active.empty()) {
      result.append_slice(text, copied, until - copied);
      return;
    }
    located_text piece;
    piece.append_slice(text, copied, until - copied);
    result.append(apply_replacing(piece, active));
  };
  std::size_t i = 0;
  while (i < words.size()) {
    if (!is_keyword(text, words, i, "REPLACE")) {
      ++i;
      continue;
    }
    replace_statement s = parse_replace_statement(text, words, i);
    flush(words[i].begin);
    copied = s.end;
    i = s.next_word;
    if (!report(text, s.warning, s.error, out)) continue;
    if (s.off && s.last) {
      if (!levels.empty()) levels.pop_back();
    } else if (s.off || !s.also) {
      levels.clear();
    }
    if (!s.off) levels.push_back(std::move(s.rules));
    active.clear();
    for (auto level = levels.rbegin(); level != levels.rend(); ++level) {
      active.insert(active.end(), level->begin(), level->end());
    }
  }
  flush(text.text.size());
  return result;
}

}  // namespace mfb::copybook::detail
