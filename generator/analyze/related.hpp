// Related postmortems: the few most like each one, by causes, services, actions and title words.
#pragma once

#include "model/archive.hpp"

namespace hindsight {

inline constexpr std::size_t kMaxRelated = 3;

struct AnalyzeMemo;

// Needs causes and clusters in place; fills archive.related, on up to `threads` threads (the
// lists are the same for any number). With a memo, a postmortem's list is scored again only
// when its features or those of a postmortem it is compared with changed since the last run.
void find_related(Archive& archive, unsigned threads = 1, AnalyzeMemo* memo = nullptr);

}  // namespace hindsight
