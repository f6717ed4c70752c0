// The one scheme allowlist for every address an author writes: Markdown, raw HTML, front matter,
// config.
#pragma once

#include <string_view>

namespace hindsight {

// Where an address ends up: a link may also open a mail client, an image may not.
enum class UrlUse { link, image };

// Whether an address may be written into an href (UrlUse::link) or a src (UrlUse::image):
// http, https, mailto (links only), or relative (no scheme). Anything else (javascript:,
// vbscript:, data:, file:, a scheme not yet invented) is refused. An allowlist, not a list of
// bad schemes, because browsers read a scheme through spellings a denylist misses: any case
// ("JaVaScRiPt:"), leading controls and spaces, tabs and newlines inside ("java\tscript:").
bool is_safe_url(std::string_view url, UrlUse use = UrlUse::link);

// The hint of every warning about a refused address, so that they all say the same.
inline constexpr const char* kAllowedUrlsHint =
    "use an http:, https: or mailto: address, or a relative one";

}  // namespace hindsight
