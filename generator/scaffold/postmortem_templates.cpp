// Looking templates up: the site's folder first, then the ones compiled into the binary.
#include "scaffold/postmortem_templates.hpp"

#include <algorithm>
#include <set>
#include <system_error>

#include <fmt/format.h>

#include "core/file_system.hpp"
#include "scaffold/embedded_templates.hpp"

namespace fs = std::filesystem;

namespace hindsight {
namespace {

constexpr std::string_view kExtension = ".md";

std::string strip_extension(std::string_view name) {
    return std::string(name.substr(0, name.size() - kExtension.size()));
}

bool is_template_file(const std::string& name) {
    return name.size() > kExtension.size() &&
           name.compare(name.size() - kExtension.size(), kExtension.size(), kExtension) == 0;
}

}  // namespace

fs::path site_templates_dir(const fs::path& content) {
    return content / "_templates";
}

std::vector<std::string> template_names(const fs::path& content) {
    std::set<std::string> names;
    for (const auto& file : scaffold::embedded_templates()) {
        names.insert(strip_extension(file.name));
    }
    std::error_code ec;
    for (fs::directory_iterator it(site_templates_dir(content), ec), end; !ec && it != end;
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (is_template_file(name) && it->is_regular_file(ec)) {
            names.insert(strip_extension(name));
        }
    }
    return {names.begin(), names.end()};
}

TemplateLookup find_template(const fs::path& content, const std::string& name) {
    TemplateLookup lookup;
    // A name is a file name, never a path: "../x" must not reach outside the folder.
    const bool plain = !name.empty() && name.find('/') == std::string::npos && name[0] != '.';
    std::error_code ec;
    const fs::path own = site_templates_dir(content) / (name + std::string(kExtension));
    if (plain && fs::is_regular_file(own, ec)) {
        auto read = read_file(own);
        if (!read.bytes) {
            lookup.error =
                fmt::format("cannot read template {}: {}", own.generic_string(), read.error);
            return lookup;
        }
        lookup.found = PostmortemTemplate{name, std::move(*read.bytes), own.generic_string()};
        return lookup;
    }
    const auto& shipped = scaffold::embedded_templates();
    const auto it = std::find_if(shipped.begin(), shipped.end(), [&](const auto& file) {
        return plain && file.name == name + std::string(kExtension);
    });
    if (it == shipped.end()) {
        std::string known;
        for (const auto& n : template_names(content)) {
            known += known.empty() ? n : ", " + n;
        }
        lookup.error = fmt::format("no template named '{}' (known: {})", name, known);
        return lookup;
    }
    lookup.found = PostmortemTemplate{name, std::string(it->content), "built in"};
    return lookup;
}

}  // namespace hindsight
