// libFuzzer target: any bytes as `hindsight lunr`'s docs.json, through the document reader
// (read(2) into simdjson's padded buffer, simdjson, the nlohmann fallback) and the index it builds.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "search/document_input.hpp"
#include "search/lunr.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // The input goes through a file, as `hindsight lunr docs.json` reads it.
    static const int fd = ::memfd_create("docs.json", 0);
    if (fd < 0 || ::ftruncate(fd, 0) != 0 || ::pwrite(fd, data, size, 0) != ssize_t(size)) {
        std::abort();
    }
    simdjson::padded_string text;
    if (hindsight::search::read_document_input("/proc/self/fd/" + std::to_string(fd), text)) {
        std::abort();  // a memory file is always readable
    }
    if (text.size() != size) {
        std::abort();
    }
    hindsight::search::DocumentSchema schema;
    schema.ref = "id";
    schema.fields = {{"title", 10}, {"body", 1}};
    schema.boost_field = "boost";
    // Inputs of odd length also keep every token's metadata, the builder's other path.
    hindsight::search::BuilderOptions options;
    if (size % 2 == 1) {
        options.metadata_whitelist = {"position", "index", "fields"};
    }
    std::size_t written = 0;
    (void)hindsight::search::build_lunr_index_from_json(
        text, "docs.json", schema, options,
        [&](std::string_view chunk) { written += chunk.size(); });
    return 0;
}
