// Writing the site's search data: shards, dictionary, document chunks and the manifest naming
// them, each wrapped in the script that registers it.
#include "search/site_files.hpp"

#include <algorithm>
#include <future>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/hash.hpp"
#include "model/site_paths.hpp"
#include "search/serializer.hpp"
#include "search/shards.hpp"
#include "search/site_index.hpp"

namespace hindsight::search {
namespace {

using nlohmann::json;

constexpr std::string_view kPrefix = "HindsightSearch.register(\"";
constexpr std::string_view kMiddle = "\",'";
constexpr std::string_view kSuffix = "');\n";

// The JSON as the body of a single-quoted JavaScript string: \ and ' escaped, and the line
// breaks a string may not hold (JSON keeps U+2028 and U+2029 raw; old engines refuse them).
void append_js_string_body(std::string& out, std::string_view text) {
    // Runs of bytes that need no escape are copied whole: the search files are 200 MB at 10,000
    // postmortems, and a byte at a time was 3% of a build.
    std::size_t run = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '\\' && c != '\'' && c != '\n' && c != '\r' && c != '\xE2') {
            continue;
        }
        out.append(text.data() + run, i - run);
        run = i + 1;
        if (c == '\\' || c == '\'') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (i + 2 < text.size() && text[i + 1] == '\x80' &&
                   (text[i + 2] == '\xA8' || text[i + 2] == '\xA9')) {
            out += text[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
            i += 2;
            run = i + 1;
        } else {
            out += c;  // another character starting with 0xE2
        }
    }
    out.append(text.data() + run, text.size() - run);
}

std::string script(std::string_view name, std::string_view json_text) {
    std::string out;
    out.reserve(json_text.size() + json_text.size() / 64 + name.size() + 64);
    out += kPrefix;
    out += name;
    out += kMiddle;
    append_js_string_body(out, json_text);
    out += kSuffix;
    return out;
}

// Hands files to the sink, each named KIND-HASH by its contents (40 bits of it); two different
// contents whose short hashes clash (about one chance in a million at 1,000 shards) get the full
// hash instead.
class NamedFiles {
  public:
    explicit NamedFiles(FileSink& sink) : sink_(sink) {}

    std::string add(std::string_view kind, const std::string& json_text) {
        const std::string hex = hash_bytes(json_text).hex();
        std::string name = fmt::format("{}-{}", kind, hex.substr(0, 10));
        const auto [it, added] = names_.emplace(name, hex);
        if (!added && it->second != hex) {
            name = fmt::format("{}-{}", kind, hex);
        }
        if (added || it->second != hex) {
            add_file("search/" + name + ".js", script(name, json_text));
        }
        return name;
    }

    void add_file(const std::string& path, std::string bytes) {
        add_error(sink_.add(OutputFile{path, std::move(bytes)}));
    }

    // Keeps the first error: of a file added here, or of another NamedFiles on the same sink.
    void add_error(std::string error) {
        if (!error.empty() && error_.empty()) {
            error_ = std::move(error);
        }
    }

    std::string error() const { return error_; }

  private:
    FileSink& sink_;
    std::map<std::string, std::string> names_;  // short name -> full hash
    std::string error_;
};

std::string json_list(const std::vector<std::string>& items) {
    return json(items).dump(-1, ' ', false, json::error_handler_t::replace);
}

// Every term, sorted as the shards list them: the vocabulary a typo is matched against.
std::string dictionary_json(const LunrIndex& index, const ShardPlan& plan) {
    std::string out = "[";
    for (std::size_t i = 0; i < plan.sorted.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        append_json_string(out, index.terms[plan.sorted[i]]);
    }
    return out + "]";
}

// The terms of one or two code units, sorted, or null if there are more than kMostShort: the
// first letters of every word typed are such a term or none, and the page need not load a shard
// to know which. About 150 at 10,000 postmortems (numbers, "db", "io"...), 0.3 KiB gzipped.
constexpr std::size_t kMostShort = 1000;

std::string short_terms_json(const LunrIndex& index, const ShardPlan& plan) {
    std::string out = "[";
    std::size_t count = 0;
    for (const std::uint32_t term : plan.sorted) {
        if (index.terms[term].size() <= 2) {
            out += count++ > 0 ? "," : "";
            append_json_string(out, index.terms[term]);
        }
    }
    return count > kMostShort ? "null" : out + "]";
}

// The text with each run of white space as one space: the page shows a snippet of it with the
// runs collapsed so, and finds words between them, so it shows the same; at 10,000 postmortems
// of bodies alone, 2% of the hits' bytes.
std::string collapsed_space(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool in_space = false;
    for (const char c : text) {
        const bool space =
            c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
        if (!space) {
            out += c;
        } else if (!in_space) {
            out += ' ';
        }
        in_space = space;
    }
    return out;
}

// What of a hit's row was inferred from its text rather than declared, as bits: 1 its causes,
// 2 its duration. The result marks them as list pages do.
int inferred_bits(const Postmortem& pm) {
    return (pm.is_inferred(Field::causes) && !pm.causes.empty() ? 1 : 0) |
           (pm.is_inferred(Field::duration_minutes) && pm.duration ? 2 : 0);
}

// What a hit shows: the page builds the result from these alone.
std::string hit_json(const Postmortem& pm, const SiteConfig& config, std::string_view body) {
    json causes = json::array();
    for (const auto& key : pm.causes) {
        const CauseDefinition* cause = config.taxonomy.find(key);
        causes.push_back(cause ? cause->label : key);
    }
    const json hit = {
        {"url", postmortem_url(pm)},
        {"title", pm.title},
        {"date", pm.date ? json(format_date(*pm.date)) : json(nullptr)},
        {"duration", pm.duration ? json(format_duration(*pm.duration)) : json(nullptr)},
        {"severity", pm.severity.empty() ? json(nullptr) : json(pm.severity)},
        {"severity_rank", config.severity_rank(pm.severity)},  // the theme's colour
        {"causes", std::move(causes)},
        {"inferred", inferred_bits(pm)},
        {"summary", pm.summary},
        {"text", collapsed_space(body)},  // the capped body, for the snippet around the match
    };
    return hit.dump(-1, ' ', false, json::error_handler_t::replace);
}

// What every result shows but its snippet, for all the postmortems newest first, in one file
// of columns: the page loads it once the reader types (or once a first result is painted), so
// that later searches paint their ranked titles at once, the snippets following as the hits'
// chunks arrive. The postmortem's URL is url[0] + slug + url[1]; causes and severities are
// numbers into `labels` and `severities` ([name, rank]), -1 for none. About 115 B a
// postmortem on disk (0.11 KiB of the 24 KiB budget), 130 KiB gzipped at 10,000: fetched after
// the first result, so outside its budget.
std::string heads_json(const Archive& archive, const SiteConfig& config) {
    json slugs = json::array();
    json titles = json::array();
    json dates = json::array();
    json durations = json::array();
    json severity_of = json::array();
    json causes_of = json::array();
    json inferred = json::array();
    std::map<std::string, int> labels;
    json label_list = json::array();
    std::map<std::string, int> severities;
    json severity_list = json::array();
    for (const std::size_t index : archive.newest_first) {
        const Postmortem& pm = archive.postmortems[index];
        slugs.push_back(pm.slug);
        titles.push_back(pm.title);
        dates.push_back(pm.date ? json(format_date(*pm.date)) : json(nullptr));
        durations.push_back(pm.duration ? json(format_duration(*pm.duration)) : json(nullptr));
        if (pm.severity.empty()) {
            severity_of.push_back(-1);
        } else {
            const auto [it, added] = severities.emplace(pm.severity, severities.size());
            if (added) {
                severity_list.push_back({pm.severity, config.severity_rank(pm.severity)});
            }
            severity_of.push_back(it->second);
        }
        json causes = json::array();
        for (const auto& key : pm.causes) {
            const CauseDefinition* cause = config.taxonomy.find(key);
            const std::string label = cause ? cause->label : key;
            const auto [it, added] = labels.emplace(label, labels.size());
            if (added) {
                label_list.push_back(label);
            }
            causes.push_back(it->second);
        }
        causes_of.push_back(std::move(causes));
        inferred.push_back(inferred_bits(pm));
    }
    const json heads = {
        {"url", {kPostmortemUrlBefore, kPostmortemUrlAfter}},
        {"labels", std::move(label_list)},
        {"severities", std::move(severity_list)},
        {"slug", std::move(slugs)},
        {"title", std::move(titles)},
        {"date", std::move(dates)},
        {"duration", std::move(durations)},
        {"severity", std::move(severity_of)},
        {"causes", std::move(causes_of)},
        {"inferred", std::move(inferred)},
    };
    return heads.dump(-1, ' ', false, json::error_handler_t::replace);
}

// Postmortems of each key of a facet the manifest lists, newest first: the first page of the
// results of that filter alone (the page shows 10 at first; a theme may show 20).
constexpr std::size_t kFirstPage = 20;

constexpr std::string_view kCodeDigits =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// One facet (cause, service, severity or year) for every postmortem, newest first: its keys,
// the distinct sets of them postmortems have, and per postmortem the number of its set in
// `width` base-64 digits. A few KiB for 10,000 postmortems, so a filter needs no other file.
json facet_json(const std::vector<ArchiveGroup>& groups, const Archive& archive) {
    std::vector<std::size_t> position(archive.postmortems.size());
    for (std::size_t n = 0; n < archive.newest_first.size(); ++n) {
        position[archive.newest_first[n]] = n;
    }
    std::vector<std::vector<int>> sets_of(archive.postmortems.size());
    json keys = json::array();
    for (std::size_t g = 0; g < groups.size(); ++g) {
        keys.push_back(groups[g].key);
        for (const std::size_t index : groups[g].postmortems) {
            sets_of[position[index]].push_back(static_cast<int>(g));
        }
    }
    std::map<std::vector<int>, std::size_t> numbers;
    json sets = json::array();
    std::vector<std::size_t> codes;
    for (auto& set : sets_of) {
        std::sort(set.begin(), set.end());
        const auto [it, added] = numbers.emplace(set, numbers.size());
        if (added) {
            sets.push_back(set);
        }
        codes.push_back(it->second);
    }
    std::size_t width = 1;
    for (std::size_t capacity = 64; capacity < numbers.size(); capacity *= 64) {
        ++width;
    }
    std::string docs;
    for (std::size_t code : codes) {
        std::string digits(width, 'A');
        for (std::size_t d = width; d-- > 0; code /= 64) {
            digits[d] = kCodeDigits[code % 64];
        }
        docs += digits;
    }
    return {{"keys", std::move(keys)},
            {"sets", std::move(sets)},
            {"width", width},
            {"docs", std::move(docs)}};
}

// A facet as the manifest holds it. One a postmortem has at most one key of (severity, year)
// is there whole: a digit a postmortem. One of sets (cause, service) would be 20 KB of the
// manifest at 10,000 postmortems, read by every search: it goes to a file of its own, which a
// filter loads, and the manifest keeps for each key its count and its newest postmortems, the
// first page of results of that filter alone.
json manifest_facet(const std::vector<ArchiveGroup>& groups, const Archive& archive,
                    NamedFiles& files) {
    json facet = facet_json(groups, archive);
    const bool sets = std::any_of(facet["sets"].begin(), facet["sets"].end(),
                                  [](const json& set) { return set.size() > 1; });
    if (!sets) {
        return facet;
    }
    std::vector<std::size_t> position(archive.postmortems.size());
    for (std::size_t n = 0; n < archive.newest_first.size(); ++n) {
        position[archive.newest_first[n]] = n;
    }
    json first = json::array();
    json counts = json::array();
    for (const auto& group : groups) {
        std::vector<std::size_t> docs;
        for (const std::size_t index : group.postmortems) {
            docs.push_back(position[index]);
        }
        std::sort(docs.begin(), docs.end());
        docs.resize(std::min<std::size_t>(docs.size(), kFirstPage));
        first.push_back(docs);
        counts.push_back(group.postmortems.size());
    }
    return {{"file", files.add("f", facet.dump(-1, ' ', false, json::error_handler_t::replace))},
            {"keys", facet["keys"]},
            {"counts", std::move(counts)},
            {"first", std::move(first)}};
}

// Postmortems per chunk: about `bytes` of hits each, at least one.
std::size_t chunk_size(const std::vector<std::string>& hits, std::size_t bytes) {
    std::size_t total = 0;
    for (const auto& hit : hits) {
        total += hit.size();
    }
    const std::size_t average = hits.empty() ? 1 : std::max<std::size_t>(1, total / hits.size());
    return std::clamp<std::size_t>(bytes / average, 1, 256);
}

}  // namespace

std::string site_search_files(const Archive& archive, const SiteConfig& config, FileSink& sink,
                              const SearchFileSizes& sizes) {
    NamedFiles files(sink);
    const std::vector<std::string_view> bodies = capped_bodies(archive, config);
    // What each hit shows does not depend on the index: its chunks are made and written on a
    // thread of their own while the index is built. Only their digests are kept for the
    // manifest's version: held until the shards were written, the hits (each with its capped
    // body) were about a tenth of a 50,000-postmortem build's peak memory.
    struct Chunks {
        std::size_t size = 0;
        std::vector<Digest> digests;
        std::string error;  // the first file the sink refused
    };
    auto made_chunks = std::async(std::launch::async, [&] {
        std::vector<std::string> hits;
        hits.reserve(archive.newest_first.size());
        for (std::size_t n = 0; n < archive.newest_first.size(); ++n) {
            hits.push_back(
                hit_json(archive.postmortems[archive.newest_first[n]], config, bodies[n]));
        }
        Chunks chunks{chunk_size(hits, sizes.chunk), {}, {}};
        NamedFiles chunk_files(sink);  // its own: `files` belongs to the index's thread
        for (std::size_t first = 0; first < hits.size(); first += chunks.size) {
            std::string text = "[";
            for (std::size_t n = first; n < std::min(hits.size(), first + chunks.size); ++n) {
                text += n == first ? "" : ",";
                text += hits[n];
                hits[n] = {};
            }
            text += "]";
            chunks.digests.push_back(hash_bytes(text));
            const std::string name = fmt::format("d-{}", chunks.digests.size() - 1);
            chunk_files.add_file("search/" + name + ".js", script(name, text));
        }
        chunks.error = chunk_files.error();
        return chunks;
    });

    // Shards and chunks are numbered, not named by their contents: at 10,000 postmortems their
    // hashed names took a third of the manifest, and nearly every shard changes with each new
    // postmortem anyway (a term's weights depend on how many postmortems have it). The
    // manifest's `version`, a hash of them all, goes in their URLs (s-N.js?v=VERSION) so that a
    // browser does not take a file of an older build for this one.
    Hasher version;
    std::size_t shard_count = 0;
    std::string bounds = "[";
    std::string lasts = "[";
    std::string families = "[";
    std::string likeliest;
    std::string short_terms;
    std::string dictionary;
    std::vector<std::string> fields;
    {
        const LunrIndex index = site_lunr_index(archive, config, bodies);
        fields = index.fields;
        const ShardPlan plan = plan_shards(index, sizes.shard, sizes.family_shares);
        shard_count = plan.size();
        write_shards(index, plan, [&](std::size_t shard, std::string&& text) {
            version.add(text);
            const std::string name = fmt::format("s-{}", shard);
            files.add_file("search/" + name + ".js", script(name, text));
            if (shard >= plan.size()) {
                return;
            }
            if (shard > 0) {
                bounds += ',';
                lasts += ',';
            }
            // The first and last term of each shard: a term or prefix between one shard's last
            // and the next one's first is in none, and the page need not load either to know.
            // A shard of one term has 0 for its last, which is its first.
            if (plan.starts[shard] + 1 == plan.starts[shard + 1]) {
                append_json_string(bounds, index.terms[plan.sorted[plan.starts[shard]]]);
                lasts += '0';
            } else if (plan.starts[shard] < plan.starts[shard + 1]) {
                append_json_string(bounds, index.terms[plan.sorted[plan.starts[shard]]]);
                append_json_string(lasts, index.terms[plan.sorted[plan.starts[shard + 1] - 1]]);
            } else {  // an index without terms: one empty shard
                bounds += "\"\"";
                lasts += "\"\"";
            }
        });
        // A family by its prefix: it holds every term starting with that, so the page can tell
        // whether a word's terms are all in it.
        const auto prefix_of = [&](const TermRange& range) {
            return std::u16string_view(index.terms[plan.sorted[range.first]])
                .substr(0, range.prefix);
        };
        for (std::size_t f = 0; f < plan.families.size(); ++f) {
            families += f > 0 ? "," : "";
            append_json_string(families, prefix_of(plan.families[f]));
        }
        // And by their prefix, the shards of the likeliest terms of a prefix that has too many
        // for a family: numbered on from the families.
        // With the word whose terms they are: a prefix between the two has the same terms.
        likeliest = fmt::format(R"({{"terms":{},"prefixes":[)", kLikeliest);
        std::string words;
        for (std::size_t l = 0; l < plan.likeliest.size(); ++l) {
            likeliest += l > 0 ? "," : "";
            words += l > 0 ? "," : "";
            append_json_string(likeliest, prefix_of(plan.likeliest[l].range));
            append_json_string(words, index.terms[plan.sorted[plan.likeliest[l].range.first]]);
        }
        likeliest += "],\"words\":[" + words + "]}";
        short_terms = short_terms_json(index, plan);
        dictionary = files.add("t", dictionary_json(index, plan));
    }
    bounds += ']';
    lasts += ']';
    families += ']';

    const Chunks chunked = made_chunks.get();
    for (const Digest& digest : chunked.digests) {
        version.add(digest.hex());
    }
    const std::size_t chunk = chunked.size;
    const std::size_t chunks = chunked.digests.size();
    files.add_error(chunked.error);

    // An archive of one chunk has every head in it already.
    const std::string heads = chunks > 1 ? files.add("h", heads_json(archive, config)) : "";

    json facets = json::object();
    for (const auto& [name, groups] :
         {std::pair{"cause", &archive.causes}, std::pair{"service", &archive.services},
          std::pair{"severity", &archive.severities}, std::pair{"year", &archive.years}}) {
        facets[name] = manifest_facet(*groups, archive, files);
    }
    const std::string manifest = fmt::format(
        R"({{"format":2,"postmortems":{},"fields":{},"shards":{},"bounds":{},"lasts":{},)"
        R"("families":{},"likeliest":{},"short":{},"terms":"{}","chunk":{},"chunks":{},)"
        R"("heads":{},"version":"{}","facets":{}}})",
        archive.newest_first.size(), json_list(fields), shard_count, bounds, lasts, families,
        likeliest, short_terms, dictionary, chunk, chunks,
        heads.empty() ? std::string("null") : fmt::format("\"{}\"", heads),
        version.digest().hex().substr(0, 10),
        facets.dump(-1, ' ', false, json::error_handler_t::replace));
    files.add_file("search/manifest.js", script("manifest", manifest));
    return files.error();
}

OutputFiles site_search_files(const Archive& archive, const SiteConfig& config,
                              const SearchFileSizes& sizes) {
    MemorySink sink;
    site_search_files(archive, config, sink, sizes);
    return sink.take();
}

std::string registered_json(const std::string& bytes) {
    const auto middle = bytes.find(kMiddle);
    if (bytes.rfind(kPrefix, 0) != 0 || middle == std::string::npos ||
        bytes.size() < middle + kMiddle.size() + kSuffix.size() ||
        bytes.compare(bytes.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0) {
        return {};
    }
    const std::string_view body = std::string_view(bytes).substr(
        middle + kMiddle.size(), bytes.size() - kSuffix.size() - middle - kMiddle.size());
    std::string out;
    out.reserve(body.size());
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i] != '\\' || i + 1 == body.size()) {
            out += body[i];
            continue;
        }
        const char next = body[++i];
        if (next == 'n') {
            out += '\n';
        } else if (next == 'r') {
            out += '\r';
        } else if (next == 'u' && body.substr(i + 1, 4) == "2028") {
            out += "\xE2\x80\xA8";
            i += 4;
        } else if (next == 'u' && body.substr(i + 1, 4) == "2029") {
            out += "\xE2\x80\xA9";
            i += 4;
        } else {
            out += next;
        }
    }
    return out;
}

}  // namespace hindsight::search
