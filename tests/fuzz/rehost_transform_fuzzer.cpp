// Fuzz target for the transform routes with an inline copybook, as a client sends them:
// the input is "COPYBOOK\0DATA" (no NUL: all copybook, no data). Both routes run over a
// real JSON body through transform_engine (decode with the data as base64, encode with a
// fixed value). Checks: no crash; every answer is 200, 400, 413, 415 or 422, never 500;
// the answer never holds text the request did not (the lines of a server file a COPY
// would have read: /etc/passwd's "root:" entry, or a copybook library's member).

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "rest/json_text.hpp"
#include "rest/router.hpp"
#include "rest/transform.hpp"
#include "fuzz_check.hpp"

namespace {

using mfb::rehost::http_request;
using mfb::rehost::http_response;

bool expected_status(int s) { return s == 200 || s == 400 || s == 413 || s == 415 || s == 422; }

// An answer may quote the request, never a file: "root:x:0:0" is /etc/passwd's first line,
// and "not found in" would start the folder list of a COPY member search.
void check_answer(const http_response& r, std::string_view input) {
  FUZZ_CHECK(expected_status(r.status));
  for (std::string_view marker : {"root:", "not found in"})
    if (input.find(marker) == std::string_view::npos)
      FUZZ_CHECK(r.body.find(marker) == std::string::npos);
}

http_response run(mfb::rehost::detail::transform_engine& engine, const std::string& path, std::string body,
                  bool decode) {
  http_request req;
  req.method = "POST";
  req.path = path;
  req.headers["content-type"] = "application/json";
  req.body = std::move(body);
  mfb::rehost::detail::request_context ctx{req, {}, {}, nullptr};
  return decode ? engine.decode(ctx) : engine.encode(ctx);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static mfb::rehost::detail::transform_engine engine;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto nul = input.find('\0');
  std::string_view copybook = input.substr(0, nul);
  std::string_view bytes = nul == std::string_view::npos ? std::string_view{} : input.substr(nul + 1);
  // The copybook must be valid UTF-8 to travel in JSON: replace what is not.
  nlohmann::json text = std::string(copybook);
  std::string copybook_json = text.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string b64 = mfb::rehost::detail::base64_encode(reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                                       bytes.size());
  check_answer(run(engine, "/v1/transform/decode",
                   "{\"copybook\":" + copybook_json + ",\"data\":\"" + b64 + "\"}", true),
               input);
  check_answer(run(engine, "/v1/transform/encode", "{\"copybook\":" + copybook_json + ",\"value\":{}}", false),
               input);
  return 0;
}
