#pragma once
// Private to detect: the code page guess (detect_code_page.cpp) over the text bytes of a
// sample, kept apart from the framing and fit logic (detect.cpp).

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "mfb/bridge/codec/detect.hpp"
#include "mfb/copybook/layout.hpp"

namespace mfb::bridge::detail {

/// The family from raw bytes: EBCDIC when its letters, digits and space (X'40') outnumber
/// ASCII's, ASCII or UTF-8 the other way round, "" when neither holds letters or digits.
code_page_guess code_page_family(std::span<const std::uint8_t> bytes);

/// The bytes of `record` that lie in plain text fields of `layout` (PIC X or A, DISPLAY,
/// not redefined, at fixed offsets): where a code page shows itself.
void append_text_bytes(const copybook::record_layout& layout, std::span<const std::uint8_t> record,
                       std::vector<std::uint8_t>& out);

/// Choose the national EBCDIC page that reads `text` best: letters next to letters,
/// currency signs before digits, no control characters. Ties go to `preferred` (when it
/// is among them), then to the first of a fixed order. Sets page, equal, evidence.
void choose_national_page(std::span<const std::uint8_t> text, const std::string& preferred,
                          code_page_guess& guess);

}  // namespace mfb::bridge::detail
