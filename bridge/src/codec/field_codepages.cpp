// --field-codepage: text fields read through a single-byte page of their own. Each page is
// opened once per plan and turned into the same 256-entry tables as the run's own page, so
// the decoder's hot loop only swaps tables (decode_plan::field_text).

#include "codec/field_codepages.hpp"

#include "codec/decode_plan_builder.hpp"
#include "codec/plan_text_table.hpp"
#include "mfb/bridge/codec/open_code_page.hpp"
#include "mfb/copybook/name_lookup.hpp"

namespace mfb::bridge {

namespace detail {

namespace {

std::string option_text(const field_codepage& p) {
  return "--field-codepage " + p.codepage + "=" + p.field;
}

}  // namespace

std::string check_field_codepages(const std::vector<field_codepage>& pages,
                                  const std::vector<const copybook::record_layout*>& records) {
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const field_codepage& p = pages[i];
    if (p.field.empty() || p.codepage.empty())
      return option_text(p) + ": needs PAGE=FIELD[,FIELD...]";
    if (auto why = copybook::check_item_name("--field-codepage", p.field, records, true); !why.empty())
      return why;
    for (std::size_t j = 0; j < i; ++j) {
      const field_codepage& q = pages[j];
      // The same item however spelled: both names find the same field of some record.
      bool same = false;
      for (const auto* r : records) {
        const auto* a = r->find(p.field);
        same |= a != nullptr && a == r->find(q.field);
      }
      if (same && !copybook::names_equal(p.codepage, q.codepage))
        return "--field-codepage: " + p.field + " is given two code pages, " + q.codepage +
               " and " + p.codepage;
    }
  }
  return {};
}

}  // namespace detail

std::string decode_plan::builder::open_field_pages() {
  for (const auto& p : plan.opts_.field_codepages) {
    const cb::field* f = layout.find(p.field);
    if (f == nullptr) continue;  // an item of another record (checked by the caller)
    if (f->is_group() || f->use != cb::usage::display || f->cobrix_binary ||
        (f->kind != cb::category::alphanumeric && f->kind != cb::category::alphabetic))
      return "--field-codepage " + p.codepage + "=" + p.field + ": " + f->path +
             " is not alphanumeric DISPLAY text (PIC X or A); a code page only applies to text";
    auto page = open_code_page(p.codepage);
    if (!page) return "--field-codepage " + p.codepage + "=" + p.field + ": " + page.err().message;
    if (page->sbcs_table() == nullptr || page->variable_width_text() ||
        page->kind() != ebcdic::page_kind::single_byte)
      return "--field-codepage " + p.codepage + "=" + p.field + ": " + p.codepage +
             " is not a single-byte code page";
    text_tables t;
    detail::build_text_tables(page->sbcs_table(), plan.opts_.format, plan.opts_.trim_chars, t);
    field_page.emplace(static_cast<int>(f - layout.fields.data()),
                       static_cast<std::int32_t>(plan.field_text_.size()));
    plan.field_text_.push_back(t);
  }
  return {};
}

}  // namespace mfb::bridge
