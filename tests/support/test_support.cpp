#include "test_support.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <stdexcept>

namespace mfb::test {

std::filesystem::path source_dir() { return MFB_SOURCE_DIR; }
std::filesystem::path binary_dir() { return MFB_BINARY_DIR; }

std::string read_file(const std::filesystem::path& p) {
  // Sized read rather than istreambuf_iterator: GCC 12 warns (-Wnull-dereference) inside
  // <streambuf> for the iterator form, and CI builds with -Werror.
  std::ifstream in(p, std::ios::binary | std::ios::ate);
  if (!in) throw std::runtime_error("cannot open " + p.string());
  std::string s(static_cast<std::size_t>(in.tellg()), '\0');
  in.seekg(0);
  in.read(s.data(), static_cast<std::streamsize>(s.size()));
  if (!in) throw std::runtime_error("cannot read " + p.string());
  return s;
}

std::vector<std::uint8_t> read_bytes(const std::filesystem::path& p) {
  std::string s = read_file(p);
  return {s.begin(), s.end()};
}

void write_file(const std::filesystem::path& p, std::string_view content) {
  std::ofstream out(p, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

std::vector<std::uint8_t> from_hex(std::string_view hex) {
  std::vector<std::uint8_t> out;
  int hi = -1;
  for (char c : hex) {
    int v;
    if (c >= '0' && c <= '9') v = c - '0';
    else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
    else continue;
    if (hi < 0) {
      hi = v;
    } else {
      out.push_back(static_cast<std::uint8_t>(hi * 16 + v));
      hi = -1;
    }
  }
  return out;
}

std::string to_hex(const std::uint8_t* data, std::size_t size) {
  static const char digits[] = "0123456789ABCDEF";
  std::string s;
  s.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    s.push_back(digits[data[i] >> 4]);
    s.push_back(digits[data[i] & 15]);
  }
  return s;
}

temp_dir::temp_dir() {
  std::random_device rd;
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto p = std::filesystem::temp_directory_path() / ("mfb-test-" + std::to_string(rd()));
    if (std::filesystem::create_directory(p)) {
      path_ = p;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary folder");
}

temp_dir::~temp_dir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

command_result run_command(const std::string& command) {
  temp_dir tmp;
  auto out = tmp.path() / "out";
  auto err = tmp.path() / "err";
  std::string full = "(" + command + ") >'" + out.string() + "' 2>'" + err.string() + "'";
  int raw = std::system(full.c_str());
  command_result r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

bool have_program(const std::string& name) {
  return run_command("command -v " + name).status == 0;
}

}  // namespace mfb::test
