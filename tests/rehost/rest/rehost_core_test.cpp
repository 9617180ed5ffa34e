// Plain-C++ pieces of the facade, checked against published vectors: SHA-256 (FIPS 180-2
// "abc"), base64 (RFC 4648 section 10), plus the scope rules, the YAML config and routing.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rest/json_text.hpp"
#include "mfb/rehost/rest/auth.hpp"
#include "mfb/rehost/rest/config.hpp"
#include "mfb/rehost/rest/service.hpp"
#include "rest/router.hpp"

namespace mfb::rehost {
namespace {

TEST(rehost_auth, sha256_matches_fips_180_2_vector) {
  EXPECT_EQ(to_hex(sha256("abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(rehost_auth, scopes) {
  std::vector<std::string> s{"read:accounts", "write:loans"};
  EXPECT_TRUE(scope_allows(s, access::read, "accounts"));
  EXPECT_FALSE(scope_allows(s, access::write, "accounts"));
  EXPECT_TRUE(scope_allows(s, access::read, "loans"));  // write implies read
  EXPECT_TRUE(scope_allows(s, access::write, "loans"));
  EXPECT_FALSE(scope_allows(s, access::read, "other"));
  EXPECT_TRUE(scope_allows({"read:*"}, access::read, "x"));
  EXPECT_FALSE(scope_allows({"read:*"}, access::write, "x"));
  EXPECT_TRUE(scope_allows({"transform"}, access::transform, ""));
  EXPECT_FALSE(scope_allows({"write:x"}, access::transform, ""));
}

TEST(rehost_auth, authorize) {
  server_config cfg;
  cfg.api_keys.push_back({"a", sha256("secret-a"), {"read:ds"}});
  EXPECT_EQ(authorize(cfg, "", access::read, "ds").status, auth_status::missing);
  EXPECT_EQ(authorize(cfg, "Bearer nope", access::read, "ds").status, auth_status::invalid);
  EXPECT_EQ(authorize(cfg, "Basic secret-a", access::read, "ds").status, auth_status::invalid);
  EXPECT_EQ(authorize(cfg, "bearer secret-a", access::read, "ds").status, auth_status::ok);
  EXPECT_EQ(authorize(cfg, "Bearer secret-a", access::write, "ds").status, auth_status::forbidden);
}

TEST(rehost_json_text, base64_rfc4648_vectors) {
  const char* vectors[][2] = {{"", ""},         {"f", "Zg=="},       {"fo", "Zm8="},
                              {"foo", "Zm9v"},  {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="},
                              {"foobar", "Zm9vYmFy"}};
  for (auto& v : vectors) {
    std::string plain = v[0];
    EXPECT_EQ(detail::base64_encode(reinterpret_cast<const std::uint8_t*>(plain.data()), plain.size()), v[1]);
    std::vector<std::uint8_t> back;
    ASSERT_TRUE(detail::base64_decode(v[1], back));
    EXPECT_EQ(std::string(back.begin(), back.end()), plain);
  }
  std::vector<std::uint8_t> out;
  EXPECT_FALSE(detail::base64_decode("Zm9v!", out));
  EXPECT_FALSE(detail::base64_decode("Zg==Zg==", out));
  EXPECT_FALSE(detail::base64_decode("Z", out));
}

TEST(rehost_json_text, raw_member_keeps_number_text) {
  std::string body = R"({"a": "x,}", "value": {"N": 12345678901234567890.123, "S": "}"}, "z": 1})";
  auto v = detail::raw_member(body, "value");
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(*v, R"({"N": 12345678901234567890.123, "S": "}"})");
  EXPECT_FALSE(detail::raw_member(body, "missing").has_value());
  EXPECT_EQ(detail::numbers_as_strings(R"({"A":-1.50,"B":"7","C":[0,null]})"),
            R"({"A":"-1.50","B":"7","C":["0",null]})");
}

TEST(rehost_config, parses_and_rejects) {
  auto ok = parse_config(
      "api_keys:\n  - name: k\n    sha256: " + to_hex(sha256("x")) +
          "\n    scopes: [\"read:*\"]\nlimits:\n  max_body_bytes: 10\n  max_page_size: 5\n",
      "t");
  ASSERT_TRUE(ok) << ok.err().message;
  EXPECT_EQ(ok->limits.max_body_bytes, 10u);
  EXPECT_EQ(ok->limits.default_page_size, 5u);
  EXPECT_FALSE(parse_config("api_keys:\n  - name: k\n    sha256: 12\n", "t"));
  EXPECT_FALSE(parse_config("apikeys: []\n", "t"));
  EXPECT_FALSE(parse_config("api_keys:\n  - name: k\n    sha256: " + to_hex(sha256("x")) +
                                "\n    scopes: [\"admin\"]\n",
                            "t"));
  EXPECT_FALSE(parse_config("tls:\n  certificate: c.pem\n", "t"));
}

TEST(rehost_router, segments_are_decoded_one_by_one) {
  detail::router r;
  detail::route a;
  a.method = "GET";
  a.pattern = "/v1/datasets/{ds}/records/{key}";
  r.add(a);
  auto m = r.find("GET", "/v1/datasets/acc/records/A%2FB,1");
  ASSERT_NE(m.found, nullptr);
  EXPECT_EQ(m.params["key"], "A/B,1");
  EXPECT_EQ(r.find("POST", "/v1/datasets/acc/records/1").allowed, std::vector<std::string>{"GET"});
  EXPECT_EQ(r.find("GET", "/v1/datasets/acc/records/").found, nullptr);
  EXPECT_TRUE(r.find("GET", "/v1/datasets/%zz/records/1").bad_path);
}

TEST(rehost_service, problems_without_http) {
  service svc(server_config::defaults());
  http_request req;
  req.method = "POST";
  req.path = "/v1/transform/decode";
  auto r = svc.handle(req);
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.content_type, "application/problem+json");
  req.method = "GET";
  req.path = "/healthz";
  EXPECT_EQ(svc.handle(req).status, 200);
  EXPECT_NE(svc.metrics().render().find(
                "mfb_http_requests_total{method=\"POST\",route=\"/v1/transform/decode\",status=\"401\"} 1"),
            std::string::npos);
}

}  // namespace
}  // namespace mfb::rehost
