// Fuzz target for the REST request path without a socket: the bytes of a connection go
// through the transport's request reader (Beast's parser with our limits), in pieces of a
// size chosen by the first byte, and each request through the service's pre-body check
// (router, query, key) and its handler (no database: the public routes, 401 and 403), then
// its body through the JSON body reader. Checks: no crash; a body never exceeds the limit;
// a response head echoing every request header carries no CR or LF inside a field (the
// header-injection guard); percent_encode/percent_decode give the path back.

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "rest/body_reader.hpp"
#include "mfb/rehost/rest/auth.hpp"
#include "mfb/rehost/rest/service.hpp"
#include "rest/request_reader.hpp"
#include "rest/response_head.hpp"
#include "fuzz_check.hpp"

namespace {

using namespace mfb::rehost;

server_limits small_limits() {
  server_limits l;
  l.max_body_bytes = 2048;
  l.max_header_bytes = 1024;
  l.max_header_count = 16;
  return l;
}

// A key without scopes: the protected routes answer 401 (no or a wrong key) or 403.
service& the_service() {
  static service svc = [] {
    server_config c = server_config::defaults();
    c.limits = small_limits();
    api_key k;
    k.name = "fuzz";
    k.sha256 = sha256("fuzz-key");
    c.api_keys.push_back(k);
    return service(std::move(c));
  }();
  return svc;
}

// Every line of a head ends with CR LF, and no line holds a CR or LF of its own.
void check_head(const std::string& head) {
  FUZZ_CHECK(head.size() >= 4 && head.compare(head.size() - 4, 4, "\r\n\r\n") == 0);
  std::size_t start = 0;
  while (start < head.size()) {
    auto end = head.find("\r\n", start);
    FUZZ_CHECK(end != std::string::npos);
    std::string_view line(head.data() + start, end - start);
    FUZZ_CHECK(line.find('\r') == std::string_view::npos && line.find('\n') == std::string_view::npos);
    start = end + 2;
  }
}

void check_answer(const http_response& r) {
  std::vector<std::string> dropped;
  check_head(detail::response_head(r, true, dropped));
}

// What the server does with one complete request.
void serve(const http_request& req) {
  FUZZ_CHECK(req.body.size() <= small_limits().max_body_bytes);
  check_answer(the_service().handle(req));
  http_response echo;
  for (const auto& [name, value] : req.headers) echo.headers.emplace_back(name, value);
  echo.headers.emplace_back("Location", percent_encode(req.path));
  check_answer(echo);
  std::string back;
  FUZZ_CHECK(percent_decode(percent_encode(req.path), false, back) && back == req.path);
  nlohmann::json body;
  http_response problem;
  if (detail::parse_json_object(req.body, body, problem)) {
    std::vector<problem_field> errors;
    detail::body_reader r(body, errors);
    r.string("copybook");
    r.boolean("strict");
    r.strings("fields");
    r.reject_unknown({"copybook", "strict", "fields"});
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::size_t piece = data[0] % 64u + 1;
  std::string_view wire(reinterpret_cast<const char*>(data + 1), size - 1);
  detail::request_reader reader(small_limits());
  auto buffer = reader.make_buffer();
  for (int requests = 0; requests < 8;) {
    auto stage = reader.feed(buffer);
    if (stage == detail::read_stage::need_more) {
      if (wire.empty()) return 0;  // the client stopped mid-request
      std::size_t room = buffer.max_size() - buffer.size();
      if (room == 0) {
        stage = reader.overflow();
      } else {
        std::size_t n = std::min({piece, room, wire.size()});
        auto into = buffer.prepare(n);
        std::copy_n(wire.data(), n, static_cast<char*>(into.data()));
        buffer.commit(n);
        wire.remove_prefix(n);
        continue;
      }
    }
    if (stage == detail::read_stage::failed) {
      FUZZ_CHECK(reader.failure_status() == 400 || reader.failure_status() == 413 ||
                 reader.failure_status() == 431);
      check_answer(make_problem(reader.failure_status(), reader.failure_detail()));
      return 0;
    }
    if (stage == detail::read_stage::header_done) {
      if (auto refusal = the_service().authorize(reader.request())) {
        check_answer(*refusal);
        return 0;  // answered unread: the connection closes
      }
      if (reader.declared_too_large()) return 0;
      reader.read_body();
      continue;
    }
    serve(reader.request());
    if (!reader.keep_alive()) return 0;
    reader.reset();
    ++requests;
  }
  return 0;
}
