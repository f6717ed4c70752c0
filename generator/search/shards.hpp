// A lunr index cut into term-range shards, each a valid lunr index whose terms keep the whole
// index's _index and weights, so that the shards a query needs, merged, rank as the whole does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "search/index_builder.hpp"

namespace hindsight::search {

// The cut: shard s holds the terms sorted[starts[s] .. starts[s + 1]) of the UTF-16 order the
// serialized index lists them in; starts.front() is 0 and starts.back() the number of terms.
// Each term is in exactly one of these shards.
//
// Families are further shards, each holding the terms sorted[first .. last): every term that
// starts with some prefix of three or more code units that is itself a term (the shortest
// prefix that has just these terms is `prefix` code units of any of them), when the cut puts
// them in more than one shard and they cost at most kFamilyCost times that term. A word typed in
// full as a query's last word needs all the terms it starts, and its family has them in one
// file; the cut itself keeps every big term alone, so that a word typed in full costs its own
// postings.
struct TermRange {
    std::size_t first = 0;
    std::size_t last = 0;
    std::size_t prefix = 0;  // how many code units of its terms the shortest such prefix takes
};

// The terms of a prefix too many for a family of them all ("con" starts some forty, at 10,000
// postmortems 1.5 MB of postings): the kLikeliest shortest of them (by length, then code units),
// which are all the search page expands a typed prefix to. The places are ascending.
constexpr std::size_t kLikeliest = 12;

// A big term's shard holds the terms it starts when they are small and at most 1/kExtensionShare
// of its size; a word's family is written when it costs at most kFamilyCostNumerator /
// kFamilyCostDenominator times the word's own postings (at 10,000 postmortems, "check" with
// "checkout" is 2.1 times "check"; "data" with "databas" 2.8 times "data").
constexpr std::size_t kExtensionShare = 10;
constexpr std::size_t kFamilyCostNumerator = 5;
constexpr std::size_t kFamilyCostDenominator = 2;

struct LikeliestTerms {
    TermRange range;  // all the terms of the prefix
    std::vector<std::size_t> places;
};

struct ShardPlan {
    std::vector<std::uint32_t> sorted;
    std::vector<std::size_t> starts;
    std::vector<TermRange> families;
    std::vector<LikeliestTerms> likeliest;
    std::size_t size() const { return starts.size() - 1; }
};

// About how many bytes of lunr JSON a term takes: its posting and its field-vector elements.
std::vector<std::size_t> term_sizes(const LunrIndex& index);

// Consecutive terms of at most target_bytes a shard, preferring cuts between terms that share a
// short prefix; a term of half that or more is a shard of its own. Then the families the cut
// splits, of at most family_shares times target_bytes each; of a bigger one, its likeliest terms.
// An index of at most target_bytes, or without terms, is one shard.
ShardPlan plan_shards(const LunrIndex& index, std::size_t target_bytes,
                      std::size_t family_shares = 8);

// Each shard's JSON, the cut's in order, then the families', then the likeliest terms':
// emit(shard, text), shard counting on from plan.size(). Each is a lunr 2.3.9 index of its terms:
// their postings and, of every field vector, the elements of its terms (the vectors by field, then
// by weight, which compresses best; any order is a valid index).
void write_shards(const LunrIndex& index, const ShardPlan& plan,
                  const std::function<void(std::size_t, std::string&&)>& emit);

}  // namespace hindsight::search
