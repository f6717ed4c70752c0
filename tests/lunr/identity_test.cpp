// `hindsight lunr` against lunr.js 2.3.9 itself: the same bytes, and the same ranked results and
// scores for a few hundred queries, on the demo archive, the real corpus and adversarial input.
#include <catch2/catch.hpp>

#include <iostream>

#include "lunr_support.hpp"
#include "support/shared.hpp"

using namespace hindsight::test;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Builds with both, requires identical bytes, then runs the queries on both indexes. Prints one
// line of what was compared, so a run shows how much the suite proved.
void check_corpus(const std::string& name, const std::string& docs_json,
                  const IndexOptions& options, const std::vector<std::string>& query_fields,
                  std::size_t query_count) {
    require_node_and_lunr();
    TempDir dir;
    const BuiltIndexes built = build_both(dir.path(), docs_json, options);
    const std::string difference = first_difference(built.lunr_js, built.hindsight);
    INFO(difference);
    REQUIRE(difference.empty());

    const json docs = json::parse(docs_json);
    const auto queries = make_queries(docs, query_fields, query_count);
    const QueryReport report = compare_queries(dir.path(), built, queries);
    INFO("first mismatches (hindsight's index as a, lunr.js's as b): " << report.examples);
    CHECK(report.queries == static_cast<int>(queries.size()));
    CHECK(report.mismatches == 0);
    CHECK(report.hits > 0);
    std::cout << "lunr identity: " << name << ": " << docs.size() << " documents, "
              << built.hindsight.size() << " bytes identical; " << report.queries << " queries, "
              << report.hits << " hits, same refs and scores\n";
}

// Every kind of value lunr.js accepts, and the Unicode and key-order corners of its format.
// Written as text so that it can hold what nlohmann would not write (duplicate keys, 1e21).
const char* const kAdversarial = R"json([
{"id": "unicode", "title": "Café naïve RÉSUMÉ Ærøskøbing ÉTÉ", "body": "东京 東京 ΟΔΟΣ Ελλάδα ΣΊΣΥΦΟΣ ΑΣ-Β ΑΣ.Β Α.Σ İSTANBUL DİYARBAKIR İnce ǅemal ẞTRASSE Kelvin Åself ꭰ Ꭰ Ა ΌΣΟΙ", "tags": ["Türkçe", "İzmir", "ΟΔΟΣ"], "boost": 2, "7": "seven"},
{"id": "astral", "title": "😀 emoji 🔥fire🔥 a😀😀ing", "body": "x𝐀y x＠y ﬀ 𐐀𐐁 𐐨 deseret 𝒜𝒷𝒸 keycap 1️⃣ flags 🇩🇪 zwj 👩‍💻 coder 😀s 😀ing", "tags": ["😀", "𝐀", ""], "boost": 0.5},
{"id": "hyphens", "title": "load-balancer --flag a-b-c", "body": "en–dash em—dash hyphen‐u2010 nb‑hyphen soft\u00adhyphen minus−sign -leading trailing- x-y-z --- -", "tags": ["load-balancer", "x-y", "-"], "boost": -1, "meta:tags": ["x", "y"]},
{"id": "apostrophes", "title": "Don't postmortem's ‘quoted’ 'single' \"double\"", "body": "it's the team's checker's rock'n'roll O'Brien’s l'été y'all won't can't shouldn't've", "boost": null},
{"id": "numbers", "title": 42, "body": 1.5, "tags": [0, -0, 1e21, 1e-7, 123456789012345678901234, 0.1, 100, 1e300, -2.5e-8], "boost": 3, "7": 7},
{"id": 42, "title": true, "body": false, "tags": [true, false, null, {"a": 1}, [1, [2, 3]], [], [null]], "boost": 0},
{"id": "10", "title": "Test ten", "body": {"nested": "object"}, "7": ["seven", "VII"]},
{"id": "9", "title": "Test nine", "body": ["Running", "ok!", "load balancer", "", "  ", null, "Flying-Fish"]},
{"id": 0, "title": "zero as a number", "body": "collides with the string ref zero"},
{"id": "0", "title": "zero as a string", "body": "the second copy of ref zero"},
{"id": "007", "title": "bond", "body": "shaken not stirred"},
{"id": "-1", "title": "minus one", "body": "not an array index"},
{"id": "4294967294", "title": "largest index", "body": "the largest array index"},
{"id": "4294967295", "title": "not an index", "body": "one past the largest array index"},
{"id": "1.5", "title": "one and a half", "body": "a decimal ref"},
{"id": 1e21, "title": "big number ref", "body": "exponent form"},
{"id": 123456789012345678901234, "title": "rounded ref", "body": "rounds to a double first"},
{"id": true, "title": "boolean ref", "body": "true as a ref"},
{"id": [1, 2], "title": "array ref", "body": "joined with a comma"},
{"id": {"o": 1}, "title": "object ref", "body": "object object"},
{"id": "a/b/c", "title": "slashes", "body": "refs may contain slashes"},
{"id": "quote\"d \\ back\tslash\u0001", "title": "escapes", "body": "json escapes in refs"},
{"id": "constructor", "title": "prototype names", "body": "constructor toString __proto__ hasOwnProperty valueOf isPrototypeOf"},
{"id": "ünïcödé ref 😀", "title": "unicode ref", "body": "a ref outside ascii"},
{"id": "empty", "title": "", "body": "", "tags": []},
{"id": "nulls", "title": null, "body": null, "tags": null, "7": null},
{"id": "missing"},
{"id": "controls", "title": "nul\u0000byte bell\u0007 esc\u001b[31m del\u007f", "body": "line\u2028sep para\u2029sep nel\u0085x zw\u200bsp nb\u00a0sp bom\ufeffx ideo\u3000sp ogham\u1680x thin\u2009x narrow\u202fx mmsp\u205fx vt\u000bff\u000c cr\r\nlf fs\u001cgs\u001dx mongolian\u180ex", "tags": ["line\nbreaking", "feeds\r\n", "ties\u2028ing", "caresses\n", "\nponies", "rolling\r", "agreed\u2029"]},
{"id": "stems", "title": "yelling yyyes eed ies sses aññing a!!ing generalizations relational hopping filing controlling rolling", "body": "caresses ponies ties caress cats feed agreed plastered bled motoring sing conflated troubled sized hopping tanned falling hissing fizzed failing filing happy sky relational conditional rational valenci hesitanci digitizer conformabli radicalli differentli vileli analogousli vietnamization predication operator feudalism decisiveness hopefulness callousness formaliti sensitiviti sensibiliti triplicate formative formalize electriciti electrical hopeful goodness revival allowance inference airliner gyroscopic adjustable defensible irritant replacement adjustment dependent adoption homologou communism activate angulariti homologous effective bowdlerize probate rate cease controll roll yes yearly young youth cry day key boy deploy why fly statuses https://status.example.com/statuses postmortem's"},
{"id": "dup", "title": "first copy alpha", "body": "unique-to-first shared words", "boost": 5},
{"id": "dup", "title": "second copy beta", "body": "shared words again", "boost": 2},
{"id": "dupkeys", "title": "ignored title", "title": "last wins", "body": "duplicate keys in one object"},
{"id": "sigma", "title": "ΑΣ\ufeffΒ ΟΔΟΣ\ufeff ΑΣ Β", "body": "ΣΑΣ-ΣΑΣ ΑΣ.Β Α.Σ σΣ ΣΣ İΣ", "tags": ["ΑΣ\ufeffΒ", "ΟΔΟΣ"]},
{"id": "stopwords", "title": "The and of", "body": "a about above across after all the THE The tis twas wants 'the' the."},
{"id": "long", "body": "incident incident incident outage outage database database database database latency latency timeout retry retry retry retry retry deploy deploy rollback incident"}
])json";

std::string generated_documents(std::size_t count) {
    // A vocabulary with mixed case, Unicode and punctuation, so trimming, stemming and lowering
    // all matter; refs mix array indices, strings and repeats; boosts mix every kind.
    static const std::vector<std::string> kWords = {"Database",
                                                    "databases",
                                                    "connection",
                                                    "connections",
                                                    "pool",
                                                    "exhaustion",
                                                    "latency",
                                                    "timeout",
                                                    "timeouts",
                                                    "retry",
                                                    "retried",
                                                    "retrying",
                                                    "deploy",
                                                    "deployed",
                                                    "rollback",
                                                    "incident",
                                                    "incidents",
                                                    "outage",
                                                    "customer",
                                                    "customers",
                                                    "checkout",
                                                    "payment",
                                                    "payments",
                                                    "certificate",
                                                    "expired",
                                                    "DNS",
                                                    "resolver",
                                                    "cache",
                                                    "stampede",
                                                    "Kafka",
                                                    "broker",
                                                    "disk",
                                                    "full",
                                                    "memory",
                                                    "leak",
                                                    "worker",
                                                    "notifications",
                                                    "SMS",
                                                    "provider",
                                                    "queue",
                                                    "backlog",
                                                    "on-call",
                                                    "paged",
                                                    "mitigated",
                                                    "resolved",
                                                    "root",
                                                    "cause",
                                                    "config",
                                                    "rate-limit",
                                                    "gateway",
                                                    "503",
                                                    "5xx",
                                                    "p99",
                                                    "99.9%",
                                                    "café",
                                                    "naïve",
                                                    "İstanbul",
                                                    "ΟΔΟΣ",
                                                    "😀",
                                                    "东京",
                                                    "don't",
                                                    "team's",
                                                    "the",
                                                    "and",
                                                    "of",
                                                    "(see",
                                                    "note)",
                                                    "—",
                                                    "e.g.",
                                                    "https://status.example.com",
                                                    "v1.2.3",
                                                    "x86_64",
                                                    "re-run",
                                                    "runbook",
                                                    "runbooks",
                                                    "alerting",
                                                    "alerts",
                                                    "monitoring",
                                                    "observability",
                                                    "relational",
                                                    "generalization",
                                                    "hopefulness",
                                                    "sensibility"};
    static const std::vector<std::string> kBoosts = {"null", "0",  "0.5", "2",
                                                     "3.25", "-1", "1.1", "10"};
    std::uint64_t state = 42;
    const auto next = [&](std::size_t bound) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::size_t>((state >> 33) % bound);
    };
    const auto words = [&](std::size_t n) {
        std::string text;
        for (std::size_t i = 0; i < n; ++i) {
            text += (i == 0 ? "" : (next(9) == 0 ? "-" : " "));
            text += kWords[next(kWords.size())];
        }
        return json(text).dump();
    };
    std::string out = "[";
    for (std::size_t i = 0; i < count; ++i) {
        std::string ref;
        if (i % 97 == 96) {
            ref = std::to_string(i / 6 * 3);  // repeats an earlier numeric ref
        } else if (i % 3 == 0) {
            ref = std::to_string(i);
        } else {
            ref = "\"pm-" + std::to_string(i) + "\"";
        }
        out += i == 0 ? "\n" : ",\n";
        out += "{\"id\":" + ref + ",\"title\":" + words(2 + next(6)) +
               ",\"body\":" + words(20 + next(300));
        if (next(4) != 0) {
            out += ",\"tags\":[" + words(1) + "," + words(1) + "]";
        }
        if (next(5) == 0) {
            out += ",\"boost\":" + kBoosts[next(kBoosts.size())];
        }
        out += "}";
    }
    return out + "\n]";
}

}  // namespace

TEST_CASE("the demo archive gives lunr.js's bytes and search results", "[lunr]") {
    const json docs = markdown_documents(source_dir() / "content", true);
    REQUIRE(docs.size() >= 10);
    check_corpus("content/", to_json_text(docs), {"id", {"title:10", "body"}, "", {}},
                 {"title", "body"}, 300);
}

TEST_CASE("the real postmortem corpus gives lunr.js's bytes and search results", "[lunr]") {
    const fs::path corpus = shared_dir() / "corpus/real";
    if (!shared_present("corpus/real")) {
        return;
    }
    const json docs = markdown_documents(corpus, false);
    REQUIRE(docs.size() >= 10);
    check_corpus("corpus/real", to_json_text(docs), {"id", {"title:10", "body"}, "", {}},
                 {"title", "body"}, 400);
}

TEST_CASE("adversarial documents give lunr.js's bytes and search results", "[lunr]") {
    check_corpus("adversarial, boosted", kAdversarial,
                 {"id", {"title:10", "body", "tags:2", "7", "meta:tags:0.5"}, "boost", {}},
                 {"title", "body", "tags"}, 300);
    // The corpus holds integers beyond 64 bits, which simdjson refuses, so it is read through
    // the nlohmann fallback; spelled as doubles, everything else takes simdjson's path too.
    std::string doubles = kAdversarial;
    for (const std::string big : {"123456789012345678901234", "18446744073709551616"}) {
        for (auto at = doubles.find(big); at != std::string::npos;
             at = doubles.find(big, at + big.size() + 2)) {
            doubles.replace(at, big.size(), big + ".0");
        }
    }
    check_corpus("adversarial, read by simdjson", doubles,
                 {"id", {"title:10", "body", "tags:2", "7", "meta:tags:0.5"}, "boost", {}},
                 {"title", "body", "tags"}, 100);
    check_corpus("adversarial, negative and zero field boosts", kAdversarial,
                 {"id", {"body:-1.5", "title:0", "tags", "body:3"}, "", {}}, {"title", "body"},
                 200);
}

TEST_CASE("generated documents at scale give lunr.js's bytes and search results", "[lunr]") {
    check_corpus("generated", generated_documents(1500),
                 {"id", {"title:5", "body", "tags:2"}, "boost", {}}, {"title", "body", "tags"},
                 300);
}

TEST_CASE("degenerate inputs give lunr.js's bytes", "[lunr]") {
    require_node_and_lunr();
    const std::vector<std::pair<std::string, IndexOptions>> cases = {
        {"[]", {"id", {"title", "body"}, "", {}}},
        {R"([{"id": "a"}])", {"id", {"title"}, "", {}}},
        {R"([{"id": "a", "title": null}, {"id": "b", "title": ""}])", {"id", {"title"}, "", {}}},
        {R"([{"id": "a", "title": "only stop words: the and of"}])", {"id", {"title"}, "", {}}},
        {R"([{"id": "x", "body": "same"}, {"id": "x", "body": "same"}])", {"id", {"body"}, "", {}}},
        {R"([{"ref": 1, "2": "field named two", "1": "field named one"}])",
         {"ref", {"x", "2", "1", "x:4"}, "", {}}},
    };
    for (const auto& [docs, options] : cases) {
        TempDir dir;
        const BuiltIndexes built = build_both(dir.path(), docs, options);
        INFO("documents: " << docs);
        INFO(first_difference(built.lunr_js, built.hindsight));
        CHECK(built.hindsight == built.lunr_js);
    }
}

TEST_CASE("b, k1 and the metadata whitelist give lunr.js's bytes", "[lunr]") {
    const IndexOptions adversarial = {
        "id", {"title:10", "body", "tags:2", "7", "meta:tags:0.5"}, "boost", {}};
    const auto with = [&](std::vector<std::string> builder) {
        IndexOptions options = adversarial;
        options.builder = std::move(builder);
        return options;
    };
    const std::vector<std::string> fields = {"title", "body", "tags"};
    // b is clamped to [0, 1] by builder.b(); k1 is used as given, 0 and negative included.
    check_corpus("adversarial, b 0.3 and k1 2", kAdversarial, with({"--b", "0.3", "--k1", "2"}),
                 fields, 100);
    check_corpus("adversarial, b 0 and k1 0", kAdversarial, with({"--b", "0", "--k1", "0"}), fields,
                 50);
    check_corpus("adversarial, b 1.5 (clamped to 1) and k1 -0.5", kAdversarial,
                 with({"--b", "1.5", "--k1", "-0.5"}), fields, 50);
    check_corpus("adversarial, b -2 (clamped to 0) and k1 100", kAdversarial,
                 with({"--b", "-2", "--k1", "100"}), fields, 50);
    // Positions are in UTF-16 code units of the lowered field (İ lowers to two), array elements
    // have none, stop words use up token numbers, and a duplicate ref's tokens join its first.
    check_corpus("adversarial, positions", kAdversarial, with({"--metadata-whitelist", "position"}),
                 fields, 100);
    check_corpus("adversarial, every metadata key, one twice, one unknown, one an array index",
                 kAdversarial,
                 with({"--metadata-whitelist", "fields", "--metadata-whitelist", "position",
                       "--metadata-whitelist", "index", "--metadata-whitelist", "color",
                       "--metadata-whitelist", "position", "--metadata-whitelist", "7"}),
                 fields, 50);
    check_corpus("generated, positions, b 0.5, k1 1.6", generated_documents(600),
                 {"id",
                  {"title:5", "body", "tags:2"},
                  "boost",
                  {"--metadata-whitelist", "position", "--b", "0.5", "--k1", "1.6"}},
                 fields, 200);
}
