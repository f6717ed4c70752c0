// Distributions and archive-wide statistics: count, nearest-rank median and p90, max, mean.
#pragma once

#include <vector>

#include "model/archive.hpp"

namespace hindsight {

// The nearest-rank p-quantile (0 < p <= 1) of sorted values; the values must not be empty.
double nearest_rank(const std::vector<double>& sorted, double p);

Distribution distribution_of(std::vector<double> values);

GroupStats group_stats(const std::vector<Postmortem>& postmortems,
                       const std::vector<std::size_t>& members);

ArchiveStats archive_stats(const std::vector<Postmortem>& postmortems);

}  // namespace hindsight
