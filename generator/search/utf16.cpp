// Conversions through ICU's UTF-8 codec, which substitutes U+FFFD the way the WHATWG decoder does.
#include "search/utf16.hpp"

#include <unicode/ustring.h>

#include "core/text.hpp"

namespace hindsight::search {

std::u16string to_utf16(std::string_view utf8) {
    std::u16string out;
    to_utf16(utf8, out);
    return out;
}

void to_utf16(std::string_view utf8, std::u16string& out) {
    // A UTF-8 sequence of n bytes never gives more than n UTF-16 code units.
    out.resize(utf8.size());
    int32_t length = 0;
    UErrorCode status = U_ZERO_ERROR;
    u_strFromUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &length, utf8.data(),
                         static_cast<int32_t>(utf8.size()), 0xFFFD, nullptr, &status);
    out.resize(U_SUCCESS(status) ? static_cast<std::size_t>(length) : 0);
}

std::string to_utf8(std::u16string_view utf16) {
    std::string out;
    out.reserve(utf16.size());
    for (std::size_t i = 0; i < utf16.size(); ++i) {
        const char16_t unit = utf16[i];
        if (is_high_surrogate(unit) && i + 1 < utf16.size() && is_low_surrogate(utf16[i + 1])) {
            append_utf8(out, 0x10000 + ((char32_t(unit) - 0xD800) << 10) + (utf16[++i] - 0xDC00));
        } else if (is_high_surrogate(unit) || is_low_surrogate(unit)) {
            append_utf8(out, 0xFFFD);
        } else {
            append_utf8(out, unit);
        }
    }
    return out;
}

bool is_high_surrogate(char16_t unit) {
    return unit >= 0xD800 && unit <= 0xDBFF;
}
bool is_low_surrogate(char16_t unit) {
    return unit >= 0xDC00 && unit <= 0xDFFF;
}

}  // namespace hindsight::search
