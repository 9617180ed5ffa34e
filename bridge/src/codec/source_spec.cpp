// open_source: the one way from a source_spec to layouts, code page, plans, hierarchy and
// framing, with the messages every command gives for the same mistakes.

#include "mfb/bridge/codec/source_spec.hpp"

#include <algorithm>

#include "mfb/bridge/codec/occurs_map_parse.hpp"
#include "mfb/bridge/codec/open_code_page.hpp"
#include "mfb/bridge/io/layout_framing.hpp"

namespace mfb::bridge {

std::string source_spec::validate() const {
  if (!has_copybooks()) return "--copybook is required";
  return decode.validate();
}

copybook::parse_options source_spec::parse_options() const {
  copybook::parse_options popts;
  popts.include_dirs = include_dirs;
  popts.members = members;
  popts.allow_copy = allow_copy;
  popts.cobrix_extensions = cobrix_extensions;
  if (decode.occurs) popts.text_odo_objects = decode.occurs->names();
  popts.format = copybook_format;
  popts.fixed_sequence_area = sequence_area;
  popts.fixed_right_margin = right_margin;
  return popts;
}

copybook::parse_result parse_copybooks(const source_spec& spec) {
  if (!spec.copybooks.empty()) return copybook::parse_copybook_files(spec.copybooks, spec.parse_options());
  return copybook::parse_copybook_texts(spec.copybook_texts, spec.parse_options());
}

result<std::vector<select_rule>> select_rules_of(const std::vector<std::string>& selects) {
  std::vector<select_rule> rules;
  for (const auto& text : selects) {
    auto r = parse_select_rule(text);
    if (!r) return error{"--select expects FIELD=VALUE:RECORD, got " + text};
    rules.push_back(*r);
  }
  return rules;
}

result<hierarchy_tracker> hierarchy_of(const source_spec& spec, const std::vector<decode_plan>& plans) {
  std::vector<parent_rule> parent_rules;
  for (const auto& text : spec.parents) {
    auto r = parse_parent_rule(text);
    if (!r) return error{"--parent expects CHILD=PARENT, got " + text};
    parent_rules.push_back(*r);
  }
  std::vector<key_rule> key_rules;
  for (const auto& text : spec.keys) {
    auto r = parse_key_rule(text);
    if (!r) return error{"--key expects RECORD=FIELD[,FIELD...], got " + text};
    key_rules.push_back(*r);
  }
  return hierarchy_tracker::build(plans, parent_rules, key_rules);
}

result<framing_options> framing_of(const source_spec& spec, const std::vector<decode_plan>& plans) {
  framing_options framing = spec.framing;
  if (!spec.length_field.empty() || spec.odo_framing) {
    if (plans.size() != 1) return error{"--length-field and --recfm ODO need one record layout"};
    const auto& layout = plans.front().layout();
    const auto& d = spec.decode;
    auto why = spec.odo_framing ? set_odo_framing(framing, layout, d.zoned_charset, d.binary_trunc,
                                                  {d.occurs.get(), &plans.front().page()})
               : !framing.length_map.empty()
                   ? set_length_map_framing(framing, layout, spec.length_field,
                                            std::make_shared<const ebcdic::code_page>(plans.front().page()),
                                            d.zoned_charset, d.binary_trunc)
                   : set_length_field(framing, layout, spec.length_field, d.zoned_charset);
    if (!why.empty()) return error{why};
  }
  if ((framing.format == recfm::f || framing.format == recfm::fb) && framing.lrecl == 0) {
    // Default LRECL: the longest record the plans describe, plus the bytes each record
    // carries before and after it (--record-start-offset / --record-end-offset).
    for (const auto& p : plans) framing.lrecl = std::max(framing.lrecl, p.layout().length);
    framing.lrecl += framing.record_start_offset + framing.record_end_offset;
  }
  for (const auto& p : plans) framing.layout_lengths.push_back(p.layout().length);
  if (auto why = framing.validate(); !why.empty()) return error{why};
  return framing;
}

std::optional<opened_source> open_source(const source_spec& spec, source_failure& failure) {
  auto fail = [&](std::string message) {
    failure.message = std::move(message);
    return std::nullopt;
  };
  // Never read with a guessed framing nobody was told about: the caller detects it first.
  if (spec.detect_framing)
    return fail("--recfm auto is not supported here (convert and load detect the framing; "
                "elsewhere run mfbridge detect and give its --recfm)");
  opened_source src;
  auto parsed = parse_copybooks(spec);
  if (auto why = check_occurs_map(spec.decode.occurs.get(), parsed.records); !why.empty())
    return fail(why);
  if (!parsed.ok()) {
    failure.diagnostics = copybook::to_string(parsed.diagnostics);
    return fail("the copybook has errors");
  }
  src.records = std::move(parsed.records);
  auto page = open_code_page(spec.codepage);
  if (!page) return fail(page.err().message);
  src.page = std::make_shared<const ebcdic::code_page>(std::move(page).value());
  auto rules = select_rules_of(spec.selects);
  if (!rules) return fail(rules.err().message);
  auto selector = record_selector::build(src.records, spec.record_name, *rules, *src.page, spec.decode);
  if (!selector) return fail(selector.err().message);
  src.selector = std::move(selector).value();
  auto tracker = hierarchy_of(spec, src.selector.plans());
  if (!tracker) return fail(tracker.err().message);
  src.tracker = std::move(tracker).value();
  auto framing = framing_of(spec, src.selector.plans());
  if (!framing) return fail(framing.err().message);
  src.framing = std::move(framing).value();
  return src;
}

}  // namespace mfb::bridge
