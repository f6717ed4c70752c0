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

// The kLikeliest shortest terms of the range, by length and then code units (as the page orders
// them), as ascending places.
std::vector<std::size_t> likeliest_places(const LunrIndex& index,
                                          const std::vector<std::uint32_t>& sorted,
                                          const TermRange& range) {
    std::vector<std::size_t> places;
    for (std::size_t i = range.first; i < range.last; ++i) {
        places.push_back(i);
    }
    const auto shorter = [&](std::size_t a, std::size_t b) {
        const std::u16string& x = index.terms[sorted[a]];
        const std::u16string& y = index.terms[sorted[b]];
        return x.size() != y.size() ? x.size() < y.size() : a < b;
    };
    const std::size_t keep = std::min(kLikeliest, places.size());
    std::partial_sort(places.begin(), places.begin() + static_cast<std::ptrdiff_t>(keep),
                      places.end(), shorter);
    places.resize(keep);
    std::sort(places.begin(), places.end());
    return places;
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

ShardPlan plan_shards(const LunrIndex& index, std::size_t target_bytes, std::size_t family_shares) {
    ShardPlan plan;
    plan.sorted = sorted_terms(index);
    plan.starts = {0};
    const std::size_t count = plan.sorted.size();
    const std::vector<std::size_t> sizes = term_sizes(index);
    std::size_t total = 0;
    for (const std::size_t size : sizes) {
        total += size;
    }
    if (total <= target_bytes || count == 0) {
        plan.starts.push_back(count);
        return plan;
    }
    const std::size_t share = std::max<std::size_t>(target_bytes, 1);
    const auto size_at = [&](std::size_t i) { return sizes[plan.sorted[i]]; };
    const auto big = [&](std::size_t i) { return 2 * size_at(i) >= share; };
    // How many leading code units the terms sorted[i - 1] and sorted[i] share.
    std::vector<std::size_t> shared(count, 0);
    for (std::size_t i = 1; i < count; ++i) {
        const std::u16string& a = index.terms[plan.sorted[i - 1]];
        const std::u16string& b = index.terms[plan.sorted[i]];
        const auto ends = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
        shared[i] = static_cast<std::size_t>(ends.first - a.begin());
    }
    const auto cut_before = [&](std::size_t i) {
        if (plan.starts.back() != i) {
            plan.starts.push_back(i);
        }
    };
    // A big term is a shard of its own: a word typed in full then loads its postings and no
    // other term's. So are the terms it starts, if they are all small and together at most a
    // tenth of its size ("databas" and "database'"): the page expands the last word of a query
    // to the terms it starts, and rather than a family of them (a copy of the big term's
    // postings), any other word pays that tenth. The small terms between big ones fill shards up
    // to the share.
    std::size_t filled = 0;
    for (std::size_t i = 0; i < count;) {
        if (big(i)) {
            const std::size_t length = index.terms[plan.sorted[i]].size();
            const std::size_t most = size_at(i) / kExtensionShare;
            std::size_t end = i + 1;
            std::size_t extension = 0;
            while (end < count && shared[end] >= length && extension <= most && !big(end)) {
                extension += size_at(end++);
            }
            const bool whole = end == count || shared[end] < length;
            cut_before(i);
            cut_before(whole && extension <= most ? end : i + 1);
            filled = 0;
            i = plan.starts.back();
            continue;
        }
        if (filled == 0 || filled + size_at(i) <= share) {
            filled += size_at(i);
            ++i;
            continue;
        }
        // The cut goes where the terms on either side share the shortest prefix, within half a
        // share past the full one and before the next big term: the terms a typed prefix stands
        // for then tend to sit in one shard, one request rather than two.
        const std::size_t reach = filled + share / 2;
        std::size_t cut = i;
        std::size_t upto = filled;
        for (std::size_t j = i; j + 1 < count && shared[cut] > 0 && !big(j); ++j) {
            upto += size_at(j);
            if (upto > reach) {
                break;
            }
            if (shared[j + 1] < shared[cut]) {
                cut = j + 1;
            }
        }
        cut_before(cut);
        filled = 0;
        i = cut;
    }
    cut_before(count);

    // The families the cut splits. The terms starting with a prefix are consecutive, and the
    // distinct such runs of two terms or more are the intervals of the shared-prefix array: a
    // run [first, last) with every shared[k] >= depth inside and less at its ends. Found with a
    // stack in one pass; those of a prefix of three code units or more are the words a reader
    // types (the page expands no shorter prefix).
    std::vector<std::size_t> shard_of(count);
    for (std::size_t s = 0; s < plan.size(); ++s) {
        for (std::size_t i = plan.starts[s]; i < plan.starts[s + 1]; ++i) {
            shard_of[i] = s;
        }
    }
    std::vector<std::size_t> prefix_sizes(count + 1, 0);
    for (std::size_t i = 0; i < count; ++i) {
        prefix_sizes[i + 1] = prefix_sizes[i] + size_at(i);
    }
    constexpr std::size_t kShortestPrefix = 3;
    struct Open {
        std::size_t depth;
        std::size_t first;
    };
    std::vector<Open> open = {{0, 0}};
    for (std::size_t k = 1; k <= count; ++k) {
        const std::size_t depth = k < count ? shared[k] : 0;
        std::size_t first = k - 1;
        while (depth < open.back().depth) {
            const Open run = open.back();
            open.pop_back();
            // The run's terms are those of every prefix longer than the enclosing run's and no
            // longer than its own depth.
            const std::size_t enclosing = std::max(depth, open.back().depth);
            // Only a prefix that is itself a term has a family ("check": check, checklist,
            // checkout...), and only one costing at most kFamilyCost times that term: a word
            // typed in full then costs one request. A prefix being typed ("che") is read from
            // the shards of the cut holding its likeliest terms (the page finds which in the
            // dictionary); a family of each was a second copy of most of the index.
            const TermRange range{run.first, k, std::max(enclosing + 1, kShortestPrefix)};
            const std::size_t bytes = prefix_sizes[k] - prefix_sizes[run.first];
            const bool word = index.terms[plan.sorted[run.first]].size() == run.depth;
            if (run.depth < kShortestPrefix || !word || shard_of[run.first] == shard_of[k - 1]) {
                // not a word the page expands, or in one shard already
            } else if (bytes <= family_shares * share &&
                       bytes * kFamilyCostDenominator <=
                           size_at(run.first) * kFamilyCostNumerator) {
                plan.families.push_back(range);
            } else if (k - run.first > kLikeliest) {
                plan.likeliest.push_back({range, likeliest_places(index, plan.sorted, range)});
            }  // else the page loads the term's shard and those of the others apart
            first = run.first;
        }
        if (depth > open.back().depth) {
            open.push_back({depth, first});
        }
    }
    // In the order of their first term, then the wider first: the order of a walk of the tree.
    std::sort(plan.families.begin(), plan.families.end(),
              [](const TermRange& a, const TermRange& b) {
                  return a.first != b.first ? a.first < b.first : a.last > b.last;
              });
    // A family within another one kept is left out unless it is a share smaller: "chec" has the
    // terms of "che" but a small one, and the page loads the family of "che" for either.
    const auto range_size = [&](const TermRange& r) {
        return prefix_sizes[r.last] - prefix_sizes[r.first];
    };
    std::vector<TermRange> kept;
    std::vector<TermRange> within;  // the kept families around the current one
    for (const TermRange& family : plan.families) {
        while (!within.empty() && within.back().last <= family.first) {
            within.pop_back();
        }
        if (!within.empty() && range_size(family) + share > range_size(within.back())) {
            continue;
        }
        kept.push_back(family);
        within.push_back(family);
    }
    plan.families = std::move(kept);
    std::sort(plan.likeliest.begin(), plan.likeliest.end(),
              [](const LikeliestTerms& a, const LikeliestTerms& b) {
                  return a.range.first != b.range.first ? a.range.first < b.range.first
                                                        : a.range.last > b.range.last;
              });
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

    // A family (or a prefix's likeliest terms): the elements of its terms, by term, put back
    // together by slot (a slot's elements ascending, as in the whole index), then ordered as a
    // shard's are. Every element listed by term, in slot order, once for all of them.
    std::vector<std::size_t> term_offsets(index.terms.size() + 1, 0);
    for (const std::uint32_t term : vectors.terms) {
        ++term_offsets[term + 1];
    }
    for (std::size_t t = 0; t < index.terms.size(); ++t) {
        term_offsets[t + 1] += term_offsets[t];
    }
    std::vector<std::pair<std::uint32_t, std::uint32_t>> by_term(vectors.terms.size());
    {
        std::vector<std::size_t> at(term_offsets.begin(), term_offsets.end() - 1);
        for (std::size_t slot = 0; slot < vectors.size(); ++slot) {
            for (std::uint32_t e = vectors.offsets[slot]; e < vectors.offsets[slot + 1]; ++e) {
                by_term[at[vectors.terms[e]]++] = {static_cast<std::uint32_t>(slot), e};
            }
        }
    }
    std::size_t next_shard = plan.size();
    const auto write_family = [&](std::span<const std::uint32_t> terms) {
        std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;  // slot, element
        for (const std::uint32_t term : terms) {
            pairs.insert(pairs.end(), by_term.begin() + term_offsets[term],
                         by_term.begin() + term_offsets[term + 1]);
        }
        std::sort(pairs.begin(), pairs.end());
        std::vector<std::uint32_t> family_slots(pairs.size());
        std::vector<std::uint32_t> family_elements(pairs.size());
        for (std::size_t i = 0; i < pairs.size(); ++i) {
            family_slots[i] = pairs[i].first;
            family_elements[i] = pairs[i].second;
        }
        order_by_weight(index, family_slots, family_elements);
        emit(next_shard++, writer.write(IndexPart{terms, family_slots, family_elements}));
    };
    for (const TermRange& range : plan.families) {
        write_family(sorted.subspan(range.first, range.last - range.first));
    }
    for (const LikeliestTerms& likeliest : plan.likeliest) {
        std::vector<std::uint32_t> terms;
        for (const std::size_t place : likeliest.places) {
            terms.push_back(plan.sorted[place]);
        }
        write_family(terms);
    }
}

}  // namespace hindsight::search
