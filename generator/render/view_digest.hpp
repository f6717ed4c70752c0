// A digest of a view model, to tell whether a page's inputs changed since the last build.
#pragma once

#include <nlohmann/json.hpp>

#include "core/hash.hpp"

namespace hindsight {

// Feeds the value's structure and contents to `hasher`: types, keys, strings and numbers, each
// length-prefixed, so that two different views cannot feed the same bytes.
void add_view(Hasher& hasher, const nlohmann::json& view);

}  // namespace hindsight
