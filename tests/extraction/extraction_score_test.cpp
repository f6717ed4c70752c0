// Scores the extractor against the first hand labels of every real postmortem in ../shared (the
// corpus and the seeds, tests/extraction/labels/corpus-*.json), prints the rates, and holds each
// file and field to its checked-in outcome (tests/extraction/expectations.tsv), which may only
// tighten. Those labels were written alongside the extractor and tuned on, so they are a ratchet
// only: the figure of record is independent_score_test.cpp's, against independent labels.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "scoring.hpp"
#include "support/expectations.hpp"
#include "support/shared.hpp"

using namespace hindsight;
using namespace hindsight::test;
namespace fs = std::filesystem;

namespace {

const fs::path kLabels = fs::path(HINDSIGHT_SOURCE_DIR) / "tests/extraction/labels";

// One outcome per labelled file and scored field. A field the label leaves empty is "absent" when
// the extractor finds nothing either; any miss, an invented value included, is a "known-miss".
const Ratchet kExpectations{
    fs::path(HINDSIGHT_SOURCE_DIR) / "tests/extraction/expectations.tsv",
    "The extraction score test's outcome for each labelled file and scored field:\n"
    "right (matches the label), absent (the label and the extractor both give nothing) or\n"
    "known-miss (wrong, missing or invented). The test fails when an outcome gets worse, and\n"
    "when one gets better until this table is tightened. Regenerate it only to tighten it or\n"
    "in the commit that revises the labels (CONTRIBUTING.md):\n"
    "  HINDSIGHT_UPDATE_EXPECTATIONS=1 ctest --test-dir build -R 'extraction accuracy'\n"
    "file\tfield\toutcome",
    "extraction accuracy",
    [](const std::string& outcome) { return outcome == "right" || outcome == "absent"; },
    std::nullopt};

std::string outcome(bool labelled, bool right, bool found) {
    if (labelled) {
        return right ? "right" : "known-miss";
    }
    return found ? "known-miss" : "absent";
}

std::string time_or_null(const std::optional<Timestamp>& t) {
    return t ? format_iso_utc(*t) : "null";
}

std::string normalize_time(const nlohmann::json& value) {
    if (value.is_null()) {
        return "null";
    }
    // Labels may carry seconds; the extractor keeps them too, so compare to the minute.
    auto parsed = parse_timestamp(value.get<std::string>(), TimeZone::utc());
    return parsed ? format_iso_utc(date::floor<std::chrono::minutes>(parsed->utc)) : "bad";
}

std::string minute(const std::optional<Timestamp>& t) {
    return t ? format_iso_utc(date::floor<std::chrono::minutes>(*t)) : "null";
}

}  // namespace

TEST_CASE("extraction accuracy on the hand-labelled corpus and seeds", "[extraction]") {
    if (!shared_present("corpus/real")) {
        return;
    }
    const auto labels = read_labels(label_files(kLabels, "corpus-"));
    REQUIRE(labels.size() == 64);
    // The independent labels put each of these files in the tuning or the test half; a test-half
    // file's misses are not printed, so that tuning never reads them here either.
    std::set<std::string> test_half;
    for (const auto& label : read_labels(
             label_files(fs::path(HINDSIGHT_SOURCE_DIR) / "tests/labels-independent", ""))) {
        if (label["half"] == "test") {
            test_half.insert(label["file"].get<std::string>());
        }
    }
    REQUIRE(!test_half.empty());
    int unprinted = 0;

    Rate duration, started, users, mechanism, actions;
    int invented_files = 0;
    std::ostringstream misses;
    Outcomes outcomes;
    for (const auto& label : labels) {
        const std::string file = label["file"];
        std::ostringstream file_misses;
        const Postmortem pm = parse_labelled(shared_dir() / file, file);

        const auto& want_duration = label["duration_minutes"];
        const std::optional<long long> got_duration =
            pm.duration ? std::optional<long long>(pm.duration->count()) : std::nullopt;
        bool invented = false;
        const auto record = [&](const char* field, std::string result) {
            outcomes[file + "\t" + field] = std::move(result);
        };
        if (!want_duration.is_null()) {
            const bool ok = got_duration && *got_duration == want_duration.get<long long>();
            duration.add(ok);
            record("duration_minutes", outcome(true, ok, got_duration.has_value()));
            if (!ok) {
                file_misses << fmt::format("{}: duration {} want {}\n", file,
                                           got_duration ? std::to_string(*got_duration) : "null",
                                           want_duration.dump());
            }
        } else if (got_duration) {
            invented = true;
            file_misses << fmt::format("{}: duration {} but the text gives none\n", file,
                                       *got_duration);
        }
        if (want_duration.is_null()) {
            record("duration_minutes", outcome(false, false, got_duration.has_value()));
        }

        const std::string want_start = normalize_time(label["started"]);
        if (want_start != "null") {
            const bool ok = minute(pm.started) == want_start;
            started.add(ok);
            record("started", outcome(true, ok, pm.started.has_value()));
            if (!ok) {
                file_misses << fmt::format("{}: started {} want {}\n", file,
                                           time_or_null(pm.started), want_start);
            }
        } else if (pm.started) {
            invented = true;
            file_misses << fmt::format("{}: started {} but the text gives none\n", file,
                                       time_or_null(pm.started));
        }
        if (want_start == "null") {
            record("started", outcome(false, false, pm.started.has_value()));
        }

        const auto& want_users = label["users_affected_pct"];
        if (!want_users.is_null()) {
            const bool ok = pm.users_affected_pct &&
                            std::abs(*pm.users_affected_pct - want_users.get<double>()) < 0.5;
            users.add(ok);
            record("users_affected_pct", outcome(true, ok, pm.users_affected_pct.has_value()));
            if (!ok) {
                file_misses << fmt::format(
                    "{}: users {} want {}\n", file,
                    pm.users_affected_pct ? fmt::format("{}", *pm.users_affected_pct) : "null",
                    want_users.dump());
            }
        } else if (pm.users_affected_pct) {
            invented = true;
            file_misses << fmt::format("{}: users {} but the text gives none\n", file,
                                       *pm.users_affected_pct);
        }
        if (want_users.is_null()) {
            record("users_affected_pct", outcome(false, false, pm.users_affected_pct.has_value()));
        }

        const std::string want_mechanism = label["causes"][0];
        const bool has_mechanism =
            std::find(pm.causes.begin(), pm.causes.end(), want_mechanism) != pm.causes.end();
        mechanism.add(has_mechanism);
        record("mechanism", outcome(true, has_mechanism, !pm.causes.empty()));
        if (!has_mechanism) {
            file_misses << fmt::format("{}: causes [{}] lack {}\n", file,
                                       fmt::join(pm.causes, ", "), want_mechanism);
        }

        const int want_actions = label["action_items"];
        const int got_actions = static_cast<int>(pm.action_items.size());
        actions.add(std::abs(got_actions - want_actions) <= 1);
        // Within one of the label, as the rate counts it; "absent" when both say none.
        record("action_items",
               want_actions == 0 && got_actions == 0
                   ? "absent"
                   : outcome(true, std::abs(got_actions - want_actions) <= 1, got_actions > 0));
        if (std::abs(got_actions - want_actions) > 1) {
            file_misses << fmt::format("{}: {} action items want {}\n", file, got_actions,
                                       want_actions);
        }
        invented_files += invented ? 1 : 0;
        if (test_half.count(file) > 0) {
            unprinted += file_misses.tellp() > 0 ? 1 : 0;
        } else {
            misses << file_misses.str();
        }
    }
    const double invented_rate = static_cast<double>(invented_files) / labels.size();
    std::cout << misses.str()
              << fmt::format("(and misses in {} test-half files, not printed)\n", unprinted);
    std::cout << fmt::format(
        "extraction over {} labelled files:\n"
        "  durations exact to the minute  {:5.1f}% ({}/{})\n"
        "  start times                    {:5.1f}% ({}/{})\n"
        "  users affected                 {:5.1f}% ({}/{})\n"
        "  mechanism cause found          {:5.1f}% ({}/{})\n"
        "  action items within +-1        {:5.1f}% ({}/{})\n"
        "  files with an invented value   {:5.1f}% ({}/{})\n",
        labels.size(), 100 * duration.value(), duration.hits, duration.total, 100 * started.value(),
        started.hits, started.total, 100 * users.value(), users.hits, users.total,
        100 * mechanism.value(), mechanism.hits, mechanism.total, 100 * actions.value(),
        actions.hits, actions.total, 100 * invented_rate, invented_files, labels.size());
    // Per file and field: one file getting worse fails even while the rates above hold.
    check_ratchet(kExpectations, outcomes);
}
