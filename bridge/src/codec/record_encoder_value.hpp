#pragma once
// Encode one elementary JSON value into its field's bytes (private to the record encoder).

#include <cstdint>
#include <string>
#include <string_view>

#include "mfb/bridge/codec/encode_plan.hpp"
#include "mfb/ebcdic/decimal.hpp"
#include "mfb/bridge/codec/text/json_reader.hpp"

namespace mfb::bridge::detail {

using text::json_kind;

/// Parse a JSON number's text or a numeric string ("-12.50", "1.5E+3", " +7 ") exactly.
/// Return an empty string on success, else the reason.
std::string parse_exact_number(std::string_view text, ebcdic::decimal& out);

/// Bring `value` to `scale` exactly; return an empty string or the reason (fraction digits
/// that would be lost, or more than 31 digits).
std::string to_scale(ebcdic::decimal value, int scale, ebcdic::int128_t& unscaled);

/// Encode a scalar JSON value (`kind`, `text` as in json_doc) into `p` (node.length bytes).
/// Return an empty string on success, else the reason. `count` receives the integer value
/// of an ODO object field.
std::string encode_value(const encode_plan& plan, const encode_node& node, json_kind kind,
                         std::string_view text, std::uint8_t* p, long long& count);

/// With --check-88: tell whether the value is one of the field's 88-level values (true
/// when the field has none). Call after encode_value succeeded.
bool satisfies_88(const encode_plan& plan, const encode_node& node, std::string_view text);

}  // namespace mfb::bridge::detail
