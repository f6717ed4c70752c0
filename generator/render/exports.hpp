// Machine-readable exports of the archive: postmortems.json and postmortems.csv (DESIGN.md §4).
#pragma once

#include <string>

#include "config/site_config.hpp"
#include "model/archive.hpp"

namespace hindsight {

std::string postmortems_json(const Archive& archive);
std::string actions_json(const Archive& archive);
std::string stats_json(const Archive& archive);
std::string postmortems_csv(const Archive& archive);

// RFC 4180 quoting, and a leading "'" on text a spreadsheet would run as a formula.
std::string csv_field(const std::string& value);

}  // namespace hindsight
