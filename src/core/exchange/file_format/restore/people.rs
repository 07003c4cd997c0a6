//! Restoring participants: every field by the catalogue's kind, skills, answers and
//! preferences.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::*;
use crate::core::exchange::file_format::json::Json;
use crate::core::limits::{MAX_LONG_TEXT, MAX_SHORT_TEXT};
use crate::core::model::*;
use crate::core::people::fields::{self, Value, ValueKind, FIELDS, SENIORITY_LEVELS};

impl Restorer {
    pub(super) fn people(
        &mut self,
        v: Option<&Json>,
        fields: &[ProfileField],
        skills: &[Skill],
    ) -> Vec<Person> {
        let fields: HashMap<&str, &FieldKind> =
            fields.iter().map(|f| (f.id.as_str(), &f.kind)).collect();
        let skills: HashSet<&str> = skills.iter().map(|s| s.id.as_str()).collect();
        let mut ids = Ids::default();
        let mut out: Vec<(usize, Person)> = Vec::new();
        let keys = person_keys();
        for (i, item) in self.list("program.people", v).iter().enumerate() {
            let path = format!("program.people[{i}]");
            let Some(o) = self.record(&path, item, &keys) else {
                continue;
            };
            let person = self.person(&path, o, &mut ids, &fields, &skills);
            out.push((i, person));
        }
        // Preferences may name people further down the list, so they are checked last.
        let known: HashSet<PersonId> = out.iter().map(|(_, p)| p.id.clone()).collect();
        for (i, person) in &mut out {
            let before = std::mem::take(&mut person.preferences);
            for (j, pref) in before.into_iter().enumerate() {
                if known.contains(&pref) {
                    person.preferences.push(pref);
                } else {
                    self.fix(
                        format!("program.people[{i}].preferences[{j}]"),
                        format!("refers to unknown person \"{pref}\"; dropped"),
                    );
                }
            }
        }
        out.into_iter().map(|(_, p)| p).collect()
    }

    pub(super) fn person(
        &mut self,
        path: &str,
        o: Obj<'_>,
        ids: &mut Ids,
        fields: &HashMap<&str, &FieldKind>,
        skills: &HashSet<&str>,
    ) -> Person {
        let f = |k: &str| format!("{path}.{k}");
        let id = PersonId(self.id(path, o.get("id"), IdKind::Person, ids));
        let role = self.choice(
            &f("role"),
            o.get("role"),
            Role::from_key,
            Role::key,
            Role::Mentee,
        );
        let mut x = Person::new(id, "", role);
        // Every built-in field by the catalogue's kind, each repair listed.
        for spec in &FIELDS {
            let path = f(spec.key);
            let v = o.get(spec.key);
            match spec.kind {
                // Texts are kept as they are (an odd e-mail is data, bad input 23), cut to the
                // length limit (bad input 14).
                ValueKind::ShortText
                | ValueKind::LongText
                | ValueKind::Email
                | ValueKind::TimeZone => {
                    let max = if spec.kind == ValueKind::LongText {
                        MAX_LONG_TEXT
                    } else {
                        MAX_SHORT_TEXT
                    };
                    let value = self.text(&path, v, max);
                    if let Some(slot) = fields::text_slot(&mut x, &spec.field) {
                        *slot = value;
                    }
                }
                // The reader refuses lists longer than MAX_LIST before restore (bad input 13).
                ValueKind::List => {
                    let items = self.texts(&path, v, MAX_SHORT_TEXT);
                    fields::set(&mut x, &spec.field, Value::List(items));
                }
                ValueKind::Seniority => {
                    let (lo, hi) = (SENIORITY_LEVELS.start(), SENIORITY_LEVELS.end());
                    x.seniority = self
                        .opt_int(&path, v, i64::from(*lo), i64::from(*hi))
                        .map(|n| n as u8);
                }
                ValueKind::Capacity => {
                    let default = i64::from(x.capacity);
                    x.capacity = self.int(&path, v, 0, i64::from(MAX_CAPACITY), default) as u16;
                }
                // Read with their own rules: the role above, skills and preferences below.
                ValueKind::Role | ValueKind::Skills | ValueKind::People => {}
            }
        }
        if x.name.trim().is_empty() {
            self.fix(f("name"), "is empty; set to \"(no name)\"");
            x.name = "(no name)".into();
        }
        x.skills_offered = self.skill_levels(&f("skills_offered"), o.get("skills_offered"), skills);
        x.skills_wanted = self.skill_levels(&f("skills_wanted"), o.get("skills_wanted"), skills);
        x.answers = self.answers(&f("answers"), o.get("answers"), fields);
        for (j, item) in self
            .list(&f("preferences"), o.get("preferences"))
            .iter()
            .enumerate()
        {
            match item {
                Json::Str(s) => x.preferences.push(PersonId(s.clone())),
                other => self.fix(
                    format!("{path}.preferences[{j}]"),
                    format!("expected a person id, found {other}; dropped"),
                ),
            }
        }
        x
    }

    pub(super) fn skill_levels(
        &mut self,
        path: &str,
        v: Option<&Json>,
        skills: &HashSet<&str>,
    ) -> Vec<SkillLevel> {
        let mut out: Vec<SkillLevel> = Vec::new();
        for (j, item) in self.list(path, v).iter().enumerate() {
            let p = format!("{path}[{j}]");
            let Some(o) = self.record(&p, item, &["skill", "level"]) else {
                continue;
            };
            let skill = match o.get("skill") {
                Some(Json::Str(s)) if skills.contains(s.as_str()) => SkillId(s.clone()),
                other => {
                    let found = other.map_or("nothing".to_owned(), ToString::to_string);
                    self.fix(p, format!("refers to unknown skill {found}; dropped"));
                    continue;
                }
            };
            let level = self.int(&format!("{p}.level"), o.get("level"), 1, 5, 3) as u8;
            out.push(SkillLevel { skill, level });
        }
        out
    }

    /// Answers are checked against their question's kind.
    pub(super) fn answers(
        &mut self,
        path: &str,
        v: Option<&Json>,
        fields: &HashMap<&str, &FieldKind>,
    ) -> BTreeMap<FieldId, Answer> {
        let mut out = BTreeMap::new();
        let Some(v) = v else { return out };
        let Json::Object(entries) = v else {
            self.fix(
                path,
                format!("expected an object, found {v}; read as empty"),
            );
            return out;
        };
        for (key, value) in entries {
            let p = format!("{path}.{key}");
            if *value == Json::Null {
                continue;
            }
            let Some(kind) = fields.get(key.as_str()) else {
                self.fix(p, "answers an unknown question; dropped");
                continue;
            };
            if let Some(answer) = self.answer(&p, value, kind) {
                out.insert(FieldId(key.clone()), answer);
            }
        }
        out
    }

    pub(super) fn answer(&mut self, p: &str, value: &Json, kind: &FieldKind) -> Option<Answer> {
        match (kind, value) {
            (FieldKind::SingleChoice { options }, Json::Str(s)) if options.contains(s) => {
                Some(Answer::Text(s.clone()))
            }
            (FieldKind::MultipleChoice { options }, Json::Array(items)) => {
                let mut chosen = Vec::new();
                for (j, item) in items.iter().enumerate() {
                    match item {
                        Json::Str(s) if options.contains(s) => chosen.push(s.clone()),
                        other => self.fix(
                            format!("{p}[{j}]"),
                            format!("{other} is not one of the question's options; dropped"),
                        ),
                    }
                }
                Some(Answer::Many(chosen))
            }
            (FieldKind::Scale { min, max }, v) => match Self::whole(v) {
                Ok(n) if (i128::from(*min)..=i128::from(*max)).contains(&n) => {
                    Some(Answer::Number(n as f64))
                }
                _ => {
                    self.fix(
                        p,
                        format!("{v} is not a whole number on the scale {min}-{max}; dropped"),
                    );
                    None
                }
            },
            (FieldKind::Number, v) => match num_f64(v) {
                Some(x) => Some(Answer::Number(x)),
                None => {
                    self.fix(p, format!("expected a finite number, found {v}; dropped"));
                    None
                }
            },
            (FieldKind::ShortText, Json::Str(_)) => {
                Some(Answer::Text(self.text(p, Some(value), MAX_SHORT_TEXT)))
            }
            (kind, v) => {
                let expected = match kind {
                    FieldKind::SingleChoice { .. } => "one of the question's options",
                    FieldKind::MultipleChoice { .. } => "a list of the question's options",
                    _ => "text",
                };
                self.fix(p, format!("expected {expected}, found {v}; dropped"));
                None
            }
        }
    }
}

/// The keys a participant may have in a file: their id, the catalogue's fields, answers.
pub(super) fn person_keys() -> Vec<&'static str> {
    let mut keys = vec!["id", "answers"];
    keys.extend(FIELDS.iter().map(|s| s.key));
    keys
}
