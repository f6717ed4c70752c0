// The zone tables (abbreviations are fixed offsets, regional names follow the date) and lookups.
#include "extract/time_zones.hpp"

#include <algorithm>
#include <cctype>
#include <exception>
#include <iterator>
#include <map>
#include <string>

#include <date/tz.h>

namespace hindsight {
namespace {

struct ZoneName {
    std::string_view name;
    int offset;
    std::string_view region;
};

// Abbreviations are fixed offsets (a postmortem that says PST in July means -08:00); the
// regional names without S/D follow the date.
constexpr ZoneName kZones[] = {
    {"utc", 0, ""},
    {"gmt", 0, ""},
    {"z", 0, ""},
    {"pst", -480, ""},
    {"pdt", -420, ""},
    {"mst", -420, ""},
    {"mdt", -360, ""},
    {"cst", -360, ""},
    {"cdt", -300, ""},
    {"est", -300, ""},
    {"edt", -240, ""},
    {"akst", -540, ""},
    {"akdt", -480, ""},
    {"hst", -600, ""},
    {"cet", 60, ""},
    {"cest", 120, ""},
    {"wet", 0, ""},
    {"west", 60, ""},
    {"eet", 120, ""},
    {"eest", 180, ""},
    {"bst", 60, ""},
    {"ist", 330, ""},
    {"wat", 60, ""},
    {"cat", 120, ""},
    {"sast", 120, ""},
    {"eat", 180, ""},
    {"kst", 540, ""},
    {"jst", 540, ""},
    {"sgt", 480, ""},
    {"hkt", 480, ""},
    {"aest", 600, ""},
    {"aedt", 660, ""},
    {"awst", 480, ""},
    {"nzst", 720, ""},
    {"nzdt", 780, ""},
    {"msk", 180, ""},
    {"wib", 420, ""},
    {"ict", 420, ""},
    {"pht", 480, ""},
    {"brt", -180, ""},
    {"art", -180, ""},
    {"pt", 0, "America/Los_Angeles"},
    {"et", 0, "America/New_York"},
    {"ct", 0, "America/Chicago"},
    {"mt", 0, "America/Denver"},
};

struct LongZoneName {
    std::vector<std::string_view> words;
    std::string_view abbreviation;
};

const std::vector<LongZoneName>& long_zone_names() {
    static const std::vector<LongZoneName> names = {
        {{"pacific", "standard", "time"}, "pst"},
        {{"pacific", "daylight", "time"}, "pdt"},
        {{"pacific", "time"}, "pt"},
        {{"eastern", "standard", "time"}, "est"},
        {{"eastern", "daylight", "time"}, "edt"},
        {{"eastern", "time"}, "et"},
        {{"central", "european", "time"}, "cet"},
        {{"central", "standard", "time"}, "cst"},
        {{"central", "time"}, "ct"},
        {{"east", "africa", "time"}, "eat"},
        {{"west", "africa", "time"}, "wat"},
        {{"central", "africa", "time"}, "cat"},
        {{"south", "african", "standard", "time"}, "sast"},
        {{"korea", "standard", "time"}, "kst"},
        {{"india", "standard", "time"}, "ist"},
        {{"coordinated", "universal", "time"}, "utc"},
        {{"greenwich", "mean", "time"}, "gmt"},
    };
    return names;
}

// The words a long zone name begins with, sorted: every word of a line is looked up here first.
const std::vector<std::string_view>& long_zone_first_words() {
    static const std::vector<std::string_view> words = [] {
        std::vector<std::string_view> firsts;
        for (const auto& name : long_zone_names()) {
            firsts.push_back(name.words.front());
        }
        std::sort(firsts.begin(), firsts.end());
        firsts.erase(std::unique(firsts.begin(), firsts.end()), firsts.end());
        return firsts;
    }();
    return words;
}

// The longest abbreviation in kZones: longer words are no zone.
constexpr std::size_t kMaxZoneName = 4;
static_assert(std::all_of(std::begin(kZones), std::end(kZones),
                          [](const ZoneName& zone) { return zone.name.size() <= kMaxZoneName; }));

const ZoneName* find_zone(std::string_view word) {
    if (word.size() > kMaxZoneName) {
        return nullptr;
    }
    // The zones by name, looked up by binary search: every short word of a line comes here.
    static const std::vector<const ZoneName*> by_name = [] {
        std::vector<const ZoneName*> zones;
        for (const auto& zone : kZones) {
            zones.push_back(&zone);
        }
        // Stable: a name listed twice finds its first entry, as a scan in order would.
        std::stable_sort(zones.begin(), zones.end(),
                         [](const ZoneName* a, const ZoneName* b) { return a->name < b->name; });
        return zones;
    }();
    const auto it = std::lower_bound(
        by_name.begin(), by_name.end(), word,
        [](const ZoneName* zone, std::string_view name) { return zone->name < name; });
    return it != by_name.end() && (*it)->name == word ? *it : nullptr;
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
}

}  // namespace

std::optional<WrittenZone> zone_abbreviation(std::string_view lower_word) {
    const ZoneName* zone = find_zone(lower_word);
    if (zone == nullptr) {
        return std::nullopt;
    }
    return WrittenZone{upper(zone->name), zone->offset, std::string(zone->region)};
}

// "Winnipeg time" (real13/004), "Denver time" (corpus/real/051): a city that names a zone of the
// tz database (America/Winnipeg), in lower case, with its zone. Cities of the five continents'
// zones only; names that are also words of "... time" are left out ("Christmas time").
const std::map<std::string, std::string, std::less<>>& city_zones() {
    static const std::map<std::string, std::string, std::less<>> cities = [] {
        std::map<std::string, std::string, std::less<>> found;
        try {
            for (const auto& zone : date::get_tzdb().zones) {
                const std::string name(zone.name());
                const auto slash = name.rfind('/');
                const std::string area = name.substr(0, name.find('/'));
                if (slash == std::string::npos || name.find('/') != slash ||
                    (area != "America" && area != "Europe" && area != "Asia" &&
                     area != "Australia" && area != "Africa")) {
                    continue;
                }
                std::string city = name.substr(slash + 1);
                if (city.find('_') != std::string::npos) {
                    continue;  // "New_York": two words; "Eastern Time" says it
                }
                for (char& c : city) {
                    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                }
                found.emplace(city, name);
            }
        } catch (const std::exception&) {
            // No tz database: no city is a zone.
        }
        return found;
    }();
    return cities;
}

std::optional<std::pair<WrittenZone, std::size_t>> zone_in_words(
    const std::vector<TimeToken>& tokens, std::size_t at) {
    if (at + 1 < tokens.size() && tokens[at].kind == TimeTokenKind::word &&
        tokens[at + 1].kind == TimeTokenKind::word && tokens[at + 1].text == "time") {
        const auto& cities = city_zones();
        if (const auto city = cities.find(tokens[at].text); city != cities.end()) {
            std::string written = tokens[at].text;
            written.front() =
                static_cast<char>(std::toupper(static_cast<unsigned char>(written.front())));
            return std::pair{WrittenZone{written + " time", 0, city->second}, std::size_t{2}};
        }
    }
    const auto& firsts = long_zone_first_words();
    if (at >= tokens.size() || tokens[at].kind != TimeTokenKind::word ||
        !std::binary_search(firsts.begin(), firsts.end(), std::string_view(tokens[at].text))) {
        return std::nullopt;
    }
    for (const auto& name : long_zone_names()) {
        bool all = at + name.words.size() <= tokens.size();
        for (std::size_t w = 0; all && w < name.words.size(); ++w) {
            all =
                tokens[at + w].kind == TimeTokenKind::word && tokens[at + w].text == name.words[w];
        }
        if (all) {
            return std::pair{*zone_abbreviation(name.abbreviation), name.words.size()};
        }
    }
    return std::nullopt;
}

std::optional<WrittenZone> find_zone_word(std::string_view line) {
    const auto tokens = tokenize_for_times(line);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const TimeToken& t = tokens[i];
        if (t.kind != TimeTokenKind::word || t.text.size() < 2) {
            continue;
        }
        if (const ZoneName* zone = find_zone(t.text)) {
            // "in PT" reads as a zone only in upper case in the source: "pt" is also a word.
            const std::string_view written = line.substr(t.begin, t.end - t.begin);
            if (written != upper(written)) {
                continue;
            }
            WrittenZone result{upper(zone->name), zone->offset, std::string(zone->region)};
            if ((zone->name == "utc" || zone->name == "gmt") && i + 2 < tokens.size() &&
                (tokens[i + 1].text == "+" || tokens[i + 1].text == "-") &&
                tokens[i + 2].kind == TimeTokenKind::number && tokens[i + 2].digits <= 2) {
                const int sign = tokens[i + 1].text == "+" ? 1 : -1;
                result.offset_minutes = sign * tokens[i + 2].value * 60;
                result.name += tokens[i + 1].text + tokens[i + 2].text;
            }
            return result;
        }
    }
    // "All times US/Pacific": a region of the tz database, written as Area/Location.
    const auto name_char = [](char c) {
        return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_';
    };
    for (std::size_t slash = line.find('/'); slash != std::string_view::npos;
         slash = line.find('/', slash + 1)) {
        std::size_t begin = slash;
        while (begin > 0 && name_char(line[begin - 1])) {
            --begin;
        }
        std::size_t end = slash + 1;
        while (end < line.size() && (name_char(line[end]) || line[end] == '/')) {
            ++end;
        }
        if (begin < slash && end > slash + 1 &&
            std::isupper(static_cast<unsigned char>(line[begin]))) {
            if (auto region = region_zone(line.substr(begin, end - begin))) {
                return region;
            }
        }
    }
    // A name in words ("Pacific Time") only where the line has no abbreviation: "Eastern Time,
    // EST" means the fixed offset the abbreviation names.
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (auto spelled = zone_in_words(tokens, i)) {
            return std::move(spelled->first);
        }
    }
    return std::nullopt;
}

std::optional<WrittenZone> region_zone(std::string_view name) {
    try {
        date::locate_zone(name);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    return WrittenZone{std::string(name), 0, std::string(name)};
}

int zone_offset_on(const WrittenZone& zone, const CalendarDate& date) {
    if (zone.region.empty()) {
        return zone.offset_minutes;
    }
    try {
        const auto* tz = date::locate_zone(zone.region);
        const date::sys_days day{date::year{date.year} / date.month / date.day};
        const auto info = tz->get_info(day + std::chrono::hours{12});
        return static_cast<int>(
            std::chrono::duration_cast<std::chrono::minutes>(info.offset).count());
    } catch (const std::exception&) {
        return zone.offset_minutes;
    }
}

}  // namespace hindsight
