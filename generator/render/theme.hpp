// A theme: the default theme's files, each replaceable by a file of the same name in a user folder.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "core/diagnostic.hpp"

namespace hindsight {

struct Theme {
    // Relative name ("templates/home.mustache", "assets/style.css") to content.
    std::map<std::string, std::string> files;
    // Names taken from the user folder, so errors in them point at the right file.
    std::map<std::string, std::string> overridden_from;

    const std::string* find(const std::string& name) const;
    std::string display_path(const std::string& name) const;
};

struct ThemeResult {
    Theme theme;
    Diagnostics diagnostics;
};

ThemeResult load_theme(const std::optional<std::filesystem::path>& override_dir);

}  // namespace hindsight
