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
};

}  // namespace hindsight
