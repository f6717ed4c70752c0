// Tests for output: the staged, atomic replacement of the site, and the folders it refuses.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "output/output_guard.hpp"
#include "output/write_site.hpp"
#include "support/temp_dir.hpp"

using namespace hindsight;
namespace fs = std::filesystem;

TEST_CASE("a build replaces the previous site entirely", "[write_site]") {
    test::TempDir dir;
    const auto out = dir.path() / "public";
    REQUIRE(write_site(out, {{"index.html", "one"}, {"old/page.html", "x"}}).empty());
    CHECK(fs::exists(out / kSiteMarker));
    REQUIRE(write_site(out, {{"index.html", "two"}}).empty());
    CHECK_FALSE(fs::exists(out / "old/page.html"));
    CHECK(fs::exists(out / "index.html"));
    // No staging folder is left behind.
    int entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) {
        ++entries;
    }
    CHECK(entries == 1);
}

TEST_CASE("a failed write leaves the previous site as it was", "[write_site]") {
    test::TempDir dir;
    const auto out = dir.path() / "public";
    REQUIRE(write_site(out, {{"index.html", "good"}}).empty());
    const auto error = write_site(out, {{"index.html", "bad"}, {"../escape.html", "x"}});
    CHECK(error == "refusing to write '../escape.html' outside the output folder");
    CHECK_FALSE(fs::exists(dir.path() / "escape.html"));
    std::ifstream in(out / "index.html");
    std::string text;
    in >> text;
    CHECK(text == "good");
}

TEST_CASE("stale staging folders of dead builds are removed", "[write_site]") {
    test::TempDir dir;
    const auto out = dir.path() / "public";
    const auto stale = staging_path(out, 999999999);
    fs::create_directories(stale);
    REQUIRE(write_site(out, {{"index.html", "x"}}).empty());
    CHECK_FALSE(fs::exists(stale));
}

TEST_CASE("a commit puts the new site in place and removes the previous one", "[write_site]") {
    test::TempDir dir;
    const auto out = dir.path() / "public";
    REQUIRE(write_site(out, {{"index.html", "one"}}).empty());
    SiteWriter writer(out);
    REQUIRE(writer.open().empty());
    REQUIRE(writer.add({"index.html", "two"}).empty());
    REQUIRE(writer.commit().empty());
    std::ifstream now(out / "index.html");
    std::string text;
    now >> text;
    CHECK(text == "two");
    int entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) {
        ++entries;
    }
    CHECK(entries == 1);
}

TEST_CASE("dangerous output folders are refused", "[output_guard]") {
    test::TempDir dir;
    const auto content = dir.path() / "site/content";
    fs::create_directories(content);
    CHECK(check_output_dir("/", content)->message == "refusing to build into the file-system root");
    CHECK(check_output_dir(content, content)->message ==
          "output folder '" + content.generic_string() + "' is the content folder");
    CHECK(check_output_dir(dir.path() / "site", content)->message.find("contains the content") !=
          std::string::npos);
    CHECK(check_output_dir(content / "public", content)->message.find("inside the content") !=
          std::string::npos);
    fs::create_directories(dir.path() / "site/.git");
    CHECK(check_output_dir(dir.path() / "site/", dir.path() / "elsewhere")
              ->message.find("repository root") != std::string::npos);
    CHECK_FALSE(check_output_dir(dir.path() / "site/public", content));
}

TEST_CASE("the home folder is refused", "[output_guard]") {
    test::TempDir dir;
    const char* home = std::getenv("HOME");
    REQUIRE(home != nullptr);
    CHECK(check_output_dir(home, dir.path())->message.rfind("refusing to build into the home", 0) ==
          0);
}

TEST_CASE("a non-empty folder not built by hindsight is refused", "[output_guard]") {
    test::TempDir dir;
    test::write_text(dir.path() / "docs/important.txt", "keep me");
    const auto refusal = check_output_dir(dir.path() / "docs", dir.path() / "content");
    REQUIRE(refusal);
    CHECK(refusal->hint == "empty or remove it first, or choose another folder with -o");
    test::write_text(dir.path() / "built" / kSiteMarker, "x");
    test::write_text(dir.path() / "built/index.html", "x");
    CHECK_FALSE(check_output_dir(dir.path() / "built", dir.path() / "content"));
}
