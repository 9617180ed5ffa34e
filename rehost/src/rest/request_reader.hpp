#pragma once
// Reading one HTTP/1.1 request from bytes, without a socket (so the fuzzer drives the same
// code as the server). Boost.Beast's parser does the grammar; this adds the limits and the
// stops the server needs: the header is reported before any body byte is parsed, so the
// caller can refuse a request unread; a declared Content-Length past the body limit is
// reported without reading; a chunked body counts against the limit as its chunks are
// announced. Header bytes are bounded by the parser and by the buffer's capacity.

#include <cstddef>
#include <optional>
#include <string>

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "mfb/rehost/rest/config.hpp"
#include "mfb/rehost/rest/http_types.hpp"

namespace mfb::rehost::detail {

/// Where a request stands after the bytes fed so far.
enum class read_stage {
  need_more,    ///< feed more bytes
  header_done,  ///< the header is in and a body follows: decide, then read_body() or refuse
  complete,     ///< the whole request is in: request() holds it
  failed,       ///< malformed or over a limit: answer failure_status() and close
};

class request_reader {
 public:
  explicit request_reader(const server_limits& limits);

  /// The buffer reads go into: its capacity bounds what a header (or chunk line) may take.
  boost::beast::flat_buffer make_buffer() const;

  /// Parse what `buffer` holds, consuming what was parsed. Stops once at header_done
  /// (requests with a body only), then at complete or failed.
  read_stage feed(boost::beast::flat_buffer& buffer);
  /// The buffer is full and the parser still needs more: the header (or a chunk line) is
  /// too long. Returns failed.
  read_stage overflow();

  /// The request: headers from header_done on, the body too once complete.
  http_request& request() noexcept { return request_; }
  /// The declared Content-Length exceeds the body limit (known at header_done).
  bool declared_too_large() const;
  /// The client waits for "100 Continue" before sending its body.
  bool expects_continue() const;
  /// The connection may serve another request after this one.
  bool keep_alive() const;
  /// Continue past header_done into the body.
  void read_body();

  int failure_status() const noexcept { return failure_status_; }
  const std::string& failure_detail() const noexcept { return failure_detail_; }

  /// Start over for the next request on the same connection.
  void reset();

 private:
  read_stage fail(int status, std::string detail);
  read_stage header_in();

  server_limits limits_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  http_request request_;
  bool header_reported_ = false;
  int failure_status_ = 0;
  std::string failure_detail_;
};

}  // namespace mfb::rehost::detail
