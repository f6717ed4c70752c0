// Tests for search/index_builder: lunr's counting rules (df, _index, duplicates, field order).
#include <catch2/catch.hpp>

#include "search/index_builder.hpp"
#include "search/utf16.hpp"

using namespace hindsight::search;

namespace {

LunrIndex build(const std::vector<LunrField>& fields, const std::vector<LunrDocument>& docs) {
    IndexBuilder builder(fields);
    for (const auto& doc : docs) {
        builder.add(doc);
    }
    return std::move(builder).build();
}

std::uint32_t term_index(const LunrIndex& index, const std::u16string& term) {
    for (std::uint32_t i = 0; i < index.terms.size(); ++i) {
        if (index.terms[i] == term) {
            return i;
        }
    }
    FAIL("no term " << to_utf8(term));
    return 0;
}

}  // namespace

TEST_CASE("the spec's worked example gives lunr's weights", "[index_builder]") {
    const LunrIndex index =
        build({{"title", 10}, {"body", 1}},
              {{"b", {std::string("Running tests"), std::string("The tests ran... twice.")}, 1},
               {"10", {std::string("Test"), std::vector<std::string>{"Running", "ok!"}}, 1},
               {"9", {std::monostate{}, std::string("caf\u00E9 \u2014 \u00C9T\u00C9")}, 1}});
    REQUIRE(index.terms.size() == 8);
    CHECK(index.terms[0] == u"run");     // _index: order of first appearance
    CHECK(index.terms[6] == u"");        // "—" trims to the empty term, which is kept
    CHECK(index.terms[7] == u"t");       // "ÉTÉ"
    REQUIRE(index.vectors.size() == 6);  // every (document, field), empty ones too
    CHECK(index.vectors[0].size() == 2);
    CHECK(index.vectors[0][0].term == 0);
    CHECK(index.vectors[0][0].weight == 3.336);
    CHECK(index.vectors[4].empty());  // title/9
}

TEST_CASE("df counts (field, document) pairs", "[index_builder]") {
    // "same" is in both fields of one document: df 2 > N 1, so |x| matters.
    const LunrIndex index =
        build({{"a", 1}, {"b", 1}}, {{"d", {std::string("same"), std::string("same")}, 1}});
    const auto same = term_index(index, u"same");
    CHECK(index.posting(same, 0).size() == 1);
    CHECK(index.posting(same, 1).size() == 1);
    // idf = log(1 + |(1 - 2 + 0.5) / 2.5|) = log(1.2); tf 1, length = average.
    CHECK(index.vectors[0][0].weight == 0.182);
}

TEST_CASE("a duplicate ref keeps its slot, its postings, and the last copy's vector",
          "[index_builder]") {
    const LunrIndex index = build({{"body", 1}}, {{"x", {std::string("alpha shared")}, 5},
                                                  {"y", {std::string("other")}, 1},
                                                  {"x", {std::string("beta shared")}, 1}});
    CHECK(index.refs == std::vector<std::string>{"x", "y"});
    const auto alpha = term_index(index, u"alpha");
    // The union of both copies' terms, each ref once, in the order the refs got the term.
    CHECK(std::vector<std::uint32_t>(index.posting(alpha, 0).begin(),
                                     index.posting(alpha, 0).end()) ==
          std::vector<std::uint32_t>{0});
    const auto shared = index.posting(term_index(index, u"share"), 0);
    CHECK(std::vector<std::uint32_t>(shared.begin(), shared.end()) ==
          std::vector<std::uint32_t>{0});
    // The vector of x has only the second copy's terms.
    REQUIRE(index.vectors[0].size() == 2);
    CHECK(index.vectors[0][0].term == term_index(index, u"share"));
    CHECK(index.vectors[0][1].term == term_index(index, u"beta"));
}

TEST_CASE("fields keep their first place; array-index names come first", "[index_builder]") {
    const LunrIndex index =
        build({{"x", 1}, {"10", 1}, {"2", 1}, {"x", 4}},
              {{"d", {std::string("a"), std::string("b"), std::string("c"), std::string("a")}, 1}});
    CHECK(index.fields == std::vector<std::string>{"2", "10", "x"});
}

TEST_CASE("zero and NaN boosts mean 1; negative boosts are kept", "[index_builder]") {
    const auto weight = [](double field_boost, double doc_boost) {
        return build({{"f", field_boost}}, {{"d", {std::string("word")}, doc_boost}})
            .vectors[0][0]
            .weight;
    };
    const double plain = weight(1, 1);
    CHECK(weight(0, 1) == plain);
    CHECK(weight(1, 0) == plain);
    CHECK(weight(std::nan(""), 1) == plain);
    CHECK(weight(-1, 1) == -plain);
}

TEST_CASE("field names lunr cannot index are refused", "[index_builder]") {
    CHECK(field_name_problem("a/b"));
    CHECK(field_name_problem("_index"));
    CHECK(field_name_problem("constructor"));
    CHECK(field_name_problem("__proto__"));
    CHECK(field_name_problem(""));
    CHECK_FALSE(field_name_problem("title"));
    CHECK_FALSE(field_name_problem("meta:tags"));
}
