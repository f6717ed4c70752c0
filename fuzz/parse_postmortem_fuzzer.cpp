// libFuzzer target: any bytes as a postmortem file, through parse_postmortem (decode, front
// matter, yaml-cpp, cmark-gfm, HTML sanitizing and every extractor), as `hindsight build` runs it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "parse/parse_postmortem.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const hindsight::SiteConfig config;
    const hindsight::SourceFile file{"fuzz.md", "content/fuzz.md",
                                     std::string(reinterpret_cast<const char*>(data), size)};
    // Strict mode only adds checks; the input's length picks it, so a saved input replays the
    // same way.
    const hindsight::ParseOptions options{size % 2 == 1};
    const hindsight::ParseResult result = hindsight::parse_postmortem(file, config, options);
    // Formatting every diagnostic covers the paths and hints an error message is built from.
    for (const auto& diagnostic : result.diagnostics) {
        (void)hindsight::format_diagnostic(diagnostic);
    }
    return 0;
}
