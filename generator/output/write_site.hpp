// The output stage: files -> a staging folder beside the output -> swapped in at once.
#pragma once

#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "core/diagnostic.hpp"
#include "core/output_file.hpp"

namespace hindsight {

// Writes each file into a staging folder beside the output as it is handed over, then swaps the
// staging folder in with commit(). The previous site stays as it was until that exchange, which is
// one rename(2): a failed or killed build never leaves a mix, and a writer destroyed without
// commit() removes its staging folder. A file whose bytes are those of the previous site's file
// is hard-linked from it rather than written. add() and keep() are safe to call from several
// threads.
//
// With a page record (a file in the build cache), the writer also remembers the key each page was
// made from; keep() then hard-links last build's file when its key is the same and the file is
// still exactly what was written, so the page need not be rendered again.
class SiteWriter : public FileSink {
  public:
    struct PageRecord {
        std::filesystem::path file;  // e.g. .hindsight-cache/pages-public
        Digest build;                // the build id: another binary's record is not used
    };

    explicit SiteWriter(const std::filesystem::path& output,
                        std::optional<PageRecord> record = std::nullopt);
    ~SiteWriter() override;
    SiteWriter(const SiteWriter&) = delete;
    SiteWriter& operator=(const SiteWriter&) = delete;

    // Creates the staging folder (removing those of killed builds). An error message, or empty.
    std::string open();
    std::string add(const OutputFile& file) override;
    std::string add(const OutputFile& file, const Digest& key) override;
    bool keep(const std::string& path, const Digest& key) override;
    // Writes the site marker and swaps the staging folder in, then the page record. An error
    // message, or empty.
    std::string commit();

    int kept() const;  // pages kept from the previous site by keep()
    // About the page record itself (unreadable, another build's): notes for the user.
    const Diagnostics& notes() const { return notes_; }

  private:
    struct Entry {
        Digest key;
        Digest content;
        std::size_t size = 0;
    };
    void load_record();

    std::filesystem::path out_;
    std::filesystem::path staging_;
    std::optional<PageRecord> record_;
    bool reuse_previous_ = false;
    bool opened_ = false;
    bool committed_ = false;
    std::map<std::string, Entry> previous_;  // read once in open(), then only read
    mutable std::mutex mutex_;               // guards next_ and kept_
    std::map<std::string, Entry> next_;
    int kept_ = 0;
    Diagnostics notes_;
};

// Writes `files` as the whole site through a SiteWriter. An error message, empty on success.
std::string write_site(const std::filesystem::path& output, const OutputFiles& files);

// The staging folder's name for an output folder, e.g. ".public.staging-1234" beside "public".
std::filesystem::path staging_path(const std::filesystem::path& output, long pid);

}  // namespace hindsight
