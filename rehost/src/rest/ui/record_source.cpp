// Reading one record of a load's input for the web inspector. The file is framed as the
// load framed it (the dataset's framing) and read from the start, so record numbers are the
// load's record numbers; --offset frames from that byte, as `mfbridge inspect --offset` does.

#include "rest/ui/record_source.hpp"

#include "mfb/bridge/codec/inspect.hpp"
#include "mfb/bridge/io/record_reader.hpp"
#include "mfb/ebcdic/hex.hpp"

namespace mfb::rehost::detail {

namespace {

bridge::inspect_options options_of(const dataset& ds) {
  bridge::inspect_options o;
  o.float_format = ds.decoding().float_format;
  o.zoned_charset = ds.decoding().zoned_charset;
  o.binary_trunc = ds.decoding().binary_trunc;
  return o;
}

// The layout the load would decode `rec` with: the selection's choice, else the type asked for.
const copybook::record_layout& layout_for(const dataset& ds, std::size_t type,
                                          const bridge::record_view& rec, bool& selected,
                                          std::string* type_name = nullptr) {
  int chosen = ds.selector().choose(rec);
  selected = chosen >= 0;
  const auto& plans = ds.selector().plans();
  const auto& plan = chosen >= 0 && static_cast<std::size_t>(chosen) < plans.size()
                         ? plans[static_cast<std::size_t>(chosen)] : ds.json_plans()[type];
  if (type_name != nullptr) *type_name = plan.type_name();
  return plan.layout();
}

// Whether `path` lies in a REDEFINES alternative (the redefined item or one redefining it):
// there a bad value is a null in the record, which the load keeps, not a bad record.
bool in_alternative(const copybook::record_layout& layout, const std::string& path) {
  for (const auto& item : layout.fields) {
    if (item.redefines < 0 && !item.redefined) continue;
    const auto& p = item.path;
    if (path.size() > p.size() && path.compare(0, p.size(), p) == 0 && (path[p.size()] == '.' || path[p.size()] == '('))
      return true;
    if (path == p) return true;
  }
  return false;
}

nlohmann::json fields_json(const copybook::record_layout& layout,
                           const std::vector<bridge::inspected_field>& fields, std::size_t& bad) {
  nlohmann::json out = nlohmann::json::array();
  bad = 0;
  for (const auto& f : fields) {
    nlohmann::json j{{"path", f.path}, {"offset", f.offset}, {"length", f.length},
                     {"type", f.type}, {"hex", f.hex}};
    if (f.error.empty()) {
      j["value"] = f.value;
    } else {
      j["error"] = f.error;
      if (in_alternative(layout, f.path)) j["alternative"] = true;
      else ++bad;
    }
    out.push_back(std::move(j));
  }
  return out;
}

nlohmann::json describe(const dataset& ds, std::size_t type, const bridge::record_view& rec,
                        const std::string& file) {
  bool selected = false;
  std::string type_name;
  const auto& layout = layout_for(ds, type, rec, selected, &type_name);
  auto fields = bridge::inspect_record(layout, ds.page(), options_of(ds), rec.data, rec.size);
  std::size_t bad = 0;
  nlohmann::json j{{"input", file},
                   {"record", rec.number},
                   {"file_offset", rec.file_offset},
                   {"size", rec.size},
                   {"layout", layout.name},
                   {"record_type", type_name.empty() ? layout.name : type_name},
                   {"layout_length", layout.length},
                   {"hex", ebcdic::hex_spaced(rec.data, rec.size)},
                   {"fields", fields_json(layout, fields, bad)}};
  j["bad_fields"] = bad;
  if (!selected && ds.selector().plans().size() > 1)
    j["selection"] = ds.selector().no_match(rec, file).reason;
  return j;
}

bool has_bad_field(const dataset& ds, std::size_t type, const bridge::record_view& rec) {
  bool selected = false;
  const auto& layout = layout_for(ds, type, rec, selected);
  if (!selected && ds.selector().plans().size() > 1) return true;  // the load rejects it too
  for (const auto& f : bridge::inspect_record(layout, ds.page(), options_of(ds), rec.data, rec.size))
    if (!f.error.empty() && !in_alternative(layout, f.path)) return true;
  return false;
}

}  // namespace

inspected_record inspect_input(const dataset& ds, std::size_t type, const std::string& input,
                               const record_choice& choice, std::uint64_t scan_limit) {
  bridge::framing_options framing = ds.framing();
  if (choice.offset >= 0) framing.skip_head = static_cast<std::size_t>(choice.offset);
  std::uint64_t target = choice.offset >= 0 ? 1 : choice.number;
  auto reader = bridge::record_reader::open(input, framing);
  if (!reader) return {404, "the load's input file cannot be read", {}};
  std::string file = (*reader)->name();
  if (auto slash = file.rfind('/'); slash != std::string::npos) file = file.substr(slash + 1);
  bridge::record_batch batch;
  std::uint64_t scanned = 0;
  while ((*reader)->next(batch, std::size_t{1} << 20)) {
    for (const auto& rec : batch) {
      if (choice.next_bad) {
        if (rec.number <= choice.bad_after) continue;
        if (++scanned > scan_limit)
          return {404, "no bad record in the " + std::to_string(scan_limit) + " records after record " +
                           std::to_string(choice.bad_after), {}};
        if (!has_bad_field(ds, type, rec)) continue;
      } else if (rec.number != target) {
        continue;
      }
      inspected_record out;
      out.body = describe(ds, type, rec, file);
      // Framed from an offset: its number in the file is unknown.
      if (choice.offset >= 0) out.body["record"] = nullptr;
      return out;
    }
  }
  if (const auto* e = (*reader)->error())
    return {422, "the input cannot be framed at record " + std::to_string(e->record_number) +
                     " (" + e->message + ")", {}};
  if (choice.next_bad)
    return {404, "no bad record after record " + std::to_string(choice.bad_after), {}};
  return {404, choice.offset >= 0 ? "no record starts at offset " + std::to_string(choice.offset)
                                  : "the input has no record " + std::to_string(target), {}};
}

}  // namespace mfb::rehost::detail
