// Tests for extract/action_details: owner, ticket, status and due suffixes leave the title and
// fill the item's fields; a title ending in ordinary words is left as written.
#include <catch2/catch.hpp>

#include "core/dates.hpp"
#include "extract/action_details.hpp"

using namespace hindsight;

namespace {

ActionItem read(const std::string& title, const LineLinks& links = {}) {
    ActionItem item;
    item.title = title;
    take_action_details(item, links);
    return item;
}

}  // namespace

TEST_CASE("an owner in parentheses or after a dash is the item's owner", "[actions]") {
    auto item = read("Add disk alerts (owner: @sre)");
    CHECK(item.title == "Add disk alerts");
    CHECK(item.owner == "@sre");
    item = read("Rotate the API keys \xE2\x80\x94 Owner: Ana");
    CHECK(item.title == "Rotate the API keys");
    CHECK(item.owner == "Ana");
    item = read("Document the recovery procedure - Owner: Operations team - Target: 1 week");
    CHECK(item.title == "Document the recovery procedure");
    CHECK(item.owner == "Operations team");
}

TEST_CASE("a ticket key or a ticket link after the title is the item's link", "[actions]") {
    auto item = read("Add queue-lag alerts [OPS-3113]");
    CHECK(item.title == "Add queue-lag alerts");
    CHECK(item.link == "OPS-3113");
    // "([JIRA-9193](url))" reaches extraction as "(JIRA-9193)", with the link beside it.
    item = read("Add a failover runbook (JIRA-9193)",
                {{"JIRA-9193", "https://jira.example.com/browse/JIRA-9193"}});
    CHECK(item.title == "Add a failover runbook");
    CHECK(item.link == "https://jira.example.com/browse/JIRA-9193");
    item = read("Make the launch timeout configurable Issue",
                {{"Issue", "https://github.com/o/r/issues/244"}});
    CHECK(item.title == "Make the launch timeout configurable");
    CHECK(item.link == "https://github.com/o/r/issues/244");
}

TEST_CASE("a due date and a status after the title fill due and status", "[actions]") {
    auto item = read("Enable eager loading in CI, due 2024-08-06");
    CHECK(item.title == "Enable eager loading in CI");
    REQUIRE(item.due);
    CHECK(format_date(*item.due) == "2024-08-06");
    item = read("Add automation for chaos errors (Owner: DevOps, Due: 04/15/25)");
    CHECK(item.title == "Add automation for chaos errors");
    CHECK(item.owner == "DevOps");
    REQUIRE(item.due);
    CHECK(format_date(*item.due) == "2025-04-15");
    item = read("Increase size of edge proxy VMs (in progress)");
    CHECK(item.title == "Increase size of edge proxy VMs");
    CHECK(item.status == ActionStatus::in_progress);
    item = read("Fix the gradle plugin in stable. OWNER: amirh@ (DONE).");
    CHECK(item.title == "Fix the gradle plugin in stable");
    CHECK(item.owner == "amirh@");
    CHECK(item.status == ActionStatus::done);
}

TEST_CASE("a title ending in ordinary words or links is left as written", "[actions]") {
    CHECK(read("Cache the config (e.g. in Redis)").title == "Cache the config (e.g. in Redis)");
    CHECK(read("Keep an eye on the status of the bug we ran into",
               {{"the bug we ran into", "https://github.com/k/k/issues/1"}})
              .title == "Keep an eye on the status of the bug we ran into");
    CHECK(read("Make sure the bug is fixed").title == "Make sure the bug is fixed");
    CHECK(read("Alert when the queue lags - done").status == ActionStatus::done);
    CHECK(read("(owner: @sre)").title == "(owner: @sre)");
}
