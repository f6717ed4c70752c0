// Cutting an index into term ranges of about equal size, and writing each as a lunr index.
#include "search/shards.hpp"

#include <algorithm>

#include "search/serializer.hpp"

namespace hindsight::search {
namespace {

std::size_t digits(std::size_t n) {
    std::size_t count = 1;
    for (; n >= 10; n /= 10) {
        ++count;
    }
    return count;
}

}  // namespace

std::vector<std::size_t> term_sizes(const LunrIndex& index) {
    const std::size_t field_count = index.fields.size();
    std::vector<std::size_t> field_bytes(field_count);
    std::size_t fields_total = 0;
    for (std::size_t f = 0; f < field_count; ++f) {
        field_bytes[f] = index.fields[f].size();
        fields_total += field_bytes[f] + 5;  // "name":{}
    }
    std::vector<std::size_t> ref_bytes(index.refs.size());
    for (std::size_t r = 0; r < index.refs.size(); ++r) {
        ref_bytes[r] = index.refs[r].size();
    }
    std::vector<std::size_t> sizes(index.terms.size());
    for (std::uint32_t term = 0; term < index.terms.size(); ++term) {
        // ["term",{"_index":n,...}], then per posting "ref":{}, and its vector element ,n,w with
        // (at most) a vector of its own, ["field/ref",[...]].
        std::size_t size = 16 + index.terms[term].size() + digits(term) + fields_total;
        for (std::size_t f = 0; f < field_count; ++f) {
            for (const std::uint32_t ref : index.posting(term, f)) {
                size += ref_bytes[ref] + 5;
                size += digits(term) + 8;
                size += field_bytes[f] + ref_bytes[ref] + 9;
            }
        }
        sizes[term] = size;
    }
    return sizes;
}

ShardPlan plan_shards(const LunrIndex& index, std::size_t target_bytes) {
    ShardPlan plan;
    plan.sorted = sorted_terms(index);
    plan.starts = {0};
    const std::vector<std::size_t> sizes = term_sizes(index);
    std::size_t total = 0;
    for (const std::size_t size : sizes) {
        total += size;
    }
    // As many shards as the target asks, each aiming at an equal share: the last one is not
    // left with a remainder.
    const std::size_t shards = std::max<std::size_t>(
        1, (total + target_bytes - 1) / std::max<std::size_t>(target_bytes, 1));
    const std::size_t share = total / shards + 1;
    std::size_t filled = 0;
    for (std::size_t i = 0; i < plan.sorted.size(); ++i) {
        const std::size_t size = sizes[plan.sorted[i]];
        // A term that would take the shard past its share starts the next one, unless the shard
        // is still under half of it (a big term then joins it rather than leaving a small shard).
        if (filled > 0 && filled + size > share && 2 * filled >= share) {
            plan.starts.push_back(i);
            filled = 0;
        }
        filled += size;
    }
    plan.starts.push_back(plan.sorted.size());
    return plan;
}

void write_shards(const LunrIndex& index, const ShardPlan& plan,
                  const std::function<void(std::size_t, std::string&&)>& emit) {
    std::vector<std::uint32_t> shard_of(index.terms.size());
    for (std::size_t s = 0; s < plan.size(); ++s) {
        for (std::size_t i = plan.starts[s]; i < plan.starts[s + 1]; ++i) {
            shard_of[plan.sorted[i]] = static_cast<std::uint32_t>(s);
        }
    }
    // Every vector element dealt to its term's shard: two counting passes over the elements. The
    // slots are visited field by field (all the titles, then all the bodies...), not in the whole
    // index's order (document by document): the entries of a field, alike, then sit together,
    // which gzip compresses 6% better. Any order of the vectors is a valid index, and the order
    // only shows in a query whose every term is prohibited, which the page answers itself.
    const FieldVectors& vectors = index.vectors;
    const std::size_t field_count = index.fields.size();
    std::vector<std::size_t> offsets(plan.size() + 1, 0);
    for (const std::uint32_t term : vectors.terms) {
        ++offsets[shard_of[term] + 1];
    }
    for (std::size_t s = 0; s < plan.size(); ++s) {
        offsets[s + 1] += offsets[s];
    }
    std::vector<std::uint32_t> slots(vectors.terms.size());
    std::vector<std::uint32_t> elements(vectors.terms.size());
    std::vector<std::size_t> next(offsets.begin(), offsets.end() - 1);
    for (std::size_t i = 0; i < vectors.size(); ++i) {
        const std::size_t slot = (i % index.refs.size()) * field_count + i / index.refs.size();
        for (std::uint32_t e = vectors.offsets[slot]; e < vectors.offsets[slot + 1]; ++e) {
            const std::size_t at = next[shard_of[vectors.terms[e]]]++;
            slots[at] = static_cast<std::uint32_t>(slot);
            elements[at] = e;
        }
    }
    const IndexPartWriter writer(index);
    const std::span<const std::uint32_t> sorted(plan.sorted);
    for (std::size_t s = 0; s < plan.size(); ++s) {
        const std::size_t begin = offsets[s];
        const std::size_t count = offsets[s + 1] - begin;
        const IndexPart part{sorted.subspan(plan.starts[s], plan.starts[s + 1] - plan.starts[s]),
                             std::span<const std::uint32_t>(slots).subspan(begin, count),
                             std::span<const std::uint32_t>(elements).subspan(begin, count)};
        emit(s, writer.write(part));
    }
}

}  // namespace hindsight::search
