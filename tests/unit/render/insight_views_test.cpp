// Tests for render/insight_views: the cross-links a postmortem page gets, the cluster pages.
#include <catch2/catch.hpp>

#include "render/insight_views.hpp"
#include "render/view_models.hpp"

using namespace hindsight;

namespace {

// Three postmortems, one item each, all in one cluster labelled `label`.
Archive one_cluster(const std::string& label, const std::vector<std::string>& titles) {
    Archive archive;
    ActionCluster cluster;
    cluster.id = "c";
    cluster.label = label;
    for (std::size_t i = 0; i < titles.size(); ++i) {
        Postmortem pm;
        pm.slug = "pm-" + std::to_string(i);
        pm.title = "Outage " + std::to_string(i);
        ActionItem item;
        item.title = titles[i];
        item.status = ActionStatus::open;
        pm.action_items.push_back(item);
        archive.postmortems.push_back(pm);
        archive.cluster_of.push_back({0});
        archive.related.emplace_back();
        cluster.members.push_back({i, 0, i > 0});
        cluster.postmortems.push_back(i);
    }
    archive.clusters.push_back(cluster);
    return archive;
}

}  // namespace

TEST_CASE("an action item names its cluster only when the cluster is worded otherwise",
          "[insight_views]") {
    const SiteConfig config;
    const Archive archive = one_cluster(
        "Add a runbook", {"add a Runbook.", "Add a runbook", "Write a runbook for the pool"});
    const auto item_of = [&](std::size_t p) {
        auto view = postmortem_view(archive.postmortems[p], config);
        add_insight_links(archive, p, view);
        return view["page"]["action_items"][0];
    };
    // Case, spacing and punctuation aside, the same words: the label would repeat the title.
    CHECK(item_of(0)["cluster_renamed"] == false);
    CHECK(item_of(1)["cluster_renamed"] == false);
    CHECK(item_of(2)["cluster_renamed"] == true);
    CHECK(item_of(2)["cluster_label"] == "Add a runbook");
    CHECK(item_of(2)["other_count"] == 2);
    CHECK(item_of(2)["also_promised_in"].size() == kMaxAlsoPromised);

    const auto page = action_view(archive, config, archive.clusters[0], list_page(3, 50, 1));
    REQUIRE(page["items"].size() == 3);
    CHECK(page["items"][0]["reworded"] == false);
    CHECK(page["items"][1]["reworded"] == false);
    CHECK(page["items"][2]["reworded"] == true);
}

TEST_CASE("wordings without ASCII letters are the same only when their bytes are",
          "[insight_views]") {
    const SiteConfig config;
    const Archive archive = one_cluster("監視を追加", {"監視を追加", "手順書を書く"});
    const auto page = action_view(archive, config, archive.clusters[0], list_page(2, 50, 1));
    CHECK(page["items"][0]["reworded"] == false);
    CHECK(page["items"][1]["reworded"] == true);
}

TEST_CASE("the statistics say how many of their durations and shares the text gave",
          "[insight_views]") {
    Archive archive = one_cluster("Improve monitoring", {"a", "b", "c"});
    archive.postmortems[0].duration = std::chrono::minutes{30};
    archive.postmortems[1].duration = std::chrono::minutes{90};
    archive.postmortems[1].inferred = {Field::duration_minutes};
    archive.postmortems[2].users_affected_pct = 40;
    const SiteConfig config;
    const auto view = stats_view(archive, config);
    CHECK(view["inferred"]["any"] == true);
    CHECK(view["inferred"]["durations"] == 1);
    CHECK(view["inferred"]["durations_total"] == 2);
    CHECK(view["inferred"]["users"] == 0);
    CHECK(view["inferred"]["users_total"] == 1);

    archive.postmortems[1].inferred.clear();
    CHECK(stats_view(archive, config)["inferred"]["any"] == false);
}
