// Builder, then serializer: the whole of lunr's index build in one call.
#include "search/lunr.hpp"

namespace hindsight::search {

std::string build_lunr_index(const std::vector<LunrField>& fields,
                             const std::vector<LunrDocument>& documents,
                             const BuilderOptions& options) {
    IndexBuilder builder(fields, options);
    for (const auto& document : documents) {
        builder.add(document);
    }
    return serialize_index(std::move(builder).build());
}

Diagnostics build_lunr_index_from_json(const simdjson::padded_string& text, const std::string& path,
                                       const DocumentSchema& schema, const BuilderOptions& options,
                                       const Sink& sink) {
    IndexBuilder builder(schema.fields, options);
    builder.expect_text(text.size());
    Diagnostics problems = read_json_documents(
        text, path, schema, [&](const LunrDocument& document) { builder.add(document); });
    if (problems.empty()) {
        serialize_index(std::move(builder).build(), sink);
    }
    return problems;
}

}  // namespace hindsight::search
