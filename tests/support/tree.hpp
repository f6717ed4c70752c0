// Reading a whole folder into memory, to compare built sites byte for byte.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace hindsight::test {

using Tree = std::map<std::string, std::string>;  // relative path -> bytes

Tree read_tree(const std::filesystem::path& root);

// A readable account of how two trees differ: missing, extra and changed files, with a
// unified diff (from diff(1)) of the first few changed ones.
std::string describe_difference(const Tree& expected, const Tree& actual);

}  // namespace hindsight::test
