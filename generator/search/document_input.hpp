// The documents file of `hindsight lunr` (or standard input) read whole into a padded buffer.
#pragma once

#include <optional>
#include <string>

#include <simdjson.h>

namespace hindsight::search {

// The whole input ("-" is standard input), with the padding simdjson reads past the end; on
// failure, the message to print ("cannot read docs.json: No such file or directory"). A large
// file also prepares the heap for the indexing that follows (Linux and glibc only).
std::optional<std::string> read_document_input(const std::string& input,
                                               simdjson::padded_string& text);

}  // namespace hindsight::search
