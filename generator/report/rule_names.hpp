// A short, stable name for the kind of problem a diagnostic reports, for CI reports that want one.
#pragma once

#include <string>
#include <string_view>

namespace hindsight {

// The message's words without the values it quotes or counts, at most six, as a slug:
// "unknown severity 'SEV9'" -> "unknown-severity"; "'started' is not a date and time: 'x'" ->
// "is-not-a-date-and-time". Diagnostics carry no rule ids, and the words of a message are what
// stays the same between two reports of the same kind of problem.
std::string rule_name(std::string_view message);

}  // namespace hindsight
