// ToString of JSON values and array-index keys, as ECMA-262 defines them.
#include "search/js_value.hpp"

#include <algorithm>
#include <array>

#include "search/js_number.hpp"

namespace hindsight::search {
namespace {

// lunr.utils.asString: ToString, except that null (and undefined) give "".
std::string as_string(const nlohmann::json& value) {
    return value.is_null() ? std::string() : js_to_string(value);
}

std::string join(const nlohmann::json& array) {
    std::string out;
    bool first = true;
    for (const auto& element : array) {
        if (!first) {
            out += ',';
        }
        first = false;
        out += as_string(element);  // Array.prototype.join also writes null elements as ""
    }
    return out;
}

}  // namespace

std::string js_to_string(const nlohmann::json& value) {
    switch (value.type()) {
        case nlohmann::json::value_t::null:
            return "null";
        case nlohmann::json::value_t::boolean:
            return value.get<bool>() ? "true" : "false";
        case nlohmann::json::value_t::string:
            return value.get_ref<const std::string&>();
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned:
        case nlohmann::json::value_t::number_float:
            // JSON.parse reads every number as a double, so large integers round first.
            return js_number_to_string(value.get<double>());
        case nlohmann::json::value_t::array:
            return join(value);
        default:
            return "[object Object]";
    }
}

FieldValue field_value(const nlohmann::json* value) {
    if (value == nullptr || value->is_null()) {
        return std::monostate{};
    }
    if (value->is_array()) {
        std::vector<std::string> items;
        items.reserve(value->size());
        for (const auto& element : *value) {
            items.push_back(as_string(element));
        }
        return items;
    }
    return js_to_string(*value);
}

std::optional<std::uint32_t> array_index(std::string_view key) {
    if (key.empty() || key.size() > 10 || (key.size() > 1 && key[0] == '0')) {
        return std::nullopt;
    }
    std::uint64_t number = 0;
    for (const char c : key) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        number = number * 10 + static_cast<std::uint64_t>(c - '0');
    }
    // 2^32 - 1 is not an array index: the largest array length is.
    if (number >= 4294967295ULL) {
        return std::nullopt;
    }
    return static_cast<std::uint32_t>(number);
}

bool is_object_prototype_member(std::string_view name) {
    // Object.getOwnPropertyNames(Object.prototype) in Node 20.
    static constexpr std::array<std::string_view, 12> kMembers = {
        "__defineGetter__", "__defineSetter__", "__lookupGetter__",
        "__lookupSetter__", "__proto__",        "constructor",
        "hasOwnProperty",   "isPrototypeOf",    "propertyIsEnumerable",
        "toLocaleString",   "toString",         "valueOf"};
    return std::find(kMembers.begin(), kMembers.end(), name) != kMembers.end();
}

}  // namespace hindsight::search
