// The date, times and duration of a front matter, read in every form the body parser reads
// (extract/written_values.hpp), and settled together once the whole mapping has been read: a
// clock time alone takes its day from `date` (else from `started`), a time-only value earlier
// than `started` crosses midnight, and an end before the start is left out with a warning.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/dates.hpp"
#include "extract/written_values.hpp"
#include "model/field.hpp"
#include "parse/field_report.hpp"

namespace hindsight {

class TimeFields {
  public:
    TimeFields(const TimeZone& site_zone, FieldReport& report)
        : zone_(site_zone), report_(report) {}

    // Each returns false when the value is a placeholder ("TBD", "N/A"): the field is then
    // absent, and the text may supply it. A value not understood still declares its field.
    bool read_date(const std::string& key, const std::string& text, const Location& at);
    bool read_time(Field field, const std::string& key, const std::string& text,
                   const Location& at);
    // `unit_seconds`: the unit a bare number is in, when the key names one (duration_seconds).
    bool read_duration(const std::string& key, const std::string& text, const Location& at,
                       std::optional<int> unit_seconds = std::nullopt);

    // A `time_zone` key's zone, for the values written without one (wherever the key stands:
    // the reader looks for it before it reads the times).
    void use_zone(TimeZone zone) { own_zone_ = std::move(zone); }

    // Resolves what waited for `date` and `started`, checks the times against each other and
    // fills the postmortem's date, times and duration.
    void finish(Postmortem& pm);

    // After finish(): the times the front matter wrote with no zone and no `time_zone` key, read
    // in the site's zone. The text may say which zone they are in (extract/infer_fields.hpp).
    const std::vector<Field>& zoneless() const { return zoneless_; }

  private:
    struct TimeValue {
        std::string key;  // as written ("start_time")
        std::string text;
        Location at;
        std::optional<Timestamp> utc;
        std::optional<WrittenInstant> waiting;  // a time alone, or a date without a year
        bool zoneless = false;                  // written with no zone or offset
    };

    void settle(Field field, TimeValue& value);
    bool at_clock_change(const TimeValue& value, date::local_seconds local);
    const TimeZone& zone() const { return own_zone_ ? *own_zone_ : zone_; }

    const TimeZone& zone_;
    std::optional<TimeZone> own_zone_;
    FieldReport& report_;
    std::map<Field, TimeValue> times_;          // started, detected, mitigated, resolved
    std::optional<date::sys_days> date_;        // `date`
    std::optional<CalendarDate> date_written_;  // `date`, the day as written
    std::optional<Timestamp> date_time_;        // `date` written with a time of day (cState)
    bool date_time_zoneless_ = false;           // ... and with no zone
    std::vector<Field> zoneless_;
    bool date_ambiguous_ = false;  // `date` like 05/03/2024: May 3 or 5 March
    std::string date_key_, date_text_;
    Location date_at_;
    std::optional<CalendarDate> started_day_;  // the day `started` was written with
    std::optional<WrittenZone> started_zone_;  // the zone `started` was written in
    std::optional<std::chrono::minutes> duration_;
    Location duration_at_;
};

}  // namespace hindsight
