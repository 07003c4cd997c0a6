//! Migrations: an ordered chain of pure functions that bring an older file's value tree up
//! to [`CURRENT_VERSION`], before restore reads it.
//!
//! # Versions
//! - **2** (relationships after publishing): a match's `end_reason` and `check_ins` (pulse
//!   answers and meeting logs in one list) became a timeline of `events`, `meetings` and
//!   pulse `check_ins`; see [`v1_to_v2`].
//!
//! # Adding a version
//! 1. Bump [`CURRENT_VERSION`] (in `file_format/mod.rs`).
//! 2. Write `fn vN_to_vN+1(program: Json) -> Result<Json, ImportError>` below: a pure function
//!    over the `program` value tree (rename keys, move values, fill new fields), which must
//!    accept anything a v1 file may hold (restore still repairs what is left).
//! 3. Append it to [`MIGRATIONS`] (entry `i` migrates version `i + 1` to `i + 2`; the compile
//!    time check below fails until the chain and the version agree).
//! 4. Keep `tests/fixtures/program-v1.json` unchanged forever and add
//!    `tests/fixtures/program-v2.json` (exported by the new build); the fixture tests in
//!    `tests/file_format.rs` check that every fixture imports without repairs and that the
//!    newest one round-trips byte for byte.
//! 5. If the guarded parse's list limits depend on a renamed path (`program.people`), update
//!    `State::list_limit` in `json.rs`.

use super::json::Json;
use super::{ImportError, CURRENT_VERSION};

/// One step: migrates the `program` value of version `n` to version `n + 1`.
pub type Migration = fn(Json) -> Result<Json, ImportError>;

/// The chain: entry `i` migrates version `i + 1` to `i + 2`.
pub const MIGRATIONS: &[Migration] = &[v1_to_v2];

// The chain must reach exactly the current version.
const _: () = assert!(MIGRATIONS.len() + 1 == CURRENT_VERSION as usize);

/// Brings the `program` value tree of a file written in version `from` up to
/// [`CURRENT_VERSION`].
///
/// # Errors
/// [`ImportError::Invalid`] for version 0, [`ImportError::NewerVersion`] for versions this
/// build does not know, or whatever a migration step reports.
pub fn migrate(program: Json, from: u32) -> Result<Json, ImportError> {
    run_chain(program, from, MIGRATIONS)
}

/// Runs `chain` (entry `i` migrates `i + 1` to `i + 2`) from version `from`.
fn run_chain(mut program: Json, from: u32, chain: &[Migration]) -> Result<Json, ImportError> {
    let newest = chain.len() + 1;
    if from == 0 {
        return Err(ImportError::Invalid {
            path: "version".into(),
            message: "0 is not a file version (versions start at 1)".into(),
        });
    }
    if from as usize > newest {
        return Err(ImportError::NewerVersion {
            found: from,
            supported: u32::try_from(newest).unwrap_or(u32::MAX),
        });
    }
    for step in &chain[from as usize - 1..] {
        program = step(program)?;
    }
    Ok(program)
}

/// Version 1 to 2: each match's relationship records in the version-2 shape, with nothing
/// lost.
///
/// - A published match gets the event that started it (its `started_on`, by the
///   coordinator); one that ended gets the event that ended it (`ended_on`, or the start),
///   with its `end_reason` text as the coordinator's note and the reason "other".
/// - A `check_ins` entry of kind `meeting` becomes a meeting (its minutes clamped to
///   5-600, or no length when it had none); any other becomes a pulse
///   check-in answered by the coordinator (`sentiment` is the rating, `on_track` true/false
///   is yes/no, a `goal_progress` is kept in the comment).
///
/// Values of the wrong type are carried over as they are: restore repairs them and says so.
pub fn v1_to_v2(mut program: Json) -> Result<Json, ImportError> {
    if let Some(Json::Array(matches)) = program.get_mut("matches") {
        for m in matches.iter_mut() {
            migrate_match(m);
        }
    }
    Ok(program)
}

fn migrate_match(m: &mut Json) {
    let status = m
        .get("status")
        .and_then(Json::as_str)
        .unwrap_or("proposed")
        .to_owned();
    let started = m.get("started_on").cloned().filter(|d| *d != Json::Null);
    let ended = m.get("ended_on").cloned().filter(|d| *d != Json::Null);
    let reason = m.take("end_reason");
    let mut events = Vec::new();
    let event = |date: Json, to: &str, reason: Option<&str>, note: String| {
        Json::Object(vec![
            ("date".into(), date),
            ("to".into(), Json::Str(to.into())),
            ("by".into(), Json::Str("coordinator".into())),
            (
                "reason".into(),
                reason.map_or(Json::Null, |r| Json::Str(r.into())),
            ),
            ("note".into(), Json::Str(note)),
        ])
    };
    if status != "proposed" {
        if let Some(date) = started.clone() {
            events.push(event(date, "active", None, String::new()));
        }
        let note = match &reason {
            Some(Json::Str(text)) => text.clone(),
            _ => String::new(),
        };
        if matches!(status.as_str(), "completed" | "ended_early") {
            if let Some(date) = ended.clone().or(started) {
                let code = (status == "ended_early" || !note.is_empty()).then_some("other");
                events.push(event(date, &status, code, note));
            }
        }
    }
    let mut meetings = Vec::new();
    let mut pulses = Vec::new();
    if let Some(Json::Array(check_ins)) = m.take("check_ins") {
        for c in check_ins {
            let is_meeting = c.get("kind").and_then(Json::as_str) == Some("meeting");
            let text = |key: &str| c.get(key).and_then(Json::as_str).unwrap_or("").to_owned();
            let mut note = text("notes");
            if is_meeting {
                let minutes = match c.get("minutes") {
                    Some(Json::UInt(n)) => Json::UInt((*n).clamp(5, 600)),
                    Some(Json::Int(_)) => Json::UInt(5),
                    Some(Json::Null) | None => Json::Null,
                    Some(other) => {
                        note = join(&note, &format!("length recorded as {other}"));
                        Json::Null
                    }
                };
                meetings.push(Json::Object(vec![
                    ("id".into(), c.get("id").cloned().unwrap_or(Json::Null)),
                    ("date".into(), c.get("date").cloned().unwrap_or(Json::Null)),
                    ("minutes".into(), minutes),
                    ("mode".into(), Json::Null),
                    ("logged_by".into(), Json::Str("coordinator".into())),
                    ("note".into(), Json::Str(note)),
                ]));
            } else {
                if let Some(Json::UInt(g @ 0..=100)) = c.get("goal_progress") {
                    note = join(&note, &format!("goal progress {g} %"));
                }
                let on_track = match c.get("on_track") {
                    Some(Json::Bool(true)) => Json::Str("yes".into()),
                    Some(Json::Bool(false)) => Json::Str("no".into()),
                    Some(other) => other.clone(),
                    None => Json::Null,
                };
                pulses.push(Json::Object(vec![
                    ("id".into(), c.get("id").cloned().unwrap_or(Json::Null)),
                    ("date".into(), c.get("date").cloned().unwrap_or(Json::Null)),
                    ("from".into(), Json::Str("coordinator".into())),
                    (
                        "rating".into(),
                        c.get("sentiment").cloned().unwrap_or(Json::Null),
                    ),
                    ("on_track".into(), on_track),
                    ("fit".into(), Json::Null),
                    ("comment".into(), Json::Str(note)),
                    ("submitted".into(), Json::Null),
                ]));
            }
        }
    }
    if let Json::Object(entries) = m {
        for (key, list) in [
            ("events", events),
            ("meetings", meetings),
            ("check_ins", pulses),
        ] {
            if !list.is_empty() {
                entries.push((key.into(), Json::Array(list)));
            }
        }
    }
}

fn join(a: &str, b: &str) -> String {
    if a.trim().is_empty() {
        b.to_owned()
    } else {
        format!("{a} ({b})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rename_title_to_name(mut p: Json) -> Result<Json, ImportError> {
        if let Some(v) = p.take("title") {
            if let Json::Object(entries) = &mut p {
                entries.push(("name".into(), v));
            }
        }
        Ok(p)
    }

    fn add_cycle(mut p: Json) -> Result<Json, ImportError> {
        if let Json::Object(entries) = &mut p {
            entries.push(("cycle".into(), Json::UInt(1)));
        }
        Ok(p)
    }

    fn refuse(_: Json) -> Result<Json, ImportError> {
        Err(ImportError::Invalid {
            path: "program".into(),
            message: "cannot migrate".into(),
        })
    }

    fn v1() -> Json {
        Json::Object(vec![("title".into(), Json::Str("Pilot".into()))])
    }

    #[test]
    fn the_current_chain_leaves_a_v1_program_unchanged() {
        assert_eq!(migrate(v1(), 1), Ok(v1()));
    }

    #[test]
    fn a_chain_runs_every_step_from_the_file_version_in_order() {
        let chain: &[Migration] = &[rename_title_to_name, add_cycle];
        let from_v1 = run_chain(v1(), 1, chain).unwrap();
        assert_eq!(from_v1.get("name"), Some(&Json::Str("Pilot".into())));
        assert_eq!(from_v1.get("cycle"), Some(&Json::UInt(1)));
        // A v2 file skips the first step.
        let v2 = Json::Object(vec![("title".into(), Json::Str("Kept".into()))]);
        let from_v2 = run_chain(v2, 2, chain).unwrap();
        assert_eq!(from_v2.get("title"), Some(&Json::Str("Kept".into())));
        assert_eq!(from_v2.get("cycle"), Some(&Json::UInt(1)));
        // A v3 file is already current.
        assert_eq!(run_chain(v1(), 3, chain), Ok(v1()));
    }

    #[test]
    fn a_failing_step_stops_the_chain_and_versions_outside_it_are_refused() {
        let chain: &[Migration] = &[refuse];
        assert!(matches!(
            run_chain(v1(), 1, chain),
            Err(ImportError::Invalid { .. })
        ));
        assert_eq!(
            run_chain(v1(), 3, chain),
            Err(ImportError::NewerVersion {
                found: 3,
                supported: 2
            })
        );
        assert!(matches!(
            run_chain(v1(), 0, chain),
            Err(ImportError::Invalid { .. })
        ));
    }
}
