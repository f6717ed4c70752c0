// Where the front-matter readers put what they have to say: notes for what they read liberally,
// warnings for values they could not use (each also kept on the record as written).
#pragma once

#include <string>

#include "core/diagnostic.hpp"
#include "model/postmortem.hpp"

namespace hindsight {

class FieldReport {
  public:
    FieldReport(Diagnostics& diagnostics, Postmortem& postmortem)
        : diagnostics_(diagnostics), pm_(postmortem) {}

    void note(Location at, std::string message, std::string hint = {}) {
        diagnostics_.push_back(make_note(std::move(at), std::move(message), std::move(hint)));
    }

    void warning(Location at, std::string message, std::string hint = {}) {
        diagnostics_.push_back(make_warning(std::move(at), std::move(message), std::move(hint)));
    }

    void error(Location at, std::string message, std::string hint = {}) {
        diagnostics_.push_back(make_error(std::move(at), std::move(message), std::move(hint)));
    }

    // A value left out of the record: a warning saying why and what to write instead, and the
    // value as written, for the page to show with the problem.
    void unread(Location at, std::string key, std::string written, std::string problem,
                std::string hint) {
        warning(at, "'" + key + ": " + written + "' " + problem, std::move(hint));
        pm_.unread.push_back({std::move(key), std::move(written), std::move(problem), at.line});
    }

  private:
    Diagnostics& diagnostics_;
    Postmortem& pm_;
};

}  // namespace hindsight
