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
std::optional<std::string> sitemap(const OutputFiles& files, const SiteConfig& config);

}  // namespace hindsight
