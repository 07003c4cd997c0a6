//! Restoring what a relationship records as it runs (its timeline, meetings, check-ins,
//! goals, agreement, milestones), the follow-up settings and the rematch queue.

use std::collections::HashSet;

use super::*;
use crate::core::exchange::file_format::json::Json;
use crate::core::limits::{MAX_LONG_TEXT, MAX_SHORT_TEXT};
use crate::core::model::*;

/// The ids of a program's relationship records, each kind unique within the program.
#[derive(Default)]
pub(super) struct RecordIds {
    pub(super) check_ins: Ids,
    pub(super) meetings: Ids,
    pub(super) goals: Ids,
}

impl Restorer {
    /// An optional value from a table of keys: missing or `null` is `None`; anything else
    /// unknown is cleared and said.
    fn opt_key<T: Copy>(
        &mut self,
        path: &str,
        v: Option<&Json>,
        parse: fn(&str) -> Option<T>,
    ) -> Option<T> {
        match v? {
            Json::Null => None,
            Json::Str(s) if parse(s).is_some() => parse(s),
            other => {
                self.fix(path, format!("unknown value {other}; cleared"));
                None
            }
        }
    }

    /// Reads a match's relationship records into `m`.
    pub(super) fn relationship(
        &mut self,
        path: &str,
        o: Obj<'_>,
        m: &mut Match,
        ids: &mut RecordIds,
        milestones: &HashSet<&MilestoneId>,
    ) {
        let f = |k: &str| format!("{path}.{k}");
        for (j, item) in self.list(&f("events"), o.get("events")).iter().enumerate() {
            if let Some(e) = self.event(&format!("{path}.events[{j}]"), item) {
                m.events.push(e);
            }
        }
        for (j, item) in self
            .list(&f("meetings"), o.get("meetings"))
            .iter()
            .enumerate()
        {
            if let Some(x) = self.meeting(&format!("{path}.meetings[{j}]"), item, &mut ids.meetings)
            {
                m.meetings.push(x);
            }
        }
        for (j, item) in self
            .list(&f("check_ins"), o.get("check_ins"))
            .iter()
            .enumerate()
        {
            if let Some(c) =
                self.check_in(&format!("{path}.check_ins[{j}]"), item, &mut ids.check_ins)
            {
                m.check_ins.push(c);
            }
        }
        for (j, item) in self.list(&f("goals"), o.get("goals")).iter().enumerate() {
            if let Some(g) =
                self.relationship_goal(&format!("{path}.goals[{j}]"), item, &mut ids.goals)
            {
                m.goals.push(g);
            }
        }
        if let Some(v) = o.get("agreement") {
            m.agreement = self.agreement(&f("agreement"), v);
        }
        if let Some(v) = o.get("milestones") {
            let Json::Object(entries) = v else {
                self.fix(
                    f("milestones"),
                    format!("expected an object, found {v}; read as empty"),
                );
                return;
            };
            for (key, value) in entries {
                let p = format!("{path}.milestones.{key}");
                let id = MilestoneId(key.clone());
                if !milestones.contains(&id) {
                    self.fix(p, "refers to an unknown milestone; dropped");
                    continue;
                }
                if let Some(date) = self.date(&p, Some(value)) {
                    m.milestones.insert(id, date);
                }
            }
        }
    }

    fn event(&mut self, path: &str, item: &Json) -> Option<Event> {
        let o = self.record(path, item, &["date", "to", "by", "reason", "note"])?;
        let f = |k: &str| format!("{path}.{k}");
        let Some(date) = self.date(&f("date"), o.get("date")) else {
            self.fix(path, "has no valid date; dropped");
            return None;
        };
        let Some(to) = self.opt_key(&f("to"), o.get("to"), MatchStatus::from_key) else {
            self.fix(path, "has no status it moved to; dropped");
            return None;
        };
        Some(Event {
            date,
            to,
            by: self.choice(
                &f("by"),
                o.get("by"),
                Actor::from_key,
                Actor::key,
                Actor::Coordinator,
            ),
            reason: self.opt_key(&f("reason"), o.get("reason"), ReasonCode::from_key),
            note: self.text(&f("note"), o.get("note"), MAX_LONG_TEXT),
        })
    }

    fn meeting(&mut self, path: &str, item: &Json, ids: &mut Ids) -> Option<Meeting> {
        const KNOWN: &[&str] = &["id", "date", "minutes", "mode", "logged_by", "note"];
        let o = self.record(path, item, KNOWN)?;
        let f = |k: &str| format!("{path}.{k}");
        let Some(date) = self.date(&f("date"), o.get("date")) else {
            self.fix(path, "has no valid date; dropped");
            return None;
        };
        let (lo, hi) = (MEETING_MINUTES.start(), MEETING_MINUTES.end());
        Some(Meeting {
            id: MeetingId(self.id(path, o.get("id"), IdKind::Meeting, ids)),
            date,
            minutes: self
                .opt_int(
                    &f("minutes"),
                    o.get("minutes"),
                    i64::from(*lo),
                    i64::from(*hi),
                )
                .map(|n| n as u16),
            mode: self.opt_key(&f("mode"), o.get("mode"), MeetingMode::from_key),
            logged_by: self.choice(
                &f("logged_by"),
                o.get("logged_by"),
                Actor::from_key,
                Actor::key,
                Actor::Coordinator,
            ),
            note: self.text(&f("note"), o.get("note"), MAX_LONG_TEXT),
        })
    }

    fn check_in(&mut self, path: &str, item: &Json, ids: &mut Ids) -> Option<CheckIn> {
        const KNOWN: &[&str] = &[
            "id",
            "date",
            "from",
            "rating",
            "on_track",
            "fit",
            "comment",
            "submitted",
        ];
        let o = self.record(path, item, KNOWN)?;
        let f = |k: &str| format!("{path}.{k}");
        let Some(date) = self.date(&f("date"), o.get("date")) else {
            self.fix(path, "has no valid date; dropped");
            return None;
        };
        let submitted = match o.get("submitted") {
            None => None,
            Some(Json::Str(s)) => {
                Some(self.text(&f("submitted"), Some(&Json::Str(s.clone())), MAX_SHORT_TEXT))
            }
            Some(other) => {
                self.fix(
                    f("submitted"),
                    format!("expected text, found {other}; cleared"),
                );
                None
            }
        };
        Some(CheckIn {
            id: CheckInId(self.id(path, o.get("id"), IdKind::CheckIn, ids)),
            date,
            from: self.choice(
                &f("from"),
                o.get("from"),
                Actor::from_key,
                Actor::key,
                Actor::Coordinator,
            ),
            rating: self
                .opt_int(&f("rating"), o.get("rating"), 1, 5)
                .map(|n| n as u8),
            on_track: self.opt_key(&f("on_track"), o.get("on_track"), OnTrack::from_key),
            fit: self.opt_key(&f("fit"), o.get("fit"), Fit::from_key),
            comment: self.text(&f("comment"), o.get("comment"), MAX_LONG_TEXT),
            submitted,
        })
    }

    fn relationship_goal(
        &mut self,
        path: &str,
        item: &Json,
        ids: &mut Ids,
    ) -> Option<RelationshipGoal> {
        const KNOWN: &[&str] = &[
            "id",
            "title",
            "success_criteria",
            "target_date",
            "progress",
            "status",
        ];
        let o = self.record(path, item, KNOWN)?;
        let f = |k: &str| format!("{path}.{k}");
        let mut title = self.text(&f("title"), o.get("title"), MAX_SHORT_TEXT);
        if title.trim().is_empty() {
            self.fix(f("title"), "is empty; set to \"(untitled goal)\"");
            title = "(untitled goal)".into();
        }
        Some(RelationshipGoal {
            id: RelGoalId(self.id(path, o.get("id"), IdKind::RelGoal, ids)),
            title,
            success_criteria: self.text(
                &f("success_criteria"),
                o.get("success_criteria"),
                MAX_LONG_TEXT,
            ),
            target_date: self.date(&f("target_date"), o.get("target_date")),
            progress: self.int(&f("progress"), o.get("progress"), 0, 100, 0) as u8,
            status: self.choice(
                &f("status"),
                o.get("status"),
                GoalStatus::from_key,
                GoalStatus::key,
                GoalStatus::Open,
            ),
        })
    }

    fn agreement(&mut self, path: &str, v: &Json) -> Agreement {
        const KNOWN: &[&str] = &[
            "meeting_frequency",
            "expected_end",
            "confidentiality",
            "no_fault_ending",
            "mentor_agreed",
            "mentee_agreed",
        ];
        let Some(o) = self.obj(path, v, KNOWN) else {
            self.fix(path, format!("expected an object, found {v}; left empty"));
            return Agreement::default();
        };
        let f = |k: &str| format!("{path}.{k}");
        Agreement {
            meeting_frequency: self.text(
                &f("meeting_frequency"),
                o.get("meeting_frequency"),
                MAX_SHORT_TEXT,
            ),
            expected_end: self.date(&f("expected_end"), o.get("expected_end")),
            confidentiality: self.boolean(&f("confidentiality"), o.get("confidentiality"), false),
            no_fault_ending: self.boolean(&f("no_fault_ending"), o.get("no_fault_ending"), false),
            mentor_agreed: self.date(&f("mentor_agreed"), o.get("mentor_agreed")),
            mentee_agreed: self.date(&f("mentee_agreed"), o.get("mentee_agreed")),
        }
    }

    /// The follow-up settings; absent (files older than them) means defaults.
    pub(super) fn follow_up(&mut self, v: Option<&Json>) -> FollowUpSettings {
        let keys = FollowUpSetting::ALL.map(FollowUpSetting::key);
        let mut out = FollowUpSettings::default();
        let Some(v) = v else { return out };
        let Some(o) = self.obj("program.follow_up", v, &keys) else {
            self.fix(
                "program.follow_up",
                format!("expected an object, found {v}; default settings used"),
            );
            return out;
        };
        for setting in FollowUpSetting::ALL {
            let range = setting.range();
            let value = self.int(
                &format!("program.follow_up.{}", setting.key()),
                o.get(setting.key()),
                i64::from(*range.start()),
                i64::from(*range.end()),
                i64::from(setting.get(&out)),
            );
            setting.set(&mut out, u16::try_from(value).unwrap_or(*range.end()));
        }
        out
    }

    /// The rematch queue: entries naming someone or a relationship no longer in the program
    /// are dropped and said.
    pub(super) fn rematch(
        &mut self,
        v: Option<&Json>,
        people: &HashSet<PersonId>,
        matches: &HashSet<&MatchId>,
    ) -> Vec<RematchEntry> {
        let mut out = Vec::new();
        for (i, item) in self.list("program.rematch", v).iter().enumerate() {
            let path = format!("program.rematch[{i}]");
            let Some(o) = self.record(
                &path,
                item,
                &["mentee", "mentor", "ended", "available_from"],
            ) else {
                continue;
            };
            let id = |key: &str| o.get(key).and_then(Json::as_str).map(str::to_owned);
            let (Some(mentee), Some(mentor), Some(ended)) =
                (id("mentee"), id("mentor"), id("ended"))
            else {
                self.fix(
                    path,
                    "does not name its mentee, mentor and relationship; dropped",
                );
                continue;
            };
            let (mentee, mentor, ended) = (PersonId(mentee), PersonId(mentor), MatchId(ended));
            if !people.contains(&mentee) || !people.contains(&mentor) || !matches.contains(&ended) {
                self.fix(
                    path,
                    "refers to someone or a relationship no longer in the program; dropped",
                );
                continue;
            }
            let Some(available_from) =
                self.date(&format!("{path}.available_from"), o.get("available_from"))
            else {
                self.fix(path, "has no valid date; dropped");
                continue;
            };
            out.push(RematchEntry {
                mentee,
                mentor,
                ended,
                available_from,
            });
        }
        out
    }
}
