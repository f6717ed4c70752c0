// Inline SVG charts written by the renderer: no script, titled and described for screen readers,
// drawn in currentColor so they follow the page's light, dark and print colours.
#pragma once

#include <string>
#include <vector>

namespace hindsight {

struct Bar {
    std::string label;
    double value = 0;
};

// Vertical bars with the value over each; labels under every nth bar when there are many.
std::string bar_chart(const std::vector<Bar>& bars, const std::string& title,
                      const std::string& description);

// One row per group, a dot per value on a shared log-scaled axis (minutes), the median marked.
struct Strip {
    std::string label;
    std::vector<double> values;
    double median = 0;
};
std::string strip_plot(const std::vector<Strip>& strips, const std::string& title,
                       const std::string& description);

// Counts of values in log-scaled buckets: under 15 min, 15-30, 30-60, 1-2 h, 2-4 h, 4-8 h, 8-24 h,
// 1-3 d, over 3 d.
std::vector<Bar> duration_histogram(const std::vector<double>& minutes);

}  // namespace hindsight
