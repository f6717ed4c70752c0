// Tests for search/js_number: Number#toString, its fast path for weights, Math.round's ties.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

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

TEST_CASE("Math.round is ceil, less one where that overshoots by more than a half", "[js_number]") {
    // js_round computes the ceiling without a branch or a library call; this is the definition.
    const auto reference = [](double value) {
        const double rounded = std::ceil(value);
        return rounded - 0.5 > value ? rounded - 1.0 : rounded;
    };
    std::vector<double> values = {0.0,        -0.0,     0.5,     -0.5,         1.5,
                                  -1.5,       0x1p52,   -0x1p52, 0x1p52 - 0.5, -(0x1p52 - 0.5),
                                  0x1p53 + 2, 1e300,    -1e300,  5e-324,       -5e-324,
                                  INFINITY,   -INFINITY};
    for (int i = -20000; i <= 20000; ++i) {
        values.push_back(i / 8.0);
        values.push_back(i * 0.001);
        values.push_back(i * 123.456789);
    }
    for (const double value : values) {
        INFO(value);
        const double expected = reference(value);
        CHECK(js_round(value) == expected);
        CHECK(std::signbit(js_round(value)) == std::signbit(expected));
    }
    CHECK(std::isnan(js_round(std::numeric_limits<double>::quiet_NaN())));
}

TEST_CASE("numbers written in place read as the appended ones", "[js_number]") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double largest = std::numeric_limits<double>::max();
    for (const double value :
         {0.0,    -0.0,      1.0,        3.336,        -0.812,   0.5,  0.05,
          0.005,  10.25,     99.999,     100.5,        1e16,     1e21, 1.5e-7,
          5e-324, 0.1 + 0.2, 123456.789, 4e12 + 0.001, -largest, nan,  1 / 0.0}) {
        std::string appended;
        append_json_number(appended, value);
        char buffer[kMaxJsonNumber];
        const std::string written(buffer, write_json_number(buffer, value));
        CHECK(written == appended);
    }
}

TEST_CASE("weights written from their thousandths print as the library prints them",
          "[js_number]") {
    // write_json_number prints k / 1000 straight from k, in front of EcmaScriptConverter (which
    // js_number_to_string uses alone, and which the lunr tests compare with V8): both must agree
    // on every value the fast path takes, and on its edges, where it must hand over.
    std::vector<double> values = {0.0,    -0.0,           4e12,    4e12 + 0.001, 3.999e12,
                                  0x1p42, 0x1p42 + 0.001, 1e15,    4e15,         0.0005,
                                  0.0015, 1e-7,           123.4565};
    for (int k = -200000; k <= 200000; ++k) {
        values.push_back(k / 1000.0);
    }
    for (std::uint64_t k = 1; k < 4000000000000000000ULL; k = k * 3 + 7) {
        values.push_back(static_cast<double>(k) / 1000);
        values.push_back(std::nextafter(static_cast<double>(k) / 1000, 0.0));
    }
    for (const double value : values) {
        INFO(value);
        char buffer[kMaxJsonNumber];
        const std::string written(buffer, write_json_number(buffer, value));
        CHECK(written == js_number_to_string(value));
    }
}
