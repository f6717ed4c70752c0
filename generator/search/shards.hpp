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
struct ShardPlan {
    std::vector<std::uint32_t> sorted;
    std::vector<std::size_t> starts;
    std::size_t size() const { return starts.size() - 1; }
};

// About how many bytes of lunr JSON a term takes: its posting and its field-vector elements.
std::vector<std::size_t> term_sizes(const LunrIndex& index);

// Consecutive terms of about target_bytes each: the whole is cut into as many shards as the
// target asks, each about the same size, preferring cuts between terms that share a short
// prefix; a term bigger than that is a shard of its own (with the terms it starts, if small). An
// index of at most target_bytes, or without terms, is one shard.
ShardPlan plan_shards(const LunrIndex& index, std::size_t target_bytes);

// Each shard's JSON, in order: emit(shard, text). Each is a lunr 2.3.9 index of its terms: their
// postings and, of every field vector, the elements of its terms (the vectors by field, then by
// weight, which compresses best; any order is a valid index).
void write_shards(const LunrIndex& index, const ShardPlan& plan,
                  const std::function<void(std::size_t, std::string&&)>& emit);

}  // namespace hindsight::search
