// lunr.stemmer (lunr.js:947-1149): lunr's own variant of the Porter stemmer, on UTF-16 code units.
#pragma once

#include <string>

namespace hindsight::search {

// Stems a trimmed, lower-case token exactly as lunr 2.3.9 does. It is not the canonical Porter
// algorithm (step 1c, step 2's bli/logi and the *o test differ), so no stemmer library will do.
std::u16string stem(std::u16string word);

}  // namespace hindsight::search
