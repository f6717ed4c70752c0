// The site's search data under search/: the manifest, the index in term-range shards, the term
// dictionary and what the hits show, in small chunks; each a script that registers itself.
#pragma once

#include <cstddef>
#include <string>

#include "config/site_config.hpp"
#include "core/output_file.hpp"
#include "model/archive.hpp"

namespace hindsight::search {

// Sizes of the pieces, in bytes of their JSON: what a search downloads is a few of them.
struct SearchFileSizes {
    std::size_t shard = 96 * 1024;  // a term-range shard (a common term alone may be bigger)
    std::size_t chunk = 12 * 1024;  // the documents of a chunk, for the hits on screen
    std::size_t family_shares = 8;  // the biggest family, in shards (a bigger one: its likeliest)
};

// search/manifest.js (a fixed name, the page's way in) lists the rest:
//   search/s-N.js      a shard: a lunr 2.3.9 index of a range of terms with the whole archive's
//                      weights (refs are places in the newest-first order, "0" the newest); the
//                      first `shards` cut the terms, each term in one of them, and the
//                      `families` after them each hold all the terms starting with a prefix
//                      that the cut splits
//   search/t-HASH.js   every term, sorted: the dictionary typo matching reads
//   search/f-HASH.js   which causes (or services) each postmortem has: what a filter reads
//   search/d-N.js      what a hit shows of chunk N of the postmortems, newest first
//   search/h-HASH.js   what a hit shows but its snippet, of every postmortem (when there are
//                      several chunks): the page loads it once the reader types, to paint
//                      ranked titles without waiting for chunks
// Shards and chunks are numbered, and the manifest's version (a hash of them all) goes in their
// URLs; the others are named by a hash of their contents.
// Each file is `HindsightSearch.register("NAME", 'JSON');`: a script, so that one copy loads
// over http and from file://, where a page may not fetch JSON.
std::string site_search_files(const Archive& archive, const SiteConfig& config, FileSink& sink,
                              const SearchFileSizes& sizes = {});
OutputFiles site_search_files(const Archive& archive, const SiteConfig& config,
                              const SearchFileSizes& sizes = {});

// The JSON text a search file registers, read back from the file's bytes; empty if the bytes
// are not such a file. For tests and tools.
std::string registered_json(const std::string& script);

}  // namespace hindsight::search
