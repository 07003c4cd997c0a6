//! The Relationships page and the `relationships` command in one place: a row per
//! published relationship with its health and activity, counts by health and status,
//! filters and sorting, hours per person and for the program, and who to ask for a
//! check-in this week.

use std::cmp::Ordering;
use std::collections::HashMap;

use super::health::{check_ins_due, health, Health, HealthState};
use super::lifecycle::start_of;
use crate::core::date::Date;
use crate::core::model::{Match, MatchStatus, Person, PersonId, Program};

/// One published relationship as the table shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// Its index in `program.matches`.
    pub index: usize,
    /// Its health (active relationships only).
    pub health: Option<Health>,
    /// When it started.
    pub started: Option<Date>,
    /// The latest meeting.
    pub last_meeting: Option<Date>,
    /// Meetings logged.
    pub meetings: usize,
    /// Minutes of the meetings whose length is known.
    pub minutes: u32,
    /// The latest check-in's rating.
    pub latest_rating: Option<u8>,
    /// The next check-in due (active relationships only).
    pub next_check_in: Option<Date>,
}

impl Row {
    /// The relationship.
    pub fn of<'a>(&self, p: &'a Program) -> &'a Match {
        &p.matches[self.index]
    }

    /// The health state, if it has one.
    pub fn state(&self) -> Option<HealthState> {
        self.health.as_ref().map(|h| h.state)
    }
}

/// Total minutes of a relationship's meetings whose length is known.
pub fn minutes_of(m: &Match) -> u32 {
    m.meetings
        .iter()
        .filter_map(|x| x.minutes)
        .map(u32::from)
        .sum()
}

/// The row of one relationship as of `as_of`.
pub fn row(p: &Program, index: usize, as_of: Date) -> Row {
    let m = &p.matches[index];
    let active = m.status == MatchStatus::Active;
    Row {
        index,
        health: health(p, m, as_of),
        started: start_of(m),
        last_meeting: m.meetings.iter().map(|x| x.date).max(),
        meetings: m.meetings.len(),
        minutes: minutes_of(m),
        latest_rating: m
            .check_ins
            .iter()
            .filter(|c| c.rating.is_some())
            .max_by_key(|c| c.date)
            .and_then(|c| c.rating),
        next_check_in: active
            .then(|| check_ins_due(m, &p.follow_up, as_of))
            .flatten()
            .map(|d| d.next_due),
    }
}

/// A row for every published relationship (not drafts), in file order.
pub fn rows(p: &Program, as_of: Date) -> Vec<Row> {
    (0..p.matches.len())
        .filter(|&i| p.matches[i].status != MatchStatus::Proposed)
        .map(|i| row(p, i, as_of))
        .collect()
}

/// How many relationships are in each health state and each status.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Per [`HealthState::ALL`], in that order.
    pub health: [usize; 4],
    /// Per published status: active, on hold, completed, ended early, declined.
    pub status: [usize; 5],
}

/// The published statuses, in the order [`Counts::status`] counts them.
pub const PUBLISHED: [MatchStatus; 5] = [
    MatchStatus::Active,
    MatchStatus::OnHold,
    MatchStatus::Completed,
    MatchStatus::EndedEarly,
    MatchStatus::Declined,
];

impl Counts {
    /// Counts `rows`.
    pub fn of(p: &Program, rows: &[Row]) -> Counts {
        let mut c = Counts::default();
        for r in rows {
            if let Some(s) = r.state() {
                if let Some(k) = HealthState::ALL.iter().position(|x| *x == s) {
                    c.health[k] += 1;
                }
            }
            if let Some(k) = PUBLISHED.iter().position(|x| *x == r.of(p).status) {
                c.status[k] += 1;
            }
        }
        c
    }

    /// How many are in a health state.
    pub fn in_state(&self, s: HealthState) -> usize {
        HealthState::ALL
            .iter()
            .position(|x| *x == s)
            .map_or(0, |k| self.health[k])
    }

    /// How many have a status.
    pub fn with_status(&self, s: MatchStatus) -> usize {
        PUBLISHED
            .iter()
            .position(|x| *x == s)
            .map_or(0, |k| self.status[k])
    }
}

/// What the table shows: every condition must hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Words found in the mentee's or mentor's name or e-mail (case ignored).
    pub text: String,
    /// Only this status.
    pub status: Option<MatchStatus>,
    /// Only this health state.
    pub health: Option<HealthState>,
    /// Only this cycle.
    pub cycle: Option<u32>,
    /// Only this mentor.
    pub mentor: Option<PersonId>,
    /// Only relationships whose mentee or mentor is in this department.
    pub department: Option<String>,
}

impl Filter {
    /// Whether the filter lets every row through.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// The rows that pass, in their order. People are looked up through one index, so a
    /// keystroke in the search box over 5,000 relationships stays quick.
    pub fn apply(&self, p: &Program, rows: &[Row]) -> Vec<Row> {
        let people: HashMap<&PersonId, &Person> = p.people.iter().map(|x| (&x.id, x)).collect();
        let department = self.department.as_ref().map(|d| d.trim().to_lowercase());
        let text = self.text.trim().to_lowercase();
        let words: Vec<&str> = text.split_whitespace().collect();
        rows.iter()
            .filter(|row| {
                let m = row.of(p);
                if self.status.is_some_and(|s| s != m.status)
                    || self.health.is_some_and(|h| row.state() != Some(h))
                    || self.cycle.is_some_and(|c| c != m.cycle)
                    || self.mentor.as_ref().is_some_and(|x| *x != m.mentor)
                {
                    return false;
                }
                let pair = [people.get(&m.mentee), people.get(&m.mentor)];
                if let Some(d) = &department {
                    if !pair
                        .iter()
                        .flatten()
                        .any(|x| x.department.trim().to_lowercase() == *d)
                    {
                        return false;
                    }
                }
                words.iter().all(|word| {
                    pair.iter().flatten().any(|x| {
                        x.name.to_lowercase().contains(word)
                            || x.email.to_lowercase().contains(word)
                    })
                })
            })
            .cloned()
            .collect()
    }
}

/// A column the table sorts by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    /// Worst health first (then the status, then the mentee).
    #[default]
    Health,
    /// Mentee name.
    Mentee,
    /// Mentor name.
    Mentor,
    /// Status.
    Status,
    /// Start date.
    Started,
    /// Last meeting (never met first).
    LastMeeting,
    /// Number of meetings.
    Meetings,
    /// Hours met.
    Hours,
    /// Latest rating (none first).
    Rating,
}

impl SortKey {
    /// Every key, in the table's column order.
    pub const ALL: [SortKey; 9] = [
        SortKey::Mentee,
        SortKey::Mentor,
        SortKey::Status,
        SortKey::Health,
        SortKey::Started,
        SortKey::LastMeeting,
        SortKey::Meetings,
        SortKey::Hours,
        SortKey::Rating,
    ];

    /// The column's heading.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Health => "Health",
            SortKey::Mentee => "Mentee",
            SortKey::Mentor => "Mentor",
            SortKey::Status => "Status",
            SortKey::Started => "Started",
            SortKey::LastMeeting => "Last meeting",
            SortKey::Meetings => "Meetings",
            SortKey::Hours => "Hours",
            SortKey::Rating => "Latest rating",
        }
    }
}

fn status_rank(s: MatchStatus) -> usize {
    PUBLISHED
        .iter()
        .position(|x| *x == s)
        .unwrap_or(PUBLISHED.len())
}

/// Sorts rows by a column, ascending or descending; ties by mentee name, then file order.
pub fn sort(p: &Program, rows: &mut [Row], key: SortKey, descending: bool) {
    let names: HashMap<&PersonId, String> = p
        .people
        .iter()
        .map(|x| (&x.id, x.name.to_lowercase()))
        .collect();
    let name = |id: &PersonId| names.get(id).map_or("", String::as_str);
    let health_rank = |r: &Row| r.state().map_or(HealthState::ALL.len(), |s| s as usize);
    rows.sort_by(|a, b| {
        let (ma, mb) = (a.of(p), b.of(p));
        let primary = match key {
            SortKey::Health => health_rank(a)
                .cmp(&health_rank(b))
                .then(status_rank(ma.status).cmp(&status_rank(mb.status))),
            SortKey::Mentee => Ordering::Equal,
            SortKey::Mentor => name(&ma.mentor).cmp(name(&mb.mentor)),
            SortKey::Status => status_rank(ma.status).cmp(&status_rank(mb.status)),
            SortKey::Started => a.started.cmp(&b.started),
            SortKey::LastMeeting => a.last_meeting.cmp(&b.last_meeting),
            SortKey::Meetings => a.meetings.cmp(&b.meetings),
            SortKey::Hours => a.minutes.cmp(&b.minutes),
            SortKey::Rating => a.latest_rating.cmp(&b.latest_rating),
        };
        let primary = if descending {
            primary.reverse()
        } else {
            primary
        };
        primary
            .then_with(|| name(&ma.mentee).cmp(name(&mb.mentee)))
            .then(a.index.cmp(&b.index))
    });
}

/// A relationship to ask for a check-in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ask {
    /// Its index in `program.matches`.
    pub index: usize,
    /// The check-in's due date.
    pub due: Date,
    /// Whether it is already past due.
    pub overdue: bool,
}

/// Who to ask for a check-in this week: active relationships with a due check-in not yet
/// answered, or one falling due in the next seven days; overdue first, then by due date.
pub fn to_ask(p: &Program, as_of: Date) -> Vec<Ask> {
    let week_end = as_of.add_days(7);
    let mut out: Vec<Ask> = p
        .matches
        .iter()
        .enumerate()
        .filter(|(_, m)| m.status == MatchStatus::Active)
        .filter_map(|(index, m)| {
            let due = check_ins_due(m, &p.follow_up, as_of)?;
            match due.last_due {
                Some(d) if !due.answered => Some(Ask {
                    index,
                    due: d,
                    overdue: d < as_of,
                }),
                _ if due.next_due <= week_end => Some(Ask {
                    index,
                    due: due.next_due,
                    overdue: false,
                }),
                _ => None,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.overdue
            .cmp(&a.overdue)
            .then(a.due.cmp(&b.due))
            .then(a.index.cmp(&b.index))
    });
    out
}

/// The e-mail addresses of everyone in `asks` (mentors and mentees, each once, in order),
/// ready to paste into an e-mail's recipients.
pub fn ask_emails(p: &Program, asks: &[Ask]) -> String {
    let people: HashMap<&PersonId, &Person> = p.people.iter().map(|x| (&x.id, x)).collect();
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for a in asks {
        let m = &p.matches[a.index];
        for id in [&m.mentee, &m.mentor] {
            if let Some(x) = people.get(id).filter(|x| !x.email.trim().is_empty()) {
                let email = x.email.trim().to_owned();
                if seen.insert(email.to_lowercase()) {
                    out.push(email);
                }
            }
        }
    }
    out.join(", ")
}

/// Minutes met per person (as mentor or mentee) over every relationship.
pub fn minutes_by_person(p: &Program) -> HashMap<PersonId, u32> {
    let mut out: HashMap<PersonId, u32> = HashMap::new();
    for m in p.matches.iter().filter(|m| !m.meetings.is_empty()) {
        let n = minutes_of(m);
        for id in [&m.mentee, &m.mentor] {
            *out.entry(id.clone()).or_default() += n;
        }
    }
    out
}

/// Minutes met over the whole program.
pub fn program_minutes(p: &Program) -> u64 {
    p.matches.iter().map(|m| u64::from(minutes_of(m))).sum()
}

/// A relationship's rated check-ins, oldest first: the points of its sentiment chart.
pub fn ratings(m: &Match) -> Vec<(Date, u8)> {
    let mut out: Vec<(Date, u8)> = m
        .check_ins
        .iter()
        .filter_map(|c| c.rating.map(|r| (c.date, r)))
        .collect();
    out.sort_by_key(|x| x.0);
    out
}

/// The ratings as words: "Ratings over time: 4 on 1 February 2027, 2 on 1 March 2027.
/// Latest 2 of 5, down from 4."
pub fn ratings_text(points: &[(Date, u8)]) -> String {
    match points {
        [] => "No rated check-in yet.".to_owned(),
        [(d, r)] => format!("One rated check-in: {r} of 5 on {}.", d.long()),
        _ => {
            let list = points
                .iter()
                .map(|(d, r)| format!("{r} on {}", d.long()))
                .collect::<Vec<_>>()
                .join(", ");
            let (last, before) = (points[points.len() - 1].1, points[points.len() - 2].1);
            let trend = match last.cmp(&before) {
                std::cmp::Ordering::Greater => format!("up from {before}"),
                std::cmp::Ordering::Less => format!("down from {before}"),
                std::cmp::Ordering::Equal => "the same as before".to_owned(),
            };
            format!("Ratings over time: {list}. Latest {last} of 5, {trend}.")
        }
    }
}

/// Minutes as people say them: "45 min", "2 h", "12 h 30 min".
pub fn hours_text(minutes: impl Into<u64>) -> String {
    let minutes = minutes.into();
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}
