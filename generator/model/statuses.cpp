// The status tables, collected from the states of issue trackers and incident tools (Jira,
// GitHub and GitLab boards, Linear, PagerDuty tasks, Rootly, FireHydrant, incident.io,
// ServiceNow, Statuspage) and from postmortem templates.
#include "model/statuses.hpp"

#include <map>
#include <string>

#include "core/text.hpp"

namespace hindsight {
namespace {

template <typename Value>
using FoldedTable = std::map<std::string, Value>;

template <typename Value>
FoldedTable<Value> fold_table(const std::vector<Spellings<Value>>& rows) {
    FoldedTable<Value> table;
    for (const auto& row : rows) {
        for (const auto word : row.words) {
            table.emplace(fold_spelling(word), row.value);
        }
    }
    return table;
}

template <typename Value>
std::optional<Value> lookup(const FoldedTable<Value>& table, std::string_view written) {
    for (const std::string_view text : {trim(written), leading_phrase(written)}) {
        const std::string folded = fold_spelling(text);
        if (folded.empty()) {
            continue;
        }
        if (const auto it = table.find(folded); it != table.end()) {
            return it->second;
        }
    }
    return std::nullopt;
}

// A value that is only a mark, as task lists and tables write states: "[x]", "✅", "🚧".
std::optional<ActionStatus> action_mark(std::string_view written) {
    const std::string_view text = trim(written);
    if (!fold_spelling(text).empty() && fold_spelling(text) != "x") {
        return std::nullopt;
    }
    struct Mark {
        std::string_view mark;
        ActionStatus status;
    };
    static constexpr Mark kMarks[] = {
        {"[ ]", ActionStatus::open},
        {"[]", ActionStatus::open},
        {"\xE2\x98\x90", ActionStatus::open},  // ☐
        {"\xE2\xAC\x9C", ActionStatus::open},  // ⬜
        {"[x]", ActionStatus::done},
        {"[X]", ActionStatus::done},
        {"\xE2\x9C\x85", ActionStatus::done},             // ✅
        {"\xE2\x9C\x94", ActionStatus::done},             // ✔
        {"\xE2\x9C\x93", ActionStatus::done},             // ✓
        {"\xE2\x98\x91", ActionStatus::done},             // ☑
        {"\xF0\x9F\x9A\xA7", ActionStatus::in_progress},  // 🚧
        {"\xE2\x8F\xB3", ActionStatus::in_progress},      // ⏳
        {"\xE2\x9B\x94", ActionStatus::blocked},          // ⛔
        {"\xF0\x9F\x9B\x91", ActionStatus::blocked},      // 🛑
    };
    for (const auto& mark : kMarks) {
        if (text.starts_with(mark.mark)) {
            return mark.status;
        }
    }
    return std::nullopt;
}

}  // namespace

const char* to_string(ActionStatus status) {
    switch (status) {
        case ActionStatus::open:
            return "open";
        case ActionStatus::in_progress:
            return "in-progress";
        case ActionStatus::blocked:
            return "blocked";
        case ActionStatus::done:
            return "done";
        case ActionStatus::wont_do:
            return "wont-do";
    }
    return "open";
}

const char* to_string(Publication publication) {
    return publication == Publication::published ? "published" : "draft";
}

const std::vector<Spellings<ActionStatus>>& action_status_spellings() {
    static const std::vector<Spellings<ActionStatus>> rows = {
        {ActionStatus::open, {"open",           "todo",
                              "to do",          "planned",
                              "not started",    "not yet started",
                              "backlog",        "new",
                              "pending",        "proposed",
                              "triage",         "queued",
                              "scheduled",      "outstanding",
                              "unstarted",      "ready",
                              "ready for work", "selected for development",
                              "reopened",       "assigned",
                              "not assigned",   "unassigned",
                              "next",           "up next",
                              "icebox",         "deferred",
                              "postponed",      "later",
                              "incomplete",     "not done",
                              "undone",         "unresolved",
                              "unfixed",        "idea"}},
        {ActionStatus::in_progress,
         {"in-progress",
          "in progress",
          "progress",
          "wip",
          "work in progress",
          "started",
          "ongoing",
          "doing",
          "active",
          "underway",
          "under way",
          "in flight",
          "working",
          "working on it",
          "in development",
          "in dev",
          "implementing",
          "in implementation",
          "in review",
          "review",
          "under review",
          "code review",
          "in code review",
          "reviewing",
          "ready for review",
          "pending review",
          "awaiting review",
          "testing",
          "in testing",
          "in qa",
          "qa",
          "verify",
          "verifying",
          "validating",
          "ready for testing",
          "ready for qa",
          "ready to deploy",
          "ready for deploy",
          "awaiting deploy",
          "pending deploy",
          "staged",
          "partial",
          "partially done",
          "partially complete",
          "partially completed",
          "partly done",
          "half done",
          "mostly done",
          "almost done",
          "in process",
          "begun",
          "continuing",
          "rolling out"}},
        {ActionStatus::blocked,
         {"blocked",
          "on hold",
          "hold",
          "waiting",
          "waiting on",
          "waiting for",
          "awaiting",
          "stalled",
          "stuck",
          "paused",
          "suspended",
          "impeded",
          "needs info",
          "needs more info",
          "needs input",
          "pending vendor",
          "waiting on vendor",
          "waiting for vendor",
          "external dependency",
          "dependency",
          "blocked by dependency"}},
        {ActionStatus::done,
         {"done",
          "completed",
          "complete",
          "closed",
          "fixed",
          "resolved",
          "finished",
          "implemented",
          "shipped",
          "deployed",
          "merged",
          "released",
          "delivered",
          "landed",
          "addressed",
          "verified",
          "solved",
          "live",
          "in production",
          "in prod",
          "rolled out",
          "applied",
          "accomplished",
          "achieved",
          "concluded",
          "closed fixed",
          "closed done",
          "closed complete",
          "closed completed",
          "fix deployed",
          "x"}},
        {ActionStatus::wont_do,
         {"wont-do",
          "won't do",
          "wont do",
          "will not do",
          "won't fix",
          "wontfix",
          "will not fix",
          "won't implement",
          "not doing",
          "not planned",
          "not needed",
          "not required",
          "no action",
          "no action needed",
          "no action required",
          "not applicable",
          "cancelled",
          "canceled",
          "cancel",
          "rejected",
          "declined",
          "dropped",
          "abandoned",
          "obsolete",
          "duplicate",
          "dup",
          "invalid",
          "out of scope",
          "skipped",
          "skip",
          "superseded",
          "deleted",
          "removed",
          "withdrawn",
          "discarded",
          "closed won't fix",
          "closed won't do",
          "closed duplicate",
          "closed invalid",
          "closed cancelled",
          "closed not planned",
          "cannot reproduce",
          "working as intended"}},
    };
    return rows;
}

// A postmortem in review is not yet the organisation's account of the incident; the incident's
// own states count too, since exports from status pages write them: an incident still being
// handled has no final write-up, a resolved one has.
const std::vector<Spellings<Publication>>& publication_spellings() {
    static const std::vector<Spellings<Publication>> rows = {
        {Publication::published,
         {"published",   "final",         "finalized",       "finalised",     "reviewed",
          "approved",    "complete",      "completed",       "done",          "closed",
          "resolved",    "public",        "released",        "live",          "accepted",
          "signed off",  "sign off",      "ratified",        "final version", "postmortem",
          "post-mortem", "post-incident", "published final", "publish"}},
        {Publication::held_back,
         {"draft",
          "drafting",
          "drafted",
          "wip",
          "work in progress",
          "in progress",
          "in-progress",
          "in review",
          "review",
          "under review",
          "reviewing",
          "needs review",
          "ready for review",
          "pending review",
          "awaiting review",
          "awaiting approval",
          "pending approval",
          "changes requested",
          "proposed",
          "pending",
          "preliminary",
          "unpublished",
          "not published",
          "unreviewed",
          "not reviewed",
          "incomplete",
          "todo",
          "to do",
          "not started",
          "new",
          "open",
          "outline",
          "skeleton",
          "rfc",
          "editing",
          "writing",
          "in writing",
          "private",
          "internal",
          "hidden",
          "investigating",
          "identified",
          "monitoring",
          "ongoing",
          "active",
          "triggered",
          "acknowledged",
          "mitigated",
          "unresolved"}},
    };
    return rows;
}

std::optional<ActionStatus> read_action_status(std::string_view written) {
    static const auto table = fold_table(action_status_spellings());
    if (const auto status = lookup(table, written)) {
        return status;
    }
    return action_mark(written);
}

std::optional<Publication> read_publication(std::string_view written) {
    static const auto table = fold_table(publication_spellings());
    return lookup(table, written);
}

}  // namespace hindsight
