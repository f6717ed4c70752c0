// Walking a loaded YAML tree within limits: expansion through aliases, depth and cycles.
#include "config/yaml_tree.hpp"

#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace hindsight {
namespace {

class TreeWalk {
  public:
    explicit TreeWalk(const YamlLimits& limits) : limits_(limits) {}

    std::optional<YamlLimitViolation> visit(const YAML::Node& node) {
        for (const auto& ancestor : path_) {
            if (ancestor.is(node)) {
                return at(node, "front matter has an alias inside the anchor it refers to",
                          "an alias (*name) repeats an anchor (&name) it is not part of");
            }
        }
        if (path_.size() > static_cast<std::size_t>(limits_.max_depth)) {
            return at(node,
                      fmt::format("front matter nests deeper than {} levels", limits_.max_depth));
        }
        expanded_ += 1 + (node.IsScalar() ? node.Scalar().size() : 0);
        if (expanded_ > limits_.max_expanded_bytes) {
            return at(node,
                      fmt::format("front matter's aliases expand it to more than {} bytes",
                                  limits_.max_expanded_bytes),
                      "write the repeated values out, or repeat fewer of them");
        }
        if (!node.IsSequence() && !node.IsMap()) {
            return std::nullopt;
        }
        path_.push_back(node);
        for (const auto& entry : node) {
            auto violation = node.IsMap() ? visit_pair(entry.first, entry.second)
                                          : visit(static_cast<const YAML::Node&>(entry));
            if (violation) {
                return violation;
            }
        }
        path_.pop_back();
        return std::nullopt;
    }

  private:
    std::optional<YamlLimitViolation> visit_pair(const YAML::Node& key, const YAML::Node& value) {
        if (auto violation = visit(key)) {
            return violation;
        }
        return visit(value);
    }

    // yaml-cpp marks are 0-based; an alias shares its anchor's node, and so its mark.
    static YamlLimitViolation at(const YAML::Node& node, std::string message,
                                 std::string hint = {}) {
        const YAML::Mark mark = node.Mark();
        return {std::move(message), mark.line < 0 ? 1 : mark.line + 1,
                mark.column < 0 ? 1 : mark.column + 1, std::move(hint)};
    }

    const YamlLimits& limits_;
    std::vector<YAML::Node> path_;  // the collections enclosing the node being visited
    std::size_t expanded_ = 0;
};

}  // namespace

std::optional<YamlLimitViolation> check_yaml_tree(const YAML::Node& root,
                                                  const YamlLimits& limits) {
    return TreeWalk(limits).visit(root);
}

}  // namespace hindsight
