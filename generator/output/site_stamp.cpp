// A site's stamp: the inputs' digest and the output tree's, one line in the cache folder.
#include "output/site_stamp.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/file_system.hpp"

namespace fs = std::filesystem;

namespace hindsight {
namespace {

// The output folder as the file system knows it: every file's path, inode, size and modification
// time, so that a page edited, added, removed or copied back by hand since the last build is
// noticed. "" when the
// folder cannot be read. Sizes and times only say the files were not touched; what the site holds
// was made from the inputs' digest.
std::string identity(const fs::path& output) {
    std::error_code ec;
    if (!fs::is_directory(output, ec)) {
        return {};
    }
    std::vector<std::string> entries;
    const std::size_t prefix = output.native().size();
    for (auto it = fs::recursive_directory_iterator(output, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const std::string& path = it->path().native();
        struct stat info {};
        if (::lstat(path.c_str(), &info) != 0) {
            return {};
        }
        std::string entry = path.substr(prefix);
        fmt::format_to(
            std::back_inserter(entry), " {} {} {} {}.{}", static_cast<unsigned>(info.st_mode),
            static_cast<unsigned long long>(info.st_ino), static_cast<long long>(info.st_size),
            static_cast<long long>(info.st_mtim.tv_sec), static_cast<long>(info.st_mtim.tv_nsec));
        entries.push_back(std::move(entry));
    }
    if (ec) {
        return {};
    }
    std::sort(entries.begin(), entries.end());
    Hasher h;
    h.add_number(entries.size());
    for (const auto& entry : entries) {
        h.add(entry).add("\n");
    }
    return h.digest().hex();
}

}  // namespace

// "inputs output-tree page-record", or "" when the output or the page record cannot be read.
std::string SiteStamp::line(const Digest& inputs, const fs::path& output) const {
    const std::string folder = identity(output);
    const auto pages = read_file(pages_);
    if (folder.empty() || !pages.bytes) {
        return {};
    }
    return inputs.hex() + " " + folder + " " + hash_bytes(*pages.bytes).hex() + "\n";
}

bool SiteStamp::matches(const Digest& inputs, const fs::path& output) const {
    const auto read = read_file(file_);
    if (!read.bytes) {
        return false;
    }
    const std::string now = line(inputs, output);
    return !now.empty() && *read.bytes == now;
}

void SiteStamp::record(const Digest& inputs, const fs::path& output) const {
    const std::string now = line(inputs, output);
    if (now.empty()) {
        return;
    }
    const fs::path temporary = file_.string() + ".tmp";
    std::error_code ec;
    if (write_file(temporary, now).empty()) {
        fs::rename(temporary, file_, ec);
    }
    if (ec) {
        fs::remove(temporary, ec);
    }
}

void SiteStamp::forget() const {
    std::error_code ec;
    fs::remove(file_, ec);
}

}  // namespace hindsight
