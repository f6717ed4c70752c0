// Freezes cmark-gfm's global table of inline special characters after one parse fills it.
#pragma once

#include <functional>

namespace hindsight {

// Runs `fill` (a parse with every inline extension attached) once per process, then keeps the
// table as that parse left it: later parsers neither add nor remove characters, so any number of
// them can run at once. Thread-safe; every call returns after the table is frozen.
void freeze_cmark_special_chars(const std::function<void()>& fill);

// Whether the table is frozen (for tests).
bool cmark_special_chars_frozen();

}  // namespace hindsight
