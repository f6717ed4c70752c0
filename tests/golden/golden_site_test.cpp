// The golden site: content/ built and compared file by file with tests/golden/site/, which holds
// the pages and exports (JSON pretty-printed, so a diff shows what changed) and leaves out what
// other tests pin: the theme's assets and lunr.min.js (copies of files in the repository, checked
// here against them) and the search index and documents (tests/lunr, tests/unit/search).
// HINDSIGHT_UPDATE_GOLDEN=1 rewrites the expected tree from the current build instead.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "support/run_binary.hpp"
#include "support/tree.hpp"

using namespace hindsight::test;
namespace fs = std::filesystem;

namespace {

bool ends_with(const std::string& text, std::string_view tail) {
    return text.size() >= tail.size() &&
           text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

// The search index and documents, whole or in shards: tests/lunr holds the index to lunr.js's
// bytes and tests/unit/search holds what the documents say; here they would be one unreadable
// line each that changes with every word of content/.
bool search_data(const std::string& path) {
    const bool script_or_json = ends_with(path, ".json") || ends_with(path, ".js");
    return script_or_json && (path.rfind("search-", 0) == 0 || path.rfind("search/", 0) == 0);
}

// The file an asset of the site is a copy of.
fs::path asset_source(const std::string& path) {
    const std::string name = path.substr(std::string("assets/").size());
    if (name == "lunr.min.js") {
        return source_dir() / "node_modules/lunr/lunr.min.js";
    }
    // The theme's scripts and stylesheet are embedded as the build minified them.
    if (ends_with(name, ".js") || ends_with(name, ".css")) {
        return fs::path(HINDSIGHT_MINIFIED_DIR) / "assets" / name;
    }
    return source_dir() / "themes/default/assets" / name;
}

// JSON laid out one value a line, two spaces an indent, every token kept as written (numbers
// are not re-formatted, so the golden copy still pins how they are written).
std::string pretty_json(const std::string& text) {
    std::string out;
    int depth = 0;
    bool in_string = false;
    const auto newline = [&] { out += "\n" + std::string(2 * depth, ' '); };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            out += c;
            if (c == '\\' && i + 1 < text.size()) {
                out += text[++i];
            } else if (c == '"') {
                in_string = false;
            }
            continue;
        }
        switch (c) {
            case ' ':
            case '\n':
            case '\r':
            case '\t':
                break;
            case '"':
                in_string = true;
                out += c;
                break;
            case '{':
            case '[': {
                // An empty object or list stays on its line: "[]".
                const auto next = text.find_first_not_of(" \n\r\t", i + 1);
                if (next != std::string::npos && (text[next] == '}' || text[next] == ']')) {
                    out += c;
                    out += text[next];
                    i = next;
                    break;
                }
                out += c;
                ++depth;
                newline();
                break;
            }
            case '}':
            case ']':
                --depth;
                newline();
                out += c;
                break;
            case ',':
                out += c;
                newline();
                break;
            case ':':
                out += ": ";
                break;
            default:
                out += c;
        }
    }
    return out + "\n";
}

// What tests/golden/site holds of a built site.
Tree golden_view(const Tree& built) {
    Tree view;
    for (const auto& [path, bytes] : built) {
        if (path.rfind("assets/", 0) == 0 || search_data(path)) {
            continue;
        }
        view[path] = ends_with(path, ".json") ? pretty_json(bytes) : bytes;
    }
    return view;
}

}  // namespace

TEST_CASE("pretty_json lays JSON out one value a line and keeps every token", "[golden]") {
    CHECK(pretty_json(R"({"a":[1,2.50,{}],"b":"x, \"y\": [z]","c":[]})") ==
          "{\n  \"a\": [\n    1,\n    2.50,\n    {}\n  ],\n  \"b\": \"x, \\\"y\\\": [z]\",\n"
          "  \"c\": []\n}\n");
    CHECK(pretty_json("[\n  1,\n  2\n]") == "[\n  1,\n  2\n]\n");
}

TEST_CASE("content/ builds into exactly the golden site", "[golden]") {
    TempDir dir;
    const auto built = dir.path() / "site";
    const auto result =
        run_hindsight({"build", (source_dir() / "content").string(), "-o", built.string()});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.empty());
    const Tree site = read_tree(built);

    // Left out of the golden copy, but still written: lunr.js as npm has it, the theme's own as the
    // build minified them.
    for (const char* path :
         {"assets/style.css", "assets/search.js", "assets/search-engine.js",
          "assets/search-ahead.js", "assets/site.js", "assets/lunr.min.js", "search/manifest.js"}) {
        CHECK(site.count(path) == 1);
    }
    for (const auto& [path, bytes] : site) {
        INFO(path);
        if (path.rfind("assets/", 0) == 0) {
            std::ifstream in(asset_source(path), std::ios::binary);
            INFO("a copy of " << asset_source(path).string());
            REQUIRE(in.is_open());
            // Compared as a flag: the expansion of two stylesheets would bury the message.
            const bool same = std::string(std::istreambuf_iterator<char>(in), {}) == bytes;
            CHECK(same);
        }
        if (ends_with(path, ".json")) {
            CHECK(nlohmann::json::accept(bytes));
        }
    }

    const fs::path golden = source_dir() / "tests/golden/site";
    const Tree view = golden_view(site);
    if (const char* update = std::getenv("HINDSIGHT_UPDATE_GOLDEN"); update && *update == '1') {
        fs::remove_all(golden);
        for (const auto& [path, bytes] : view) {
            fs::create_directories((golden / path).parent_path());
            write_text(golden / path, bytes);
        }
        WARN("golden site rewritten at " << golden.string());
        return;
    }
    const std::string difference = describe_difference(read_tree(golden), view);
    INFO(
        "The build differs from tests/golden/site. If the change is intended, run\n"
        "  HINDSIGHT_UPDATE_GOLDEN=1 ctest --test-dir build -R golden\n"
        "and commit the new golden files.\n"
        << difference);
    CHECK(difference.empty());
}
