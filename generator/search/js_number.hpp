// JavaScript number semantics lunr's output depends on: Number#toString and Math.round.
#pragma once

#include <cmath>
#include <string>

namespace hindsight::search {

// Number::toString (ECMA-262 6.1.6.1.20), as String(x) and JSON.stringify print a number:
// shortest round-trip digits, "2" not "2.0", "1e+21", "1e-7", "-0" as "0", "NaN", "Infinity".
std::string js_number_to_string(double value);

// Appends what JSON.stringify writes for a number: as above, but null for NaN and infinities.
void append_json_number(std::string& out, double value);

// Math.round: the nearest integer, ties toward +infinity (std::round breaks ties away from zero).
inline double js_round(double value) {
    double rounded = std::ceil(value);
    if (rounded - 0.5 > value) {
        rounded -= 1.0;
    }
    return rounded;
}

}  // namespace hindsight::search
