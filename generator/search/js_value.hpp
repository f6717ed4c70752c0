// JavaScript's view of JSON values: ToString (how lunr spells refs and field values) and the
// property-key order of objects.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <simdjson.h>

#include "search/tokenizer.hpp"

namespace hindsight::search {

// ToString(value): "null", "true", numbers as Number#toString (JSON integers are doubles first),
// arrays joined with "," (null elements as ""), objects as "[object Object]".
std::string js_to_string(simdjson::dom::element value);

// The value lunr.tokenizer gets from doc[field]: nothing for null or a missing field (nullopt),
// each element through lunr.utils.asString for an array, ToString for anything else.
FieldValue field_value(std::optional<simdjson::dom::element> value);
// The same into an existing value, reusing its strings' buffers.
void assign_field_value(std::optional<simdjson::dom::element> value, FieldValue& out);

// The number of a key that is an array index ("0".."4294967294", canonical decimal). Such keys
// come first, in numeric order, in Object.keys and JSON.stringify; all others keep insertion order.
std::optional<std::uint32_t> array_index(std::string_view key);

// True for the names a plain object inherits ("constructor", "toString", "__proto__", ...): lunr
// keeps fields in plain objects and reads doc[name], where such a name finds the inherited member.
bool is_object_prototype_member(std::string_view name);

}  // namespace hindsight::search
