// The id of a new postmortem, continuing the pattern of the archive's own ids.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "model/source_file.hpp"

namespace hindsight {

// The `id:` of each source's front matter, as written (quotes and a trailing comment removed);
// files without one are left out. A line scan, not a YAML parse: an id is a plain top-level
// scalar, and a file whose YAML is broken still has an id that a new one must not repeat.
std::vector<std::string> declared_ids(const std::vector<SourceFile>& sources);

// The next id after `ids` for a postmortem dated `date`. Ids ending in a number are grouped by
// what comes before it, with a year in it read as the year ("PW-2023-" and "PW-2024-" are one
// pattern, PW-{year}-); the largest group is the archive's pattern, and the new id takes the
// next number in it (for the new date's year when the pattern has one, starting at 1), padded to
// the widest number seen: PW-2024-019 is followed by PW-2024-020, and by PW-2025-001 in 2025.
// With no such ids, the id is the date and a slug of the title: 2026-05-03-checkout-errors. The
// result never equals an existing id, compared without case (a slug is the lower-cased id).
std::string next_id(const std::vector<std::string>& ids, date::sys_days date,
                    std::string_view title);

// The slug of a title for a file name or an id: at most `limit` characters, cut at a '-'.
std::string title_slug(std::string_view title, std::size_t limit = 60);

}  // namespace hindsight
