// Builder, then serializer: the whole of lunr's index build in one call.
#include "search/lunr.hpp"

#include "search/serializer.hpp"

namespace hindsight::search {

std::string build_lunr_index(const std::vector<LunrField>& fields,
                             const std::vector<LunrDocument>& documents) {
    IndexBuilder builder(fields);
    for (const auto& document : documents) {
        builder.add(document);
    }
    return serialize_index(std::move(builder).build());
}

}  // namespace hindsight::search
