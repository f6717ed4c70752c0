// Related postmortems: the few most like each one, by causes, services, actions and title words.
#pragma once

#include "model/archive.hpp"

namespace hindsight {

inline constexpr std::size_t kMaxRelated = 3;

// Needs causes and clusters in place; fills archive.related, on up to `threads` threads (the
// lists are the same for any number).
void find_related(Archive& archive, unsigned threads = 1);

}  // namespace hindsight
