// `hindsight adopt` on copies of the real corpus: bodies and existing bytes unchanged, a second
// run changes nothing, and `check` afterwards has no error and no warning it did not have.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "support/run_binary.hpp"
#include "support/shared.hpp"

using namespace hindsight::test;
namespace fs = std::filesystem;

namespace {

std::map<std::string, std::string> read_folder(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (entry.is_regular_file()) {
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream bytes;
            bytes << in.rdbuf();
            files[fs::relative(entry.path(), dir).generic_string()] = bytes.str();
        }
    }
    return files;
}

// The warnings of a check, without where they are: adopting moves the body down.
std::multiset<std::string> warnings(const std::string& err) {
    static const std::regex location(R"(^\S+:\d+:\d+: |^\S+: )");
    static const std::regex line_numbers(R"(\bline \d+)");
    std::multiset<std::string> out;
    std::istringstream in(err);
    for (std::string line; std::getline(in, line);) {
        if (line.find(": warning: ") == std::string::npos &&
            line.find(": error: ") == std::string::npos) {
            continue;
        }
        line = std::regex_replace(line, location, "");
        out.insert(std::regex_replace(line, line_numbers, "line N"));
    }
    return out;
}

}  // namespace

TEST_CASE("adopt declares what was read, keeps every byte, and runs once", "[adopt][shared]") {
    if (!shared_present("corpus/real")) {
        return;
    }
    TempDir dir;
    const fs::path content = dir.path() / "real";
    fs::copy(shared_dir() / "corpus/real", content, fs::copy_options::recursive);
    // Windows editors' files too: a byte-order mark and CRLF line ends, kept as they are.
    for (const char* name : {"001.md", "027.md", "051.md"}) {
        std::string crlf = "\xEF\xBB\xBF";
        // Held by name: a range over read_folder(...).at(name) would outlive its map.
        const auto files = read_folder(content);
        for (const char c : files.at(name)) {
            crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
        }
        write_text(content / name, crlf);
    }
    const auto before = read_folder(content);
    const auto checked = run_hindsight({"check", content.string()});
    REQUIRE(checked.exit_code == 0);

    const auto shown = run_hindsight({"adopt", content.string()});
    INFO(shown.err);
    REQUIRE(shown.exit_code == 0);
    CHECK(read_folder(content) == before);  // without --write nothing is written
    CHECK(shown.out.find("+++ b/") != std::string::npos);

    const auto written = run_hindsight({"adopt", content.string(), "--write"});
    REQUIRE(written.exit_code == 0);
    CHECK(written.out == shown.out);
    const auto after = read_folder(content);
    REQUIRE(after.size() == before.size());
    int adopted = 0;
    for (const auto& [name, old_bytes] : before) {
        const std::string& new_bytes = after.at(name);
        if (new_bytes == old_bytes) {
            continue;
        }
        ++adopted;
        // One block inserted: what is before it and after it is the old file, byte for byte.
        std::size_t prefix = 0;
        while (prefix < old_bytes.size() && old_bytes[prefix] == new_bytes[prefix]) {
            ++prefix;
        }
        std::size_t suffix = 0;
        while (suffix < old_bytes.size() - prefix && old_bytes[old_bytes.size() - 1 - suffix] ==
                                                         new_bytes[new_bytes.size() - 1 - suffix]) {
            ++suffix;
        }
        INFO(name);
        CHECK(prefix + suffix == old_bytes.size());
        if (old_bytes.find("\r\n") != std::string::npos) {
            CHECK(new_bytes.starts_with("\xEF\xBB\xBF"));
            const std::string inserted =
                new_bytes.substr(prefix, new_bytes.size() - old_bytes.size());
            for (std::size_t i = inserted.find('\n'); i != std::string::npos;
                 i = inserted.find('\n', i + 1)) {
                CHECK((i > 0 && inserted[i - 1] == '\r'));
            }
        }
    }
    CHECK(adopted > 30);

    const auto again = run_hindsight({"adopt", content.string(), "--write"});
    CHECK(again.exit_code == 0);
    CHECK(again.out.empty());
    CHECK(read_folder(content) == after);

    const auto rechecked = run_hindsight({"check", content.string()});
    INFO(rechecked.err);
    CHECK(rechecked.exit_code == 0);
    const auto old_warnings = warnings(checked.err);
    for (const auto& warning : warnings(rechecked.err)) {
        INFO(warning);
        CHECK(old_warnings.count(warning) > 0);
    }
}

TEST_CASE("adopt refuses and lists files with front-matter errors", "[adopt]") {
    TempDir dir;
    write_text(dir.path() / "good.md",
               "# Good\n\nStart Time: 2024-01-01 10:00 UTC\nEnd Time: "
               "2024-01-01 11:00 UTC\n");
    write_text(dir.path() / "bad.md", "---\ntitle: \"broken\nstarted: [1, 2\n---\n# Bad\n");
    const auto result = run_hindsight({"adopt", dir.path().string(), "--write"});
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("bad.md:2:8: error: quoted value opened here is never closed") !=
          std::string::npos);
    CHECK(result.err.find("refused: " + (dir.path() / "bad.md").string()) != std::string::npos);
    CHECK(result.out.find("good.md") != std::string::npos);
    CHECK(result.out.find("bad.md") == std::string::npos);
}

TEST_CASE("adopt writes nothing while hindsight.yaml has an error", "[adopt]") {
    TempDir dir;
    write_text(dir.path() / "hindsight.yaml", "time_zone: [Europe/Berlin]\n");
    write_text(dir.path() / "good.md",
               "# Good\n\nStart Time: 2024-01-01 10:00\nEnd Time: "
               "2024-01-01 11:00\n");
    const auto result = run_hindsight({"adopt", dir.path().string(), "--write"});
    CHECK(result.exit_code == 1);
    CHECK(result.out.empty());
    CHECK(result.err.find("nothing adopted: fix the errors in") != std::string::npos);
}

TEST_CASE("adopt leaves TOML and JSON front matter as it is, and says so", "[adopt]") {
    TempDir dir;
    const std::string toml =
        "+++\ntitle = \"DB failover\"\n+++\n\nOn 2024-05-01 from 10:00 to 11:30 UTC the "
        "database failed over.\n";
    const std::string json =
        "{\n  \"title\": \"DB failover\"\n}\n\nOn 2024-05-01 from 10:00 to 11:30 UTC the "
        "database failed over.\n";
    write_text(dir.path() / "toml.md", toml);
    write_text(dir.path() / "json.md", json);
    const auto result = run_hindsight({"adopt", dir.path().string(), "--write"});
    CHECK(result.exit_code == 0);
    CHECK(result.err.find("toml.md (TOML): adopt writes YAML front matter") != std::string::npos);
    CHECK(result.err.find("json.md (JSON): adopt writes YAML front matter") != std::string::npos);
    CHECK(result.err.find("please report") == std::string::npos);
    const auto files = read_folder(dir.path());
    CHECK(files.at("toml.md") == toml);
    CHECK(files.at("json.md") == json);
}
