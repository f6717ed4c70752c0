// hindsight.yaml: the site's title, time zone, severities, taxonomy and rendering switches.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/taxonomy.hpp"
#include "core/dates.hpp"
#include "core/diagnostic.hpp"

namespace hindsight {

struct SeverityLevel {
    std::string name;                  // as shown: SEV1
    std::vector<std::string> aliases;  // other spellings that mean it: critical, P1, down
};

// The default ladder, worst first, with the names PagerDuty, Statuspage and cState use.
std::vector<SeverityLevel> default_severities();

// Words that name the same promise ("runbook" and "playbook"), for grouping action items from
// different postmortems. A phrase matches the same words, each also with a common ending ("load
// test" matches "load testing"; "autoscal*" any word it begins), and is read as the concept.
struct SynonymGroup {
    std::string canonical;
    std::vector<std::string> phrases;
    // A general concept (monitoring, tests, documentation) says how a promise is kept, not
    // which promise it is: it ranks after every specific one.
    bool general = false;
};

std::vector<SynonymGroup> default_synonyms();

// One field of the search index and its lunr boost.
struct SearchField {
    std::string name;
    double boost = 1;
};

// The postmortem fields the search index can hold, by the names hindsight.yaml uses.
const std::vector<std::string>& search_field_names();

// What the search index holds. The word cap bounds the index of an archive whose postmortems
// paste long logs: only the first max_words words of a body are indexed (0: all of them).
struct SearchConfig {
    std::vector<SearchField> fields = {{"title", 10},  {"causes", 5},       {"services", 5},
                                       {"summary", 3}, {"action_items", 2}, {"body", 1}};
    int max_words = 2000;
};

// A list page longer than this would grow without bound; page_size is checked against it.
inline constexpr int kMaxPageSize = 1000;

struct SiteConfig {
    std::string title = "Incident archive";
    std::string base_url;  // absolute URL of the published site, used for the feed and 404 page
    TimeZone time_zone = TimeZone::utc();
    std::string theme;  // a theme folder overriding the default theme's files, "" for none
    std::vector<SeverityLevel> severities = default_severities();  // worst first
    bool unsafe_html = false;
    Taxonomy taxonomy = default_taxonomy();
    std::vector<SynonymGroup> synonyms = default_synonyms();
    SearchConfig search;
    // Entries on each page of a list (home, cause, service, severity, action pages), so that no
    // page grows with the archive.
    int page_size = 50;

    // Case-insensitive on the name and its aliases; "1" and "sev-1" also name SEV1.
    const SeverityLevel* find_severity(std::string_view text) const;
    std::vector<std::string> severity_names() const;
    // 1 for the worst level, 2 for the next, ...: the theme colours severities by rank, since
    // their names are the site's own. 0 for a name that is not a level.
    int severity_rank(std::string_view name) const;
};

struct ConfigResult {
    SiteConfig config;
    Diagnostics diagnostics;
};

// Why a base_url (from hindsight.yaml or --base-url) cannot be used, or nothing when it can:
// it goes through the same scheme allowlist as every other address (core/url.hpp).
std::optional<std::string> base_url_problem(std::string_view url);

// Reads hindsight.yaml text; `path` only names the file in diagnostics. Unknown keys are
// warnings with a suggestion; a value of the wrong type is an error and keeps the default.
ConfigResult parse_site_config(std::string_view path, std::string_view text);

}  // namespace hindsight
