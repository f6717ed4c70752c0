// Temporary folders and file writing for tests that touch the disk.
#pragma once

#include <filesystem>
#include <string>

namespace hindsight::test {

// A fresh empty folder under the system temp dir, removed when the object goes.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

void write_text(const std::filesystem::path& path, const std::string& text);

// A whole file's bytes ("" when it cannot be read).
std::string read_text(const std::filesystem::path& path);

}  // namespace hindsight::test
