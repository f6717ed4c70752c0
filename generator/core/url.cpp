// The scheme allowlist shared by Markdown links, raw HTML, front-matter links and base_url.
#include "core/url.hpp"

#include <string>

#include "core/text.hpp"

namespace hindsight {

bool is_safe_url(std::string_view url, UrlUse use) {
    // Read the address as the WHATWG URL parser does before it looks for a scheme: C0 controls
    // and spaces at either end are dropped, and tabs and newlines anywhere.
    const auto is_c0_or_space = [](char c) { return static_cast<unsigned char>(c) <= 0x20; };
    while (!url.empty() && is_c0_or_space(url.front())) {
        url.remove_prefix(1);
    }
    while (!url.empty() && is_c0_or_space(url.back())) {
        url.remove_suffix(1);
    }
    std::string cleaned;
    cleaned.reserve(url.size());
    for (const char c : url) {
        if (c != '\t' && c != '\n' && c != '\r') {
            cleaned += c;
        }
    }
    // A scheme ends at the first ':'; a '/', '?' or '#' before it makes the address relative
    // ("../a:b", "?q=a:b", "#step:2").
    const auto end = cleaned.find_first_of(":/?#");
    // A character reference where the scheme would be ("&#106;avascript:", "javascript&#58;",
    // "javascript&colon;") spells one wherever the text is read as HTML without escaping. No
    // honest address has one there, so it is refused rather than decoded.
    if (cleaned.find('&') < end) {
        return false;
    }
    if (end == std::string::npos || cleaned[end] != ':') {
        return true;  // relative
    }
    const std::string scheme = to_lower_ascii(std::string_view(cleaned).substr(0, end));
    return scheme == "http" || scheme == "https" || (use == UrlUse::link && scheme == "mailto");
}

}  // namespace hindsight
