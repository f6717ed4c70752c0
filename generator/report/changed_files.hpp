// The files a change touches, so that a pull request's check reports its own files' problems.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace hindsight {

struct ChangedFiles {
    std::set<std::string> paths;  // absolute and canonical, so any spelling of a path matches
    std::string error;            // why they could not be listed (git failed); empty when listed
    std::string hint;
};

// The files that differ between REF's merge base with HEAD and the working tree (committed,
// staged or not), plus untracked files that .gitignore does not ignore: what a pull request
// from this checkout would change, a new postmortem not yet added included. Runs git in `dir`.
ChangedFiles files_changed_since(const std::string& ref, const std::filesystem::path& dir);

// The files named, as given on the command line.
ChangedFiles named_files(const std::vector<std::string>& paths);

struct ChangedDiagnostics {
    Diagnostics shown;   // problems in changed files, and problems in no file at all
    Diagnostics hidden;  // problems in files the change does not touch
};

// Splits diagnostics by whether their file is among the changed ones. A problem that names no
// file (a command-line option, the archive as a whole) concerns every change, so it is shown.
ChangedDiagnostics split_by_change(const Diagnostics& diagnostics, const ChangedFiles& changed);

}  // namespace hindsight
