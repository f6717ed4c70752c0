// Number#toString through double-conversion's EcmaScriptConverter, V8's own number printer.
#include "search/js_number.hpp"

#include <double-conversion/double-to-string.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace hindsight::search {
namespace {

// The longest text is 25 bytes ("-0.0000033333333333333333"); the builder adds a NUL after it.
static_assert(kMaxJsonNumber >
              double_conversion::DoubleToStringConverter::kMaxCharsEcmaScriptShortest);

// EcmaScriptConverter is V8's Number::toString: shortest round-trip digits (the closest of
// several candidates), plain between 1e-7 and 1e21, "1e+21", "-0" as "0", "NaN", "Infinity".
// Writes at `to`, which has room for kMaxJsonNumber bytes, and returns the end of the text.
char* write_js_number(char* to, double value) {
    // The builder also writes a terminating NUL after the text, so it gets the whole room.
    double_conversion::StringBuilder builder(to, static_cast<int>(kMaxJsonNumber));
    double_conversion::DoubleToStringConverter::EcmaScriptConverter().ToShortest(value, &builder);
    const int length = builder.position();
    builder.Finalize();
    return to + length;
}

// std::nearbyint in the default rounding mode, without its library call (this runs for every
// vector element): a double of at least 2^52 has no room for a fraction, so adding 2^52 rounds
// to the nearest integer, ties to even, and subtracting it again is exact.
double round_to_even(double x) {
    if (!(std::fabs(x) < 0x1p52)) {
        return x;  // already an integer, or NaN or infinite
    }
    constexpr double kShift = 0x1p52;  // compilers keep IEEE order without -ffast-math
    return std::copysign((std::fabs(x) + kShift) - kShift, x);
}

// Every weight lunr writes is Math.round(x * 1000) / 1000, the double nearest some k / 1000.
// For those below 2^42 (a unit in the last place under 0.001) the decimal k / 1000 is the only
// candidate with so few digits that rounds to the value, so it is the shortest round-trip form,
// and JavaScript lays it out plainly: the digits print straight from k. It is kept beside the
// library because the serializer writes millions of weights: on 10,000 documents (bench/lunr's
// generator, 2.7 million weights) `hindsight lunr` took 0.40 s of CPU with EcmaScriptConverter
// alone and 0.29 s with this path in front of it, the same as before the library was used.
// Writes them at `to` (room for 25 bytes) and returns their end, or nullptr for other values.
char* write_thousandths(char* to, double value) {
    const double k = round_to_even(value * 1000);
    if (!(std::fabs(k) < 4e15) || k / 1000 != value) {
        return nullptr;
    }
    if (k < 0) {
        *to++ = '-';
    }
    const auto units = static_cast<std::uint64_t>(std::fabs(k));
    const std::uint64_t whole = units / 1000;
    if (whole < 100) {  // most weights: one digit or two, written without a branch on which
        to[0] = static_cast<char>(whole < 10 ? '0' + whole : '0' + whole / 10);
        to[1] = static_cast<char>('0' + whole % 10);
        to += whole < 10 ? 1 : 2;
    } else {
        to = std::to_chars(to, to + 20, whole).ptr;
    }
    // '.' and the three decimals, always written; kept up to the last non-zero one, or none for
    // a whole number. How many is as good as random, so it is counted, not branched on.
    const auto fraction = static_cast<unsigned>(units % 1000);
    to[0] = '.';
    to[1] = static_cast<char>('0' + fraction / 100);
    to[2] = static_cast<char>('0' + fraction / 10 % 10);
    to[3] = static_cast<char>('0' + fraction % 10);
    const unsigned kept = 2 + (fraction % 100 != 0 ? 1 : 0) + (fraction % 10 != 0 ? 1 : 0);
    return to + (fraction != 0 ? kept : 0);
}

}  // namespace

std::string js_number_to_string(double value) {
    char buffer[kMaxJsonNumber];
    return std::string(buffer, write_js_number(buffer, value));
}

void append_json_number(std::string& out, double value) {
    char buffer[kMaxJsonNumber];
    out.append(buffer, write_json_number(buffer, value));
}

char* write_json_number(char* to, double value) {
    if (!std::isfinite(value)) {
        std::memcpy(to, "null", 4);
        return to + 4;
    }
    if (char* end = write_thousandths(to, value)) {
        return end;
    }
    return write_js_number(to, value);
}

}  // namespace hindsight::search
