#pragma once
// Cobrix reader options, verbatim: `--cobrix-option NAME=VALUE`, `--cobrix-options FILE` and
// `--profile cobrix` are rewritten into mfbridge's own flags before CLI11 parses the command
// line, so a Spark job's .option(...) list runs unchanged and every Cobrix option ends up as
// one documented mfbridge flag (docs/cobrix.md tables them). An option mfbridge does not
// support is an error that names it: never ignored.

#include <string>
#include <vector>

namespace mfb::cli {

/// One Cobrix option as the user wrote it, and where (for the error messages).
struct cobrix_option {
  std::string name;    ///< as written (Spark option names are case-insensitive)
  std::string value;
  std::string origin;  ///< "--cobrix-option" or "FILE:LINE"
};

/// What a Cobrix option becomes in mfbridge.
enum class cobrix_status {
  mapped,       ///< an mfbridge flag does the same
  no_effect,    ///< accepted: it changes nothing in the rows (Spark partitioning, schema metadata)
  unsupported,  ///< an error that names it
};

/// One row of the mapping table (docs/cobrix.md is written from the same facts).
struct cobrix_option_info {
  const char* name;  ///< Cobrix's spelling; `:N` marks an indexed option (segment-children:N)
  cobrix_status status;
  const char* mfbridge;  ///< the flag(s), or why there is no effect / no support
};

/// Every Cobrix reader option mfbridge knows of, in documentation order.
const std::vector<cobrix_option_info>& cobrix_option_table();

/// Read a `--cobrix-options` file: one `name=value` per line, or `.option("name", value)` as
/// in Scala/PySpark; `#` and `//` comments and blank lines are skipped. Return "" or an
/// error naming the file and line.
std::string read_cobrix_options_file(const std::string& path, std::vector<cobrix_option>& out);

/// Parse `NAME=VALUE` given to --cobrix-option; "" or the error.
std::string parse_cobrix_option(const std::string& text, const std::string& origin,
                                cobrix_option& out);

/// The mfbridge flags for `options` under the Cobrix profile: Cobrix's defaults (its code
/// page, trimming, null detection, naming, fillers, RDW conventions) for every flag that
/// `explicit_args` (the user's own mfbridge flags) does not already set, then the options
/// themselves. Return "" or the error naming the option and where it came from.
std::string cobrix_flags(const std::vector<cobrix_option>& options,
                         const std::vector<std::string>& explicit_args,
                         std::vector<std::string>& flags);

/// Rewrite a whole command line (argv[0] first): for `convert`, replace --cobrix-option,
/// --cobrix-options and --profile by the flags they stand for. Other commands are returned
/// unchanged, except that these options there are an error. "" or the error.
std::string expand_cobrix_arguments(std::vector<std::string>& argv);

}  // namespace mfb::cli
