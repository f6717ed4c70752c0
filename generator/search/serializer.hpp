// lunr.Index#toJSON (lunr.js:2252-2271) followed by JSON.stringify: the bytes lunr.js writes.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "search/index_builder.hpp"

namespace hindsight::search {

// {"version":"2.3.9","fields":[...],"fieldVectors":[...],"invertedIndex":[...],
// "pipeline":["stemmer"]}, no whitespace, no final newline.
std::string serialize_index(const LunrIndex& index);

// The same bytes, handed to sink in chunks of about a MiB: a large index is never whole in memory.
using Sink = std::function<void(std::string_view chunk)>;
void serialize_index(const LunrIndex& index, const Sink& sink);

// Appends s as JSON.stringify writes a string, quotes included: \" \\ \b \t \n \f \r, other
// controls as \u00xx, lone surrogates as \udxxx (lower-case hex), everything else as UTF-8.
void append_json_string(std::string& out, std::u16string_view s);

}  // namespace hindsight::search
