// kainjow::mustache glue: JSON values become mustache data, partials become data entries.
#include "render/mustache_data.hpp"

#include <kainjow/mustache.hpp>

namespace hindsight {
namespace {

namespace mustache = kainjow::mustache;

mustache::data to_data(const nlohmann::json& value) {
    switch (value.type()) {
        case nlohmann::json::value_t::object: {
            mustache::data object{mustache::data::type::object};
            for (const auto& [key, item] : value.items()) {
                object.set(key, to_data(item));
            }
            return object;
        }
        case nlohmann::json::value_t::array: {
            mustache::data list{mustache::data::type::list};
            for (const auto& item : value) {
                list.push_back(to_data(item));
            }
            return list;
        }
        case nlohmann::json::value_t::string:
            return mustache::data{value.get<std::string>()};
        case nlohmann::json::value_t::boolean:
            return mustache::data{value.get<bool>()};
        case nlohmann::json::value_t::null:
            return mustache::data{false};
        default:
            return mustache::data{value.dump()};
    }
}

}  // namespace

TemplateOutput render_template(const std::string& template_text, const nlohmann::json& view,
                               const std::map<std::string, std::string>& partials) {
    mustache::mustache tmpl{template_text};
    if (!tmpl.is_valid()) {
        return {{}, tmpl.error_message()};
    }
    mustache::data data = to_data(view);
    for (const auto& [name, text] : partials) {
        const std::string* partial_text = &text;
        data.set(name, mustache::partial{[partial_text] { return *partial_text; }});
    }
    std::string output = tmpl.render(data);
    if (!tmpl.is_valid()) {
        return {{}, tmpl.error_message()};
    }
    return {std::move(output), {}};
}

}  // namespace hindsight
