// The search stage's entry point: plain documents in, the index JSON lunr.js 2.3.9 writes out.
#pragma once

#include <string>
#include <vector>

#include "search/index_builder.hpp"

namespace hindsight::search {

// The same bytes as JSON.stringify(idx) for an index built by lunr.js 2.3.9 with these fields
// (this.field(name, {boost})) and documents (this.add(doc, {boost})), in this order. The fields
// must have passed field_name_problem.
std::string build_lunr_index(const std::vector<LunrField>& fields,
                             const std::vector<LunrDocument>& documents);

}  // namespace hindsight::search
