//! Which part of a check-in each column of a form tool's export fills.

use std::fmt;

use crate::core::exchange::csv::{normalize_header, ColumnTarget, Mapping};
use crate::core::model::Program;

/// What a column of a check-ins CSV fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LogTarget {
    /// When the form was submitted (the form tool's own column); also the key that makes
    /// the same response imported twice a duplicate.
    Timestamp,
    /// The check-in's date, when the form asks for one.
    Date,
    /// The respondent's e-mail.
    RespondentEmail,
    /// The partner the row is about: e-mail or name (several columns: the first filled).
    Partner,
    /// "How is your mentoring going?" 1-5.
    Rating,
    /// "On track?" yes / no / unsure.
    OnTrack,
    /// The fit question.
    Fit,
    /// "Have you met since last time?" yes / no.
    Met,
    /// When they met.
    MeetingDate,
    /// How long they met.
    Duration,
    /// How they met.
    Mode,
    /// What the respondent wrote.
    Comment,
    /// Not imported.
    Ignore,
}

/// A target with its key, label, exact header spellings, and phrases that give it away
/// inside a long question.
struct Spec {
    target: LogTarget,
    key: &'static str,
    label: &'static str,
    headers: &'static [&'static str],
    phrases: &'static [&'static str],
}

/// Every target's [`Spec`]. Guessing tries the exact headers of every target first, then
/// the phrases in this order (the more specific questions first: "When did you meet?" is
/// a meeting date before it is "did you meet").
const TARGETS: [Spec; 12] = [
    Spec {
        target: LogTarget::Fit,
        key: "fit",
        label: "Fit",
        headers: &["fit", "goodfit"],
        phrases: &["goodfit", "rightfit", "fit"],
    },
    Spec {
        target: LogTarget::MeetingDate,
        key: "meeting_date",
        label: "Meeting date",
        headers: &["meetingdate", "datemet", "dateofmeeting", "lastmeeting"],
        phrases: &[
            "whendid",
            "meetingdate",
            "dateofmeeting",
            "datemet",
            "dateofyourlast",
            "lastmet",
        ],
    },
    Spec {
        target: LogTarget::Mode,
        key: "mode",
        label: "How they met",
        headers: &["mode", "meetingmode", "format", "channel", "meetingtype"],
        phrases: &[
            "howdidyoumeet",
            "howdidyoutalk",
            "meetingmode",
            "meetingformat",
            "mode",
        ],
    },
    Spec {
        target: LogTarget::Duration,
        key: "duration",
        label: "Duration",
        headers: &[
            "duration",
            "minutes",
            "length",
            "howlong",
            "hours",
            "timespent",
        ],
        phrases: &[
            "howlong",
            "duration",
            "minutes",
            "howmuchtime",
            "timespent",
            "hours",
        ],
    },
    Spec {
        target: LogTarget::Met,
        key: "met",
        label: "Met since last time",
        headers: &["met", "metsincelasttime", "haveyoumet", "didyoumeet"],
        phrases: &["haveyoumet", "didyoumeet", "metsince", "haveyoutwomet"],
    },
    Spec {
        target: LogTarget::OnTrack,
        key: "on_track",
        label: "On track",
        headers: &["ontrack"],
        phrases: &["ontrack"],
    },
    Spec {
        target: LogTarget::Rating,
        key: "rating",
        label: "Rating",
        headers: &["rating", "score", "sentiment", "pulse"],
        phrases: &[
            "howisyourmentoring",
            "howisitgoing",
            "howsitgoing",
            "howsyourmentoring",
            "rate",
            "rating",
            "satisfied",
        ],
    },
    Spec {
        target: LogTarget::Partner,
        key: "partner",
        label: "Partner",
        headers: &[
            "partner",
            "partneremail",
            "partnername",
            "mentor",
            "mentee",
            "mentorname",
            "menteename",
            "mentoremail",
            "menteeemail",
        ],
        phrases: &[
            "partner",
            "yourmentor",
            "yourmentee",
            "whoisyour",
            "whodidyou",
            "mentorsname",
            "menteesname",
            "mentorsemail",
            "menteesemail",
        ],
    },
    Spec {
        target: LogTarget::Comment,
        key: "comment",
        label: "Comment",
        headers: &[
            "comment",
            "comments",
            "notes",
            "feedback",
            "anythingelse",
            "remarks",
        ],
        phrases: &[
            "comment",
            "anythingelse",
            "feedback",
            "tellus",
            "share",
            "notes",
        ],
    },
    Spec {
        target: LogTarget::RespondentEmail,
        key: "respondent_email",
        label: "Respondent's e-mail",
        headers: &[
            "email",
            "emailaddress",
            "youremail",
            "respondentemail",
            "workemail",
            "respondent",
            "username",
        ],
        phrases: &["email"],
    },
    Spec {
        target: LogTarget::Timestamp,
        key: "timestamp",
        label: "Timestamp",
        headers: &[
            "timestamp",
            "completiontime",
            "submittedat",
            "submitted",
            "submissiondate",
            "endtime",
        ],
        phrases: &["timestamp", "completiontime", "submitted"],
    },
    Spec {
        target: LogTarget::Date,
        key: "date",
        label: "Date",
        headers: &["date", "checkindate", "dateofcheckin"],
        phrases: &["date"],
    },
];

impl LogTarget {
    /// Every target but [`LogTarget::Ignore`], in the order a wizard lists them.
    pub const ALL: [LogTarget; 12] = [
        LogTarget::Timestamp,
        LogTarget::Date,
        LogTarget::RespondentEmail,
        LogTarget::Partner,
        LogTarget::Rating,
        LogTarget::OnTrack,
        LogTarget::Fit,
        LogTarget::Met,
        LogTarget::MeetingDate,
        LogTarget::Duration,
        LogTarget::Mode,
        LogTarget::Comment,
    ];

    fn spec(self) -> Option<&'static Spec> {
        TARGETS.iter().find(|t| t.target == self)
    }

    /// The name used in mapping files (`respondent_email`, `ignore`).
    pub fn key(self) -> &'static str {
        self.spec().map_or("ignore", |t| t.key)
    }

    /// What the wizard calls it.
    pub fn label(self) -> &'static str {
        self.spec().map_or("(ignored)", |t| t.label)
    }

    /// Parses [`LogTarget::key`] or the label, ignoring case, spaces and punctuation.
    pub fn parse(key: &str) -> Option<LogTarget> {
        let wanted = normalize_header(key);
        if wanted == "ignore" {
            return Some(LogTarget::Ignore);
        }
        LogTarget::ALL.into_iter().find(|t| {
            normalize_header(LogTarget::key(*t)) == wanted || normalize_header(t.label()) == wanted
        })
    }
}

impl fmt::Display for LogTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(LogTarget::key(*self))
    }
}

impl ColumnTarget for LogTarget {
    const IGNORE: LogTarget = LogTarget::Ignore;

    fn key(&self) -> String {
        LogTarget::key(*self).to_owned()
    }

    fn from_key(key: &str, _program: &Program) -> Option<LogTarget> {
        LogTarget::parse(key)
    }

    fn is_list(&self) -> bool {
        *self == LogTarget::Partner
    }

    fn known_keys() -> String {
        LogTarget::ALL
            .iter()
            .map(|t| LogTarget::key(*t))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn guess(header: &str) -> LogTarget {
    let h = normalize_header(header);
    if h.is_empty() {
        return LogTarget::Ignore;
    }
    if let Some(t) = TARGETS.iter().find(|t| t.headers.contains(&h.as_str())) {
        return t.target;
    }
    TARGETS
        .iter()
        .find(|t| t.phrases.iter().any(|p| h.contains(p)))
        .map_or(LogTarget::Ignore, |t| t.target)
}

/// Guesses the target of every column of a check-ins CSV from its header: Google Forms'
/// and Microsoft Forms' own columns (`Timestamp`, `Email Address`, `Completion time`,
/// `Email`), and the questions a check-in form asks ("How is your mentoring going?",
/// "Are you on track?", "Who is your mentor?", "Have you met since the last check-in?",
/// "How long did you meet?", ...).
///
/// ```
/// use mentorkit::core::exchange::checkins::{auto_map_log, LogTarget};
/// let headers = ["Timestamp", "Email Address", "How is your mentoring going?", "Office"]
///     .map(String::from);
/// assert_eq!(
///     auto_map_log(&headers).columns,
///     [LogTarget::Timestamp, LogTarget::RespondentEmail, LogTarget::Rating, LogTarget::Ignore]
/// );
/// ```
pub fn auto_map_log(headers: &[String]) -> Mapping<LogTarget> {
    Mapping::from_guesses(headers.iter().map(|h| guess(h)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(headers: &[&str]) -> Vec<LogTarget> {
        let headers: Vec<String> = headers.iter().map(|h| (*h).to_owned()).collect();
        auto_map_log(&headers).columns
    }

    #[test]
    fn a_google_forms_check_in_export_maps_itself() {
        use LogTarget::*;
        assert_eq!(
            map(&[
                "Timestamp",
                "Email Address",
                "Who is your mentor or mentee? (name or e-mail)",
                "How is your mentoring going? (1-5)",
                "Are you on track with your goals?",
                "Is your mentor or mentee a good fit?",
                "Have you met since the last check-in?",
                "When did you last meet?",
                "How long did you meet?",
                "How did you meet?",
                "Anything else you would like to tell us?",
            ]),
            [
                Timestamp,
                RespondentEmail,
                Partner,
                Rating,
                OnTrack,
                Fit,
                Met,
                MeetingDate,
                Duration,
                Mode,
                Comment
            ]
        );
    }

    #[test]
    fn a_microsoft_forms_export_maps_its_own_columns() {
        use LogTarget::*;
        assert_eq!(
            map(&[
                "ID",
                "Start time",
                "Completion time",
                "Email",
                "Name",
                "Rating"
            ]),
            [Ignore, Ignore, Timestamp, RespondentEmail, Ignore, Rating]
        );
    }

    #[test]
    fn two_partner_columns_both_fill_the_partner() {
        assert_eq!(
            map(&["Mentor's name", "Mentee's name"]),
            [LogTarget::Partner, LogTarget::Partner]
        );
    }
}
