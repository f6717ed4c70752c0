// A unified diff (as `diff -u` and `git diff` print it) of a text that gained one block of lines.
#pragma once

#include <string>
#include <string_view>

namespace hindsight {

// `after` is `before` with lines inserted at one place; the diff shows them with up to three
// lines of context on each side, under "--- a/PATH" and "+++ b/PATH". Line ends (LF or CRLF)
// are not shown. Empty when the texts are equal; `before` must be a prefix and suffix of `after`.
std::string insertion_diff(std::string_view path, std::string_view before, std::string_view after);

}  // namespace hindsight
