// End-to-end tests that no page grows with the archive: list pages are paginated, cross-links
// capped.
#include <catch2/catch.hpp>

#include <regex>

#include <fmt/format.h>

#include "support/run_binary.hpp"
#include "support/tree.hpp"

using namespace hindsight::test;
namespace fs = std::filesystem;

namespace {

// `count` postmortems that all promise the same action and share a cause, so that every list
// and every cross-link would grow with the archive if nothing bounded it.
void write_archive(const fs::path& content, int count, int page_size) {
    write_text(content / "hindsight.yaml",
               fmt::format("title: Bounded\nbase_url: https://wiki.example.com/pm\n"
                           "page_size: {}\n",
                           page_size));
    for (int i = 0; i < count; ++i) {
        write_text(content / fmt::format("pm-{:03}.md", i),
                   fmt::format("---\ntitle: Outage number {}\ndate: 2024-{:02}-{:02}\n"
                               "severity: SEV2\ncauses: [dns]\nservices: [gateway]\n"
                               "action_items:\n  - Improve monitoring of the resolvers\n---\n"
                               "The resolvers failed.\n",
                               i, i % 12 + 1, i % 28 + 1));
    }
}

std::size_t count_matches(const std::string& text, const std::string& pattern) {
    const std::regex re(pattern);
    return static_cast<std::size_t>(
        std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator()));
}

}  // namespace

TEST_CASE("list pages hold page_size postmortems each, with prev/next links", "[bounded]") {
    TempDir dir;
    write_archive(dir.path() / "content", 23, 5);
    const auto out = dir.path() / "site";
    const auto run =
        run_hindsight({"build", (dir.path() / "content").string(), "-o", out.string()});
    REQUIRE(run.exit_code == 0);
    const Tree site = read_tree(out);
    // 23 postmortems, 5 to a page: 5 pages of the home, the cause, the service, the severity.
    for (const std::string dir_name :
         {"", "causes/dns/", "services/gateway/", "severities/sev2/"}) {
        INFO(dir_name);
        REQUIRE(site.count(dir_name + "index.html") == 1);
        for (int n = 2; n <= 5; ++n) {
            REQUIRE(site.count(fmt::format("{}page/{}/index.html", dir_name, n)) == 1);
        }
        CHECK(site.count(dir_name + "page/6/index.html") == 0);
        const std::string& first = site.at(dir_name + "index.html");
        CHECK(count_matches(first, "class=\"pm-row\"") == 5);
        CHECK(first.find("rel=\"next\"") != std::string::npos);
        CHECK(first.find("rel=\"prev\"") == std::string::npos);
        const std::string& last = site.at(dir_name + "page/5/index.html");
        CHECK(count_matches(last, "class=\"pm-row\"") == 3);
        CHECK(last.find("rel=\"prev\"") != std::string::npos);
        CHECK(last.find("rel=\"next\"") == std::string::npos);
    }
    // The counts still cover every postmortem of the cause.
    CHECK(site.at("causes/dns/page/3/index.html").find("<span class=\"year-count\">23</span>") !=
          std::string::npos);
    // The later pages are in the sitemap.
    CHECK(site.at("sitemap.xml").find("https://wiki.example.com/pm/causes/dns/page/5/index.html") !=
          std::string::npos);
    // One cluster of 23 items: its page is paginated too.
    std::string cluster;
    for (const auto& [path, bytes] : site) {
        if (path.rfind("actions/", 0) == 0 && path.find("/page/5/") != std::string::npos) {
            cluster = path;
        }
    }
    CHECK_FALSE(cluster.empty());
}

TEST_CASE("a postmortem page names the latest other postmortem that promised the same",
          "[bounded]") {
    TempDir dir;
    write_archive(dir.path() / "content", 30, 50);
    const auto out = dir.path() / "site";
    REQUIRE(
        run_hindsight({"build", (dir.path() / "content").string(), "-o", out.string()}).exit_code ==
        0);
    const Tree site = read_tree(out);
    const std::string& page = site.at("postmortems/pm-000/index.html");
    const auto recurring = page.find("class=\"ai-recurring\"");
    REQUIRE(recurring != std::string::npos);
    const std::string line = page.substr(recurring, page.find("</p>", recurring) - recurring);
    // The count links to the cluster page, which lists them all.
    CHECK(count_matches(line,
                        "Promised in <a href=\"\\.\\./\\.\\./actions/[a-z0-9-]+/index\\.html\">29 "
                        "other postmortems</a>, the latest: ") == 1);
    CHECK(count_matches(line, "href=\"\\.\\./\\.\\./postmortems/") == 1);
    // The item's wording is the cluster's name: it is not written a second time.
    CHECK(line.find("Recurring as") == std::string::npos);
    // The most recent: 2024-12-24's pm-023; not 12-12's pm-011, November's pm-010 or February's.
    CHECK(line.find("pm-023") != std::string::npos);
    CHECK(line.find("pm-011") == std::string::npos);
    CHECK(line.find("pm-010") == std::string::npos);
    CHECK(line.find("pm-001") == std::string::npos);
    CHECK(count_matches(page, "class=\"pm-related\"") <= 1);
}
