// Tests for discover: which files are sources, and their order.
#include <catch2/catch.hpp>

#include <filesystem>

#include "discover/discover.hpp"
#include "support/temp_dir.hpp"

using namespace hindsight;
namespace fs = std::filesystem;

TEST_CASE("sources are found in sub-folders and sorted by path", "[discover]") {
    test::TempDir dir;
    const auto root = dir.path() / "content";
    test::write_text(root / "b.md", "b");
    test::write_text(root / "a.txt", "a");
    test::write_text(root / "2023/c.markdown", "c");
    test::write_text(root / "notes.rst", "no");
    test::write_text(root / ".hidden.md", "no");
    test::write_text(root / "_draft.md", "no");
    test::write_text(root / ".git/x.md", "no");
    test::write_text(root / "hindsight.yaml", "title: x");
    const auto result = discover_sources(root);
    REQUIRE(result.diagnostics.empty());
    std::vector<std::string> names;
    for (const auto& file : result.files) {
        names.push_back(file.relative);
    }
    CHECK(names == std::vector<std::string>{"2023/c.markdown", "a.txt", "b.md"});
    CHECK(result.files[1].bytes == "a");
    CHECK(result.files[1].display == (root.generic_string() + "/a.txt"));
}

TEST_CASE("symlinks leaving the tree are skipped", "[discover]") {
    test::TempDir dir;
    test::write_text(dir.path() / "outside/secret.md", "secret");
    test::write_text(dir.path() / "content/inside.md", "in");
    fs::create_symlink(dir.path() / "outside/secret.md", dir.path() / "content/link.md");
    fs::create_directory_symlink(dir.path() / "outside", dir.path() / "content/folder");
    fs::create_symlink(dir.path() / "content/inside.md", dir.path() / "content/alias.md");
    const auto result = discover_sources(dir.path() / "content");
    std::vector<std::string> names;
    for (const auto& file : result.files) {
        names.push_back(file.relative);
    }
    CHECK(names == std::vector<std::string>{"alias.md", "inside.md"});
}
