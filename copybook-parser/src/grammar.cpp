// The only translation unit that instantiates the copybook grammar (X3's prescribed split:
// the rule is declared in grammar.hpp, defined in grammar_def.hpp, instantiated here).

#include "config.hpp"
#include "grammar_def.hpp"

namespace mfb::copybook::grammar {

BOOST_SPIRIT_INSTANTIATE(entry_type, iterator_type, context_type)

}  // namespace mfb::copybook::grammar
