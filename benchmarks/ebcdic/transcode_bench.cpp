// cp037 -> UTF-8 through our 256-entry tables, side by side with glibc iconv and ICU on the
// same 64 MiB buffer; plus encode and a mixed-page (cp930) decode for information. Each
// benchmark checks its output against iconv (or the source text) before timing.

#include <benchmark/benchmark.h>
#include <iconv.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include "mfb/ebcdic/code_page.hpp"

namespace {

using mfb::ebcdic::code_page;
using mfb::ebcdic::decode_status;

constexpr std::size_t buffer_size = 64u << 20;

/// Realistic record text: words, digits, spaces and some punctuation; with `accents`, about
/// one character in 20 is a Latin-1 letter (2 bytes of UTF-8).
std::string make_text(bool accents) {
  static const char* words[] = {"ACME", "Smith", "Street", "LONDON", "invoice", "total",
                                "Mueller", "account", "CLOSED", "paid", "branch", "ref"};
  static const char* accented[] = {"é", "ü", "ñ", "£", "ç", "à", "ö", "ß"};
  std::mt19937 rng(42);
  std::string s;
  s.reserve(buffer_size + 64);
  while (s.size() < buffer_size) {
    const auto r = rng() % 100;
    if (r < 55) {
      s += words[rng() % 12];
    } else if (r < 80) {
      s += std::to_string(rng() % 100000);
    } else if (r < 88) {
      s += ".,-/()*"[rng() % 7];
    } else if (accents && r < 93) {
      s += accented[rng() % 8];
    }
    s += ' ';
  }
  // Cut at a character boundary, so the EBCDIC buffer holds whole characters.
  while (s.size() > buffer_size || (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
  return s;
}

std::string iconv_convert(const char* to, const char* from, const std::string& in, std::size_t cap) {
  iconv_t cd = iconv_open(to, from);
  std::string out(cap, '\0');
  char* src = const_cast<char*>(in.data());
  std::size_t left = in.size();
  char* dst = out.data();
  std::size_t room = out.size();
  std::size_t rc = iconv(cd, &src, &left, &dst, &room);
  iconv_close(cd);
  if (rc == static_cast<std::size_t>(-1) || left != 0) return {};
  out.resize(out.size() - room);
  return out;
}

struct data_set {
  std::string utf8;    ///< the text
  std::string ebcdic;  ///< the text in cp037, converted by iconv
};

const data_set& data(bool accents) {
  static data_set sets[2];
  data_set& d = sets[accents ? 1 : 0];
  if (d.utf8.empty()) {
    d.utf8 = make_text(accents);
    d.ebcdic = iconv_convert("IBM037", "UTF-8", d.utf8, d.utf8.size());
  }
  return d;
}

std::size_t mfb_decode(const code_page& cp, const std::string& in, std::string& out) {
  std::size_t w = 0;
  cp.decode(reinterpret_cast<const std::uint8_t*>(in.data()), in.size(), out.data(), w);
  return w;
}

void BM_cp037_decode_mfb(benchmark::State& state) {
  const auto& d = data(state.range(0) != 0);
  auto cp = code_page::open("cp037");
  std::string out(d.ebcdic.size() * cp->max_utf8_per_byte(), '\0');
  if (d.ebcdic.empty() || std::string_view(out.data(), mfb_decode(*cp, d.ebcdic, out)) != d.utf8)
    state.SkipWithError("output differs from iconv's");
  for (auto _ : state) benchmark::DoNotOptimize(mfb_decode(*cp, d.ebcdic, out));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(d.ebcdic.size()));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(d.ebcdic.size()));
}
BENCHMARK(BM_cp037_decode_mfb)->Arg(0)->Arg(1)->ArgName("accents")->Unit(benchmark::kMillisecond);

/// The way the bridge calls it: one call per field (20-byte fields).
void BM_cp037_decode_mfb_fields(benchmark::State& state) {
  const auto& d = data(state.range(0) != 0);
  auto cp = code_page::open("cp037");
  std::string out(d.ebcdic.size() * cp->max_utf8_per_byte(), '\0');
  const auto* in = reinterpret_cast<const std::uint8_t*>(d.ebcdic.data());
  const std::size_t n = d.ebcdic.size();
  auto run = [&] {
    std::size_t total = 0;
    for (std::size_t i = 0; i < n; i += 20) {
      std::size_t w = 0;
      cp->decode(in + i, std::min<std::size_t>(20, n - i), out.data() + total, w);
      total += w;
    }
    return total;
  };
  if (std::string_view(out.data(), run()) != d.utf8) state.SkipWithError("output differs");
  for (auto _ : state) benchmark::DoNotOptimize(run());
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(n));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>((n / 20)));
}
BENCHMARK(BM_cp037_decode_mfb_fields)->Arg(0)->Arg(1)->ArgName("accents")->Unit(benchmark::kMillisecond);

void BM_cp037_decode_iconv(benchmark::State& state) {
  const auto& d = data(state.range(0) != 0);
  std::string out(d.ebcdic.size() * 3, '\0');
  iconv_t cd = iconv_open("UTF-8", "IBM037");
  auto run = [&] {
    char* src = const_cast<char*>(d.ebcdic.data());
    std::size_t left = d.ebcdic.size();
    char* dst = out.data();
    std::size_t room = out.size();
    iconv(cd, &src, &left, &dst, &room);
    return out.size() - room;
  };
  if (std::string_view(out.data(), run()) != d.utf8) state.SkipWithError("iconv differs");
  for (auto _ : state) benchmark::DoNotOptimize(run());
  iconv_close(cd);
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(d.ebcdic.size()));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(d.ebcdic.size()));
}
BENCHMARK(BM_cp037_decode_iconv)->Arg(0)->Arg(1)->ArgName("accents")->Unit(benchmark::kMillisecond);

void BM_cp037_decode_icu(benchmark::State& state) {
  const auto& d = data(state.range(0) != 0);
  UErrorCode err = U_ZERO_ERROR;
  UConverter* conv = ucnv_open("ibm-37", &err);
  std::vector<UChar> u(d.ebcdic.size() + 1);
  std::string out(d.ebcdic.size() * 3, '\0');
  auto run = [&] {
    UErrorCode e = U_ZERO_ERROR;
    int32_t n = ucnv_toUChars(conv, u.data(), static_cast<int32_t>(u.size()), d.ebcdic.data(),
                              static_cast<int32_t>(d.ebcdic.size()), &e);
    int32_t n8 = 0;
    u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &n8, u.data(), n, &e);
    return static_cast<std::size_t>(n8);
  };
  if (std::string_view(out.data(), run()) != d.utf8) state.SkipWithError("ICU differs");
  for (auto _ : state) benchmark::DoNotOptimize(run());
  ucnv_close(conv);
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(d.ebcdic.size()));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(d.ebcdic.size()));
}
BENCHMARK(BM_cp037_decode_icu)->Arg(0)->Arg(1)->ArgName("accents")->Unit(benchmark::kMillisecond);

void BM_cp037_encode_mfb(benchmark::State& state) {
  const auto& d = data(state.range(0) != 0);
  auto cp = code_page::open("cp037");
  std::vector<std::uint8_t> out(d.ebcdic.size());
  auto run = [&] { return cp->encode(d.utf8, out.data(), out.size()); };
  if (run() != decode_status::ok || std::memcmp(out.data(), d.ebcdic.data(), out.size()) != 0)
    state.SkipWithError("encode differs from iconv's");
  for (auto _ : state) benchmark::DoNotOptimize(run());
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(d.utf8.size()));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(d.ebcdic.size()));
}
BENCHMARK(BM_cp037_encode_mfb)->Arg(0)->Arg(1)->ArgName("accents")->Unit(benchmark::kMillisecond);

void BM_cp037_encode_iconv(benchmark::State& state) {
  const auto& d = data(state.range(0) != 0);
  std::string out(d.utf8.size(), '\0');
  iconv_t cd = iconv_open("IBM037", "UTF-8");
  auto run = [&] {
    char* src = const_cast<char*>(d.utf8.data());
    std::size_t left = d.utf8.size();
    char* dst = out.data();
    std::size_t room = out.size();
    iconv(cd, &src, &left, &dst, &room);
    return out.size() - room;
  };
  if (std::string_view(out.data(), run()) != d.ebcdic) state.SkipWithError("iconv differs");
  for (auto _ : state) benchmark::DoNotOptimize(run());
  iconv_close(cd);
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(d.utf8.size()));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(d.ebcdic.size()));
}
BENCHMARK(BM_cp037_encode_iconv)->Arg(0)->Arg(1)->ArgName("accents")->Unit(benchmark::kMillisecond);

/// cp930 fields of 40 bytes: SBCS text with a DBCS run (SO ... SI), for information.
void BM_cp930_decode_fields(benchmark::State& state) {
  auto cp = code_page::open("cp930");
  const std::string text = "ABC 123 日本語テキスト";
  std::vector<std::uint8_t> field(40);
  if (cp->encode(text, field.data(), field.size()) != decode_status::ok)
    state.SkipWithError("cannot encode sample");
  const std::size_t fields = 1u << 16;
  std::vector<std::uint8_t> in;
  for (std::size_t i = 0; i < fields; ++i) in.insert(in.end(), field.begin(), field.end());
  std::string out(field.size() * 3, '\0');
  std::size_t w = 0;
  cp->decode(field.data(), field.size(), out.data(), w);
  if (std::string_view(out.data(), w).substr(0, text.size()) != text) state.SkipWithError("differs");
  for (auto _ : state)
    for (std::size_t i = 0; i < fields; ++i) {
      cp->decode(in.data() + i * 40, 40, out.data(), w);
      benchmark::DoNotOptimize(w);
    }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(in.size()));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(fields));
}
BENCHMARK(BM_cp930_decode_fields)->Unit(benchmark::kMillisecond);

}  // namespace
