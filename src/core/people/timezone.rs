//! Time-zone names and offsets to minutes east of UTC, for the time-zone criterion and the
//! maximum-difference rule of matching.
//!
//! Accepted forms (case-insensitive, surrounding spaces ignored):
//! - an IANA name from a built-in table of about 150 common zones (`Europe/Berlin`,
//!   `America/Sao_Paulo`, `Asia/Kolkata`), plus `UTC`, `GMT`, `Z`;
//! - an offset: `+05:30`, `-0300`, `+5`, `UTC-3`, `GMT+1`, `UTC+05:45`.
//!
//! **Daylight saving time is ignored**: a name maps to its *standard* offset all year, so
//! `Europe/London` and `Europe/Berlin` are always one hour apart. That is what matching
//! needs (a stable distance between two people), and it keeps the core free of a tz
//! database.
//!
//! Anything else (empty, misspelt, out-of-range offsets such as `+25:00`) is unknown:
//! [`utc_offset_minutes`] returns `None`, and scoring treats the pair as neutral for the
//! time-zone criterion and never excludes it by the time-zone rule. Never a panic.

/// The standard UTC offset, in minutes, of a time-zone name or offset; `None` if unknown.
///
/// ```
/// use mentorkit::core::people::timezone::utc_offset_minutes;
/// assert_eq!(utc_offset_minutes("Asia/Kolkata"), Some(330));
/// assert_eq!(utc_offset_minutes("UTC-3"), Some(-180));
/// assert_eq!(utc_offset_minutes("+05:45"), Some(345));
/// assert_eq!(utc_offset_minutes("Mars/Olympus"), None);
/// ```
pub fn utc_offset_minutes(zone: &str) -> Option<i16> {
    let zone = zone.trim();
    if zone.is_empty() || zone.len() > 64 {
        return None;
    }
    if let Some(m) = parse_offset(zone) {
        return Some(m);
    }
    ZONES
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(zone))
        .map(|&(_, minutes)| minutes)
}

/// The distance between two offsets in minutes, around the clock (at most 12 hours):
/// `+14:00` and `-10:00` are the same wall-clock time on different days, 0 minutes apart.
pub fn distance_minutes(a: i16, b: i16) -> u16 {
    let d = (i32::from(a) - i32::from(b)).rem_euclid(24 * 60);
    d.min(24 * 60 - d) as u16
}

/// Parses `+05:30`, `-0300`, `+5`, `UTC-3`, `GMT+1`, `UTC`, `GMT`, `Z`.
fn parse_offset(text: &str) -> Option<i16> {
    let upper = text.to_ascii_uppercase();
    let rest = upper
        .strip_prefix("UTC")
        .or_else(|| upper.strip_prefix("GMT"))
        .unwrap_or(&upper);
    let rest = rest.trim();
    if rest.is_empty() {
        // "UTC" or "GMT" alone; a bare "" was refused by the caller.
        return (upper != rest).then_some(0);
    }
    if rest == "Z" && upper == "Z" {
        return Some(0);
    }
    let (sign, digits) = match rest.as_bytes().first()? {
        b'+' => (1i32, &rest[1..]),
        b'-' | b'\xE2' => {
            // ASCII minus, or a typographic minus sign (U+2212, bytes E2 88 92).
            let digits = rest
                .strip_prefix('-')
                .or_else(|| rest.strip_prefix('\u{2212}'))?;
            (-1, digits)
        }
        _ => return None,
    };
    // Only ASCII digits and one colon from here on, so byte slicing below stays on char
    // boundaries ("+\u{2212}1" once panicked in `split_at`).
    if !digits.bytes().all(|b| b.is_ascii_digit() || b == b':') {
        return None;
    }
    let (hours, minutes) = match digits.split_once(':') {
        Some((h, m)) => (h, m),
        None if digits.len() == 4 => digits.split_at(2),
        None => (digits, "0"),
    };
    if hours.is_empty()
        || hours.len() > 2
        || minutes.len() > 2
        || !hours.bytes().all(|b| b.is_ascii_digit())
        || !minutes.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let hours: i32 = hours.parse().ok()?;
    let minutes: i32 = minutes.parse().ok()?;
    if minutes >= 60 {
        return None;
    }
    let total = sign * (hours * 60 + minutes);
    // Real offsets run from -12:00 to +14:00.
    if !(-12 * 60..=14 * 60).contains(&total) {
        return None;
    }
    i16::try_from(total).ok()
}

/// Common IANA zones with their standard (non-DST) offsets in minutes.
const ZONES: &[(&str, i16)] = &[
    ("UTC", 0),
    ("GMT", 0),
    ("Etc/UTC", 0),
    ("Etc/GMT", 0),
    // Africa
    ("Africa/Abidjan", 0),
    ("Africa/Accra", 0),
    ("Africa/Addis_Ababa", 180),
    ("Africa/Algiers", 60),
    ("Africa/Cairo", 120),
    ("Africa/Casablanca", 60),
    ("Africa/Dakar", 0),
    ("Africa/Dar_es_Salaam", 180),
    ("Africa/Johannesburg", 120),
    ("Africa/Kampala", 180),
    ("Africa/Khartoum", 120),
    ("Africa/Kinshasa", 60),
    ("Africa/Lagos", 60),
    ("Africa/Luanda", 60),
    ("Africa/Maputo", 120),
    ("Africa/Nairobi", 180),
    ("Africa/Tunis", 60),
    ("Africa/Windhoek", 120),
    // Americas
    ("America/Anchorage", -540),
    ("America/Argentina/Buenos_Aires", -180),
    ("America/Buenos_Aires", -180),
    ("America/Bogota", -300),
    ("America/Caracas", -240),
    ("America/Chicago", -360),
    ("America/Denver", -420),
    ("America/Edmonton", -420),
    ("America/Guatemala", -360),
    ("America/Halifax", -240),
    ("America/Havana", -300),
    ("America/Lima", -300),
    ("America/Los_Angeles", -480),
    ("America/Mexico_City", -360),
    ("America/Monterrey", -360),
    ("America/Montevideo", -180),
    ("America/New_York", -300),
    ("America/Panama", -300),
    ("America/Phoenix", -420),
    ("America/Puerto_Rico", -240),
    ("America/Santiago", -240),
    ("America/Santo_Domingo", -240),
    ("America/Sao_Paulo", -180),
    ("America/St_Johns", -210),
    ("America/Toronto", -300),
    ("America/Vancouver", -480),
    ("America/Winnipeg", -360),
    ("America/Detroit", -300),
    ("America/Indiana/Indianapolis", -300),
    ("America/La_Paz", -240),
    ("America/Asuncion", -240),
    ("America/Guayaquil", -300),
    ("America/Costa_Rica", -360),
    ("America/El_Salvador", -360),
    ("America/Tegucigalpa", -360),
    ("America/Managua", -360),
    ("America/Jamaica", -300),
    ("America/Regina", -360),
    ("America/Tijuana", -480),
    ("America/Boise", -420),
    ("America/Juneau", -540),
    ("America/Adak", -600),
    ("America/Nuuk", -120),
    ("America/Godthab", -180),
    ("Atlantic/Azores", -60),
    ("Atlantic/Cape_Verde", -60),
    ("Atlantic/Reykjavik", 0),
    ("Atlantic/Canary", 0),
    ("Atlantic/Bermuda", -240),
    ("Atlantic/South_Georgia", -120),
    // Asia
    ("Asia/Almaty", 300),
    ("Asia/Amman", 180),
    ("Asia/Baghdad", 180),
    ("Asia/Baku", 240),
    ("Asia/Bangkok", 420),
    ("Asia/Beirut", 120),
    ("Asia/Calcutta", 330),
    ("Asia/Colombo", 330),
    ("Asia/Dhaka", 360),
    ("Asia/Dubai", 240),
    ("Asia/Ho_Chi_Minh", 420),
    ("Asia/Saigon", 420),
    ("Asia/Hong_Kong", 480),
    ("Asia/Jakarta", 420),
    ("Asia/Jerusalem", 120),
    ("Asia/Tel_Aviv", 120),
    ("Asia/Kabul", 270),
    ("Asia/Karachi", 300),
    ("Asia/Kathmandu", 345),
    ("Asia/Katmandu", 345),
    ("Asia/Kolkata", 330),
    ("Asia/Kuala_Lumpur", 480),
    ("Asia/Kuwait", 180),
    ("Asia/Manila", 480),
    ("Asia/Muscat", 240),
    ("Asia/Qatar", 180),
    ("Asia/Riyadh", 180),
    ("Asia/Seoul", 540),
    ("Asia/Shanghai", 480),
    ("Asia/Singapore", 480),
    ("Asia/Taipei", 480),
    ("Asia/Tashkent", 300),
    ("Asia/Tbilisi", 240),
    ("Asia/Tehran", 210),
    ("Asia/Tokyo", 540),
    ("Asia/Ulaanbaatar", 480),
    ("Asia/Vladivostok", 600),
    ("Asia/Yangon", 390),
    ("Asia/Rangoon", 390),
    ("Asia/Yekaterinburg", 300),
    ("Asia/Yerevan", 240),
    ("Asia/Novosibirsk", 420),
    ("Asia/Krasnoyarsk", 420),
    ("Asia/Irkutsk", 480),
    ("Asia/Yakutsk", 540),
    ("Asia/Magadan", 660),
    ("Asia/Kamchatka", 720),
    ("Asia/Bahrain", 180),
    ("Asia/Brunei", 480),
    ("Asia/Phnom_Penh", 420),
    ("Asia/Vientiane", 420),
    ("Asia/Thimphu", 360),
    ("Asia/Bishkek", 360),
    ("Asia/Dushanbe", 300),
    ("Asia/Ashgabat", 300),
    ("Asia/Nicosia", 120),
    ("Asia/Damascus", 180),
    ("Asia/Macau", 480),
    ("Asia/Pyongyang", 540),
    // Australia and Pacific
    ("Australia/Adelaide", 570),
    ("Australia/Brisbane", 600),
    ("Australia/Darwin", 570),
    ("Australia/Hobart", 600),
    ("Australia/Melbourne", 600),
    ("Australia/Perth", 480),
    ("Australia/Sydney", 600),
    ("Pacific/Auckland", 720),
    ("Pacific/Chatham", 765),
    ("Pacific/Fiji", 720),
    ("Pacific/Guam", 600),
    ("Pacific/Honolulu", -600),
    ("Pacific/Kiritimati", 840),
    ("Pacific/Noumea", 660),
    ("Pacific/Pago_Pago", -660),
    ("Pacific/Port_Moresby", 600),
    ("Pacific/Tongatapu", 780),
    ("Pacific/Apia", 780),
    ("Pacific/Tahiti", -600),
    // Europe
    ("Europe/Amsterdam", 60),
    ("Europe/Athens", 120),
    ("Europe/Belgrade", 60),
    ("Europe/Berlin", 60),
    ("Europe/Bratislava", 60),
    ("Europe/Brussels", 60),
    ("Europe/Bucharest", 120),
    ("Europe/Budapest", 60),
    ("Europe/Copenhagen", 60),
    ("Europe/Dublin", 0),
    ("Europe/Helsinki", 120),
    ("Europe/Istanbul", 180),
    ("Europe/Kiev", 120),
    ("Europe/Kyiv", 120),
    ("Europe/Lisbon", 0),
    ("Europe/Ljubljana", 60),
    ("Europe/London", 0),
    ("Europe/Luxembourg", 60),
    ("Europe/Madrid", 60),
    ("Europe/Minsk", 180),
    ("Europe/Moscow", 180),
    ("Europe/Oslo", 60),
    ("Europe/Paris", 60),
    ("Europe/Prague", 60),
    ("Europe/Riga", 120),
    ("Europe/Rome", 60),
    ("Europe/Sofia", 120),
    ("Europe/Stockholm", 60),
    ("Europe/Tallinn", 120),
    ("Europe/Vienna", 60),
    ("Europe/Vilnius", 120),
    ("Europe/Warsaw", 60),
    ("Europe/Zagreb", 60),
    ("Europe/Zurich", 60),
    ("Europe/Malta", 60),
    ("Europe/Monaco", 60),
    ("Europe/Sarajevo", 60),
    ("Europe/Skopje", 60),
    ("Europe/Tirane", 60),
    ("Europe/Chisinau", 120),
    ("Europe/Samara", 240),
    ("Indian/Maldives", 300),
    ("Indian/Mauritius", 240),
    ("Indian/Reunion", 240),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_map_to_standard_offsets_case_insensitively() {
        assert_eq!(utc_offset_minutes("Europe/Berlin"), Some(60));
        assert_eq!(utc_offset_minutes(" america/new_york "), Some(-300));
        assert_eq!(utc_offset_minutes("Asia/Kathmandu"), Some(345));
        assert_eq!(utc_offset_minutes("UTC"), Some(0));
        assert_eq!(utc_offset_minutes("gmt"), Some(0));
    }

    #[test]
    fn offsets_in_common_spellings_parse() {
        assert_eq!(utc_offset_minutes("+05:30"), Some(330));
        assert_eq!(utc_offset_minutes("-0300"), Some(-180));
        assert_eq!(utc_offset_minutes("+5"), Some(300));
        assert_eq!(utc_offset_minutes("UTC-3"), Some(-180));
        assert_eq!(utc_offset_minutes("GMT+1"), Some(60));
        assert_eq!(utc_offset_minutes("utc+05:45"), Some(345));
        assert_eq!(utc_offset_minutes("UTC\u{2212}2"), Some(-120));
        assert_eq!(utc_offset_minutes("Z"), Some(0));
    }

    /// Unknown, misspelt, out-of-range and hostile zone strings are unknown, never a panic.
    #[test]
    fn unknown_or_malformed_zones_are_none() {
        for bad in [
            "",
            "   ",
            "Mars/Olympus",
            "+25:00",
            "-13",
            "+05:75",
            "+",
            "-",
            "UTC+",
            "+1:2:3",
            "+１",
            "\u{202E}UTC",
            "GMT+100",
            "ZZ",
            "+\u{2212}1",
            "\u{2212}",
        ] {
            assert_eq!(utc_offset_minutes(bad), None, "{bad:?}");
        }
        let long = "A".repeat(10_000);
        assert_eq!(utc_offset_minutes(&long), None);
    }

    #[test]
    fn distance_wraps_around_the_clock() {
        assert_eq!(distance_minutes(60, -300), 360);
        assert_eq!(distance_minutes(840, -600), 0);
        assert_eq!(distance_minutes(720, -720), 0);
        assert_eq!(distance_minutes(0, 720), 720);
        assert_eq!(distance_minutes(330, 0), 330);
    }
}
