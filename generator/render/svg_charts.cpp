// Bar charts and strip plots as SVG text, with fixed-precision coordinates for stable bytes.
#include "render/svg_charts.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/text.hpp"

namespace hindsight {
namespace {

std::string open_svg(int width, int height, const std::string& title,
                     const std::string& description) {
    return fmt::format(
        "<svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" "
        "xmlns=\"http://www.w3.org/2000/svg\"><title>{}</title><desc>{}</desc>",
        width, height, xml_escape(title), xml_escape(description));
}

std::string number(double value) {
    return value == std::floor(value) ? fmt::format("{}", static_cast<long long>(value))
                                      : fmt::format("{:.1f}", value);
}

}  // namespace

std::string bar_chart(const std::vector<Bar>& bars, const std::string& title,
                      const std::string& description) {
    const int width = 720, height = 240, left = 10, bottom = 40, top = 20;
    std::string svg = open_svg(width, height, title, description);
    if (bars.empty()) {
        return svg + "</svg>";
    }
    double max = 0;
    for (const auto& bar : bars) {
        max = std::max(max, bar.value);
    }
    const double slot = static_cast<double>(width - 2 * left) / static_cast<double>(bars.size());
    const std::size_t every = std::max<std::size_t>(1, bars.size() / 12);
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const double h = max == 0 ? 0 : (height - bottom - top) * bars[i].value / max;
        const double x = left + slot * static_cast<double>(i) + slot * 0.15;
        const double y = height - bottom - h;
        svg += fmt::format(
            "<rect class=\"bar\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
            "fill=\"currentColor\"/>",
            x, y, slot * 0.7, h);
        if (bars[i].value > 0 && bars.size() <= 40) {
            svg += fmt::format(
                "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-size=\"11\" "
                "fill=\"currentColor\">{}</text>",
                x + slot * 0.35, y - 4, number(bars[i].value));
        }
        if (i % every == 0) {
            svg += fmt::format(
                "<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\" "
                "fill=\"currentColor\">{}</text>",
                x + slot * 0.35, height - bottom + 16, xml_escape(bars[i].label));
        }
    }
    svg += fmt::format(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"currentColor\" "
        "stroke-width=\"1\"/>",
        left, height - bottom, width - left, height - bottom);
    return svg + "</svg>";
}

namespace {

// Past this many incidents a strip bins its dots, so that the chart is bounded in size.
constexpr std::size_t kMaxStripDots = 60;
constexpr std::size_t kStripBins = 48;

}  // namespace

std::string strip_plot(const std::vector<Strip>& strips, const std::string& title,
                       const std::string& description) {
    const int width = 720, row = 28, label_width = 180, top = 10, axis = 30;
    const int height = top + row * static_cast<int>(strips.size()) + axis;
    std::string svg = open_svg(width, height, title, description);
    // A log axis from 1 minute to one week: durations span three orders of magnitude.
    const double lo = std::log10(1.0), hi = std::log10(7.0 * 24 * 60);
    const auto x_of = [&](double minutes) {
        const double v = std::clamp(std::log10(std::max(minutes, 1.0)), lo, hi);
        return label_width + (width - label_width - 30) * (v - lo) / (hi - lo);
    };
    for (std::size_t r = 0; r < strips.size(); ++r) {
        const double y = top + row * (static_cast<double>(r) + 0.5);
        svg += fmt::format(
            "<text x=\"{}\" y=\"{:.1f}\" font-size=\"12\" fill=\"currentColor\" "
            "dominant-baseline=\"middle\">{}</text>",
            0, y, xml_escape(strips[r].label));
        const auto& values = strips[r].values;
        if (values.size() <= kMaxStripDots) {
            for (const double v : values) {
                svg += fmt::format(
                    "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\" fill=\"currentColor\" "
                    "fill-opacity=\"0.45\"/>",
                    x_of(v), y);
            }
        } else {
            // Too many incidents for a dot each (the chart would grow with the archive): one dot
            // per stretch of the axis, darker the more incidents fall in it.
            std::vector<int> bins(kStripBins, 0);
            for (const double v : values) {
                const double at = (x_of(v) - label_width) / (width - label_width - 30);
                ++bins[std::min<std::size_t>(
                    kStripBins - 1, static_cast<std::size_t>(std::max(0.0, at) * kStripBins))];
            }
            const int most = *std::max_element(bins.begin(), bins.end());
            for (std::size_t b = 0; b < kStripBins; ++b) {
                if (bins[b] == 0) {
                    continue;
                }
                const double x = label_width + (width - label_width - 30) *
                                                   (static_cast<double>(b) + 0.5) / kStripBins;
                svg += fmt::format(
                    "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\" fill=\"currentColor\" "
                    "fill-opacity=\"{:.2f}\"><title>{} incidents</title></circle>",
                    x, y, 0.15 + 0.8 * bins[b] / most, bins[b]);
            }
        }
        if (!strips[r].values.empty()) {
            const double m = x_of(strips[r].median);
            svg += fmt::format(
                "<line class=\"median\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" "
                "stroke=\"currentColor\" stroke-width=\"3\"/>",
                m, y - 9, m, y + 9);
        }
    }
    const double axis_y = top + row * static_cast<double>(strips.size()) + 6;
    for (const auto& [minutes, label] :
         std::vector<std::pair<double, const char*>>{{1, "1 min"},
                                                     {10, "10 min"},
                                                     {60, "1 h"},
                                                     {360, "6 h"},
                                                     {1440, "1 d"},
                                                     {10080, "1 wk"}}) {
        svg += fmt::format(
            "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-size=\"11\" "
            "fill=\"currentColor\">{}</text>",
            x_of(minutes), axis_y + 14, label);
    }
    return svg + "</svg>";
}

std::vector<Bar> duration_histogram(const std::vector<double>& minutes) {
    static const std::vector<std::pair<double, const char*>> limits = {
        {15, "<15m"},  {30, "15-30m"},  {60, "30-60m"}, {120, "1-2h"}, {240, "2-4h"},
        {480, "4-8h"}, {1440, "8-24h"}, {4320, "1-3d"}, {1e18, ">3d"}};
    std::vector<Bar> bars;
    for (const auto& [limit, label] : limits) {
        bars.push_back({label, 0});
    }
    for (const double m : minutes) {
        for (std::size_t i = 0; i < limits.size(); ++i) {
            if (m < limits[i].first) {
                bars[i].value += 1;
                break;
            }
        }
    }
    return bars;
}

}  // namespace hindsight
