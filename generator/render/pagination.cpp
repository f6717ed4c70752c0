// Numbered list pages: which entries each shows, its path and its pager.
#include "render/pagination.hpp"

#include <algorithm>

namespace hindsight {

std::size_t page_count(std::size_t entries, std::size_t page_size) {
    page_size = std::max<std::size_t>(page_size, 1);
    return std::max<std::size_t>(1, (entries + page_size - 1) / page_size);
}

ListPage list_page(std::size_t entries, std::size_t page_size, std::size_t number) {
    page_size = std::max<std::size_t>(page_size, 1);
    ListPage page;
    page.count = page_count(entries, page_size);
    page.number = std::clamp<std::size_t>(number, 1, page.count);
    page.begin = std::min(entries, (page.number - 1) * page_size);
    page.end = std::min(entries, page.begin + page_size);
    return page;
}

std::string list_page_path(const std::string& dir, std::size_t number) {
    if (number <= 1) {
        return dir + "index.html";
    }
    return dir + "page/" + std::to_string(number) + "/index.html";
}

std::string list_page_root(const std::string& dir, std::size_t number) {
    std::string root;
    const auto depth =
        static_cast<std::size_t>(std::count(dir.begin(), dir.end(), '/')) + (number > 1 ? 2 : 0);
    for (std::size_t i = 0; i < depth; ++i) {
        root += "../";
    }
    return root;
}

nlohmann::json pager_view(const std::string& dir, const ListPage& page) {
    using json = nlohmann::json;
    constexpr std::size_t kAround = 2;
    json links = json::array();
    std::size_t last_shown = 0;
    for (std::size_t n = 1; n <= page.count; ++n) {
        const bool shown =
            n == 1 || n == page.count || (n + kAround >= page.number && n <= page.number + kAround);
        if (!shown) {
            // Jump over the hidden run at once, so building a pager is O(1) in the list's size.
            n = n < page.number ? page.number - kAround - 1 : page.count - 1;
            continue;
        }
        if (last_shown != 0 && n > last_shown + 1) {
            links.push_back({{"gap", true}, {"current", false}, {"label", ""}, {"url", ""}});
        }
        links.push_back({{"gap", false},
                         {"current", n == page.number},
                         {"label", std::to_string(n)},
                         {"url", list_page_path(dir, n)}});
        last_shown = n;
    }
    return {{"has_pager", page.count > 1},
            {"number", page.number},
            {"count", page.count},
            {"has_prev", page.number > 1},
            {"prev_url", page.number > 1 ? list_page_path(dir, page.number - 1) : ""},
            {"has_next", page.number < page.count},
            {"next_url", page.number < page.count ? list_page_path(dir, page.number + 1) : ""},
            {"links", std::move(links)}};
}

}  // namespace hindsight
