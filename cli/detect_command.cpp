// `mfbridge detect`: how a file is framed and coded, with the evidence, a confidence and
// the command line to use. The work is mfb::bridge::detect_input; this file only prints.

#include <cstdio>
#include <memory>
#include <string>

#include "commands.hpp"
#include "layout_options.hpp"
#include "mfb/bridge/codec/detect.hpp"
#include "mfb/bridge/codec/text/json_quote.hpp"

namespace mfb::cli {

namespace {

struct detect_args {
  layout_args layout;
  std::string input;
  std::string format = "text";
  std::vector<std::string> selects;
  bool codepage_given = false;
  bool recfm_given = false;
};

std::string shell_word(const std::string& s) {
  if (!s.empty() && s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@") == std::string::npos)
    return s;
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// The convert command a user would run next: their copybook options plus detect's flags.
std::string command_line(const detect_args& a, const bridge::detect_result& r) {
  std::string s = "mfbridge convert";
  for (const auto& c : a.layout.copybooks) s += " --copybook " + shell_word(c);
  for (const auto& t : a.layout.sources.texts) s += " --copybook-text " + shell_word(t);
  if (a.layout.sources.format != "auto") s += " --copybook-format " + a.layout.sources.format;
  if (!a.layout.sources.columns.empty()) s += " --copybook-columns " + a.layout.sources.columns;
  for (const auto& d : a.layout.include_dirs) s += " -I " + shell_word(d);
  if (!a.layout.record.empty()) s += " --record " + shell_word(a.layout.record);
  for (const auto& sel : a.selects) s += " --select " + shell_word(sel);
  s += " --input " + shell_word(a.input) + " " + r.flags;
  return s;
}

std::string percent(double x) { return std::to_string(static_cast<int>(x * 100 + 0.5)); }

void print_candidate(const bridge::detect_candidate& c, const char* indent) {
  std::printf("%sevidence    %s\n", indent, c.guess.evidence.c_str());
  if (c.guess.records != 0)
    std::printf("%srecords     %zu to %zu bytes\n", indent, c.guess.shortest, c.guess.longest);
  std::printf("%scopybook    %llu of %llu sampled records decode", indent,
              static_cast<unsigned long long>(c.fit.decoded), static_cast<unsigned long long>(c.fit.records));
  if (c.fit.length_ok != c.fit.records)
    std::printf(", %llu have a length the layout allows", static_cast<unsigned long long>(c.fit.length_ok));
  std::printf("\n");
  if (c.fit.decoded != c.fit.records && !c.fit.first_error.empty())
    std::printf("%sfirst error %s\n", indent, c.fit.first_error.c_str());
}

void print_text(const detect_args& a, const bridge::detect_result& r) {
  std::string size = r.file_size >= 0 ? std::to_string(r.file_size) + " bytes" : "size unknown";
  bool whole = r.file_size >= 0 && r.bytes_sampled == static_cast<std::uint64_t>(r.file_size);
  std::printf("%s: %s, read %s\n", r.input.c_str(), size.c_str(),
              whole ? "whole" : (std::to_string(r.bytes_sampled) + " bytes (the first MiB and the last 64 KiB)").c_str());
  std::printf("copybook allows records of %zu to %zu bytes\n\n", r.layout_min, r.layout_max);
  if (!r.candidates.empty()) {
    const auto& best = r.candidates.front();
    std::printf("record format  %s\n", bridge::describe_framing(best.guess.framing).c_str());
    print_candidate(best, "  ");
  } else {
    std::printf("record format  cannot tell: no framing holds on this sample\n");
  }
  std::printf("code page      %s%s%s\n", r.page.family.empty() ? "cannot tell" : r.page.family.c_str(),
              r.page.page.empty() ? "" : ", ", r.page.page.c_str());
  std::printf("  evidence    %s\n", r.page.evidence.c_str());
  std::printf("confidence     %s (%s%%)\n", r.verdict.c_str(), percent(r.confidence).c_str());
  if (r.candidates.size() > 1) {
    std::printf("\nalso considered:\n");
    for (std::size_t i = 1; i < r.candidates.size() && i < 4; ++i) {
      const auto& c = r.candidates[i];
      std::printf("  %s (%s%%): %s; %llu of %llu records decode\n", bridge::framing_flags(c.guess.framing).c_str(),
                  percent(c.score).c_str(), c.guess.evidence.c_str(),
                  static_cast<unsigned long long>(c.fit.decoded), static_cast<unsigned long long>(c.fit.records));
    }
  }
  if (a.recfm_given) std::printf("\n(--recfm %s was given: detect reports what the bytes say instead)\n", a.layout.recfm.c_str());
  if (r.decided())
    std::printf("\nuse:\n  %s\n", command_line(a, r).c_str());
  else
    std::printf("\ncannot tell how this file is framed: check its RECFM and LRECL on the mainframe "
                "(ISPF 3.4, or LISTCAT) and give --recfm and --lrecl\n");
}

int run_detect(detect_args& a) {
  bridge::detect_options o;
  if (auto why = apply_copybook_options(a.layout, o.source); !why.empty()) {
    std::fprintf(stderr, "mfbridge detect: %s\n", why.c_str());
    return exit_usage;
  }
  o.source.selects = a.selects;
  o.source.decode.float_format = float_format_of(a.layout);
  o.source.decode.binary_trunc = truncation_of(a.layout);
  o.input = a.input;
  o.codepage_given = a.codepage_given;
  auto r = bridge::detect_input(o);
  if (r.failure != bridge::failure_kind::none) {
    std::fprintf(stderr, "mfbridge detect: %s\n", r.message.c_str());
    return exit_code_of(r.failure);
  }
  if (a.format == "json") {
    std::string json = r.to_json();
    if (r.decided()) {
      std::string command = ",\"command\":";
      bridge::text::json_quote(command_line(a, r), command);
      json.insert(json.size() - 1, command);
    }
    std::printf("%s\n", json.c_str());
  } else {
    print_text(a, r);
  }
  return r.decided() ? exit_ok : exit_bad_data;
}

}  // namespace

void add_detect_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "detect", "Guess a file's record format, header and trailer, and code page; check the copybook fits");
  auto a = std::make_shared<detect_args>();
  add_layout_options(*cmd, a->layout,
                     {"Ignored: detect reports the record format the bytes show",
                      "Ignored: detect tries both byte orders", "The 01 record to check the data against"},
                     file_use::reads);
  cmd->add_option("--input", a->input, "The file to look at (a sample: the first MiB and the last 64 KiB)")
      ->required();
  cmd->add_option("--select", a->selects, "FIELD=VALUE:RECORD rules, as for convert (repeatable)");
  cmd->add_option("--format", a->format, "text for people, json for machines")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->callback([a, cmd, &exit_code] {
    a->codepage_given = cmd->count("--codepage") > 0;
    a->recfm_given = cmd->count("--recfm") > 0 && a->layout.recfm != "auto";
    exit_code = run_detect(*a);
  });
}

namespace {
const command_registration registered{25, add_detect_command};
}  // namespace

}  // namespace mfb::cli
