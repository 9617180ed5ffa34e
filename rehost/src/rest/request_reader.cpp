// One HTTP/1.1 request from bytes: Beast's parser plus the facade's limits and stops.

#include "rest/request_reader.hpp"

#include <cctype>
#include <cstdint>
#include <limits>

#include <boost/beast/core/string.hpp>  // iequals: ASCII case-insensitive, as HTTP wants
#include <boost/beast/http/error.hpp>
#include <cpprest/base_uri.h>

namespace mfb::rehost::detail {

namespace bhttp = boost::beast::http;

namespace {

// Room past the header limit for one read of body bytes (the parser consumes body bytes as
// they come, so only a header or a chunk line ever accumulates in the buffer).
constexpr std::size_t read_room = 64 * 1024;

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Beast's string_view is Boost's in Boost 1.74.
std::string_view view(boost::beast::string_view s) { return {s.data(), s.size()}; }


}  // namespace

request_reader::request_reader(const server_limits& limits) : limits_(limits) { reset(); }

boost::beast::flat_buffer request_reader::make_buffer() const {
  return boost::beast::flat_buffer(limits_.max_header_bytes + read_room);
}

void request_reader::reset() {
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(limits_.max_header_bytes));
  // No body limit while the header is read: a declared length past the limit is the
  // caller's to refuse (after authentication), not a parse error.
  // (Not boost::none: Beast 1.74 compares the length with the optional, and none is less
  // than any length.)
  parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
  parser_->eager(false);
  request_ = http_request();
  header_reported_ = false;
  failure_status_ = 0;
  failure_detail_.clear();
}

read_stage request_reader::fail(int status, std::string detail) {
  failure_status_ = status;
  failure_detail_ = std::move(detail);
  return read_stage::failed;
}

read_stage request_reader::overflow() {
  if (!parser_->is_header_done())
    return fail(431, "the request line and headers exceed " + std::to_string(limits_.max_header_bytes) + " bytes");
  return fail(400, "a chunk line of the body is too long");
}

read_stage request_reader::feed(boost::beast::flat_buffer& buffer) {
  while (true) {
    if (failure_status_ != 0) return read_stage::failed;
    if (parser_->is_header_done() && !header_reported_) {
      if (header_in() == read_stage::failed) return read_stage::failed;
      if (!parser_->is_done()) return read_stage::header_done;
    }
    if (parser_->is_done()) {
      request_.body = std::move(parser_->get().body());
      return read_stage::complete;
    }
    if (buffer.size() == 0) return read_stage::need_more;
    boost::beast::error_code ec;
    std::size_t used = parser_->put(buffer.data(), ec);
    buffer.consume(used);
    if (ec == bhttp::error::need_more) return read_stage::need_more;
    if (ec == bhttp::error::header_limit) return overflow();
    if (ec == bhttp::error::body_limit)
      return fail(413, "the body exceeds " + std::to_string(limits_.max_body_bytes) + " bytes");
    if (ec) return fail(400, "the request is not valid HTTP/1.1 (" + ec.message() + ")");
    if (used == 0 && !parser_->is_done() && header_reported_) return read_stage::need_more;
  }
}

// The header is in: fill in the request, check what only the whole header can tell.
read_stage request_reader::header_in() {
  header_reported_ = true;
  const auto& msg = parser_->get();
  std::size_t count = 0;
  for (const auto& field : msg) {
    if (++count > limits_.max_header_count)
      return fail(431, "the request has more than " + std::to_string(limits_.max_header_count) + " header fields");
    auto& value = request_.headers[lower(view(field.name_string()))];
    // Repeated fields join with ", " (RFC 9110 5.3).
    if (!value.empty()) value += ", ";
    value += view(field.value());
  }
  request_.method = std::string(view(msg.method_string()));
  std::string target(view(msg.target()));
  if (target.empty() || target.front() != '/')
    return fail(400, "the request target must be a path starting with '/'");
  // cpprestsdk's URI grammar (RFC 3986) decides what a valid target is, as it did when its
  // listener served: Beast checks only the characters of the request line.
  if (!web::uri::validate(target)) return fail(400, "the request target is not a valid URI");
  web::uri uri(target);
  request_.path = uri.path();
  request_.query = uri.query();
  // A transfer coding other than chunked leaves the body's end unknown (RFC 9112 6.3).
  if (request_.headers.count("transfer-encoding") != 0 && !parser_->chunked())
    return fail(400, "the only transfer coding accepted is chunked");
  return read_stage::header_done;
}

bool request_reader::declared_too_large() const {
  auto length = parser_->content_length();
  return length && *length > limits_.max_body_bytes;
}

bool request_reader::expects_continue() const {
  auto it = request_.headers.find("expect");
  return it != request_.headers.end() && boost::beast::iequals(it->second, "100-continue");
}

bool request_reader::keep_alive() const { return parser_->get().keep_alive(); }

void request_reader::read_body() {
  parser_->body_limit(limits_.max_body_bytes);
  parser_->eager(true);
}

}  // namespace mfb::rehost::detail
