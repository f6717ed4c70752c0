// Number#toString laid out from the shortest round-trip digits of std::to_chars.
#include "search/js_number.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
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

// Every weight lunr writes is Math.round(x * 1000) / 1000, the double nearest some k / 1000.
// For those below 2^42 (a unit in the last place under 0.001) the decimal k / 1000 is the only
// candidate with so few digits that rounds to the value, so it is the shortest round-trip form,
// and JavaScript lays it out plainly: the digits print straight from k, several times faster.
bool append_thousandths(std::string& out, double value) {
    const double k = std::nearbyint(value * 1000);
    if (!(std::fabs(k) < 4e15) || k / 1000 != value) {
        return false;
    }
    // Written into a local buffer and appended once: this runs for every vector element.
    char buffer[24];
    char* end = buffer;
    if (k < 0) {
        *end++ = '-';
    }
    const auto units = static_cast<std::uint64_t>(std::fabs(k));
    end = std::to_chars(end, buffer + sizeof buffer, units / 1000).ptr;
    if (const auto fraction = static_cast<unsigned>(units % 1000); fraction != 0) {
        *end++ = '.';
        *end++ = static_cast<char>('0' + fraction / 100);
        if (fraction % 100 != 0) {
            *end++ = static_cast<char>('0' + fraction / 10 % 10);
            if (fraction % 10 != 0) {
                *end++ = static_cast<char>('0' + fraction % 10);
            }
        }
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

}  // namespace hindsight::search
