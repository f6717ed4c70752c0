// Finding the repository root and making diagnostic paths relative to it.
#include "report/repository_paths.hpp"

#include <cstdlib>
#include <system_error>

namespace fs = std::filesystem;

namespace hindsight {
namespace {

std::optional<fs::path> directory_from_env(const char* name) {
    const char* value = std::getenv(name);
    std::error_code ec;
    if (value == nullptr || *value == '\0' || !fs::is_directory(value, ec)) {
        return std::nullopt;
    }
    return fs::path(value);
}

fs::path canonical_or_absolute(const fs::path& path) {
    std::error_code ec;
    fs::path resolved = fs::weakly_canonical(fs::absolute(path, ec), ec);
    return ec ? fs::absolute(path) : resolved;
}

}  // namespace

fs::path repository_root() {
    for (const char* name : {"GITHUB_WORKSPACE", "CI_PROJECT_DIR"}) {
        if (auto dir = directory_from_env(name)) {
            return canonical_or_absolute(*dir);
        }
    }
    const fs::path start = canonical_or_absolute(fs::current_path());
    std::error_code ec;
    for (fs::path dir = start;; dir = dir.parent_path()) {
        // `.git` is a folder in a clone and a file in a worktree or submodule.
        if (fs::exists(dir / ".git", ec)) {
            return dir;
        }
        if (dir == dir.parent_path()) {
            return start;
        }
    }
}

RepositoryPaths::RepositoryPaths(fs::path root) : root_(canonical_or_absolute(root)) {}

std::optional<std::string> RepositoryPaths::relative(const std::string& path) const {
    std::error_code ec;
    if (path.empty() || !fs::is_regular_file(path, ec)) {
        return std::nullopt;
    }
    const fs::path relative = canonical_or_absolute(path).lexically_relative(root_);
    if (relative.empty() || *relative.begin() == "..") {
        return std::nullopt;
    }
    return relative.generic_string();
}

}  // namespace hindsight
