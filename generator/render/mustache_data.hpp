// Rendering a mustache template against a JSON view model, with the theme's partials.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace hindsight {

struct TemplateOutput {
    std::string text;
    std::string error;  // the template's own syntax error, empty on success
};

// partials: name ("head") to template text, reachable as {{> head}}.
TemplateOutput render_template(const std::string& template_text, const nlohmann::json& view,
                               const std::map<std::string, std::string>& partials);

}  // namespace hindsight
