// Tests for search/site_index and search/site_files: what the site's search data holds, and how
// it is cut into files.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "analyze/analyze.hpp"
#include "core/hash.hpp"
#include "search/lunr.hpp"
#include "search/shards.hpp"
#include "search/site_files.hpp"
#include "search/site_index.hpp"

using namespace hindsight;
using nlohmann::json;

namespace {

Postmortem postmortem(std::string slug, std::string title, int year, std::string body) {
    Postmortem pm;
    pm.slug = std::move(slug);
    pm.source = pm.slug + ".md";
    pm.title = std::move(title);
    pm.date = date::sys_days{date::year{year} / 3 / 1};
    pm.body_text = std::move(body);
    return pm;
}

Archive archive_of(std::vector<Postmortem> postmortems, const SiteConfig& config) {
    return analyze(std::move(postmortems), config, AnalyzeOptions{}).archive;
}

// The JSON each search file registers, by its name (manifest, s-..., t-..., d-...).
std::map<std::string, json> registered(const OutputFiles& files) {
    std::map<std::string, json> out;
    for (const auto& file : files) {
        REQUIRE(file.path.rfind("search/", 0) == 0);
        const std::string text = search::registered_json(file.bytes);
        REQUIRE(!text.empty());
        const std::string name = file.path.substr(7, file.path.size() - 7 - 3);
        CHECK(file.bytes.rfind("HindsightSearch.register(\"" + name + "\",'", 0) == 0);
        if (name[0] == 't' || name[0] == 'f' || name[0] == 'h') {  // named by a hash of it
            CHECK(name.substr(2) == hash_bytes(text).hex().substr(0, 10));
        }
        out[name] = json::parse(text);
    }
    return out;
}

// Every term of every shard of the cut, in order.
std::vector<std::string> shard_terms(const std::map<std::string, json>& data) {
    std::vector<std::string> terms;
    for (int s = 0; s < data.at("manifest")["shards"].get<int>(); ++s) {
        for (const auto& entry : data.at("s-" + std::to_string(s))["invertedIndex"]) {
            terms.push_back(entry[0]);
        }
    }
    return terms;
}

std::vector<Postmortem> generated(std::size_t count) {
    static const std::vector<std::string> words = {
        "database", "connection",  "pool",    "exhausted", "dns",      "resolver",
        "timeout",  "retry",       "storm",   "cache",     "stampede", "deploy",
        "rollback", "certificate", "expired", "kafka",     "broker",   "disk",
        "full",     "memory",      "leak",    "queue",     "backlog",  "paged",
        "on-call",  "runbook",     "latency", "checkout",  "check",    "checklist"};
    std::vector<Postmortem> out;
    std::uint32_t state = 7;
    const auto next = [&] {
        state = state * 1103515245 + 12345;
        return (state >> 8) % words.size();
    };
    for (std::size_t i = 0; i < count; ++i) {
        std::string title = words[next()] + " " + words[next()];
        std::string body;
        for (int w = 0; w < 60; ++w) {
            body += words[next()] + (w % 7 == 6 ? "-" + std::to_string(i % 13) + " " : " ");
        }
        out.push_back(
            postmortem("pm-" + std::to_string(i), title, 2019 + static_cast<int>(i % 6), body));
    }
    return out;
}

}  // namespace

TEST_CASE("capped_words keeps the first words and their spacing", "[site_index]") {
    CHECK(search::capped_words("one two  three four", 2) == "one two  ");
    CHECK(search::capped_words("  one two", 2) == "  one two");
    CHECK(search::capped_words("one two three", 0) == "one two three");
    CHECK(search::capped_words("", 5).empty());
}

TEST_CASE("the search files: a manifest, shards, dictionary and hits, newest first",
          "[site_index]") {
    SiteConfig config;
    auto older = postmortem("old", "Cache stampede", 2023, "Redis evicted keys");
    older.causes = {"cache", "race-condition"};
    older.services = {"tracking"};
    older.severity = "SEV2";
    older.summary = "Tracking pages were slow.";
    older.duration = std::chrono::minutes{130};
    older.action_items.push_back({"Add request coalescing", "", ActionStatus::open, {}, {}, 3});
    auto newer = postmortem("new", "DNS forwarder broke", 2024, "CoreDNS lost its upstream");
    const Archive archive = archive_of({older, newer}, config);
    const auto data = registered(search::site_search_files(archive, config));

    const json& manifest = data.at("manifest");
    CHECK(manifest["postmortems"] == 2);
    CHECK(manifest["fields"] ==
          json({"title", "causes", "services", "summary", "action_items", "body"}));
    REQUIRE(manifest["shards"] == 1);              // a small archive keeps one shard
    CHECK(manifest["families"] == json::array());  // which no family spans
    CHECK(manifest["bounds"] == json({"add"}));    // the first term
    CHECK(data.size() == 5);  // manifest, shard, dictionary, one chunk, the causes facet
    const json& shard = data.at("s-0");
    CHECK(shard["version"] == "2.3.9");
    CHECK(shard["pipeline"] == json({"stemmer"}));
    const auto terms = shard_terms(data);
    for (const char* term : {"coalesc", "concurr", "coredn"}) {  // action item, cause alias, body
        CHECK(std::find(terms.begin(), terms.end(), term) != terms.end());
    }
    CHECK(data.at(manifest["terms"].get<std::string>()) == json(terms));
    // The terms of one or two code units, so that the first letters of a word cost no request.
    std::vector<std::string> short_terms;
    std::copy_if(terms.begin(), terms.end(), std::back_inserter(short_terms),
                 [](const std::string& term) { return term.size() <= 2; });
    CHECK(!short_terms.empty());
    CHECK(manifest["short"] == json(short_terms));
    CHECK(manifest["likeliest"] ==
          json({{"terms", 12}, {"prefixes", json::array()}, {"words", json::array()}}));
    // Refs are places in the newest-first order.
    const json& coredns =
        *std::find_if(shard["invertedIndex"].begin(), shard["invertedIndex"].end(),
                      [](const json& t) { return t[0] == "coredn"; });
    CHECK(coredns[1]["body"] == json({{"0", json::object()}}));

    REQUIRE(manifest["chunks"] == 1);
    CHECK(manifest["heads"].is_null());  // one chunk holds every head already
    CHECK(manifest["version"].get<std::string>().size() == 10);
    const json& hits = data.at("d-0");
    REQUIRE(hits.size() == 2);
    CHECK(hits[0]["url"] == "postmortems/new/index.html");
    CHECK(hits[0]["duration"].is_null());
    const json& old_hit = hits[1];
    CHECK(old_hit["url"] == "postmortems/old/index.html");
    CHECK(old_hit["title"] == "Cache stampede");
    CHECK(old_hit["date"] == "2023-03-01");
    CHECK(old_hit["duration"] == "2 h 10 min");
    CHECK(old_hit["severity"] == "SEV2");
    CHECK(old_hit["causes"] == json({"Cache", "Race condition"}));
    CHECK(old_hit["summary"] == "Tracking pages were slow.");
    CHECK(old_hit["text"] == "Redis evicted keys");

    // Facets: each postmortem's set of keys, by number, one base-64 digit each here. Causes, of
    // which a postmortem may have several, are a file of their own; the manifest keeps each
    // cause's count and newest postmortems.
    const json& cause_entry = manifest["facets"]["cause"];
    CHECK(cause_entry["keys"] == json({"cache", "race-condition"}));
    CHECK(cause_entry["counts"] == json({1, 1}));
    CHECK(cause_entry["first"] == json({{1}, {1}}));
    const json& causes = data.at(cause_entry["file"].get<std::string>());
    const auto set_of = [&](const json& facet, std::size_t doc) {
        const std::string digits =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        CHECK(facet["width"] == 1);
        std::set<std::string> keys;
        const auto code = digits.find(facet["docs"].get<std::string>().at(doc));
        for (const auto& k : facet["sets"][code]) {
            keys.insert(facet["keys"][k.get<int>()].get<std::string>());
        }
        return keys;
    };
    CHECK(set_of(causes, 1) == std::set<std::string>{"cache", "race-condition"});
    CHECK(set_of(causes, 0).empty());
    CHECK(set_of(manifest["facets"]["service"], 1) == std::set<std::string>{"tracking"});
    CHECK(set_of(manifest["facets"]["severity"], 1) == std::set<std::string>{"sev2"});
    CHECK(set_of(manifest["facets"]["year"], 0) == std::set<std::string>{"2024"});
}

TEST_CASE("the heads: every hit but its snippet, in one file when the hits are in several chunks",
          "[site_index]") {
    SiteConfig config;
    auto first = postmortem("first", "Cache stampede", 2022, "Redis evicted keys");
    first.causes = {"cache", "race-condition"};
    first.severity = "SEV2";
    first.duration = std::chrono::minutes{130};
    auto second = postmortem("second", "DNS forwarder broke", 2023, "CoreDNS lost its upstream");
    second.causes = {"dns", "cache"};
    auto third = postmortem("third", "Disk full", 2024, "The volume filled up");
    third.severity = "SEV1";
    const Archive archive = archive_of({first, second, third}, config);
    search::SearchFileSizes sizes;
    sizes.chunk = 1;  // a postmortem a chunk
    const auto data = registered(search::site_search_files(archive, config, sizes));
    const json& manifest = data.at("manifest");
    REQUIRE(manifest["chunks"] == 3);
    const json& heads = data.at(manifest["heads"].get<std::string>());
    for (int n = 0; n < 3; ++n) {
        CAPTURE(n);
        const json& hit = data.at("d-" + std::to_string(n))[0];
        CHECK(heads["url"][0].get<std::string>() + heads["slug"][n].get<std::string>() +
                  heads["url"][1].get<std::string>() ==
              hit["url"]);
        CHECK(heads["title"][n] == hit["title"]);
        CHECK(heads["date"][n] == hit["date"]);
        CHECK(heads["duration"][n] == hit["duration"]);
        const int severity = heads["severity"][n];
        if (hit["severity"].is_null()) {
            CHECK(severity == -1);
        } else {
            CHECK(heads["severities"][severity] == json({hit["severity"], hit["severity_rank"]}));
        }
        json causes = json::array();
        for (const auto& label : heads["causes"][n]) {
            causes.push_back(heads["labels"][label.get<int>()]);
        }
        CHECK(causes == hit["causes"]);
    }
    CHECK(heads["title"] == json({"Disk full", "DNS forwarder broke", "Cache stampede"}));
    CHECK(heads["labels"].size() == 3);  // each label once
}

TEST_CASE("the word cap bounds what the body adds to the index and the hits", "[site_index]") {
    SiteConfig config;
    config.search.fields = {{"body", 1}};
    config.search.max_words = 3;
    const Archive archive =
        archive_of({postmortem("a", "A", 2024, "alpha bravo charlie delta echo")}, config);
    const auto data = registered(search::site_search_files(archive, config));
    CHECK(shard_terms(data) == std::vector<std::string>{"alpha", "bravo", "charli"});
    CHECK(data.at("d-0")[0]["text"] == "alpha bravo charlie ");
}

TEST_CASE("a hit's text has each run of white space as one space", "[site_index]") {
    SiteConfig config;
    config.search.fields = {{"body", 1}};
    const Archive archive = archive_of(
        {postmortem("a", "A", 2024, "alpha  bravo\n\n\tcharlie\r\ndelta echo\u00a0foxtrot")},
        config);
    const auto data = registered(search::site_search_files(archive, config));
    // A non-breaking space is no run of ASCII white space: the page collapses it as it shows it.
    CHECK(data.at("d-0")[0]["text"] == "alpha bravo charlie delta echo\u00a0foxtrot");
}

TEST_CASE("shards are consecutive term ranges of about the target size, big terms alone",
          "[site_index]") {
    SiteConfig config;
    const Archive archive = archive_of(generated(300), config);
    const search::LunrIndex index =
        search::site_lunr_index(archive, config, search::capped_bodies(archive, config));
    const std::vector<std::size_t> sizes = search::term_sizes(index);
    std::size_t total = 0;
    for (const std::size_t size : sizes) {
        total += size;
    }
    // Each of the 30 words about two thirds of the target: a shard of its own.
    const std::size_t target = total / 20;
    const search::ShardPlan plan = search::plan_shards(index, target);
    CHECK(plan.size() >= 30);
    CHECK(plan.size() <= 40);
    CHECK(plan.starts.front() == 0);
    CHECK(plan.starts.back() == index.terms.size());
    std::size_t alone = 0;
    for (std::size_t s = 0; s < plan.size(); ++s) {
        std::size_t size = 0;
        bool big = false;
        for (std::size_t i = plan.starts[s]; i < plan.starts[s + 1]; ++i) {
            size += sizes[plan.sorted[i]];
            big = big || 2 * sizes[plan.sorted[i]] >= target;
        }
        INFO("shard " << s);
        CHECK(plan.starts[s] < plan.starts[s + 1]);
        if (big) {  // a term of half the target or more is a shard of its own, with at most
                    // the small terms it starts, if they are a tenth of its size
            const std::u16string& first = index.terms[plan.sorted[plan.starts[s]]];
            std::size_t extension = 0;
            for (std::size_t i = plan.starts[s] + 1; i < plan.starts[s + 1]; ++i) {
                CHECK(index.terms[plan.sorted[i]].rfind(first, 0) == 0);
                CHECK(2 * sizes[plan.sorted[i]] < target);
                extension += sizes[plan.sorted[i]];
            }
            CHECK(extension * search::kExtensionShare <= sizes[plan.sorted[plan.starts[s]]]);
            ++alone;
        } else {
            CHECK(2 * size <= 3 * target);  // the cut may go half a share further
        }
    }
    CHECK(alone > 0);
    // Families: every term starting with a word (a term) of three code units or more, which the
    // cut splits; none bigger than 8 shares, nor than 2.5 times the word.
    const auto to_utf8 = [](const std::u16string& term) {
        return std::string(term.begin(), term.end());
    };
    // check, checklist and checkout are about as frequent, in shards of their own: a family of
    // them would cost 2.7 times "check", so there is none (tests/lunr has archives with some).
    CHECK(plan.families.empty());
    std::vector<std::size_t> shard_of(index.terms.size());
    for (std::size_t s = 0; s < plan.size(); ++s) {
        for (std::size_t i = plan.starts[s]; i < plan.starts[s + 1]; ++i) {
            shard_of[i] = s;
        }
    }
    for (const search::TermRange& family : plan.families) {
        const std::string prefix =
            to_utf8(index.terms[plan.sorted[family.first]]).substr(0, family.prefix);
        INFO("family " << prefix);
        CHECK(family.prefix >= 3);
        CHECK(family.last > family.first + 1);
        CHECK(shard_of[family.first] != shard_of[family.last - 1]);
        std::size_t size = 0;
        for (std::size_t i = 0; i < plan.sorted.size(); ++i) {
            const bool starts = to_utf8(index.terms[plan.sorted[i]]).rfind(prefix, 0) == 0;
            CHECK(starts == (i >= family.first && i < family.last));
            size += starts ? sizes[plan.sorted[i]] : 0;
        }
        CHECK(size <= 8 * target);
        const std::size_t word = sizes[plan.sorted[family.first]];
        CHECK(index.terms[plan.sorted[family.first]].size() >= 3);
        CHECK(size * search::kFamilyCostDenominator <= word * search::kFamilyCostNumerator);
    }
    // Written out: every term once in the cut, and every vector element once, with the whole
    // index's weight; then the families, each its terms and all their elements.
    std::set<std::string> terms;
    std::size_t elements = 0;
    std::size_t written = 0;
    search::write_shards(index, plan, [&](std::size_t shard, std::string&& text) {
        CHECK(shard == written++);
        const json part = json::parse(text);
        std::size_t postings = 0;
        for (const auto& entry : part["invertedIndex"]) {
            if (shard < plan.size()) {
                CHECK(terms.insert(entry[0].get<std::string>()).second);
            }
            for (const auto& field : index.fields) {
                postings += entry[1][field].size();
            }
        }
        std::size_t part_elements = 0;
        for (const auto& vector : part["fieldVectors"]) {
            CHECK(!vector[1].empty());  // empty vectors are left out
            part_elements += vector[1].size() / 2;
        }
        CHECK(part_elements == postings);
        if (shard < plan.size()) {
            elements += part_elements;
        } else {
            const search::TermRange family = plan.families[shard - plan.size()];
            CHECK(part["invertedIndex"].size() == family.last - family.first);
        }
    });
    CHECK(written == plan.size() + plan.families.size());
    CHECK(terms.size() == index.terms.size());
    CHECK(elements == index.vectors.terms.size());

    const search::ShardPlan whole = search::plan_shards(index, total + 1);
    CHECK(whole.size() == 1);  // all fits: one shard, and no family
    CHECK(whole.families.empty());
}

TEST_CASE("the site index from each postmortem's terms is the index of its values",
          "[site_index]") {
    SiteConfig config;
    const Archive archive = archive_of(generated(120), config);
    const auto input = search::site_index_input(archive, config);
    CHECK(search::serialize_index(
              search::site_lunr_index(archive, config, search::capped_bodies(archive, config))) ==
          search::build_lunr_index(input.fields, input.documents));
}

TEST_CASE("search files are the same bytes for the same archive", "[site_index]") {
    SiteConfig config;
    const Archive archive = archive_of(generated(200), config);
    search::SearchFileSizes sizes;
    sizes.shard = 8 * 1024;
    sizes.chunk = 2 * 1024;
    const OutputFiles first = search::site_search_files(archive, config, sizes);
    const OutputFiles second = search::site_search_files(archive, config, sizes);
    CHECK(first.size() > 10);
    REQUIRE(first.size() == second.size());
    for (std::size_t i = 0; i < first.size(); ++i) {
        CHECK(first[i].path == second[i].path);
        CHECK(first[i].bytes == second[i].bytes);
    }
}

// The hits' chunks are written as they are made and the version hashes their digests: a change
// that only a hit shows (a duration is not indexed) must still give the manifest a new version,
// or a browser would pair the new shards with chunks of an older build.
TEST_CASE("the manifest's version changes when only what a hit shows changes", "[site_index]") {
    SiteConfig config;
    auto pm = postmortem("old", "Cache stampede", 2023, "Redis evicted keys");
    pm.duration = std::chrono::minutes{130};
    const auto version_of = [&](const Postmortem& one) {
        const auto data = registered(search::site_search_files(archive_of({one}, config), config));
        return std::pair{data.at("manifest")["version"].get<std::string>(), data.at("s-0").dump()};
    };
    const auto [before, shard_before] = version_of(pm);
    CHECK(version_of(pm).first == before);
    pm.duration = std::chrono::minutes{75};
    const auto [after, shard_after] = version_of(pm);
    CHECK(shard_after == shard_before);  // the index is the same
    CHECK(after != before);
}

TEST_CASE("registered_json reads back what a search file registers", "[site_index]") {
    SiteConfig config;
    config.search.fields = {{"title", 1}};
    const Archive archive = archive_of(
        {postmortem("a", "it's back\\slash \xE2\x80\xA8 \xE2\x80\x94 \xE2\x80\xA9", 2024, "")},
        config);
    const auto files = search::site_search_files(archive, config);
    for (const auto& file : files) {
        const std::string text = search::registered_json(file.bytes);
        CHECK(json::accept(text));
        CHECK(file.bytes.find("\xE2\x80\xA8") == std::string::npos);  // escaped in the script
        CHECK(file.bytes.find("\xE2\x80\xA9") == std::string::npos);
    }
    // What the page reads back is the title as written, the em dash (another character that
    // starts with the same byte) included.
    CHECK(registered(files).at("d-0")[0]["title"] ==
          "it's back\\slash \xE2\x80\xA8 \xE2\x80\x94 \xE2\x80\xA9");
    CHECK(search::registered_json("not a search file").empty());
}
