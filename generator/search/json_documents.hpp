// docs.json -> LunrDocuments: a JSON array of objects, read the way a lunr.js build script reads
// it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

struct JsonDocuments {
    std::vector<LunrDocument> documents;
    Diagnostics diagnostics;  // any error means the documents are incomplete
};

// Refs and field values go through JavaScript's ToString as lunr's do, and the last of duplicate
// keys wins, as in JSON.parse. Refused, with every problem reported: text that is not JSON
// (located by line and column), a top level that is not an array, an element that is not an
// object, a document whose ref is missing or null (lunr.js would index it as "undefined" or
// "null"), and a boost that is not a number (or null).
JsonDocuments read_json_documents(std::string_view text, const std::string& path,
                                  const DocumentSchema& schema);

}  // namespace hindsight::search
