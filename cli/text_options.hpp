#pragma once
// How text, nulls and DISPLAY numbers are read: --ascii and --ascii-charset (every command
// that takes a copybook), and --trim, --trim-rule, --improved-null-detection and
// --numeric-policy (the commands that decode records to text: convert, delta).

#include <CLI/CLI.hpp>

#include <string>

#include "layout_options.hpp"
#include "mfb/bridge/codec/options.hpp"

namespace mfb::cli {

/// Add --ascii and --ascii-charset to `cmd`, bound to `a`; --ascii excludes --codepage
/// and --zoned (it sets both), --ascii-charset needs --ascii.
void add_ascii_options(CLI::App& cmd, layout_args& a, CLI::Option* codepage, CLI::Option* zoned);

/// Add --trim, --trim-rule, --improved-null-detection and --numeric-policy to `cmd`.
void add_text_options(CLI::App& cmd, layout_args& a);

/// The code page the options name: the ASCII page of --ascii-charset under --ascii, else
/// --codepage.
std::string codepage_of(const layout_args& a);

/// Copy the text options into `decode`; a usage error (--keep-trailing-spaces with another
/// --trim) or "".
std::string apply_text_options(const layout_args& a, bridge::decode_options& decode);

}  // namespace mfb::cli
