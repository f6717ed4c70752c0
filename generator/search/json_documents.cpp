// Reading the documents of `hindsight lunr` with nlohmann::json and checking them.
#include "search/json_documents.hpp"

#include <fmt/format.h>

#include "search/js_value.hpp"

namespace hindsight::search {
namespace {

using nlohmann::json;

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
std::string parse_error_reason(const json::parse_error& error) {
    const std::string_view what = error.what();
    const auto column = what.find("column ");
    const auto colon = column == std::string_view::npos ? column : what.find(": ", column);
    return std::string(colon == std::string_view::npos ? what : what.substr(colon + 2));
}

const char* type_name(const json& value) {
    switch (value.type()) {
        case json::value_t::null:
            return "null";
        case json::value_t::boolean:
            return "a boolean";
        case json::value_t::string:
            return "a string";
        case json::value_t::array:
            return "an array";
        case json::value_t::object:
            return "an object";
        default:
            return "a number";
    }
}

const json* member(const json& object, const std::string& name) {
    const auto it = object.find(name);
    return it == object.end() ? nullptr : &*it;
}

class Reader {
  public:
    Reader(const std::string& path, const DocumentSchema& schema) : path_(path), schema_(schema) {}

    JsonDocuments read(const json& documents) {
        if (!documents.is_array()) {
            error(fmt::format("expected a JSON array of documents, got {}", type_name(documents)),
                  "write the documents as [{\"" + schema_.ref + "\": ..., ...}, ...]");
            return std::move(result_);
        }
        result_.documents.reserve(documents.size());
        for (std::size_t i = 0; i < documents.size(); ++i) {
            read_document(documents[i], i);
        }
        return std::move(result_);
    }

  private:
    void read_document(const json& document, std::size_t index) {
        if (!document.is_object()) {
            error(fmt::format("the document at index {} is {}, not an object", index,
                              type_name(document)));
            return;
        }
        LunrDocument out;
        const json* ref = member(document, schema_.ref);
        if (ref == nullptr || ref->is_null()) {
            error(fmt::format("the document at index {} has {} \"{}\" field (the --ref field)",
                              index, ref ? "a null" : "no", schema_.ref),
                  "give every document a ref; lunr.js would index this one as \"" +
                      std::string(ref ? "null" : "undefined") + "\"");
        } else {
            out.ref = js_to_string(*ref);
        }
        out.values.reserve(schema_.fields.size());
        for (const auto& field : schema_.fields) {
            out.values.push_back(field_value(member(document, field.name)));
        }
        if (schema_.boost_field) {
            out.boost = read_boost(document, index);
        }
        result_.documents.push_back(std::move(out));
    }

    // Like `doc[boostField] || 1` for numbers; anything else lunr.js would coerce to a number
    // or NaN, which is almost certainly a mistake in the data.
    double read_boost(const json& document, std::size_t index) {
        const json* boost = member(document, *schema_.boost_field);
        if (boost == nullptr || boost->is_null()) {
            return 1;
        }
        if (!boost->is_number()) {
            error(
                fmt::format("the \"{}\" field (the --doc-boost field) of the document at index {} "
                            "is {}, not a number",
                            *schema_.boost_field, index, type_name(*boost)));
            return 1;
        }
        return boost->get<double>();
    }

    void error(std::string message, std::string hint = {}) {
        result_.diagnostics.push_back(
            make_error({path_, 0, 0}, std::move(message), std::move(hint)));
    }

    const std::string& path_;
    const DocumentSchema& schema_;
    JsonDocuments result_;
};

}  // namespace

JsonDocuments read_json_documents(std::string_view text, const std::string& path,
                                  const DocumentSchema& schema) {
    json documents;
    try {
        documents = json::parse(text);
    } catch (const json::parse_error& e) {
        // e.byte counts the bytes read, the offending one included.
        const std::size_t offset = e.byte == 0 ? 0 : e.byte - 1;
        return {
            {},
            {make_error(location_of(text, offset, path), "not valid JSON: " + parse_error_reason(e),
                        "the input must be a JSON array of document objects, in UTF-8")}};
    }
    return Reader(path, schema).read(documents);
}

}  // namespace hindsight::search
