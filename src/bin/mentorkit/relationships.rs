//! `mentorkit relationships`: every published relationship with its status and health as
//! of a day, as a table for people or as JSON for scripts.

use std::path::PathBuf;

use lexopt::prelude::*;
use serde::Serialize;

use mentorkit::core::relationships::health::HealthState;
use mentorkit::core::relationships::summary::{self, hours_text, Counts, Row, SortKey};
use mentorkit::core::{Date, Program};

use crate::dates::{date_arg, today};
use crate::files::{load_program, required};
use crate::CliError;

const RELATIONSHIPS_HELP: &str = "\
Print every published relationship with its status and health as of a day.

Usage: mentorkit relationships PROGRAM.json [--as-of YYYY-MM-DD] [--json]

The table lists mentee, mentor, status, health, meetings, hours met, last meeting, latest
rating and the first reason for the health in words, worst health first, then counts by
health and by status. Only active relationships have a health: one on hold is paused;
completed, ended and declined ones are over.

Health, worst first (the days and the rating are the defaults; each is a program setting):
  at_risk          the latest rating is 1 or 2 (low_rating), the latest fit answer is
                   \"not a good fit\" (poor_fit), or no meeting ever logged, more than
                   42 days after the start (no_meeting_ever)
  needs_attention  no first meeting after 21 days (no_first_meeting), none for 45 days
                   (no_recent_meeting), a check-in overdue by more than 14 days
                   (checkin_overdue), a milestone overdue (milestone_overdue), running
                   past its end (past_end)
  too_early        the first 21 days
  on_track         otherwise

With --json, in file order:
  {\"as_of\": \"YYYY-MM-DD\", \"relationships\": [{\"id\", \"mentor_email\", \"mentee_email\",
   \"status\", \"health\", \"reasons\": [codes], \"meetings\", \"minutes\", \"last_meeting\",
   \"latest_rating\", \"started_on\"}], \"counts\": {\"at_risk\", \"needs_attention\",
   \"too_early\", \"on_track\"}}
  status is active, on_hold, completed, ended_early or declined; health is null when the
  relationship has none; e-mails, dates and the rating are null when unknown.

Options:
      --as-of YYYY-MM-DD  The day health is computed for (default: today)
      --json              Print JSON instead of the table
  -h, --help              Print this help
";

/// One relationship in the JSON output, keys in the documented order.
#[derive(Serialize)]
struct JsonRelationship<'a> {
    id: &'a str,
    mentor_email: Option<&'a str>,
    mentee_email: Option<&'a str>,
    status: &'static str,
    health: Option<&'static str>,
    reasons: Vec<&'static str>,
    meetings: usize,
    minutes: u32,
    last_meeting: Option<Date>,
    latest_rating: Option<u8>,
    started_on: Option<Date>,
}

#[derive(Serialize)]
struct JsonCounts {
    at_risk: usize,
    needs_attention: usize,
    too_early: usize,
    on_track: usize,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    as_of: Date,
    relationships: Vec<JsonRelationship<'a>>,
    counts: JsonCounts,
}

fn email<'a>(p: &'a Program, id: &mentorkit::core::PersonId) -> Option<&'a str> {
    p.person(id)
        .map(|x| x.email.trim())
        .filter(|e| !e.is_empty())
}

fn json_report<'a>(p: &'a Program, rows: &[Row], counts: &Counts, as_of: Date) -> JsonReport<'a> {
    let relationships = rows
        .iter()
        .map(|r| {
            let m = r.of(p);
            JsonRelationship {
                id: m.id.as_str(),
                mentor_email: email(p, &m.mentor),
                mentee_email: email(p, &m.mentee),
                status: m.status.key(),
                health: r.state().map(HealthState::key),
                reasons: r
                    .health
                    .iter()
                    .flat_map(|h| h.reasons.iter().map(|x| x.code()))
                    .collect(),
                meetings: r.meetings,
                minutes: r.minutes,
                last_meeting: r.last_meeting,
                latest_rating: r.latest_rating,
                started_on: r.started,
            }
        })
        .collect();
    JsonReport {
        as_of,
        relationships,
        counts: JsonCounts {
            at_risk: counts.in_state(HealthState::AtRisk),
            needs_attention: counts.in_state(HealthState::NeedsAttention),
            too_early: counts.in_state(HealthState::TooEarly),
            on_track: counts.in_state(HealthState::OnTrack),
        },
    }
}

/// A table's cells, one line per row, columns padded to their widest cell (the last
/// column is not padded, so no line ends in spaces).
fn table(lines: &[Vec<String>]) -> String {
    let columns = lines.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            lines
                .iter()
                .filter_map(|l| l.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for line in lines {
        let mut text = String::new();
        for (c, cell) in line.iter().enumerate() {
            if c > 0 {
                text.push_str("  ");
            }
            text.push_str(&format!("{cell:<w$}", w = widths[c]));
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
    out
}

fn text_report(p: &Program, rows: &mut [Row], counts: &Counts, as_of: Date) -> String {
    summary::sort(p, rows, SortKey::Health, false);
    let dash = || "-".to_owned();
    let mut lines = vec![[
        "Mentee",
        "Mentor",
        "Status",
        "Health",
        "Meetings",
        "Hours",
        "Last meeting",
        "Rating",
        "Why",
    ]
    .map(String::from)
    .to_vec()];
    for r in rows.iter() {
        let m = r.of(p);
        let (health, why) = match &r.health {
            Some(h) => (
                format!("{} {}", h.state.symbol(), h.state.label()),
                match h.reasons.as_slice() {
                    [] => dash(),
                    [one] => one.to_string(),
                    [first, rest @ ..] => format!("{first} (+{} more)", rest.len()),
                },
            ),
            None => (dash(), dash()),
        };
        lines.push(vec![
            p.name_of(&m.mentee),
            p.name_of(&m.mentor),
            m.status.label().to_owned(),
            health,
            r.meetings.to_string(),
            if r.minutes == 0 {
                dash()
            } else {
                hours_text(r.minutes)
            },
            r.last_meeting.map_or_else(dash, |d| d.to_string()),
            r.latest_rating.map_or_else(dash, |x| format!("{x}/5")),
            why,
        ]);
    }
    let by_health: Vec<String> = HealthState::ALL
        .iter()
        .map(|s| format!("{} {}", counts.in_state(*s), s.label().to_lowercase()))
        .collect();
    let by_status: Vec<String> = summary::PUBLISHED
        .iter()
        .map(|s| format!("{} {}", counts.with_status(*s), s.label().to_lowercase()))
        .collect();
    format!(
        "{} as of {as_of}\n\n{}\n{} relationship{}: {}\nHealth: {}\n",
        p.name,
        table(&lines),
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
        by_status.join(", "),
        by_health.join(", ")
    )
}

pub(crate) fn relationships_command(parser: &mut lexopt::Parser) -> Result<(), CliError> {
    let mut input = None;
    let mut as_of = None;
    let mut json = false;
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => {
                print!("{RELATIONSHIPS_HELP}");
                return Ok(());
            }
            Long("as-of") => as_of = Some(date_arg(parser.value()?, "--as-of")?),
            Long("json") => json = true,
            Value(v) if input.is_none() => input = Some(PathBuf::from(v)),
            other => return Err(other.unexpected().into()),
        }
    }
    let input = required(
        input,
        "the program file (mentorkit relationships PROGRAM.json)",
    )?;
    let as_of = match as_of {
        Some(d) => d,
        None => today()?,
    };
    let program = load_program(&input)?;
    let mut rows = summary::rows(&program, as_of);
    let counts = Counts::of(&program, &rows);
    if json {
        let report = json_report(&program, &rows, &counts, as_of);
        let text = serde_json::to_string_pretty(&report)
            .map_err(|e| CliError::Write(format!("standard output: {e}")))?;
        println!("{text}");
    } else if rows.is_empty() {
        println!(
            "{} as of {as_of}: no published relationships (publish the draft with \
             `mentorkit publish`)",
            program.name
        );
    } else {
        print!("{}", text_report(&program, &mut rows, &counts, as_of));
    }
    Ok(())
}
