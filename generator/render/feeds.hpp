// atom.xml (Atom 1.0, newest 50) and sitemap.xml (written only when base_url is known).
#pragma once

#include <optional>
#include <string>

#include "config/site_config.hpp"
#include "core/output_file.hpp"
#include "model/archive.hpp"

namespace hindsight {

inline constexpr std::size_t kFeedEntries = 50;

std::string atom_feed(const Archive& archive, const SiteConfig& config);

// Sitemaps need absolute URLs; without a base_url there is none to write.
// The sitemap protocol's limit of URLs in one sitemap file.
inline constexpr std::size_t kSitemapMaxUrls = 50000;

// sitemap.xml listing every page (index.html) of `files`; past max_urls pages, sitemap.xml is a
// sitemap index of sitemap-1.xml, sitemap-2.xml, ... Nothing when base_url is unknown (a
// sitemap needs absolute URLs).
OutputFiles sitemaps(const OutputFiles& files, const SiteConfig& config,
                     std::size_t max_urls = kSitemapMaxUrls);

}  // namespace hindsight
