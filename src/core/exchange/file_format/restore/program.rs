//! Restoring the program's own fields, goals, milestones, questions and skills.

use std::collections::HashSet;

use super::*;
use crate::core::exchange::file_format::json::Json;
use crate::core::limits::{MAX_LONG_TEXT, MAX_SEQ, MAX_SHORT_TEXT};
use crate::core::model::*;

impl Restorer {
    pub(super) fn program(&mut self, v: &Json, fallback_id: impl FnOnce() -> String) -> Program {
        const KNOWN: &[&str] = &[
            "id",
            "name",
            "purpose",
            "description",
            "format",
            "start_date",
            "end_date",
            "goals",
            "milestones",
            "profile_fields",
            "skills",
            "people",
            "matching",
            "matches",
            "cycle",
            "next_seq",
            "workshop",
            "follow_up",
            "rematch",
        ];
        // The caller has checked that `program` is an object; anything else reads as empty.
        let o = self
            .obj("program", v, KNOWN)
            .unwrap_or(Obj { entries: &[] });
        let id = match o.get("id") {
            Some(Json::Str(s)) if !s.trim().is_empty() && s.chars().count() <= MAX_SHORT_TEXT => {
                s.clone()
            }
            other => {
                let what = other.map_or("is missing".to_owned(), |v| format!("{v} is not usable"));
                let id = fallback_id();
                self.fix("program.id", format!("{what}; given the id \"{id}\""));
                id
            }
        };
        let mut p = Program::new(ProgramId(id), "");
        p.name = self.text("program.name", o.get("name"), MAX_SHORT_TEXT);
        p.purpose = self.choice(
            "program.purpose",
            o.get("purpose"),
            Purpose::from_key,
            Purpose::key,
            Purpose::Custom,
        );
        p.description = self.text("program.description", o.get("description"), MAX_LONG_TEXT);
        p.format = self.choice(
            "program.format",
            o.get("format"),
            ProgramFormat::from_key,
            ProgramFormat::key,
            ProgramFormat::OneToOne,
        );
        p.start_date = self.date("program.start_date", o.get("start_date"));
        p.end_date = self.date("program.end_date", o.get("end_date"));
        if let (Some(s), Some(e)) = (p.start_date, p.end_date) {
            if e < s {
                self.fix(
                    "program.end_date",
                    format!("{e} is before the start date {s}; cleared"),
                );
                p.end_date = None;
            }
        }
        p.cycle = self.int("program.cycle", o.get("cycle"), 1, i64::from(u32::MAX), 1) as u32;

        // Fresh ids must never collide with an id in the file, so the counter starts above
        // every numeric suffix seen, whatever the file's next_seq says.
        let file_seq = match o.get("next_seq") {
            None => 1,
            Some(v) => self.int("program.next_seq", Some(v), 1, MAX_SEQ as i64, 1) as u64,
        };
        let highest = highest_suffix(&o);
        self.seq = file_seq;
        if let Some(h) = highest {
            if h >= file_seq {
                self.seq = h + 1;
                if o.get("next_seq").is_some() {
                    self.fix(
                        "program.next_seq",
                        format!(
                            "{file_seq} is not above the id number {h} already in use; \
                             raised to {}",
                            h + 1
                        ),
                    );
                }
            }
        }

        p.goals = self.goals(o.get("goals"));
        p.milestones = self.milestones(o.get("milestones"));
        p.profile_fields = self.profile_fields(o.get("profile_fields"));
        p.skills = self.skills(o.get("skills"));
        p.people = self.people(o.get("people"), &p.profile_fields, &p.skills);
        let person_ids: HashSet<PersonId> = p.people.iter().map(|x| x.id.clone()).collect();
        p.matching = self.matching(o.get("matching"), &p.profile_fields, &person_ids);
        let milestone_ids: HashSet<&MilestoneId> = p.milestones.iter().map(|m| &m.id).collect();
        p.matches = self.matches(o.get("matches"), &person_ids, p.cycle, &milestone_ids);
        p.workshop = self.workshop(o.get("workshop"));
        p.follow_up = self.follow_up(o.get("follow_up"));
        let match_ids: HashSet<&MatchId> = p.matches.iter().map(|m| &m.id).collect();
        p.rematch = self.rematch(o.get("rematch"), &person_ids, &match_ids);
        p.next_seq = self.seq;
        p
    }

    /// The workshop-mode settings; absent (files older than the setting) means defaults.
    pub(super) fn workshop(&mut self, v: Option<&Json>) -> WorkshopSettings {
        let Some(v) = v else {
            return WorkshopSettings::default();
        };
        let Some(o) = self.obj("program.workshop", v, &["names", "mirrored"]) else {
            self.fix(
                "program.workshop",
                format!("expected an object, found {v}; default settings used"),
            );
            return WorkshopSettings::default();
        };
        WorkshopSettings {
            names: self.choice(
                "program.workshop.names",
                o.get("names"),
                NameDisplay::from_key,
                NameDisplay::key,
                NameDisplay::FirstNames,
            ),
            mirrored: self.boolean("program.workshop.mirrored", o.get("mirrored"), false),
        }
    }

    pub(super) fn goals(&mut self, v: Option<&Json>) -> Vec<Goal> {
        const KNOWN: &[&str] = &[
            "id",
            "title",
            "metric",
            "comparison",
            "target",
            "unit",
            "baseline",
        ];
        let mut ids = Ids::default();
        let mut out = Vec::new();
        for (i, item) in self.list("program.goals", v).iter().enumerate() {
            let path = format!("program.goals[{i}]");
            let Some(o) = self.record(&path, item, KNOWN) else {
                continue;
            };
            out.push(Goal {
                id: GoalId(self.id(&path, o.get("id"), IdKind::Goal, &mut ids)),
                title: self.text(&format!("{path}.title"), o.get("title"), MAX_SHORT_TEXT),
                metric: self.text(&format!("{path}.metric"), o.get("metric"), MAX_SHORT_TEXT),
                comparison: self.choice(
                    &format!("{path}.comparison"),
                    o.get("comparison"),
                    Comparison::from_key,
                    Comparison::key,
                    Comparison::AtLeast,
                ),
                target: self.float(&format!("{path}.target"), o.get("target"), 0.0),
                unit: self.choice(
                    &format!("{path}.unit"),
                    o.get("unit"),
                    MetricUnit::from_key,
                    MetricUnit::key,
                    MetricUnit::Percent,
                ),
                baseline: self.opt_float(&format!("{path}.baseline"), o.get("baseline")),
            });
        }
        out
    }

    pub(super) fn milestones(&mut self, v: Option<&Json>) -> Vec<Milestone> {
        let mut ids = Ids::default();
        let mut out = Vec::new();
        for (i, item) in self.list("program.milestones", v).iter().enumerate() {
            let path = format!("program.milestones[{i}]");
            let Some(o) = self.record(&path, item, &["id", "name", "offset_days"]) else {
                continue;
            };
            out.push(Milestone {
                id: MilestoneId(self.id(&path, o.get("id"), IdKind::Milestone, &mut ids)),
                name: self.text(&format!("{path}.name"), o.get("name"), MAX_SHORT_TEXT),
                offset_days: self.int(
                    &format!("{path}.offset_days"),
                    o.get("offset_days"),
                    0,
                    i64::from(u32::MAX),
                    0,
                ) as u32,
            });
        }
        out
    }

    pub(super) fn profile_fields(&mut self, v: Option<&Json>) -> Vec<ProfileField> {
        const KNOWN: &[&str] = &[
            "id",
            "label",
            "kind",
            "sensitive",
            "use_for_matching",
            "asked_of",
        ];
        let mut ids = Ids::default();
        let mut out = Vec::new();
        for (i, item) in self.list("program.profile_fields", v).iter().enumerate() {
            let path = format!("program.profile_fields[{i}]");
            let Some(o) = self.record(&path, item, KNOWN) else {
                continue;
            };
            out.push(ProfileField {
                id: FieldId(self.id(&path, o.get("id"), IdKind::Field, &mut ids)),
                label: self.text(&format!("{path}.label"), o.get("label"), MAX_SHORT_TEXT),
                kind: self.field_kind(&format!("{path}.kind"), o.get("kind")),
                sensitive: self.boolean(&format!("{path}.sensitive"), o.get("sensitive"), false),
                use_for_matching: self.boolean(
                    &format!("{path}.use_for_matching"),
                    o.get("use_for_matching"),
                    false,
                ),
                asked_of: self.choice(
                    &format!("{path}.asked_of"),
                    o.get("asked_of"),
                    asked_of_from_key,
                    asked_of_key,
                    AskedOf::Everyone,
                ),
            });
        }
        out
    }

    pub(super) fn field_kind(&mut self, path: &str, v: Option<&Json>) -> FieldKind {
        let Some(v) = v else {
            return FieldKind::ShortText;
        };
        let Some(o) = self.obj(path, v, &["type", "options", "min", "max"]) else {
            self.fix(
                path,
                format!("expected an object, found {v}; read as short text"),
            );
            return FieldKind::ShortText;
        };
        let options = |r: &mut Restorer| {
            r.texts(&format!("{path}.options"), o.get("options"), MAX_SHORT_TEXT)
        };
        match o.get("type").and_then(Json::as_str) {
            Some("single_choice") => FieldKind::SingleChoice {
                options: options(self),
            },
            Some("multiple_choice") => FieldKind::MultipleChoice {
                options: options(self),
            },
            Some("scale") => {
                let lo = i64::from(i32::MIN);
                let hi = i64::from(i32::MAX);
                let min = self.int(&format!("{path}.min"), o.get("min"), lo, hi, 1) as i32;
                let max = self.int(&format!("{path}.max"), o.get("max"), lo, hi, 5) as i32;
                if min < max {
                    FieldKind::Scale { min, max }
                } else {
                    self.fix(
                        path,
                        format!("scale {min}-{max} has no room between its ends; set to 1-5"),
                    );
                    FieldKind::Scale { min: 1, max: 5 }
                }
            }
            Some("number") => FieldKind::Number,
            Some("short_text") => FieldKind::ShortText,
            _ => {
                let found = o
                    .get("type")
                    .map_or("nothing".to_owned(), ToString::to_string);
                self.fix(
                    format!("{path}.type"),
                    format!("unknown question type {found}; read as short text"),
                );
                FieldKind::ShortText
            }
        }
    }

    pub(super) fn skills(&mut self, v: Option<&Json>) -> Vec<Skill> {
        let mut ids = Ids::default();
        let mut names: HashSet<String> = HashSet::new();
        let mut out = Vec::new();
        for (i, item) in self.list("program.skills", v).iter().enumerate() {
            let path = format!("program.skills[{i}]");
            let Some(o) = self.record(&path, item, &["id", "name", "cluster"]) else {
                continue;
            };
            let id = SkillId(self.id(&path, o.get("id"), IdKind::Skill, &mut ids));
            let mut name = self.text(&format!("{path}.name"), o.get("name"), MAX_SHORT_TEXT);
            // Skill names are unique case-insensitively (people pick them by name).
            if !names.insert(name.trim().to_lowercase()) {
                let base: String = name.trim().chars().take(MAX_SHORT_TEXT - 8).collect();
                let renamed = (2..)
                    .map(|n| format!("{base} ({n})"))
                    .find(|c| !names.contains(&c.trim().to_lowercase()))
                    .unwrap_or_default();
                names.insert(renamed.trim().to_lowercase());
                self.fix(
                    format!("{path}.name"),
                    format!(
                        "{:?} is already the name of another skill; renamed {renamed:?}",
                        name
                    ),
                );
                name = renamed;
            }
            out.push(Skill {
                id,
                name,
                cluster: self.text(&format!("{path}.cluster"), o.get("cluster"), MAX_SHORT_TEXT),
            });
        }
        out
    }
}
