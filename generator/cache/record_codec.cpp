// Positional CBOR arrays through nlohmann::json: each struct is an array of its fields in
// declaration order, so the encoding stays small and decoding needs no key lookups.
#include "cache/record_codec.hpp"

#include <nlohmann/json.hpp>

namespace hindsight {
namespace {

using json = nlohmann::json;

// Adding a member to one of these structs changes its size; the codec below must then learn the
// new member, or a cached build would silently lose it (the byte-identity tests would catch that
// too, but only for the fields their fixtures set).
static_assert(sizeof(Postmortem) == 872,
              "Postmortem changed: update record_codec.cpp (encode and decode) and this size");
static_assert(sizeof(ActionItem) == 152,
              "ActionItem changed: update record_codec.cpp (encode and decode) and this size");
static_assert(sizeof(Evidence) == 72,
              "Evidence changed: update record_codec.cpp (encode and decode) and this size");
static_assert(sizeof(UnreadValue) == 104,
              "UnreadValue changed: update record_codec.cpp (encode and decode) and this size");
static_assert(sizeof(Diagnostic) == 112,
              "Diagnostic changed: update record_codec.cpp (encode and decode) and this size");

json time_value(const std::optional<Timestamp>& t) {
    return t ? json(t->time_since_epoch().count()) : json(nullptr);
}

json day_value(const std::optional<date::sys_days>& d) {
    return d ? json(d->time_since_epoch().count()) : json(nullptr);
}

json encode(const Postmortem& pm) {
    json actions = json::array();
    for (const auto& a : pm.action_items) {
        actions.push_back({a.title, a.owner,
                           a.status ? json(static_cast<int>(*a.status)) : json(nullptr),
                           day_value(a.due), a.link, a.line, a.status_text});
    }
    json inferred = json::array();
    for (const Field f : pm.inferred) {
        inferred.push_back(static_cast<int>(f));
    }
    json declared = json::array();
    for (const Field f : pm.declared) {
        declared.push_back(static_cast<int>(f));
    }
    json evidence = json::array();
    for (const auto& [field, e] : pm.evidence) {
        evidence.push_back({static_cast<int>(field), e.line, e.text, e.doubt});
    }
    json timeline = json::array();
    for (const auto& t : pm.timeline) {
        timeline.push_back({time_value(t.time), t.when, t.text, t.line});
    }
    json triggers = json::array();
    for (const auto& t : pm.cause_triggers) {
        triggers.push_back({t.cause, t.words});
    }
    json aliases = json::array();
    for (const auto& a : pm.aliases) {
        aliases.push_back({a.alias, a.field, a.line});
    }
    json unread = json::array();
    for (const auto& u : pm.unread) {
        unread.push_back({u.key, u.written, u.problem, u.line});
    }
    json headings = json::array();
    for (const auto& h : pm.headings) {
        headings.push_back({h.level, h.id, h.text});
    }
    return json::array({
        pm.source,
        pm.source_path,
        pm.slug,
        pm.slug_line,
        pm.id,
        pm.title,
        day_value(pm.date),
        time_value(pm.started),
        time_value(pm.detected),
        time_value(pm.mitigated),
        time_value(pm.resolved),
        pm.duration ? json(pm.duration->count()) : json(nullptr),
        pm.severity,
        pm.draft,
        pm.users_affected_pct ? json(*pm.users_affected_pct) : json(nullptr),
        pm.impact_summary,
        pm.time_zone,
        pm.summary,
        pm.causes,
        pm.tags,
        pm.services,
        pm.authors,
        std::move(actions),
        pm.extra,
        pm.body_html,
        pm.body_text,
        std::move(headings),
        std::move(inferred),
        std::move(evidence),
        std::move(declared),
        std::move(timeline),
        std::move(triggers),
        std::move(aliases),
        std::move(unread),
    });
}

std::optional<Timestamp> time_of(const json& v) {
    if (v.is_null()) {
        return std::nullopt;
    }
    return Timestamp{std::chrono::seconds{v.get<std::int64_t>()}};
}

std::optional<date::sys_days> day_of(const json& v) {
    if (v.is_null()) {
        return std::nullopt;
    }
    return date::sys_days{date::days{v.get<std::int64_t>()}};
}

Postmortem decode_postmortem(const json& v) {
    Postmortem pm;
    std::size_t i = 0;
    const auto next = [&]() -> const json& { return v.at(i++); };
    pm.source = next().get<std::string>();
    pm.source_path = next().get<std::string>();
    pm.slug = next().get<std::string>();
    pm.slug_line = next().get<int>();
    pm.id = next().get<std::string>();
    pm.title = next().get<std::string>();
    pm.date = day_of(next());
    pm.started = time_of(next());
    pm.detected = time_of(next());
    pm.mitigated = time_of(next());
    pm.resolved = time_of(next());
    if (const json& d = next(); !d.is_null()) {
        pm.duration = std::chrono::minutes{d.get<std::int64_t>()};
    }
    pm.severity = next().get<std::string>();
    pm.draft = next().get<bool>();
    if (const json& u = next(); !u.is_null()) {
        pm.users_affected_pct = u.get<double>();
    }
    pm.impact_summary = next().get<std::string>();
    pm.time_zone = next().get<std::string>();
    pm.summary = next().get<std::string>();
    pm.causes = next().get<std::vector<std::string>>();
    pm.tags = next().get<std::vector<std::string>>();
    pm.services = next().get<std::vector<std::string>>();
    pm.authors = next().get<std::vector<std::string>>();
    for (const auto& a : next()) {
        ActionItem item;
        item.title = a.at(0).get<std::string>();
        item.owner = a.at(1).get<std::string>();
        if (!a.at(2).is_null()) {
            item.status = static_cast<ActionStatus>(a.at(2).get<int>());
        } else {
            item.status = std::nullopt;
        }
        item.due = day_of(a.at(3));
        item.link = a.at(4).get<std::string>();
        item.line = a.at(5).get<int>();
        item.status_text = a.at(6).get<std::string>();
        pm.action_items.push_back(std::move(item));
    }
    pm.extra = next();
    pm.body_html = next().get<std::string>();
    pm.body_text = next().get<std::string>();
    for (const auto& h : next()) {
        pm.headings.push_back(
            {h.at(0).get<int>(), h.at(1).get<std::string>(), h.at(2).get<std::string>()});
    }
    for (const auto& f : next()) {
        pm.inferred.insert(static_cast<Field>(f.get<int>()));
    }
    for (const auto& e : next()) {
        pm.evidence[static_cast<Field>(e.at(0).get<int>())] =
            Evidence{e.at(1).get<int>(), e.at(2).get<std::string>(), e.at(3).get<std::string>()};
    }
    for (const auto& f : next()) {
        pm.declared.insert(static_cast<Field>(f.get<int>()));
    }
    for (const auto& t : next()) {
        pm.timeline.push_back({time_of(t.at(0)), t.at(1).get<std::string>(),
                               t.at(2).get<std::string>(), t.at(3).get<int>()});
    }
    for (const auto& t : next()) {
        pm.cause_triggers.push_back(
            {t.at(0).get<std::string>(), t.at(1).get<std::vector<std::string>>()});
    }
    for (const auto& a : next()) {
        pm.aliases.push_back(
            {a.at(0).get<std::string>(), a.at(1).get<std::string>(), a.at(2).get<int>()});
    }
    for (const auto& u : next()) {
        pm.unread.push_back({u.at(0).get<std::string>(), u.at(1).get<std::string>(),
                             u.at(2).get<std::string>(), u.at(3).get<int>()});
    }
    if (i != v.size()) {
        throw std::out_of_range("trailing fields");
    }
    return pm;
}

}  // namespace

std::string encode_parsed_file(const ParsedFile& parsed) {
    json diagnostics = json::array();
    for (const auto& d : parsed.diagnostics) {
        diagnostics.push_back({static_cast<int>(d.severity), d.location.path, d.location.line,
                               d.location.column, d.message, d.hint});
    }
    const json value = {parsed.postmortem ? encode(*parsed.postmortem) : json(nullptr),
                        std::move(diagnostics)};
    std::string bytes;
    json::to_cbor(value, bytes);
    return bytes;
}

std::optional<ParsedFile> decode_parsed_file(std::string_view bytes) {
    // The CBOR reader reports malformed input by exception; anything wrong in the shape (a
    // missing element, a wrong type) throws too. Either way the entry is not used.
    try {
        const json value = json::from_cbor(bytes);
        ParsedFile parsed;
        if (!value.is_array() || value.size() != 2) {
            return std::nullopt;
        }
        if (!value[0].is_null()) {
            parsed.postmortem = decode_postmortem(value[0]);
        }
        for (const auto& d : value[1]) {
            Diagnostic diagnostic;
            diagnostic.severity = static_cast<Severity>(d.at(0).get<int>());
            diagnostic.location = {d.at(1).get<std::string>(), d.at(2).get<int>(),
                                   d.at(3).get<int>()};
            diagnostic.message = d.at(4).get<std::string>();
            diagnostic.hint = d.at(5).get<std::string>();
            parsed.diagnostics.push_back(std::move(diagnostic));
        }
        return parsed;
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    } catch (const std::out_of_range&) {
        return std::nullopt;
    }
}

}  // namespace hindsight
