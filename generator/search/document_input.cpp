// Reading `hindsight lunr`'s input fast: the heap sized for the run, and read(2) straight into
// simdjson's padded buffer.
#include "search/document_input.hpp"

#include <fcntl.h>
#include <malloc.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

namespace hindsight::search {
namespace {

// Indexing a large file touches a few times its size in fresh memory, and with 4 KiB pages a
// fifth of the run went to page faults. So the heap is grown once, up front, by an estimate of
// the peak, and marked for transparent huge pages (which the kernel may give on request); blocks
// up to 32 MiB (glibc's largest threshold) come from the heap rather than mappings of their own,
// and freed memory stays there for reuse. Linux and glibc only; elsewhere, or if a call fails,
// nothing changes but the speed.
void prepare_heap(std::size_t input_bytes) {
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
    if (input_bytes < (std::size_t{1} << 20)) {
        return;  // small inputs run in milliseconds either way
    }
    const std::size_t peak = 5 * input_bytes;  // measured: 4 to 5 times the input
    ::mallopt(M_MMAP_THRESHOLD, 32 << 20);
    ::mallopt(M_TRIM_THRESHOLD, INT_MAX);  // the process ends soon after anyway
    ::mallopt(M_TOP_PAD, static_cast<int>(std::min<std::size_t>(peak, INT_MAX)));
    const auto before = reinterpret_cast<std::uintptr_t>(::sbrk(0));
    void* block = std::malloc(kHugePage);  // grows the heap by the pad
    if (block != nullptr) {
        *static_cast<volatile char*>(block) = 0;  // used, or the compiler drops malloc and free
    }
    const auto after = reinterpret_cast<std::uintptr_t>(::sbrk(0));
    const std::uintptr_t start = (before + kHugePage - 1) & ~(kHugePage - 1);
    const std::uintptr_t end = after & ~(kHugePage - 1);
    if (end > start) {
        // The heap's addresses rounded to huge pages are integers by nature: no pointer to cast.
        // NOLINTNEXTLINE(performance-no-int-to-ptr)
        ::madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE);
    }
    std::free(block);
#else
    (void)input_bytes;
#endif
}

// read(2) until the buffer is full or the input ends: the number of bytes read, or -1.
ssize_t read_up_to(int fd, char* data, std::size_t size) {
    std::size_t done = 0;
    while (done < size) {
        const ssize_t got = ::read(fd, data + done, size - done);
        if (got == 0) {
            break;
        }
        if (got < 0 && errno != EINTR) {
            return -1;
        }
        done += static_cast<std::size_t>(std::max<ssize_t>(got, 0));
    }
    return static_cast<ssize_t>(done);
}

// Appends whatever is left to read; false on a read error.
bool read_rest(int fd, std::string& out) {
    char chunk[1 << 16];
    for (;;) {
        const ssize_t got = read_up_to(fd, chunk, sizeof chunk);
        if (got < 0) {
            return false;
        }
        out.append(chunk, static_cast<std::size_t>(got));
        if (got < static_cast<ssize_t>(sizeof chunk)) {
            return true;
        }
    }
}

// The whole input, with the padding simdjson reads past the end. A file is read straight into
// a buffer of its size (iostreams, or a std::string's zero-filling, take several times longer on
// the large files this command is for); a pipe, of unknown size, is gathered first.
}  // namespace

std::optional<std::string> read_document_input(const std::string& input,
                                               simdjson::padded_string& text) {
    const bool from_stdin = input == "-";
    const std::string name = from_stdin ? "standard input" : input;
    const int fd = from_stdin ? STDIN_FILENO : ::open(input.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return fmt::format("cannot read {}: {}", name, std::strerror(errno));
    }
    struct stat status {};
    const bool regular = ::fstat(fd, &status) == 0 && S_ISREG(status.st_mode);
    bool ok = true;
    std::size_t size = 0;
    if (regular) {
        prepare_heap(static_cast<std::size_t>(status.st_size));
        text = simdjson::padded_string(static_cast<std::size_t>(status.st_size));
        const ssize_t got = read_up_to(fd, text.data(), text.size());
        ok = got >= 0;
        size = static_cast<std::size_t>(std::max<ssize_t>(got, 0));
    }
    std::string rest;  // a pipe's bytes, or what a file gained while it was read
    if (ok && (!regular || size == text.size())) {
        ok = read_rest(fd, rest);
    }
    const int error = errno;
    if (!from_stdin) {
        ::close(fd);
    }
    if (!ok) {
        return fmt::format("cannot read {}: {}", name, std::strerror(error));
    }
    if (!regular || !rest.empty() || size != text.size()) {
        rest.insert(0, regular ? std::string_view(text.data(), size) : std::string_view());
        text = simdjson::padded_string(rest);
    }
    return std::nullopt;
}

}  // namespace hindsight::search
