// --ascii, --ascii-charset, --trim, --trim-rule, --improved-null-detection and
// --numeric-policy. The choices are checked by CLI11; here they become options.

#include "text_options.hpp"

#include "mfb/bridge/codec/text_flags.hpp"

namespace mfb::cli {

void add_ascii_options(CLI::App& cmd, layout_args& a, CLI::Option* codepage, CLI::Option* zoned) {
  auto* ascii = cmd.add_flag(
      "--ascii", a.ascii,
      "The file is ASCII: text in --ascii-charset (bytes below 0x20 dropped, invalid bytes "
      "U+FFFD) and DISPLAY numbers in ASCII digits; instead of --codepage and --zoned");
  ascii->excludes(codepage)->excludes(zoned);
  cmd.add_option("--ascii-charset", a.ascii_charset,
                 "With --ascii: the text charset, UTF-8 (default), ISO-8859-1 (latin1) or "
                 "US-ASCII (Java names accepted)")
      ->check(CLI::IsMember({"UTF-8", "UTF8", "ISO-8859-1", "ISO8859_1", "ISO8859-1", "latin1",
                             "US-ASCII", "ASCII"},
                            CLI::ignore_case))
      ->needs(ascii);
}

void add_text_options(CLI::App& cmd, layout_args& a) {
  cmd.add_option("--trim", a.trim,
                 "Blanks trimmed from text fields: none, left, right (default) or both")
      ->check(CLI::IsMember({"none", "left", "right", "both"}));
  cmd.add_option("--trim-rule", a.trim_rule,
                 "What --trim removes: space (every byte that reads as U+0020) or java (every "
                 "character up to U+0020, control characters too, as Java's String.trim)")
      ->check(CLI::IsMember({"space", "java"}))
      ->capture_default_str();
  cmd.add_flag("--improved-null-detection", a.improved_null_detection,
               "A DISPLAY field of only 0x00 bytes is null (a zoned number of 0x00 and "
               "spaces too), instead of NUL text or a bad number");
  cmd.add_option("--numeric-policy", a.numeric_policy,
                 "A bad DISPLAY (zoned) number: strict makes the record bad; lenient writes it "
                 "null, reports it and keeps the record")
      ->check(CLI::IsMember({"strict", "lenient"}))
      ->capture_default_str();
  add_field_text_options(cmd, a.field_text);
}

std::string codepage_of(const layout_args& a) {
  if (!a.ascii) return a.codepage;
  std::string page = bridge::ascii_code_page(a.ascii_charset);
  return page.empty() ? "ascii-utf8" : page;  // CLI11 has checked the charset
}

std::string apply_text_options(const layout_args& a, bridge::decode_options& decode) {
  if (decode.keep_trailing_spaces && !a.trim.empty() && a.trim != "none")
    return "--keep-trailing-spaces is --trim none; it cannot be given with --trim " + a.trim;
  if (!a.trim.empty())
    if (auto why = bridge::set_trim(decode, a.trim); !why.empty()) return why;
  if (auto why = bridge::set_trim_rule(decode, a.trim_rule); !why.empty()) return why;
  decode.improved_null_detection = a.improved_null_detection;
  if (auto why = bridge::set_numeric_policy(decode, a.numeric_policy); !why.empty()) return why;
  return apply_field_text_options(a.field_text, decode);
}

}  // namespace mfb::cli
