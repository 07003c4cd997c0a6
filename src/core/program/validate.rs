//! Invariants a program must satisfy before it is saved or exported.
//!
//! Restore (import) repairs data until these hold; the UI's edits keep them; and storage and
//! export check them once more, so a bug can never write a file the next load rejects
//! (bad input 26: a NaN would be written as `null` by serde_json and break the next load).

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::core::limits::{MAX_LONG_TEXT, MAX_SHORT_TEXT};
use crate::core::model::*;
use crate::core::people::fields::{check_person, stored_answer};

/// One broken invariant, with the path of the offending value (`people[3].capacity`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where, as a path into the program (`people[3].answers.f2`).
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Checks every invariant of a program.
///
/// # Errors
/// All problems found, in document order.
pub fn validate(p: &Program) -> Result<(), Vec<Problem>> {
    let mut v = Validator::default();
    v.program(p);
    if v.problems.is_empty() {
        Ok(())
    } else {
        Err(v.problems)
    }
}

/// The ids of relationship records seen so far, each kind unique within the program.
#[derive(Default)]
struct RecordIds<'a> {
    meetings: HashSet<&'a str>,
    check_ins: HashSet<&'a str>,
    goals: HashSet<&'a str>,
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
}

impl Validator {
    fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    fn short(&mut self, path: impl Fn() -> String, s: &str) {
        if s.chars().count() > MAX_SHORT_TEXT {
            self.push(path(), format!("longer than {MAX_SHORT_TEXT} characters"));
        }
    }

    fn long(&mut self, path: impl Fn() -> String, s: &str) {
        if s.chars().count() > MAX_LONG_TEXT {
            self.push(path(), format!("longer than {MAX_LONG_TEXT} characters"));
        }
    }

    fn finite(&mut self, path: impl Fn() -> String, x: f64) {
        if !x.is_finite() {
            self.push(path(), "is not a finite number");
        }
    }

    fn unique<'a>(&mut self, list: &str, ids: impl Iterator<Item = &'a str>) {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            if id.is_empty() {
                self.push(format!("{list}[{i}].id"), "is empty");
            } else if !seen.insert(id) {
                self.push(format!("{list}[{i}].id"), format!("\"{id}\" is used twice"));
            }
        }
    }

    fn program(&mut self, p: &Program) {
        if p.id.0.is_empty() {
            self.push("id", "is empty");
        }
        self.short(|| "name".into(), &p.name);
        self.long(|| "description".into(), &p.description);
        if let (Some(s), Some(e)) = (p.start_date, p.end_date) {
            if e < s {
                self.push("end_date", format!("{e} is before the start date {s}"));
            }
        }
        if p.cycle == 0 {
            self.push("cycle", "must be at least 1");
        }

        self.unique("goals", p.goals.iter().map(|g| g.id.as_str()));
        for (i, g) in p.goals.iter().enumerate() {
            self.short(|| format!("goals[{i}].title"), &g.title);
            self.short(|| format!("goals[{i}].metric"), &g.metric);
            self.finite(|| format!("goals[{i}].target"), g.target);
            if let Some(b) = g.baseline {
                self.finite(|| format!("goals[{i}].baseline"), b);
            }
        }
        self.unique("milestones", p.milestones.iter().map(|m| m.id.as_str()));
        for (i, m) in p.milestones.iter().enumerate() {
            self.short(|| format!("milestones[{i}].name"), &m.name);
        }

        self.unique(
            "profile_fields",
            p.profile_fields.iter().map(|f| f.id.as_str()),
        );
        for (i, f) in p.profile_fields.iter().enumerate() {
            self.short(|| format!("profile_fields[{i}].label"), &f.label);
            match &f.kind {
                FieldKind::SingleChoice { options } | FieldKind::MultipleChoice { options } => {
                    for (j, o) in options.iter().enumerate() {
                        self.short(|| format!("profile_fields[{i}].kind.options[{j}]"), o);
                    }
                }
                FieldKind::Scale { min, max } if min >= max => {
                    self.push(
                        format!("profile_fields[{i}].kind"),
                        format!("scale minimum {min} is not below maximum {max}"),
                    );
                }
                _ => {}
            }
        }
        let field_ids: HashSet<&FieldId> = p.profile_fields.iter().map(|f| &f.id).collect();
        let questions: HashMap<&FieldId, &ProfileField> =
            p.profile_fields.iter().map(|f| (&f.id, f)).collect();

        self.unique("skills", p.skills.iter().map(|s| s.id.as_str()));
        for (i, s) in p.skills.iter().enumerate() {
            self.short(|| format!("skills[{i}].name"), &s.name);
            self.short(|| format!("skills[{i}].cluster"), &s.cluster);
        }
        let skill_ids: HashSet<&SkillId> = p.skills.iter().map(|s| &s.id).collect();

        self.unique("people", p.people.iter().map(|x| x.id.as_str()));
        let person_ids: HashSet<&PersonId> = p.people.iter().map(|x| &x.id).collect();
        for (i, person) in p.people.iter().enumerate() {
            self.person(i, person, &questions, &skill_ids, &person_ids);
        }

        self.matching(&p.matching, &field_ids, &person_ids);

        self.unique("matches", p.matches.iter().map(|m| m.id.as_str()));
        let match_ids: HashSet<&MatchId> = p.matches.iter().map(|m| &m.id).collect();
        for (i, r) in p.rematch.iter().enumerate() {
            if !person_ids.contains(&r.mentee) || !person_ids.contains(&r.mentor) {
                self.push(format!("rematch[{i}]"), "refers to an unknown person");
            }
            if !match_ids.contains(&r.ended) {
                self.push(
                    format!("rematch[{i}].ended"),
                    format!("refers to unknown match \"{}\"", r.ended),
                );
            }
        }
        for setting in crate::core::relationships::model::FollowUpSetting::ALL {
            let value = setting.get(&p.follow_up);
            if !setting.range().contains(&value) {
                let (lo, hi) = (
                    setting.range().start().to_owned(),
                    setting.range().end().to_owned(),
                );
                self.push(
                    format!("follow_up.{}", setting.key()),
                    format!("{value} is outside {lo}-{hi}"),
                );
            }
        }
        let mut record_ids = RecordIds::default();
        let milestone_ids: HashSet<&MilestoneId> = p.milestones.iter().map(|m| &m.id).collect();
        for (i, m) in p.matches.iter().enumerate() {
            for (role, id) in [("mentor", &m.mentor), ("mentee", &m.mentee)] {
                if !person_ids.contains(id) {
                    self.push(
                        format!("matches[{i}].{role}"),
                        format!("refers to unknown person \"{id}\""),
                    );
                }
            }
            if m.mentor == m.mentee {
                self.push(format!("matches[{i}]"), "pairs a person with themself");
            }
            if m.score.is_some_and(|s| s > 100) {
                self.push(format!("matches[{i}].score"), "is above 100");
            }
            if m.cycle == 0 || m.cycle > p.cycle {
                self.push(
                    format!("matches[{i}].cycle"),
                    format!("must be between 1 and the program's cycle {}", p.cycle),
                );
            }
            self.relationship(i, m, &mut record_ids, &milestone_ids);
        }
    }

    /// A relationship's records: unique ids, ranges, lengths, known milestones.
    fn relationship<'a>(
        &mut self,
        i: usize,
        m: &'a Match,
        ids: &mut RecordIds<'a>,
        milestones: &HashSet<&MilestoneId>,
    ) {
        let path = |what: String| format!("matches[{i}].{what}");
        for (j, e) in m.events.iter().enumerate() {
            self.long(|| path(format!("events[{j}].note")), &e.note);
        }
        for (j, x) in m.meetings.iter().enumerate() {
            if x.id.0.is_empty() || !ids.meetings.insert(x.id.as_str()) {
                self.push(
                    path(format!("meetings[{j}].id")),
                    format!("\"{}\" is empty or used twice", x.id),
                );
            }
            if x.minutes.is_some_and(|n| !MEETING_MINUTES.contains(&n)) {
                self.push(path(format!("meetings[{j}].minutes")), "must be 5-600");
            }
            self.long(|| path(format!("meetings[{j}].note")), &x.note);
        }
        for (j, c) in m.check_ins.iter().enumerate() {
            if c.id.0.is_empty() || !ids.check_ins.insert(c.id.as_str()) {
                self.push(
                    path(format!("check_ins[{j}].id")),
                    format!("\"{}\" is empty or used twice", c.id),
                );
            }
            if c.rating.is_some_and(|s| !(1..=5).contains(&s)) {
                self.push(path(format!("check_ins[{j}].rating")), "must be 1-5");
            }
            self.long(|| path(format!("check_ins[{j}].comment")), &c.comment);
            if let Some(s) = &c.submitted {
                self.short(|| path(format!("check_ins[{j}].submitted")), s);
            }
        }
        for (j, g) in m.goals.iter().enumerate() {
            if g.id.0.is_empty() || !ids.goals.insert(g.id.as_str()) {
                self.push(
                    path(format!("goals[{j}].id")),
                    format!("\"{}\" is empty or used twice", g.id),
                );
            }
            if g.title.trim().is_empty() {
                self.push(path(format!("goals[{j}].title")), "is empty");
            }
            self.short(|| path(format!("goals[{j}].title")), &g.title);
            self.long(
                || path(format!("goals[{j}].success_criteria")),
                &g.success_criteria,
            );
            if g.progress > 100 {
                self.push(path(format!("goals[{j}].progress")), "must be 0-100");
            }
        }
        self.short(
            || path("agreement.meeting_frequency".into()),
            &m.agreement.meeting_frequency,
        );
        for id in m.milestones.keys() {
            if !milestones.contains(id) {
                self.push(
                    path(format!("milestones.{id}")),
                    "refers to an unknown milestone",
                );
            }
        }
    }

    fn person(
        &mut self,
        i: usize,
        x: &Person,
        questions: &HashMap<&FieldId, &ProfileField>,
        skills: &HashSet<&SkillId>,
        people: &HashSet<&PersonId>,
    ) {
        // The field catalogue's rules: lengths, list sizes, e-mail and time-zone shapes,
        // seniority and capacity ranges.
        for (field, message) in check_person(x) {
            self.push(format!("people[{i}].{field}"), message);
        }
        if x.name.trim().is_empty() {
            self.push(format!("people[{i}].name"), "is empty");
        }
        for (list, levels) in [
            ("skills_offered", &x.skills_offered),
            ("skills_wanted", &x.skills_wanted),
        ] {
            for (j, s) in levels.iter().enumerate() {
                if !skills.contains(&s.skill) {
                    self.push(
                        format!("people[{i}].{list}[{j}]"),
                        format!("refers to unknown skill \"{}\"", s.skill),
                    );
                }
                if !SKILL_LEVELS.contains(&s.level) {
                    self.push(format!("people[{i}].{list}[{j}].level"), "must be 1-5");
                }
            }
        }
        for (field, answer) in &x.answers {
            let path = || format!("people[{i}].answers.{field}");
            match questions.get(field) {
                None => self.push(path(), "answers an unknown question"),
                Some(q) => match stored_answer(q, answer) {
                    Ok(kept) if &kept == answer => {}
                    Ok(_) => self.push(path(), "has choices that are not the question's options"),
                    Err(why) => self.push(path(), why),
                },
            }
        }
        for (j, pref) in x.preferences.iter().enumerate() {
            if !people.contains(pref) {
                self.push(
                    format!("people[{i}].preferences[{j}]"),
                    format!("refers to unknown person \"{pref}\""),
                );
            }
        }
    }

    fn matching(
        &mut self,
        m: &MatchingConfig,
        fields: &HashSet<&FieldId>,
        people: &HashSet<&PersonId>,
    ) {
        for (i, c) in m.criteria.iter().enumerate() {
            if c.weight > MUST_HAVE {
                self.push(format!("matching.criteria[{i}].weight"), "must be 0-10");
            }
            match &c.kind {
                CriterionKind::Field { field, .. } if !fields.contains(field) => {
                    self.push(
                        format!("matching.criteria[{i}].field"),
                        format!("refers to unknown question \"{field}\""),
                    );
                }
                CriterionKind::SeniorityGap { min, max } if min > max => {
                    self.push(
                        format!("matching.criteria[{i}]"),
                        format!("seniority gap minimum {min} is above maximum {max}"),
                    );
                }
                _ => {}
            }
        }
        if m.rules.min_score > 100 {
            self.push("matching.rules.min_score", "must be 0-100");
        }
        if m.rules.mentee_max_mentors == 0 {
            self.push("matching.rules.mentee_max_mentors", "must be at least 1");
        }
        if m.group_size == 0 {
            self.push("matching.group_size", "must be at least 1");
        }
        for (i, pair) in m.rules.forbidden_pairs.iter().enumerate() {
            for id in [&pair.mentor, &pair.mentee] {
                if !people.contains(id) {
                    self.push(
                        format!("matching.rules.forbidden_pairs[{i}]"),
                        format!("refers to unknown person \"{id}\""),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn program() -> Program {
        let mut p = Program::new(ProgramId::from("prog-1"), "Pilot");
        let a = p.new_person_id();
        let b = p.new_person_id();
        p.people.push(Person::new(a, "Ada Lovelace", Role::Mentor));
        p.people.push(Person::new(b, "Grace Hopper", Role::Mentee));
        p
    }

    #[test]
    fn a_fresh_program_is_valid() {
        assert_eq!(validate(&program()), Ok(()));
    }

    /// Bad input 26: NaN must never reach a save.
    #[test]
    fn non_finite_numbers_are_rejected_with_their_path() {
        let mut p = program();
        p.goals.push(Goal {
            id: GoalId::from("g9"),
            title: "Retention".into(),
            metric: "12-month retention".into(),
            comparison: Comparison::AtLeast,
            target: f64::NAN,
            unit: MetricUnit::Percent,
            baseline: Some(f64::INFINITY),
        });
        let problems = validate(&p).unwrap_err();
        let paths: Vec<_> = problems.iter().map(|x| x.path.as_str()).collect();
        assert_eq!(paths, ["goals[0].target", "goals[0].baseline"]);
    }

    #[test]
    fn duplicate_ids_and_dangling_references_are_reported() {
        let mut p = program();
        p.people[1].id = p.people[0].id.clone();
        p.matches.push(Match::proposed(
            MatchId::from("m1"),
            PersonId::from("p1"),
            PersonId::from("nobody"),
            Some(50),
            1,
        ));
        let problems = validate(&p).unwrap_err();
        assert!(problems.iter().any(|x| x.path == "people[1].id"));
        assert!(problems
            .iter()
            .any(|x| x.path == "matches[0].mentee" && x.message.contains("nobody")));
    }
}
