// Splitting a list page into numbered pages of page_size entries, with stable URLs.
#pragma once

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

namespace hindsight {

// Page `number` (1-based) of a list: which entries it shows and where it lives.
struct ListPage {
    std::size_t number = 1;
    std::size_t count = 1;  // pages in the list, at least 1 (an empty list has one page)
    std::size_t begin = 0;  // entries [begin, end) of the whole list
    std::size_t end = 0;
};

// The pages of a list of `entries`, page_size to a page.
std::size_t page_count(std::size_t entries, std::size_t page_size);
ListPage list_page(std::size_t entries, std::size_t page_size, std::size_t number);

// The path of page `number` of the list whose first page is `dir` + "index.html" ("" for the
// site root, or "causes/dns/"): later pages are `dir`/page/N/index.html.
std::string list_page_path(const std::string& dir, std::size_t number);

// The relative path from page `number` of the list in `dir` back to the site root.
std::string list_page_root(const std::string& dir, std::size_t number);

// The pager of one page, with root-relative URLs: previous/next, the first and last pages and
// the two on each side of this one (so its size does not grow with the list), and gaps between.
// Templates read has_pager, has_prev, prev_url, has_next, next_url, number, count and links[]
// {label, url, current, gap}.
nlohmann::json pager_view(const std::string& dir, const ListPage& page);

}  // namespace hindsight
