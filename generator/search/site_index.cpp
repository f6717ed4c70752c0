// The site's lunr index from the analysed archive, never from rendered pages.
#include "search/site_index.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "model/site_paths.hpp"
#include "search/document_terms.hpp"

namespace hindsight::search {
namespace {

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

std::string action_titles(const Postmortem& pm) {
    std::vector<std::string> titles;
    for (const auto& item : pm.action_items) {
        titles.push_back(item.title);
    }
    return joined(titles, "\n");
}

std::string field_text(const std::string& field, const Postmortem& pm, const SiteConfig& config,
                       std::string_view body) {
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
    return std::string(body);  // "body": config accepts no other name
}

}  // namespace

std::string_view capped_words(std::string_view text, int max_words) {
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

SiteIndexInput index_input(const Archive& archive, const SiteConfig& config,
                           const std::vector<std::string_view>& bodies) {
    SiteIndexInput input;
    for (const auto& field : config.search.fields) {
        input.fields.push_back({field.name, field.boost});
    }
    for (std::size_t n = 0; n < archive.newest_first.size(); ++n) {
        const Postmortem& pm = archive.postmortems[archive.newest_first[n]];
        input.documents.push_back({std::to_string(n), postmortem_values(pm, config, bodies[n]), 1});
    }
    return input;
}

}  // namespace

std::vector<FieldValue> postmortem_values(const Postmortem& pm, const SiteConfig& config,
                                          std::string_view capped_body) {
    std::vector<FieldValue> values;
    for (const auto& field : config.search.fields) {
        values.emplace_back(field_text(field.name, pm, config, capped_body));
    }
    return values;
}

std::vector<std::string_view> capped_bodies(const Archive& archive, const SiteConfig& config) {
    std::vector<std::string_view> bodies;
    bodies.reserve(archive.newest_first.size());
    for (const std::size_t index : archive.newest_first) {
        bodies.push_back(
            capped_words(archive.postmortems[index].body_text, config.search.max_words));
    }
    return bodies;
}

SiteIndexInput site_index_input(const Archive& archive, const SiteConfig& config) {
    return index_input(archive, config, capped_bodies(archive, config));
}

LunrIndex site_lunr_index(const Archive& archive, const SiteConfig& config,
                          const std::vector<std::string_view>& bodies) {
    std::vector<LunrField> fields;
    for (const auto& field : config.search.fields) {
        fields.push_back({field.name, field.boost});
    }
    IndexBuilder builder(fields);
    TermReader reader;
    for (std::size_t n = 0; n < archive.newest_first.size(); ++n) {
        const Postmortem& pm = archive.postmortems[archive.newest_first[n]];
        builder.add(std::to_string(n), reader.read(postmortem_values(pm, config, bodies[n])));
    }
    return std::move(builder).build();
}

}  // namespace hindsight::search
