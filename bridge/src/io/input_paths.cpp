// Input paths, folders and Hadoop globs -> the files of a run (input_paths.hpp). The glob is
// matched one path component at a time against real folder listings, as Hadoop's Globber
// does, so a pattern never walks deeper than it names.

#include "mfb/bridge/io/input_paths.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace mfb::bridge {

namespace fs = std::filesystem;

namespace {

bool has_glob_chars(const std::string& s) {
  return s.find_first_of("*?[{\\") != std::string::npos;
}

// The component without its escapes (a component with no glob characters left).
std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) ++i;
    out += s[i];
  }
  return out;
}

// Whether the bracket class starting at p[at] == '[' holds `c`; `next` is past its ']'.
// False with next == at when the class is not closed (then '[' is an ordinary character).
bool class_matches(const std::string& p, std::size_t at, char c, std::size_t& next) {
  std::size_t i = at + 1;
  const bool negated = i < p.size() && (p[i] == '^' || p[i] == '!');
  if (negated) ++i;
  bool hit = false;
  for (; i < p.size() && p[i] != ']'; ++i) {
    char lo = p[i];
    if (lo == '\\' && i + 1 < p.size()) lo = p[++i];
    char hi = lo;
    if (i + 2 < p.size() && p[i + 1] == '-' && p[i + 2] != ']') {
      i += 2;
      hi = p[i] == '\\' && i + 1 < p.size() ? p[++i] : p[i];
    }
    if (c >= lo && c <= hi) hit = true;
  }
  if (i >= p.size()) {
    next = at;
    return false;
  }
  next = i + 1;
  return hit != negated;
}

// Whether the single-character item at p[pi] matches `c`; `next` is past the item.
bool item_matches(const std::string& p, std::size_t pi, char c, std::size_t& next) {
  if (p[pi] == '?') {
    next = pi + 1;
    return true;
  }
  if (p[pi] == '[') {
    if (class_matches(p, pi, c, next)) return true;
    if (next != pi) return false;  // a closed class that does not hold c
  }
  if (p[pi] == '\\' && pi + 1 < p.size()) {
    next = pi + 2;
    return p[pi + 1] == c;
  }
  next = pi + 1;
  return p[pi] == c;
}

std::string join(const std::string& dir, const std::string& name) {
  if (dir.empty()) return name;
  return dir.back() == '/' ? dir + name : dir + "/" + name;
}

std::vector<std::string> split_components(const std::string& pattern) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= pattern.size()) {
    std::size_t slash = pattern.find('/', start);
    if (slash == std::string::npos) slash = pattern.size();
    if (slash > start) parts.push_back(pattern.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

// The entries of `dir` matching `component`; hidden names left out when `last`.
result<std::vector<std::string>> matching_entries(const std::string& dir,
                                                  const std::string& component, bool last) {
  std::vector<std::string> out;
  std::error_code ec;
  fs::directory_iterator it(dir.empty() ? "." : dir, ec), end;
  if (ec) return error{(dir.empty() ? "." : dir) + ": cannot list the folder: " + ec.message()};
  for (; it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (last && hidden_input_name(name)) continue;
    if (glob_component_matches(component, name)) out.push_back(join(dir, name));
  }
  if (ec) return error{dir + ": cannot list the folder: " + ec.message()};
  return out;
}

// The paths one brace-free pattern names (files or folders), before folders are listed.
result<std::vector<std::string>> glob_matches(const std::string& pattern) {
  std::vector<std::string> found{pattern.rfind('/', 0) == 0 ? "/" : ""};
  const auto parts = split_components(pattern);
  for (std::size_t k = 0; k < parts.size(); ++k) {
    const bool last = k + 1 == parts.size();
    std::vector<std::string> next;
    for (const auto& dir : found) {
      std::error_code ec;
      if (!has_glob_chars(parts[k])) {
        std::string path = join(dir, unescape(parts[k]));
        if (fs::exists(path, ec)) next.push_back(std::move(path));
        continue;
      }
      if (!dir.empty() && !fs::is_directory(dir, ec)) continue;
      auto entries = matching_entries(dir, parts[k], last);
      if (!entries) return entries.err();
      next.insert(next.end(), entries->begin(), entries->end());
    }
    found = std::move(next);
  }
  if (parts.empty()) found.clear();
  return found;
}

// A match: a file as it is, a folder as its files one level deep (hidden ones skipped).
result<std::vector<std::string>> files_of(const std::string& path) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return std::vector<std::string>{path};
  std::vector<std::string> files;
  fs::directory_iterator it(path, ec), end;
  if (ec) return error{path + ": cannot list the folder: " + ec.message()};
  for (; it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    std::error_code type_ec;
    if (!hidden_input_name(name) && !fs::is_directory(it->path(), type_ec))
      files.push_back(join(path, name));
  }
  if (ec) return error{path + ": cannot list the folder: " + ec.message()};
  return files;
}

}  // namespace

bool hidden_input_name(const std::string& name) {
  return !name.empty() && (name[0] == '.' || name[0] == '_');
}

bool names_several_files(const std::string& path) {
  if (path == "-") return false;
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (fs::is_directory(status)) return true;
  return !fs::exists(status) && has_glob_chars(path);
}

bool glob_component_matches(const std::string& p, const std::string& s) {
  std::size_t pi = 0, si = 0, star = std::string::npos, mark = 0;
  while (si < s.size()) {
    std::size_t next = 0;
    if (pi < p.size() && p[pi] == '*') {
      star = pi++;
      mark = si;
    } else if (pi < p.size() && item_matches(p, pi, s[si], next)) {
      pi = next;
      ++si;
    } else if (star != std::string::npos) {
      pi = star + 1;
      si = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

std::vector<std::string> expand_braces(const std::string& pattern) {
  std::size_t open = std::string::npos;
  int depth = 0;
  std::vector<std::size_t> commas;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;
    } else if (c == '{') {
      if (depth++ == 0) open = i;
    } else if (c == ',' && depth == 1) {
      commas.push_back(i);
    } else if (c == '}' && depth > 0 && --depth == 0) {
      const std::string head = pattern.substr(0, open), tail = pattern.substr(i + 1);
      std::vector<std::string> out;
      std::size_t from = open + 1;
      commas.push_back(i);
      for (std::size_t cut : commas) {
        for (auto& rest : expand_braces(pattern.substr(from, cut - from) + tail))
          out.push_back(head + rest);
        from = cut + 1;
      }
      return out;
    }
  }
  return {pattern};  // no alternatives (an unclosed '{' is an ordinary character)
}

result<std::vector<std::string>> expand_input_paths(const std::vector<std::string>& patterns) {
  std::vector<std::string> all;
  for (const auto& pattern : patterns) {
    std::vector<std::string> files;
    std::error_code ec;
    // A file or folder that exists under the exact name is itself, glob characters or not.
    const bool exact = fs::exists(pattern, ec) || pattern == "-";
    std::vector<std::string> matches;
    if (exact) {
      matches.push_back(pattern);
    } else {
      for (const auto& alternative : expand_braces(pattern)) {
        auto found = glob_matches(alternative);
        if (!found) return error{pattern + ": " + found.err().message};
        matches.insert(matches.end(), found->begin(), found->end());
      }
    }
    for (const auto& m : matches) {
      auto of = m == "-" ? result<std::vector<std::string>>(std::vector<std::string>{m}) : files_of(m);
      if (!of) return of.err();
      files.insert(files.end(), of->begin(), of->end());
    }
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    if (files.empty()) {
      std::error_code dir_ec;
      return error{pattern + (exact && fs::is_directory(pattern, dir_ec)
                                  ? ": the folder holds no input file (names starting with . or _ are hidden)"
                                  : ": matches no file")};
    }
    all.insert(all.end(), files.begin(), files.end());
  }
  return all;
}

}  // namespace mfb::bridge
