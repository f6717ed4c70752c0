// The parse cache: what parsing each file produced, keyed by a hash of everything it depends on.
#pragma once

#include <atomic>
#include <filesystem>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "cache/record_codec.hpp"
#include "core/diagnostic.hpp"
#include "core/hash.hpp"

namespace hindsight {

// One entry per parsed file, in DIR/parse/XY/<key>: a file's result is reused only when its key,
// the hash of (context, path, bytes), is found and the entry's checksum holds. The context is
// the hash of everything else parsing reads: the binary (build_id()), the configuration, the
// options. Keys never involve mtimes, so a cache restored by CI works like a local one.
// find() and store() may be called from several threads at once.
class ParseCache {
  public:
    // Opens (creating) the cache folder. A cache written by another build of hindsight, or one
    // that cannot be read, is reported in notes() and not used.
    ParseCache(std::filesystem::path dir, const Digest& context);

    Digest key(std::string_view path, std::string_view display_path, std::string_view bytes) const;
    // The cached result for a key; nothing when absent or damaged (a damaged entry is counted and
    // reported once in notes()).
    std::optional<ParsedFile> find(const Digest& key);
    // Writes an entry (to a temporary name, then renamed, so a reader never sees half of one).
    void store(const Digest& key, const ParsedFile& parsed);
    // Removes the entries this build did not use (files deleted or changed since), so the cache
    // holds one entry per file of the archive. Called once, after the last find() and store().
    void finish();

    bool usable() const { return usable_; }
    int hits() const { return hits_; }
    int misses() const { return misses_; }
    // A digest of everything this build's parse read: the context and the key of every file
    // looked up (each a hash of its path and bytes). The same files, configuration, options and
    // binary give the same digest. Called after the last find().
    Digest inputs() const;
    // What the user should know about the cache itself (never about the content).
    Diagnostics notes() const;

  private:
    std::filesystem::path entry_path(const Digest& key) const;

    std::filesystem::path dir_;
    Digest context_;
    bool usable_ = false;
    std::string open_problem_;
    std::atomic<int> hits_{0};
    std::atomic<int> misses_{0};
    std::atomic<int> damaged_{0};
    std::atomic<int> write_failures_{0};
    mutable std::mutex used_mutex_;
    std::set<std::string> used_;  // entry names of this build
};

// The key of a file's parse result, in the cache and in the preview's memo: the hash of
// (context, path, display path, bytes).
Digest parse_key(const Digest& context, std::string_view path, std::string_view display_path,
                 std::string_view bytes);

// A hash of the running executable's bytes: a rebuilt binary never reads an older one's cache,
// even when both call themselves 0.1.0. Nothing when /proc/self/exe cannot be read.
std::optional<Digest> build_id();

}  // namespace hindsight
