// The source map of a logical source: building it run by run and reading it back.

#include "logical_source.hpp"

#include <algorithm>
#include <utility>

#include "located_text.hpp"

namespace mfb::copybook::detail {

void located_text::append_run(std::string_view s, int file_index, int line, int column) {
  if (s.empty()) return;
  const std::size_t at = text.size();
  text.append(s);
  if (!spans.empty()) {
    source_span& last = spans.back();
    // Extend the previous run when this one continues it column for column, so that a
    // line read in several pieces still costs one span.
    if (last.file_index == file_index && last.line == line &&
        last.text_offset + last.length == at &&
        last.column + static_cast<int>(last.length) == column) {
      last.length += s.size();
      return;
    }
  }
  spans.push_back(source_span{at, s.size(), file_index, line, column});
}

void located_text::append_slice(const located_text& from, std::size_t offset, std::size_t length) {
  if (length == 0 || offset >= from.text.size()) return;
  length = std::min(length, from.text.size() - offset);
  const std::size_t end = offset + length;
  auto it =
      std::upper_bound(from.spans.begin(), from.spans.end(), offset,
                       [](std::size_t off, const source_span& s) { return off < s.text_offset; });
  if (it != from.spans.begin()) --it;
  std::size_t pos = offset;
  for (; it != from.spans.end() && pos < end; ++it) {
    const std::size_t span_end = it->text_offset + it->length;
    if (span_end <= pos) continue;
    const std::size_t piece_end = std::min(end, span_end);
    const std::size_t skip = pos - it->text_offset;
    append_run(std::string_view(from.text).substr(pos, piece_end - pos), it->file_index, it->line,
               it->column + static_cast<int>(skip));
    pos = piece_end;
  }
}

void located_text::truncate(std::size_t new_size) {
  if (new_size >= text.size()) return;
  text.resize(new_size);
  while (!spans.empty() && spans.back().text_offset >= new_size) spans.pop_back();
  if (!spans.empty()) {
    source_span& last = spans.back();
    last.length = std::min(last.length, new_size - last.text_offset);
  }
}

const source_span* find_span(const std::vector<source_span>& spans, std::size_t text_offset) {
  if (spans.empty()) return nullptr;
  auto it =
      std::upper_bound(spans.begin(), spans.end(), text_offset,
                       [](std::size_t off, const source_span& s) { return off < s.text_offset; });
  if (it == spans.begin()) return &*it;
  return &*std::prev(it);
}

source_location locate_offset(const std::vector<source_span>& spans,
                              const std::vector<source_file>& files, std::size_t text_offset) {
  source_location where;
  const source_span* span = find_span(spans, text_offset);
  if (span == nullptr) {
    if (!files.empty()) where = {files.front().name, 1, 1};
    return where;
  }
  if (span->file_index >= 0 && static_cast<std::size_t>(span->file_index) < files.size()) {
    where.file = files[static_cast<std::size_t>(span->file_index)].name;
  }
  where.line = span->line;
  // Offsets past the end of the last span (the end of the text) point just after it.
  const std::size_t into = text_offset >= span->text_offset ? text_offset - span->text_offset : 0;
  where.column = span->column + static_cast<int>(into);
  return where;
}

std::string stored_line(const std::vector<source_file>& files, int file_index, int line) {
  if (file_index < 0 || static_cast<std::size_t>(file_index) >= files.size()) return {};
  const auto& lines = files[static_cast<std::size_t>(file_index)].lines;
  if (line < 1 || static_cast<std::size_t>(line) > lines.size()) return {};
  return lines[static_cast<std::size_t>(line - 1)];
}

source_location logical_source::locate(std::size_t text_offset) const {
  return locate_offset(spans, files, text_offset);
}

std::string logical_source::line_at(const source_location& where) const {
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (files[i].name == where.file) return stored_line(files, static_cast<int>(i), where.line);
  }
  return {};
}

diagnostic logical_source::make_diagnostic(std::size_t text_offset, std::string message,
                                           severity level) const {
  diagnostic d;
  d.level = level;
  d.where = locate(text_offset);
  d.message = std::move(message);
  d.source_line = line_at(d.where);
  return d;
}

}  // namespace mfb::copybook::detail
