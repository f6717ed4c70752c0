// A file of the site in memory: what render hands to output.
#pragma once

#include <algorithm>
#include <mutex>
#include <string>
#include <vector>

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
