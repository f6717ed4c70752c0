// docs.json -> LunrDocuments: a JSON array of objects, read as a lunr.js build script reads it.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

#include "core/diagnostic.hpp"
#include "search/index_builder.hpp"

namespace hindsight::search {

// Which members of each object lunr reads: doc[ref], doc[field] for each field, and
// optionally doc[boost_field] as the {boost} given to builder.add.
struct DocumentSchema {
    std::string ref = "id";
    std::vector<LunrField> fields;
    std::optional<std::string> boost_field;
};

// Refs and field values go through JavaScript's ToString as lunr's do, and the last of duplicate
// keys wins, as in JSON.parse. Calls add(document) for each document, in order; the document is
// reused for the next one, so that a large file is read without a copy of it. Returns every
// problem found: text that is not JSON (located by line and column), a top level that is not an
// array, an element that is not an object, a document whose ref is missing or null (lunr.js
// would index it as "undefined" or "null"), and a boost that is not a number (or null). After
// any, the documents given to add are incomplete.
Diagnostics read_json_documents(const simdjson::padded_string& text, const std::string& path,
                                const DocumentSchema& schema,
                                const std::function<void(const LunrDocument&)>& add);

}  // namespace hindsight::search
