#pragma once
// The one parse configuration the grammar is instantiated for (see grammar.cpp).

#include <functional>
#include <string>

#include <boost/spirit/home/x3.hpp>

#include "error_handler.hpp"

namespace mfb::copybook::grammar {

namespace x3 = boost::spirit::x3;

using iterator_type = std::string::const_iterator;

/// Whitespace, plus ',' and ';' used as separators (a separator must be followed by a
/// space or the end, so the commas inside PIC 9,999.99 are not skipped).
inline auto const skipper =
    x3::ascii::space | (x3::ascii::char_(",;") >> &(x3::ascii::space | x3::eoi));
using skipper_type = std::remove_cv_t<decltype(skipper)>;

using reporter_type = parse_reporter<iterator_type>;
using phrase_context_type = x3::phrase_parse_context<skipper_type>::type;
using context_type =
    x3::context<reporter_tag, std::reference_wrapper<reporter_type>, phrase_context_type>;

}  // namespace mfb::copybook::grammar
