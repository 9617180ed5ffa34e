#pragma once
// Reading, rewriting and writing back one field's value for masking, in the field's own
// usage: text through the code page, national as UTF-16BE, zoned, packed and binary numbers.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "mfb/bridge/mask/policy.hpp"
#include "mfb/bridge/mask/record_masker.hpp"
#include "mfb/copybook/layout.hpp"
#include "mfb/ebcdic/binary.hpp"
#include "mfb/ebcdic/code_page.hpp"
#include "mfb/ebcdic/decimal.hpp"
#include "mfb/ebcdic/zoned.hpp"

namespace mfb::bridge::detail {

struct value_codec {
  mask_storage storage = mask_storage::other;
  int digits = 0;
  int scale = 0;
  bool is_signed = false;
  std::size_t chars = 0;  ///< characters a text or national field holds
  ebcdic::zoned_format zoned;
  ebcdic::binary_format binary;
  const ebcdic::code_page* page = nullptr;
};

mask_storage storage_of(const copybook::field& f);
value_codec codec_of(const copybook::field& f, const mask_run& run, const ebcdic::code_page& page);

/// Check that `rule` can rewrite a field of `codec`; "" when it can, else why not (without
/// the field's name: the caller adds it). `step` receives a band/round step at the field's scale.
std::string check_rule(const mask_rule& rule, const value_codec& codec, ebcdic::int128_t& step);

bool read_text(const value_codec& c, const std::uint8_t* p, std::size_t len, std::string& out);
bool read_number(const value_codec& c, const std::uint8_t* p, std::size_t len, ebcdic::int128_t& out);

/// Apply `rule` to the field at `p`; "" on success, else the reason the value is not valid.
std::string rewrite(const mask_rule& rule, const value_codec& c, ebcdic::int128_t step,
                    const std::string& secret, std::uint8_t* p, std::size_t len);

}  // namespace mfb::bridge::detail
