// Tests for render/pagination: slices, paths, roots and pagers of list pages.
#include <catch2/catch.hpp>

#include "render/pagination.hpp"

using namespace hindsight;

TEST_CASE("a list is cut into pages of page_size, the last one shorter", "[pagination]") {
    CHECK(page_count(0, 50) == 1);
    CHECK(page_count(50, 50) == 1);
    CHECK(page_count(51, 50) == 2);
    const auto last = list_page(120, 50, 3);
    CHECK(last.begin == 100);
    CHECK(last.end == 120);
    CHECK(last.count == 3);
    const auto empty = list_page(0, 50, 1);
    CHECK(empty.begin == 0);
    CHECK(empty.end == 0);
}

TEST_CASE("later pages live under page/N/ and find the root from there", "[pagination]") {
    CHECK(list_page_path("", 1) == "index.html");
    CHECK(list_page_path("", 2) == "page/2/index.html");
    CHECK(list_page_path("causes/dns/", 7) == "causes/dns/page/7/index.html");
    CHECK(list_page_root("", 1).empty());
    CHECK(list_page_root("", 2) == "../../");
    CHECK(list_page_root("causes/dns/", 1) == "../../");
    CHECK(list_page_root("causes/dns/", 3) == "../../../../");
}

TEST_CASE("a pager names the ends and the pages around this one, whatever the count",
          "[pagination]") {
    const auto view = pager_view("actions/", list_page(10000, 50, 100));
    CHECK(view["has_pager"] == true);
    CHECK(view["count"] == 200);
    CHECK(view["prev_url"] == "actions/page/99/index.html");
    CHECK(view["next_url"] == "actions/page/101/index.html");
    std::vector<std::string> labels;
    for (const auto& link : view["links"]) {
        labels.push_back(link["gap"] == true ? "…" : link["label"].get<std::string>());
        if (link["current"] == true) {
            CHECK(link["label"] == "100");
        }
    }
    CHECK(labels ==
          std::vector<std::string>{"1", "…", "98", "99", "100", "101", "102", "…", "200"});
}

TEST_CASE("the first and last pages have one step link, and one page has no pager",
          "[pagination]") {
    const auto first = pager_view("", list_page(120, 50, 1));
    CHECK(first["has_prev"] == false);
    CHECK(first["next_url"] == "page/2/index.html");
    CHECK(first["links"].size() == 3);  // 1 2 3, no gap
    const auto last = pager_view("", list_page(120, 50, 3));
    CHECK(last["has_next"] == false);
    CHECK(last["prev_url"] == "page/2/index.html");
    CHECK(pager_view("", list_page(10, 50, 1))["has_pager"] == false);
}
