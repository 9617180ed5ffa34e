// code_page: the public face. Pages are opened once per process and shared (the impl is
// immutable); each call dispatches on the page kind.

#include <mutex>

#include "code_page_impl.hpp"

namespace mfb::ebcdic {

namespace {

struct open_cache {
  std::mutex mutex;
  std::vector<std::shared_ptr<const code_page::impl>> pages;
};

open_cache& opened() {
  static open_cache c;
  return c;
}

}  // namespace

code_page::code_page(std::shared_ptr<const impl> p) : impl_(std::move(p)) {}
code_page::code_page(const code_page&) = default;
code_page& code_page::operator=(const code_page&) = default;
code_page::code_page(code_page&&) noexcept = default;
code_page& code_page::operator=(code_page&&) noexcept = default;
code_page::~code_page() = default;

result<code_page> code_page::open(std::string_view name) {
  if (auto builtin = detail::find_builtin_page(name)) return code_page(std::move(builtin));
  const long found = detail::find_page(name);
  if (found < 0)
    return error{"unknown code page \"" + std::string(name) +
                 "\"; run `mfbridge codepages` to list the pages and the names they accept"};
  const auto index = static_cast<std::size_t>(found);
  auto& cache = opened();
  std::lock_guard<std::mutex> lock(cache.mutex);
  if (cache.pages.empty()) cache.pages.resize(detail::registry().size());
  if (!cache.pages[index]) {
    auto built = detail::build_icu_page(detail::registry()[index], index);
    if (!built) return built.err();
    cache.pages[index] = std::move(built.value());
  }
  return code_page(cache.pages[index]);
}

std::vector<code_page_info> code_page::list() {
  std::vector<code_page_info> out;
  for (const auto& e : detail::registry()) out.push_back(e.info);
  return out;
}

std::vector<code_page_info> code_page::builtin_list() { return detail::builtin_page_infos(); }

bool code_page::variable_width_text() const noexcept { return impl_->text_decoder != nullptr; }

const code_page_info& code_page::info() const noexcept { return impl_->info; }
page_kind code_page::kind() const noexcept { return impl_->info.kind; }
std::size_t code_page::max_utf8_per_byte() const noexcept { return impl_->max_utf8; }

const std::uint32_t* code_page::sbcs_table() const noexcept {
  if (impl_->info.kind != page_kind::single_byte) return nullptr;
  static_assert(sizeof(char32_t) == sizeof(std::uint32_t));
  return reinterpret_cast<const std::uint32_t*>(impl_->sbcs.code_points().data());
}

decode_status code_page::decode(const std::uint8_t* in, std::size_t len, char* out,
                                std::size_t& written) const noexcept {
  if (impl_->text_decoder) return impl_->text_decoder(*impl_, in, len, out, written);
  switch (impl_->info.kind) {
    case page_kind::single_byte:
      written = impl_->sbcs.decode(in, len, out);
      return decode_status::ok;
    case page_kind::mixed:
      return detail::mixed_decode(*impl_, in, len, out, written);
    case page_kind::double_byte:
      return detail::dbcs_decode(*impl_, in, len, out, written);
  }
  return decode_status::invalid_length;
}

decode_status code_page::decode_dbcs(const std::uint8_t* in, std::size_t len, char* out,
                                     std::size_t& written) const noexcept {
  written = 0;
  // A single-byte page has no DBCS half to decode a PIC G field with.
  if (impl_->info.kind == page_kind::single_byte) return decode_status::unmappable;
  return detail::dbcs_decode(*impl_, in, len, out, written);
}

decode_status code_page::encode(std::string_view utf8, std::uint8_t* out, std::size_t len,
                                unmappable_policy policy) const noexcept {
  switch (impl_->info.kind) {
    case page_kind::single_byte:
      return impl_->sbcs.encode(utf8, out, len, policy, impl_->sub, impl_->pad);
    case page_kind::mixed:
      return detail::mixed_encode(*impl_, utf8, out, len, policy);
    case page_kind::double_byte:
      return detail::dbcs_encode(*impl_, utf8, out, len, policy);
  }
  return decode_status::invalid_length;
}

decode_status code_page::encode_dbcs(std::string_view utf8, std::uint8_t* out, std::size_t len,
                                     unmappable_policy policy) const noexcept {
  if (impl_->info.kind == page_kind::single_byte) return decode_status::unmappable;
  return detail::dbcs_encode(*impl_, utf8, out, len, policy);
}

}  // namespace mfb::ebcdic
