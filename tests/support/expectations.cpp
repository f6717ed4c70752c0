// Ratchet tables: reading, comparing and rewriting the checked-in per-item outcomes.
#include "support/expectations.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string_view>

namespace hindsight::test {

namespace {

std::string regenerate(const Ratchet& ratchet) {
    return "HINDSIGHT_UPDATE_EXPECTATIONS=1 ctest --test-dir build -R '" + ratchet.test + "'";
}

std::string outcome_or(const Outcomes& outcomes, const std::string& item,
                       const std::optional<std::string>& unlisted) {
    const auto it = outcomes.find(item);
    return it != outcomes.end() ? it->second : unlisted.value_or("");
}

std::string readable(std::string item) {
    for (auto& c : item) {
        c = c == '\t' ? '|' : c;
    }
    return item;
}

}  // namespace

std::optional<Outcomes> read_outcomes(const Ratchet& ratchet) {
    std::ifstream in(ratchet.file);
    if (!in) {
        return std::nullopt;
    }
    Outcomes outcomes;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') {
            continue;
        }
        const auto tab = line.rfind('\t');
        if (tab == std::string::npos) {
            // A row without an outcome cannot be an item's; keeping it under its own text makes
            // the comparison report it instead of silently dropping it.
            outcomes[line] = "";
            continue;
        }
        outcomes[line.substr(0, tab)] = line.substr(tab + 1);
    }
    return outcomes;
}

std::string ratchet_difference(const Ratchet& ratchet, const Outcomes& expected,
                               const Outcomes& actual) {
    std::set<std::string> items;
    for (const auto& [item, _] : expected) {
        items.insert(item);
    }
    for (const auto& [item, _] : actual) {
        items.insert(item);
    }
    std::ostringstream worse, better, changed;
    for (const auto& item : items) {
        const std::string want = outcome_or(expected, item, ratchet.unlisted);
        const std::string got = outcome_or(actual, item, ratchet.unlisted);
        if (want == got) {
            continue;
        }
        const std::string name = readable(item);
        if (want.empty()) {
            changed << "  " << name << ": " << got << ", and the table does not list it\n";
        } else if (got.empty()) {
            changed << "  " << name << ": listed as " << want << " but no longer scored\n";
        } else if (ratchet.good(want) && !ratchet.good(got)) {
            worse << "  " << name << ": was " << want << ", now " << got << "\n";
        } else if (!ratchet.good(want) && ratchet.good(got)) {
            better << "  " << name << ": was " << want << ", now " << got << "\n";
        } else {
            changed << "  " << name << ": listed as " << want << ", now " << got << "\n";
        }
    }
    std::string report;
    const std::string file = ratchet.file.filename().string();
    if (!worse.str().empty()) {
        report += "Got worse (fix the regression; the table may only tighten):\n" + worse.str();
    }
    if (!better.str().empty()) {
        report += "Got better: tighten " + file + " so it stays better. Run\n  " +
                  regenerate(ratchet) + "\nand commit the new table with the change.\n" +
                  better.str();
    }
    if (!changed.str().empty()) {
        // Neither better nor worse: an item the labels added or dropped, or a move between two
        // passing (or two failing) outcomes, which only a label revision explains.
        report += "Changed otherwise (after a label revision, regenerate " + file +
                  " in the same commit with\n  " + regenerate(ratchet) + "):\n" + changed.str();
    }
    return report;
}

void write_outcomes(const Ratchet& ratchet, const Outcomes& actual) {
    std::ofstream out(ratchet.file, std::ios::binary | std::ios::trunc);
    std::istringstream header(ratchet.header);
    for (std::string line; std::getline(header, line);) {
        out << "# " << line << "\n";
    }
    for (const auto& [item, outcome] : actual) {
        if (!ratchet.unlisted || outcome != *ratchet.unlisted) {
            out << item << '\t' << outcome << '\n';
        }
    }
}

bool updating_expectations() {
    const char* update = std::getenv("HINDSIGHT_UPDATE_EXPECTATIONS");
    return update != nullptr && std::string_view(update) == "1";
}

void check_ratchet(const Ratchet& ratchet, const Outcomes& actual) {
    const auto expected = read_outcomes(ratchet);
    if (updating_expectations()) {
        std::string difference =
            expected ? ratchet_difference(ratchet, *expected, actual) : "(a new table)\n";
        if (difference.empty()) {
            difference = "(no change)\n";
        }
        write_outcomes(ratchet, actual);
        WARN(ratchet.file.string() << " rewritten; review what changed before committing it:\n"
                                   << difference);
        return;
    }
    if (!expected) {
        FAIL(ratchet.file.string() << " is missing; write it with\n  " << regenerate(ratchet));
    }
    const std::string difference = ratchet_difference(ratchet, *expected, actual);
    INFO(difference);
    CHECK(difference.empty());
}

}  // namespace hindsight::test
