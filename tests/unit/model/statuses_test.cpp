// Tests for model/statuses: the two status tables, their spellings and how values are read.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "core/text.hpp"
#include "model/statuses.hpp"

using namespace hindsight;

TEST_CASE("the action item states people write are read", "[statuses]") {
    const std::map<std::string, ActionStatus> cases = {
        // The examples, then spellings from trackers and incident tools.
        {"todo", ActionStatus::open},
        {"to do", ActionStatus::open},
        {"TODO", ActionStatus::open},
        {"planned", ActionStatus::open},
        {"not started", ActionStatus::open},
        {"Not_Started", ActionStatus::open},
        {"backlog", ActionStatus::open},
        {"in progress", ActionStatus::in_progress},
        {"In-Progress", ActionStatus::in_progress},
        {"IN_PROGRESS", ActionStatus::in_progress},
        {"InProgress", ActionStatus::in_progress},
        {"wip", ActionStatus::in_progress},
        {"started", ActionStatus::in_progress},
        {"ongoing", ActionStatus::in_progress},
        {"doing", ActionStatus::in_progress},
        {"blocked", ActionStatus::blocked},
        {"On Hold", ActionStatus::blocked},
        {"Blocked: waiting on the vendor", ActionStatus::blocked},
        {"completed", ActionStatus::done},
        {"closed", ActionStatus::done},
        {"fixed", ActionStatus::done},
        {"resolved", ActionStatus::done},
        {"Done", ActionStatus::done},
        {"Done (PR #12)", ActionStatus::done},
        {"[x]", ActionStatus::done},
        {"\xE2\x9C\x85", ActionStatus::done},
        {"\xE2\x9C\x85 Done", ActionStatus::done},
        {"[ ]", ActionStatus::open},
        {"won't do", ActionStatus::wont_do},
        {"Won't Fix", ActionStatus::wont_do},
        {"wontfix", ActionStatus::wont_do},
        {"cancelled", ActionStatus::wont_do},
        {"Canceled", ActionStatus::wont_do},
        {"rejected", ActionStatus::wont_do},
        {"Closed - Won't Fix", ActionStatus::wont_do},
    };
    for (const auto& [written, status] : cases) {
        INFO(written);
        REQUIRE(read_action_status(written));
        CHECK(*read_action_status(written) == status);
    }
    for (const char* unknown : {"parked", "maybe", "", "42", "\xE2\x9D\x93"}) {
        INFO(unknown);
        CHECK_FALSE(read_action_status(unknown));
    }
}

TEST_CASE("postmortem statuses publish or hold back", "[statuses]") {
    for (const char* held : {"draft", "wip", "in review", "review", "proposed", "pending", "Draft",
                             "WORK IN PROGRESS", "In-Review", "investigating"}) {
        INFO(held);
        REQUIRE(read_publication(held));
        CHECK(*read_publication(held) == Publication::held_back);
    }
    for (const char* published :
         {"final", "reviewed", "published", "approved", "complete", "done", "Final", "PUBLISHED",
          "Approved \xE2\x80\x94 2024-05-01", "resolved"}) {
        INFO(published);
        REQUIRE(read_publication(published));
        CHECK(*read_publication(published) == Publication::published);
    }
    CHECK_FALSE(read_publication("whatever"));
}

template <typename Value>
void check_one_meaning(const std::vector<Spellings<Value>>& rows) {
    std::map<std::string, Value> seen;
    for (const auto& row : rows) {
        for (const auto word : row.words) {
            const std::string folded = fold_spelling(word);
            INFO(std::string(word));
            CHECK_FALSE(folded.empty());
            const auto [it, added] = seen.emplace(folded, row.value);
            CHECK((added || it->second == row.value));
        }
    }
}

TEST_CASE("no spelling means two states, and each row opens with its canonical name",
          "[statuses]") {
    check_one_meaning(action_status_spellings());
    check_one_meaning(publication_spellings());
    for (const auto& row : action_status_spellings()) {
        CHECK(row.words.front() == to_string(row.value));
    }
    for (const auto& row : publication_spellings()) {
        CHECK(row.words.front() == to_string(row.value));
    }
}

namespace {

std::string readme_section(const std::string& heading) {
    std::ifstream in(std::string(HINDSIGHT_SOURCE_DIR) + "/README.md");
    std::stringstream text;
    text << in.rdbuf();
    const std::string all = text.str();
    const auto start = all.find("\n" + heading + "\n");
    REQUIRE(start != std::string::npos);
    const auto end = all.find("\n### ", start + 1);
    return all.substr(start, end - start);
}

}  // namespace

TEST_CASE("README's status tables list every spelling the tables read", "[statuses]") {
    const std::string section = readme_section("### Statuses");
    for (const auto& row : action_status_spellings()) {
        for (const auto word : row.words) {
            INFO(std::string(word));
            CHECK(section.find("`" + std::string(word) + "`") != std::string::npos);
        }
    }
    for (const auto& row : publication_spellings()) {
        for (const auto word : row.words) {
            INFO(std::string(word));
            CHECK(section.find("`" + std::string(word) + "`") != std::string::npos);
        }
    }
}
