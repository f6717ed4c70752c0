// A postmortem as every stage after parse sees it: plain data, no behaviour beyond accessors.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/dates.hpp"
#include "model/field.hpp"
#include "model/statuses.hpp"

namespace hindsight {

struct ActionItem {
    std::string title;
    std::string owner;
    // Empty when the front matter gives a state no table knows: it is then left out of the
    // record and the statistics, and status_text shows it as written.
    std::optional<ActionStatus> status = ActionStatus::open;
    std::optional<date::sys_days> due;
    std::string link;
    int line = 0;                  // where it is written, for diagnostics
    std::string status_text = {};  // the state as written, when no table knows it
};

// Where an inferred value came from: the line of the source file and the words there.
struct Evidence {
    int line = 0;
    std::string text;
    // Why the value may not be what the author meant, when it is read from something other than
    // a plain statement ("the first timeline event", "classified by keywords"); empty otherwise.
    // `hindsight adopt` declares only values without a doubt.
    std::string doubt = {};
};

struct TimelineEntry {
    std::optional<Timestamp> time;  // when the text's date and zone allow a full timestamp
    std::string when;               // the time as written: "10:15 AM (UTC)"
    std::string text;
    int line = 0;
};

// Why a cause was inferred: the taxonomy keywords found in the root-cause text.
struct CauseTrigger {
    std::string cause;
    std::vector<std::string> words;
};

// A front-matter key of another tool read as one of ours ("start_time" as "started").
struct AliasUse {
    std::string alias;
    std::string field;
    int line = 0;
};

// A front-matter value that could not be used: not understood, or contradicting another. It is
// left out of the record and the statistics, never guessed at; the page shows it as written,
// with the problem.
struct UnreadValue {
    std::string key;      // as the file names it: "resolved", "impact.users_affected"
    std::string written;  // the value as written
    std::string problem;  // what is wrong with it: "is before 'started' (2024-02-03 10:00 UTC)"
    int line = 0;
};

struct Heading {
    int level = 1;
    std::string id;    // unique within the page
    std::string text;  // plain text of the heading
};

struct Postmortem {
    std::string source;       // path relative to the content dir, '/' separated
    std::string source_path;  // as diagnostics name it (content dir joined with source)
    std::string slug;
    int slug_line = 0;  // line of the key the slug came from, 0 when from the file name
    std::string id;
    std::string title;
    std::optional<date::sys_days> date;
    std::optional<Timestamp> started;
    std::optional<Timestamp> detected;
    std::optional<Timestamp> mitigated;
    std::optional<Timestamp> resolved;
    std::optional<std::chrono::minutes> duration;
    std::string severity;
    bool draft = false;
    std::optional<double> users_affected_pct;
    std::string impact_summary;
    std::string time_zone;  // a `time_zone` key's zone (IANA name or offset); empty: the site's
    std::string summary;    // the issue-summary paragraph, else the first paragraph
    std::vector<std::string> causes;  // taxonomy keys
    std::vector<std::string> tags;    // labels from other tools that are not causes
    std::vector<std::string> services;
    std::vector<std::string> authors;
    std::vector<ActionItem> action_items;
    nlohmann::json extra = nlohmann::json::object();  // unknown front-matter keys, as written

    std::string body_html;               // rendered Markdown, front matter excluded
    std::string body_text;               // the same without markup, for search
    std::vector<Heading> headings;       // in document order
    std::set<Field> inferred;            // fields taken from the text, not declared
    std::map<Field, Evidence> evidence;  // for each inferred field, where it came from
    std::set<Field> declared;            // front-matter fields the file declares
    std::vector<TimelineEntry> timeline;
    std::vector<CauseTrigger> cause_triggers;
    std::vector<AliasUse> aliases;
    std::vector<UnreadValue> unread;  // in the order of the file

    bool is_inferred(Field field) const { return inferred.count(field) > 0; }
};

}  // namespace hindsight
