// Actions written as prose: the sentences of a corrective paragraph that promise or report a
// change ("To prevent recurrence, we added guardrails and will build faster rollback").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hindsight {

// Whether a paragraph opens as a prevention statement ("To prevent recurrence, ...", "To avoid
// this in the future, ..."), which counts as a corrective part written in prose.
bool opens_prevention(std::string_view paragraph);

// The actions a prose paragraph states, one per sentence that states one, a sentence joining
// two ("we added guardrails and will build faster rollback") split in two. Concluding
// sentences ("By implementing these measures, we ...") state none.
std::vector<std::string> prose_actions(std::string_view paragraph);

}  // namespace hindsight
