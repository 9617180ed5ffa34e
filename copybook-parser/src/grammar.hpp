#pragma once
// Declaration of the copybook grammar (definition in grammar_def.hpp, instantiated once in
// grammar.cpp). Only the entry rule is public: the driver parses one data description
// entry at a time, which is what lets it recover at the next period after an error.

#include <boost/spirit/home/x3.hpp>

#include "ast.hpp"

namespace mfb::copybook::grammar {

namespace x3 = boost::spirit::x3;

struct entry_class;
using entry_type = x3::rule<entry_class, ast::entry>;
BOOST_SPIRIT_DECLARE(entry_type)

/// The rule for one data description entry, without its terminating period.
entry_type const& entry();

}  // namespace mfb::copybook::grammar
