// Reading an action item's trailing details: bracketed groups, dash-separated parts, ticket
// links and due dates.
#include "extract/action_details.hpp"

#include <array>
#include <cctype>
#include <cstdio>

#include "core/dates.hpp"
#include "core/text.hpp"
#include "extract/time_expressions.hpp"

namespace hindsight {
namespace {

// How far from the end of a title its details may start.
constexpr std::size_t kDetailsReach = 100;

struct Details {
    std::string owner;
    std::string link;
    std::optional<date::sys_days> due;
    std::optional<ActionStatus> status;
};

// The status words people write after an item, as the front matter's canonical statuses.
std::optional<ActionStatus> status_word(std::string_view lower) {
    static constexpr std::array<std::pair<std::string_view, ActionStatus>, 20> kWords = {{
        {"done", ActionStatus::done},
        {"completed", ActionStatus::done},
        {"complete", ActionStatus::done},
        {"closed", ActionStatus::done},
        {"fixed", ActionStatus::done},
        {"resolved", ActionStatus::done},
        {"shipped", ActionStatus::done},
        {"in progress", ActionStatus::in_progress},
        {"in-progress", ActionStatus::in_progress},
        {"wip", ActionStatus::in_progress},
        {"ongoing", ActionStatus::in_progress},
        {"started", ActionStatus::in_progress},
        {"open", ActionStatus::open},
        {"todo", ActionStatus::open},
        {"to do", ActionStatus::open},
        {"planned", ActionStatus::open},
        {"not started", ActionStatus::open},
        {"won't do", ActionStatus::wont_do},
        {"wont-do", ActionStatus::wont_do},
        {"wontfix", ActionStatus::wont_do},
    }};
    for (const auto& [word, status] : kWords) {
        if (lower == word) {
            return status;
        }
    }
    return std::nullopt;
}

// "OPS-3113", "JIRA-9193", "#2226", "eslint/eslint-scope#39".
bool is_ticket(std::string_view text) {
    if (text.size() > 40 || text.find(' ') != std::string_view::npos) {
        return false;
    }
    const auto hash = text.rfind('#');
    if (hash != std::string_view::npos) {
        const auto digits = text.substr(hash + 1);
        return !digits.empty() && digits.find_first_not_of("0123456789") == std::string_view::npos;
    }
    const auto dash = text.rfind('-');
    if (dash == std::string_view::npos || dash == 0 || dash + 1 == text.size()) {
        return false;
    }
    const auto key = text.substr(0, dash);
    const auto number = text.substr(dash + 1);
    return std::isupper(static_cast<unsigned char>(key.front())) &&
           key.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") ==
               std::string_view::npos &&
           number.find_first_not_of("0123456789") == std::string_view::npos;
}

// A link's text that names a ticket: "OPS-3113", "#2226", "Issue", "GitHub issue", "PR".
bool names_ticket(std::string_view text) {
    if (is_ticket(text)) {
        return true;
    }
    const std::string lower = to_lower_ascii(text);
    for (const std::string_view word : {"issue", "ticket", "pr", "pull request", "github issue",
                                        "jira", "tracking issue", "link", "card", "task"}) {
        if (lower == word) {
            return true;
        }
    }
    return false;
}

// A due date as people write one: "2024-08-06", "August 6, 2024", "04/15/25".
std::optional<date::sys_days> due_date(std::string_view text) {
    text = trim(text);
    // A date is short and holds a digit; anything else is read no further.
    if (text.empty() || text.size() > 30 ||
        text.find_first_of("0123456789") == std::string_view::npos) {
        return std::nullopt;
    }
    if (auto day = parse_date(text)) {
        return day;
    }
    const auto times = scan_times(text);
    if (times.instants.size() == 1 && times.instants[0].date && times.instants[0].date->year != 0 &&
        !times.instants[0].time) {
        const auto& d = *times.instants[0].date;
        return date::sys_days{date::year{d.year} / d.month / d.day};
    }
    // "04/15/25": month first, a two-digit year.
    int month = 0, day = 0, year = 0;
    char s1 = 0, s2 = 0;
    int used = 0;
    const std::string copy(text);
    if (std::sscanf(copy.c_str(), "%2d%c%2d%c%2d%n", &month, &s1, &day, &s2, &year, &used) == 5 &&
        used == static_cast<int>(copy.size()) && s1 == '/' && s2 == '/') {
        const date::year_month_day ymd{date::year{2000 + year}, date::month(month), date::day(day)};
        if (ymd.ok()) {
            return date::sys_days{ymd};
        }
    }
    return std::nullopt;
}

// "owner: @sre" -> ("owner", "@sre"); "due 2024-08-06" -> ("due", "2024-08-06").
std::pair<std::string, std::string_view> key_value(std::string_view part) {
    const std::string lower = to_lower_ascii(part);
    static constexpr std::array<std::string_view, 14> kKeys = {
        "assigned to", "target date", "due date", "owners", "owner", "assignee", "responsible",
        "deadline",    "status",      "target",   "due",    "eta",   "dri",      "by"};
    for (const auto key : kKeys) {
        if (!lower.starts_with(key)) {
            continue;
        }
        std::string_view rest = part.substr(key.size());
        if (rest.empty() || !(rest.front() == ':' || rest.front() == ' ')) {
            continue;
        }
        rest = trim(rest.front() == ':' ? rest.substr(1) : rest);
        if (!rest.empty() && rest.front() == ':') {
            rest = trim(rest.substr(1));
        }
        return {std::string(key), rest};
    }
    return {"", part};
}

// One detail of a suffix; false when the part is not one.
bool read_detail(std::string_view part, const LineLinks& links, Details& d) {
    part = trim(part);
    while (!part.empty() && (part.back() == '.' || part.back() == ',' || part.back() == '!')) {
        part.remove_suffix(1);
    }
    if (part.empty()) {
        return false;
    }
    for (const auto& [text, url] : links) {
        if (!text.empty() && part == text && names_ticket(text)) {
            d.link = url;
            return true;
        }
    }
    const auto [key, value] = key_value(part);
    if (key == "owner" || key == "owners" || key == "assignee" || key == "assigned to" ||
        key == "responsible" || key == "dri") {
        if (value.empty() || value.size() > 40) {
            return false;
        }
        d.owner = std::string(value);
        return true;
    }
    if (key == "due" || key == "due date" || key == "deadline" || key == "by" || key == "target" ||
        key == "target date" || key == "eta") {
        if (const auto day = due_date(value)) {
            d.due = day;
            return true;
        }
        // "Target: 1 week": a target the fields cannot hold, still no part of the title.
        return (key == "target" || key == "eta") && !value.empty() && value.size() <= 30;
    }
    if (key == "status") {
        if (const auto status = status_word(to_lower_ascii(value))) {
            d.status = status;
            return true;
        }
        return false;
    }
    if (part.front() == '@' && part.size() > 1 && part.find(' ') == std::string_view::npos) {
        d.owner = std::string(part);
        return true;
    }
    if (const auto status = status_word(to_lower_ascii(part))) {
        d.status = status;
        return true;
    }
    if (is_ticket(part) || ((part.starts_with("https://") || part.starts_with("http://")) &&
                            part.find(' ') == std::string_view::npos)) {
        d.link = std::string(part);
        return true;
    }
    return false;
}

// Every comma- or semicolon-separated part of a group reads as a detail.
bool read_details(std::string_view group, const LineLinks& links, Details& d) {
    Details found = d;
    std::size_t begin = 0;
    while (begin <= group.size()) {
        const auto end = group.find_first_of(",;", begin);
        const auto part = group.substr(begin, end == std::string_view::npos ? end : end - begin);
        if (!read_detail(part, links, found)) {
            return false;
        }
        if (end == std::string_view::npos) {
            break;
        }
        begin = end + 1;
    }
    d = found;
    return true;
}

// The opening bracket matching the one that closes `text`, or npos.
std::size_t group_open(std::string_view text) {
    const char close = text.back();
    const char open = close == ')' ? '(' : '[';
    int depth = 0;
    for (std::size_t i = text.size(); i-- > 0;) {
        if (text[i] == close) {
            ++depth;
        } else if (text[i] == open && --depth == 0) {
            return i;
        }
    }
    return std::string_view::npos;
}

// Takes one suffix off `title`; false when none is there.
bool take_suffix(std::string& title, const LineLinks& links, Details& d) {
    std::string_view text = trim(title);
    while (!text.empty() && (text.back() == '.' || text.back() == ',' || text.back() == ';')) {
        text.remove_suffix(1);
    }
    if (text.empty()) {
        return false;
    }
    std::optional<std::size_t> cut;
    if (text.back() == ')' || text.back() == ']') {
        const auto open = group_open(text);
        if (open != std::string_view::npos && open > 0 &&
            read_details(text.substr(open + 1, text.size() - open - 2), links, d)) {
            cut = open;
        }
    }
    if (!cut) {
        // "— Owner: Ana", " - Owner: Operations team", " | done", ". OWNER: amirh@"
        // Details are short: only the end of a long title is searched.
        const std::size_t from = text.size() > kDetailsReach ? text.size() - kDetailsReach : 0;
        for (const std::string_view separator :
             {" \xE2\x80\x94 ", " \xE2\x80\x93 ", " - ", " | ", " -- ", ". "}) {
            const auto found = text.substr(from).rfind(separator);
            const auto at = found == std::string_view::npos ? found : from + found;
            if (at != std::string_view::npos && at > 0 &&
                read_details(text.substr(at + separator.size()), links, d)) {
                cut = at;
                break;
            }
        }
    }
    if (!cut) {
        // "... rollback [Issue](url)": a link's text closing the title; "due 2024-08-06".
        for (const auto& [link_text, url] : links) {
            if (!link_text.empty() && link_text.size() < text.size() && text.ends_with(link_text) &&
                text[text.size() - link_text.size() - 1] == ' ' && names_ticket(link_text)) {
                d.link = url;
                cut = text.size() - link_text.size() - 1;
                break;
            }
        }
    }
    if (!cut) {
        const std::size_t from = text.size() > kDetailsReach ? text.size() - kDetailsReach : 0;
        const std::string lower = to_lower_ascii(text.substr(from));
        for (const std::string_view marker : {" due ", " due: ", " by "}) {
            const auto found = lower.rfind(marker);
            const auto at = found == std::string::npos ? found : from + found;
            if (at != std::string::npos && at > 0) {
                if (const auto day = due_date(text.substr(at + marker.size()))) {
                    d.due = day;
                    cut = at;
                    break;
                }
            }
        }
    }
    if (!cut) {
        return false;
    }
    std::string_view kept = trim(text.substr(0, *cut));
    while (!kept.empty() &&
           (kept.back() == ',' || kept.back() == ';' || kept.back() == ':' || kept.back() == '-')) {
        kept = trim(kept.substr(0, kept.size() - 1));
    }
    if (kept.size() < 3) {
        return false;  // the title would be nothing but its details
    }
    title = std::string(kept);
    return true;
}

}  // namespace

void take_action_details(ActionItem& item, const LineLinks& links) {
    Details d;
    std::string title = item.title;
    for (int i = 0; i < 6; ++i) {
        Details step = d;
        if (!take_suffix(title, links, step)) {
            break;
        }
        d = step;
    }
    item.title = title;
    if (item.owner.empty()) {
        item.owner = d.owner;
    }
    if (item.link.empty()) {
        item.link = d.link;
    }
    if (!item.due) {
        item.due = d.due;
    }
    if (d.status && item.status == ActionStatus::open) {
        item.status = *d.status;
    }
}

}  // namespace hindsight
