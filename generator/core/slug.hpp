// Slugs: the lower-case [a-z0-9-] names used in URLs and heading ids.
#pragma once

#include <string>
#include <string_view>

namespace hindsight {

// Lower-cases ASCII letters, keeps digits, turns every other run into one '-', trims '-'.
// Non-ASCII letters are dropped, so a slug is always safe as a path segment.
std::string slugify(std::string_view text);

// True when text is already a slug (non-empty, [a-z0-9-], no leading or trailing '-').
bool is_slug(std::string_view text);

}  // namespace hindsight
