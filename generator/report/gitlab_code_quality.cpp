// GitLab Code Quality JSON (the subset of the Code Climate format GitLab reads).
#include "report/gitlab_code_quality.hpp"

#include <cstdint>
#include <map>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/rule_names.hpp"

namespace hindsight {
namespace {

const char* gitlab_severity(Severity severity) {
    switch (severity) {
        case Severity::error:
            return "major";
        case Severity::warning:
            return "minor";
        case Severity::note:
            return "info";
    }
    return "major";
}

// FNV-1a, 64 bits, from a given offset basis: two bases give 128 bits, as wide as the MD5 GitLab's
// examples use, with no cryptography needed (a fingerprint only has to tell problems apart).
std::uint64_t fnv1a(std::string_view text, std::uint64_t hash) {
    for (const unsigned char c : text) {
        hash ^= c;
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

std::string fingerprint(const std::string& key) {
    return fmt::format("{:016x}{:016x}", fnv1a(key, 0xcbf29ce484222325ULL),
                       fnv1a(key, 0x84222325cbf29ce4ULL));
}

}  // namespace

std::string gitlab_code_quality(const Diagnostics& diagnostics, const RepositoryPaths& paths) {
    auto issues = nlohmann::ordered_json::array();
    std::map<std::pair<std::string, std::string>, int> seen;  // (path, message) -> count so far
    for (const auto& d : diagnostics) {
        const auto file = paths.relative(d.location.path);
        const std::string path = file ? *file : d.location.path;
        const int occurrence = seen[{path, d.message}]++;
        std::string description = d.message;
        if (!d.hint.empty()) {
            description += " (hint: " + d.hint + ")";
        }
        issues.push_back({{"description", std::move(description)},
                          {"check_name", "hindsight/" + rule_name(d.message)},
                          {"fingerprint", fingerprint(fmt::format("{}\n{}\n{}\n{}", path,
                                                                  severity_name(d.severity),
                                                                  d.message, occurrence))},
                          {"severity", gitlab_severity(d.severity)},
                          {"location",
                           {{"path", path},
                            {"lines", {{"begin", d.location.line > 0 ? d.location.line : 1}}}}}});
    }
    return issues.dump(2);
}

}  // namespace hindsight
