#pragma once
// Small helpers shared by every test binary: files, hex, paths, and running commands.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace mfb::test {

/// The repository root (for tests/data, samples, the peer suite beside it).
std::filesystem::path source_dir();
/// The build folder (for build/mfbridge).
std::filesystem::path binary_dir();

std::string read_file(const std::filesystem::path& p);
std::vector<std::uint8_t> read_bytes(const std::filesystem::path& p);
void write_file(const std::filesystem::path& p, std::string_view content);

/// "C1 C2 0F" or "c1c20f" (spaces ignored) -> bytes.
std::vector<std::uint8_t> from_hex(std::string_view hex);
/// bytes -> "C1C20F".
std::string to_hex(const std::uint8_t* data, std::size_t size);
inline std::string to_hex(const std::vector<std::uint8_t>& v) { return to_hex(v.data(), v.size()); }

/// A fresh temporary folder, removed by its destructor.
class temp_dir {
 public:
  temp_dir();
  ~temp_dir();
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// Run a shell command; return its exit status, with stdout (and stderr) captured.
struct command_result {
  int status = -1;
  std::string out;
  std::string err;
};
command_result run_command(const std::string& command);

/// Tell whether an executable is on PATH (e.g. cobc, uconv).
bool have_program(const std::string& name);

}  // namespace mfb::test
