// Tests for core/file_system: reads and writes with errors as values.
#include <catch2/catch.hpp>

#include "core/file_system.hpp"
#include "support/temp_dir.hpp"

using namespace hindsight;

TEST_CASE("write then read a file, creating folders", "[file_system]") {
    test::TempDir dir;
    const auto path = dir.path() / "a/b/c.bin";
    const std::string bytes("x\0y\xff", 4);
    CHECK(write_file(path, bytes).empty());
    const auto read = read_file(path);
    REQUIRE(read.bytes);
    CHECK(*read.bytes == bytes);
}

TEST_CASE("a missing file is an error message, not an exception", "[file_system]") {
    test::TempDir dir;
    const auto read = read_file(dir.path() / "missing.md");
    CHECK_FALSE(read.bytes);
    CHECK(read.error == "No such file or directory");
    CHECK(write_file(dir.path(), "x") == "Is a directory");
}
