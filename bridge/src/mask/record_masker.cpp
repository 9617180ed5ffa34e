// A policy compiled for one layout: the places of the masked fields, OCCURS expanded.

#include "mfb/bridge/mask/record_masker.hpp"

#include "mask/mask_values.hpp"
#include "mfb/bridge/mask/tokens.hpp"

namespace mfb::bridge {

namespace cb = mfb::copybook;
namespace eb = mfb::ebcdic;

namespace {

// The first rule matching the field itself or a group above it; -1 when none does.
int rule_for(const mask_policy& policy, const cb::record_layout& layout, int index) {
  for (std::size_t r = 0; r < policy.rules.size(); ++r) {
    const auto& pattern = policy.rules[r].pattern;
    for (int i = index; i > 0; i = layout.fields[static_cast<std::size_t>(i)].parent) {
      const auto& f = layout.fields[static_cast<std::size_t>(i)];
      if (mask_glob_match(pattern, f.name) || mask_glob_match(pattern, f.path) ||
          mask_glob_match(pattern, mask_field_label(layout, f)))
        return static_cast<int>(r);
    }
  }
  return -1;
}

// Every place of field `index` (each OCCURS element of it and of the groups above it).
void expand(const cb::record_layout& layout, int index, int target, std::vector<record_masker::place>& out) {
  const auto& f = layout.fields[static_cast<std::size_t>(index)];
  std::vector<int> chain;  // the OCCURS items from the field up
  for (int i = index; i > 0; i = layout.fields[static_cast<std::size_t>(i)].parent)
    if (layout.fields[static_cast<std::size_t>(i)].is_occurs()) chain.push_back(i);
  std::vector<int> at(chain.size(), 0);
  for (;;) {
    record_masker::place p{f.offset, f.length, {}, target};
    std::string subscripts;
    for (std::size_t k = chain.size(); k-- > 0;) {
      p.offset += static_cast<std::size_t>(at[k]) * layout.fields[static_cast<std::size_t>(chain[k])].stride;
      subscripts += (subscripts.empty() ? "(" : ",") + std::to_string(at[k] + 1);
    }
    p.path = mask_field_label(layout, f) + (subscripts.empty() ? "" : subscripts + ")");
    out.push_back(std::move(p));
    std::size_t k = 0;
    for (; k < chain.size(); ++k) {
      if (++at[k] < layout.fields[static_cast<std::size_t>(chain[k])].occurs_max) break;
      at[k] = 0;
    }
    if (k == chain.size()) return;
  }
}

}  // namespace

std::string mask_field_label(const cb::record_layout& layout, const cb::field& f) {
  return layout.synthetic || f.path.empty() ? layout.name + (f.path.empty() ? "" : "." + f.path) : f.path;
}

void mask_findings::add(const std::string& field, bool nino, bool utr) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto& c = by_field_[field];
  ++c.sampled;
  c.nino_like += nino ? 1 : 0;
  c.utr_like += utr ? 1 : 0;
}

std::map<std::string, mask_findings::counts> mask_findings::snapshot() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return by_field_;
}

std::vector<mask_target> mask_targets(const mask_policy& policy, const cb::record_layout& layout) {
  std::vector<mask_target> out;
  for (std::size_t i = 1; i < layout.fields.size(); ++i) {
    const auto& f = layout.fields[i];
    if (f.is_group() || f.is_filler || f.level == 66 || f.level == 88) continue;
    out.push_back({static_cast<int>(i), rule_for(policy, layout, static_cast<int>(i)), detail::storage_of(f)});
  }
  return out;
}

result<record_masker> record_masker::compile(std::shared_ptr<const mask_run> run,
                                             const cb::record_layout& layout,
                                             const eb::code_page& page) {
  record_masker m;
  m.run_ = run;
  m.page_ = &page;
  m.layout_ = &layout;
  m.targets_ = mask_targets(run->policy, layout);
  for (std::size_t t = 0; t < m.targets_.size(); ++t) {
    const auto& target = m.targets_[t];
    const auto& f = layout.fields[static_cast<std::size_t>(target.field)];
    if (target.rule < 0 || run->policy.rules[static_cast<std::size_t>(target.rule)].action == mask_action::keep) {
      if (target.storage != mask_storage::other) expand(layout, target.field, static_cast<int>(t), m.sampled_);
      continue;
    }
    const auto& rule = run->policy.rules[static_cast<std::size_t>(target.rule)];
    std::string at = (run->policy.file.empty() ? std::string("the policy") : run->policy.file) +
                     (rule.line ? ":" + std::to_string(rule.line) : std::string()) + ": rule '" +
                     rule.pattern + "' (" + std::string(to_string(rule.action)) + ") on " +
                     mask_field_label(layout, f) + " (PIC " +
                     (f.picture ? f.picture->text : std::string("-")) + ", " + std::to_string(f.length) + " bytes): ";
    if (f.variably_located || f.depending_on >= 0)
      return error{at + "a field that moves with an OCCURS DEPENDING ON table cannot be masked"};
    eb::int128_t step = 0;
    auto codec = detail::codec_of(f, *run, page);
    if (auto why = detail::check_rule(rule, codec, step); !why.empty())
      return error{at + why};
    expand(layout, target.field, static_cast<int>(t), m.masked_);
  }
  return m;
}

bool record_masker::apply(std::uint8_t* rec, std::size_t size, mask_failure& why) {
  for (const auto& p : masked_) {
    if (p.offset + p.length > size) continue;  // an ODO element the record does not hold
    const auto& target = targets_[static_cast<std::size_t>(p.target)];
    const auto& f = layout_->fields[static_cast<std::size_t>(target.field)];
    const auto& rule = run_->policy.rules[static_cast<std::size_t>(target.rule)];
    auto codec = detail::codec_of(f, *run_, *page_);
    eb::int128_t step = 0;
    detail::check_rule(rule, codec, step);
    auto reason = detail::rewrite(rule, codec, step, run_->policy.secret, rec + p.offset, p.length);
    if (!reason.empty()) {
      why = {p.path, p.offset, p.length, "cannot mask (" + std::string(to_string(rule.action)) + "): " + reason};
      return false;
    }
  }
  return true;
}

void record_masker::sample(const std::uint8_t* rec, std::size_t size) {
  if (sampled_.empty() || sampled_records_ >= run_->sample_records || !run_->findings) return;
  ++sampled_records_;
  for (const auto& p : sampled_) {
    if (p.offset + p.length > size) continue;
    const auto& target = targets_[static_cast<std::size_t>(p.target)];
    const auto& f = layout_->fields[static_cast<std::size_t>(target.field)];
    auto codec = detail::codec_of(f, *run_, *page_);
    std::string v;
    if (target.storage == mask_storage::text || target.storage == mask_storage::national) {
      if (!detail::read_text(codec, rec + p.offset, p.length, v)) continue;
    } else {
      eb::int128_t n = 0;
      if (!detail::read_number(codec, rec + p.offset, p.length, n)) continue;
      v = eb::to_string(eb::decimal{n, codec.scale});
    }
    run_->findings->add(mask_field_label(*layout_, f), looks_like_nino(v), looks_like_utr(v));
  }
}

}  // namespace mfb::bridge
