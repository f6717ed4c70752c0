// The shared folder beside the checkout (seeds/, corpus/real/): there on developer machines and
// in CI, absent from a user's own clone.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace hindsight::test {

std::filesystem::path shared_dir();  // ../shared beside the checkout; may not exist

// Whether shared_dir() / what is a folder. When it is not, a test that needs it returns at once:
// it WARNs that it skipped, so a user's clone passes, unless HINDSIGHT_REQUIRE_SHARED=1 (which
// .ci/run sets), where a missing folder fails the test, since CI must never pass by skipping.
bool shared_present(const std::string& what);

// Whether a corpus path ("real3/017.md", "real3/017") is in one of the repository's own corpora,
// tests/corpus/realN ("real" and a digit), rather than in the shared folder ("corpus/real/...",
// "seeds/..."). A new corpus needs no code.
bool in_repository_corpus(std::string_view path);

// Where a corpus path that labels and spec examples name lies: under the checkout's tests/corpus
// for the repository's own corpora, under shared_dir() for the rest.
std::filesystem::path corpus_path(const std::string& path);

}  // namespace hindsight::test
