// The search stage's entry point: plain documents in, the index JSON lunr.js 2.3.9 writes out.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "search/index_builder.hpp"
#include "search/json_documents.hpp"
#include "search/serializer.hpp"

namespace hindsight::search {

// The same bytes as JSON.stringify(idx) for an index built by lunr.js 2.3.9 with these fields
// (this.field(name, {boost})), documents (this.add(doc, {boost})), in this order, and options
// (this.b(), this.k1(), this.metadataWhitelist). The fields must have passed field_name_problem.
std::string build_lunr_index(const std::vector<LunrField>& fields,
                             const std::vector<LunrDocument>& documents,
                             const BuilderOptions& options = {});

// `hindsight lunr`: the documents of a docs.json text (see read_json_documents) in, the index out
// through sink, in chunks. On any problem nothing is written and the problems are returned.
Diagnostics build_lunr_index_from_json(const simdjson::padded_string& text, const std::string& path,
                                       const DocumentSchema& schema, const BuilderOptions& options,
                                       const Sink& sink);

}  // namespace hindsight::search
