// Builds the site's search index from the analysed archive, never from rendered pages.
#include "search/site_index.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "model/site_paths.hpp"
#include "search/lunr.hpp"

namespace hindsight::search {
namespace {

using nlohmann::json;

bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
    return fmt::format("{}", fmt::join(parts, separator));
}

// A cause is found by its label and by the other names the taxonomy gives it, so "concurrency"
// finds the race conditions.
std::string cause_words(const Postmortem& pm, const Taxonomy& taxonomy) {
    std::vector<std::string> words;
    for (const auto& key : pm.causes) {
        if (const CauseDefinition* cause = taxonomy.find(key)) {
            words.push_back(cause->label);
            words.insert(words.end(), cause->aliases.begin(), cause->aliases.end());
        } else {
            words.push_back(key);
        }
    }
    return joined(words, " ");
}

std::string cause_label(const std::string& key, const Taxonomy& taxonomy) {
    const CauseDefinition* cause = taxonomy.find(key);
    return cause ? cause->label : key;
}

std::string action_titles(const Postmortem& pm) {
    std::vector<std::string> titles;
    for (const auto& item : pm.action_items) {
        titles.push_back(item.title);
    }
    return joined(titles, "\n");
}

std::string field_text(const std::string& field, const Postmortem& pm, const SiteConfig& config,
                       const std::string& body) {
    if (field == "title") {
        return pm.title;
    }
    if (field == "summary") {
        return pm.summary;
    }
    if (field == "causes") {
        return cause_words(pm, config.taxonomy);
    }
    if (field == "services") {
        return joined(pm.services, " ");
    }
    if (field == "severity") {
        return pm.severity;
    }
    if (field == "tags") {
        return joined(pm.tags, " ");
    }
    if (field == "action_items") {
        return action_titles(pm);
    }
    return body;  // "body": config accepts no other name
}

json null_or(const std::string& text) {
    return text.empty() ? json(nullptr) : json(text);
}

// For each postmortem, the keys of the groups holding it: the search page's filters read the
// same groups as the cause, service, severity and year pages, so the counts agree.
std::vector<json> group_keys(const std::vector<ArchiveGroup>& groups, std::size_t postmortems) {
    std::vector<json> keys(postmortems, json::array());
    for (const auto& group : groups) {
        for (const std::size_t index : group.postmortems) {
            keys[index].push_back(group.key);
        }
    }
    return keys;
}

struct Facets {
    std::vector<json> cause, service, severity, year;

    explicit Facets(const Archive& archive)
        : cause(group_keys(archive.causes, archive.postmortems.size())),
          service(group_keys(archive.services, archive.postmortems.size())),
          severity(group_keys(archive.severities, archive.postmortems.size())),
          year(group_keys(archive.years, archive.postmortems.size())) {}

    json of(std::size_t index) const {
        return {{"cause", cause[index]},
                {"service", service[index]},
                {"severity", severity[index]},
                {"year", year[index]}};
    }
};

json hit_document(const Postmortem& pm, const SiteConfig& config, const std::string& body,
                  json filters) {
    json causes = json::array();
    for (const auto& key : pm.causes) {
        causes.push_back({{"key", key}, {"label", cause_label(key, config.taxonomy)}});
    }
    return {
        {"ref", pm.slug},
        {"title", pm.title},
        {"url", postmortem_url(pm)},
        {"date", pm.date ? json(format_date(*pm.date)) : json(nullptr)},
        {"year", pm.date ? json(format_date(*pm.date).substr(0, 4)) : json(nullptr)},
        {"duration", pm.duration ? json(format_duration(*pm.duration)) : json(nullptr)},
        {"duration_minutes", pm.duration ? json(pm.duration->count()) : json(nullptr)},
        {"severity", null_or(pm.severity)},
        {"severity_rank", config.severity_rank(pm.severity)},  // the theme's colour
        {"causes", std::move(causes)},
        {"services", pm.services},
        {"summary", pm.summary},
        {"text", body},
        {"filters", std::move(filters)},
    };
}

// Turns a JSON file into the script that sets window.HindsightSearch.<member> to it, in place:
// at 50,000 postmortems the index is 800 MB, and a second copy would double the peak.
void make_script(std::string_view member, std::string& json_text) {
    const std::string head = fmt::format(
        "window.HindsightSearch = window.HindsightSearch || {{}};\n"
        "window.HindsightSearch.{} = ",
        member);
    constexpr std::string_view tail = ";\n";
    json_text.reserve(json_text.size() + head.size() + tail.size());
    json_text.insert(0, head);
    json_text += tail;
}

}  // namespace

std::string capped_words(const std::string& text, int max_words) {
    if (max_words <= 0) {
        return text;
    }
    int words = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) {
            ++i;
        }
        if (i == text.size()) {
            break;
        }
        if (words == max_words) {
            return text.substr(0, i);
        }
        ++words;
        while (i < text.size() && !is_space(text[i])) {
            ++i;
        }
    }
    return text;
}

namespace {

// The capped body of each postmortem, newest first: the index and the hit documents share it,
// so that every term a search matches is in the text its snippet is taken from.
std::vector<std::string> capped_bodies(const Archive& archive, const SiteConfig& config) {
    std::vector<std::string> bodies;
    for (const std::size_t index : archive.newest_first) {
        bodies.push_back(
            capped_words(archive.postmortems[index].body_text, config.search.max_words));
    }
    return bodies;
}

SiteIndexInput index_input(const Archive& archive, const SiteConfig& config,
                           const std::vector<std::string>& bodies) {
    SiteIndexInput input;
    for (const auto& field : config.search.fields) {
        input.fields.push_back({field.name, field.boost});
    }
    for (std::size_t n = 0; n < archive.newest_first.size(); ++n) {
        const Postmortem& pm = archive.postmortems[archive.newest_first[n]];
        LunrDocument document{pm.slug, {}, 1};
        for (const auto& field : config.search.fields) {
            document.values.emplace_back(field_text(field.name, pm, config, bodies[n]));
        }
        input.documents.push_back(std::move(document));
    }
    return input;
}

}  // namespace

SiteIndexInput site_index_input(const Archive& archive, const SiteConfig& config) {
    return index_input(archive, config, capped_bodies(archive, config));
}

std::string site_search_files(const Archive& archive, const SiteConfig& config, FileSink& sink) {
    const std::vector<std::string> bodies = capped_bodies(archive, config);
    const SiteIndexInput input = index_input(archive, config, bodies);
    // Each file goes to the sink as soon as it is made, and is dropped: at 10,000 postmortems the
    // four are 450 MB, which held together were a third of the build's peak memory.
    std::string error;
    // Each text is written as JSON, then turned into its script in place and written again.
    const auto add = [&](const OutputFile& file) {
        if (auto failed = sink.add(file); !failed.empty() && error.empty()) {
            error = std::move(failed);
        }
    };
    const auto add_both = [&](const std::string& name, std::string_view member, std::string text) {
        OutputFile file{name + ".json", std::move(text)};
        add(file);
        make_script(member, file.bytes);
        file.path = name + ".js";
        add(file);
    };
    add_both("search-index", "index", build_lunr_index(input.fields, input.documents));
    json hits = json::array();
    const Facets facets(archive);
    for (std::size_t n = 0; n < archive.newest_first.size(); ++n) {
        const std::size_t i = archive.newest_first[n];
        hits.push_back(hit_document(archive.postmortems[i], config, bodies[n], facets.of(i)));
    }
    std::string docs = hits.dump(-1, ' ', false, json::error_handler_t::replace);
    hits = json();
    add_both("search-docs", "docs", std::move(docs));
    return error;
}

OutputFiles site_search_files(const Archive& archive, const SiteConfig& config) {
    MemorySink sink;
    site_search_files(archive, config, sink);
    return sink.take();
}

}  // namespace hindsight::search
