// Building the view models of the home page, postmortem pages and the 404 page.
#include "render/view_models.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include <fmt/format.h>

#include "core/slug.hpp"
#include "core/text.hpp"
#include "core/url.hpp"
#include "core/version.hpp"

namespace hindsight {
namespace {

using json = nlohmann::json;

std::string cause_label(const std::string& key, const SiteConfig& config) {
    const auto* cause = config.taxonomy.find(key);
    return cause != nullptr ? cause->label : key;
}

json causes_view(const Postmortem& pm, const SiteConfig& config) {
    json causes = json::array();
    for (const auto& key : pm.causes) {
        std::string because;
        for (const auto& trigger : pm.cause_triggers) {
            if (trigger.cause == key) {
                because = fmt::format("{}", fmt::join(trigger.words, ", "));
            }
        }
        causes.push_back({{"key", key},
                          {"label", cause_label(key, config)},
                          {"inferred", pm.is_inferred(Field::causes)},
                          {"has_because", !because.empty()},
                          {"because", because}});
    }
    return causes;
}

json names_view(const std::vector<std::string>& names) {
    json list = json::array();
    for (const auto& name : names) {
        list.push_back({{"name", name}});
    }
    return list;
}

std::string join(const std::vector<std::string>& values) {
    return fmt::format("{}", fmt::join(values, ", "));
}

std::string date_text(const std::optional<date::sys_days>& day) {
    return day ? format_date(*day) : std::string{};
}

std::string date_display(const std::optional<date::sys_days>& day) {
    return day ? format_display_date(*day) : std::string{};
}

std::string duration_text(const Postmortem& pm) {
    return pm.duration ? format_duration(*pm.duration) : std::string{};
}

std::string users_text(const Postmortem& pm) {
    return pm.users_affected_pct ? format_percent(*pm.users_affected_pct) : std::string{};
}

// Evidence is shown as text, not only in a tooltip that touch and keyboard users cannot open.
// A long source line (a whole paragraph) is cut at a word: the line number leads to the rest.
constexpr std::size_t kEvidenceChars = 200;
// A list row's lede is a teaser of two lines or so; the page holds the whole paragraph. Uncut,
// ledes were a third of every list page's bytes.
constexpr std::size_t kLedeChars = 160;

// The text cut at a word before `limit` bytes, with an ellipsis, when it is longer.
std::string excerpt(const std::string& text, std::size_t limit) {
    if (text.size() <= limit) {
        return text;
    }
    std::size_t cut = text.rfind(' ', limit);
    if (cut == std::string::npos || cut == 0) {
        cut = limit;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
            --cut;  // not inside a UTF-8 sequence
        }
    }
    return std::string(trim(std::string_view(text).substr(0, cut))) + " \xE2\x80\xA6";  // …
}

// The meta panel's rows, and the source lines their inferred values were read from: one entry
// per line, naming every row read from it, since several (date, started, duration) often share
// one "Duration: ..." line. Rows link to their line's entry.
class MetaRows {
  public:
    explicit MetaRows(const Postmortem& pm) : pm_(pm) {}

    void add(const char* label, const std::string& value, Field field) {
        if (value.empty()) {
            return;
        }
        Row row{label, value, pm_.is_inferred(field), std::nullopt, {}};
        if (const auto it = pm_.evidence.find(field); row.inferred && it != pm_.evidence.end()) {
            const Evidence& evidence = it->second;
            const auto same = [&](const Source& s) {
                return s.line == evidence.line && s.text == evidence.text;
            };
            auto source = std::find_if(sources_.begin(), sources_.end(), same);
            if (source == sources_.end()) {
                source = sources_.insert(sources_.end(), {evidence.line, evidence.text, {}});
            }
            source->labels.push_back(label);
            row.source = static_cast<std::size_t>(source - sources_.begin());
        }
        rows_.push_back(std::move(row));
    }

    // A front-matter value that could not be used: shown as written, with what is wrong.
    void add_unread(const UnreadValue& value) {
        rows_.push_back({value.key, value.written, false, std::nullopt, value.problem});
    }

    void add_time(const char* label, const std::optional<Timestamp>& time, Field field) {
        add(label, time ? format_display_time(*time) : std::string{}, field);
    }

    struct View {
        json rows;
        json evidence;  // in the order of the file
    };

    View take() const {
        std::vector<std::size_t> order(sources_.size());
        for (std::size_t i = 0; i < order.size(); ++i) {
            order[i] = i;
        }
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return sources_[a].line < sources_[b].line;
        });
        std::vector<std::string> ids(sources_.size());
        View view{json::array(), json::array()};
        for (std::size_t i = 0; i < order.size(); ++i) {
            const Source& source = sources_[order[i]];
            ids[order[i]] = fmt::format("hs-evidence-{}", i + 1);  // "hs-" ids are the theme's
            view.evidence.push_back({{"id", ids[order[i]]},
                                     {"fields", join(source.labels)},
                                     {"where", where(source.line)},
                                     {"text", excerpt(source.text, kEvidenceChars)}});
        }
        for (const Row& row : rows_) {
            json entry = {{"label", row.label},
                          {"value", row.value},
                          {"inferred", row.inferred},
                          {"has_evidence", row.source.has_value()},
                          {"has_problem", !row.problem.empty()},
                          {"problem", row.problem}};
            if (row.source) {
                entry["evidence_id"] = ids[*row.source];
                entry["evidence_where"] = where(sources_[*row.source].line);
            }
            view.rows.push_back(std::move(entry));
        }
        return view;
    }

  private:
    struct Row {
        std::string label;
        std::string value;
        bool inferred;
        std::optional<std::size_t> source;  // index into sources_
        std::string problem;                // why a declared value is not used
    };
    struct Source {
        int line;
        std::string text;
        std::vector<std::string> labels;
    };

    static std::string where(int line) {
        return line > 0 ? fmt::format("line {}", line) : std::string("the text");
    }

    const Postmortem& pm_;
    std::vector<Row> rows_;
    std::vector<Source> sources_;
};

MetaRows::View meta_view(const Postmortem& pm) {
    MetaRows rows(pm);
    rows.add("Date", date_display(pm.date), Field::date);
    rows.add("Severity", pm.severity, Field::severity);
    rows.add_time("Started", pm.started, Field::started);
    rows.add_time("Detected", pm.detected, Field::detected);
    rows.add_time("Mitigated", pm.mitigated, Field::mitigated);
    rows.add_time("Resolved", pm.resolved, Field::resolved);
    rows.add("Duration", duration_text(pm), Field::duration_minutes);
    rows.add("Users affected", users_text(pm), Field::users_affected_pct);
    rows.add("Impact", pm.impact_summary, Field::impact);
    rows.add("Authors", join(pm.authors), Field::authors);
    rows.add("Tags", join(pm.tags), Field::tags);
    rows.add("ID", pm.id, Field::id);
    rows.add("Source", pm.source, Field::source);
    for (const auto& value : pm.unread) {
        rows.add_unread(value);
    }
    return rows.take();
}

std::string status_label(const ActionItem& item) {
    if (!item.status) {
        return item.status_text;  // as written: no table knows it (check warned)
    }
    switch (*item.status) {
        case ActionStatus::open:
            return "Open";
        case ActionStatus::in_progress:
            return "In progress";
        case ActionStatus::blocked:
            return "Blocked";
        case ActionStatus::done:
            return "Done";
        case ActionStatus::wont_do:
            return "Won't do";
    }
    return "Open";
}

json action_items_view(const Postmortem& pm) {
    json items = json::array();
    for (const auto& item : pm.action_items) {
        items.push_back({{"title", item.title},
                         {"owner", item.owner},
                         {"status", item.status ? to_string(*item.status) : "unknown"},
                         {"status_label", status_label(item)},
                         {"due", date_text(item.due)},
                         {"link", item.link},
                         {"done", item.status == ActionStatus::done},
                         {"has_owner", !item.owner.empty()},
                         {"has_due", item.due.has_value()},
                         {"has_details", !item.owner.empty() || item.due.has_value()},
                         {"has_link", !item.link.empty()},
                         // A link the allowlist refuses (javascript:) is shown as text; parse
                         // warned about it. Checked here too, whatever built the record.
                         {"link_is_safe", is_safe_url(item.link)}});
    }
    return items;
}

json toc_view(const Postmortem& pm) {
    json toc = json::array();
    for (const auto& heading : pm.headings) {
        if (heading.level >= 2 && heading.level <= 4) {
            // Level 2 is the list's own; only deeper levels are marked, for their indent.
            toc.push_back({{"level", heading.level},
                           {"nested", heading.level > 2},
                           {"id", heading.id},
                           {"text", heading.text}});
        }
    }
    return toc;
}

std::string scalar_text(const json& value) {
    if (value.is_string()) {
        return value.get<std::string>();
    }
    if (value.is_array()) {
        std::vector<std::string> parts;
        for (const auto& item : value) {
            parts.push_back(scalar_text(item));
        }
        return join(parts);
    }
    return value.is_null() ? std::string{} : value.dump();
}

json extra_view(const Postmortem& pm) {
    json extra = json::array();
    for (const auto& [key, value] : pm.extra.items()) {
        extra.push_back({{"key", key}, {"value", scalar_text(value)}});
    }
    return extra;
}

std::string severity_class(const std::string& severity) {
    return slugify(severity);
}

// The home page's headline: the median, not the mean, and the promise made most often.
json headline_view(const Archive& archive) {
    const auto& durations = archive.stats.overall.duration_minutes;
    json headline = {{"has_median", durations.count > 0},
                     {"median", durations.count > 0
                                    ? format_duration(std::chrono::minutes{
                                          static_cast<long long>(std::llround(durations.median))})
                                    : std::string{}},
                     {"with_duration", durations.count},
                     {"has_top_cause", !archive.causes.empty()},
                     {"has_recurring", false}};
    if (!archive.causes.empty()) {
        headline["top_cause"] = archive.causes.front().label;
        headline["top_cause_url"] = "causes/" + archive.causes.front().key + "/index.html";
        headline["top_cause_count"] = archive.causes.front().postmortems.size();
    }
    if (!archive.clusters.empty() && archive.clusters.front().postmortems.size() > 1) {
        const auto& top = archive.clusters.front();
        headline["has_recurring"] = true;
        headline["recurring_label"] = top.label;
        headline["recurring_url"] = "actions/" + top.id + "/index.html";
        headline["recurring_count"] = top.postmortems.size();
    }
    return headline;
}

// The values a list row shows that the text gave rather than the front matter.
struct InferredMarks {
    bool causes = false;
    bool duration = false;
    bool users_affected = false;
};

InferredMarks inferred_marks(const Postmortem& pm) {
    return {pm.is_inferred(Field::causes) && !pm.causes.empty(),
            pm.is_inferred(Field::duration_minutes) && pm.duration.has_value(),
            pm.is_inferred(Field::users_affected_pct) && pm.users_affected_pct.has_value()};
}

}  // namespace

bool marks_inferred(const Postmortem& pm) {
    const InferredMarks marks = inferred_marks(pm);
    return marks.causes || marks.duration || marks.users_affected;
}

json list_item_view(const Postmortem& pm, const SiteConfig& config) {
    const InferredMarks marks = inferred_marks(pm);
    return {
        {"title", pm.title},
        {"url", postmortem_url(pm)},
        {"has_date", pm.date.has_value()},
        {"date", date_text(pm.date)},
        {"date_display", date_display(pm.date)},
        {"has_duration", pm.duration.has_value()},
        {"duration", duration_text(pm)},
        {"has_users_affected", pm.users_affected_pct.has_value()},
        {"users_affected", users_text(pm)},
        {"has_impact", !pm.impact_summary.empty()},
        {"impact_summary", pm.impact_summary},
        {"has_lede", !pm.impact_summary.empty() || !pm.summary.empty()},
        {"lede", excerpt(pm.impact_summary.empty() ? pm.summary : pm.impact_summary, kLedeChars)},
        {"has_severity", !pm.severity.empty()},
        {"severity", pm.severity},
        {"severity_class", severity_class(pm.severity)},
        {"severity_rank", config.severity_rank(pm.severity)},
        {"has_causes", !pm.causes.empty()},
        {"causes", causes_view(pm, config)},
        // What the text gave rather than the front matter is marked in lists too, as on the
        // postmortem's page: a reader weighs a keyword's guess apart from a declared cause.
        {"causes_inferred", marks.causes},
        {"duration_inferred", marks.duration},
        {"users_affected_inferred", marks.users_affected},
        {"has_services", !pm.services.empty()},
        {"services", names_view(pm.services)}};
}

std::string format_percent(double value) {
    const double rounded = std::round(value * 10) / 10;
    if (rounded == std::floor(rounded)) {
        return fmt::format("{}%", static_cast<long long>(rounded));
    }
    return fmt::format("{:.1f}%", rounded);
}

json page_frame(const SiteConfig& config, const std::string& root, const std::string& page_title) {
    return {
        {"site", {{"title", config.title}, {"generator", fmt::format("Hindsight {}", kVersion)}}},
        {"root", root},
        {"page_title", page_title}};
}

std::vector<YearSpan> year_spans(const Archive& archive) {
    std::vector<YearSpan> spans;
    for (std::size_t i = 0; i < archive.newest_first.size(); ++i) {
        const Postmortem& pm = archive.postmortems[archive.newest_first[i]];
        std::string year =
            pm.date ? fmt::format("{}", static_cast<int>(date::year_month_day{*pm.date}.year()))
                    : "Undated";
        if (spans.empty() || spans.back().year != year) {
            spans.push_back({std::move(year), i, 0});
        }
        ++spans.back().count;
    }
    return spans;
}

json home_view(const Archive& archive, const SiteConfig& config, const std::vector<YearSpan>& spans,
               const ListPage& page) {
    json view = page_frame(
        config, list_page_root("", page.number),
        page.number > 1 ? fmt::format("{} · page {}", config.title, page.number) : config.title);
    const std::size_t size = std::max<std::size_t>(1, static_cast<std::size_t>(config.page_size));
    json years = json::array();
    json year_nav = json::array();
    bool marks = false;
    for (const auto& span : spans) {
        // The year list names every year, each linked to the page its first postmortem is on.
        year_nav.push_back(
            {{"year", span.year},
             {"url", list_page_path("", span.first / size + 1) + "#y-" + span.year}});
        const std::size_t from = std::max(span.first, page.begin);
        const std::size_t to = std::min(span.first + span.count, page.end);
        if (from >= to) {
            continue;
        }
        json items = json::array();
        for (std::size_t i = from; i < to; ++i) {
            const Postmortem& pm = archive.postmortems[archive.newest_first[i]];
            items.push_back(list_item_view(pm, config));
            marks = marks || marks_inferred(pm);
        }
        years.push_back({{"year", span.year},
                         {"count", span.count},
                         {"continued", from > span.first},
                         {"postmortems", std::move(items)}});
    }
    view["count"] = archive.postmortems.size();
    view["has_postmortems"] = !archive.postmortems.empty();
    view["years"] = std::move(years);
    view["marks_inferred"] = marks;
    view["year_nav"] = std::move(year_nav);
    view["headline"] = headline_view(archive);
    view["pagination"] = pager_view("", page);
    view["first_page"] = page.number == 1;
    return view;
}

json postmortem_view(const Postmortem& pm, const SiteConfig& config) {
    json view = page_frame(config, "../../", fmt::format("{} · {}", pm.title, config.title));
    json causes = causes_view(pm, config);
    json toc = toc_view(pm);
    json items = action_items_view(pm);
    json extra = extra_view(pm);
    MetaRows::View meta = meta_view(pm);
    view["page"] = {{"title", pm.title},
                    {"slug", pm.slug},
                    {"source", pm.source},
                    {"has_date", pm.date.has_value()},
                    {"date", date_text(pm.date)},
                    {"date_display", date_display(pm.date)},
                    {"has_severity", !pm.severity.empty()},
                    {"severity", pm.severity},
                    {"severity_class", severity_class(pm.severity)},
                    {"severity_rank", config.severity_rank(pm.severity)},
                    {"status", pm.draft ? "draft" : "published"},
                    {"is_draft", pm.draft},
                    {"meta", std::move(meta.rows)},
                    {"has_evidence", !meta.evidence.empty()},
                    {"evidence", std::move(meta.evidence)},
                    {"has_summary", !pm.summary.empty()},
                    {"summary", pm.summary},
                    {"causes_inferred", pm.is_inferred(Field::causes)},
                    {"action_items_inferred", pm.is_inferred(Field::action_items)},
                    {"action_items_evidence", pm.evidence.count(Field::action_items) > 0
                                                  ? pm.evidence.at(Field::action_items).text
                                                  : std::string{}},
                    {"has_causes", !causes.empty()},
                    {"causes", std::move(causes)},
                    {"has_services", !pm.services.empty()},
                    {"services", names_view(pm.services)},
                    {"has_action_items", !items.empty()},
                    {"action_items", std::move(items)},
                    {"has_toc", toc.size() >= 2},
                    {"toc", std::move(toc)},
                    {"has_extra", !extra.empty()},
                    {"extra", std::move(extra)},
                    {"body_html", pm.body_html}};
    return view;
}

std::string site_base_url(const SiteConfig& config) {
    if (config.base_url.empty() || !is_safe_url(config.base_url)) {
        return {};
    }
    return config.base_url.back() == '/' ? config.base_url : config.base_url + '/';
}

json not_found_view(const SiteConfig& config) {
    // The 404 page is served at any depth, so its links cannot be relative. The server that
    // serves it is the site's own, so they start from the path of base_url, not its origin: an
    // absolute origin would fetch the stylesheet from elsewhere (unstyled, and unreadable in the
    // dark scheme, wherever the site is previewed) and send a request off the machine.
    std::string path = site_base_url(config);
    if (const auto scheme = path.find("//"); scheme != std::string::npos) {
        const auto slash = path.find('/', scheme + 2);
        path = slash == std::string::npos ? std::string("/") : path.substr(slash);
    }
    return page_frame(config, path.empty() ? std::string("/") : path,
                      fmt::format("Page not found · {}", config.title));
}

}  // namespace hindsight
