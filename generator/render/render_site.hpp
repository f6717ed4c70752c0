// The render stage: Archive + theme -> every file of the site, handed to a sink as it is made.
#pragma once

#include "config/site_config.hpp"
#include "core/diagnostic.hpp"
#include "core/output_file.hpp"
#include "model/archive.hpp"
#include "render/theme.hpp"

namespace hindsight {

struct RenderResult {
    OutputFiles files;  // sorted by path (render_site without a sink only)
    int pages = 0;      // HTML pages among them
    Diagnostics diagnostics;
    std::string sink_error;  // the first error the sink gave, if any (the site is incomplete)
};

// Pages are rendered on `threads` threads, each handed to `sink` as soon as it is made, so the
// site is never held whole; the files are the same for any number of threads.
RenderResult render_site(const Archive& archive, const SiteConfig& config, const Theme& theme,
                         unsigned threads, FileSink& sink);

// The same, keeping the files in the result (for tests and small sites).
RenderResult render_site(const Archive& archive, const SiteConfig& config, const Theme& theme,
                         unsigned threads = 1);

}  // namespace hindsight
