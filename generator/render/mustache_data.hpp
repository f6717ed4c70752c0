// Rendering a mustache template against a JSON view model, with the theme's partials.
#pragma once

#include <map>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

namespace hindsight {

struct TemplateOutput {
    std::string text;
    std::string error;  // the template's own syntax error, empty on success
};

// Renders templates, each parsed once. partials: name ("head") to template text, reachable as
// {{> head}}; they are inlined into each template before it is parsed, since kainjow would parse
// a partial again at every inclusion (once per table row). Not thread-safe: one per thread.
class TemplateCache {
  public:
    explicit TemplateCache(const std::map<std::string, std::string>& partials);
    ~TemplateCache();
    TemplateCache(const TemplateCache&) = delete;
    TemplateCache& operator=(const TemplateCache&) = delete;

    // template_text must outlive the cache: it is remembered by address.
    TemplateOutput render(const std::string& template_text, nlohmann::json view);

  private:
    struct Compiled;
    const std::map<std::string, std::string>& partials_;
    std::map<const std::string*, std::unique_ptr<Compiled>> compiled_;
};

}  // namespace hindsight
