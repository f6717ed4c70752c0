// The whole archive after analysis: postmortems plus the groupings, statistics, recurring
// action-item clusters and related postmortems that render and index read.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/postmortem.hpp"

namespace hindsight {

// Incident durations are heavy-tailed, so a distribution is reported, never a mean alone.
// Percentiles use the nearest-rank definition: the p-th percentile is the smallest observed
// value with at least p% of the values at or below it (so every figure is a real incident).
struct Distribution {
    int count = 0;
    double median = 0;
    double p90 = 0;
    double max = 0;
    double mean = 0;
    std::vector<double> values;  // sorted ascending, for charts
};

struct GroupStats {
    int incidents = 0;
    Distribution duration_minutes;
    Distribution time_to_detect_minutes;
    Distribution users_affected_pct;
};

// The postmortems sharing a cause, a service, a severity or a year.
struct ArchiveGroup {
    std::string key;                       // slug for URLs: "load-balancer", "sev1", "2024"
    std::string label;                     // "Load balancer", "SEV1", "2024"
    std::vector<std::size_t> postmortems;  // indices into Archive::postmortems, newest first
    GroupStats stats;
};

struct ClusterMember {
    std::size_t postmortem = 0;   // index into Archive::postmortems
    std::size_t item = 0;         // index into that postmortem's action_items
    bool promised_again = false;  // an earlier postmortem of the cluster promised it already
};

// Action items of the same intent from different postmortems ("improve monitoring" again).
struct ActionCluster {
    std::string id;                           // stable slug of the label
    std::string label;                        // the wording of its most central item
    std::vector<ClusterMember> members;       // in archive date order
    std::vector<std::size_t> postmortems;     // distinct, oldest first
    std::vector<std::size_t> promised_again;  // postmortems repeating an earlier promise
    int open = 0;
    int done = 0;
};

struct RelatedPostmortem {
    std::size_t postmortem = 0;
    double score = 0;
    std::string reason;  // "same cause: cache; 2 shared action items"
};

struct ActionStatusCounts {
    int open = 0;
    int in_progress = 0;
    int blocked = 0;
    int done = 0;
    int wont_do = 0;
    int overdue = 0;  // open, in progress or blocked with a due date before as_of
    // Open, in-progress and blocked items by the age of their postmortem on as_of.
    int age_under_30_days = 0;
    int age_30_to_90_days = 0;
    int age_90_to_365_days = 0;
    int age_over_a_year = 0;
};

struct ArchiveStats {
    GroupStats overall;
    std::vector<std::pair<std::string, int>> incidents_per_month;  // "2024-03", count; no gaps
    ActionStatusCounts actions;
    // Builds are deterministic, so "now" is the date of the newest postmortem, not the clock.
    std::optional<date::sys_days> as_of;
};

struct Archive {
    std::vector<Postmortem> postmortems;    // sorted by slug
    std::vector<std::size_t> newest_first;  // indices into postmortems: date desc, then slug

    std::vector<ArchiveGroup> causes;  // most incidents first, then key
    std::vector<ArchiveGroup> services;
    std::vector<ArchiveGroup> severities;  // in the site's severity order
    std::vector<ArchiveGroup> years;       // newest first
    std::vector<ActionCluster> clusters;   // most postmortems first, then id
    // cluster_of[p][i]: the cluster index of action item i of postmortem p.
    std::vector<std::vector<std::size_t>> cluster_of;
    std::vector<std::vector<RelatedPostmortem>> related;  // per postmortem, best first
    ArchiveStats stats;
};

}  // namespace hindsight
