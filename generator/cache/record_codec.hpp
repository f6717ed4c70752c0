// A parsed postmortem and its diagnostics to bytes and back, for the parse cache (CBOR).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "model/postmortem.hpp"

namespace hindsight {

// What parsing one file produced: the record (none for a skipped file) and what was said of it.
struct ParsedFile {
    std::optional<Postmortem> postmortem;
    Diagnostics diagnostics;
};

// Enumerations are stored as their numbers: a cache is read only by the binary that wrote it (its
// build id is part of every key), so the numbering cannot drift under it.
std::string encode_parsed_file(const ParsedFile& parsed);

// Nothing when the bytes are not a whole encoding (truncated, corrupt, another format).
std::optional<ParsedFile> decode_parsed_file(std::string_view bytes);

}  // namespace hindsight
