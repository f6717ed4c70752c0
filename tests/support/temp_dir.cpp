// Temporary folders under the system temp dir, unique per test run.
#include "support/temp_dir.hpp"

#include <fstream>
#include <random>

namespace fs = std::filesystem;

namespace hindsight::test {

TempDir::TempDir() {
    std::random_device random;
    path_ = fs::temp_directory_path() / ("hindsight-test-" + std::to_string(random()));
    fs::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

void write_text(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << text;
}

}  // namespace hindsight::test
