// The stamp of a written site: which inputs made it, and which output folder holds it, so that a
// build whose inputs did not change can leave the site as it is without making it again.
#pragma once

#include <filesystem>
#include <string>

#include "core/hash.hpp"

namespace hindsight {

// A file in the cache folder, one per output folder, holding the inputs' digest and a digest of
// the output tree (each file's path, inode, size and modification time) as the last build left it.
class SiteStamp {
  public:
    // `pages` is the record of the pages the site holds (SiteWriter::PageRecord), which the next
    // build that makes the site reads: a damaged one is not vouched for either.
    SiteStamp(std::filesystem::path file, std::filesystem::path pages)
        : file_(std::move(file)), pages_(std::move(pages)) {}

    // True when the last build that wrote `output` was made from `inputs` and the folder still
    // holds what it left: no file added, removed or written to since.
    bool matches(const Digest& inputs, const std::filesystem::path& output) const;

    // Written after a build committed the site; best effort, as the cache is: a stamp that
    // cannot be written only means the next build makes the site again.
    void record(const Digest& inputs, const std::filesystem::path& output) const;

    // Removed before a build writes the output, so that a build that fails half-way, or is
    // killed, never leaves a stamp that vouches for a site it did not finish.
    void forget() const;

  private:
    std::string line(const Digest& inputs, const std::filesystem::path& output) const;

    std::filesystem::path file_;
    std::filesystem::path pages_;
};

}  // namespace hindsight
