// Builds of the real-world inputs in ../shared: the five seeds and the 59 real postmortems.
// These are the ground the project stands on; without ../shared (a user's own clone) they skip,
// and with HINDSIGHT_REQUIRE_SHARED=1 (CI) they fail.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support/run_binary.hpp"
#include "support/shared.hpp"
#include "support/tree.hpp"

using namespace hindsight::test;
namespace fs = std::filesystem;

TEST_CASE("the five seeds build into five readable pages with their real titles", "[shared]") {
    if (!shared_present("seeds")) {
        return;
    }
    TempDir dir;
    const auto result = run_hindsight(
        {"build", (shared_dir() / "seeds").string(), "-o", (dir.path() / "site").string()});
    REQUIRE(result.exit_code == 0);
    // Seed 002 was saved through Windows-1252 once ("â€™"); it is repaired, and said so.
    CHECK(result.err == (shared_dir() / "seeds").string() +
                            "/002_ea9201c70a335992.txt:37:163: warning: repaired 1 garbled "
                            "character (UTF-8 read as Windows-1252, such as 'â€™' for '’')\n"
                            "    hint: save the file as UTF-8 from its original source\n");
    const auto tree = read_tree(dir.path() / "site");
    const auto records = nlohmann::json::parse(tree.at("postmortems.json"));
    std::vector<std::string> titles;
    for (const auto& record : records) {
        titles.push_back(record["title"]);
        const auto page =
            tree.at("postmortems/" + record["slug"].get<std::string>() + "/index.html");
        CHECK(page.find("<h1 id=\"hs-title\">") != std::string::npos);
        CHECK(page.find("Root Cause") != std::string::npos);
    }
    CHECK(titles == std::vector<std::string>{"Outage Postmortem: Web Stack Debugging Incident",
                                             "Postmortem: Outage in Web Application",
                                             "Postmortem: Web Stack Outage Incident",
                                             "Postmortem: Web Stack Outage Incident",
                                             "Postmortem: Outage on Web Stack Debugging Project"});
}

TEST_CASE("every real postmortem in the corpus builds without an error", "[shared]") {
    if (!shared_present("corpus/real")) {
        return;
    }
    TempDir dir;
    const auto result = run_hindsight(
        {"build", (shared_dir() / "corpus/real").string(), "-o", (dir.path() / "site").string()});
    INFO(result.err);
    CHECK(result.exit_code == 0);
    CHECK(result.err.find("error:") == std::string::npos);
    const auto records =
        nlohmann::json::parse(read_tree(dir.path() / "site").at("postmortems.json"));
    CHECK(records.size() == 59);
}
