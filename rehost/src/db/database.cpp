// Pick the target from its connection string.

#include "mfb/rehost/db/database.hpp"

#include "db/database_detail.hpp"

namespace mfb::rehost {

std::unique_ptr<database> database::open(const std::string& target, open_mode mode) {
  if (target.rfind("sqlite:", 0) == 0) {
    std::string file = target.substr(7);
    if (file.empty()) throw db_error("sqlite: target needs a file name (sqlite:FILE)");
    return detail::open_sqlite(file, mode == open_mode::create);
  }
  if (target.rfind("postgresql://", 0) == 0 || target.rfind("postgres://", 0) == 0)
    return detail::open_postgresql(target);
  throw db_error("unknown target " + redact_target(target) +
                 ": expected sqlite:FILE or postgresql://...");
}

std::string redact_target(std::string_view target) {
  // postgresql://user:secret@host/db -> postgresql://user:***@host/db
  std::string t(target);
  auto scheme = t.find("://");
  auto at = t.find('@');
  if (scheme == std::string::npos || at == std::string::npos || at < scheme) return t;
  auto colon = t.find(':', scheme + 3);
  if (colon != std::string::npos && colon < at) t.replace(colon + 1, at - colon - 1, "***");
  auto pw = t.find("password=");
  if (pw != std::string::npos) {
    auto end = t.find('&', pw);
    t.replace(pw + 9, (end == std::string::npos ? t.size() : end) - pw - 9, "***");
  }
  return t;
}

}  // namespace mfb::rehost
