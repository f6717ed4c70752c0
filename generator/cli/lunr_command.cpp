// `hindsight lunr`: a JSON array of documents in, a lunr 2.3.9 index out; a drop-in for a
// lunr.js build script.
#include <fcntl.h>
#include <malloc.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/print_diagnostics.hpp"
#include "search/js_value.hpp"
#include "search/lunr.hpp"

namespace hindsight {
namespace {

struct LunrOptions {
    std::string input = "-";
    std::string ref = "id";
    std::vector<std::string> fields;  // NAME or NAME:BOOST
    std::optional<std::string> doc_boost;
};

struct Problem {
    std::string message;
    std::string hint;
};

// NAME[:BOOST]: the boost is what follows the last ':', so "a:b:2" is the field "a:b".
std::optional<Problem> parse_field(const std::string& spec, search::LunrField& field) {
    field = {spec, 1};
    const auto colon = spec.rfind(':');
    if (colon != std::string::npos) {
        const std::string boost = spec.substr(colon + 1);
        char* end = nullptr;
        errno = 0;
        const double value = std::strtod(boost.c_str(), &end);
        if (boost.empty() || *end != '\0' || errno == ERANGE || !std::isfinite(value)) {
            return Problem{fmt::format("--field {}: the boost \"{}\" is not a number", spec, boost),
                           "write NAME or NAME:BOOST, for example --field title:10; a name "
                           "containing ':' needs an explicit boost (--field a:b:1)"};
        }
        field = {spec.substr(0, colon), value};
    }
    if (auto problem = search::field_name_problem(field.name)) {
        return Problem{fmt::format("--field {}: {}", spec, *problem), {}};
    }
    return std::nullopt;
}

// doc[name] on a document that lacks the member finds Object.prototype's in lunr.js.
std::optional<Problem> member_name_problem(const char* option, const std::string& name) {
    if (search::is_object_prototype_member(name)) {
        return Problem{fmt::format("{} {}: \"{}\" is a member of JavaScript's Object.prototype, "
                                   "which lunr.js would read from documents that lack it",
                                   option, name, name),
                       "rename that field in the documents"};
    }
    return std::nullopt;
}

std::optional<Problem> make_schema(const LunrOptions& options, search::DocumentSchema& schema) {
    schema.ref = options.ref;
    schema.boost_field = options.doc_boost;
    if (auto problem = member_name_problem("--ref", options.ref)) {
        return problem;
    }
    if (options.doc_boost) {
        if (auto problem = member_name_problem("--doc-boost", *options.doc_boost)) {
            return problem;
        }
    }
    for (const auto& spec : options.fields) {
        search::LunrField field;
        if (auto problem = parse_field(spec, field)) {
            return problem;
        }
        schema.fields.push_back(std::move(field));
    }
    return std::nullopt;
}

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
std::optional<std::string> read_input(const std::string& input, simdjson::padded_string& text) {
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

// "path:line:col: message", the place first as in every diagnostic.
std::string located(const Diagnostic& d) {
    std::string where = d.location.path;
    if (d.location.line > 0) {
        where += fmt::format(":{}:{}", d.location.line, d.location.column);
    }
    return fmt::format("{}: {}", where, d.message);
}

// Every problem is reported, up to a screenful: a file of 10,000 documents without refs
// needs one message, not 10,000.
void print_document_problems(const Diagnostics& diagnostics) {
    constexpr std::size_t kShown = 20;
    for (std::size_t i = 0; i < diagnostics.size() && i < kShown; ++i) {
        print_tool_error(located(diagnostics[i]), diagnostics[i].hint);
    }
    if (diagnostics.size() > kShown) {
        print_tool_error(fmt::format("{} more problems like these; no index was written",
                                     diagnostics.size() - kShown));
    }
}

int run_lunr(const LunrOptions& options) {
    search::DocumentSchema schema;
    if (auto problem = make_schema(options, schema)) {
        print_tool_error(problem->message, problem->hint);
        return 2;
    }
    simdjson::padded_string text;
    if (auto error = read_input(options.input, text)) {
        print_tool_error(*error);
        return 2;
    }
    const std::string path = options.input == "-" ? "<stdin>" : options.input;
    bool written = true;
    const Diagnostics problems =
        search::build_lunr_index_from_json(text, path, schema, [&](std::string_view chunk) {
            written = written && std::fwrite(chunk.data(), 1, chunk.size(), stdout) == chunk.size();
        });
    if (!problems.empty()) {
        print_document_problems(problems);
        return 2;
    }
    if (!written || std::fflush(stdout) != 0) {
        print_tool_error(fmt::format("cannot write the index: {}", std::strerror(errno)));
        return 2;
    }
    return 0;
}

}  // namespace

void add_lunr_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<LunrOptions>();
    CLI::App* cmd = app.add_subcommand(
        "lunr", "Build a lunr.js 2.3.9 search index from a JSON array of documents");
    cmd->add_option("docs", options->input,
                    "JSON file holding an array of document objects ('-': standard input)")
        ->capture_default_str();
    cmd->add_option("--ref", options->ref, "Document field whose value identifies a document")
        ->capture_default_str();
    cmd->add_option("--field", options->fields,
                    "Field to index, NAME or NAME:BOOST, in lunr's field order; repeat it")
        ->required()
        ->allow_extra_args(false)  // one NAME per --field, so `--field body docs.json` works
        ->type_name("NAME[:BOOST]");
    cmd->add_option("--doc-boost", options->doc_boost,
                    "Document field holding a number that boosts the whole document");
    cmd->footer(
        "The index is written to standard output, byte for byte what JSON.stringify(idx) gives "
        "for the same documents in lunr.js 2.3.9; load it with lunr.Index.load.");
    cmd->callback([options, &exit_code] { exit_code = run_lunr(*options); });
}

}  // namespace hindsight
