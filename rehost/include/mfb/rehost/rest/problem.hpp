#pragma once
// RFC 7807 problem details: every 4xx/5xx answer of the facade is application/problem+json
// built here, so no handler can leak an exception text, a stack trace or SQL.

#include <string>
#include <string_view>
#include <vector>

#include "mfb/rehost/rest/http_types.hpp"

namespace mfb::rehost {

/// One bad input item of a validation problem (`errors` member).
struct problem_field {
  std::string field;   ///< JSON field path ("BALANCE", "REC.LINES(2).AMOUNT") or request member
  std::string reason;  ///< human sentence
  std::string value;   ///< the offending value as given (shortened), may be empty
};

/// Return the reason phrase for `status` ("Not Found"); "Error" for unknown codes.
std::string_view status_title(int status);

/// Build a problem+json response: type, title, status, detail, and `errors` when not empty.
http_response make_problem(int status, std::string_view detail,
                           const std::vector<problem_field>& errors = {});

/// Shorten `value` to at most `max` bytes (UTF-8 safe), marking the cut with "...".
std::string shorten(std::string_view value, std::size_t max = 80);

}  // namespace mfb::rehost
