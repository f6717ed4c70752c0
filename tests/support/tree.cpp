// Folder snapshots and their differences.
#include "support/tree.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "support/run_binary.hpp"

namespace fs = std::filesystem;

namespace hindsight::test {

Tree read_tree(const fs::path& root) {
    Tree tree;
    if (!fs::exists(root)) {
        return tree;
    }
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file()) {
            continue;
        }
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        tree[fs::relative(entry.path(), root).generic_string()] = bytes.str();
    }
    return tree;
}

std::string describe_difference(const Tree& expected, const Tree& actual) {
    std::string report;
    int diffs_shown = 0;
    for (const auto& [path, bytes] : expected) {
        const auto it = actual.find(path);
        if (it == actual.end()) {
            report += "missing: " + path + "\n";
        } else if (it->second != bytes) {
            report += "changed: " + path + "\n";
            if (diffs_shown++ < 3) {
                TempDir dir;
                write_text(dir.path() / "expected", bytes);
                write_text(dir.path() / "actual", it->second);
                const std::string command = "diff -u " + (dir.path() / "expected").string() + " " +
                                            (dir.path() / "actual").string() + " | head -60";
                if (FILE* pipe = ::popen(command.c_str(), "r")) {
                    char buffer[4096];
                    std::size_t n = 0;
                    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
                        report.append(buffer, n);
                    }
                    ::pclose(pipe);
                }
            }
        }
    }
    for (const auto& [path, _] : actual) {
        if (expected.count(path) == 0) {
            report += "extra: " + path + "\n";
        }
    }
    return report;
}

}  // namespace hindsight::test
