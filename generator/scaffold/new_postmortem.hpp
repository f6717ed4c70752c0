// The text of a new postmortem: front matter ready to fill in, then a template's sections.
#pragma once

#include <string>

#include <date/date.h>

#include "config/site_config.hpp"
#include "scaffold/postmortem_templates.hpp"

namespace hindsight {

struct NewPostmortem {
    std::string title;
    std::string id;
    date::sys_days date;
};

// Front matter with the title, id and date, `status: draft` (so that nothing is published
// before it is reviewed), and every other field of DESIGN §2 empty, each under a comment saying
// what to write: the site's severity levels, its cause taxonomy's keys, the time format and zone.
// The template's body follows, with {{title}}, {{id}} and {{date}} replaced. A template that opens
// with front matter of its own adds its keys, and replaces the generated line of a key it
// also sets (keys at the start of a line, so no YAML parser is needed).
std::string new_postmortem_text(const NewPostmortem& postmortem, const PostmortemTemplate& chosen,
                                const SiteConfig& config);

// The file name: YYYY-MM-DD-title-slug.md, the demo archive's naming.
std::string new_postmortem_file_name(const NewPostmortem& postmortem);

// A YAML double-quoted scalar: any title is safe in it (':', '#', quotes, a leading '-').
std::string yaml_quoted(std::string_view text);

}  // namespace hindsight
