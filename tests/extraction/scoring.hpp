// What the extraction score tests share: reading label files, running the parser on a labelled
// file, and the definition of a right answer for each scored field.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/file_system.hpp"
#include "parse/parse_postmortem.hpp"

namespace hindsight::test {

// hits out of total, for a rate; total 0 reads as a perfect rate (nothing to get wrong).
struct Rate {
    int hits = 0;
    int total = 0;
    double value() const { return total == 0 ? 1.0 : static_cast<double>(hits) / total; }
    void add(bool hit) {
        ++total;
        hits += hit ? 1 : 0;
    }
};

// Every label in the given JSON files (each an array of objects), in file order.
inline std::vector<nlohmann::json> read_labels(const std::vector<std::filesystem::path>& files) {
    std::vector<nlohmann::json> labels;
    for (const auto& path : files) {
        std::ifstream in(path);
        for (auto& label : nlohmann::json::parse(in)) {
            labels.push_back(std::move(label));
        }
    }
    return labels;
}

// The files in `dir` whose names start with `prefix` and end in ".json", sorted.
inline std::vector<std::filesystem::path> label_files(const std::filesystem::path& dir,
                                                      const std::string& prefix) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with(prefix) && name.ends_with(".json")) {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

// The record the site would build from a labelled file, with the default configuration, and
// what check says about it.
inline ParseResult parse_labelled_file(const std::filesystem::path& path, const std::string& name) {
    const auto bytes = read_file(path);
    REQUIRE(bytes.bytes);
    auto result = parse_postmortem({name, name, *bytes.bytes}, SiteConfig{}, {});
    REQUIRE(result.postmortem);
    return result;
}

inline Postmortem parse_labelled(const std::filesystem::path& path, const std::string& name) {
    return *parse_labelled_file(path, name).postmortem;
}

// Whether an ISO 8601 label names its offset ("Z", "+01:00"): only then is it an instant.
inline bool has_offset(const std::string& iso) {
    if (iso.size() < 6 || iso.find('T') == std::string::npos) {
        return false;
    }
    if (iso.back() == 'Z') {
        return true;
    }
    const std::string tail = iso.substr(iso.size() - 6);
    return (tail[0] == '+' || tail[0] == '-') && tail[3] == ':';
}

// The definitions of a right answer.
inline bool duration_right(long long got, long long want) {
    return std::llabs(got - want) <= 1;
}
inline bool start_right(Timestamp got, Timestamp want) {
    const auto apart = got > want ? got - want : want - got;
    return apart <= std::chrono::minutes{1};
}
inline bool share_right(double got, double want) {
    return std::abs(got - want) <= 0.5;
}
// Within one, or within a fifth of the label above five items.
inline bool action_count_right(int got, int want) {
    const double slack = want > 5 ? std::max(1.0, 0.2 * want) : 1.0;
    return std::abs(got - want) <= slack;
}

}  // namespace hindsight::test
