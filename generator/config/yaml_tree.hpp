// Limits on a loaded YAML tree as its readers walk it, where an alias is a copy of its anchor.
#pragma once

#include <optional>

#include "core/yaml_guard.hpp"

namespace YAML {
class Node;
}

namespace hindsight {

// The text guard (check_yaml_limits) cannot see what aliases do once they are resolved: each
// anchor holding a few aliases of the one before multiplies the tree ("billion laughs"), and an
// alias inside its own anchor is a cycle, which yaml-cpp builds as one and a reader would walk
// until the stack overflows. yaml-cpp shares an anchor's node among its aliases, so loading is
// cheap; every reader (a field, page.extra) expands them. So the loaded tree is walked once, as
// the readers will walk it but stopping at the first limit, before anything reads it: never more
// than max_expanded_bytes values and bytes of work, and no deeper than max_depth.
std::optional<YamlLimitViolation> check_yaml_tree(const YAML::Node& root,
                                                  const YamlLimits& limits = {});

}  // namespace hindsight
