// Tests for render/feeds: the sitemap and its index past the protocol's URL limit.
#include <catch2/catch.hpp>

#include "render/feeds.hpp"

using namespace hindsight;

namespace {

OutputFiles pages(int count) {
    OutputFiles files;
    for (int i = 0; i < count; ++i) {
        files.push_back({"postmortems/p" + std::to_string(i) + "/index.html", "<html>"});
    }
    files.push_back({"assets/style.css", "body{}"});
    return files;
}

}  // namespace

TEST_CASE("no sitemap without a base URL", "[feeds]") {
    CHECK(sitemaps(pages(3), SiteConfig{}).empty());
}

TEST_CASE("a sitemap lists every page and nothing else", "[feeds]") {
    SiteConfig config;
    config.base_url = "https://wiki.example.com/pm";
    const auto maps = sitemaps(pages(3), config);
    REQUIRE(maps.size() == 1);
    CHECK(maps[0].path == "sitemap.xml");
    CHECK(maps[0].bytes.find("<urlset") != std::string::npos);
    CHECK(maps[0].bytes.find("https://wiki.example.com/pm/postmortems/p2/index.html") !=
          std::string::npos);
    CHECK(maps[0].bytes.find("style.css") == std::string::npos);
}

TEST_CASE("past the URL limit, sitemap.xml is an index of parts", "[feeds]") {
    SiteConfig config;
    config.base_url = "https://wiki.example.com/";
    const auto maps = sitemaps(pages(5), config, 2);
    REQUIRE(maps.size() == 4);
    CHECK(maps[0].path == "sitemap-1.xml");
    CHECK(maps[2].path == "sitemap-3.xml");
    CHECK(maps[2].bytes.find("p4/index.html") != std::string::npos);
    CHECK(maps[2].bytes.find("p3/index.html") == std::string::npos);
    const std::string& index = maps[3].bytes;
    CHECK(maps[3].path == "sitemap.xml");
    CHECK(index.find("<sitemapindex") != std::string::npos);
    CHECK(index.find("<loc>https://wiki.example.com/sitemap-3.xml</loc>") != std::string::npos);
    CHECK(sitemaps(pages(2), config, 2).size() == 1);
}
