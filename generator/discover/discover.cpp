// Walking the content folder.
#include "discover/discover.hpp"

#include <algorithm>
#include <system_error>

#include <fmt/format.h>

#include "core/file_system.hpp"

namespace fs = std::filesystem;

namespace hindsight {
namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix.data(), suffix.size()) == 0;
}

bool is_hidden(const std::string& name) {
    return !name.empty() && (name[0] == '.' || name[0] == '_');
}

bool is_inside(const fs::path& root, const fs::path& target) {
    const auto [root_end, _] =
        std::mismatch(root.begin(), root.end(), target.begin(), target.end());
    return root_end == root.end();
}

std::string join_display(const fs::path& content_dir, const std::string& relative) {
    std::string base = content_dir.generic_string();
    if (base.empty() || base == ".") {
        return relative;
    }
    if (base.back() != '/') {
        base += '/';
    }
    return base + relative;
}

}  // namespace

bool is_source_name(const std::string& file_name) {
    return !is_hidden(file_name) &&
           (ends_with(file_name, ".md") || ends_with(file_name, ".markdown") ||
            ends_with(file_name, ".txt"));
}

DiscoverResult discover_sources(const fs::path& content_dir) {
    DiscoverResult result;
    std::error_code ec;
    const fs::path root = fs::weakly_canonical(content_dir, ec);
    std::vector<std::string> relatives;
    // Folder symlinks are not followed: inside the tree they would list files twice, and a
    // link to an ancestor would never end.
    fs::recursive_directory_iterator it(content_dir, ec);
    const fs::recursive_directory_iterator end;
    for (; !ec && it != end; it.increment(ec)) {
        const fs::path& path = it->path();
        const std::string name = path.filename().string();
        std::error_code entry_ec;
        const bool is_directory = it->is_directory(entry_ec);
        if (is_hidden(name)) {
            if (is_directory) {
                it.disable_recursion_pending();
            }
            continue;
        }
        if (it->is_symlink(entry_ec)) {
            const fs::path target = fs::weakly_canonical(path, entry_ec);
            if (entry_ec || !is_inside(root, target)) {
                if (is_directory) {
                    it.disable_recursion_pending();
                }
                continue;
            }
        }
        if (is_directory || !is_source_name(name)) {
            continue;
        }
        relatives.push_back(path.lexically_relative(content_dir).generic_string());
    }
    if (ec) {
        result.diagnostics.push_back(make_error(
            {content_dir.generic_string()}, fmt::format("cannot read folder: {}", ec.message())));
    }
    std::sort(relatives.begin(), relatives.end());
    for (auto& relative : relatives) {
        const std::string display = join_display(content_dir, relative);
        auto read = read_file(content_dir / relative);
        if (!read.bytes) {
            result.diagnostics.push_back(
                make_error({display}, fmt::format("cannot read file: {}", read.error)));
            continue;
        }
        result.files.push_back({std::move(relative), display, std::move(*read.bytes)});
    }
    return result;
}

}  // namespace hindsight
