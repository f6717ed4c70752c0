// Reading the documents of `hindsight lunr`: simdjson for speed, nlohmann::json for what simdjson
// refuses (to locate a syntax error, or to read integers beyond 64 bits as JSON.parse does).
#include "search/json_documents.hpp"

#include <algorithm>
#include <optional>
#include <variant>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "search/js_value.hpp"

namespace hindsight::search {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

// The line and column (1-based, in bytes) of the byte at `offset`.
Location location_of(std::string_view text, std::size_t offset, const std::string& path) {
    offset = std::min(offset, text.size());
    Location location{path, 1, 1};
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++location.line;
            line_start = i + 1;
        }
    }
    location.column = static_cast<int>(offset - line_start) + 1;
    return location;
}

// nlohmann's message is "[json.exception.parse_error.101] parse error at line 1, column 2:
// what"; the location is reported our way, so only "what" is kept.
std::string parse_error_reason(const nlohmann::json::exception& error) {
    const std::string_view what = error.what();
    const auto column = what.find("column ");
    const auto colon = what.find(": ", column == std::string_view::npos ? 0 : column);
    const auto bracket = what.find("] ");
    if (colon != std::string_view::npos && column != std::string_view::npos) {
        return std::string(what.substr(colon + 2));
    }
    return std::string(bracket == std::string_view::npos ? what : what.substr(bracket + 2));
}

Diagnostic invalid_json(Location location, const std::string& reason) {
    return make_error(std::move(location), "not valid JSON: " + reason,
                      "the input must be a JSON array of document objects, in UTF-8");
}

// Where the text first nests deeper than `max_depth` arrays and objects, if it does. simdjson
// stops there; nlohmann would read on and then write the text back recursively, one stack frame
// a level, which overflowed the stack for 200,000 '['.
std::optional<std::size_t> too_deep(std::string_view text, std::size_t max_depth) {
    std::size_t depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth) {
                return i;
            }
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return std::nullopt;
}

// simdjson refused the text. nlohmann says where it is wrong, or, when it is valid JSON after
// all (integers beyond 64 bits, which JSON.parse rounds to doubles), writes it back with those
// numbers as doubles, which simdjson reads as the same values.
std::variant<std::string, Diagnostic> reparse(std::string_view text, const std::string& path) {
    try {
        return nlohmann::json::parse(text).dump(-1, ' ', false);
    } catch (const nlohmann::json::parse_error& e) {
        // e.byte counts the bytes read, the offending one included.
        return invalid_json(location_of(text, e.byte == 0 ? 0 : e.byte - 1, path),
                            parse_error_reason(e));
    } catch (const nlohmann::json::exception& e) {  // a number beyond the range of a double
        return invalid_json({path, 0, 0}, parse_error_reason(e));
    }
}

const char* type_name(element value) {
    switch (value.type()) {
        case element_type::NULL_VALUE:
            return "null";
        case element_type::BOOL:
            return "a boolean";
        case element_type::STRING:
            return "a string";
        case element_type::ARRAY:
            return "an array";
        case element_type::OBJECT:
            return "an object";
        default:
            return "a number";
    }
}

class Reader {
  public:
    Reader(const std::string& path, const DocumentSchema& schema,
           const std::function<void(const LunrDocument&)>& add)
        : path_(path), schema_(schema), add_(add) {
        members_.fields.resize(schema_.fields.size());
        document_.values.resize(schema_.fields.size());
    }

    Diagnostics read(element documents) {
        if (!documents.is_array()) {
            error(fmt::format("expected a JSON array of documents, got {}", type_name(documents)),
                  "write the documents as [{\"" + schema_.ref + "\": ..., ...}, ...]");
            return std::move(diagnostics_);
        }
        std::size_t index = 0;
        for (const element document : simdjson::dom::array(documents)) {
            read_document(document, index++);
        }
        return std::move(diagnostics_);
    }

  private:
    // The members lunr reads. Like JSON.parse, the last of duplicate keys wins.
    struct Members {
        std::optional<element> ref;
        std::optional<element> boost;
        std::vector<std::optional<element>> fields;
    };

    void find_members(simdjson::dom::object object) {
        members_.ref.reset();
        members_.boost.reset();
        std::fill(members_.fields.begin(), members_.fields.end(), std::nullopt);
        for (const auto [key, value] : object) {
            if (key == schema_.ref) {
                members_.ref = value;
            }
            if (schema_.boost_field && key == *schema_.boost_field) {
                members_.boost = value;
            }
            for (std::size_t f = 0; f < schema_.fields.size(); ++f) {
                if (key == schema_.fields[f].name) {
                    members_.fields[f] = value;
                }
            }
        }
    }

    void read_document(element document, std::size_t index) {
        if (!document.is_object()) {
            error(fmt::format("the document at index {} is {}, not an object", index,
                              type_name(document)));
            return;
        }
        find_members(simdjson::dom::object(document));
        if (!members_.ref || members_.ref->is_null()) {
            error(fmt::format("the document at index {} has {} \"{}\" field (the --ref field)",
                              index, members_.ref ? "a null" : "no", schema_.ref),
                  fmt::format("give every document a ref; lunr.js would index this one as \"{}\"",
                              members_.ref ? "null" : "undefined"));
            return;
        }
        document_.ref = js_to_string(*members_.ref);
        for (std::size_t f = 0; f < members_.fields.size(); ++f) {
            assign_field_value(members_.fields[f], document_.values[f]);
        }
        document_.boost = schema_.boost_field ? read_boost(members_.boost, index) : 1;
        add_(document_);
    }

    // Like `doc[boostField] || 1` for numbers; anything else lunr.js would coerce to a number
    // or NaN, which is almost certainly a mistake in the data.
    double read_boost(std::optional<element> boost, std::size_t index) {
        if (!boost || boost->is_null()) {
            return 1;
        }
        if (!boost->is_number()) {
            error(
                fmt::format("the \"{}\" field (the --doc-boost field) of the document at index "
                            "{} is {}, not a number",
                            *schema_.boost_field, index, type_name(*boost)));
            return 1;
        }
        return double(*boost);
    }

    void error(std::string message, std::string hint = {}) {
        diagnostics_.push_back(make_error({path_, 0, 0}, std::move(message), std::move(hint)));
    }

    const std::string& path_;
    const DocumentSchema& schema_;
    const std::function<void(const LunrDocument&)>& add_;
    Members members_;        // reused from document to document
    LunrDocument document_;  // reused too, so its strings keep their buffers
    Diagnostics diagnostics_;
};

}  // namespace

Diagnostics read_json_documents(const simdjson::padded_string& text, const std::string& path,
                                const DocumentSchema& schema,
                                const std::function<void(const LunrDocument&)>& add) {
    simdjson::dom::parser parser;
    element documents;
    simdjson::padded_string rewritten;
    if (parser.parse(text).get(documents) != simdjson::SUCCESS) {
        if (const auto deep = too_deep(text, parser.max_depth())) {
            return {make_error(
                location_of(text, *deep, path),
                fmt::format("documents nest deeper than {} arrays and objects", parser.max_depth()),
                "a document holds fields of text, numbers and lists of them")};
        }
        auto reread = reparse(text, path);
        if (auto* diagnostic = std::get_if<Diagnostic>(&reread)) {
            return {std::move(*diagnostic)};
        }
        rewritten = simdjson::padded_string(std::get<std::string>(reread));
        if (const auto error = parser.parse(rewritten).get(documents)) {
            return {invalid_json({path, 0, 0}, simdjson::error_message(error))};
        }
    }
    return Reader(path, schema, add).read(documents);
}

}  // namespace hindsight::search
