// Makes cmark-gfm's global table of inline special characters constant, so parsers can run at once.
//
// cmark-gfm keeps that table in a static array of inlines.c. Every cmark_parser_finish adds the
// characters of the parser's inline extensions to it ('~' for strikethrough; ':', 'w' for
// autolink) before parsing inlines and removes them after, so a parser finishing on one thread
// strips '~' from under a parser still parsing on another, which then misses strikethrough at
// random (github/cmark-gfm PR #176 was never merged). Only autolink and strikethrough add
// characters, and every parser here attaches both (render_markdown may leave out "table", which
// adds none), so the table every parser wants is the same one. We link cmark-gfm statically and
// wrap the two internal functions (-Wl,--wrap, see generator/CMakeLists.txt): one parse, run
// once before any other, fills the table, and from then on nothing writes to it.
#include "parse/cmark_special_chars.hpp"

#include <atomic>
#include <mutex>

extern "C" {
void __real_cmark_inlines_add_special_character(unsigned char c, bool emphasis);
void __wrap_cmark_inlines_add_special_character(unsigned char c, bool emphasis);
void __wrap_cmark_inlines_remove_special_character(unsigned char c, bool emphasis);
}

namespace {

// Set once the table is filled; read by every later cmark_parser_finish.
std::atomic<bool> table_frozen{false};

}  // namespace

extern "C" void __wrap_cmark_inlines_add_special_character(unsigned char c, bool emphasis) {
    if (!table_frozen.load(std::memory_order_acquire)) {
        __real_cmark_inlines_add_special_character(c, emphasis);
    }
}

extern "C" void __wrap_cmark_inlines_remove_special_character(unsigned char /*c*/,
                                                              bool /*emphasis*/) {
    // Never removed: every parser in this process wants the same characters present.
}

namespace hindsight {

void freeze_cmark_special_chars(const std::function<void()>& fill) {
    static std::once_flag once;
    std::call_once(once, [&] {
        fill();
        table_frozen.store(true, std::memory_order_release);
    });
}

bool cmark_special_chars_frozen() {
    return table_frozen.load(std::memory_order_acquire);
}

}  // namespace hindsight
