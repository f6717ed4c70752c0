// Number#toString laid out from the shortest round-trip digits of std::to_chars.
#include "search/js_number.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <system_error>

namespace hindsight::search {
namespace {

// The shortest digits d1..dk and the exponent n with value = 0.d1..dk * 10^n, the (k, n) of the
// ECMAScript algorithm. libstdc++'s to_chars (Ryu) gives the shortest round-trip digits, choosing
// the one closest to the value when several have k digits, as ECMAScript requires. {fmt}'s "{}"
// gives the same digits, but lays them out its own way (1e+16 where JavaScript writes
// 10000000000000000), so either way the layout below is needed; to_chars saves parsing fmt's.
struct Decimal {
    std::string digits;
    int exponent = 0;
};

Decimal shortest_decimal(double magnitude) {
    char buffer[32];
    const auto result =
        std::to_chars(buffer, buffer + sizeof buffer, magnitude, std::chars_format::scientific);
    const std::string_view text(buffer, static_cast<std::size_t>(result.ptr - buffer));
    // "d.ddde+XX" or "de+XX".
    const auto e = text.find('e');
    Decimal decimal;
    for (const char c : text.substr(0, e)) {
        if (c != '.') {
            decimal.digits += c;
        }
    }
    int scientific_exponent = 0;
    const std::string_view exponent_text = text.substr(e + 1);
    const char* first = exponent_text.data() + (exponent_text.front() == '+' ? 1 : 0);
    std::from_chars(first, exponent_text.data() + exponent_text.size(), scientific_exponent);
    decimal.exponent = scientific_exponent + 1;
    return decimal;
}

void append_layout(std::string& out, const Decimal& d) {
    const int k = static_cast<int>(d.digits.size());
    const int n = d.exponent;
    if (k <= n && n <= 21) {
        out += d.digits;
        out.append(static_cast<std::size_t>(n - k), '0');
    } else if (0 < n && n <= 21) {
        out.append(d.digits, 0, static_cast<std::size_t>(n));
        out += '.';
        out.append(d.digits, static_cast<std::size_t>(n));
    } else if (-6 < n && n <= 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-n), '0');
        out += d.digits;
    } else {
        out += d.digits[0];
        if (k > 1) {
            out += '.';
            out.append(d.digits, 1);
        }
        out += 'e';
        out += n - 1 < 0 ? '-' : '+';
        out += std::to_string(std::abs(n - 1));
    }
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
// and JavaScript lays it out plainly: the digits print straight from k, several times faster.
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

bool append_thousandths(std::string& out, double value) {
    char buffer[25];  // written locally and appended once: this runs for every vector element
    char* end = write_thousandths(buffer, value);
    if (end == nullptr) {
        return false;
    }
    out.append(buffer, end);
    return true;
}

void append_finite(std::string& out, double value) {
    if (value == 0) {
        out += '0';  // also -0
        return;
    }
    if (append_thousandths(out, value)) {
        return;
    }
    if (value < 0) {
        out += '-';
    }
    append_layout(out, shortest_decimal(std::fabs(value)));
}

}  // namespace

std::string js_number_to_string(double value) {
    if (std::isnan(value)) {
        return "NaN";
    }
    if (std::isinf(value)) {
        return value < 0 ? "-Infinity" : "Infinity";
    }
    std::string out;
    append_finite(out, value);
    return out;
}

void append_json_number(std::string& out, double value) {
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    append_finite(out, value);
}

char* write_json_number(char* to, double value) {
    if (value != 0 && std::isfinite(value)) {
        if (char* end = write_thousandths(to, value)) {
            return end;
        }
    }
    std::string text;
    append_json_number(text, value);
    std::memcpy(to, text.data(), text.size());
    return to + text.size();
}

}  // namespace hindsight::search
