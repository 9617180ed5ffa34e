// Open a dataset spec: parse its copybooks from memory (members from the spec, not the
// disk, so a dataset opens the same wherever its catalog is read), compile cells plans,
// map tables.

#include "mfb/rehost/db/dataset.hpp"

#include <algorithm>
#include <optional>

#include "mfb/bridge/codec/open_code_page.hpp"
#include "mfb/copybook/name_lookup.hpp"
#include "mfb/copybook/parse.hpp"

namespace mfb::rehost {

namespace {

// Unqualified --key and --index fields apply to the record types that have them, so one
// that no record type has is a typo: refuse it (with the closest names), never drop it.
std::string check_dataset_names(const dataset_spec& spec, const std::vector<bridge::decode_plan>& plans) {
  std::vector<const copybook::record_layout*> layouts;
  std::vector<std::string> types;
  for (const auto& p : plans) {
    layouts.push_back(&p.layout());
    types.push_back(p.type_name());
  }
  for (const auto& k : spec.key) {
    auto eq = k.find('=');
    if (eq == std::string::npos) {
      if (auto why = copybook::check_item_name("--key", k, layouts); !why.empty()) return why;
      continue;
    }
    std::string type = k.substr(0, eq);
    bool known = std::any_of(types.begin(), types.end(),
                             [&](const std::string& t) { return copybook::names_equal(t, type); });
    if (!known)
      return "--key " + k + ": " + type + " is not a record type of this dataset" +
             copybook::did_you_mean(type, types);
  }
  for (const auto& index : spec.indexes)
    for (const auto& f : index)
      if (auto why = copybook::check_item_name("--index", f, layouts); !why.empty()) return why;
  return {};
}

// The source to open: the copybooks come first among the members, so they win over a
// member of the same file name, as they did when both were written to one folder for the
// parser; cells plans; --raw items; F/FB records of a fixed length.
bridge::source_spec parser_source(const dataset_spec& spec) {
  bridge::source_spec s = spec.source;
  s.members = s.copybook_texts;
  s.members.insert(s.members.end(), spec.source.members.begin(), spec.source.members.end());
  bridge::decode_options& d = s.decode;
  d.format = bridge::output_format::cells;
  d.raw_fields = spec.raw;
  const auto fixed = bridge::parse_recfm(spec.recfm);
  d.fixed_length_records = fixed && (*fixed == bridge::recfm::f || *fixed == bridge::recfm::fb);
  return s;
}

}  // namespace

void dataset_spec::set_recfm(std::string text) {
  recfm = std::move(text);
  source.odo_framing = recfm == "ODO" || recfm == "odo";
  // A text no format has stays FB here; open() refuses it by its text.
  source.framing.format = source.odo_framing ? bridge::recfm::custom
                                             : bridge::parse_recfm(recfm).value_or(bridge::recfm::fb);
}

result<std::shared_ptr<const dataset>> dataset::open(dataset_spec spec) {
  auto ds = std::make_shared<dataset>();
  // Parsed from memory, members from the spec and not the disk: a dataset opens the same
  // wherever its catalog is read.
  const bridge::source_spec src = parser_source(spec);
  auto parsed = bridge::parse_copybooks(src);
  if (!parsed.ok()) return error{copybook::to_string(parsed.diagnostics)};

  auto page = bridge::open_code_page(src.codepage);
  if (!page) return error{page.err().message};
  ds->page_ = std::make_shared<const ebcdic::code_page>(std::move(page).value());

  const bridge::decode_options& d = ds->decoding_ = src.decode;
  auto rules = bridge::select_rules_of(src.selects);
  if (!rules) return error{rules.err().message};
  auto selector = bridge::record_selector::build(parsed.records, src.record_name, *rules, *ds->page_, d);
  if (!selector) return error{selector.err().message};
  ds->selector_ = std::make_shared<const bridge::record_selector>(std::move(selector).value());

  bridge::encode_options eo;
  eo.float_format = d.float_format;
  eo.zoned_charset = d.zoned_charset;
  eo.binary_trunc = d.binary_trunc;
  eo.raw_fields = d.raw_fields;
  eo.occurs = d.occurs;
  const auto& plans = ds->selector_->plans();
  if (auto why = check_dataset_names(spec, plans); !why.empty()) return error{why};
  // Parents are mapped before their children, whose tables reference them.
  std::vector<int> parent_of(plans.size(), -1);
  for (const auto& text : spec.source.parents) {
    auto r = bridge::parse_parent_rule(text);
    if (!r) return error{"--parent expects CHILD=PARENT, got " + text};
    int child = -1, parent = -1;
    for (std::size_t i = 0; i < plans.size(); ++i) {
      if (copybook::names_equal(plans[i].type_name(), r->child)) child = static_cast<int>(i);
      if (copybook::names_equal(plans[i].type_name(), r->parent)) parent = static_cast<int>(i);
    }
    if (child < 0 || parent < 0) {
      std::vector<std::string> types;
      for (const auto& p : plans) types.push_back(p.type_name());
      const std::string& missing = child < 0 ? r->child : r->parent;
      return error{"--parent " + text + ": " + missing + " is not a record type of this dataset" +
                   copybook::did_you_mean(missing, types)};
    }
    parent_of[static_cast<std::size_t>(child)] = parent;
  }
  std::vector<std::optional<table_map>> maps(plans.size());
  for (std::size_t done = 0, round = 0; done < plans.size(); ++round) {
    if (round > plans.size()) return error{"--parent rules form a cycle"};
    for (std::size_t i = 0; i < plans.size(); ++i) {
      int p = parent_of[i];
      if (maps[i] || (p >= 0 && !maps[static_cast<std::size_t>(p)])) continue;
      table_options to;
      // One record type: the dataset's name is its table; several: name_recordtype (the
      // record type alone when it already starts with the name: paye + PAYE-HEADER-REC).
      std::string type = snake_case(plans[i].type_name());
      to.table = plans.size() == 1                          ? spec.name
                 : type.rfind(spec.name + "_", 0) == 0 ? type
                                                           : spec.name + "_" + type;
      to.flatten_occurs = spec.flatten_occurs;
      to.check_88 = spec.check_88;
      to.indexes = spec.indexes;
      to.skip_missing_indexes = plans.size() > 1;
      if (p >= 0) to.parent = &maps[static_cast<std::size_t>(p)]->main();
      bool own_key = false;
      for (const auto& k : spec.key) {
        auto eq = k.find('=');
        if (eq == std::string::npos) {
          to.key.push_back(k);
        } else if (copybook::names_equal(k.substr(0, eq), plans[i].type_name())) {
          own_key = true;
          std::string fields = k.substr(eq + 1);
          for (std::size_t at = 0; at <= fields.size();) {
            auto comma = std::min(fields.find(',', at), fields.size());
            if (comma > at) to.key.push_back(fields.substr(at, comma - at));
            at = comma + 1;
          }
        }
      }
      auto map = table_map::build(plans[i], to);
      if (!map && !own_key && !to.key.empty() && plans.size() > 1) {
        // Unqualified key fields apply to the record types that have them all.
        to.key.clear();
        map = table_map::build(plans[i], to);
      }
      if (!map) return error{map.err().message};
      maps[i] = std::move(map).value();
      ++done;
    }
  }
  for (std::size_t i = 0; i < plans.size(); ++i) {
    ds->maps_.push_back(std::move(*maps[i]));
    std::vector<std::string> keep;
    if (plans[i].type_name() != plans[i].layout().name) keep.push_back(plans[i].type_name());
    bridge::decode_options jd = d;
    jd.format = bridge::output_format::jsonl;
    auto jp = bridge::decode_plan::compile(plans[i].layout(), *ds->page_, jd, keep, plans[i].type_name());
    if (!jp) return error{jp.err().message};
    ds->json_plans_.push_back(std::move(jp).value());
    auto enc = bridge::encode_plan::compile(plans[i].layout(), *ds->page_, eo, keep);
    if (!enc) return error{enc.err().message};
    ds->encoders_.push_back(std::move(enc).value());
  }

  if (src.odo_framing) {
    if (plans.size() != 1) return error{"--recfm ODO needs one record layout"};
  } else {
    auto fmt = bridge::parse_recfm(spec.recfm);
    if (!fmt || *fmt == bridge::recfm::custom)
      return error{"unsupported --recfm " + spec.recfm + " for a dataset"};
    if (*fmt == bridge::recfm::length_field && src.length_field.empty())
      return error{"--recfm LENGTH-FIELD needs --length-field NAME"};
  }
  auto framing = bridge::framing_of(src, plans);
  if (!framing) return error{framing.err().message};
  ds->framing_ = std::move(framing).value();
  ds->spec_ = std::move(spec);
  return std::shared_ptr<const dataset>(std::move(ds));
}

result<bridge::hierarchy_tracker> dataset::hierarchy() const {
  std::vector<bridge::parent_rule> parents;
  for (const auto& text : spec_.source.parents)
    if (auto r = bridge::parse_parent_rule(text)) parents.push_back(*r);
  // The tracker needs the parents' keys; a key of a type that is no parent is only its
  // table's primary key (a child record written through the REST facade needs one).
  std::vector<bridge::key_rule> keys;
  for (const auto& text : spec_.key)
    if (text.find('=') != std::string::npos)
      if (auto k = bridge::parse_key_rule(text))
        for (const auto& p : parents)
          if (copybook::names_equal(p.parent, k->record)) {
            keys.push_back(*k);
            break;
          }
  return bridge::hierarchy_tracker::build(selector_->plans(), parents, keys);
}

}  // namespace mfb::rehost
