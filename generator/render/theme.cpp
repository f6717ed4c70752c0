// Theme lookup: user folder first, then the embedded default theme, like Hugo's lookup order.
#include "render/theme.hpp"

#include <fmt/format.h>

#include "core/file_system.hpp"
#include "render/embedded_theme.hpp"

namespace fs = std::filesystem;

namespace hindsight {

const std::string* Theme::find(const std::string& name) const {
    const auto it = files.find(name);
    return it == files.end() ? nullptr : &it->second;
}

std::string Theme::display_path(const std::string& name) const {
    const auto it = overridden_from.find(name);
    return it == overridden_from.end() ? "themes/default/" + name : it->second;
}

ThemeResult load_theme(const std::optional<fs::path>& override_dir) {
    ThemeResult result;
    for (const auto& file : render::embedded_theme()) {
        result.theme.files.emplace(std::string(file.name), std::string(file.content));
    }
    if (!override_dir) {
        return result;
    }
    std::error_code ec;
    if (!fs::is_directory(*override_dir, ec)) {
        result.diagnostics.push_back(make_error({override_dir->generic_string()},
                                                "theme folder does not exist",
                                                "pass a folder laid out like themes/default"));
        return result;
    }
    for (fs::recursive_directory_iterator it(*override_dir, ec), end; !ec && it != end;
         it.increment(ec)) {
        if (!it->is_regular_file(ec)) {
            continue;
        }
        const std::string name = fs::relative(it->path(), *override_dir, ec).generic_string();
        if (name.empty() || name[0] == '.') {
            continue;
        }
        const std::string display = it->path().generic_string();
        auto read = read_file(it->path());
        if (!read.bytes) {
            result.diagnostics.push_back(
                make_error({display}, fmt::format("cannot read theme file: {}", read.error)));
            continue;
        }
        result.theme.files[name] = std::move(*read.bytes);
        result.theme.overridden_from[name] = display;
    }
    if (ec) {
        result.diagnostics.push_back(
            make_error({override_dir->generic_string()},
                       fmt::format("cannot read theme folder: {}", ec.message())));
    }
    return result;
}

}  // namespace hindsight
