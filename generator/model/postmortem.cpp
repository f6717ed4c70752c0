// Names of action-item states, as written in front matter and exports.
#include "model/postmortem.hpp"

namespace hindsight {

const char* to_string(ActionStatus status) {
    switch (status) {
        case ActionStatus::open:
            return "open";
        case ActionStatus::in_progress:
            return "in-progress";
        case ActionStatus::done:
            return "done";
        case ActionStatus::wont_do:
            return "wont-do";
    }
    return "open";
}

std::optional<ActionStatus> parse_action_status(std::string_view text) {
    for (const auto status : {ActionStatus::open, ActionStatus::in_progress, ActionStatus::done,
                              ActionStatus::wont_do}) {
        if (text == to_string(status)) {
            return status;
        }
    }
    return std::nullopt;
}

}  // namespace hindsight
