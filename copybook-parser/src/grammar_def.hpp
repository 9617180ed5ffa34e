#pragma once
// Definition of the copybook grammar: IBM Enterprise COBOL data description entries.
// Keywords are case-insensitive and must end at a word boundary; clauses come in any order;
// no semantic actions (the resolver interprets the tree). Rule names are the words used in
// "expected ..." diagnostics, so they are written for COBOL programmers.

#include <string>
#include <vector>

#include <boost/spirit/home/x3.hpp>

#include "ast.hpp"
#include "ast_adapted.hpp"
#include "error_handler.hpp"
#include "grammar.hpp"

namespace mfb::copybook::grammar {

namespace x3 = boost::spirit::x3;
namespace ascii = x3::ascii;

namespace detail {

using ascii::char_;
using x3::attr;
using x3::lexeme;
using x3::lit;
using x3::no_case;

inline auto const name_char = ascii::alnum | char_("-_");

/// A keyword that matches no prefix of a longer word (PIC must not match PICX).
template <typename T>
auto kw(T const& word) {
  return lexeme[no_case[lit(word)] >> !name_char];
}
/// The same, keeping the keyword as the attribute (upper case as written is not needed).
template <typename T>
auto kws(T const& word) {
  return lexeme[no_case[x3::string(word)] >> !name_char];
}

/// Usage words (the symbol values are unused: ast::usage_of maps the word as written).
struct usage_words : x3::symbols<int> {
  usage_words() {
    for (char const* w : {"display", "display-1", "national", "binary", "comp", "computational",
                          "comp-0", "computational-0", "comp-4", "computational-4", "comp-5",
                          "computational-5", "comp-1", "computational-1", "comp-2",
                          "computational-2", "comp-3", "computational-3", "packed-decimal",
                          "pointer", "procedure-pointer", "function-pointer", "index"}) {
      add(w, 0);
    }
  }
};
inline usage_words const usage_sym;

struct sign_words : x3::symbols<ast::sign_kw> {
  sign_words() { add("leading", ast::sign_kw::leading)("trailing", ast::sign_kw::trailing); }
};
inline sign_words const sign_sym;

/// Figurative constants, mapped to their canonical singular spelling.
struct figurative_words : x3::symbols<std::string> {
  figurative_words() {
    add("zero", "ZERO")("zeros", "ZERO")("zeroes", "ZERO")("space", "SPACE")
       ("spaces", "SPACE")("high-value", "HIGH-VALUE")("high-values", "HIGH-VALUE")
       ("low-value", "LOW-VALUE")("low-values", "LOW-VALUE")("quote", "QUOTE")
       ("quotes", "QUOTE")("null", "NULL")("nulls", "NULL");
  }
};
inline figurative_words const figurative_sym;

/// Words that end a data name list or cannot be a data name.
struct reserved_words : x3::symbols<int> {
  reserved_words() {
    for (char const* w :
         {"pic", "picture", "usage", "is", "are", "display", "display-1", "national", "binary",
          "comp", "computational", "comp-0", "comp-1", "comp-2", "comp-3", "comp-4", "comp-5",
          "computational-0", "computational-1", "computational-2", "computational-3",
          "computational-4", "computational-5", "packed-decimal", "pointer", "procedure-pointer",
          "function-pointer", "index", "occurs",
          "to", "times", "depending", "on", "ascending", "descending", "key", "indexed", "by",
          "redefines", "renames", "thru", "through", "sign", "leading", "trailing", "separate",
          "character", "justified", "just", "right", "left", "synchronized", "sync", "blank",
          "when", "value", "values", "global", "external", "typedef", "date", "format",
          "group-usage", "of", "in", "volatile", "based", "all", "zero", "zeros", "zeroes",
          "space", "spaces", "high-value", "high-values", "low-value", "low-values", "quote",
          "quotes", "null", "nulls"}) {
      add(w, 0);
    }
  }
};
inline reserved_words const reserved_sym;

// ---- rules -------------------------------------------------------------------------------

struct data_name_class;
struct name_list_class;
struct qualified_name_class : annotate_base {};
struct pic_string_class;
struct quoted_class;
struct joined_class;
struct operand_class : annotate_base {};
struct amp_operand_class : annotate_base {};
struct literal_class : annotate_base {};
struct value_item_class;
struct clause_class;
struct picture_clause_class : annotate_base {};
struct usage_clause_class;
struct usage_word_class;
struct occurs_clause_class : annotate_base {};
struct occurs_key_class;
struct redefines_clause_class : annotate_base {};
struct sign_clause_class;
struct sign_word_class;
struct justified_clause_class;
struct sync_clause_class;
struct blank_clause_class;
struct value_clause_class : annotate_base {};
struct renames_clause_class : annotate_base {};
struct ignored_clause_class;

x3::rule<data_name_class, std::string> const data_name = "a data name";
x3::rule<name_list_class, std::vector<std::string>> const name_list = "a data name";
x3::rule<qualified_name_class, ast::qualified_name> const qualified_name = "a data name";
x3::rule<pic_string_class, std::string> const pic_string = "a PICTURE string after PIC";
x3::rule<quoted_class, std::string> const quoted = "a quoted literal";
x3::rule<joined_class, ast::literal> const joined = "a literal";
x3::rule<operand_class, ast::literal> const operand = "a literal";
x3::rule<amp_operand_class, ast::literal> const amp_operand = "a literal after &";
x3::rule<literal_class, ast::literal> const literal = "a literal";
x3::rule<value_item_class, ast::value_item> const value_item = "a literal";
x3::rule<clause_class, ast::clause> const clause = "a clause";
x3::rule<picture_clause_class, ast::picture_clause> const picture_clause = "a PICTURE clause";
x3::rule<usage_clause_class, ast::usage_clause> const usage_clause = "a USAGE clause";
x3::rule<usage_word_class, std::string> const usage_word =
    "a usage (DISPLAY, BINARY, COMP, COMP-1 to COMP-5, PACKED-DECIMAL, NATIONAL, POINTER, "
    "PROCEDURE-POINTER, FUNCTION-POINTER, INDEX)";
x3::rule<occurs_clause_class, ast::occurs_clause> const occurs_clause = "an OCCURS clause";
x3::rule<occurs_key_class, ast::occurs_key> const occurs_key = "a KEY phrase";
x3::rule<redefines_clause_class, ast::redefines_clause> const redefines_clause =
    "the name of the redefined item after REDEFINES";
x3::rule<sign_clause_class, ast::sign_clause> const sign_clause = "a SIGN clause";
x3::rule<sign_word_class, ast::sign_kw> const sign_word = "LEADING or TRAILING after SIGN";
x3::rule<justified_clause_class, ast::justified_clause> const justified_clause = "JUSTIFIED";
x3::rule<sync_clause_class, ast::sync_clause> const sync_clause = "SYNCHRONIZED";
x3::rule<blank_clause_class, ast::blank_when_zero_clause> const blank_clause =
    "BLANK WHEN ZERO";
x3::rule<value_clause_class, ast::value_clause> const value_clause = "a VALUE clause";
x3::rule<renames_clause_class, ast::renames_clause> const renames_clause =
    "a data name after RENAMES";
x3::rule<ignored_clause_class, ast::ignored_clause> const ignored_clause = "a clause";

// Expectation targets: each names what was missing, in the words of the message.
struct count_class;
struct max_class;
struct odo_object_class : annotate_base {};
struct index_names_class;
struct key_names_class;
struct value_list_class;
struct thru_literal_class : annotate_base {};
struct thru_name_class : annotate_base {};
struct zero_word_class;
struct redefines_name_class;

x3::rule<count_class, unsigned> const occurs_count = "the number of occurrences after OCCURS";
x3::rule<max_class, unsigned> const occurs_max = "the maximum number of occurrences after TO";
x3::rule<odo_object_class, ast::qualified_name> const odo_object =
    "the name of the ODO object after DEPENDING ON";
x3::rule<index_names_class, std::vector<std::string>> const index_names =
    "an index name after INDEXED BY";
x3::rule<key_names_class, std::vector<std::string>> const key_names = "a key name after KEY";
x3::rule<value_list_class, std::vector<ast::value_item>> const value_list =
    "a literal after VALUE";
x3::rule<thru_literal_class, ast::literal> const thru_literal = "a literal after THRU";
x3::rule<thru_name_class, ast::qualified_name> const thru_name = "a data name after THRU";
x3::rule<zero_word_class, std::string> const zero_word = "ZERO after BLANK WHEN";
x3::rule<redefines_name_class, std::string> const redefines_name =
    "the name of the redefined item after REDEFINES";

inline auto const reserved = lexeme[no_case[reserved_sym] >> !name_char];
inline auto const thru_kw = kw("through") | kw("thru");

// A COBOL word: letters, digits, hyphens (and underscores, which Enterprise COBOL 6 and
// many copybooks in the wild use), with at least one letter.
auto const data_name_def =
    x3::raw[lexeme[!reserved >> &(*char_("0-9_-") >> ascii::alpha) >> +name_char]];
auto const name_list_def = data_name % (kw("of") | kw("in"));
auto const qualified_name_def = name_list;

// A PICTURE string ends at whitespace, or at a period, comma or semicolon that is followed
// by whitespace or the end (so 9,999.99 and 9(5).99 stay whole).
auto const pic_string_def =
    x3::raw[lexeme[+(~char_(" \t\r\n.,;") | (char_(".,;") >> !(ascii::space | x3::eoi)))]];

auto const quoted_def = lexeme['"' >> *((lit("\"\"") >> attr('"')) | ~char_('"')) >> '"'] |
                        lexeme['\'' >> *((lit("''") >> attr('\'')) | ~char_('\'')) >> '\''];

// Literals joined with '&' are one literal (IBM: concatenation expressions, in VALUE
// clauses too, across lines). Any quoted, hex, national or DBCS literal may be an operand
// here; the resolver checks that the operands are of one category (check_literal).
auto const operand_def =
    (attr(ast::literal_kind::string) >> quoted) |
    (attr(ast::literal_kind::hex) >> lexeme[no_case[lit('x')] >> quoted]) |
    (attr(ast::literal_kind::national) >> lexeme[no_case[lit("nx") | lit('n')] >> quoted]) |
    (attr(ast::literal_kind::dbcs) >> lexeme[no_case[lit('g')] >> quoted]);
auto const amp_operand_def = operand;
inline auto const first_operand = [](auto& ctx) {
  ast::literal& v = x3::_val(ctx);
  const ast::literal& a = x3::_attr(ctx);
  v.kind = a.kind;
  v.text = a.text;
  v.joined = {{a.kind, a.offset}};
};
inline auto const next_operand = [](auto& ctx) {
  ast::literal& v = x3::_val(ctx);
  const ast::literal& a = x3::_attr(ctx);
  v.text += a.text;
  v.joined.push_back({a.kind, a.offset});
};
auto const joined_def = operand[first_operand] >> *((lit('&') > amp_operand)[next_operand]);

// A number, or a floating-point literal (1.0E-2): the exponent is taken loosely here
// (E with or without digits) so that the resolver can say what is wrong with it.
auto const number_text =
    x3::raw[lexeme[-char_("+-") >> ((+ascii::digit >> -('.' >> +ascii::digit)) |
                                    ('.' >> +ascii::digit)) >>
                   -(no_case[char_('e')] >> -char_("+-") >> *ascii::digit)]];

auto const literal_def =
    joined |
    (attr(ast::literal_kind::figurative) >> lexeme[no_case[figurative_sym] >> !name_char]) |
    (attr(ast::literal_kind::all) >> kw("all") >>
     (quoted | lexeme[no_case[figurative_sym] >> !name_char])) |
    (attr(ast::literal_kind::number) >> number_text);

auto const value_item_def = literal >> -(thru_kw > thru_literal);
auto const thru_literal_def = literal;
auto const value_list_def = +value_item;
auto const value_clause_def = ((kw("values") >> -kw("are") >> attr(true)) |
                               (kw("value") >> -kw("is") >> attr(false))) > value_list;

auto const picture_clause_def = (kw("picture") | kw("pic")) >> -kw("is") > pic_string;

auto const usage_word_def = x3::raw[lexeme[no_case[usage_sym] >> !name_char]];
auto const usage_clause_def = (kw("usage") >> -kw("is") >> attr(true) > usage_word) |
                              (attr(false) >> usage_word);

auto const occurs_count_def = x3::uint_;
auto const occurs_max_def = x3::uint_;
auto const odo_object_def = name_list;
auto const key_names_def = +data_name;
auto const index_names_def = +data_name;
auto const occurs_key_def =
    (kws("ascending") | kws("descending")) >> -kw("key") >> -kw("is") > key_names;
// Note the parentheses: >> binds tighter than >, and an expectation must name one rule.
auto const occurs_clause_def = (kw("occurs") > occurs_count) >> -(kw("to") > occurs_max) >>
                               -kw("times") >> -(kw("depending") >> -kw("on") > odo_object) >>
                               *occurs_key >> -(kw("indexed") >> -kw("by") > index_names);

auto const redefines_name_def = data_name;
auto const redefines_clause_def = kw("redefines") > redefines_name;

auto const sign_word_def = lexeme[no_case[sign_sym] >> !name_char];
auto const sign_clause_def =
    ((kw("sign") >> -kw("is") > sign_word) | sign_word) >>
    ((kw("separate") >> -kw("character") >> attr(true)) | attr(false));

auto const justified_clause_def =
    (kw("justified") | kw("just")) >> attr(true) >> (kws("right") | attr(std::string()));
auto const sync_clause_def = (kw("synchronized") | kw("sync")) >> attr(true) >>
                             (kws("left") | kws("right") | attr(std::string()));
auto const zero_word_def = kws("zeroes") | kws("zeros") | kws("zero");
auto const blank_clause_def = kw("blank") >> -kw("when") >> attr(true) > zero_word;

auto const thru_name_def = name_list;
auto const renames_clause_def = (kw("renames") > qualified_name) >> -(thru_kw > thru_name);

// Clauses that do not change storage; accepted so real copybooks parse.
auto const ignored_clause_def =
    (-kw("is") >> kws("global") >> attr(std::string())) |
    (-kw("is") >> kws("external") >> attr(std::string())) |
    (kws("typedef") >> attr(std::string())) | (kws("volatile") >> attr(std::string())) |
    (kws("date") >> kw("format") >> -kw("is") > pic_string) |
    (kws("group-usage") >> -kw("is") >> kws("national"));

auto const clause_def = picture_clause | usage_clause | occurs_clause | redefines_clause |
                        sign_clause | justified_clause | sync_clause | blank_clause |
                        value_clause | renames_clause | ignored_clause;

BOOST_SPIRIT_DEFINE(data_name, name_list, qualified_name, pic_string, quoted, operand,
                    amp_operand, joined, literal, value_item,
                    thru_literal, value_list, value_clause, picture_clause, usage_word,
                    usage_clause, occurs_count, occurs_max, odo_object, key_names, index_names,
                    occurs_key, occurs_clause, redefines_name, redefines_clause, sign_word,
                    sign_clause, justified_clause, sync_clause, zero_word, blank_clause,
                    thru_name, renames_clause, ignored_clause, clause)

}  // namespace detail

struct entry_class : error_handler_base, annotate_base {};

entry_type const entry_rule = "a data description entry";

inline auto const level_number = x3::lexeme[x3::uint_ >> !detail::name_char];
auto const entry_rule_def = level_number >> -detail::data_name >> *detail::clause;

BOOST_SPIRIT_DEFINE(entry_rule)

entry_type const& entry() { return entry_rule; }

}  // namespace mfb::copybook::grammar
