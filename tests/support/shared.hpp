// The shared folder beside the checkout (seeds/, corpus/real/): there on developer machines and
// in CI, absent from a user's own clone.
#pragma once

#include <filesystem>
#include <string>

namespace hindsight::test {

std::filesystem::path shared_dir();  // ../shared beside the checkout; may not exist

// Whether shared_dir() / what is a folder. When it is not, a test that needs it returns at once:
// it WARNs that it skipped, so a user's clone passes, unless HINDSIGHT_REQUIRE_SHARED=1 (which
// .ci/run sets), where a missing folder fails the test, since CI must never pass by skipping.
bool shared_present(const std::string& what);

}  // namespace hindsight::test
