// ToString of JSON values and array-index keys, as ECMA-262 defines them.
#include "search/js_value.hpp"

#include <algorithm>
#include <array>

#include "search/js_number.hpp"

namespace hindsight::search {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

// lunr.utils.asString: ToString, except that null (and undefined) give "".
std::string as_string(element value) {
    return value.is_null() ? std::string() : js_to_string(value);
}

std::string join(simdjson::dom::array array) {
    std::string out;
    bool first = true;
    for (const element item : array) {
        if (!first) {
            out += ',';
        }
        first = false;
        out += as_string(item);  // Array.prototype.join also writes null elements as ""
    }
    return out;
}

}  // namespace

std::string js_to_string(element value) {
    switch (value.type()) {
        case element_type::NULL_VALUE:
            return "null";
        case element_type::BOOL:
            return bool(value) ? "true" : "false";
        case element_type::STRING:
            return std::string(std::string_view(value));
        case element_type::INT64:
            // JSON.parse reads every number as a double, so large integers round first.
            return js_number_to_string(static_cast<double>(int64_t(value)));
        case element_type::UINT64:
            return js_number_to_string(static_cast<double>(uint64_t(value)));
        case element_type::DOUBLE:
            return js_number_to_string(double(value));
        case element_type::ARRAY:
            return join(simdjson::dom::array(value));
        default:
            return "[object Object]";
    }
}

FieldValue field_value(std::optional<element> value) {
    FieldValue out;
    assign_field_value(value, out);
    return out;
}

void assign_field_value(std::optional<element> value, FieldValue& out) {
    if (!value || value->is_null()) {
        out = std::monostate{};
    } else if (value->is_array()) {
        if (!std::holds_alternative<std::vector<std::string>>(out)) {
            out = std::vector<std::string>();
        }
        auto& items = std::get<std::vector<std::string>>(out);
        items.clear();
        for (const element item : simdjson::dom::array(*value)) {
            items.push_back(as_string(item));
        }
    } else {
        if (!std::holds_alternative<std::string>(out)) {
            out = std::string();
        }
        auto& text = std::get<std::string>(out);
        if (value->is_string()) {
            text.assign(std::string_view(*value));
        } else {
            text = js_to_string(*value);
        }
    }
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
