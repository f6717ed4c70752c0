// The shared folder: where it is, and what a test does when it is missing.
#include "support/shared.hpp"

#include <catch2/catch.hpp>

#include <cctype>
#include <cstdlib>
#include <string_view>

namespace fs = std::filesystem;

namespace hindsight::test {

fs::path shared_dir() {
    return fs::path(HINDSIGHT_SHARED_DIR).lexically_normal();
}

bool in_repository_corpus(std::string_view path) {
    return path.starts_with("real") && path.size() > 4 &&
           std::isdigit(static_cast<unsigned char>(path[4])) != 0;
}

fs::path corpus_path(const std::string& path) {
    return in_repository_corpus(path) ? fs::path(HINDSIGHT_SOURCE_DIR) / "tests/corpus" / path
                                      : shared_dir() / path;
}

bool shared_present(const std::string& what) {
    const fs::path folder = shared_dir() / what;
    if (fs::is_directory(folder)) {
        return true;
    }
    const char* require = std::getenv("HINDSIGHT_REQUIRE_SHARED");
    if (require != nullptr && std::string_view(require) == "1") {
        FAIL(folder.string() << " is absent, and HINDSIGHT_REQUIRE_SHARED=1 says the tests that "
                             << "read it must run (set HINDSIGHT_SHARED_DIR when configuring)");
    }
    WARN("skipped: " << folder.string() << " is absent (it sits beside the checkout in CI and on "
                     << "developer machines, not in a user's clone)");
    return false;
}

}  // namespace hindsight::test
