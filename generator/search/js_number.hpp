// JavaScript number semantics lunr's output depends on: Number#toString and Math.round.
#pragma once

#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

namespace hindsight::search {

// Number::toString (ECMA-262 6.1.6.1.20), as String(x) and JSON.stringify print a number:
// shortest round-trip digits, "2" not "2.0", "1e+21", "1e-7", "-0" as "0", "NaN", "Infinity".
std::string js_number_to_string(double value);

// Appends what JSON.stringify writes for a number: as above, but null for NaN and infinities.
void append_json_number(std::string& out, double value);

// Room for any text append_json_number writes, whose longest is 25 bytes ("-0.00000" and 17
// digits), and for the NUL that double-conversion writes after it.
inline constexpr std::size_t kMaxJsonNumber = 32;

// The same text written at `to`, which has room for kMaxJsonNumber bytes; returns its end.
char* write_json_number(char* to, double value);

// Math.round: the nearest integer, ties toward +infinity (std::round breaks ties away from zero).
// It runs for every vector element, so it has no call and no branch on the value: std::ceil is a
// library call on baseline x86-64 (no SSE4.1 roundsd), and which way a score rounds is as good
// as random, so a branch on it was mispredicted half the time. Below 2^52, where doubles may have
// fractions, the ceiling is a truncation stepped up when below the value, with the value's sign
// (ceil(-0.5) is -0); above, and for NaN and infinities, the value is its own ceiling.
inline double js_round(double value) {
    // 1.0 or 0.0 by masking its bits: written as a conditional, it became a branch.
    const auto one_if = [](bool condition) {
        return std::bit_cast<double>(std::bit_cast<std::uint64_t>(1.0) &
                                     (std::uint64_t{0} - static_cast<std::uint64_t>(condition)));
    };
    double rounded = value;
    if (std::fabs(value) < 0x1p52) {
        const auto truncated = static_cast<double>(static_cast<long long>(value));
        rounded = std::copysign(truncated + one_if(truncated < value), value);
    }
    return rounded - one_if(rounded - 0.5 > value);  // -0 - 0 is still -0
}

}  // namespace hindsight::search
