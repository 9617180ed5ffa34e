// --copybook-text, --copybook-format and --copybook-columns (see copybook_source_options.hpp).
// The columns are IBM's reference format moved: columns 1 to SEQ are the sequence area,
// SEQ + 1 is the indicator column and code runs to LAST. Cobrix's comments_lbound and
// comments_ubound are the same two numbers (it keeps the characters after the first
// comments_lbound and up to comments_ubound), so the Cobrix options map onto them unchanged.

#include "copybook_source_options.hpp"

#include <charconv>
#include <filesystem>
#include <system_error>

namespace mfb::cli {

namespace {

constexpr long long max_column = 100000;  // a bound no copybook line reaches

bool parse_column(const std::string& text, long long& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return !text.empty() && ec == std::errc{} && end == text.data() + text.size();
}

// "" when `text` is SEQ:LAST with 0 <= SEQ and SEQ + 2 <= LAST (room for the indicator
// and one code column), else why not.
std::string columns_problem(const std::string& text, int& seq, int& last) {
  const auto colon = text.find(':');
  long long s = 0, l = 0;
  if (colon == std::string::npos || !parse_column(text.substr(0, colon), s) ||
      !parse_column(text.substr(colon + 1), l))
    return "needs SEQ:LAST, two whole numbers (IBM's columns are 6:72), not '" + text + "'";
  if (s < 0 || l < 0) return "columns cannot be negative ('" + text + "')";
  if (s > max_column || l > max_column)
    return "columns past " + std::to_string(max_column) + " ('" + text + "')";
  if (s + 2 > l)
    return "the last code column must come after the indicator column " +
           std::to_string(s + 1) + " ('" + text + "')";
  seq = static_cast<int>(s);
  last = static_cast<int>(l);
  return {};
}

}  // namespace

void add_copybook_sources(CLI::App& cmd, std::vector<std::string>& copybooks,
                          copybook_source_args& a) {
  auto* group = cmd.add_option_group("Copybook", "The copybook: a file, or its text");
  auto* file =
      group
          ->add_option("copybook,--copybook", copybooks,
                       "Copybook file, given first or as --copybook (repeatable: the records "
                       "of several are appended)")
          ->check(CLI::Validator(
              [](std::string& name) -> std::string {
                std::error_code ec;
                if (std::filesystem::is_regular_file(name, ec)) return {};
                return std::filesystem::is_directory(name, ec)
                           ? name + " is a folder, not a copybook file"
                           : "no such copybook file: " + name;
              },
              "FILE"));
  group
      ->add_option("--copybook-text", a.texts,
                   "The copybook itself, instead of a file (repeatable); diagnostics name it "
                   "<copybook text>")
      ->excludes(file);
  group->require_option(1, 0);
  cmd.add_option("--copybook-format", a.format,
                 "Copybook reference format: auto (detected per file), fixed or free")
      ->check(CLI::IsMember({"auto", "fixed", "free"}))
      ->capture_default_str();
  cmd.add_option("--copybook-columns", a.columns,
                 "Fixed format with other columns: SEQ:LAST, columns 1-SEQ the sequence area, "
                 "SEQ+1 the indicator, code to LAST (IBM: 6:72; implies fixed format)")
      ->check(CLI::Validator(
          [&a](std::string& text) -> std::string {
            int seq = 0, last = 0;
            if (auto why = columns_problem(text, seq, last); !why.empty()) return why;
            if (a.format == "free") return "columns need fixed format, not --copybook-format free";
            return {};
          },
          "SEQ:LAST"));
}

std::vector<copybook::source_text> copybook_texts_of(const copybook_source_args& a) {
  std::vector<copybook::source_text> out;
  for (std::size_t i = 0; i < a.texts.size(); ++i) {
    std::string name = inline_copybook_name;
    if (a.texts.size() > 1) name.insert(name.size() - 1, " " + std::to_string(i + 1));
    out.push_back({std::move(name), a.texts[i]});
  }
  return out;
}

void apply_copybook_format(const copybook_source_args& a, copybook::parse_options& opts) {
  opts.format = a.format == "fixed"  ? copybook::source_format::fixed
                : a.format == "free" ? copybook::source_format::free
                                     : copybook::source_format::automatic;
  int seq = 6, last = 72;
  if (!a.columns.empty() && columns_problem(a.columns, seq, last).empty())
    opts.format = copybook::source_format::fixed;
  opts.fixed_sequence_area = seq;
  opts.fixed_right_margin = last;
}

void apply_copybook_sources(const copybook_source_args& a, bridge::source_spec& spec) {
  spec.copybook_texts = copybook_texts_of(a);
  copybook::parse_options opts;
  apply_copybook_format(a, opts);
  spec.copybook_format = opts.format;
  spec.sequence_area = opts.fixed_sequence_area;
  spec.right_margin = opts.fixed_right_margin;
}

}  // namespace mfb::cli
