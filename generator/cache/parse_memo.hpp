// What parsing each file gave, kept in memory between the preview's rebuilds.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "cache/record_codec.hpp"
#include "core/hash.hpp"

namespace hindsight {

// Keyed as the parse cache is, by a hash of (context, path, bytes): a file whose bytes, or the
// configuration, changed is parsed again. find() and store() may be called from several threads.
class ParseMemo {
  public:
    // The result for a key, copied out: analyze consumes its records, the memo keeps its own.
    std::optional<ParsedFile> find(const Digest& key);
    void store(const Digest& key, const ParsedFile& parsed);
    // Forgets the entries no build used since the last finish() (files changed or deleted), so
    // the memo holds one entry per file of the archive.
    void finish();

  private:
    struct Entry {
        std::shared_ptr<const ParsedFile> parsed;
        bool used = false;
    };
    std::mutex mutex_;
    std::map<std::string, Entry> entries_;  // by key.hex()
};

}  // namespace hindsight
