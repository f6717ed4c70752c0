// Tests for extract/actions: the same action under two headings counts once, in linear time.
#include <catch2/catch.hpp>

#include "extract/actions.hpp"

using namespace hindsight;

namespace {

std::vector<SourceLine> lines_of(const std::vector<std::pair<bool, std::string>>& spec) {
    std::vector<SourceLine> lines;
    for (const auto& [heading, text] : spec) {
        SourceLine line;
        line.line = static_cast<int>(lines.size()) + 1;
        line.block = line.line;
        line.text = text;
        if (heading) {
            line.kind = LineKind::heading;
            line.heading_level = 2;
        } else {
            line.kind = LineKind::item;
            line.list_depth = 1;
            line.item_start = true;
        }
        lines.push_back(line);
    }
    return lines;
}

// A distinct made-up word for each number below 26^4: "baaax", "caaax"...
std::string word(int n) {
    std::string out;
    for (int i = 0; i < 4; ++i, n /= 26) {
        out += static_cast<char>('a' + n % 26);
    }
    return out + "x";
}

std::vector<std::string> titles(const std::vector<SourceLine>& lines) {
    std::vector<std::string> out;
    for (const auto& item : extract_action_items(lines, annotate_sections(lines), 0).items) {
        out.push_back(item.title);
    }
    return out;
}

}  // namespace

TEST_CASE("an action listed under two headings counts once", "[actions]") {
    const auto lines = lines_of({{true, "Action items"},
                                 {false, "Add alerts on disk usage"},
                                 {false, "Rotate the API keys"},
                                 {true, "Follow-up tasks"},
                                 {false, "Add alerts on disk usage"},
                                 {false, "Write a runbook for failover"}});
    CHECK(titles(lines) == std::vector<std::string>{"Add alerts on disk usage",
                                                    "Rotate the API keys",
                                                    "Write a runbook for failover"});
}

TEST_CASE("20,000 distinct actions under two headings are all kept, in linear time", "[actions]") {
    // Every item was compared with every item kept under the other heading: 10^8 comparisons.
    std::vector<std::pair<bool, std::string>> spec = {{true, "Action items"}};
    for (int i = 0; i < 10000; ++i) {
        spec.emplace_back(false, "Audit the " + word(i) + " service");
    }
    spec.emplace_back(true, "Follow-up tasks");
    for (int i = 10000; i < 20000; ++i) {
        spec.emplace_back(false, "Audit the " + word(i) + " service");
    }
    CHECK(titles(lines_of(spec)).size() == 20000);
}
