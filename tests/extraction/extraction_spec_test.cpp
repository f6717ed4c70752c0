// Runs tests/spec/extraction.md: named examples of every date format, zone, impact wording and
// trap the extractor handles, written as input, a line ".", and the expected record as JSON (in
// the style of cmark's spec tests). Each example is its own Catch2 test case, registered when the
// binary starts, so catch_discover_tests makes it its own ctest ("extraction: spec: <heading>").
// The whole record is compared: a key the example does not write must be empty.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "parse/parse_postmortem.hpp"
#include "support/shared.hpp"

using namespace hindsight;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kFence = "````````````````````````````````";
constexpr const char* kTags = "[extraction][spec]";

// Where the examples are; a static string because Catch2 keeps a pointer to it for every test
// case it reports against the file.
const std::string& spec_path() {
    static const std::string path =
        (fs::path(HINDSIGHT_SOURCE_DIR) / "tests/spec/extraction.md").string();
    return path;
}

// The record an example states, key by key in the order examples write them, each with its
// value when the example leaves it out: every key is compared, and leaving one out says the
// extractor finds nothing for it.
const std::vector<std::pair<std::string, json>>& record_keys() {
    static const std::vector<std::pair<std::string, json>> keys = {
        {"title", ""},
        {"date", nullptr},
        {"started", nullptr},
        {"detected", nullptr},
        {"mitigated", nullptr},
        {"resolved", nullptr},
        {"duration_minutes", nullptr},
        {"users_affected_pct", nullptr},
        {"severity", ""},
        {"causes", json::array()},
        {"services", json::array()},
        {"action_items", json::array()},
        {"summary", ""},
        {"timeline_count", 0},
        {"inferred", json::array()},
        {"diagnostics", json::array()},
    };
    return keys;
}

std::optional<json> default_of(const std::string& key) {
    for (const auto& [name, value] : record_keys()) {
        if (name == key) {
            return value;
        }
    }
    return std::nullopt;
}

// Any struct with a json member is flagged: json's destructor reserves a vector (which may throw)
// to free nested values. nlohmann's, not ours. NOLINTNEXTLINE(bugprone-exception-escape)
struct Example {
    std::string name;  // the heading, which names its test
    int line = 0;      // the heading's line
    std::string source;
    std::set<std::string> known_miss;  // keys the extractor is known to get wrong
    std::string known_miss_why;
    std::string input;
    json expected = json::object();
    std::vector<std::string> errors;  // what makes the example malformed, each with its line
};

Example named(std::string name, int line) {
    Example example;
    example.name = std::move(name);
    example.line = line;
    return example;
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(' ');
    return first == std::string::npos ? ""
                                      : text.substr(first, text.find_last_not_of(' ') + 1 - first);
}

std::string at(int line) {
    return fmt::format("extraction.md:{}: ", line);
}

// Whether a value has the shape its key's values take (a number where a number goes, a list of
// strings where a list goes), so a typo in an example is an error, not a silent mismatch.
bool well_typed(const std::string& key, const json& value) {
    const json empty = *default_of(key);
    if (key == "duration_minutes" || key == "users_affected_pct") {
        return value.is_null() || value.is_number();
    }
    if (empty.is_null()) {
        return value.is_null() || value.is_string();
    }
    if (key == "timeline_count") {
        return value.is_number_unsigned();
    }
    if (key == "action_items") {
        if (!value.is_array()) {
            return false;
        }
        for (const auto& item : value) {
            if (!item.is_object() || !item.contains("title")) {
                return false;
            }
            for (const auto& [field, text] : item.items()) {
                static const std::set<std::string> fields = {"title", "owner", "status", "due",
                                                             "link"};
                if (fields.count(field) == 0 || !text.is_string()) {
                    return false;
                }
            }
        }
        return true;
    }
    if (empty.is_array()) {
        if (!value.is_array()) {
            return false;
        }
        for (const auto& element : value) {
            if (!element.is_string()) {
                return false;
            }
        }
        return true;
    }
    return value.type() == empty.type();
}

// "corpus/real/023", "seeds/000", "real2/023" (any realN) or "synthetic", optionally followed by
// a note.
bool well_formed_source(const std::string& source) {
    const std::string path = source.substr(0, source.find(' '));
    if (path == "synthetic") {
        return source == path;
    }
    const auto digits = [](std::string_view text) {
        return text.size() == 3 && std::all_of(text.begin(), text.end(), [](char c) {
                   return std::isdigit(static_cast<unsigned char>(c)) != 0;
               });
    };
    const std::string folder = fs::path(path).parent_path().string() + "/";
    const bool known =
        folder == "corpus/real/" || folder == "seeds/" ||
        (test::in_repository_corpus(folder) && folder.find('/') + 1 == folder.size());
    return known && digits(std::string_view(path).substr(folder.size()));
}

// The corpus file a source names: corpus/real/023 is 023.md, seeds/000 is 000_<hash>.txt (both
// in ../shared), real2/023 is tests/corpus/real2/023.md (test::corpus_path says which).
std::optional<fs::path> source_file(const std::string& source) {
    const std::string path = source.substr(0, source.find(' '));
    const fs::path folder = test::corpus_path(fs::path(path).parent_path().string());
    const std::string number = fs::path(path).filename().string();
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(folder, error)) {
        const std::string name = entry.path().filename().string();
        if (name == number + ".md" || name.rfind(number + "_", 0) == 0) {
            return entry.path();
        }
    }
    return std::nullopt;
}

// "causes, started — why": the keys, then a reason after an em dash or " -- ".
void read_known_miss(Example& example, const std::string& text, int line) {
    std::string keys = text;
    for (const std::string_view dash : {" — ", " -- "}) {
        if (const auto pos = text.find(dash); pos != std::string::npos) {
            keys = text.substr(0, pos);
            example.known_miss_why = text.substr(pos + dash.size());
            break;
        }
    }
    if (example.known_miss_why.empty()) {
        example.errors.push_back(at(line) + "a known miss says why: 'known miss: KEY — why'");
    }
    std::istringstream list(keys);
    for (std::string key; std::getline(list, key, ',');) {
        key = trimmed(key);
        if (!default_of(key)) {
            example.errors.push_back(at(line) + "known miss names '" + key +
                                     "', which is not a key of the record");
        }
        example.known_miss.insert(key);
    }
}

void read_record(Example& example, const std::string& text, int first_line) {
    json record;
    try {
        record = json::parse(text);
    } catch (const json::parse_error& error) {
        // The parser counts bytes; turn that into the line of the file it is on.
        const auto before = text.substr(0, std::min<std::size_t>(error.byte, text.size()));
        const int line =
            first_line + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
        example.errors.push_back(at(line) + "the expected record is not JSON: " + error.what());
        return;
    }
    if (!record.is_object()) {
        example.errors.push_back(at(first_line) + "the expected record is not a JSON object");
        return;
    }
    for (const auto& [key, value] : record.items()) {
        if (!default_of(key)) {
            example.errors.push_back(at(first_line) + "'" + key + "' is not a key of the record");
        } else if (!well_typed(key, value)) {
            example.errors.push_back(at(first_line) + "'" + key + "' cannot be " + value.dump());
        }
    }
    example.expected = record;
}

// Characters a Catch2 test spec or a CMake list would read as syntax in a test's name.
bool nameable(const std::string& name) {
    return !name.empty() && name.find_first_of("*\\\";#~") == std::string::npos &&
           name.front() != ' ' && name.back() != ' ';
}

// Reads every example, malformed ones included: those carry errors, so that their tests fail
// with the line that is wrong instead of the file quietly losing them.
std::vector<Example> read_examples() {
    std::vector<Example> examples;
    std::ifstream in(spec_path());
    if (!in) {
        Example missing = named("tests/spec/extraction.md is readable", 0);
        missing.errors.push_back(spec_path() + " cannot be read");
        return {missing};
    }
    enum { outside, input, output } state = outside;
    Example section;  // what the current heading says before its example
    bool section_used = true;
    Example current;
    std::string record;
    int record_line = 0;
    int number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        if (state == outside && line.rfind("## ", 0) == 0) {
            section = named(line.substr(3), number);
            section_used = false;
        } else if (state == outside && line.rfind("source:", 0) == 0) {
            if (!section.source.empty()) {
                section.errors.push_back(at(number) + "a second source: line");
            }
            section.source = trimmed(line.substr(7));
            if (!well_formed_source(section.source)) {
                section.errors.push_back(at(number) +
                                         "a source is corpus/real/NNN, seeds/NNN, realN/NNN or "
                                         "synthetic, then an optional "
                                         "note");
            }
        } else if (state == outside && line.rfind("known miss:", 0) == 0) {
            read_known_miss(section, line.substr(11), number);
        } else if (state == outside && line.rfind(kFence, 0) == 0) {
            current = section;
            if (section_used) {
                current = named(fmt::format("example at line {}", number), number);
                current.errors.push_back(at(number) +
                                         "an example without a heading of its own ('## name', "
                                         "which names its test)");
            }
            section_used = true;
            if (line.substr(kFence.size()) != " example") {
                current.errors.push_back(at(number) + "an example opens with " +
                                         std::string(kFence) + " example");
            }
            if (current.source.empty()) {
                current.errors.push_back(at(current.line) +
                                         "no source: line under the heading (source: "
                                         "corpus/real/NNN, seeds/NNN or synthetic)");
            }
            if (!nameable(current.name)) {
                current.errors.push_back(at(current.line) +
                                         "a heading that names a test cannot hold * \\ \" ; # ~ "
                                         "or start or end with a space");
            }
            state = input;
        } else if (state == input && line == ".") {
            record.clear();
            record_line = number + 1;
            state = output;
        } else if (state == input && line.rfind(kFence, 0) == 0) {
            current.errors.push_back(at(number) +
                                     "the example ends without a '.' line before its record");
            examples.push_back(current);
            state = outside;
        } else if (state == input) {
            current.input += line + "\n";
        } else if (state == output && line.rfind(kFence, 0) == 0) {
            read_record(current, record, record_line);
            examples.push_back(current);
            state = outside;
        } else if (state == output) {
            record += line + "\n";
        } else if (state == outside && !line.empty() &&
                   (line.rfind("source", 0) == 0 || line.rfind("known", 0) == 0)) {
            section.errors.push_back(at(number) +
                                     "write 'source: ...' and 'known miss: ...' exactly");
        }
    }
    if (state != outside) {
        current.errors.push_back(at(current.line) + "the example is not closed by a fence");
        examples.push_back(current);
    }
    // Two tests of one name would stop the whole binary; the second is renamed and fails.
    std::set<std::string> names;
    for (auto& example : examples) {
        if (!names.insert(example.name).second) {
            example.errors.push_back(at(example.line) + "a second example named '" + example.name +
                                     "'");
            example.name += fmt::format(" (line {})", example.line);
            names.insert(example.name);
        }
    }
    return examples;
}

const std::vector<Example>& examples() {
    static const std::vector<Example> all = read_examples();
    return all;
}

json record_of(const ParseResult& result) {
    const Postmortem& pm = *result.postmortem;
    const auto time = [](const std::optional<Timestamp>& t) {
        return t ? json(format_iso_utc(*t)) : json(nullptr);
    };
    json actions = json::array();
    for (const auto& item : pm.action_items) {
        json a = {{"title", item.title}};
        if (!item.owner.empty()) {
            a["owner"] = item.owner;
        }
        if (item.due) {
            a["due"] = format_date(*item.due);
        }
        if (item.status != ActionStatus::open) {
            a["status"] = item.status ? to_string(*item.status) : "unknown";
        }
        if (!item.link.empty()) {
            a["link"] = item.link;
        }
        actions.push_back(a);
    }
    json diagnostics = json::array();
    for (const auto& d : result.diagnostics) {
        diagnostics.push_back(fmt::format("{}: {}", severity_name(d.severity), d.message));
    }
    return {{"title", pm.title},
            {"date", pm.date ? json(format_date(*pm.date)) : json(nullptr)},
            {"started", time(pm.started)},
            {"detected", time(pm.detected)},
            {"mitigated", time(pm.mitigated)},
            {"resolved", time(pm.resolved)},
            {"duration_minutes", pm.duration ? json(pm.duration->count()) : json(nullptr)},
            {"users_affected_pct",
             pm.users_affected_pct ? json(*pm.users_affected_pct) : json(nullptr)},
            {"severity", pm.severity},
            {"causes", pm.causes},
            {"services", pm.services},
            {"action_items", actions},
            {"summary", pm.summary},
            {"timeline_count", pm.timeline.size()},
            {"inferred", field_names(pm.inferred)},
            {"diagnostics", diagnostics}};
}

bool same(const json& want, const json& got) {
    if (want.is_number() && got.is_number()) {
        return std::abs(want.get<double>() - got.get<double>()) < 1e-9;
    }
    return want == got;
}

// The record as an example writes it: the keys that are not empty, one a line.
std::string as_example(const json& record) {
    std::string text = "{";
    const char* separator = "\n";
    for (const auto& [key, empty] : record_keys()) {
        if (!same(empty, record[key])) {
            text += fmt::format("{}  \"{}\": {}", separator, key, record[key].dump());
            separator = ",\n";
        }
    }
    return text + "\n}";
}

void run_example(const Example& example) {
    INFO(spec_path() << ":" << example.line << ": " << example.name);
    if (!example.errors.empty()) {
        for (const auto& error : example.errors) {
            FAIL_CHECK("malformed example: " << error);
        }
        return;
    }
    if (example.source != "synthetic" && fs::is_directory(test::shared_dir())) {
        INFO("source: " << example.source << " names no file in " << test::shared_dir().string());
        CHECK(source_file(example.source).has_value());
    }
    const auto result = parse_postmortem({"spec.md", "spec.md", example.input}, SiteConfig{}, {});
    REQUIRE(result.postmortem);
    const json got = record_of(result);
    int wrong = 0;
    for (const auto& [key, empty] : record_keys()) {
        const json want = example.expected.value(key, empty);
        const bool known = example.known_miss.count(key) > 0;
        if (same(want, got[key])) {
            if (known) {
                ++wrong;
                FAIL_CHECK("the known miss on '" << key << "' now passes: remove '" << key
                                                 << "' from the example's known miss: line");
            }
        } else if (known) {
            WARN("known miss (" << example.known_miss_why << "): " << key << " is "
                                << got[key].dump() << ", expected " << want.dump());
        } else {
            ++wrong;
            FAIL_CHECK(key << " is " << got[key].dump() << ", expected " << want.dump());
        }
    }
    if (wrong > 0) {
        // What the extractor gives, written as an example would be, for a reader to compare.
        WARN("the record the extractor gives:\n" << as_example(got));
    }
}

class ExampleTest : public Catch::ITestInvoker {
  public:
    explicit ExampleTest(std::size_t index) : index_(index) {}
    void invoke() const override { run_example(examples()[index_]); }

  private:
    std::size_t index_;
};

// Registers one test case per example before Catch2 lists or runs them.
const bool registered = [] {
    for (std::size_t i = 0; i < examples().size(); ++i) {
        const Example& example = examples()[i];
        Catch::getMutableRegistryHub().registerTest(Catch::makeTestCase(
            new ExampleTest(i), "", Catch::NameAndTags{"spec: " + example.name, kTags},
            Catch::SourceLineInfo(spec_path().c_str(), static_cast<std::size_t>(example.line))));
    }
    return true;
}();

}  // namespace

TEST_CASE("spec: tests/spec/extraction.md holds its examples", "[extraction][spec]") {
    // Every example is its own test; this guards against a reader that finds none of them.
    CHECK(registered);
    CHECK(examples().size() >= 90);
}
