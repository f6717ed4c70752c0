// Action items as weighted vectors of the concepts and words they name, clustered by average
// link over candidate pairs from an index, so that 100,000 items need no pairwise comparison.
#include "analyze/action_clusters.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "analyze/action_phrases.hpp"
#include "analyze/analyze.hpp"
#include "analyze/average_link.hpp"
#include "core/slug.hpp"
#include "core/text.hpp"
#include "extract/action_words.hpp"
#include "extract/lexicon.hpp"

namespace hindsight {
namespace {

// How much each part of an item says about which promise it is (tuned on the tuning halves of
// tests/analyze: action_clusters_test.cpp). The first concept an item names is the promise;
// its other concepts say how or where ("alert" in "alert when a disk fills up"); its other
// words are detail, which tells promises of one concept apart only when they share many.
constexpr double kPrimaryConceptWeight = 3.0;
constexpr double kOtherConceptWeight = 1.0;
constexpr double kWordWeight = 0.6;

}  // namespace

IntentUnits intent_units(const std::vector<std::string>& texts,
                         const std::vector<SynonymGroup>& synonyms) {
    const PhraseTable table(synonyms);
    IntentUnits space;
    std::vector<ActionReading> readings;
    // A promise pasted into many postmortems is read once; wordings that read the same (the
    // same concepts and words) are one unit.
    std::unordered_map<std::string_view, std::size_t> unit_of_text;
    std::unordered_map<std::string, std::size_t> unit_of_reading;
    space.unit_of.reserve(texts.size());
    for (const auto& text : texts) {
        if (const auto seen = unit_of_text.find(text); seen != unit_of_text.end()) {
            space.count[seen->second] += 1;
            space.unit_of.push_back(seen->second);
            continue;
        }
        ActionReading reading = table.read(text);
        std::string key;
        for (const auto& [c, f] : reading.concepts) {
            key += fmt::format("#{}:{} ", c, f);
        }
        for (const auto& [w, f] : reading.words) {
            key += fmt::format("{}:{} ", w, f);
        }
        if (key.empty()) {
            // Nothing to compare by ("Done", "Improve it"): only the same text is the same promise.
            key = "\x1f" + text;
        }
        const auto [it, fresh] = unit_of_reading.emplace(std::move(key), readings.size());
        if (fresh) {
            readings.push_back(std::move(reading));
            space.count.push_back(0);
        }
        unit_of_text.emplace(text, it->second);
        space.count[it->second] += 1;
        space.unit_of.push_back(it->second);
    }
    // Rarity over distinct wordings, so that a text pasted into many postmortems does not make
    // its words common. Concepts are features "#<index>", words their stems.
    std::unordered_map<std::string, double> document_frequency;
    const auto concept_feature = [](std::size_t c) { return "#" + std::to_string(c); };
    for (const auto& reading : readings) {
        for (const auto& [c, _] : reading.concepts) {
            document_frequency[concept_feature(c)] += 1;
        }
        for (const auto& [w, _] : reading.words) {
            document_frequency[w] += 1;
        }
    }
    const double n = static_cast<double>(std::max<std::size_t>(readings.size(), 1));
    std::unordered_map<std::string, std::uint32_t> feature_id;  // in order of first appearance
    space.units.resize(readings.size());
    for (std::size_t u = 0; u < readings.size(); ++u) {
        auto& unit = space.units[u];
        const auto add = [&](const std::string& feature, double weight) {
            const auto id =
                feature_id.emplace(feature, static_cast<std::uint32_t>(feature_id.size()));
            unit.emplace_back(id.first->second,
                              weight * std::log(1.0 + n / document_frequency[feature]));
        };
        for (std::size_t k = 0; k < readings[u].concepts.size(); ++k) {
            const auto& [c, factor] = readings[u].concepts[k];
            add(concept_feature(c),
                factor * (k == 0 ? kPrimaryConceptWeight : kOtherConceptWeight));
        }
        for (const auto& [w, factor] : readings[u].words) {
            add(w, factor * kWordWeight);
        }
        std::sort(unit.begin(), unit.end());
        double norm2 = 0;
        for (const auto& [_, w] : unit) {
            norm2 += static_cast<double>(w) * w;
        }
        for (auto& [_, w] : unit) {
            w = static_cast<float>(w / std::sqrt(norm2));
        }
    }
    return space;
}

std::vector<std::size_t> cluster_texts(const std::vector<std::string>& texts,
                                       const std::vector<SynonymGroup>& synonyms,
                                       double threshold) {
    const IntentUnits space = intent_units(texts, synonyms);
    LinkParams params;
    params.threshold = threshold;
    const auto cluster_of_unit = average_link(space.units, space.count, params);
    // Clusters numbered in order of their first item.
    std::vector<std::size_t> assignment(texts.size());
    std::unordered_map<std::size_t, std::size_t> number;
    for (std::size_t t = 0; t < texts.size(); ++t) {
        const auto [it, _] = number.emplace(cluster_of_unit[space.unit_of[t]], number.size());
        assignment[t] = it->second;
    }
    return assignment;
}

void assign_cluster_ids(std::vector<ActionCluster>& clusters) {
    // Unique by construction: a taken id (a second "Foo", or "Foo 2" after two "Foo"s) gets the
    // lowest free numeric suffix, in cluster order, so ids are stable across builds.
    std::set<std::string> taken;
    for (auto& cluster : clusters) {
        std::string base = slugify(cluster.label).substr(0, 60);
        while (!base.empty() && base.back() == '-') {
            base.pop_back();
        }
        if (base.empty()) {
            base = "action";
        }
        std::string id = base;
        for (int n = 2; !taken.insert(id).second; ++n) {
            id = base + "-" + std::to_string(n);
        }
        cluster.id = std::move(id);
    }
}

namespace {

// How many distinct wordings a member is compared with, at most (see central_member).
constexpr std::size_t kCentralityPeers = 256;

// The label of a cluster is its most central member: the highest summed Jaccard similarity of
// its words with every member's (itself included), so a short, typical wording beats a long
// one; the first such member on a tie. Comparing every pair made a cluster of 20,000 items
// (one postmortem's pasted tracker export) take minutes. Members with the same words score the
// same, so each distinct wording is scored once, against the others weighted by how many
// members share them: exact, and linear when the items repeat. Past kCentralityPeers distinct
// wordings, each is compared with the kCentralityPeers most common only, which bounds the work
// and leaves the choice as it was in clusters of any realistic size.
std::size_t central_member(const std::vector<std::vector<std::string>>& words) {
    struct Wording {
        std::size_t first = 0;  // the first member with these words
        double count = 0;
    };
    std::vector<Wording> wordings;
    std::map<std::vector<std::string>, std::size_t> wording_of;
    for (std::size_t x = 0; x < words.size(); ++x) {
        const auto [it, fresh] = wording_of.emplace(words[x], wordings.size());
        if (fresh) {
            wordings.push_back({x, 0});
        }
        wordings[it->second].count += 1;
    }
    std::vector<std::size_t> peers(wordings.size());
    for (std::size_t w = 0; w < peers.size(); ++w) {
        peers[w] = w;
    }
    if (peers.size() > kCentralityPeers) {
        std::stable_sort(peers.begin(), peers.end(), [&](std::size_t a, std::size_t b) {
            return wordings[a].count > wordings[b].count;
        });
        peers.resize(kCentralityPeers);
        std::sort(peers.begin(), peers.end());  // summed in the members' order, as before
    }
    std::size_t best = 0;
    double best_score = -1;
    for (const auto& wording : wordings) {
        const auto& x = words[wording.first];
        double score = 0;
        for (const std::size_t p : peers) {
            const auto& y = words[wordings[p].first];
            const std::size_t shared = shared_words(x, y);
            const std::size_t together = x.size() + y.size() - shared;
            score += together == 0 ? 0
                                   : wordings[p].count * static_cast<double>(shared) /
                                         static_cast<double>(together);
        }
        if (score > best_score) {
            best = wording.first;
            best_score = score;
        }
    }
    return best;
}

}  // namespace

void cluster_actions(Archive& archive, const SiteConfig& config, AnalyzeMemo* memo) {
    // Oldest postmortem first, so a cluster's first member is the first promise.
    std::vector<std::size_t> order(archive.newest_first.rbegin(), archive.newest_first.rend());
    std::vector<std::string> texts;
    std::vector<ClusterMember> members;
    // Everything the clusters are made of: the synonyms, and each item's place, wording and
    // status (labels are wordings; open and done counts are statuses).
    Hasher key;
    for (const auto& group : config.synonyms) {
        key.add(group.canonical).add_number(group.phrases.size());
        for (const auto& phrase : group.phrases) {
            key.add(phrase);
        }
    }
    key.add_number(archive.postmortems.size());
    for (const std::size_t p : order) {
        const auto& items = archive.postmortems[p].action_items;
        key.add_number(p).add_number(items.size());
        for (std::size_t i = 0; i < items.size(); ++i) {
            texts.push_back(items[i].title);
            members.push_back({p, i});
            const auto& status = items[i].status;
            key.add(items[i].title)
                .add_number(status ? 1 + static_cast<std::uint64_t>(*status) : 0);
        }
    }
    const Digest digest = key.digest();
    if (memo != nullptr && memo->clusters_key == digest && !memo->cluster_of.empty()) {
        archive.clusters = memo->clusters;
        archive.cluster_of = memo->cluster_of;
        return;
    }
    const auto assignment = cluster_texts(texts, config.synonyms);
    std::size_t count = 0;
    for (const auto c : assignment) {
        count = std::max(count, c + 1);
    }
    std::vector<ActionCluster> clusters(count);
    for (std::size_t k = 0; k < assignment.size(); ++k) {
        clusters[assignment[k]].members.push_back(members[k]);
    }
    for (auto& cluster : clusters) {
        for (auto& m : cluster.members) {
            // A postmortem's items are consecutive in `members`, so a repeat is the last one seen.
            if (cluster.postmortems.empty() || cluster.postmortems.back() != m.postmortem) {
                if (!cluster.postmortems.empty()) {
                    cluster.promised_again.push_back(m.postmortem);
                }
                cluster.postmortems.push_back(m.postmortem);
            }
            m.promised_again = cluster.postmortems.front() != m.postmortem;
            const auto status = archive.postmortems[m.postmortem].action_items[m.item].status;
            cluster.done += status == ActionStatus::done ? 1 : 0;
            cluster.open += status == ActionStatus::open || status == ActionStatus::in_progress ||
                            status == ActionStatus::blocked;
        }
        std::vector<std::vector<std::string>> words;
        for (const auto& m : cluster.members) {
            words.push_back(
                action_keywords(archive.postmortems[m.postmortem].action_items[m.item].title));
        }
        const std::size_t best = central_member(words);
        const auto& central = cluster.members[best];
        std::string label =
            archive.postmortems[central.postmortem].action_items[central.item].title;
        // "Runbook: write one for ..." is labelled by its label; "between 22:00 and 02:00" is not.
        if (const auto colon = label_colon(label)) {
            label = label.substr(0, *colon);
        }
        cluster.label = std::string(trim(label));
    }
    std::stable_sort(clusters.begin(), clusters.end(), [](const auto& a, const auto& b) {
        if (a.postmortems.size() != b.postmortems.size()) {
            return a.postmortems.size() > b.postmortems.size();
        }
        return a.members.size() > b.members.size();
    });
    assign_cluster_ids(clusters);
    archive.cluster_of.assign(archive.postmortems.size(), {});
    for (std::size_t p = 0; p < archive.postmortems.size(); ++p) {
        archive.cluster_of[p].assign(archive.postmortems[p].action_items.size(), 0);
    }
    for (std::size_t c = 0; c < clusters.size(); ++c) {
        for (const auto& m : clusters[c].members) {
            archive.cluster_of[m.postmortem][m.item] = c;
        }
    }
    archive.clusters = std::move(clusters);
    if (memo != nullptr) {
        memo->clusters_key = digest;
        memo->clusters = archive.clusters;
        memo->cluster_of = archive.cluster_of;
    }
}

}  // namespace hindsight
