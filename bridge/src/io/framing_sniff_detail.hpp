#pragma once
// Private to the framing sniffer: one scorer per family of formats, each adding its
// guesses (framing_sniff_variable.cpp, framing_sniff_fixed.cpp).

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "mfb/bridge/io/framing_sniff.hpp"

namespace mfb::bridge::detail {

/// RDW and BDW framings (V, VB, VS, VBS in both byte orders and both length rules), walked
/// by the record reader itself, with a header or trailer where the chain needs one.
void add_variable_guesses(const input_sample& sample, std::vector<framing_guess>& out);

/// F/FB: the copybook's lengths and the sample's strongest period, scored by how much
/// better bytes repeat at that distance than at its neighbours.
void add_fixed_guesses(const input_sample& sample, const length_hint& lengths,
                       std::vector<framing_guess>& out);

/// Text lines: printable ASCII or UTF-8 cut by LF or CRLF.
void add_text_guesses(const input_sample& sample, const length_hint& lengths,
                      std::vector<framing_guess>& out);

/// Fraction of positions i in [from, to), bytes[i] not `pad`, with bytes[i] == bytes[i + lag]
/// (0 when none); pad -1 counts every position.
double repeat_rate(std::span<const std::uint8_t> bytes, std::size_t lag, std::size_t from,
                   std::size_t to, int pad = -1);

/// The commonest byte of the sample's start (the padding: spaces, or X'00').
int padding_byte(std::span<const std::uint8_t> bytes);

}  // namespace mfb::bridge::detail
