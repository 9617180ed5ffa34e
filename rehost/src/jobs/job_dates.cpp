// Date parsing, arithmetic and formatting for job variables, on std::chrono's calendar
// types (proleptic Gregorian, as Python's datetime and z/OS date services use).

#include <chrono>
#include <cstdio>
#include <ctime>

#include "mfb/rehost/jobs/job_vars.hpp"

namespace mfb::rehost {

namespace {

std::chrono::year_month_day to_ymd(job_date d) {
  return std::chrono::year_month_day{std::chrono::year{d.year}, std::chrono::month{d.month},
                                     std::chrono::day{d.day}};
}

job_date from_ymd(std::chrono::year_month_day d) {
  return {static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
          static_cast<unsigned>(d.day())};
}

std::string padded(long value, int width) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%0*ld", width, value);
  return buf;
}

}  // namespace

std::optional<job_date> parse_iso_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  int v[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int f = 0; f < 3; ++f) {
    for (std::size_t i = 0; i < lengths[f]; ++i) {
      char c = t[starts[f] + i];
      if (c < '0' || c > '9') return std::nullopt;
      v[f] = v[f] * 10 + (c - '0');
    }
  }
  job_date d{v[0], static_cast<unsigned>(v[1]), static_cast<unsigned>(v[2])};
  if (!to_ymd(d).ok()) return std::nullopt;
  return d;
}

std::optional<job_date> add_to_date(job_date date, long amount, char unit) {
  using namespace std::chrono;
  year_month_day d = to_ymd(date);
  switch (unit) {
    case 'd':
    case 'w': {
      sys_days s{d};
      s += days{unit == 'w' ? amount * 7 : amount};
      return from_ymd(year_month_day{s});
    }
    case 'm':
    case 'y': {
      year_month_day r = unit == 'm' ? d + months{amount} : d + years{amount};
      if (!r.ok()) r = year_month_day_last{r.year(), month_day_last{r.month()}};
      return from_ymd(r);
    }
    default:
      return std::nullopt;
  }
}

mfb::result<std::string> format_date(job_date date, std::string_view pattern) {
  using namespace std::chrono;
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    char c = pattern[i];
    bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    if (!letter) {
      out += c;
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < pattern.size() && pattern[j] == c) ++j;
    std::string_view run = pattern.substr(i, j - i);
    if (run == "yyyy") {
      out += padded(date.year, 4);
    } else if (run == "yy") {
      out += padded(((date.year % 100) + 100) % 100, 2);
    } else if (run == "MM") {
      out += padded(date.month, 2);
    } else if (run == "dd") {
      out += padded(date.day, 2);
    } else if (run == "DDD") {
      sys_days jan1{year{date.year} / January / 1};
      out += padded((sys_days{to_ymd(date)} - jan1).count() + 1, 3);
    } else {
      return mfb::error{"unknown date pattern letters '" + std::string(run) +
                        "' (use yyyy, yy, MM, dd, DDD)"};
    }
    i = j;
  }
  return out;
}

job_date today_local() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  return {tm.tm_year + 1900, static_cast<unsigned>(tm.tm_mon + 1),
          static_cast<unsigned>(tm.tm_mday)};
}

}  // namespace mfb::rehost
