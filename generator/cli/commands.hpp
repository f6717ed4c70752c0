// The subcommands: each adds itself to the CLI11 app and stores its exit status when run.
#pragma once

#include <CLI/CLI.hpp>

namespace hindsight {

void add_build_command(CLI::App& app, int& exit_code);
void add_check_command(CLI::App& app, int& exit_code);
void add_lunr_command(CLI::App& app, int& exit_code);
void add_new_command(CLI::App& app, int& exit_code);
void add_serve_command(CLI::App& app, int& exit_code);
void add_adopt_command(CLI::App& app, int& exit_code);

}  // namespace hindsight
