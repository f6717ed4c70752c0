// The site's lunr index: what of each postmortem a search reaches, and the index built of it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "config/site_config.hpp"
#include "model/archive.hpp"
#include "search/index_builder.hpp"

namespace hindsight::search {

// The words of a postmortem a search can reach: its body, cut after max_words words (0: all).
// A prefix of `text`, which it views.
std::string_view capped_words(std::string_view text, int max_words);

// The capped body of each postmortem, newest first: the index and the hits' snippets share it,
// so that every term a search matches is in the text its snippet is taken from. Views of the
// archive's body texts, not copies: at 50,000 postmortems copies held a few hundred MB through
// the index build, the build's peak.
std::vector<std::string_view> capped_bodies(const Archive& archive, const SiteConfig& config);

// One postmortem's values of the configured search fields, in their order: a plain value of the
// postmortem and the config alone. TermReader turns it into the terms the index is built from.
std::vector<FieldValue> postmortem_values(const Postmortem& pm, const SiteConfig& config,
                                          std::string_view capped_body);

// What the site's lunr index is built from, as a lunr.js build script would get it: the
// configured fields with their boosts, and one document per postmortem, newest first, whose ref
// is its place in that order ("0" the newest): short refs keep the postings small, and, being
// array indices, are listed in that same order.
struct SiteIndexInput {
    std::vector<LunrField> fields;
    std::vector<LunrDocument> documents;
};

SiteIndexInput site_index_input(const Archive& archive, const SiteConfig& config);

// The index of site_index_input, built from each postmortem's terms (the per-postmortem value a
// build cache may keep).
LunrIndex site_lunr_index(const Archive& archive, const SiteConfig& config,
                          const std::vector<std::string_view>& bodies);

}  // namespace hindsight::search
