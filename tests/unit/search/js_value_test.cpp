// Tests for search/js_value: ToString of JSON values, and which keys are array indices.
#include <catch2/catch.hpp>

#include "search/js_value.hpp"

using namespace hindsight::search;

namespace {

// ToString of the one value in a JSON array.
std::string to_string_of(const std::string& json) {
    simdjson::dom::parser parser;
    const simdjson::dom::array array = parser.parse(simdjson::padded_string(json));
    return js_to_string(array.at(0));
}

}  // namespace

TEST_CASE("JSON values convert to strings as JavaScript's ToString does", "[js_value]") {
    CHECK(to_string_of("[42]") == "42");
    CHECK(to_string_of("[1e21]") == "1e+21");
    CHECK(to_string_of("[-0]") == "0");
    CHECK(to_string_of("[1.5]") == "1.5");
    CHECK(to_string_of("[9007199254740993]") == "9007199254740992");  // rounds as a double
    CHECK(to_string_of("[18446744073709551615]") == "18446744073709552000");
    CHECK(to_string_of("[true]") == "true");
    CHECK(to_string_of("[null]") == "null");
    CHECK(to_string_of("[[1, null, [2, [3]], \"x\"]]") == "1,,2,3,x");
    CHECK(to_string_of("[{\"a\": 1}]") == "[object Object]");
}

TEST_CASE("field values are what lunr.tokenizer receives", "[js_value]") {
    simdjson::dom::parser parser;
    const simdjson::dom::object doc = parser.parse(simdjson::padded_string(
        std::string_view(R"({"n": null, "a": [null, 1, "x", [2, 3]], "s": 1.5})")));
    CHECK(std::holds_alternative<std::monostate>(field_value(std::nullopt)));
    CHECK(std::holds_alternative<std::monostate>(field_value(doc["n"].value())));
    CHECK(std::get<std::vector<std::string>>(field_value(doc["a"].value())) ==
          std::vector<std::string>{"", "1", "x", "2,3"});
    CHECK(std::get<std::string>(field_value(doc["s"].value())) == "1.5");
}

TEST_CASE("array-index keys are canonical integers below 2^32 - 1", "[js_value]") {
    CHECK(array_index("0") == 0u);
    CHECK(array_index("10") == 10u);
    CHECK(array_index("4294967294") == 4294967294u);
    CHECK_FALSE(array_index("4294967295"));
    CHECK_FALSE(array_index("007"));
    CHECK_FALSE(array_index("-1"));
    CHECK_FALSE(array_index("1.5"));
    CHECK_FALSE(array_index(""));
    CHECK_FALSE(array_index("99999999999"));
}

TEST_CASE("Object.prototype's members are known", "[js_value]") {
    CHECK(is_object_prototype_member("constructor"));
    CHECK(is_object_prototype_member("__proto__"));
    CHECK_FALSE(is_object_prototype_member("title"));
}
