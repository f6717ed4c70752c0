// Writing the index by hand: JSON.stringify's key order, string escapes and number spelling.
#include "search/serializer.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <numeric>
#include <optional>
#include <span>

#include "core/text.hpp"
#include "search/js_number.hpp"
#include "search/js_value.hpp"
#include "search/utf16.hpp"

namespace hindsight::search {
namespace {

void append_hex_escape(std::string& out, char16_t unit) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) {
        out += kHex[(unit >> shift) & 0xF];
    }
}

void append_escaped_unit(std::string& out, char16_t unit) {
    switch (unit) {
        case u'"':
            out += "\\\"";
            return;
        case u'\\':
            out += "\\\\";
            return;
        case u'\b':
            out += "\\b";
            return;
        case u'\t':
            out += "\\t";
            return;
        case u'\n':
            out += "\\n";
            return;
        case u'\f':
            out += "\\f";
            return;
        case u'\r':
            out += "\\r";
            return;
        default:
            break;
    }
    if (unit < 0x20 || is_high_surrogate(unit) || is_low_surrogate(unit)) {
        append_hex_escape(out, unit);  // controls, and surrogates that are not part of a pair
    } else {
        append_utf8(out, unit);
    }
}

// A string's JSON text without the quotes, for keys written many times (refs, fields).
std::string json_body(std::string_view utf8) {
    std::string quoted;
    append_json_string(quoted, to_utf16(utf8));
    return quoted.substr(1, quoted.size() - 2);
}

}  // namespace

// What the writer needs about refs and fields, computed once.
struct SerializerKeys {
    std::vector<std::string> refs;           // JSON bodies
    std::vector<std::string> fields;         // JSON bodies
    std::vector<std::string> metadata_keys;  // JSON bodies
    std::vector<std::optional<std::uint32_t>> ref_indexes;
    bool any_array_index_ref = false;
    std::size_t array_index_fields = 0;  // they lead the field order
};

namespace {

SerializerKeys make_keys(const LunrIndex& index) {
    SerializerKeys keys;
    for (const auto& ref : index.refs) {
        keys.refs.push_back(json_body(ref));
        keys.ref_indexes.push_back(array_index(ref));
        keys.any_array_index_ref = keys.any_array_index_ref || keys.ref_indexes.back();
    }
    for (const auto& field : index.fields) {
        keys.fields.push_back(json_body(field));
        if (array_index(field)) {
            ++keys.array_index_fields;
        }
    }
    for (const auto& key : index.metadata_keys) {
        keys.metadata_keys.push_back(json_body(key));
    }
    return keys;
}

// Text is handed to the sink in chunks of this size, so that a large index is never in memory
// whole; small enough to stay in the L2 cache and to cost few first-touch page faults (a MiB
// buffer cost 250 of them).
constexpr std::size_t kChunk = std::size_t{64} << 10;

// The output, written through a raw cursor: each piece asks for room for its longest form once,
// then writes without the length and capacity checks of a std::string append per character.
// When the buffer is full, what it holds goes to the sink, wherever a piece ends.
class Writer {
  public:
    explicit Writer(const Sink& sink) : sink_(sink), buffer_(kChunk), cursor_(buffer_.data()) {}

    // Room for n more bytes at the cursor; write them, then advance to where they end.
    char* room(std::size_t n) {
        if (static_cast<std::size_t>(buffer_.data() + buffer_.size() - cursor_) < n) {
            make_room(n);
        }
        return cursor_;
    }
    void advance(char* to) { cursor_ = to; }

    void put(char c) {
        *room(1) = c;
        ++cursor_;
    }
    void put(std::string_view s) {
        char* to = room(s.size());
        std::memcpy(to, s.data(), s.size());
        cursor_ = to + s.size();
    }
    // Fixed text, its length known at compile time.
    template <std::size_t N>
    void put(const char (&text)[N]) {
        put(std::string_view(text, N - 1));
    }

    void flush() {
        if (cursor_ != buffer_.data()) {
            sink_(std::string_view(buffer_.data(),
                                   static_cast<std::size_t>(cursor_ - buffer_.data())));
            cursor_ = buffer_.data();
        }
    }

  private:
    void make_room(std::size_t n) {
        flush();
        if (buffer_.size() < n) {  // one piece longer than a chunk: a very long ref, say
            buffer_.resize(n);
            cursor_ = buffer_.data();
        }
    }

    const Sink& sink_;
    std::vector<char> buffer_;
    char* cursor_;
};

char* write_uint(char* to, std::uint32_t value) {
    return std::to_chars(to, to + 10, value).ptr;
}

void put_string_list(Writer& out, const std::vector<std::string>& bodies) {
    out.put('[');
    for (std::size_t i = 0; i < bodies.size(); ++i) {
        out.put(i == 0 ? std::string_view("\"") : std::string_view(",\""));
        out.put(bodies[i]);
        out.put('"');
    }
    out.put(']');
}

void put_field_vectors(Writer& out, const LunrIndex& index, const SerializerKeys& keys) {
    // A term number, a comma, a number, a comma: at most 10 + 1 + kMaxJsonNumber + 1 bytes.
    constexpr std::size_t kElement = 12 + kMaxJsonNumber;
    out.put('[');
    for (std::size_t slot = 0; slot < index.vectors.size(); ++slot) {
        out.put(slot == 0 ? std::string_view("[\"") : std::string_view(",[\""));
        out.put(keys.fields[slot % keys.fields.size()]);
        out.put('/');
        out.put(keys.refs[slot / keys.fields.size()]);
        out.put("\",[");
        const FieldVectors::Vector vector = index.vectors[slot];
        const auto terms = vector.terms();
        const auto weights = vector.weights();
        for (std::size_t i = 0; i < terms.size(); ++i) {
            char* to = out.room(kElement);
            if (i != 0) {
                *to++ = ',';
            }
            to = write_uint(to, terms[i]);
            *to++ = ',';
            out.advance(write_json_number(to, weights[i]));
        }
        out.put("]]");
    }
    out.put(']');
}

// The field vectors of a part: only the slots with elements of its terms, in slot order.
void put_field_vectors(Writer& out, const LunrIndex& index, const SerializerKeys& keys,
                       const IndexPart& part) {
    constexpr std::size_t kElement = 12 + kMaxJsonNumber;
    out.put('[');
    for (std::size_t i = 0; i < part.elements.size();) {
        const std::uint32_t slot = part.slots[i];
        out.put(i == 0 ? std::string_view("[\"") : std::string_view(",[\""));
        out.put(keys.fields[slot % keys.fields.size()]);
        out.put('/');
        out.put(keys.refs[slot / keys.fields.size()]);
        out.put("\",[");
        for (bool first = true; i < part.elements.size() && part.slots[i] == slot; ++i) {
            const std::uint32_t element = part.elements[i];
            char* to = out.room(kElement);
            if (!first) {
                *to++ = ',';
            }
            first = false;
            to = write_uint(to, index.vectors.terms[element]);
            *to++ = ',';
            out.advance(write_json_number(to, index.vectors.weights[element]));
        }
        out.put("]]");
    }
    out.put(']');
}

// One metadata value of one token: [start,length], index or ["field"], null where lunr has none.
void put_metadata_value(Writer& out, std::string_view key, const TokenMetadata& token,
                        std::string_view field) {
    if (key == "position" && token.start >= 0) {
        out.put('[');
        out.advance(write_uint(out.room(10), static_cast<std::uint32_t>(token.start)));
        out.put(',');
        out.advance(write_uint(out.room(10), static_cast<std::uint32_t>(token.length)));
        out.put(']');
    } else if (key == "index" && token.index >= 0) {
        out.advance(write_uint(out.room(10), static_cast<std::uint32_t>(token.index)));
    } else if (key == "fields") {
        out.put("[\"");
        out.put(field);
        out.put("\"]");
    } else {
        out.put("null");
    }
}

// A ref's metadata object: each whitelisted key, an array of one value per token (per token and
// per time the whitelist names the key).
void put_metadata(Writer& out, const LunrIndex& index, const SerializerKeys& keys,
                  std::size_t entry, std::size_t field) {
    out.put('{');
    const auto tokens =
        std::span<const TokenMetadata>(index.metadata)
            .subspan(index.metadata_offsets[entry],
                     index.metadata_offsets[entry + 1] - index.metadata_offsets[entry]);
    for (std::size_t k = 0; k < keys.metadata_keys.size(); ++k) {
        out.put(k == 0 ? std::string_view("\"") : std::string_view(",\""));
        out.put(keys.metadata_keys[k]);
        out.put("\":[");
        bool first = true;
        for (const TokenMetadata& token : tokens) {
            for (std::uint32_t r = 0; r < index.metadata_repeats[k]; ++r) {
                if (!first) {
                    out.put(',');
                }
                first = false;
                put_metadata_value(out, index.metadata_keys[k], token, keys.fields[field]);
            }
        }
        out.put(']');
    }
    out.put('}');
}

// Object key order (OrdinaryOwnPropertyKeys): array-index refs ascending, then the rest in
// insertion order. Most postings have no array-index ref and are written as they are. The
// posting is posting_refs[start, start + count); `ordered` is scratch.
void put_refs(Writer& out, const LunrIndex& index, std::size_t start, std::size_t count,
              std::size_t field, const SerializerKeys& keys, std::vector<std::uint32_t>& ordered) {
    const auto refs = std::span<const std::uint32_t>(index.posting_refs).subspan(start, count);
    const auto is_index = [&](std::uint32_t entry) {
        return keys.ref_indexes[index.posting_refs[entry]].has_value();
    };
    ordered.resize(count);
    std::iota(ordered.begin(), ordered.end(), static_cast<std::uint32_t>(start));
    if (keys.any_array_index_ref && std::any_of(refs.begin(), refs.end(), [&](std::uint32_t ref) {
            return keys.ref_indexes[ref].has_value();
        })) {
        const auto rest = std::stable_partition(ordered.begin(), ordered.end(), is_index);
        std::sort(ordered.begin(), rest, [&](std::uint32_t a, std::uint32_t b) {
            return *keys.ref_indexes[index.posting_refs[a]] <
                   *keys.ref_indexes[index.posting_refs[b]];
        });
    }
    const bool with_metadata = !index.metadata_keys.empty();
    out.put('{');
    bool first = true;
    for (const std::uint32_t entry : ordered) {
        const std::string& body = keys.refs[index.posting_refs[entry]];
        char* to = out.room(body.size() + 6);
        *to = ',';
        to += first ? 0 : 1;
        first = false;
        *to++ = '"';
        std::memcpy(to, body.data(), body.size());
        to += body.size();
        if (with_metadata) {
            std::memcpy(to, "\":", 2);
            out.advance(to + 2);
            put_metadata(out, index, keys, entry, field);
        } else {
            std::memcpy(to, "\":{}", 4);
            out.advance(to + 4);
        }
    }
    out.put('}');
}

// {"_index":n,"field":{refs},...}: every field, even where the term does not occur, since
// search reads each one. Array-index field names would precede "_index".
void put_posting(Writer& out, const LunrIndex& index, const SerializerKeys& keys,
                 std::uint32_t term, std::vector<std::uint32_t>& scratch) {
    const std::size_t field_count = keys.fields.size();
    const auto put_field = [&](std::size_t field) {
        out.put('"');
        out.put(keys.fields[field]);
        out.put("\":");
        put_refs(out, index, index.posting_start(term, field), index.posting(term, field).size(),
                 field, keys, scratch);
    };
    out.put('{');
    for (std::size_t field = 0; field < keys.array_index_fields; ++field) {
        put_field(field);
        out.put(',');
    }
    out.put("\"_index\":");
    out.advance(write_uint(out.room(10), term));
    for (std::size_t field = keys.array_index_fields; field < field_count; ++field) {
        out.put(',');
        put_field(field);
    }
    out.put('}');
}

// Array.prototype.sort() compares UTF-16 code units, which is what u16string's < does;
// lunr.Index.load throws on terms out of this order. A comparison sort of the strings spent most
// of its time in unit-by-unit compares and mispredicted branches, so each term's first four units
// become one number, radix-sorted (a shorter term is padded with zeros, which sorts it before
// its extensions), and only terms whose numbers tie are compared as strings.
}  // namespace

std::vector<std::uint32_t> sorted_terms(const LunrIndex& index) {
    struct Entry {
        std::uint64_t prefix;
        std::uint32_t term;
    };
    const std::size_t n = index.terms.size();
    std::vector<Entry> entries(n);
    for (std::uint32_t term = 0; term < n; ++term) {
        const std::u16string& text = index.terms[term];
        std::uint64_t prefix = 0;
        for (std::size_t i = 0; i < 4; ++i) {
            prefix = prefix << 16 | (i < text.size() ? text[i] : 0);
        }
        entries[term] = {prefix, term};
    }
    // Least significant byte first, each pass stable; a byte all prefixes share (the high byte
    // of every ASCII unit) needs no pass.
    std::vector<Entry> scratch(n);
    for (int shift = 0; shift < 64; shift += 8) {
        std::array<std::size_t, 257> starts{};
        for (const Entry& e : entries) {
            ++starts[((e.prefix >> shift) & 0xFF) + 1];
        }
        if (std::find(starts.begin() + 1, starts.end(), n) != starts.end()) {
            continue;
        }
        for (std::size_t b = 1; b < starts.size(); ++b) {
            starts[b] += starts[b - 1];
        }
        for (const Entry& e : entries) {
            scratch[starts[(e.prefix >> shift) & 0xFF]++] = e;
        }
        entries.swap(scratch);
    }
    for (std::size_t begin = 0; begin < n;) {
        std::size_t end = begin + 1;
        while (end < n && entries[end].prefix == entries[begin].prefix) {
            ++end;
        }
        if (end - begin > 1) {
            std::sort(entries.begin() + static_cast<std::ptrdiff_t>(begin),
                      entries.begin() + static_cast<std::ptrdiff_t>(end),
                      [&](const Entry& a, const Entry& b) {
                          return index.terms[a.term] < index.terms[b.term];
                      });
        }
        begin = end;
    }
    std::vector<std::uint32_t> order(n);
    for (std::size_t i = 0; i < n; ++i) {
        order[i] = entries[i].term;
    }
    return order;
}

namespace {

void put_inverted_index(Writer& out, const LunrIndex& index, const SerializerKeys& keys,
                        std::span<const std::uint32_t> order) {
    std::string term_json;
    std::vector<std::uint32_t> scratch;
    const std::size_t field_count = keys.fields.size();
    out.put('[');
    for (std::size_t i = 0; i < order.size(); ++i) {
        // Terms come in sorted order, their strings and postings in numbered order: each is a
        // cache miss, so those of a term a few places ahead are fetched while this one is written.
        if (constexpr std::size_t kAhead = 8; i + kAhead < order.size()) {
            const std::uint32_t ahead = order[i + kAhead];
            __builtin_prefetch(&index.terms[ahead]);
            __builtin_prefetch(&index.posting_offsets[ahead * field_count]);
        }
        const std::uint32_t term = order[i];
        out.put(i == 0 ? std::string_view("[") : std::string_view(",["));
        term_json.clear();
        append_json_string(term_json, index.terms[term]);
        out.put(term_json);
        out.put(',');
        put_posting(out, index, keys, term, scratch);
        out.put(']');
    }
    out.put(']');
}

// Roughly the size of the output, so that it is built without repeated reallocation.
std::size_t estimated_size(const LunrIndex& index, const SerializerKeys& keys) {
    std::size_t size = 256;
    for (std::size_t slot = 0; slot < index.vectors.size(); ++slot) {
        size += 12 + keys.fields[slot % keys.fields.size()].size() +
                keys.refs[slot / keys.fields.size()].size();
    }
    size += 14 * index.vectors.terms.size();
    for (std::size_t i = 0; i + 1 < index.posting_offsets.size(); ++i) {
        size += 6 + keys.fields[i % keys.fields.size()].size();
    }
    for (const std::uint32_t ref : index.posting_refs) {
        size += 6 + keys.refs[ref].size();
    }
    for (const auto& term : index.terms) {
        size += 20 + 3 * term.size();
    }
    return size;
}

// The whole document, top-level keys in toJSON's order.
void write_index(Writer& out, const LunrIndex& index, const SerializerKeys& keys) {
    out.put(R"({"version":"2.3.9","fields":)");
    put_string_list(out, keys.fields);
    out.put(R"(,"fieldVectors":)");
    put_field_vectors(out, index, keys);
    out.put(R"(,"invertedIndex":)");
    put_inverted_index(out, index, keys, sorted_terms(index));
    // The search pipeline, which Index.load resolves by name; not the index pipeline.
    out.put(R"(,"pipeline":["stemmer"]})");
    out.flush();
}

void write_part(Writer& out, const LunrIndex& index, const SerializerKeys& keys,
                const IndexPart& part) {
    out.put(R"({"version":"2.3.9","fields":)");
    put_string_list(out, keys.fields);
    out.put(R"(,"fieldVectors":)");
    put_field_vectors(out, index, keys, part);
    out.put(R"(,"invertedIndex":)");
    put_inverted_index(out, index, keys, part.terms);
    out.put(R"(,"pipeline":["stemmer"]})");
    out.flush();
}

}  // namespace

void append_json_string(std::string& out, std::u16string_view s) {
    out += '"';
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char16_t unit = s[i];
        if (unit < 0x80 && unit >= 0x20 && unit != u'"' && unit != u'\\') {
            out += static_cast<char>(unit);
        } else if (is_high_surrogate(unit) && i + 1 < s.size() && is_low_surrogate(s[i + 1])) {
            append_utf8(out, 0x10000 + ((char32_t(unit) - 0xD800) << 10) + (s[++i] - 0xDC00));
        } else {
            append_escaped_unit(out, unit);
        }
    }
    out += '"';
}

std::string serialize_index(const LunrIndex& index) {
    const SerializerKeys keys = make_keys(index);
    std::string out;
    out.reserve(estimated_size(index, keys));
    const Sink append = [&](std::string_view chunk) { out += chunk; };
    Writer writer(append);
    write_index(writer, index, keys);
    return out;
}

void serialize_index(const LunrIndex& index, const Sink& sink) {
    Writer writer(sink);
    write_index(writer, index, make_keys(index));
}

IndexPartWriter::IndexPartWriter(const LunrIndex& index)
    : index_(index), keys_(std::make_unique<SerializerKeys>(make_keys(index))) {}

IndexPartWriter::~IndexPartWriter() = default;

std::string IndexPartWriter::write(const IndexPart& part) const {
    std::string out;
    const Sink append = [&](std::string_view chunk) { out += chunk; };
    Writer writer(append);
    write_part(writer, index_, *keys_, part);
    return out;
}

}  // namespace hindsight::search
