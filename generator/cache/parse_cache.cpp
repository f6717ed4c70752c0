// Entry files of the parse cache, their checksums, and the clean-up of unused ones.
#include "cache/parse_cache.hpp"

#include <elf.h>
#include <link.h>
#include <unistd.h>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

#include "core/file_system.hpp"

namespace fs = std::filesystem;

namespace hindsight {
namespace {

// An entry: magic, its own key (32 hex characters), payload length (8 bytes, little-endian),
// the payload's digest (32 hex characters), then the payload. Truncation and bit rot fail the
// checksum; an entry copied or renamed under another key fails the key.
constexpr std::string_view kMagic = "hindsight-parse-cache-2\n";
constexpr std::string_view kBuildIdFile = "build-id";
constexpr std::string_view kTag =
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by hindsight (the build cache).\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n";

std::string frame(const Digest& key, std::string_view payload) {
    std::string out(kMagic);
    out += key.hex();
    for (int i = 0; i < 8; ++i) {
        out.push_back(
            static_cast<char>((static_cast<std::uint64_t>(payload.size()) >> (8 * i)) & 0xff));
    }
    out += hash_bytes(payload).hex();
    out += payload;
    return out;
}

std::optional<std::string_view> unframe(std::string_view bytes, const Digest& key) {
    const std::size_t at_length = kMagic.size() + 32;
    const std::size_t header = at_length + 8 + 32;
    if (bytes.size() < header || bytes.substr(0, kMagic.size()) != kMagic ||
        bytes.substr(kMagic.size(), 32) != key.hex()) {
        return std::nullopt;
    }
    std::uint64_t length = 0;
    for (int i = 0; i < 8; ++i) {
        length |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[at_length + i]))
                  << (8 * i);
    }
    if (length != bytes.size() - header) {
        return std::nullopt;
    }
    const std::string_view payload = bytes.substr(header);
    if (hash_bytes(payload).hex() != bytes.substr(at_length + 8, 32)) {
        return std::nullopt;
    }
    return payload;
}

// The GNU build id the linker wrote into the executable (a hash of its contents; Debian's gcc
// always asks for one): reading it costs nothing, where hashing a 60 MB binary with debug
// information costs 70 ms a build.
std::optional<std::string> gnu_build_id() {
    std::optional<std::string> found;
    dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void* data) -> int {
            // The first object listed is the executable itself.
            auto* out = static_cast<std::optional<std::string>*>(data);
            for (int i = 0; i < info->dlpi_phnum; ++i) {
                const ElfW(Phdr)& header = info->dlpi_phdr[i];
                if (header.p_type != PT_NOTE) {
                    continue;
                }
                const char* at = reinterpret_cast<const char*>(info->dlpi_addr + header.p_vaddr);
                const char* end = at + header.p_memsz;
                while (at + sizeof(ElfW(Nhdr)) <= end) {
                    const auto* note = reinterpret_cast<const ElfW(Nhdr)*>(at);
                    const char* name = at + sizeof(ElfW(Nhdr));
                    const char* desc = name + ((note->n_namesz + 3) & ~3u);
                    if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 &&
                        std::memcmp(name, "GNU", 4) == 0 && desc + note->n_descsz <= end) {
                        *out = std::string(desc, note->n_descsz);
                        return 1;
                    }
                    at = desc + ((note->n_descsz + 3) & ~3u);
                }
            }
            return 1;
        },
        &found);
    return found;
}

}  // namespace

std::optional<Digest> build_id() {
    static const std::optional<Digest> id = []() -> std::optional<Digest> {
        if (auto gnu = gnu_build_id()) {
            return hash_bytes(*gnu);
        }
        // Without a linker build id, the executable's bytes, read in blocks.
        std::FILE* file = std::fopen("/proc/self/exe", "rb");
        if (file == nullptr) {
            return std::nullopt;
        }
        Hasher h;
        std::string block(1 << 20, '\0');
        std::size_t n = 0;
        while ((n = std::fread(block.data(), 1, block.size(), file)) > 0) {
            h.add(std::string_view(block.data(), n));
        }
        const bool failed = std::ferror(file) != 0;
        std::fclose(file);
        return failed ? std::nullopt : std::optional<Digest>(h.digest());
    }();
    return id;
}

ParseCache::ParseCache(fs::path dir, const Digest& context)
    : dir_(std::move(dir)), context_(context) {
    std::error_code ec;
    fs::create_directories(dir_ / "parse", ec);
    if (ec) {
        open_problem_ = fmt::format("the build cache cannot be created ({}); building without it",
                                    ec.message());
        return;
    }
    if (!fs::exists(dir_ / "CACHEDIR.TAG", ec)) {
        write_file(dir_ / "CACHEDIR.TAG", kTag);
    }
    // The build id file says which binary wrote the cache. Entries of another binary can never
    // match a key of this one (the id is in every key), so they only need saying and clearing.
    const auto id = build_id();
    if (!id) {
        open_problem_ =
            "the running executable cannot be read to identify this build; building without the "
            "cache";
        return;
    }
    const std::string id_text = id->hex() + "\n";
    const auto previous = read_file(dir_ / kBuildIdFile);
    if (previous.bytes && *previous.bytes != id_text) {
        open_problem_ =
            "the build cache was written by another build of hindsight; it is not used, and is "
            "replaced by this build's";
    }
    if (!previous.bytes || *previous.bytes != id_text) {
        write_file(dir_ / kBuildIdFile, id_text);
    }
    usable_ = true;
}

Digest parse_key(const Digest& context, std::string_view path, std::string_view display_path,
                 std::string_view bytes) {
    Hasher h;
    h.add(context.hex()).add(path).add(display_path).add(bytes);
    return h.digest();
}

Digest ParseCache::key(std::string_view path, std::string_view display_path,
                       std::string_view bytes) const {
    return parse_key(context_, path, display_path, bytes);
}

fs::path ParseCache::entry_path(const Digest& key) const {
    const std::string name = key.hex();
    return dir_ / "parse" / name.substr(0, 2) / name;
}

std::optional<ParsedFile> ParseCache::find(const Digest& key) {
    if (!usable_) {
        return std::nullopt;
    }
    {
        const std::lock_guard lock(used_mutex_);
        used_.insert(key.hex());
    }
    auto read = read_file(entry_path(key));
    if (!read.bytes) {
        ++misses_;
        return std::nullopt;
    }
    const auto payload = unframe(*read.bytes, key);
    auto parsed = payload ? decode_parsed_file(*payload) : std::nullopt;
    if (!parsed) {
        ++damaged_;
        ++misses_;
        return std::nullopt;
    }
    ++hits_;
    return parsed;
}

void ParseCache::store(const Digest& key, const ParsedFile& parsed) {
    if (!usable_) {
        return;
    }
    const fs::path path = entry_path(key);
    const fs::path temporary = path.string() + fmt::format(".tmp-{}", ::getpid());
    std::error_code ec;
    if (!write_file(temporary, frame(key, encode_parsed_file(parsed))).empty()) {
        ++write_failures_;
        fs::remove(temporary, ec);
        return;
    }
    fs::rename(temporary, path, ec);
    if (ec) {
        ++write_failures_;
        fs::remove(temporary, ec);
    }
}

Digest ParseCache::inputs() const {
    Hasher h;
    h.add(context_.hex());
    const std::lock_guard lock(used_mutex_);
    h.add_number(used_.size());
    for (const auto& name : used_) {  // sorted: the order files were parsed in does not count
        h.add(name);
    }
    return h.digest();
}

void ParseCache::finish() {
    if (!usable_) {
        return;
    }
    std::error_code ec;
    for (const auto& shard : fs::directory_iterator(dir_ / "parse", ec)) {
        std::error_code inner;
        for (const auto& entry : fs::directory_iterator(shard.path(), inner)) {
            if (used_.count(entry.path().filename().string()) == 0) {
                fs::remove(entry.path(), inner);
            }
        }
    }
}

Diagnostics ParseCache::notes() const {
    Diagnostics notes;
    const Location where{dir_.generic_string()};
    if (!open_problem_.empty()) {
        notes.push_back(make_note(where, open_problem_));
    }
    if (damaged_ > 0) {
        notes.push_back(make_note(
            where,
            fmt::format("{} cache entr{} could not be read (truncated or corrupt); {} parsed again",
                        damaged_.load(), damaged_ == 1 ? "y" : "ies",
                        damaged_ == 1 ? "its file was" : "their files were"),
            "nothing else is needed; remove the folder if this keeps happening"));
    }
    if (write_failures_ > 0) {
        notes.push_back(make_note(
            where, fmt::format("{} cache entr{} could not be written; the next build parses {} "
                               "again",
                               write_failures_.load(), write_failures_ == 1 ? "y" : "ies",
                               write_failures_ == 1 ? "that file" : "those files")));
    }
    return notes;
}

}  // namespace hindsight
