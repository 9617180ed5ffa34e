#pragma once
// --occurs-map (repeatable): the counts of text OCCURS DEPENDING ON objects, for every
// command that shares the layout options. Each text is a JSON object as Cobrix's
// occurs_mappings takes it, the short form FIELD=VALUE:COUNT[,VALUE:COUNT...], or the name
// of a file holding the JSON; CLI11 checks each as it is parsed (a bad one is a usage error).

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

#include "mfb/bridge/io/occurs_map.hpp"

namespace mfb::cli {

/// Add --occurs-map to `cmd`, bound to `texts` (a file's name is replaced by its JSON).
void add_occurs_map_option(CLI::App& cmd, std::vector<std::string>& texts);

/// The map the texts give (null when none is given); a usage error (a field mapped by two
/// texts) or "".
std::string occurs_map_of(const std::vector<std::string>& texts,
                          std::shared_ptr<const bridge::occurs_map>& out);

}  // namespace mfb::cli
