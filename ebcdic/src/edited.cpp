// Editing a value into a numeric-edited field and reading it back. Both walk the flat step
// list compiled once per field. decode re-edits the digits it read and compares: the text
// is accepted only if MOVE could have produced exactly those characters, which keeps the
// check complete without a second, hand-written grammar of what each position may hold.

#include "mfb/ebcdic/edited.hpp"

#include <cstring>

#include "decimal_detail.hpp"
#include "edited_detail.hpp"

namespace mfb::ebcdic {

using detail::edit_kind;
using detail::uint128_t;

namespace {

constexpr std::uint64_t ten19 = 10'000'000'000'000'000'000ULL;

// Write the `count` low-order digits of v, right to left, ending at `end`; two at a time,
// which halves the chain of dependent divisions.
void write_digits(std::uint64_t v, char* end, int count) noexcept {
  for (; count >= 2; count -= 2) {
    const std::size_t pair = static_cast<std::size_t>(v % 100) * 2;
    v /= 100;
    end -= 2;
    std::memcpy(end, detail::two_digits + pair, 2);
  }
  if (count == 1) *--end = static_cast<char>('0' + v % 10);
}

// Put the `nd` digits of |value| aligned at `scale` into d (left to right). Fraction digits
// beyond `scale` are dropped (MOVE truncates); returns true when non-zero high-order
// digits did not fit.
bool align_digits(const decimal& value, int scale, int nd, char* d) noexcept {
  uint128_t m = detail::magnitude(value.unscaled);
  const int drop = value.scale - scale;
  bool lost = false;
  if (drop > 0) {
    m = drop > 38 ? 0 : m / detail::pow10_u128(drop);
  } else if (drop < 0 && m != 0) {
    const int up = -drop;
    if (up >= nd) {  // every digit of the value lands left of the field
      lost = true;
      m = 0;
    } else {
      const uint128_t room = detail::pow10_u128(nd - up);
      if (m >= room) {
        lost = true;
        m %= room;
      }
      m *= detail::pow10_u128(up);
    }
  }
  const uint128_t limit = detail::pow10_u128(nd);
  if (m >= limit) {
    lost = true;
    m %= limit;
  }
  if (m <= UINT64_MAX) {
    write_digits(static_cast<std::uint64_t>(m), d + nd, nd);
  } else {  // nd > 19 here: split once so the per-digit loop stays in 64 bits
    write_digits(static_cast<std::uint64_t>(m % ten19), d + nd, 19);
    write_digits(static_cast<std::uint64_t>(m / ten19), d + nd - 19, nd - 19);
  }
  return lost;
}

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// An overpunched digit as its character (zone C: { A-I, zone D: } J-R), the way a
// zoned S9 item's last byte reads through the code page.
constexpr char positive_punch[] = "{ABCDEFGHI";
constexpr char negative_punch[] = "}JKLMNOPQR";

// The digit and sign an overpunched character stands for; a plain digit (zone F) is
// unsigned, so positive. False for anything else.
bool read_overpunch(char c, char& digit, bool& negative) noexcept {
  if (is_digit(c)) {
    digit = c;
    return true;
  }
  for (int k = 0; k < 10; ++k) {
    if (c == positive_punch[k] || c == negative_punch[k]) {
      digit = static_cast<char>('0' + k);
      negative = c == negative_punch[k];
      return true;
    }
  }
  return false;
}

}  // namespace

void edit_pattern::edit(const char* d, bool negative, char* out) const noexcept {
  bool zero = true;
  for (int i = 0; i < digits_; ++i) zero = zero && d[i] == '0';
  if (zero && (blank_when_zero_ || (all_suppressed_ && fill_ == ' '))) {
    std::memset(out, ' ', length_);
    return;
  }
  if (zero && all_suppressed_) {  // all '*': asterisks everywhere but the decimal point
    for (std::size_t i = 0; i < length_; ++i) {
      out[i] =
          steps_[i].kind == static_cast<std::uint8_t>(edit_kind::point) ? steps_[i].symbol : '*';
    }
    return;
  }
  // A value that truncates to zero shows no minus sign (the IBM ZAP/SRP result is +0).
  const bool neg = negative && !zero;
  const char floated = float_symbol_ == '$' ? '$' : neg ? '-' : float_symbol_ == '+' ? '+' : ' ';
  // Suppression starts at the first Z, * or floating symbol: insertion characters before
  // it ("$B*,***.**") are shown as they are.
  bool armed = starts_suppressed_;
  bool suppressing = false;
  // Suppression ends at the first significant position; a floating symbol goes just left
  // of it (the compiler put the floating string's first symbol before any such position).
  auto end_suppression = [&](std::size_t i) {
    if (suppressing) {
      suppressing = false;
      if (float_symbol_ != '\0') out[i - 1] = floated;
    }
  };
  int di = 0;
  for (std::size_t i = 0; i < length_; ++i) {
    const step s = steps_[i];
    switch (static_cast<edit_kind>(s.kind)) {
      case edit_kind::digit:
        end_suppression(i);
        out[i] = d[di++];
        break;
      case edit_kind::suppress:
      case edit_kind::float_digit: {
        suppressing = suppressing || armed;
        armed = false;
        const char ch = d[di++];
        if (suppressing && ch == '0') {
          out[i] = fill_;
        } else {
          end_suppression(i);
          out[i] = ch;
        }
        break;
      }
      case edit_kind::float_lead:
        suppressing = true;
        armed = false;
        out[i] = ' ';
        break;
      case edit_kind::insert:
        out[i] = suppressing ? fill_ : s.symbol;
        break;
      case edit_kind::point:
        end_suppression(i);
        out[i] = s.symbol;
        break;
      case edit_kind::plus:
        out[i] = neg ? '-' : '+';
        break;
      case edit_kind::minus:
        out[i] = neg ? '-' : ' ';
        break;
      case edit_kind::sign_letter:
        out[i] = neg ? s.symbol : ' ';
        break;
      case edit_kind::currency:
        out[i] = s.symbol;
        break;
      case edit_kind::overpunch: {
        end_suppression(i);
        const int k = d[di++] - '0';
        out[i] = neg ? negative_punch[k] : positive_punch[k];
        break;
      }
    }
  }
}

decode_status edit_pattern::encode(const decimal& value, char* out) const noexcept {
  char d[decimal::max_digits];
  const bool lost = align_digits(value, scale_, digits_, d);
  edit(d, value.unscaled < 0, out);
  return lost ? decode_status::overflow : decode_status::ok;
}

decode_status edit_pattern::decode(std::string_view text, decimal& out) const noexcept {
  if (text.size() != length_) return decode_status::invalid_length;
  char d[decimal::max_digits];
  int di = 0;
  bool neg = false;
  std::size_t punched = length_;  // the overpunched position, if the picture has S
  std::size_t plus_at = length_;  // a '+' read on a fixed '-' (cobrix_signs_)
  const bool float_sign = float_symbol_ == '+' || float_symbol_ == '-';
  for (std::size_t i = 0; i < length_; ++i) {
    const char c = text[i];
    switch (static_cast<edit_kind>(steps_[i].kind)) {
      case edit_kind::digit:
      case edit_kind::suppress:
      case edit_kind::float_digit:
        // A non-digit here is a suppressed or blanked zero (fill, the floated symbol, BLANK
        // WHEN ZERO); the re-edit below rejects it where MOVE would have shown a digit.
        d[di++] = is_digit(c) ? c : '0';
        if (float_sign && c == '-') neg = true;
        break;
      case edit_kind::minus:
        if (c == '+' && cobrix_signs_) plus_at = i;
        [[fallthrough]];
      case edit_kind::float_lead:
      case edit_kind::plus:
        if (c == '-') neg = true;
        break;
      case edit_kind::insert:  // a floating sign may sit on an insertion position
        if (float_sign && c == '-') neg = true;
        break;
      case edit_kind::sign_letter:
        if (c == steps_[i].symbol && (c == 'C' || c == 'D')) neg = true;
        break;
      case edit_kind::overpunch:
        if (!read_overpunch(c, d[di++], neg)) return decode_status::invalid_edited;
        punched = i;
        break;
      default:
        break;
    }
  }
  char again[max_length];
  edit(d, neg, again);
  // The overpunched position was checked as it was read (a plain digit is accepted there,
  // which the re-edit would not write).
  if (punched < length_) again[punched] = text[punched];
  if (plus_at < length_ && again[plus_at] == ' ') again[plus_at] = '+';
  if (std::memcmp(again, text.data(), length_) != 0) return decode_status::invalid_edited;

  int128_t v = 0;
  int i = 0;
  if (digits_ > 18) {  // keep the common short fields in 64-bit arithmetic
    for (; i < digits_ - 18; ++i) v = v * 10 + (d[i] - '0');
  }
  std::int64_t low = 0;
  for (int j = i; j < digits_; ++j) low = low * 10 + (d[j] - '0');
  if (i > 0) v *= static_cast<int128_t>(detail::pow10_u128(digits_ - i));
  v += low;
  out.unscaled = neg ? -v : v;
  out.scale = scale_;
  return decode_status::ok;
}

}  // namespace mfb::ebcdic
