// Running the real hindsight binary from tests: arguments in, exit status and output out.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"

namespace hindsight::test {

struct RunResult {
    int exit_code = -1;      // -1 when killed by a signal
    int signal = 0;          // the signal that ended it, if any
    bool timed_out = false;  // killed for running past its time limit
    std::chrono::milliseconds elapsed{0};
    std::string out;
    std::string err;
};

RunResult run_hindsight(const std::vector<std::string>& args,
                        const std::filesystem::path& cwd = {});

// run_hindsight that kills the run (SIGKILL) once it has taken `limit`, and says so, as cmark's
// pathological tests do: a hang fails its own test quickly instead of the whole suite's timeout.
// The run may also use only so much memory (kMemoryLimitMb), so that a blow-up fails the test
// instead of taking the machine's memory first.
constexpr long kMemoryLimitMb = 3072;
RunResult run_hindsight_within(std::chrono::milliseconds limit,
                               const std::vector<std::string>& args);

// Runs argv[0] (looked up in PATH when it has no '/') with standard input read from stdin_file
// when one is given, else from /dev/null. exit_code is 127 when it could not be started.
RunResult run_program(const std::vector<std::string>& argv,
                      const std::filesystem::path& stdin_file = {});

std::filesystem::path source_dir();

}  // namespace hindsight::test
