// UTF-8 <-> UTF-16: lunr works on JavaScript strings, which are sequences of UTF-16 code units.
#pragma once

#include <string>
#include <string_view>

namespace hindsight::search {

// Invalid UTF-8 becomes U+FFFD, one per maximal subpart (Unicode's recommended practice, which the
// WHATWG decoder Node uses follows too).
std::u16string to_utf16(std::string_view utf8);
void to_utf16(std::string_view utf8, std::u16string& out);  // reusing out's buffer

// Lone surrogates (which valid UTF-8 cannot carry) become U+FFFD.
std::string to_utf8(std::u16string_view utf16);

bool is_high_surrogate(char16_t unit);
bool is_low_surrogate(char16_t unit);

}  // namespace hindsight::search
