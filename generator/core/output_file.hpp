// A file of the site in memory: what render hands to output.
#pragma once

#include <algorithm>
#include <mutex>
#include <string>
#include <vector>

#include "core/hash.hpp"

namespace hindsight {

struct OutputFile {
    std::string path;  // '/'-separated, relative to the output folder
    std::string bytes;
};

using OutputFiles = std::vector<OutputFile>;

// Sites are handed over sorted by path, so that every listing of them is deterministic.
inline void sort_by_path(OutputFiles& files) {
    std::sort(files.begin(), files.end(),
              [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
}

// Where a stage hands each finished file: the output stage writes it at once, so that the site is
// never held whole in memory; tests keep them (MemorySink). add() may be called from several
// threads at once; it returns an error message, empty on success.
class FileSink {
  public:
    virtual ~FileSink() = default;
    virtual std::string add(const OutputFile& file) = 0;

    // For files made from a view model: `key` digests everything the file is made from. A sink
    // that still holds, unchanged, the file it was given for the same path and key last time may
    // keep it and answer true; the caller then does not make the file at all. That is how a
    // rebuild skips rendering the pages whose inputs did not change.
    virtual bool keep(const std::string& /*path*/, const Digest& /*key*/) { return false; }
    virtual std::string add(const OutputFile& file, const Digest& /*key*/) { return add(file); }
};

// Keeps what it is given, in memory.
class MemorySink : public FileSink {
  public:
    std::string add(const OutputFile& file) override {
        const std::lock_guard lock(mutex_);
        files_.push_back(file);
        return {};
    }
    // The files, sorted by path.
    OutputFiles take() {
        const std::lock_guard lock(mutex_);
        sort_by_path(files_);
        return std::move(files_);
    }

  private:
    std::mutex mutex_;
    OutputFiles files_;
};

}  // namespace hindsight
