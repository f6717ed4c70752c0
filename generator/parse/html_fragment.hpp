// gumbo's tree of one raw HTML block, within bounds no pasted document reaches.
#pragma once

#include <string_view>

#include <gumbo.h>

namespace hindsight {

// Deeper than any pasted document nests: walkers of the tree stop there, which keeps their
// recursion bounded on hostile input.
constexpr int kMaxHtmlDepth = 64;

// The block parsed as the children of a <div>. gumbo's tree building is quadratic in the depth
// of nesting (50,000 nested tags take seconds); no pasted document has more than 5,000 tags in
// one block, hostile input may, and then nothing is parsed.
class HtmlFragment {
  public:
    explicit HtmlFragment(std::string_view html);
    ~HtmlFragment();
    HtmlFragment(const HtmlFragment&) = delete;
    HtmlFragment& operator=(const HtmlFragment&) = delete;

    // nullptr when the block has too many tags, or gumbo gave no tree.
    const GumboNode* root() const;

  private:
    GumboOptions options_;
    GumboOutput* output_ = nullptr;
};

}  // namespace hindsight
