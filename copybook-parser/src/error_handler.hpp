#pragma once
// X3 error handling and position tagging for the copybook grammar.
//
// Rule IDs derive from these bases, as X3's own examples do: on_error turns an expectation
// failure into a recorded (offset, "what was expected") pair instead of an exception, and
// on_success stores the start offset of tagged nodes so later passes can point at them.

#include <cstddef>
#include <string>
#include <type_traits>
#include <vector>

#include <boost/spirit/home/x3.hpp>

#include "ast.hpp"

namespace mfb::copybook::grammar {

namespace x3 = boost::spirit::x3;

/// One expectation failure: where, and what the grammar wanted there (a rule name).
struct parse_failure {
  std::size_t offset = 0;
  std::string expected;
};

/// Shared state reachable from every rule through the context (x3::with<reporter_tag>).
template <typename Iterator>
struct parse_reporter {
  Iterator begin;  ///< start of logical_source::text: offsets are measured from here
  std::vector<parse_failure> failures;
};

struct reporter_tag;

struct error_handler_base {
  template <typename Iterator, typename Exception, typename Context>
  x3::error_handler_result on_error(Iterator& /*first*/, Iterator const& /*last*/,
                                    Exception const& x, Context const& context) {
    auto& reporter = x3::get<reporter_tag>(context).get();
    reporter.failures.push_back(
        {static_cast<std::size_t>(x.where() - reporter.begin), x.which()});
    return x3::error_handler_result::fail;
  }
};

struct annotate_base {
  template <typename Iterator, typename Attribute, typename Context>
  void on_success(Iterator const& first, Iterator const& /*last*/, Attribute& node,
                  Context const& context) {
    static_assert(std::is_base_of_v<ast::tagged, Attribute>, "only tagged nodes are annotated");
    auto& reporter = x3::get<reporter_tag>(context).get();
    static_cast<ast::tagged&>(node).offset = static_cast<std::size_t>(first - reporter.begin);
  }
};

}  // namespace mfb::copybook::grammar
