#pragma once
// Fusion adaptation of the syntax tree, so X3 can fill the structs without semantic actions.
// Single-member nodes (qualified_name, picture_clause, redefines_clause) are built through
// their converting constructors instead, because X3 mishandles one-element sequences.

#include <boost/fusion/include/adapt_struct.hpp>

#include "ast.hpp"

BOOST_FUSION_ADAPT_STRUCT(mfb::copybook::ast::literal, kind, text)
BOOST_FUSION_ADAPT_STRUCT(mfb::copybook::ast::value_item, from, thru)
BOOST_FUSION_ADAPT_STRUCT(mfb::copybook::ast::usage_clause, keyword, word)
BOOST_FUSION_ADAPT_STRUCT(mfb::copybook::ast::occurs_key, direction, names)
BOOST_FUSION_ADAPT_STRUCT(mfb::copybook::ast::occurs_clause, from, to, depending_on, keys, indexes)
BOOST_FUSION_ADAPT_STRUCT(mfb::copybook::ast::sign_clause, position, separate)
BOOST_FUSION_ADAPT_STRUCT(mfb::copybook::ast::justified_clause, right, side)
BOOST_FUSION_ADAPT_STRUCT(mfb::copybook::ast::sync_clause, sync, side)
BOOST_FUSION_ADAPT_STRUCT(mfb::copybook::ast::blank_when_zero_clause, blank, word)
BOOST_FUSION_ADAPT_STRUCT(mfb::copybook::ast::value_clause, plural, items)
BOOST_FUSION_ADAPT_STRUCT(mfb::copybook::ast::renames_clause, from, thru)
BOOST_FUSION_ADAPT_STRUCT(mfb::copybook::ast::ignored_clause, keyword, argument)
BOOST_FUSION_ADAPT_STRUCT(mfb::copybook::ast::entry, level, name, clauses)
