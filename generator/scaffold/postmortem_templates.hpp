// Postmortem templates by name: the shipped ones, overridden or added to by CONTENT/_templates/.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hindsight {

struct PostmortemTemplate {
    std::string name;    // "default", "google-sre", "pagerduty", "atlassian", or a site's own
    std::string text;    // Markdown, optionally opening with front matter of its own
    std::string origin;  // "built in", or the path of the site's file
};

// The folder of a site's own templates: CONTENT/_templates (discovery skips '_' folders, so
// templates are never built as postmortems).
std::filesystem::path site_templates_dir(const std::filesystem::path& content);

// Every template name, shipped and the site's (NAME.md in the site's folder), sorted.
std::vector<std::string> template_names(const std::filesystem::path& content);

struct TemplateLookup {
    std::optional<PostmortemTemplate> found;
    std::string error;  // why not: no such template, or the site's file could not be read
};

// The site's CONTENT/_templates/NAME.md when there is one, else the shipped template NAME.
TemplateLookup find_template(const std::filesystem::path& content, const std::string& name);

}  // namespace hindsight
