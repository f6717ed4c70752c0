// Plain JSON view models for the templates: every value already formatted for display.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "config/site_config.hpp"
#include "model/archive.hpp"
#include "model/site_paths.hpp"
#include "render/pagination.hpp"

namespace hindsight {

// site, root and page_title: the keys every template receives.
nlohmann::json page_frame(const SiteConfig& config, const std::string& root,
                          const std::string& page_title);

// A year's run of postmortems in the archive's newest-first order ("Undated" last).
struct YearSpan {
    std::string year;
    std::size_t first = 0;  // position in Archive::newest_first
    std::size_t count = 0;
};
std::vector<YearSpan> year_spans(const Archive& archive);

// One page of the archive home: the headline covers the whole archive, the list only `page`.
nlohmann::json home_view(const Archive& archive, const SiteConfig& config,
                         const std::vector<YearSpan>& years, const ListPage& page);
// One postmortem as a row of a list (home, cause, service and severity pages).
nlohmann::json list_item_view(const Postmortem& postmortem, const SiteConfig& config);

// Whether a list row marks a value of the postmortem as inferred from its text (its causes,
// duration or share of users): a list page then says what the marks mean.
bool marks_inferred(const Postmortem& postmortem);

nlohmann::json postmortem_view(const Postmortem& postmortem, const SiteConfig& config);
nlohmann::json not_found_view(const SiteConfig& config);

// The site's absolute address ending in '/', or "" when it has none. A base_url the scheme
// allowlist refuses counts as none: config and the command line warn and drop it already, and
// pages and feeds must not depend on every caller having done so.
std::string site_base_url(const SiteConfig& config);

// "30%", "12.5%": at most one decimal, no trailing zero.
std::string format_percent(double value);

}  // namespace hindsight
