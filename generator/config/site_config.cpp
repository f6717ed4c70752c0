// Reading and validating hindsight.yaml with yaml-cpp.
#include "config/site_config.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <yaml-cpp/yaml.h>

#include "config/yaml_tree.hpp"
#include "core/slug.hpp"
#include "core/suggest.hpp"
#include "core/text.hpp"
#include "core/url.hpp"
#include "core/yaml_guard.hpp"

namespace hindsight {
namespace {

const std::vector<std::string> kKnownKeys = {"title",      "base_url",    "time_zone", "theme",
                                             "severities", "unsafe_html", "taxonomy",  "synonyms",
                                             "search",     "page_size"};

class ConfigReader {
  public:
    ConfigReader(std::string_view path, Diagnostics& diagnostics)
        : path_(path), diagnostics_(diagnostics) {}

    Location at(const YAML::Node& node) const {
        const auto mark = node.Mark();
        return {path_, mark.line + 1, mark.column + 1};
    }

    void error(const YAML::Node& node, std::string message, std::string hint = {}) {
        diagnostics_.push_back(make_error(at(node), std::move(message), std::move(hint)));
    }

    bool read_string(const YAML::Node& node, std::string_view key, std::string& out) {
        if (!node.IsScalar()) {
            error(node, fmt::format("'{}' must be a string", key));
            return false;
        }
        out = node.Scalar();
        return true;
    }

    // base_url is written into every page's links and the feed: an address the allowlist
    // refuses (javascript:) is a warning and is left out, as if it were not set.
    void read_base_url(const YAML::Node& node, std::string& out) {
        std::string url;
        if (!read_string(node, "base_url", url)) {
            return;
        }
        if (const auto problem = base_url_problem(url)) {
            diagnostics_.push_back(make_warning(at(node), *problem, kAllowedUrlsHint));
            return;
        }
        out = std::move(url);
    }

    void read_string_list(const YAML::Node& node, std::string_view key,
                          std::vector<std::string>& out) {
        if (!node.IsSequence()) {
            error(node, fmt::format("'{}' must be a list of strings", key));
            return;
        }
        std::vector<std::string> values;
        for (const auto& item : node) {
            if (!item.IsScalar()) {
                error(item, fmt::format("'{}' must be a list of strings", key));
                return;
            }
            values.push_back(item.Scalar());
        }
        out = std::move(values);
    }

    // Each entry is a name, or a mapping {name, aliases}; a list replaces the default ladder.
    void read_severities(const YAML::Node& node, std::vector<SeverityLevel>& out) {
        if (!node.IsSequence() || node.size() == 0) {
            error(node, "'severities' must be a non-empty list, worst first");
            return;
        }
        std::vector<SeverityLevel> levels;
        for (const auto& item : node) {
            SeverityLevel level;
            if (item.IsScalar()) {
                level.name = item.Scalar();
            } else if (item.IsMap() && item["name"] && item["name"].IsScalar()) {
                level.name = item["name"].Scalar();
                if (item["aliases"]) {
                    read_string_list(item["aliases"], "aliases", level.aliases);
                }
            } else {
                error(item, "a severity is a name, or a mapping with 'name' and 'aliases'");
                return;
            }
            levels.push_back(std::move(level));
        }
        out = std::move(levels);
    }

    // synonyms: {monitor: [alerting, observability]} adds to (or extends) the default table.
    void read_synonyms(const YAML::Node& node, std::vector<SynonymGroup>& groups) {
        if (!node.IsMap()) {
            error(node, "'synonyms' must map a word to the phrases that mean it");
            return;
        }
        for (const auto& entry : node) {
            std::vector<std::string> phrases;
            read_string_list(entry.second, "synonyms", phrases);
            const std::string canonical = entry.first.Scalar();
            auto it = std::find_if(groups.begin(), groups.end(),
                                   [&](const auto& g) { return g.canonical == canonical; });
            if (it == groups.end()) {
                groups.push_back({canonical, phrases});
            } else {
                it->phrases.insert(it->phrases.end(), phrases.begin(), phrases.end());
            }
        }
    }

    void read_cause(const std::string& key, const YAML::Node& node, Taxonomy& taxonomy) {
        if (!is_slug(key)) {
            error(node, fmt::format("cause key '{}' is not a slug", key),
                  fmt::format("use lower-case letters, digits and '-', e.g. '{}'", slugify(key)));
            return;
        }
        auto it = std::find_if(taxonomy.causes.begin(), taxonomy.causes.end(),
                               [&](const auto& c) { return c.key == key; });
        if (it == taxonomy.causes.end()) {
            taxonomy.causes.push_back({key, key, {}, {}});
            it = std::prev(taxonomy.causes.end());
        }
        if (node.IsNull()) {
            return;
        }
        if (!node.IsMap()) {
            error(node,
                  fmt::format("cause '{}' must be a mapping of label, aliases, keywords", key));
            return;
        }
        for (const auto& field : node) {
            const std::string name = field.first.Scalar();
            if (name == "label") {
                read_string(field.second, "label", it->label);
            } else if (name == "aliases") {
                read_string_list(field.second, "aliases", it->aliases);
            } else if (name == "keywords") {
                read_string_list(field.second, "keywords", it->keywords);
            } else if (name == "mechanism") {
                bool flag = false;
                if (field.second.IsScalar() && YAML::convert<bool>::decode(field.second, flag)) {
                    it->mechanism = flag;
                } else {
                    error(field.second, "'mechanism' must be true or false");
                }
            } else {
                diagnostics_.push_back(
                    make_warning(at(field.first), fmt::format("unknown cause field '{}'", name),
                                 "a cause takes label, aliases, keywords and mechanism"));
            }
        }
    }

    void read_taxonomy(const YAML::Node& node, Taxonomy& taxonomy) {
        const YAML::Node causes = node.IsMap() ? node["causes"] : YAML::Node();
        if (!causes || !causes.IsMap()) {
            error(node, "'taxonomy' must be a mapping with a 'causes' mapping");
            return;
        }
        for (const auto& entry : causes) {
            read_cause(entry.first.Scalar(), entry.second, taxonomy);
        }
        std::sort(taxonomy.causes.begin(), taxonomy.causes.end(),
                  [](const auto& a, const auto& b) { return a.key < b.key; });
    }

    // search: {fields: {title: 10, body: 1}, max_words: 2000}. A fields mapping replaces the
    // default list, so a site can also leave fields out.
    void read_search(const YAML::Node& node, SearchConfig& search) {
        if (!node.IsMap()) {
            error(node, "'search' must be a mapping with 'fields' and 'max_words'");
            return;
        }
        for (const auto& entry : node) {
            const std::string name = entry.first.Scalar();
            if (name == "fields") {
                read_search_fields(entry.second, search.fields);
            } else if (name == "max_words") {
                int words = 0;
                if (entry.second.IsScalar() && YAML::convert<int>::decode(entry.second, words) &&
                    words >= 0) {
                    search.max_words = words;
                } else {
                    error(entry.second, "'max_words' must be a whole number, 0 for no limit");
                }
            } else {
                diagnostics_.push_back(
                    make_warning(at(entry.first), fmt::format("unknown search setting '{}'", name),
                                 "search takes fields and max_words"));
            }
        }
    }

    void read_search_fields(const YAML::Node& node, std::vector<SearchField>& out) {
        if (!node.IsMap() || node.size() == 0) {
            error(node, "'fields' must map field names to boosts, e.g. {title: 10, body: 1}");
            return;
        }
        std::vector<SearchField> fields;
        for (const auto& entry : node) {
            const std::string name = entry.first.Scalar();
            const auto& known = search_field_names();
            if (std::find(known.begin(), known.end(), name) == known.end()) {
                const auto suggestion = closest_match(name, known);
                error(entry.first, fmt::format("unknown search field '{}'", name),
                      suggestion ? fmt::format("did you mean '{}'?", *suggestion)
                                 : fmt::format("the fields are {}", fmt::join(known, ", ")));
                return;
            }
            double boost = 0;
            if (!entry.second.IsScalar() || !YAML::convert<double>::decode(entry.second, boost) ||
                !(boost > 0 && std::isfinite(boost))) {
                error(entry.second,
                      fmt::format("the boost of search field '{}' must be a number above 0", name));
                return;
            }
            fields.push_back({name, boost});
        }
        out = std::move(fields);
    }

    void read_key(const std::string& key, const YAML::Node& value, SiteConfig& config) {
        if (key == "title") {
            read_string(value, key, config.title);
        } else if (key == "base_url") {
            read_base_url(value, config.base_url);
        } else if (key == "theme") {
            read_string(value, key, config.theme);
        } else if (key == "time_zone") {
            std::string name;
            if (read_string(value, key, name)) {
                if (auto zone = TimeZone::from_name(name)) {
                    config.time_zone = *zone;
                } else {
                    error(value, fmt::format("unknown time zone '{}'", name),
                          "use UTC, an offset like +02:00, or an IANA name like Europe/Berlin");
                }
            }
        } else if (key == "severities") {
            read_severities(value, config.severities);
        } else if (key == "unsafe_html") {
            bool flag = false;
            if (value.IsScalar() && YAML::convert<bool>::decode(value, flag)) {
                config.unsafe_html = flag;
            } else {
                error(value, "'unsafe_html' must be true or false");
            }
        } else if (key == "page_size") {
            int size = 0;
            if (value.IsScalar() && YAML::convert<int>::decode(value, size) && size >= 1 &&
                size <= kMaxPageSize) {
                config.page_size = size;
            } else {
                error(value,
                      fmt::format("'page_size' must be a whole number from 1 to {}", kMaxPageSize),
                      "the number of postmortems on each page of a list, e.g. 50");
            }
        } else if (key == "taxonomy") {
            read_taxonomy(value, config.taxonomy);
        } else if (key == "synonyms") {
            read_synonyms(value, config.synonyms);
        } else if (key == "search") {
            read_search(value, config.search);
        } else {
            const auto suggestion = closest_match(key, kKnownKeys);
            diagnostics_.push_back(make_warning(
                at(value), fmt::format("unknown site setting '{}'", key),
                suggestion ? fmt::format("did you mean '{}'?", *suggestion) : std::string{}));
        }
    }

  private:
    std::string path_;
    Diagnostics& diagnostics_;
};

}  // namespace

const std::vector<std::string>& search_field_names() {
    static const std::vector<std::string> names = {
        "title", "summary", "causes", "services", "severity", "tags", "action_items", "body"};
    return names;
}

std::vector<SeverityLevel> default_severities() {
    return {
        {"SEV1",
         {"critical", "highest", "p1", "p0", "sev0", "0", "down", "major-outage", "outage"}},
        {"SEV2", {"high", "major", "p2", "disrupted", "partial-outage"}},
        {"SEV3",
         {"medium", "moderate", "p3", "degraded", "degraded-performance", "minor", "warning"}},
        {"SEV4", {"low", "p4", "notice"}},
        {"SEV5", {"info", "informational", "lowest", "trivial", "p5", "maintenance"}},
    };
}

std::optional<std::string> base_url_problem(std::string_view url) {
    if (is_safe_url(url)) {
        return std::nullopt;
    }
    return fmt::format("base_url '{}' is not allowed and is left out", url);
}

const SeverityLevel* SiteConfig::find_severity(std::string_view text) const {
    // Folded (core/text.hpp): case, spaces, '_' and '-' do not matter, so "Sev 1", "sev-1",
    // "SEV_1" and "Major Outage" match; then the leading phrase of "SEV1 - Critical" and the
    // first words of "Sev 1 critical".
    for (const auto& wanted : spelling_candidates(text)) {
        for (const auto& level : severities) {
            const std::string name = fold_spelling(level.name);
            // For levels named SEVn: "1", "S1", "Severity 1", "Sev 1", "Level 1", "Severity
            // Level 1" and "Severity One" name SEV1 too.
            const bool sev_n = name.size() > 3 && name.starts_with("sev");
            const std::string n = sev_n ? name.substr(3) : std::string{};
            static const char* const kWords[] = {"zero", "one", "two",   "three", "four",
                                                 "five", "six", "seven", "eight", "nine"};
            const std::string word = n.size() == 1 && n[0] >= '0' && n[0] <= '9'
                                         ? std::string(kWords[n[0] - '0'])
                                         : std::string{};
            if (wanted == name ||
                (sev_n &&
                 (wanted == n || wanted == "s" + n || wanted == "severity" + n ||
                  wanted == "level" + n || wanted == "severitylevel" + n ||
                  (!word.empty() && (wanted == "severity" + word || wanted == "sev" + word ||
                                     wanted == "level" + word))))) {
                return &level;
            }
            for (const auto& alias : level.aliases) {
                if (fold_spelling(alias) == wanted) {
                    return &level;
                }
            }
        }
    }
    return nullptr;
}

std::vector<std::string> SiteConfig::severity_names() const {
    std::vector<std::string> names;
    for (const auto& level : severities) {
        names.push_back(level.name);
    }
    return names;
}

int SiteConfig::severity_rank(std::string_view name) const {
    for (std::size_t i = 0; i < severities.size(); ++i) {
        if (severities[i].name == name) {
            return static_cast<int>(i) + 1;
        }
    }
    return 0;
}

ConfigResult parse_site_config(std::string_view path, std::string_view text) {
    ConfigResult result;
    if (const auto violation = check_yaml_limits(text)) {
        result.diagnostics.push_back(make_error(
            {std::string(path), violation->line, violation->column}, violation->message));
        return result;
    }
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
        result.diagnostics.push_back(
            make_error({std::string(path), e.mark.line + 1, e.mark.column + 1},
                       fmt::format("invalid YAML: {}", e.msg)));
        return result;
    }
    // Aliases are resolved only now: bound what reading the settings will walk.
    if (const auto violation = check_yaml_tree(root)) {
        result.diagnostics.push_back(
            make_error({std::string(path), violation->line, violation->column}, violation->message,
                       violation->hint));
        return result;
    }
    if (root.IsNull()) {
        return result;
    }
    if (!root.IsMap()) {
        result.diagnostics.push_back(
            make_error({std::string(path), 1, 1}, "site configuration must be a YAML mapping"));
        return result;
    }
    ConfigReader reader(path, result.diagnostics);
    for (const auto& entry : root) {
        reader.read_key(entry.first.Scalar(), entry.second, result.config);
    }
    return result;
}

}  // namespace hindsight
