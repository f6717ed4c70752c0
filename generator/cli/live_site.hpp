// The preview's site, built in memory: the archive is rebuilt on each save (only the files whose
// bytes changed are parsed again) and each file is made when a browser asks for it.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "cache/parse_memo.hpp"
#include "cli/build_command.hpp"
#include "core/hash.hpp"
#include "serve/rebuild_loop.hpp"
#include "serve/site_source.hpp"

namespace hindsight {

class LiveSite : public SiteSource {
  public:
    // options.pipeline and options.theme are read; nothing is written anywhere.
    explicit LiveSite(BuildOptions options);
    ~LiveSite() override;
    LiveSite(const LiveSite&) = delete;
    LiveSite& operator=(const LiveSite&) = delete;

    // Reads the content again and replaces the site with the result, printing its problems as a
    // build does; a build with errors (or warnings, with --strict) leaves the last good site.
    // Call it while no request reads the site (PreviewState::begin_rebuild).
    BuildOutcome rebuild();
    // Frees the site the last rebuild replaced: after the reload, when time matters less.
    void release_previous();

    std::optional<std::string> file(const std::string& path) override;
    // The digest of the theme (its assets are every file a page loads besides itself).
    std::string assets_version() override;

    // Postmortems in the current site, for the terminal.
    std::size_t postmortems() const;

  private:
    struct Built;
    BuildOptions options_;
    ParseMemo memo_;
    AnalyzeMemo analyze_memo_;
    std::optional<Digest> checked_theme_;  // the theme whose templates last compiled cleanly
    mutable std::mutex mutex_;             // guards current_ (requests copy the pointer)
    std::shared_ptr<Built> current_;
    std::shared_ptr<Built> previous_;
};

}  // namespace hindsight
