// Id patterns: a counter at the end, a year before it, the widest padding.
#include "scaffold/next_id.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "core/dates.hpp"
#include "core/slug.hpp"
#include "core/text.hpp"

namespace hindsight {
namespace {

bool is_digit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// An id read as: prefix, counter, with a year in the prefix lifted out.
struct IdParts {
    std::string pattern;  // the prefix, its year replaced by {year}: "PW-{year}-"
    std::string before_year;
    std::string after_year;
    int year = 0;  // 0: the pattern has no year
    long counter = 0;
    std::size_t width = 0;
};

std::optional<IdParts> split_id(std::string_view id) {
    std::size_t digits = 0;
    while (digits < id.size() && is_digit(id[id.size() - 1 - digits])) {
        ++digits;
    }
    // A counter longer than 9 digits is a timestamp or a hash, not a count anyone continues.
    if (digits == 0 || digits > 9) {
        return std::nullopt;
    }
    IdParts parts;
    const std::string_view prefix = id.substr(0, id.size() - digits);
    parts.counter = std::stol(std::string(id.substr(prefix.size())));
    parts.width = digits;
    parts.pattern = std::string(prefix);
    parts.before_year = std::string(prefix);
    // The last run of exactly four digits in the prefix that reads as a year.
    for (std::size_t end = prefix.size(); end >= 4; --end) {
        const std::size_t start = end - 4;
        const bool bounded = (start == 0 || !is_digit(prefix[start - 1])) &&
                             (end == prefix.size() || !is_digit(prefix[end]));
        const std::string_view run = prefix.substr(start, 4);
        if (bounded && std::all_of(run.begin(), run.end(), is_digit) &&
            (run.substr(0, 2) == "19" || run.substr(0, 2) == "20")) {
            parts.year = std::stoi(std::string(run));
            parts.before_year = std::string(prefix.substr(0, start));
            parts.after_year = std::string(prefix.substr(end));
            parts.pattern = parts.before_year + "{year}" + parts.after_year;
            break;
        }
    }
    return parts;
}

std::string strip_quotes(std::string_view text) {
    if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') &&
        text.back() == text.front()) {
        return std::string(text.substr(1, text.size() - 2));
    }
    return std::string(text);
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (auto& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

}  // namespace

std::vector<std::string> declared_ids(const std::vector<SourceFile>& sources) {
    std::vector<std::string> ids;
    for (const auto& source : sources) {
        std::string_view bytes = source.bytes;
        if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
            bytes.remove_prefix(3);
        }
        std::size_t pos = 0;
        const auto next_line = [&]() -> std::optional<std::string_view> {
            if (pos >= bytes.size()) {
                return std::nullopt;
            }
            auto end = bytes.find('\n', pos);
            end = end == std::string_view::npos ? bytes.size() : end;
            std::string_view line = bytes.substr(pos, end - pos);
            pos = end + 1;
            if (!line.empty() && line.back() == '\r') {
                line.remove_suffix(1);
            }
            return line;
        };
        const auto first = next_line();
        if (!first || trim(*first) != "---") {
            continue;
        }
        while (const auto line = next_line()) {
            if (*line == "---" || *line == "...") {
                break;
            }
            if (line->substr(0, 3) != "id:") {
                continue;
            }
            std::string_view value = line->substr(3);
            // A comment starts at " #"; an id holds no spaces, so cutting there is safe.
            if (const auto hash = value.find(" #"); hash != std::string_view::npos) {
                value = value.substr(0, hash);
            }
            const std::string id = strip_quotes(trim(value));
            if (!id.empty()) {
                ids.push_back(id);
            }
            break;
        }
    }
    return ids;
}

std::string title_slug(std::string_view title, std::size_t limit) {
    std::string slug = slugify(title);
    if (slug.size() > limit) {
        const auto cut = slug.rfind('-', limit);
        slug.resize(cut == std::string::npos || cut == 0 ? limit : cut);
    }
    return slug;
}

std::string next_id(const std::vector<std::string>& ids, date::sys_days date,
                    std::string_view title) {
    std::set<std::string> taken;
    for (const auto& id : ids) {
        taken.insert(lower(id));
    }
    std::map<std::string, std::vector<IdParts>> groups;
    for (const auto& id : ids) {
        if (auto parts = split_id(id)) {
            groups[parts->pattern].push_back(std::move(*parts));
        }
    }
    const auto unique = [&](std::string id) {
        // Only a fallback id can clash here (counters move past every id of their pattern):
        // number it as a file manager would.
        const std::string base = id;
        for (int n = 2; taken.count(lower(id)) > 0; ++n) {
            id = fmt::format("{}-{}", base, n);
        }
        return id;
    };
    if (groups.empty()) {
        std::string slug = title_slug(title);
        return unique(slug.empty() ? format_date(date) : format_date(date) + "-" + slug);
    }
    // The largest group; among equals, the pattern that sorts first, so the choice never
    // depends on the order files were read in.
    const auto best =
        std::max_element(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
            return std::make_tuple(a.second.size(), b.first) <
                   std::make_tuple(b.second.size(), a.first);
        });
    const auto& members = best->second;
    const int year = static_cast<int>(date::year_month_day(date).year());
    const bool yearly = members.front().year != 0;
    long counter = 0;
    std::size_t width = 0;
    for (const auto& m : members) {
        width = std::max(width, m.width);
        if (!yearly || m.year == year) {
            counter = std::max(counter, m.counter);
        }
    }
    const std::string prefix = yearly ? fmt::format("{}{}{}", members.front().before_year, year,
                                                    members.front().after_year)
                                      : members.front().before_year;
    std::string id;
    do {
        ++counter;
        id = fmt::format("{}{:0{}}", prefix, counter, width);
    } while (taken.count(lower(id)) > 0);
    return id;
}

}  // namespace hindsight
