#pragma once
// `mfbridge detect` as a library call: read a bounded sample of a file, guess its framing
// (io/framing_sniff.hpp), its code page family and national page, and check that the
// copybook fits the records so framed. The result holds the evidence, a confidence and the
// flags to use; only the CLI prints it.

#include <cstdint>
#include <string>
#include <vector>

#include "mfb/bridge/codec/source_spec.hpp"
#include "mfb/bridge/io/framing_sniff.hpp"
#include "mfb/bridge/io/outcome.hpp"

namespace mfb::bridge {

/// What to detect: the copybook side of `source` (copybooks, --record, --select, codec
/// options) and the input file. Its framing and code page are ignored, except that a
/// code page named by the user (`codepage_given`) wins ties between national pages.
struct detect_options {
  source_spec source;
  std::string input;
  bool codepage_given = false;
  std::size_t fit_records = 200;  ///< records decoded per framing to see whether the copybook fits
};

/// The code page family and, for EBCDIC, the national page.
struct code_page_guess {
  std::string family;              ///< "EBCDIC", "ASCII", "UTF-8", or "" (cannot tell)
  std::string page;                ///< the --codepage to use ("cp285", "latin1"), or ""
  std::vector<std::string> equal;  ///< other pages that read the sample's text as well
  double confidence = 0;
  std::string evidence;
};

/// How well the copybook describes records framed one way.
struct fit_check {
  std::uint64_t records = 0;     ///< records decoded
  std::uint64_t decoded = 0;     ///< of which decoded without error
  std::uint64_t length_ok = 0;   ///< of which have a length some record layout allows
  std::string first_error;       ///< the first decode error, for the evidence
  double rate() const noexcept { return records == 0 ? 0 : static_cast<double>(decoded) / static_cast<double>(records); }
};

/// One framing with its byte evidence and the copybook's fit.
struct detect_candidate {
  framing_guess guess;
  fit_check fit;
  double score = 0;  ///< framing score weighed by the fit
};

/// What detect found.
struct detect_result {
  failure_kind failure = failure_kind::none;
  std::string message;               ///< why it failed (usage: copybook, I/O: input)
  std::string input;
  std::uint64_t bytes_sampled = 0;   ///< head plus tail bytes read
  long long file_size = -1;
  std::size_t layout_min = 0, layout_max = 0;  ///< record lengths the copybook allows
  std::vector<detect_candidate> candidates;    ///< best first; empty: no framing fits
  code_page_guess page;
  double confidence = 0;   ///< of the framing and code page together
  std::string verdict;     ///< "high", "medium", "low" or "cannot tell"
  std::string flags;       ///< the framing and code page flags to use ("" when cannot tell)

  /// True when detect names a framing (verdict not "cannot tell").
  bool decided() const noexcept { return !flags.empty(); }
  /// The result as one JSON object (for --format json).
  std::string to_json() const;
};

/// Detect the framing, code page and copybook fit of `opts.input`.
detect_result detect_input(const detect_options& opts);

/// --recfm auto: detect `input`'s framing (and its code page, unless `codepage_given`) and
/// set them in `spec`, reporting the choice and its evidence through `rep`. Return "" or
/// why nothing can be chosen (a usage problem: name the flags instead).
std::string apply_detected_framing(source_spec& spec, const std::string& input, bool codepage_given,
                                   reporter& rep);

/// The record lengths the copybooks of `spec` allow, for framing_suggestion (empty on error).
length_hint copybook_lengths(const source_spec& spec);

}  // namespace mfb::bridge
