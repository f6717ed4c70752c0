// The output stage: files -> a staging folder beside the output -> swapped in at once.
#pragma once

#include <filesystem>
#include <string>

#include "core/output_file.hpp"

namespace hindsight {

// Writes each file into a staging folder beside the output as it is handed over, then swaps the
// staging folder in with commit(). The previous site stays as it was until that exchange, which is
// one rename(2): a failed or killed build never leaves a mix, and a writer destroyed without
// commit() removes its staging folder. A file whose bytes are those of the previous site's file
// is hard-linked from it rather than written. add() is safe to call from several threads.
class SiteWriter : public FileSink {
  public:
    explicit SiteWriter(const std::filesystem::path& output);
    ~SiteWriter() override;
    SiteWriter(const SiteWriter&) = delete;
    SiteWriter& operator=(const SiteWriter&) = delete;

    // Creates the staging folder (removing those of killed builds). An error message, or empty.
    std::string open();
    std::string add(const OutputFile& file) override;
    // Writes the site marker and swaps the staging folder in. An error message, or empty.
    std::string commit();

  private:
    std::filesystem::path out_;
    std::filesystem::path staging_;
    bool reuse_previous_ = false;
    bool opened_ = false;
    bool committed_ = false;
};

// Writes `files` as the whole site through a SiteWriter. An error message, empty on success.
std::string write_site(const std::filesystem::path& output, const OutputFiles& files);

// The staging folder's name for an output folder, e.g. ".public.staging-1234" beside "public".
std::filesystem::path staging_path(const std::filesystem::path& output, long pid);

}  // namespace hindsight
