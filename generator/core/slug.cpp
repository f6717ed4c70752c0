// Slug generation and validation.
#include "core/slug.hpp"

namespace hindsight {

std::string slugify(std::string_view text) {
    std::string out;
    bool pending_dash = false;
    for (const char raw : text) {
        char c = raw;
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!keep) {
            // UTF-8 continuation and lead bytes are dropped without breaking a word.
            if (static_cast<unsigned char>(c) < 0x80) {
                pending_dash = true;
            }
            continue;
        }
        if (pending_dash && !out.empty()) {
            out += '-';
        }
        pending_dash = false;
        out += c;
    }
    return out;
}

bool is_slug(std::string_view text) {
    return !text.empty() && slugify(text) == text;
}

}  // namespace hindsight
