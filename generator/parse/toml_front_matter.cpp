// Reads TOML with toml++ and writes each top-level key as one line of YAML flow (JSON) at the
// key's own line: a value spread over lines in TOML (an array, a [table]) keeps its first line.
#include "parse/toml_front_matter.hpp"

#include <cmath>
#include <sstream>
#include <vector>

#include <toml++/toml.h>
#include <nlohmann/json.hpp>

namespace hindsight {
namespace {

using nlohmann::json;

template <typename T>
std::string printed(const T& value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

json to_json(const toml::node& node) {
    if (const auto* table = node.as_table()) {
        json out = json::object();
        for (const auto& [key, value] : *table) {
            out[std::string(key.str())] = to_json(value);
        }
        return out;
    }
    if (const auto* array = node.as_array()) {
        json out = json::array();
        for (const auto& value : *array) {
            out.push_back(to_json(value));
        }
        return out;
    }
    if (const auto* text = node.as_string()) {
        return text->get();
    }
    if (const auto* integer = node.as_integer()) {
        return integer->get();
    }
    if (const auto* number = node.as_floating_point()) {
        const double value = number->get();
        return std::isfinite(value) ? json(value) : json(printed(*number));
    }
    if (const auto* boolean = node.as_boolean()) {
        return boolean->get();
    }
    // Dates, times and date-times as TOML writes them (2019-05-10T08:17:31Z), which the time
    // fields read as ISO 8601.
    if (const auto* day = node.as_date()) {
        return printed(day->get());
    }
    if (const auto* time = node.as_time()) {
        return printed(time->get());
    }
    if (const auto* moment = node.as_date_time()) {
        return printed(moment->get());
    }
    return nullptr;
}

}  // namespace

std::variant<std::string, TomlProblem> toml_as_yaml(std::string_view toml_text) {
    toml::table root;
    try {
        root = toml::parse(toml_text);
    } catch (const toml::parse_error& error) {
        return TomlProblem{static_cast<int>(error.source().begin.line),
                           static_cast<int>(error.source().begin.column),
                           std::string(error.description())};
    }
    std::vector<std::string> lines;
    for (const auto& [key, value] : root) {
        // A key's line; a later key on a line already taken (dotted keys of one table) goes
        // after it.
        std::size_t at = key.source().begin.line > 0 ? key.source().begin.line - 1 : lines.size();
        while (at < lines.size() && !lines[at].empty()) {
            ++at;
        }
        if (at >= lines.size()) {
            lines.resize(at + 1);
        }
        lines[at] = json(std::string(key.str())).dump() + ": " + to_json(value).dump();
    }
    std::string yaml;
    for (const auto& line : lines) {
        yaml += line;
        yaml += '\n';
    }
    return yaml;
}

}  // namespace hindsight
