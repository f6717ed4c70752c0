// Staging, exchange and clean-up of the output folder.
#include "output/write_site.hpp"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <fmt/format.h>

#include "core/file_system.hpp"
#include "core/parallel.hpp"
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

// Removing a site is a file-system metadata operation per file and per folder, which on a
// virtual disk mounted with `discard` waits on the device for each freed folder: one thread
// removing the 10,000-postmortem site took 40 s there. The second-level entries (each
// postmortem's folder) are removed by several threads at once, which the device overlaps (20 s
// with 16 threads in the same measurement); threads here wait on I/O, not on a core.
constexpr unsigned kRemovalThreads = 16;

// The entries of a folder; none when it cannot be read (never an exception: a range-for over a
// directory_iterator throws when an increment fails).
std::vector<fs::directory_entry> entries_of(const fs::path& dir) {
    std::vector<fs::directory_entry> entries;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        entries.push_back(*it);
    }
    return entries;
}

void remove_tree(const fs::path& root) {
    std::vector<fs::path> parts;
    for (const auto& top : entries_of(root)) {
        std::error_code ec;
        if (top.is_directory(ec) && !top.is_symlink(ec)) {
            for (const auto& entry : entries_of(top.path())) {
                parts.push_back(entry.path());
            }
        } else {
            parts.push_back(top.path());
        }
    }
    // The emptied top-level folders go with the root below.
    run_on_threads(parts.size(), kRemovalThreads, [&](IndexQueue& queue) {
        for (std::size_t i = 0; queue.next(i);) {
            std::error_code ignored;
            fs::remove_all(parts[i], ignored);
        }
    });
    std::error_code ec;
    fs::remove_all(root, ec);
}

// A build killed with -9 leaves its staging folder behind; the next build removes it, unless
// the build that owns it is still running.
void remove_stale_staging(const fs::path& out) {
    // Appended piece by piece: GCC 12 at -O3 reports a false -Wrestrict overlap for
    // "." + string, which -Werror turns into a failed Release build.
    std::string prefix = ".";
    prefix += out.filename().string();
    prefix += kStagingInfix;
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
            remove_tree(entry.path());
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

constexpr std::string_view kRecordHeader = "hindsight-pages-1";

// Whether `path` is a regular file (not a link) of `size` bytes whose digest is `content`.
bool holds_digest(const fs::path& path, std::size_t size, const Digest& content) {
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode) ||
        static_cast<std::size_t>(info.st_size) != size) {
        return false;
    }
    auto read = read_file(path);
    return read.bytes && read.bytes->size() == size && hash_bytes(*read.bytes) == content;
}

// Whether `previous` is a regular file (not a link) holding exactly `bytes`. It is read only when
// the sizes agree, in blocks, stopping at the first difference.
bool holds_exactly(const fs::path& previous, std::string_view bytes) {
    struct stat info {};
    if (::lstat(previous.c_str(), &info) != 0 || !S_ISREG(info.st_mode) ||
        static_cast<std::size_t>(info.st_size) != bytes.size()) {
        return false;
    }
    const int fd = ::open(previous.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        return false;
    }
    char buffer[1 << 16];
    std::size_t at = 0;
    bool same = true;
    while (same && at < bytes.size()) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n <= 0 || at + static_cast<std::size_t>(n) > bytes.size()) {
            same = false;
            break;
        }
        same = std::memcmp(buffer, bytes.data() + at, static_cast<std::size_t>(n)) == 0;
        at += static_cast<std::size_t>(n);
    }
    ::close(fd);
    return same && at == bytes.size();
}

// A file whose bytes did not change is hard-linked from the previous site instead of written:
// no write, no new inode, and it keeps its mtime, so rsync and CDN uploads skip it. Removing the
// previous site then only drops a name. Anything that fails falls back to writing.
std::string place_file(const fs::path& root, const fs::path* previous, const std::string& path,
                       std::string_view bytes) {
    const fs::path target = root / path;
    if (previous != nullptr && holds_exactly(*previous / path, bytes)) {
        std::error_code ec;
        fs::create_directories(target.parent_path(), ec);
        if (!ec && ::link((*previous / path).c_str(), target.c_str()) == 0) {
            return {};
        }
    }
    return write_file(target, bytes);
}

// Swaps the two folders in one step where the kernel can; otherwise two renames, between
// which only the output's name is briefly absent, never half a site. `previous` is where the
// previous site is afterwards, for the caller to remove (empty when there was none).
std::string exchange(const fs::path& staging, const fs::path& out, fs::path& previous) {
    std::error_code ec;
    if (!fs::exists(out, ec)) {
        fs::rename(staging, out, ec);
        return ec ? fmt::format("cannot move the new site into place: {}", ec.message()) : "";
    }
    if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, out.c_str(), RENAME_EXCHANGE) == 0) {
        previous = staging;
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
    previous = old;
    return {};
}

}  // namespace

fs::path staging_path(const fs::path& output, long pid) {
    const fs::path out = normalized(output);
    return out.parent_path() / fmt::format(".{}{}{}", out.filename().string(), kStagingInfix, pid);
}

SiteWriter::SiteWriter(const fs::path& output, std::optional<PageRecord> record)
    : out_(normalized(output)), record_(std::move(record)) {}

// The record: a header line naming the format and the build, then one line per page:
// path, key, size, content digest, tab-separated. Anything unexpected voids it whole.
void SiteWriter::load_record() {
    auto read = read_file(record_->file);
    if (!read.bytes) {
        return;  // the first build with this cache
    }
    const std::string_view text = *read.bytes;
    const std::string header = fmt::format("{} {}\n", kRecordHeader, record_->build.hex());
    if (text.rfind(kRecordHeader, 0) == 0 && text.rfind(header, 0) != 0) {
        return;  // another build's: its keys cannot match (the parse cache says so once)
    }
    std::map<std::string, Entry> entries;
    bool whole = text.rfind(header, 0) == 0;
    std::size_t at = whole ? header.size() : 0;
    while (whole && at < text.size()) {
        const std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos) {
            whole = false;  // truncated
            break;
        }
        const std::string_view line = text.substr(at, end - at);
        at = end + 1;
        const std::size_t t1 = line.find('\t');
        const std::size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
        const std::size_t t3 = t2 == std::string_view::npos ? t2 : line.find('\t', t2 + 1);
        Entry entry;
        if (t3 == std::string_view::npos ||
            !parse_digest(line.substr(t1 + 1, t2 - t1 - 1), entry.key) ||
            !parse_digest(line.substr(t3 + 1), entry.content)) {
            whole = false;
            break;
        }
        const std::string_view size = line.substr(t2 + 1, t3 - t2 - 1);
        if (size.empty() || size.size() > 12 ||
            size.find_first_not_of("0123456789") != std::string_view::npos) {
            whole = false;
            break;
        }
        entry.size = std::stoull(std::string(size));
        entries.emplace(std::string(line.substr(0, t1)), entry);
    }
    if (!whole) {
        notes_.push_back(make_note({record_->file.generic_string()},
                                   "the record of the previous build's pages is damaged; every "
                                   "page is rendered again",
                                   "nothing else is needed; the record is rewritten"));
        return;
    }
    previous_ = std::move(entries);
}

SiteWriter::~SiteWriter() {
    if (opened_ && !committed_) {
        std::error_code ec;
        fs::remove_all(staging_, ec);
    }
}

std::string SiteWriter::open() {
    std::error_code ec;
    fs::create_directories(out_.parent_path(), ec);
    if (ec) {
        return fmt::format("cannot create {}: {}", out_.parent_path().generic_string(),
                           ec.message());
    }
    remove_stale_staging(out_);
    staging_ = staging_path(out_, static_cast<long>(::getpid()));
    fs::remove_all(staging_, ec);
    fs::create_directories(staging_, ec);
    if (ec) {
        return fmt::format("cannot create {}: {}", staging_.generic_string(), ec.message());
    }
    opened_ = true;
    // The previous site is reused only when it is one (it has the marker a build leaves).
    reuse_previous_ = fs::is_regular_file(out_ / kSiteMarker, ec);
    if (reuse_previous_ && record_) {
        load_record();
    }
    return {};
}

bool SiteWriter::keep(const std::string& path, const Digest& key) {
    const auto it = previous_.find(path);
    if (it == previous_.end() || !(it->second.key == key) || !safe_relative(path)) {
        return false;
    }
    // Kept only if the previous site's file is still exactly what was written for this key.
    const fs::path previous = out_ / path;
    if (!holds_digest(previous, it->second.size, it->second.content)) {
        return false;
    }
    const fs::path target = staging_ / path;
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    if (ec || ::link(previous.c_str(), target.c_str()) != 0) {
        return false;
    }
    const std::lock_guard lock(mutex_);
    next_[path] = it->second;
    ++kept_;
    return true;
}

std::string SiteWriter::add(const OutputFile& file, const Digest& key) {
    if (auto error = add(file); !error.empty()) {
        return error;
    }
    if (record_) {
        const Entry entry{key, hash_bytes(file.bytes), file.bytes.size()};
        const std::lock_guard lock(mutex_);
        next_[file.path] = entry;
    }
    return {};
}

int SiteWriter::kept() const {
    const std::lock_guard lock(mutex_);
    return kept_;
}

std::string SiteWriter::add(const OutputFile& file) {
    if (!safe_relative(file.path)) {
        return fmt::format("refusing to write '{}' outside the output folder", file.path);
    }
    if (auto error = place_file(staging_, reuse_previous_ ? &out_ : nullptr, file.path, file.bytes);
        !error.empty()) {
        return fmt::format("cannot write {}: {}", (staging_ / file.path).generic_string(), error);
    }
    return {};
}

std::string SiteWriter::commit() {
    if (auto error =
            write_file(staging_ / kSiteMarker,
                       "This folder was built by hindsight and is replaced on every build.\n");
        !error.empty()) {
        return fmt::format("cannot write {}: {}", (staging_ / kSiteMarker).generic_string(), error);
    }
    fs::path previous;
    if (auto error = exchange(staging_, out_, previous); !error.empty()) {
        return error;
    }
    committed_ = true;
    if (!previous.empty()) {
        remove_tree(previous);
    }
    if (record_) {
        // Written after the swap: a record never describes a site that is not in place. If it
        // cannot be written, the next build simply renders every page.
        std::string text = fmt::format("{} {}\n", kRecordHeader, record_->build.hex());
        const std::lock_guard lock(mutex_);
        for (const auto& [path, entry] : next_) {
            text += fmt::format("{}\t{}\t{}\t{}\n", path, entry.key.hex(), entry.size,
                                entry.content.hex());
        }
        const fs::path temporary =
            record_->file.string() + fmt::format(".tmp-{}", static_cast<long>(::getpid()));
        std::error_code ec;
        if (write_file(temporary, text).empty()) {
            fs::rename(temporary, record_->file, ec);
        }
        fs::remove(temporary, ec);
    }
    return {};
}

std::string write_site(const fs::path& output, const OutputFiles& files) {
    SiteWriter writer(output);
    if (auto error = writer.open(); !error.empty()) {
        return error;
    }
    for (const auto& file : files) {
        if (auto error = writer.add(file); !error.empty()) {
            return error;
        }
    }
    return writer.commit();
}

}  // namespace hindsight
