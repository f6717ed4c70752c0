// Ratchet tables: a checked-in outcome per scored item, so a score test fails when one item gets
// worse even while the aggregate rate is above target, and when one gets better until the table
// is tightened.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>

namespace hindsight::test {

// Item (tab-separated key columns) -> outcome ("right", "known-miss", ...).
using Outcomes = std::map<std::string, std::string>;

struct Ratchet {
    std::filesystem::path file;  // the checked-in table (TSV: key columns, then the outcome)
    std::string header;          // comment lines written at the top when the table is rewritten
    std::string test;            // a ctest -R pattern that runs the test, for the rewrite command
    // Whether an outcome is a success; the ratchet lets successes never become failures and
    // failures never become successes without the table saying so.
    std::function<bool(const std::string&)> good;
    // The outcome of an item the table does not list; nothing when every item must be listed.
    std::optional<std::string> unlisted;
};

// The table as checked in (comment lines start with '#'); nothing when the file is missing.
std::optional<Outcomes> read_outcomes(const Ratchet& ratchet);

// Every difference between the table and what the test measured, one line each, saying what to
// do about it; empty when they agree.
std::string ratchet_difference(const Ratchet& ratchet, const Outcomes& expected,
                               const Outcomes& actual);

// Rewrites the table from what the test measured (leaving out items whose outcome is the
// `unlisted` one), sorted so a diff shows only what changed.
void write_outcomes(const Ratchet& ratchet, const Outcomes& actual);

// Whether HINDSIGHT_UPDATE_EXPECTATIONS=1: rewrite the tables instead of checking them.
bool updating_expectations();

// Checks `actual` against the table, or rewrites it when updating_expectations(); reports through
// Catch2 (a failure listing every difference, or a warning naming what a rewrite loosened).
void check_ratchet(const Ratchet& ratchet, const Outcomes& actual);

}  // namespace hindsight::test
