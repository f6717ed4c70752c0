// Where the preview server finds the site's files: the server knows URLs, not how a site is made.
#pragma once

#include <optional>
#include <string>

namespace hindsight {

class SiteSource {
  public:
    virtual ~SiteSource() = default;
    // The bytes of the file at `path` ('/'-separated, relative to the site's root, never with
    // ".." in it: "index.html", "postmortems/x/index.html"); nothing when the site has none.
    // Called from the server's threads at once, never while the site is being replaced.
    virtual std::optional<std::string> file(const std::string& path) = 0;
    // Names what every page loads besides itself (the theme's style sheets and scripts): while
    // it stays the same, an open page may be brought up to date in place (the nodes that differ
    // changed) instead of reloading. Empty when the site has none yet.
    virtual std::string assets_version() = 0;
};

}  // namespace hindsight
