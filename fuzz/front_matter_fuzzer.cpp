// libFuzzer target: any bytes as YAML, through the guard that must refuse what could exhaust
// yaml-cpp and the readers behind it: front matter (fences, tabs, yaml_guard, every field) and
// hindsight.yaml, which shares the guard.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "config/site_config.hpp"
#include "core/yaml_guard.hpp"
#include "parse/front_matter.hpp"
#include "parse/parse_postmortem.hpp"

namespace {

// A view that must lie within `whole`; anything else is a bug in the splitter.
void require_inside(std::string_view part, std::string_view whole) {
    if (!part.empty() &&
        (part.data() < whole.data() || part.data() + part.size() > whole.data() + whole.size())) {
        std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);

    // The bytes as a whole file: the fences.
    const hindsight::FrontMatterSplit split = hindsight::split_front_matter(bytes);
    require_inside(split.yaml, bytes);
    require_inside(split.body, bytes);
    (void)hindsight::find_indentation_tab(bytes);
    (void)hindsight::check_yaml_limits(bytes);

    // The bytes as hindsight.yaml, and as the front matter of a postmortem.
    (void)hindsight::parse_site_config("hindsight.yaml", bytes);
    static const hindsight::SiteConfig config;
    const hindsight::SourceFile file{"fuzz.md", "content/fuzz.md",
                                     "---\n" + std::string(bytes) + "\n---\nText.\n"};
    (void)hindsight::parse_postmortem(file, config, {true});
    return 0;
}
