// Tests for the layering of generator/: every #include follows DESIGN.md §8's dependency table.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// DESIGN.md §8, as written there: each stage and the stages it may use directly. What a stage
// may include is the closure of this: parse uses extract, so it may include config and core too.
const std::map<std::string, std::set<std::string>> kUses = {
    {"core", {}},
    {"model", {"core"}},
    {"config", {"model"}},
    {"discover", {"config"}},
    {"extract", {"config"}},
    {"parse", {"extract"}},
    {"analyze", {"extract"}},
    {"search", {"model", "config", "analyze"}},
    {"render", {"model", "config", "analyze"}},
    {"output", {"core"}},
    {"cache", {"model"}},
    {"report", {"core"}},
    {"scaffold", {"config"}},
    {"serve", {"core"}},
    {"cli",
     {"core", "model", "config", "discover", "extract", "parse", "cache", "analyze", "search",
      "render", "output", "report", "scaffold", "serve"}},
};

// Third-party parsers whose types stay inside the stages that read with them: extraction works
// on SourceLine values only.
const std::map<std::string, std::set<std::string>> kLibraryUsers = {
    {"cmark-gfm", {"parse"}},
    {"gumbo", {"parse"}},
    {"yaml-cpp", {"parse", "config"}},
    {"httplib", {"serve"}},
};

std::set<std::string> allowed_for(const std::string& stage) {
    std::set<std::string> allowed;
    std::vector<std::string> pending = {stage};  // stages whose uses are not yet added
    while (!pending.empty()) {
        const std::string s = pending.back();
        pending.pop_back();
        const auto it = kUses.find(s);
        if (it == kUses.end()) {
            continue;
        }
        for (const auto& used : it->second) {
            if (allowed.insert(used).second) {
                pending.push_back(used);
            }
        }
    }
    return allowed;
}

struct SourceText {
    std::string path;  // relative to generator/: "parse/markdown.cpp"
    std::string text;
};

// Every include a file makes that the table does not allow, as "file:line: includes X".
std::vector<std::string> layering_violations(const std::vector<SourceText>& files) {
    static const std::regex project_include(R"(^\s*#\s*include\s*"([a-z_]+)/[^"]+")");
    static const std::regex system_include(R"(^\s*#\s*include\s*<([A-Za-z_-]+)[/.>])");
    std::vector<std::string> violations;
    for (const auto& file : files) {
        const auto slash = file.path.find('/');
        if (slash == std::string::npos) {
            continue;  // main.cpp: the program, which may use every stage
        }
        const std::string stage = file.path.substr(0, slash);
        if (kUses.count(stage) == 0) {
            violations.push_back(file.path + ": folder '" + stage +
                                 "' is no stage of DESIGN.md §8; add it to the table");
            continue;
        }
        const auto allowed = allowed_for(stage);
        std::istringstream lines(file.text);
        std::string line;
        for (int number = 1; std::getline(lines, line); ++number) {
            std::smatch m;
            if (std::regex_search(line, m, project_include)) {
                const std::string target = m[1];
                if (target != stage && allowed.count(target) == 0) {
                    violations.push_back(file.path + ":" + std::to_string(number) + ": " + stage +
                                         " includes " + target);
                }
            } else if (std::regex_search(line, m, system_include)) {
                std::string library = m[1];
                if (library == "cmark-gfm-core-extensions" ||
                    library == "cmark-gfm-extension_api") {
                    library = "cmark-gfm";
                }
                const auto users = kLibraryUsers.find(library);
                if (users != kLibraryUsers.end() && users->second.count(stage) == 0) {
                    violations.push_back(file.path + ":" + std::to_string(number) + ": " + stage +
                                         " includes <" + library + ">");
                }
            }
        }
    }
    return violations;
}

// Below cli/ nothing prints: stages return diagnostics and the CLI shows them.
std::vector<std::string> printing_outside_cli(const std::vector<SourceText>& files) {
    static const std::regex printing(
        R"(std::cout|std::cerr|\bstdout\b|\bstderr\b|\bprintf\s*\(|fmt::print\s*\(|\bputs\s*\()");
    std::vector<std::string> found;
    for (const auto& file : files) {
        if (file.path.rfind("cli/", 0) == 0 || file.path.find('/') == std::string::npos) {
            continue;
        }
        std::istringstream lines(file.text);
        std::string line;
        for (int number = 1; std::getline(lines, line); ++number) {
            const auto comment = line.find("//");
            const std::string code = comment == std::string::npos ? line : line.substr(0, comment);
            if (std::regex_search(code, printing)) {
                found.push_back(file.path + ":" + std::to_string(number) + ": " + line);
            }
        }
    }
    return found;
}

std::vector<SourceText> generator_sources() {
    const fs::path root = fs::path(HINDSIGHT_SOURCE_DIR) / "generator";
    std::vector<SourceText> files;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        const auto ext = entry.path().extension();
        if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp" && ext != ".in")) {
            continue;
        }
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        files.push_back({fs::relative(entry.path(), root).generic_string(), text.str()});
    }
    return files;
}

}  // namespace

TEST_CASE("every include under generator/ follows the dependency table", "[layering]") {
    const auto files = generator_sources();
    REQUIRE(files.size() > 50);
    const auto violations = layering_violations(files);
    for (const auto& v : violations) {
        UNSCOPED_INFO(v);
    }
    CHECK(violations.empty());
}

TEST_CASE("nothing below cli/ prints", "[layering]") {
    const auto found = printing_outside_cli(generator_sources());
    for (const auto& f : found) {
        UNSCOPED_INFO(f);
    }
    CHECK(found.empty());
}

TEST_CASE("the layering check catches a bad include", "[layering]") {
    const std::vector<SourceText> bad = {
        {"parse/parse_postmortem.hpp", "#pragma once\n#include \"discover/discover.hpp\"\n"},
        {"extract/times.cpp", "#include \"core/text.hpp\"\n#include <cmark-gfm.h>\n"},
        {"search/site_index.cpp", "#include \"render/view_models.hpp\"\n"},
        {"core/text.cpp", "#include \"model/postmortem.hpp\"\n"},
        {"shiny/new.cpp", "#include \"core/text.hpp\"\n"},
    };
    const auto violations = layering_violations(bad);
    CHECK(violations == std::vector<std::string>{
                            "parse/parse_postmortem.hpp:2: parse includes discover",
                            "extract/times.cpp:2: extract includes <cmark-gfm>",
                            "search/site_index.cpp:1: search includes render",
                            "core/text.cpp:1: core includes model",
                            "shiny/new.cpp: folder 'shiny' is no stage of DESIGN.md §8; add it "
                            "to the table"});
    const std::vector<SourceText> fine = {
        {"parse/markdown.cpp",
         "#include \"core/text.hpp\"\n#include \"extract/lexicon.hpp\"\n"
         "#include <cmark-gfm.h>\n"},
        {"cli/pipeline.cpp", "#include \"discover/discover.hpp\"\n"},
        {"main.cpp", "#include \"cli/commands.hpp\"\n"},
    };
    CHECK(layering_violations(fine).empty());
    CHECK(printing_outside_cli({{"render/x.cpp", "std::cout << 1;\n"}}).size() == 1);
    CHECK(printing_outside_cli({{"render/x.cpp", "// std::cout in a comment\n"}}).empty());
}
