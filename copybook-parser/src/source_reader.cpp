// Reference format handling: which columns hold code, which lines are comments, and how
// continuation lines join (IBM Enterprise COBOL Language Reference, "Reference format").

#include "source_reader.hpp"

#include <algorithm>

#include "text_words.hpp"

namespace mfb::copybook::detail {
namespace {

// EJECT and SKIP1/2/3 only steer the listing; they stand alone on their line.
bool is_listing_statement(std::string_view code) {
  std::string_view w = trim_right(code.substr(first_non_blank(code)));
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  return iequals(w, "EJECT") || iequals(w, "SKIP1") || iequals(w, "SKIP2") || iequals(w, "SKIP3");
}

// Where a line's code ends: at a "*>" comment outside literals, else at its end. Also
// tells whether the code ends inside an open literal (the quote that opened it).
struct scan_result {
  std::size_t code_end = 0;
  char open_quote = 0;
};

scan_result scan_code(std::string_view s, char open_quote) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (open_quote != 0) {
      if (c == open_quote) {
        if (i + 1 < s.size() && s[i + 1] == open_quote) {
          ++i;  // a doubled quote stands for one quote inside the literal
        } else {
          open_quote = 0;
        }
      }
    } else if (is_quote(c)) {
      open_quote = c;
    } else if (c == '*' && i + 1 < s.size() && s[i + 1] == '>') {
      return {i, 0};
    }
  }
  return {s.size(), open_quote};
}

}  // namespace

namespace {

// Turns lines into code text, one line at a time, holding back each line's '\n' until
// the next line shows whether it continues it.
class line_reader {
 public:
  line_reader(const std::vector<std::string>& lines, int file_index, const std::string& name,
              const parse_options& opts, std::vector<diagnostic>& diagnostics)
      : lines_(lines),
        file_(file_index),
        name_(name),
        opts_(opts),
        diagnostics_(diagnostics),
        seq_(static_cast<std::size_t>(std::max(opts.fixed_sequence_area, 0))),
        margin_(std::max(static_cast<std::size_t>(std::max(opts.fixed_right_margin, 0)), seq_ + 2)) {}

  located_text run(source_format format) {
    fixed_ = format != source_format::free;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      line_no_ = static_cast<int>(i) + 1;
      if (!fixed_) {
        free_line(lines_[i]);
      } else {
        fixed_line(lines_[i]);
      }
    }
    if (pending_ && !fixed_ && (hyphen_continued_ || closing_hyphen_ != 0)) {
      line_no_ = pending_line_;
      warn(pending_column_ - 1, "the literal is continued with '-' but the file ends here",
           severity::error);
    }
    end_line();
    return std::move(out_);
  }

 private:
  void warn(int column, std::string message, severity level = severity::warning) {
    diagnostic d;
    d.level = level;
    d.where = {name_, line_no_, column};
    d.message = std::move(message);
    d.source_line = lines_[static_cast<std::size_t>(line_no_ - 1)];
    diagnostics_.push_back(std::move(d));
  }

  void fixed_line(const std::string& line) {
    if (all_blank(line)) return;
    char ind = line.size() > seq_ ? line[seq_] : ' ';
    if (ind == '*' || ind == '/') return;
    if (ind == 'D' || ind == 'd') {
      if (!opts_.debug_lines) return;
      ind = ' ';
    }
    if (ind == '$' || (ind == '>' && line.size() > 7 && line[7] == '>')) {
      directive(std::string_view(line).substr(seq_), static_cast<int>(seq_) + 1);
      return;
    }
    std::size_t begin = seq_ + 1;
    if (!is_indicator(ind)) {
      // The indicator column holds code: some tools write copybooks one column to the left.
      // Said only when the user asked for fixed format, and once per file; a detected format
      // accepts it silently.
      begin = seq_;
      if (opts_.format == source_format::fixed && !warned_indicator_) {
        const std::string col = "column " + std::to_string(seq_ + 1);
        warn(static_cast<int>(seq_) + 1, col + " holds '" + ind +
                                             "', not an indicator (*, /, -, D); it is read as "
                                             "code (here and on any later line)");
        warned_indicator_ = true;
      }
    }
    const std::size_t end = std::min(line.size(), margin_);
    const std::string_view code =
        begin < end ? std::string_view(line).substr(begin, end - begin) : std::string_view();
    const int column = static_cast<int>(begin) + 1;
    if (ind == '-') {
      continuation(code, column, true);
    } else {
      code_line(code, column);
    }
  }

  void free_line(const std::string& line) {
    const std::size_t f = first_non_blank(line);
    if (f >= line.size()) return;
    if (line[f] == '*' || (line[f] == '/' && f == 0)) return;
    if (pending_ && open_quote_ != 0 && hyphen_continued_ && line[f] == open_quote_) {
      continuation(line, 1, false);
      return;
    }
    if (pending_ && closing_hyphen_ != 0 && line[f] == closing_hyphen_) {
      // "ABC"- then "DEF": the literal closed and a hyphen after it (cobc -free's form).
      // Dropping the hyphen leaves "ABC" open to the continuation, which then drops the
      // closing quote as it drops the hyphen of "ABC- (the other form).
      out_.truncate(out_.text.size() - 1);
      open_quote_ = closing_hyphen_;
      continuation(line, 1, false);
      return;
    }
    code_line(line, 1);
  }

  // An ordinary line: its code after any pending line.
  void code_line(std::string_view code, int column) {
    const scan_result scan = scan_code(code, 0);
    code = code.substr(0, scan.code_end);
    if (all_blank(code) || is_listing_statement(code)) return;
    const std::size_t f = first_non_blank(code);
    if (code.substr(f, 2) == ">>") {
      directive(code.substr(f), column + static_cast<int>(f));
      return;
    }
    end_line();
    append(code.substr(f), column + static_cast<int>(f), scan.open_quote, fixed_);
  }

  // A compiler directive line: >>SOURCE [FORMAT] [IS] FIXED|FREE switches the format of
  // the lines that follow; >>D marks a debug line in free format; others are ignored.
  void directive(std::string_view text, int column) {
    std::vector<std::string_view> words;
    for (std::size_t i = first_non_blank(text); i < text.size(); i = first_non_blank(text, i)) {
      std::size_t e = i;
      while (e < text.size() && !is_blank(text[e])) ++e;
      words.push_back(text.substr(i, e - i));
      i = e;
    }
    if (words.empty()) return;
    if (iequals(words[0], ">>D")) {
      if (opts_.debug_lines) {
        const std::size_t after = text.find(words[0]) + 3;
        code_line(text.substr(after), column + static_cast<int>(after));
      }
      return;
    }
    if (iequals(words[0], ">>SOURCE")) {
      for (std::string_view w : words) {
        if (!w.empty() && w.back() == '.') w.remove_suffix(1);
        if (iequals(w, "FREE")) fixed_ = false;
        if (iequals(w, "FIXED")) fixed_ = true;
      }
      return;
    }
    warn(column, "compiler directive '" + std::string(words[0]) + "' is ignored");
  }

  // A line with '-' in column 7 (fixed) or one that resumes a literal ended by '-' (free).
  void continuation(std::string_view code, int column, bool fixed) {
    const std::size_t f = first_non_blank(code);
    if (f >= code.size()) return;
    if (!pending_) {
      warn(column + static_cast<int>(f), "continuation line with no line to continue");
      code_line(code, column);
      return;
    }
    std::size_t from = f;
    char quote = open_quote_;
    if (open_quote_ != 0) {
      if (fixed) {
        // The literal runs through the margin: the blanks after the last character
        // written on the continued line are part of it.
        const int margin_column = static_cast<int>(margin_);
        if (pending_column_ <= margin_column) {
          out_.append_run(
              std::string(static_cast<std::size_t>(margin_column - pending_column_ + 1), ' '),
              file_, pending_line_, pending_column_);
        }
      } else {
        out_.truncate(out_.text.size() - 1);  // drop the '-' that asked for continuation
      }
      if (code[f] == open_quote_) {
        from = f + 1;
      } else {
        warn(column + static_cast<int>(f),
             "a continued literal must resume with a quote on the continuation line");
      }
    } else {
      // A continued word or number: the fragments join without the blanks between them.
      quote = 0;
    }
    const scan_result scan = scan_code(code.substr(from), quote);
    const std::string_view piece = code.substr(from, scan.code_end);
    append(piece, column + static_cast<int>(from), scan.open_quote, fixed);
  }

  // In fixed format a line ending inside a literal keeps its trailing blanks: they may
  // belong to the literal if the next line continues it.
  void append(std::string_view piece, int column, char open_quote, bool fixed) {
    if (open_quote == 0 || !fixed) piece = trim_right(piece);
    out_.append_run(piece, file_, line_no_, column);
    pending_ = true;
    pending_line_ = line_no_;
    pending_column_ = column + static_cast<int>(piece.size());
    open_quote_ = open_quote;
    hyphen_continued_ = open_quote != 0 && !piece.empty() && piece.back() == '-';
    closing_hyphen_ = !fixed && open_quote == 0 && piece.size() >= 2 && piece.back() == '-' &&
                              is_quote(piece[piece.size() - 2])
                          ? piece[piece.size() - 2]
                          : 0;
  }

  void end_line() {
    if (!pending_) return;
    out_.append_run("\n", file_, pending_line_, pending_column_);
    pending_ = false;
    open_quote_ = 0;
    hyphen_continued_ = false;
    closing_hyphen_ = 0;
  }

  const std::vector<std::string>& lines_;
  int file_;
  const std::string& name_;
  const parse_options& opts_;
  std::vector<diagnostic>& diagnostics_;
  std::size_t seq_;     // fixed format: the sequence area's width (the indicator is next)
  std::size_t margin_;
  bool fixed_ = true;
  bool warned_indicator_ = false;
  located_text out_;
  int line_no_ = 0;
  bool pending_ = false;  // a line's code was appended, its '\n' not yet
  int pending_line_ = 0;
  int pending_column_ = 0;  // the column just after the pending code
  char open_quote_ = 0;     // the pending code ends inside a literal opened by this quote
  bool hyphen_continued_ = false;  // free format: the open literal ends with '-'
  char closing_hyphen_ = 0;         // free format: a closed literal then '-' (its quote)
};

}  // namespace

located_text read_code_lines(const std::vector<std::string>& lines, int file_index,
                             const std::string& file_name, source_format format,
                             const parse_options& opts, std::vector<diagnostic>& diagnostics) {
  line_reader reader(lines, file_index, file_name, opts, diagnostics);
  return reader.run(format == source_format::free ? source_format::free : source_format::fixed);
}

located_text read_file_code(const source_file& file, int file_index, const parse_options& opts,
                            std::vector<diagnostic>& diagnostics) {
  // Columns other than IBM's only mean something in fixed format.
  const bool standard_columns = opts.fixed_sequence_area == 6;
  const source_format format =
      opts.format != source_format::automatic ? opts.format
      : standard_columns ? detect_source_format(file.lines, opts.fixed_right_margin)
                         : source_format::fixed;
  return read_code_lines(file.lines, file_index, file.name, format, opts, diagnostics);
}

}  // namespace mfb::copybook::detail
