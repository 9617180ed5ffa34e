// PICTURE strings of edited items: repetition factors, and the alphanumeric-edited pattern
// (X A 9 data positions with B 0 / insertion), which needs nothing more than expansion.

#include <cstring>
#include <string>

#include "edited_detail.hpp"
#include "mfb/ebcdic/edited.hpp"

namespace mfb::ebcdic {
namespace detail {

namespace {

char upper(char c) noexcept { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }

// Symbols that may carry a repetition factor "(n)". V, the period, CR and DB may not.
bool repeatable(char c) noexcept { return std::strchr("9ZX*A+-$B0/,P", c) != nullptr; }

}  // namespace

bool expand_picture(std::string_view picture, std::size_t max_length, std::string& tokens,
                    std::string& why) {
  tokens.clear();
  for (std::size_t i = 0; i < picture.size(); ++i) {
    const char c = upper(picture[i]);
    if (c == '(') {
      if (tokens.empty() || !repeatable(tokens.back())) {
        why = "repetition factor without a repeatable symbol before it";
        return false;
      }
      std::size_t n = 0;
      std::size_t j = i + 1;
      for (; j < picture.size() && picture[j] >= '0' && picture[j] <= '9'; ++j) {
        n = n * 10 + static_cast<std::size_t>(picture[j] - '0');
        if (n > max_length) break;
      }
      if (j == i + 1 || j >= picture.size() || picture[j] != ')' || n == 0 || n > max_length) {
        why = "bad repetition factor";
        return false;
      }
      tokens.append(n - 1, tokens.back());
      i = j;
    } else if ((c == 'C' || c == 'D') && i + 1 < picture.size() &&
               upper(picture[i + 1]) == (c == 'C' ? 'R' : 'B')) {
      tokens.push_back(c);
      ++i;
    } else if (std::strchr("9ZX*A+-$B0/,.VPS", c) != nullptr && c != '\0') {
      tokens.push_back(c);
    } else {
      why = std::string("symbol '") + picture[i] + "' not allowed in an edited picture";
      return false;
    }
    if (tokens.size() > max_length) {
      why = "edited picture too long";
      return false;
    }
  }
  if (tokens.empty()) {
    why = "empty picture";
    return false;
  }
  return true;
}

}  // namespace detail

result<alnum_edit_pattern> alnum_edit_pattern::compile(std::string_view picture) {
  std::string tokens;
  std::string why;
  if (!detail::expand_picture(picture, edit_pattern::max_length, tokens, why)) {
    return error{why + " in PICTURE " + std::string(picture)};
  }
  alnum_edit_pattern p;
  for (const char c : tokens) {
    switch (c) {
      case 'X':
      case 'A':
      case '9':
        p.picture_.push_back('X');
        ++p.data_length_;
        break;
      case 'B':
        p.picture_.push_back(' ');
        break;
      case '0':
      case '/':
        p.picture_.push_back(c);
        break;
      default:
        return error{std::string("symbol '") + c +
                     "' not allowed in an alphanumeric-edited PICTURE " + std::string(picture)};
    }
  }
  return p;
}

decode_status alnum_edit_pattern::insert(std::string_view data, char* out) const noexcept {
  std::size_t next = 0;
  for (std::size_t i = 0; i < picture_.size(); ++i) {
    if (picture_[i] == 'X') {
      out[i] = next < data.size() ? data[next] : ' ';
      ++next;
    } else {
      out[i] = picture_[i];
    }
  }
  return data.size() > data_length_ ? decode_status::overflow : decode_status::ok;
}

decode_status alnum_edit_pattern::remove(std::string_view text, char* out) const noexcept {
  if (text.size() != picture_.size()) return decode_status::invalid_length;
  std::size_t next = 0;
  for (std::size_t i = 0; i < picture_.size(); ++i) {
    if (picture_[i] == 'X') {
      out[next++] = text[i];
    } else if (text[i] != picture_[i]) {
      return decode_status::invalid_edited;
    }
  }
  return decode_status::ok;
}

}  // namespace mfb::ebcdic
