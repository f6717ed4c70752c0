// lunr.Index#toJSON (lunr.js:2252-2271) followed by JSON.stringify: the bytes lunr.js writes.
#pragma once

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "search/index_builder.hpp"

namespace hindsight::search {

// {"version":"2.3.9","fields":[...],"fieldVectors":[...],"invertedIndex":[...],
// "pipeline":["stemmer"]}, no whitespace, no final newline.
std::string serialize_index(const LunrIndex& index);

// The same bytes, handed to sink in chunks of about a MiB: a large index is never whole in memory.
using Sink = std::function<void(std::string_view chunk)>;
void serialize_index(const LunrIndex& index, const Sink& sink);

// The terms in the order the serialized invertedIndex lists them: by UTF-16 code units, as
// Array.prototype.sort() orders them (lunr.Index.load throws on any other order).
std::vector<std::uint32_t> sorted_terms(const LunrIndex& index);

// A part of an index: some of its terms, in sorted order, and the field-vector elements of those
// terms (elements[i] an index into index.vectors.terms and .weights, slots[i] its vector's slot;
// a slot's elements together, ascending). Written out, it is a valid lunr index of those terms
// whose weights are the whole index's: a search for them ranks and scores as the whole index
// does.
struct IndexPart {
    std::span<const std::uint32_t> terms;
    std::span<const std::uint32_t> slots;
    std::span<const std::uint32_t> elements;
};

struct SerializerKeys;

// Writes parts of one index, its refs' and fields' JSON made once for all of them.
class IndexPartWriter {
  public:
    explicit IndexPartWriter(const LunrIndex& index);
    ~IndexPartWriter();
    IndexPartWriter(const IndexPartWriter&) = delete;
    IndexPartWriter& operator=(const IndexPartWriter&) = delete;
    // {"version":"2.3.9","fields":[...],"fieldVectors":[...],"invertedIndex":[...],
    // "pipeline":["stemmer"]}: the part's vectors in the order of its slots, without the empty
    // ones, and its terms.
    std::string write(const IndexPart& part) const;

  private:
    const LunrIndex& index_;
    std::unique_ptr<SerializerKeys> keys_;
};

// Appends s as JSON.stringify writes a string, quotes included: \" \\ \b \t \n \f \r, other
// controls as \u00xx, lone surrogates as \udxxx (lower-case hex), everything else as UTF-8.
void append_json_string(std::string& out, std::u16string_view s);

}  // namespace hindsight::search
