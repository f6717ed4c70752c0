// The checks behind check_output_dir.
#include "output/output_guard.hpp"

#include <cstdlib>

#include <fmt/format.h>

namespace fs = std::filesystem;

namespace hindsight {
namespace {

fs::path resolved(const fs::path& path) {
    std::error_code ec;
    fs::path result = fs::weakly_canonical(fs::absolute(path, ec), ec);
    if (ec) {
        result = fs::absolute(path).lexically_normal();
    }
    // weakly_canonical keeps a trailing separator as an empty last element.
    if (!result.has_filename() && result.has_parent_path() && result != result.root_path()) {
        result = result.parent_path();
    }
    return result;
}

bool contains(const fs::path& outer, const fs::path& inner) {
    auto o = outer.begin();
    auto i = inner.begin();
    for (; o != outer.end(); ++o, ++i) {
        if (i == inner.end() || *o != *i) {
            return false;
        }
    }
    return true;
}

bool is_repository_root(const fs::path& dir) {
    std::error_code ec;
    return fs::exists(dir / ".git", ec);
}

}  // namespace

std::optional<OutputRefusal> check_output_dir(const fs::path& output, const fs::path& content) {
    const fs::path out = resolved(output);
    const fs::path src = resolved(content);
    const std::string shown = output.generic_string();
    const char* pick = "choose a folder of its own for the site, e.g. -o public";
    if (out == out.root_path()) {
        return OutputRefusal{"refusing to build into the file-system root", pick};
    }
    if (const char* home = std::getenv("HOME");
        home != nullptr && *home != '\0' && out == resolved(home)) {
        return OutputRefusal{fmt::format("refusing to build into the home folder '{}'", shown),
                             pick};
    }
    if (out == src) {
        return OutputRefusal{fmt::format("output folder '{}' is the content folder", shown), pick};
    }
    if (contains(out, src)) {
        return OutputRefusal{
            fmt::format("output folder '{}' contains the content folder; replacing it would "
                        "delete the postmortems",
                        shown),
            pick};
    }
    if (contains(src, out)) {
        return OutputRefusal{fmt::format("output folder '{}' is inside the content folder", shown),
                             "put the site beside the content, e.g. -o public"};
    }
    if (is_repository_root(out)) {
        return OutputRefusal{fmt::format("output folder '{}' is a repository root", shown), pick};
    }
    std::error_code ec;
    if (fs::exists(out, ec) && !fs::is_directory(out, ec)) {
        return OutputRefusal{fmt::format("output '{}' exists and is not a folder", shown), pick};
    }
    if (fs::is_directory(out, ec) && !fs::is_empty(out, ec) && !fs::exists(out / kSiteMarker, ec)) {
        return OutputRefusal{
            fmt::format("output folder '{}' exists and was not built by hindsight (it has no {} "
                        "file); a build replaces the whole folder",
                        shown, kSiteMarker),
            "empty or remove it first, or choose another folder with -o"};
    }
    return std::nullopt;
}

}  // namespace hindsight
