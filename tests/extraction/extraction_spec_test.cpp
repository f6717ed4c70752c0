// Runs tests/spec/extraction.md: named examples of every date format, zone, impact wording and
// trap the extractor handles, written as input, a line ".", and the expected record as JSON
// (in the style of cmark's spec tests). Only the keys an example names are compared.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "parse/parse_postmortem.hpp"

using namespace hindsight;
using json = nlohmann::json;

namespace {

// Any struct with a json member is flagged: json's destructor reserves a vector (which may throw)
// to free nested values. nlohmann's, not ours. NOLINTNEXTLINE(bugprone-exception-escape)
struct Example {
    std::string name;
    int line = 0;
    std::string input;
    json expected;
};

constexpr std::string_view kFence = "````````````````````````````````";

std::vector<Example> read_examples(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::vector<Example> examples;
    std::string line;
    std::string heading;
    int number = 0;
    enum { outside, input, output } state = outside;
    Example current;
    std::string expected;
    while (std::getline(in, line)) {
        ++number;
        if (state == outside && line.rfind("## ", 0) == 0) {
            heading = line.substr(3);
        } else if (state == outside && line.rfind(kFence, 0) == 0 &&
                   line.find("example") != std::string::npos) {
            current = Example{heading, number, {}, {}};
            expected.clear();
            state = input;
        } else if (state == input && line == ".") {
            state = output;
        } else if (state == input) {
            current.input += line + "\n";
        } else if (state == output && line.rfind(kFence, 0) == 0) {
            current.expected = json::parse(expected);
            examples.push_back(current);
            state = outside;
        } else if (state == output) {
            expected += line + "\n";
        }
    }
    return examples;
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
            a["status"] = to_string(item.status);
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
            {"resolved", time(pm.resolved)},
            {"duration_minutes", pm.duration ? json(pm.duration->count()) : json(nullptr)},
            {"users_affected_pct",
             pm.users_affected_pct ? json(*pm.users_affected_pct) : json(nullptr)},
            {"causes", pm.causes},
            {"action_count", pm.action_items.size()},
            {"action_items", actions},
            {"summary", pm.summary},
            {"inferred", field_names(pm.inferred)},
            {"diagnostics", diagnostics},
            {"timeline_count", pm.timeline.size()}};
}

bool same(const json& want, const json& got) {
    if (want.is_number() && got.is_number()) {
        return std::abs(want.get<double>() - got.get<double>()) < 1e-9;
    }
    return want == got;
}

}  // namespace

TEST_CASE("every example of tests/spec/extraction.md", "[extraction][spec]") {
    const auto path = std::filesystem::path(HINDSIGHT_SOURCE_DIR) / "tests/spec/extraction.md";
    const auto examples = read_examples(path);
    REQUIRE(examples.size() >= 50);
    SiteConfig config;
    int failures = 0;
    for (const auto& example : examples) {
        const auto result = parse_postmortem({"spec.md", "spec.md", example.input}, config, {});
        REQUIRE(result.postmortem);
        const json got = record_of(result);
        for (const auto& [key, want] : example.expected.items()) {
            if (!got.contains(key) || !same(want, got[key])) {
                ++failures;
                FAIL_CHECK(fmt::format("{}:{}: {}: {} is {}, expected {}", path.filename().string(),
                                       example.line, example.name, key,
                                       got.contains(key) ? got[key].dump() : "absent",
                                       want.dump()));
            }
        }
    }
    INFO(examples.size() << " examples");
    CHECK(failures == 0);
}
