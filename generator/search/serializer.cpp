// Writing the index by hand: JSON.stringify's key order, string escapes and number spelling.
#include "search/serializer.hpp"

#include <algorithm>
#include <charconv>
#include <numeric>
#include <optional>

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

void append_uint(std::string& out, std::uint64_t value) {
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

// What the writer needs about refs and fields, computed once.
struct Keys {
    std::vector<std::string> refs;    // JSON bodies
    std::vector<std::string> fields;  // JSON bodies
    std::vector<std::optional<std::uint32_t>> ref_indexes;
    bool any_array_index_ref = false;
    std::size_t array_index_fields = 0;  // they lead the field order
};

Keys make_keys(const LunrIndex& index) {
    Keys keys;
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
    return keys;
}

void append_string_list(std::string& out, const std::vector<std::string>& bodies) {
    out += '[';
    for (std::size_t i = 0; i < bodies.size(); ++i) {
        out += i == 0 ? "\"" : ",\"";
        out += bodies[i];
        out += '"';
    }
    out += ']';
}

// Where the text goes: all into `out`, or, with a sink, to it in chunks of about a MiB, so that
// a large index is never in memory whole.
struct Output {
    std::string& out;
    const Sink* sink = nullptr;

    void flush_if_full() const {
        if (sink != nullptr && out.size() >= (std::size_t{1} << 20)) {
            (*sink)(out);
            out.clear();
        }
    }
};

void append_field_vectors(const Output& output, const LunrIndex& index, const Keys& keys) {
    std::string& out = output.out;
    out += '[';
    for (std::size_t slot = 0; slot < index.vectors.size(); ++slot) {
        out += slot == 0 ? "[\"" : ",[\"";
        out += keys.fields[slot % keys.fields.size()];
        out += '/';
        out += keys.refs[slot / keys.fields.size()];
        out += "\",[";
        bool first = true;
        for (const TermWeight& element : index.vectors[slot]) {
            if (!first) {
                out += ',';
            }
            first = false;
            append_uint(out, element.term);
            out += ',';
            append_json_number(out, element.weight);
        }
        out += "]]";
        output.flush_if_full();
    }
    out += ']';
}

// Object key order (OrdinaryOwnPropertyKeys): array-index refs ascending, then the rest in
// insertion order. Most postings have no array-index ref and are written as they are.
void append_refs(std::string& out, std::span<const std::uint32_t> refs, const Keys& keys) {
    const auto is_index = [&](std::uint32_t ref) { return keys.ref_indexes[ref].has_value(); };
    std::vector<std::uint32_t> ordered;
    std::span<const std::uint32_t> list = refs;
    if (keys.any_array_index_ref && std::any_of(refs.begin(), refs.end(), is_index)) {
        ordered.assign(refs.begin(), refs.end());
        const auto rest = std::stable_partition(ordered.begin(), ordered.end(), is_index);
        std::sort(ordered.begin(), rest, [&](std::uint32_t a, std::uint32_t b) {
            return *keys.ref_indexes[a] < *keys.ref_indexes[b];
        });
        list = ordered;
    }
    out += '{';
    bool first = true;
    for (const std::uint32_t ref : list) {
        out += first ? "\"" : ",\"";
        first = false;
        out += keys.refs[ref];
        out += "\":{}";
    }
    out += '}';
}

// {"_index":n,"field":{refs},...}: every field, even where the term does not occur, since
// search reads each one. Array-index field names would precede "_index".
void append_posting(std::string& out, const LunrIndex& index, const Keys& keys,
                    std::uint32_t term) {
    const std::size_t field_count = keys.fields.size();
    const auto append_field = [&](std::size_t field) {
        out += '"';
        out += keys.fields[field];
        out += "\":";
        append_refs(out, index.posting(term, field), keys);
    };
    out += '{';
    for (std::size_t field = 0; field < keys.array_index_fields; ++field) {
        append_field(field);
        out += ',';
    }
    out += "\"_index\":";
    append_uint(out, term);
    for (std::size_t field = keys.array_index_fields; field < field_count; ++field) {
        out += ',';
        append_field(field);
    }
    out += '}';
}

// Array.prototype.sort() compares UTF-16 code units, which is what u16string's < does;
// lunr.Index.load throws on terms out of this order.
std::vector<std::uint32_t> sorted_terms(const LunrIndex& index) {
    std::vector<std::uint32_t> order(index.terms.size());
    std::iota(order.begin(), order.end(), 0U);
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return index.terms[a] < index.terms[b]; });
    return order;
}

void append_inverted_index(const Output& output, const LunrIndex& index, const Keys& keys) {
    std::string& out = output.out;
    out += '[';
    bool first = true;
    for (const std::uint32_t term : sorted_terms(index)) {
        out += first ? "[" : ",[";
        first = false;
        append_json_string(out, index.terms[term]);
        out += ',';
        append_posting(out, index, keys, term);
        out += ']';
        output.flush_if_full();
    }
    out += ']';
}

// Roughly the size of the output, so that it is built without repeated reallocation.
std::size_t estimated_size(const LunrIndex& index, const Keys& keys) {
    std::size_t size = 256;
    for (std::size_t slot = 0; slot < index.vectors.size(); ++slot) {
        size += 12 + keys.fields[slot % keys.fields.size()].size() +
                keys.refs[slot / keys.fields.size()].size() + 14 * index.vectors[slot].size();
    }
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
void write_index(const Output& output, const LunrIndex& index, const Keys& keys) {
    std::string& out = output.out;
    out += R"({"version":"2.3.9","fields":)";
    append_string_list(out, keys.fields);
    out += R"(,"fieldVectors":)";
    append_field_vectors(output, index, keys);
    out += R"(,"invertedIndex":)";
    append_inverted_index(output, index, keys);
    // The search pipeline, which Index.load resolves by name; not the index pipeline.
    out += R"(,"pipeline":["stemmer"]})";
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
    const Keys keys = make_keys(index);
    std::string out;
    out.reserve(estimated_size(index, keys));
    write_index({out}, index, keys);
    return out;
}

void serialize_index(const LunrIndex& index, const Sink& sink) {
    std::string out;
    out.reserve((std::size_t{1} << 20) + 4096);
    write_index({out, &sink}, index, make_keys(index));
    sink(out);
}

}  // namespace hindsight::search
