// Action items: what the postmortem promises to do, from lists under measures/tasks/follow-up
// parts.
#pragma once

#include <string>
#include <vector>

#include "model/postmortem.hpp"
#include "parse/sections.hpp"
#include "parse/source_lines.hpp"

namespace hindsight {

struct ExtractedActions {
    std::vector<ActionItem> items;
    Evidence from;  // the heading of the first list they came from
};

ExtractedActions extract_action_items(const std::vector<SourceLine>& lines,
                                      const std::vector<LineContext>& contexts, int line_offset);

// The content words of an action item, for telling "Increase load testing" and "Conduct load
// testing with various scenarios" apart from other actions: lower-case, without stop words,
// generic verbs and common suffixes.
std::vector<std::string> action_keywords(std::string_view text);

// All content words of a text, normalised as action_keywords does.
std::vector<std::string> content_words(std::string_view text);

// True when two items listed under different headings promise the same thing.
bool same_action(const std::vector<std::string>& a, const std::vector<std::string>& b);

}  // namespace hindsight
