// kainjow::mustache glue: JSON values become mustache data, partials become data entries.
#include "render/mustache_data.hpp"

#include <kainjow/mustache.hpp>

namespace hindsight {
namespace {

namespace mustache = kainjow::mustache;

// kainjow's set() and push_back() take a const reference and copy it, deeply; converting a view
// model level by level would then copy each subtree once per level above it, which dominated the
// rendering of list pages. So each child is moved into place: through operator[] for objects,
// and into the list's own vector for lists (the containers are this function's own, so writing
// through list_value() is sound). The view model is consumed: its strings are moved, not copied.
mustache::data to_data(nlohmann::json&& value) {
    switch (value.type()) {
        case nlohmann::json::value_t::object: {
            mustache::data object{mustache::data::type::object};
            for (auto& [key, item] : value.get_ref<nlohmann::json::object_t&>()) {
                object[key] = to_data(std::move(item));
            }
            return object;
        }
        case nlohmann::json::value_t::array: {
            mustache::data list{mustache::data::type::list};
            auto& items = const_cast<mustache::list&>(list.list_value());
            auto& array = value.get_ref<nlohmann::json::array_t&>();
            items.reserve(array.size());
            for (auto& item : array) {
                items.push_back(to_data(std::move(item)));
            }
            return list;
        }
        case nlohmann::json::value_t::string: {
            mustache::data text{mustache::data::type::string};
            const_cast<std::string&>(text.string_value()) =
                std::move(value.get_ref<std::string&>());
            return text;
        }
        case nlohmann::json::value_t::boolean:
            return mustache::data{value.get<bool>()};
        case nlohmann::json::value_t::null:
            return mustache::data{false};
        default:
            return mustache::data{value.dump()};
    }
}

constexpr int kMaxPartialDepth = 8;

// The template with each {{> name}} replaced by the partial's text (itself inlined), so that it
// is parsed once. A partial nested deeper than kMaxPartialDepth, and any partial in a template
// or of a template that changes the delimiters ({{=...=}}), keeps its tag: kainjow renders
// those itself, from the data's partials.
std::string inline_partials(std::string_view text,
                            const std::map<std::string, std::string>& partials, int depth = 0) {
    if (depth >= kMaxPartialDepth || text.find("{{=") != std::string_view::npos) {
        return std::string(text);
    }
    std::string out;
    std::size_t at = 0;
    while (true) {
        const std::size_t open = text.find("{{>", at);
        const std::size_t close = open == std::string_view::npos ? open : text.find("}}", open);
        if (close == std::string_view::npos) {
            out.append(text.substr(at));
            return out;
        }
        std::string_view name = text.substr(open + 3, close - open - 3);
        while (!name.empty() && name.front() == ' ') {
            name.remove_prefix(1);
        }
        while (!name.empty() && name.back() == ' ') {
            name.remove_suffix(1);
        }
        out.append(text.substr(at, open - at));
        const auto partial = partials.find(std::string(name));
        if (partial == partials.end()) {
            // An unknown partial renders as nothing, as in mustache.
        } else if (partial->second.find("{{=") != std::string::npos) {
            // Its delimiter change must not leak into the template around it.
            out.append(text.substr(open, close + 2 - open));
        } else {
            out += inline_partials(partial->second, partials, depth + 1);
        }
        at = close + 2;
    }
}

}  // namespace

struct TemplateCache::Compiled {
    explicit Compiled(const std::string& text) : tmpl(text) {}
    mustache::mustache tmpl;
};

TemplateCache::TemplateCache(const std::map<std::string, std::string>& partials)
    : partials_(partials) {}

TemplateCache::~TemplateCache() = default;

TemplateOutput TemplateCache::render(const std::string& template_text, nlohmann::json view) {
    auto& compiled = compiled_[&template_text];
    if (!compiled) {
        compiled = std::make_unique<Compiled>(inline_partials(template_text, partials_));
    }
    mustache::mustache& tmpl = compiled->tmpl;
    if (!tmpl.is_valid()) {
        return {{}, tmpl.error_message()};
    }
    mustache::data data = to_data(std::move(view));
    // Partials kainjow renders itself are data entries named after them: a view key of the same
    // name ("pager") is hidden by the partial, so view models never use a partial's name.
    for (const auto& [name, text] : partials_) {
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
