// Running the real hindsight binary from tests: arguments in, exit status and output out.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"

namespace hindsight::test {

struct RunResult {
    int exit_code = -1;  // -1 when killed by a signal
    int signal = 0;      // the signal that ended it, if any
    std::string out;
    std::string err;
};

RunResult run_hindsight(const std::vector<std::string>& args,
                        const std::filesystem::path& cwd = {});

// Runs argv[0] (looked up in PATH when it has no '/') with standard input read from stdin_file
// when one is given, else from /dev/null. exit_code is 127 when it could not be started.
RunResult run_program(const std::vector<std::string>& argv,
                      const std::filesystem::path& stdin_file = {});

std::filesystem::path source_dir();

}  // namespace hindsight::test
