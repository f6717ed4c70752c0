// Tests for assign_cluster_ids (analyze/action_clusters): ids unique whatever the labels.
#include <catch2/catch.hpp>

#include <set>

#include "analyze/action_clusters.hpp"

using namespace hindsight;

namespace {

std::vector<std::string> ids_for(const std::vector<std::string>& labels) {
    std::vector<ActionCluster> clusters(labels.size());
    for (std::size_t i = 0; i < labels.size(); ++i) {
        clusters[i].label = labels[i];
    }
    assign_cluster_ids(clusters);
    std::vector<std::string> ids;
    for (const auto& c : clusters) {
        ids.push_back(c.id);
    }
    return ids;
}

}  // namespace

TEST_CASE("a label that slugs to a suffixed id does not take another cluster's id",
          "[action_clusters]") {
    // Before: foo, foo-2, foo-2, and the third page overwrote the second.
    CHECK(ids_for({"Foo", "Foo", "Foo 2"}) == std::vector<std::string>{"foo", "foo-2", "foo-2-2"});
    CHECK(ids_for({"Foo 2", "Foo", "Foo"}) == std::vector<std::string>{"foo-2", "foo", "foo-3"});
}

TEST_CASE("cluster ids are unique and never empty", "[action_clusters]") {
    const auto ids = ids_for({"", "!!!", "action", "Action 2", "action", "A B", "a-b", "a--b-"});
    CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == ids.size());
    for (const auto& id : ids) {
        CHECK_FALSE(id.empty());
        CHECK(id.back() != '-');
    }
}
