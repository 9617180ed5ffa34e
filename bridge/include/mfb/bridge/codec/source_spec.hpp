#pragma once
// One description of "a file read through copybooks": which copybooks (files, or text held
// in memory), which record or selection rules, the hierarchy, the code page, the framing
// and the codec options. Convert, encode, delta, inspect, the dataset catalog and jobs all
// start from it; open_source() turns it into what they read with, in one place.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mfb/bridge/codec/decode_plan.hpp"
#include "mfb/bridge/codec/hierarchy.hpp"
#include "mfb/bridge/codec/options.hpp"
#include "mfb/bridge/codec/record_selector.hpp"
#include "mfb/bridge/io/framing_options.hpp"
#include "mfb/copybook/parse.hpp"
#include "mfb/ebcdic/code_page.hpp"

namespace mfb::bridge {

/// A record file as its copybooks describe it; plain data with defaults() and validate().
struct source_spec {
  /// Copybook files, parsed in order (--copybook repeated); COPY members are looked for in
  /// each file's folder, then in include_dirs (-I).
  std::vector<std::filesystem::path> copybooks;
  std::vector<std::filesystem::path> include_dirs;
  /// Or copybook text held in memory (REST, Python callers, the dataset catalog), used when
  /// `copybooks` is empty; never written to a file.
  std::vector<copybook::source_text> copybook_texts;
  /// COPY members held in memory for copybook_texts: when not empty, COPY looks only here.
  std::vector<copybook::source_text> members;
  /// false for text from an untrusted client: any COPY is then a diagnostic, reported before
  /// a member is looked up (inline copybooks have no filesystem).
  bool allow_copy = true;
  bool cobrix_extensions = false;  ///< --cobrix: copybook::parse_options's flag
  /// --copybook-format and --copybook-columns: the copybooks' reference format (automatic:
  /// detected per file) and, in fixed format, the sequence area's width and the last code
  /// column (copybook::parse_options).
  copybook::source_format copybook_format = copybook::source_format::automatic;
  int sequence_area = 6;
  int right_margin = 72;
  std::string codepage = "cp037";  ///< a page name, or a 256-entry table file
  std::string record_name;         ///< --record: the 01 record (else the only one)
  std::vector<std::string> selects;  ///< --select FIELD=VALUE:TARGET, in order
  std::vector<std::string> parents;  ///< --parent CHILD=PARENT (hierarchical files)
  std::vector<std::string> keys;     ///< --key RECORD=FIELD[,FIELD...] (a parent's key)
  framing_options framing;           ///< lrecl 0 with F/FB: the longest record's length
  std::string length_field;  ///< --recfm LENGTH-FIELD: the copybook field holding the length
  bool odo_framing = false;  ///< --recfm ODO: record lengths from the layout's ODO counters
  /// --recfm auto: the framing is detected from the input (apply_detected_framing in
  /// codec/detect.hpp) before the source is opened; `framing` is then replaced.
  bool detect_framing = false;
  decode_options decode;

  /// Return the defaults: FB framing, cp037, JSON Lines, copybooks still to be named.
  static source_spec defaults() { return {}; }
  /// Check the options; return an empty string when valid, otherwise the reason.
  std::string validate() const;
  /// True when copybook files or texts are given.
  bool has_copybooks() const noexcept { return !copybooks.empty() || !copybook_texts.empty(); }
  /// The parser's options: include folders or members in memory, COPY allowed, Cobrix.
  copybook::parse_options parse_options() const;
};

/// A source opened for reading: layouts parsed, code page open, plans compiled, framing
/// resolved (length field and ODO framing from the layout, F/FB lrecl defaulted).
struct opened_source {
  std::vector<copybook::record_layout> records;  ///< every 01 record of the copybooks
  std::shared_ptr<const ebcdic::code_page> page;
  record_selector selector;   ///< the plans of the run and the rules choosing them
  hierarchy_tracker tracker;  ///< from the parent and key rules (empty without them)
  framing_options framing;    ///< ready for record_reader::open
};

/// Why a source did not open (always a usage or configuration problem).
struct source_failure {
  std::string message;      ///< "the copybook has errors", "unknown code page ...", ...
  std::string diagnostics;  ///< the copybook's diagnostics, rendered, when they are the reason
};

/// Parse the spec's copybooks: the files, or the texts held in memory.
copybook::parse_result parse_copybooks(const source_spec& spec);

/// Turn `--select` texts into rules; the reason when one is malformed.
result<std::vector<select_rule>> select_rules_of(const std::vector<std::string>& selects);

/// Build the hierarchy tracker of `plans` from the spec's --parent and --key texts.
result<hierarchy_tracker> hierarchy_of(const source_spec& spec, const std::vector<decode_plan>& plans);

/// Resolve the spec's framing for `plans`: a length field or ODO framing from the one
/// layout, F/FB lrecl defaulted to the longest record, then checked.
result<framing_options> framing_of(const source_spec& spec, const std::vector<decode_plan>& plans);

/// Open `spec`: parse, open the code page, build the plans, the hierarchy and the framing,
/// in that order; the first failure is returned in `failure`.
std::optional<opened_source> open_source(const source_spec& spec, source_failure& failure);

}  // namespace mfb::bridge
