// Leader clustering over IDF-weighted word vectors, with an inverted index from words to
// clusters so that 100,000 items need no pairwise comparison.
#include "analyze/action_clusters.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "analyze/action_phrases.hpp"
#include "analyze/analyze.hpp"
#include "core/slug.hpp"
#include "core/text.hpp"
#include "extract/action_words.hpp"
#include "extract/lexicon.hpp"

namespace hindsight {
namespace {

constexpr std::size_t kCandidateWords = 4;

using Vector = std::unordered_map<std::string, double>;

struct Cluster {
    Vector centroid;  // sum of member vectors
    double norm2 = 0;
    std::vector<std::size_t> members;
};

double cosine(const Vector& item, double item_norm, const Cluster& cluster) {
    double dot = 0;
    for (const auto& [word, weight] : item) {
        const auto it = cluster.centroid.find(word);
        if (it != cluster.centroid.end()) {
            dot += weight * it->second;
        }
    }
    return dot == 0 ? 0 : dot / (item_norm * std::sqrt(cluster.norm2));
}

void add(Cluster& cluster, const Vector& item, std::size_t index) {
    for (const auto& [word, weight] : item) {
        double& c = cluster.centroid[word];
        cluster.norm2 += (c + weight) * (c + weight) - c * c;
        c += weight;
    }
    cluster.members.push_back(index);
}

std::vector<std::size_t> similarity_clusters(const std::vector<std::string>& texts,
                                             const PhraseTable& table, double threshold);

}  // namespace

std::vector<std::pair<std::string, double>> action_terms(
    std::string_view text, const std::vector<SynonymGroup>& synonyms) {
    return action_terms(text, PhraseTable(synonyms));
}

std::optional<std::size_t> primary_concept(std::string_view text,
                                           const std::vector<SynonymGroup>& synonyms) {
    return concept_of(text, PhraseTable(synonyms), synonyms);
}

std::vector<std::size_t> cluster_texts(const std::vector<std::string>& texts,
                                       const std::vector<SynonymGroup>& synonyms,
                                       double threshold) {
    // Items naming a concept of the synonym table join that concept's cluster; the rest are
    // clustered by similarity among themselves.
    std::vector<std::size_t> assignment(texts.size());
    std::map<std::string, std::size_t> concept_cluster;  // canonical word -> cluster
    std::vector<std::string> rest;
    std::vector<std::size_t> rest_index;
    std::size_t next = 0;
    const PhraseTable table(synonyms);
    std::vector<std::optional<std::size_t>> concepts;
    for (const auto& text : texts) {
        concepts.push_back(concept_of(text, table, synonyms));
    }
    // Cluster numbers follow first appearance, concept or not.
    std::vector<std::size_t> similar;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        if (!concepts[i]) {
            rest.push_back(texts[i]);
            rest_index.push_back(i);
        }
    }
    similar = similarity_clusters(rest, table, threshold);
    std::map<std::size_t, std::size_t> similar_cluster;
    std::size_t r = 0;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        if (concepts[i]) {
            const auto [it, fresh] =
                concept_cluster.emplace(concept_name(synonyms[*concepts[i]]), next);
            next += fresh ? 1 : 0;
            assignment[i] = it->second;
        } else {
            const auto [it, fresh] = similar_cluster.emplace(similar[r++], next);
            next += fresh ? 1 : 0;
            assignment[i] = it->second;
        }
    }
    return assignment;
}

namespace {

std::vector<std::size_t> similarity_clusters(const std::vector<std::string>& texts,
                                             const PhraseTable& table, double threshold) {
    std::vector<std::vector<std::pair<std::string, double>>> terms;
    terms.reserve(texts.size());
    std::unordered_map<std::string, int> document_frequency;
    for (const auto& text : texts) {
        terms.push_back(action_terms(text, table));
        for (const auto& [word, _] : terms.back()) {
            ++document_frequency[word];
        }
    }
    const double n = static_cast<double>(std::max<std::size_t>(texts.size(), 1));
    std::vector<Cluster> clusters;
    std::unordered_map<std::string, std::vector<std::size_t>> clusters_with;  // word -> clusters
    std::vector<std::size_t> assignment(texts.size());
    std::vector<std::size_t> seen_stamp;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        Vector item;
        double norm2 = 0;
        for (const auto& [word, weight] : terms[i]) {
            // Words shared by many items say less about which promise this is.
            const double w = weight * std::log(1.0 + n / document_frequency[word]);
            item[word] = w;
            norm2 += w * w;
        }
        std::size_t best = clusters.size();
        double best_score = threshold;
        if (norm2 > 0) {
            const double norm = std::sqrt(norm2);
            seen_stamp.resize(clusters.size(), texts.size());
            // Candidates come through the item's heaviest (rarest) words only: a word every
            // item shares would make each item meet every cluster.
            // Words in more than a few percent of all items are too common to find candidates
            // through (they would list most clusters); the heaviest word always may.
            std::vector<std::pair<double, std::string>> heaviest;
            const double common = std::max(50.0, 0.02 * n);
            for (const auto& [word, weight] : item) {
                heaviest.emplace_back(-weight, word);
            }
            std::sort(heaviest.begin(), heaviest.end());
            heaviest.erase(
                std::remove_if(
                    heaviest.begin() + (heaviest.empty() ? 0 : 1), heaviest.end(),
                    [&](const auto& w) { return document_frequency[w.second] > common; }),
                heaviest.end());
            std::sort(heaviest.begin(), heaviest.end());
            if (heaviest.size() > kCandidateWords) {
                heaviest.resize(kCandidateWords);
            }
            for (const auto& [_, word] : heaviest) {
                const auto it = clusters_with.find(word);
                if (it == clusters_with.end()) {
                    continue;
                }
                for (const std::size_t c : it->second) {
                    if (seen_stamp[c] == i) {
                        continue;
                    }
                    seen_stamp[c] = i;
                    const double score = cosine(item, norm, clusters[c]);
                    if (score >= best_score && (score > best_score || c < best)) {
                        best = c;
                        best_score = score;
                    }
                }
            }
        }
        if (best == clusters.size()) {
            clusters.emplace_back();
        }
        // A word new to the cluster lists the cluster under it; the centroid knows which are.
        for (const auto& [word, _] : item) {
            if (clusters[best].centroid.count(word) == 0) {
                clusters_with[word].push_back(best);
            }
        }
        add(clusters[best], item, i);
        assignment[i] = best;
    }
    return assignment;
}

}  // namespace

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
