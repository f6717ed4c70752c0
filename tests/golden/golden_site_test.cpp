// The golden site: content/ built and compared file by file with tests/golden/site/.
// HINDSIGHT_UPDATE_GOLDEN=1 rewrites the expected tree from the current build instead.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "support/run_binary.hpp"
#include "support/tree.hpp"

using namespace hindsight::test;
namespace fs = std::filesystem;

TEST_CASE("content/ builds into exactly the golden site", "[golden]") {
    TempDir dir;
    const auto built = dir.path() / "site";
    const auto result =
        run_hindsight({"build", (source_dir() / "content").string(), "-o", built.string()});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.empty());

    const fs::path golden = source_dir() / "tests/golden/site";
    if (const char* update = std::getenv("HINDSIGHT_UPDATE_GOLDEN"); update && *update == '1') {
        fs::remove_all(golden);
        fs::copy(built, golden, fs::copy_options::recursive);
        WARN("golden site rewritten at " << golden.string());
        return;
    }
    const std::string difference = describe_difference(read_tree(golden), read_tree(built));
    INFO(
        "The build differs from tests/golden/site. If the change is intended, run\n"
        "  HINDSIGHT_UPDATE_GOLDEN=1 ctest --test-dir build -R golden\n"
        "and commit the new golden files.\n"
        << difference);
    CHECK(difference.empty());
}
