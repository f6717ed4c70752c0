// The spellings teams write for the two status enumerations (an action item's state, a
// postmortem's review state), each in one table, read without regard to case or separators.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace hindsight {

enum class ActionStatus { open, in_progress, blocked, done, wont_do };

// "open", "in-progress", "blocked", "done", "wont-do": as front matter and exports write them.
const char* to_string(ActionStatus status);

// Whether a postmortem is published or held back (built only with --drafts).
enum class Publication { published, held_back };

const char* to_string(Publication publication);

// One row of a table: a value and the spellings that name it, as people write them.
template <typename Value>
struct Spellings {
    Value value;
    std::vector<std::string_view> words;
};

// The documented tables (README "Statuses"), canonical spelling first in each row.
const std::vector<Spellings<ActionStatus>>& action_status_spellings();
const std::vector<Spellings<Publication>>& publication_spellings();

// A written value read through a table: the whole text folded (core/text.hpp fold_spelling:
// case, spaces, '_', '-' and marks ignored), else its leading phrase ("Done (PR #12)"), else
// a check mark ("[x]", "✅"). Nothing when the table does not know it.
std::optional<ActionStatus> read_action_status(std::string_view written);
std::optional<Publication> read_publication(std::string_view written);

}  // namespace hindsight
