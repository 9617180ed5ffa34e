// Entry points of the reader: one copybook file or text in, one logical source out.

#include <fstream>
#include <sstream>

#include "located_text.hpp"
#include "logical_source.hpp"
#include "source_reader.hpp"

namespace mfb::copybook::detail {

logical_source read_copybook_text(const std::string& text, const std::string& name,
                                  const parse_options& opts) {
  logical_source out;
  out.files.push_back(source_file{name, split_source_lines(text)});
  const auto& lines = out.files.front().lines;
  const source_format format = opts.format == source_format::automatic
                                   ? detect_source_format(lines, opts.fixed_right_margin)
                                   : opts.format;
  located_text code = read_code_lines(lines, 0, name, format, opts, out.diagnostics);
  out.text = std::move(code.text);
  out.spans = std::move(code.spans);
  return out;
}

logical_source read_copybook_file(const std::string& path, const parse_options& opts) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
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
  return read_copybook_text(buffer.str(), path, opts);
}

}  // namespace mfb::copybook::detail
