#pragma once
// Did-you-mean for names given on a command line or in a job file (--key, --index, --raw,
// --select, --parent ...): an option that names no item is an error, and the error offers
// the closest names, so a typo never goes unnoticed and is quick to fix.

#include <string>
#include <string_view>
#include <vector>

#include "mfb/copybook/layout.hpp"

namespace mfb::copybook {

/// The data names (and dotted paths) of `records`, FILLER left out, each once; only the
/// elementary items' when `elementary`.
std::vector<std::string> item_names(const std::vector<const record_layout*>& records,
                                    bool elementary = false);

/// Up to three of `candidates` closest to `wanted` by edit distance (case-insensitive),
/// nearest first; only names close enough to be a plausible typo.
std::vector<std::string> closest_names(std::string_view wanted,
                                       const std::vector<std::string>& candidates);

/// " (did you mean A, B or C?)" for the closest candidates, or "" when none is close.
std::string did_you_mean(std::string_view wanted, const std::vector<std::string>& candidates);

/// Whether an item of `records` is called `name` (its name or dotted path, any case);
/// `elementary` asks for an elementary item.
bool names_an_item(const std::vector<const record_layout*>& records, std::string_view name,
                   bool elementary = false);

/// For an option naming an item: "" when `name` is one, else
/// "OPTION NAME: no item of that name in the copybook (did you mean ...?)".
std::string check_item_name(std::string_view option, std::string_view name,
                            const std::vector<const record_layout*>& records,
                            bool elementary = false);

}  // namespace mfb::copybook
