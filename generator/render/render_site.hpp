// The render stage: Archive + theme -> every file of the site, in memory.
#pragma once

#include "config/site_config.hpp"
#include "core/diagnostic.hpp"
#include "core/output_file.hpp"
#include "model/archive.hpp"
#include "render/theme.hpp"

namespace hindsight {

struct RenderResult {
    OutputFiles files;  // sorted by path
    int pages = 0;      // HTML pages among them
    Diagnostics diagnostics;
};

// Pages are rendered on `threads` threads; the result is the same for any number.
RenderResult render_site(const Archive& archive, const SiteConfig& config, const Theme& theme,
                         unsigned threads = 1);

}  // namespace hindsight
