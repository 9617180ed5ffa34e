// Lock and state file of a job. flock (not a pid file alone) so that the kernel releases the
// lock when a runner dies; the pid written into the file only names the holder in messages.

#include "jobs/job_state.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace mfb::rehost::detail {

mfb::result<job_lock> job_lock::acquire(const std::filesystem::path& file, const std::string& job) {
  int fd = open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0)
    return mfb::error{file.string() + ": cannot open the lock file: " + std::strerror(errno)};
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    std::string holder;
    char buf[64] = {};
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    if (n > 0) holder.assign(buf, static_cast<std::size_t>(n));
    while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' ')) holder.pop_back();
    close(fd);
    if (err == EWOULDBLOCK)
      return mfb::error{"job " + job + " is already running (pid " +
                        (holder.empty() ? "unknown" : holder) + " holds " + file.string() +
                        "); not starting a second run"};
    return mfb::error{file.string() + ": cannot lock: " + std::strerror(err)};
  }
  std::string pid = std::to_string(getpid()) + "\n";
  if (ftruncate(fd, 0) != 0 || pwrite(fd, pid.data(), pid.size(), 0) < 0) {
    // The lock is held all the same; only the holder's name in messages is lost.
  }
  return job_lock(fd);
}

job_lock::~job_lock() {
  if (fd_ >= 0) close(fd_);  // closing the last descriptor releases the flock
}

std::optional<job_state> read_state(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return std::nullopt;
  try {
    nlohmann::json j = nlohmann::json::parse(in);
    job_state s;
    s.job = j.at("job").get<std::string>();
    s.run_id = j.at("run_id").get<std::int64_t>();
    s.fingerprint = j.at("fingerprint").get<std::string>();
    s.history = j.value("history", "");
    s.status = j.at("status").get<std::string>();
    for (const auto& js : j.at("steps")) {
      state_step st;
      st.name = js.at("name").get<std::string>();
      st.signature = js.at("signature").get<std::string>();
      st.status = js.at("status").get<std::string>();
      if (js.contains("exit_code") && !js["exit_code"].is_null())
        st.exit_code = js["exit_code"].get<int>();
      if (js.contains("completed_in") && !js["completed_in"].is_null())
        st.completed_in = js["completed_in"].get<std::int64_t>();
      s.steps.push_back(std::move(st));
    }
    return s;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

mfb::result<bool> write_state(const std::filesystem::path& file, const job_state& s) {
  nlohmann::ordered_json j;
  j["job"] = s.job;
  j["run_id"] = s.run_id;
  j["fingerprint"] = s.fingerprint;
  j["history"] = s.history;
  j["status"] = s.status;
  j["steps"] = nlohmann::ordered_json::array();
  for (const auto& st : s.steps) {
    nlohmann::ordered_json js;
    js["name"] = st.name;
    js["signature"] = st.signature;
    js["status"] = st.status;
    js["exit_code"] =
        st.exit_code ? nlohmann::ordered_json(*st.exit_code) : nlohmann::ordered_json();
    js["completed_in"] =
        st.completed_in ? nlohmann::ordered_json(*st.completed_in) : nlohmann::ordered_json();
    j["steps"].push_back(js);
  }
  std::string text = j.dump(2) + "\n";
  std::filesystem::path tmp = file;
  tmp += ".tmp";
  int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return mfb::error{tmp.string() + ": " + std::strerror(errno)};
  bool ok =
      write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && fsync(fd) == 0;
  int err = errno;
  close(fd);
  if (!ok || std::rename(tmp.c_str(), file.c_str()) != 0)
    return mfb::error{file.string() +
                      ": cannot write the job state: " + std::strerror(ok ? errno : err)};
  return true;
}

}  // namespace mfb::rehost::detail
