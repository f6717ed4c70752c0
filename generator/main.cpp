// Entry point: builds the command line, runs the chosen command, maps the outcome to an exit code.
#include <cstdio>
#include <exception>

#include <CLI/CLI.hpp>

#include "cache/parse_cache.hpp"
#include "cli/commands.hpp"
#include "cli/print_diagnostics.hpp"
#include "core/version.hpp"

namespace {

int run(int argc, char** argv) {
    CLI::App app{"Hindsight: turns a folder of incident postmortems into a searchable static site"};
    app.name("hindsight");
    // The build id names this exact binary (the version is 0.1.0 on every development build): CI
    // recipes key the build cache by it.
    const auto id = hindsight::build_id();
    app.set_version_flag("-V,--version", std::string("hindsight ") + hindsight::kVersion +
                                             " (build " + (id ? id->hex() : "unknown") + ")");
    app.require_subcommand(1);
    int exit_code = 0;
    hindsight::add_build_command(app, exit_code);
    hindsight::add_check_command(app, exit_code);
    hindsight::add_lunr_command(app, exit_code);
    hindsight::add_new_command(app, exit_code);
    hindsight::add_serve_command(app, exit_code);
    hindsight::add_adopt_command(app, exit_code);
    app.footer(
        "Exit status: 0 ok, 1 content errors (or warnings with --strict), 2 usage or I/O error.");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    return exit_code;
}

}  // namespace

// Nothing may leave main as an exception, not even from building the command line:
// std::terminate would end the process with no message and no exit code of ours.
int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        // A defect, not a content problem: say so plainly instead of dumping a trace.
        hindsight::print_tool_error(std::string("internal error: ") + e.what(),
                                    "please report this with the file that caused it");
    } catch (...) {
        hindsight::print_tool_error("internal error: an unknown exception",
                                    "please report this with the file that caused it");
    }
    return 2;
}
