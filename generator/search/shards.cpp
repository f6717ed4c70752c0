// Cutting an index into term ranges of about equal size, and writing each as a lunr index.
#include "search/shards.hpp"

#include <algorithm>
#include <span>

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

// Reorders a shard's vectors (runs of equal slots) by field, then the weight of their first
// element, then ref; each vector's elements stay together and in order.
void order_by_weight(const LunrIndex& index, std::span<std::uint32_t> slots,
                     std::span<std::uint32_t> elements) {
    struct Run {
        std::size_t field;
        double weight;
        std::uint32_t slot;
        std::size_t begin;
        std::size_t end;
    };
    const std::size_t field_count = index.fields.size();
    std::vector<Run> runs;
    for (std::size_t i = 0; i < slots.size();) {
        std::size_t end = i + 1;
        while (end < slots.size() && slots[end] == slots[i]) {
            ++end;
        }
        runs.push_back(
            {slots[i] % field_count, index.vectors.weights[elements[i]], slots[i], i, end});
        i = end;
    }
    std::sort(runs.begin(), runs.end(), [](const Run& a, const Run& b) {
        if (a.field != b.field) {
            return a.field < b.field;
        }
        return a.weight != b.weight ? a.weight < b.weight : a.slot < b.slot;
    });
    std::vector<std::uint32_t> old_slots(slots.begin(), slots.end());
    std::vector<std::uint32_t> old_elements(elements.begin(), elements.end());
    std::size_t at = 0;
    for (const Run& run : runs) {
        for (std::size_t i = run.begin; i < run.end; ++i, ++at) {
            slots[at] = old_slots[i];
            elements[at] = old_elements[i];
        }
    }
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
    // How many leading code units the terms on either side of a cut before sorted[i] share.
    const auto shared_prefix = [&](std::size_t i) {
        const std::u16string& a = index.terms[plan.sorted[i - 1]];
        const std::u16string& b = index.terms[plan.sorted[i]];
        const auto ends = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
        return static_cast<std::size_t>(ends.first - a.begin());
    };
    // Whether sorted[i] starts with the term that starts the run of terms it ends: "check",
    // "checklist", "checkout" are one family, which a reader typing "check" needs all of; a
    // family of a head of three letters or more is not cut, up to four shares.
    const auto in_family = [&](std::size_t i, std::size_t head) {
        const std::u16string& h = index.terms[plan.sorted[head]];
        return h.size() >= 3 && index.terms[plan.sorted[i]].starts_with(h);
    };
    std::size_t filled = 0;
    std::size_t head = 0;
    for (std::size_t i = 0; i < plan.sorted.size();) {
        const std::size_t size = sizes[plan.sorted[i]];
        const bool family = i > 0 && in_family(i, head);
        if (!family) {
            head = i;
        }
        // A term that would take the shard past its share starts the next one, unless the shard
        // is still under half of it (a big term then joins it rather than leaving a small
        // shard), or the term is of the family of the one before.
        if (filled == 0 || filled + size <= share || 2 * filled < share ||
            (family && filled + size <= 4 * share)) {
            filled += size;
            ++i;
            continue;
        }
        // The cut goes where the terms on either side share the shortest prefix, within a
        // little more than the share: the terms a typed prefix stands for then tend to sit in
        // one shard, one request rather than two.
        const std::size_t reach = std::max(share + share / 2, filled + share / 2);
        std::size_t cut = i;
        std::size_t cut_prefix = shared_prefix(i);
        std::size_t upto = filled;
        for (std::size_t j = i; j + 1 < plan.sorted.size() && cut_prefix > 0; ++j) {
            upto += sizes[plan.sorted[j]];
            if (upto > reach) {
                break;
            }
            if (const std::size_t prefix = shared_prefix(j + 1); prefix < cut_prefix) {
                cut = j + 1;
                cut_prefix = prefix;
            }
        }
        plan.starts.push_back(cut);
        filled = 0;
        i = cut;
        head = cut;
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
    // Within a field, the vectors by the weight of their first element: alike weights side by
    // side shrink a shard of common terms by another 7% once gzipped. Postings stay as they are.
    for (std::size_t s = 0; s < plan.size(); ++s) {
        order_by_weight(index, std::span(slots).subspan(offsets[s], offsets[s + 1] - offsets[s]),
                        std::span(elements).subspan(offsets[s], offsets[s + 1] - offsets[s]));
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
