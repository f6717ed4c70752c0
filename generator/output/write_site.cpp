// Staging, exchange and clean-up of the output folder.
#include "output/write_site.hpp"

#include <signal.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <fmt/format.h>

#include "core/file_system.hpp"
#include "output/output_guard.hpp"

namespace fs = std::filesystem;

namespace hindsight {
namespace {

constexpr std::string_view kStagingInfix = ".staging-";

fs::path normalized(const fs::path& output) {
    fs::path out = fs::absolute(output).lexically_normal();
    if (!out.has_filename()) {
        out = out.parent_path();
    }
    return out;
}

bool process_alive(long pid) {
    return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

// A build killed with -9 leaves its staging folder behind; the next build removes it, unless
// the build that owns it is still running.
void remove_stale_staging(const fs::path& out) {
    const std::string prefix = "." + out.filename().string() + std::string(kStagingInfix);
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(out.parent_path(), ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0) {
            continue;
        }
        char* end = nullptr;
        const long pid = std::strtol(name.c_str() + prefix.size(), &end, 10);
        const bool ours =
            end != nullptr && (std::strcmp(end, "") == 0 || std::strcmp(end, "-old") == 0);
        if (ours && !process_alive(pid)) {
            fs::remove_all(entry.path(), ec);
        }
    }
}

bool safe_relative(const std::string& path) {
    const fs::path p(path);
    if (path.empty() || p.is_absolute()) {
        return false;
    }
    for (const auto& part : p) {
        if (part == ".." || part == ".") {
            return false;
        }
    }
    return true;
}

std::string write_tree(const fs::path& root, const OutputFiles& files) {
    for (const auto& file : files) {
        if (!safe_relative(file.path)) {
            return fmt::format("refusing to write '{}' outside the output folder", file.path);
        }
        if (auto error = write_file(root / file.path, file.bytes); !error.empty()) {
            return fmt::format("cannot write {}: {}", (root / file.path).generic_string(), error);
        }
    }
    return write_file(root / kSiteMarker,
                      "This folder was built by hindsight and is replaced on every build.\n");
}

// Swaps the two folders in one step where the kernel can; otherwise two renames, between
// which only the output's name is briefly absent, never half a site.
std::string exchange(const fs::path& staging, const fs::path& out) {
    std::error_code ec;
    if (!fs::exists(out, ec)) {
        fs::rename(staging, out, ec);
        return ec ? fmt::format("cannot move the new site into place: {}", ec.message()) : "";
    }
    if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, out.c_str(), RENAME_EXCHANGE) == 0) {
        fs::remove_all(staging, ec);  // now the previous site
        return {};
    }
    const fs::path old = staging.string() + "-old";
    fs::rename(out, old, ec);
    if (ec) {
        return fmt::format("cannot move the previous site aside: {}", ec.message());
    }
    fs::rename(staging, out, ec);
    if (ec) {
        std::error_code restore;
        fs::rename(old, out, restore);
        return fmt::format("cannot move the new site into place: {}", ec.message());
    }
    fs::remove_all(old, ec);
    return {};
}

}  // namespace

fs::path staging_path(const fs::path& output, long pid) {
    const fs::path out = normalized(output);
    return out.parent_path() / fmt::format(".{}{}{}", out.filename().string(), kStagingInfix, pid);
}

std::string write_site(const fs::path& output, const OutputFiles& files) {
    const fs::path out = normalized(output);
    std::error_code ec;
    fs::create_directories(out.parent_path(), ec);
    if (ec) {
        return fmt::format("cannot create {}: {}", out.parent_path().generic_string(),
                           ec.message());
    }
    remove_stale_staging(out);
    const fs::path staging = staging_path(out, static_cast<long>(::getpid()));
    fs::remove_all(staging, ec);
    if (auto error = write_tree(staging, files); !error.empty()) {
        fs::remove_all(staging, ec);
        return error;
    }
    if (auto error = exchange(staging, out); !error.empty()) {
        fs::remove_all(staging, ec);
        return error;
    }
    return {};
}

}  // namespace hindsight
