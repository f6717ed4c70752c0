// Field names and presence: one table instead of a string spelled in every stage.
#include "model/field.hpp"

#include <algorithm>
#include <utility>

#include "model/postmortem.hpp"

namespace hindsight {
namespace {

constexpr std::pair<Field, std::string_view> kNames[] = {
    {Field::source, "source"},
    {Field::title, "title"},
    {Field::id, "id"},
    {Field::slug, "slug"},
    {Field::date, "date"},
    {Field::started, "started"},
    {Field::detected, "detected"},
    {Field::mitigated, "mitigated"},
    {Field::resolved, "resolved"},
    {Field::duration_minutes, "duration_minutes"},
    {Field::users_affected_pct, "users_affected_pct"},
    {Field::impact, "impact"},
    {Field::severity, "severity"},
    {Field::causes, "causes"},
    {Field::tags, "tags"},
    {Field::services, "services"},
    {Field::authors, "authors"},
    {Field::action_items, "action_items"},
    {Field::summary, "summary"},
};

}  // namespace

std::string_view field_name(Field field) {
    for (const auto& [f, name] : kNames) {
        if (f == field) {
            return name;
        }
    }
    return "unknown";  // every enumerator is in the table; a test walks them all
}

std::optional<Field> field_named(std::string_view name) {
    for (const auto& [f, n] : kNames) {
        if (n == name) {
            return f;
        }
    }
    return std::nullopt;
}

std::vector<std::string> field_names(const std::set<Field>& fields) {
    std::vector<std::string> names;
    for (const Field f : fields) {
        names.emplace_back(field_name(f));
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::optional<Timestamp>* moment(Postmortem& pm, Field field) {
    switch (field) {
        case Field::started:
            return &pm.started;
        case Field::detected:
            return &pm.detected;
        case Field::mitigated:
            return &pm.mitigated;
        case Field::resolved:
            return &pm.resolved;
        default:
            return nullptr;
    }
}

bool has_value(const Postmortem& pm, Field field) {
    switch (field) {
        case Field::source:
            return !pm.source.empty();
        case Field::title:
            return !pm.title.empty();
        case Field::id:
            return !pm.id.empty();
        case Field::slug:
            return !pm.slug.empty();
        case Field::date:
            return pm.date.has_value();
        case Field::started:
            return pm.started.has_value();
        case Field::detected:
            return pm.detected.has_value();
        case Field::mitigated:
            return pm.mitigated.has_value();
        case Field::resolved:
            return pm.resolved.has_value();
        case Field::duration_minutes:
            return pm.duration.has_value();
        case Field::users_affected_pct:
            return pm.users_affected_pct.has_value();
        case Field::impact:
            return pm.users_affected_pct.has_value() || !pm.impact_summary.empty();
        case Field::severity:
            return !pm.severity.empty();
        case Field::causes:
            return !pm.causes.empty();
        case Field::tags:
            return !pm.tags.empty();
        case Field::services:
            return !pm.services.empty();
        case Field::authors:
            return !pm.authors.empty();
        case Field::action_items:
            return !pm.action_items.empty();
        case Field::summary:
            return !pm.summary.empty();
    }
    return false;
}

}  // namespace hindsight
