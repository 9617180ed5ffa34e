#pragma once
// result<T>: a small stand-in for std::expected (GCC 12 has it only under C++23).

#include <string>
#include <utility>
#include <variant>

namespace mfb {

/// A failed operation's reason, for factories and I/O (not for hot-path codecs).
struct error {
  std::string message;
};

/// Hold either a value or an error.
template <typename T>
class result {
 public:
  result(T value) : v_(std::move(value)) {}          // NOLINT(google-explicit-constructor)
  result(error e) : v_(std::move(e)) {}              // NOLINT(google-explicit-constructor)

  bool ok() const noexcept { return v_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const error& err() const { return std::get<1>(v_); }

 private:
  std::variant<T, error> v_;
};

}  // namespace mfb
