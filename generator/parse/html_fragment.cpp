// gumbo's tree of one raw HTML block, for the sanitizer and the line reader alike.
#include "parse/html_fragment.hpp"

#include <algorithm>

namespace hindsight {
namespace {

constexpr long kMaxTags = 5000;

}  // namespace

HtmlFragment::HtmlFragment(std::string_view html) : options_(kGumboDefaultOptions) {
    if (std::count(html.begin(), html.end(), '<') > kMaxTags) {
        return;
    }
    options_.fragment_context = GUMBO_TAG_DIV;
    options_.max_errors = 0;
    output_ = gumbo_parse_with_options(&options_, html.data(), html.size());
}

HtmlFragment::~HtmlFragment() {
    if (output_ != nullptr) {
        gumbo_destroy_output(&options_, output_);
    }
}

const GumboNode* HtmlFragment::root() const {
    return output_ == nullptr ? nullptr : output_->root;
}

}  // namespace hindsight
