// Tests for search/js_number: Number#toString's layout and Math.round's ties.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "search/js_number.hpp"

using namespace hindsight::search;

TEST_CASE("numbers print as JavaScript prints them", "[js_number]") {
    CHECK(js_number_to_string(2) == "2");
    CHECK(js_number_to_string(3.336) == "3.336");
    CHECK(js_number_to_string(0.001) == "0.001");
    CHECK(js_number_to_string(-0.812) == "-0.812");
    CHECK(js_number_to_string(-0.0) == "0");
    CHECK(js_number_to_string(100000) == "100000");
    CHECK(js_number_to_string(1e16) == "10000000000000000");
    CHECK(js_number_to_string(1e21) == "1e+21");
    CHECK(js_number_to_string(1.5e21) == "1.5e+21");
    CHECK(js_number_to_string(1e-7) == "1e-7");
    CHECK(js_number_to_string(1.5e-7) == "1.5e-7");
    CHECK(js_number_to_string(0.000001) == "0.000001");
    CHECK(js_number_to_string(0.1 + 0.2) == "0.30000000000000004");
    // The closest of the 17-digit candidates, as node prints it.
    CHECK(js_number_to_string(123456789012345678901234.0) == "1.2345678901234569e+23");
    CHECK(js_number_to_string(5e-324) == "5e-324");
    CHECK(js_number_to_string(std::numeric_limits<double>::quiet_NaN()) == "NaN");
    CHECK(js_number_to_string(-INFINITY) == "-Infinity");
}

TEST_CASE("JSON numbers write null for what JSON cannot hold", "[js_number]") {
    std::string out;
    append_json_number(out, std::numeric_limits<double>::quiet_NaN());
    out += ',';
    append_json_number(out, 12);
    CHECK(out == "null,12");
}

TEST_CASE("Math.round rounds ties up, toward +infinity", "[js_number]") {
    CHECK(js_round(2.5) == 3);
    CHECK(js_round(-2.5) == -2);
    CHECK(js_round(-2.6) == -3);
    CHECK(js_round(0.49999999999999994) == 0);
    CHECK(js_round(3335.50962690522) == 3336);
    CHECK(std::signbit(js_round(-0.2)));  // -0, which prints as 0
}
