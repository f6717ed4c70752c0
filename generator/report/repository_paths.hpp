// Paths as a CI system names them: relative to the repository's root, whatever the working folder.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace hindsight {

// The root of the repository being checked: $GITHUB_WORKSPACE or $CI_PROJECT_DIR when set (the
// checkout CI made), else the nearest folder above the working folder holding `.git`, else the
// working folder itself.
std::filesystem::path repository_root();

class RepositoryPaths {
  public:
    explicit RepositoryPaths(std::filesystem::path root);

    // A diagnostic's path (as the user named it, relative to the working folder) relative to the
    // root, '/'-separated; nothing when it names no file (a command-line option or a folder, say)
    // or a file outside the repository, which a CI system could not place on a diff.
    std::optional<std::string> relative(const std::string& path) const;

    const std::filesystem::path& root() const { return root_; }

  private:
    std::filesystem::path root_;
};

}  // namespace hindsight
