// File reads and writes through stdio, with errno turned into a message.
#include "core/file_system.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <system_error>

namespace hindsight {
namespace {

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

}  // namespace

ReadResult read_file(const std::filesystem::path& path) {
    File file{std::fopen(path.c_str(), "rb")};
    if (!file) {
        return {std::nullopt, std::strerror(errno)};
    }
    std::string bytes;
    char buffer[1 << 16];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) {
        bytes.append(buffer, n);
    }
    if (std::ferror(file.get())) {
        return {std::nullopt, std::strerror(errno)};
    }
    return {std::move(bytes), {}};
}

std::string write_file(const std::filesystem::path& path, std::string_view bytes) {
    std::error_code ec;
    // A bare file name has no parent to create ("" is no folder).
    if (!path.parent_path().empty()) {
        std::filesystem::create_directories(path.parent_path(), ec);
    }
    if (ec) {
        return ec.message();
    }
    File file{std::fopen(path.c_str(), "wb")};
    if (!file) {
        return std::strerror(errno);
    }
    if (std::fwrite(bytes.data(), 1, bytes.size(), file.get()) != bytes.size()) {
        return std::strerror(errno);
    }
    if (std::fflush(file.get()) != 0) {
        return std::strerror(errno);
    }
    return {};
}

}  // namespace hindsight
