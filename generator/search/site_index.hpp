// The site's search data: the archive in, the lunr index and the documents a hit shows out.
#pragma once

#include <string>

#include "config/site_config.hpp"
#include "core/output_file.hpp"
#include "model/archive.hpp"
#include "search/index_builder.hpp"

namespace hindsight::search {

// The words of a postmortem a search can reach: its body, cut after max_words words (0: all).
std::string capped_words(const std::string& text, int max_words);

// What the site's lunr index is built from: the configured fields with their boosts, and one
// document per postmortem (ref = slug, values in field order), newest first.
struct SiteIndexInput {
    std::vector<LunrField> fields;
    std::vector<LunrDocument> documents;
};

SiteIndexInput site_index_input(const Archive& archive, const SiteConfig& config);

// search-index.json (lunr 2.3.9, ref = slug, the configured fields and boosts) and
// search-docs.json (per postmortem, newest first: what a hit shows and what the filters read),
// each also as a .js file that sets window.HindsightSearch.{index,docs}, since a page opened
// from file:// may not fetch JSON.
OutputFiles site_search_files(const Archive& archive, const SiteConfig& config);
// The same files handed to `sink` one at a time, each dropped once handed over. Returns the
// sink's first error, empty on success.
std::string site_search_files(const Archive& archive, const SiteConfig& config, FileSink& sink);

}  // namespace hindsight::search
