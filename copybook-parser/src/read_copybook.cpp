// Entry points of the reader: one copybook file or text in, one logical source out.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "copy_expander.hpp"
#include "located_text.hpp"
#include "logical_source.hpp"
#include "source_reader.hpp"

namespace mfb::copybook::detail {
namespace {

// Format, COPY and REPLACE for the main text; `folder` is where its COPY members are
// looked for first (none for text held in memory).
logical_source read_main(const std::string& text, const std::string& name,
                         const std::filesystem::path& folder, std::vector<std::string> chain,
                         const parse_options& opts) {
  logical_source out;
  out.files.push_back(source_file{name, split_source_lines(text)});
  const located_text code = read_file_code(out.files.front(), 0, opts, out.diagnostics);
  const located_text expanded = expand_copy_statements(code, folder, opts, out, chain);
  located_text replaced = apply_replace_statements(expanded, out);
  out.text = std::move(replaced.text);
  out.spans = std::move(replaced.spans);
  return out;
}

}  // namespace

logical_source read_copybook_text(const std::string& text, const std::string& name,
                                  const parse_options& opts) {
  // The chain counts nesting levels; text from memory has no path a member could match,
  // but among members held in memory its own name is what a COPY of itself would find.
  return read_main(text, name, {}, {opts.members.empty() ? std::string() : name}, opts);
}

logical_source read_copybook_file(const std::string& path, const parse_options& opts) {
  std::error_code ec;
  std::ifstream in;
  // A folder opens as a stream on Linux and reads as empty: refuse it (pipes such as
  // /dev/stdin are fine).
  if (!std::filesystem::is_directory(path, ec)) in.open(path, std::ios::binary);
  if (!in.is_open()) {
    logical_source out;
    out.files.push_back(source_file{path, {}});
    diagnostic d;
    d.where = {path, 0, 0};
    d.message = "cannot open copybook '" + path + "'";
    out.diagnostics.push_back(std::move(d));
    return out;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (folder.empty()) folder = ".";
  const std::string canonical = std::filesystem::weakly_canonical(path, ec).string();
  return read_main(buffer.str(), path, folder, {canonical}, opts);
}

}  // namespace mfb::copybook::detail
