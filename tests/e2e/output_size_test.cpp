// A ratchet on the bytes a built site spends per postmortem, by part of the site: an archive of
// 200 generated postmortems (recurring action items, paginated lists) may not grow past the
// figures in output_size.tsv, so that markup added to every page or every list row is a decision
// made in review, not found at 10,000 postmortems (bench/scale/output_size.mjs measures those).
#include <catch2/catch.hpp>

#include <cstdint>
#include <sstream>

#include <fmt/format.h>

#include "support/expectations.hpp"
#include "support/run_binary.hpp"
#include "support/tree.hpp"

using namespace hindsight::test;
namespace fs = std::filesystem;

namespace {

constexpr int kPostmortems = 200;

// The same sentences drawn in a fixed order: the archive is the same on every machine.
class Draw {
  public:
    std::size_t next(std::size_t n) {
        state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::size_t>(state_ >> 33) % n;
    }
    template <typename T, std::size_t N>
    const T& pick(const T (&list)[N]) {
        return list[next(N)];
    }

  private:
    std::uint64_t state_ = 0x2545f491;
};

const char* const kSymptoms[] = {"Elevated latency", "HTTP 500 errors", "Timeouts",
                                 "Dropped messages", "Stale reads",     "Failed logins",
                                 "Duplicate charges"};
const char* const kServices[] = {"checkout", "payments", "auth",         "api-gateway",
                                 "search",   "billing",  "notifications"};
const char* const kTriggers[] = {"a configuration change", "connection pool exhaustion",
                                 "a memory leak",          "an expired certificate",
                                 "a bad deploy",           "a schema migration"};
const char* const kCauses[] = {"misconfiguration", "deployment", "capacity",   "dependency",
                               "network",          "database",   "certificate"};
const char* const kSentences[] = {
    "The change was rolled out to every region at once, without a canary step.",
    "Requests queued behind the exhausted pool until the load balancer timed them out.",
    "On-call was paged by the synthetic check eleven minutes after the first errors.",
    "Rolling back the release restored service, and the queue drained within the hour.",
    "Customers saw failed payments and retried, which doubled the load on the database.",
    "The dashboards showed the symptom but not the cause, so the first hypothesis was wrong.",
    "A runbook existed for the failure, but it named a host that had been retired."};
const char* const kActions[] = {
    "Add a canary step to the deploy pipeline",     "Alert on connection pool saturation",
    "Write a runbook for certificate renewal",      "Automate certificate renewal",
    "Load test the checkout path before each peak", "Review the retry policy of every client",
    "Add a dashboard panel for queue depth",        "Rehearse the database failover every quarter",
    "Validate configuration changes in CI",         "Set per-tenant rate limits"};
const char* const kStatuses[] = {"open", "in-progress", "done", "open"};

std::string paragraph(Draw& draw) {
    std::string text;
    for (int s = 0; s < 3; ++s) {
        text += (s > 0 ? " " : "") + std::string(draw.pick(kSentences));
    }
    return text;
}

void write_archive(const fs::path& content) {
    Draw draw;
    write_text(content / "hindsight.yaml",
               "title: Output size\nbase_url: https://wiki.example.com/pm\n");
    for (int i = 0; i < kPostmortems; ++i) {
        const int year = 2019 + static_cast<int>(draw.next(6));
        const int month = 1 + static_cast<int>(draw.next(12));
        const int day = 1 + static_cast<int>(draw.next(28));
        const int hour = static_cast<int>(draw.next(20));
        // Each value drawn in its own statement: the order of a call's arguments is the
        // compiler's choice.
        const std::string service = draw.pick(kServices);
        const std::string symptom = draw.pick(kSymptoms);
        const std::string trigger = draw.pick(kTriggers);
        const std::size_t severity = 1 + draw.next(4);
        const std::size_t users = 1 + draw.next(99);
        const std::string first_cause = draw.pick(kCauses);
        const std::string second_cause = draw.pick(kCauses);
        std::string text = fmt::format(
            "---\ntitle: {} in {} after {}\ndate: {:04}-{:02}-{:02}\nseverity: SEV{}\n"
            "started: {:04}-{:02}-{:02}T{:02}:05:00Z\nresolved: {:04}-{:02}-{:02}T{:02}:50:00Z\n"
            "impact:\n  users_affected_pct: {}\n  summary: {} for {} users.\n"
            "causes: [{}, {}]\nservices: [{}]\naction_items:\n",
            symptom, service, trigger, year, month, day, severity, year, month, day, hour, year,
            month, day, hour + 2, users, symptom, service, first_cause, second_cause, service);
        const std::size_t items = 2 + draw.next(4);
        for (std::size_t a = 0; a < items; ++a) {
            const std::string action = draw.pick(kActions);
            const std::size_t team = draw.next(5);
            const std::string status = draw.pick(kStatuses);
            text += fmt::format("  - title: {}\n    owner: team-{}\n    status: {}\n", action, team,
                                status);
        }
        const std::string summary = paragraph(draw);
        text += "---\n## Summary\n\n" + summary + "\n\n## Timeline\n\n";
        for (int t = 0; t < 5; ++t) {
            text += fmt::format("- {:02}:{:02} UTC: {}\n", hour, 5 + t * 9, draw.pick(kSentences));
        }
        const std::string cause = paragraph(draw);
        const std::string fix = paragraph(draw);
        text += "\n## Root cause\n\n" + cause + "\n\n## Resolution\n\n" + fix + "\n";
        write_text(content / fmt::format("{:04}-{:02}-{:02}-pm-{:03}.md", year, month, day, i),
                   text);
    }
}

// The part of the site a file belongs to, as bench/scale/output_size.mjs names them; nothing
// for the theme's assets (the same bytes whatever the archive, held by the golden test) and the
// search data (its own budget and tests).
std::string part_of(const std::string& path) {
    const std::string top = path.substr(0, path.find('/'));
    if (top == "postmortems") {
        return "postmortem pages";
    }
    if (top == "index.html" || top == "page") {
        return "home pages";
    }
    if (top == "causes" || top == "services" || top == "severities") {
        return "cause, service and severity pages";
    }
    if (top == "actions") {
        return "action pages";
    }
    if (top == "assets" || top == "search") {
        return {};
    }
    if (top.size() > 5 && (top.ends_with(".json") || top.ends_with(".csv") || top == "atom.xml")) {
        return "exports";
    }
    return "other pages and sitemaps";
}

}  // namespace

TEST_CASE("the bytes per postmortem of a 200-postmortem site do not grow", "[output-size]") {
    TempDir dir;
    write_archive(dir.path() / "content");
    const auto out = dir.path() / "site";
    const auto run =
        run_hindsight({"build", (dir.path() / "content").string(), "-o", out.string(), "-q"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    std::map<std::string, std::size_t> bytes;
    std::size_t total = 0;
    for (const auto& [path, content] : read_tree(out)) {
        if (const std::string part = part_of(path); !part.empty()) {
            bytes[part] += content.size();
            total += content.size();
        }
    }
    bytes["everything but search and assets"] = total;

    const Ratchet ratchet{
        source_dir() / "tests/e2e/output_size.tsv",
        "Bytes per postmortem of tests/e2e/output_size_test.cpp's 200-postmortem site, by part.\n"
        "A part may not grow; one that shrinks by more than 1% must be tightened here.",
        "bytes per postmortem of a 200-postmortem site",
        [](const std::string&) { return true; },  // figures, not outcomes: no good or bad
        std::nullopt};
    Outcomes measured;
    for (const auto& [part, sum] : bytes) {
        measured[part] = std::to_string(sum / kPostmortems);
    }
    if (updating_expectations()) {
        check_ratchet(ratchet, measured);  // rewrites the table and names what changed
        return;
    }
    const auto recorded = read_outcomes(ratchet);
    REQUIRE(recorded.has_value());
    std::ostringstream grew, shrank;
    for (const auto& [part, figure] : measured) {
        INFO(part);
        REQUIRE(recorded->count(part) == 1);
        const long was = std::stol(recorded->at(part));
        const long now = std::stol(figure);
        if (now > was) {
            grew << "  " << part << ": " << was << " -> " << now << " bytes per postmortem\n";
        } else if (now * 100 < was * 99) {
            shrank << "  " << part << ": " << was << " -> " << now << " bytes per postmortem\n";
        }
    }
    CHECK(recorded->size() == measured.size());
    const std::string rewrite =
        "HINDSIGHT_UPDATE_EXPECTATIONS=1 ctest --test-dir build -R '" + ratchet.test + "'";
    if (!grew.str().empty()) {
        FAIL(
            "The site grew. Make the markup smaller, or, when the bytes buy something readers\n"
            "need, record the new figures with\n  "
            << rewrite << "\nand say why in the commit:\n"
            << grew.str());
    }
    if (!shrank.str().empty()) {
        FAIL("The site shrank: tighten tests/e2e/output_size.tsv so it stays this small, with\n  "
             << rewrite << "\n"
             << shrank.str());
    }
}
