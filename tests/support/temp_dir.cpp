// Temporary folders under the system temp dir, unique per test run.
#include "support/temp_dir.hpp"

#include <fstream>
#include <random>
#include <sstream>

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

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace hindsight::test
