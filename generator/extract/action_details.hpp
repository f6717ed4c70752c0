// The owner, ticket, status and due date written after an action item's title ("(owner: @sre)",
// "— Owner: Ana", "[OPS-3113]", "([JIRA-9193](url))", "due 2024-08-06"): taken off the title
// and kept in the item's fields.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/postmortem.hpp"

namespace hindsight {

// The links of the item's lines, as (text, destination).
using LineLinks = std::vector<std::pair<std::string, std::string>>;

// Removes the detail suffixes from item.title, filling owner, link, due and status from them
// (a field already set is kept). A suffix is taken only when all of it reads as details, so a
// title ending in ordinary words is left as written.
void take_action_details(ActionItem& item, const LineLinks& links);

}  // namespace hindsight
