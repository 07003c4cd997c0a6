//! Restore: a lenient `program` value tree -> a valid [`Program`] plus the list of repairs.
//!
//! Every field is optional: a missing field (or `null`) takes its default without a note.
//! A value of the wrong type or out of range gets a [`Repair`] naming its path and the bad
//! value, and a sensible default (integers out of range are clamped; optional values are
//! cleared). Records that cannot stand (a match with an unknown person, a check-in without a
//! date) are dropped and reported. Ids that are missing or used twice get fresh ones from
//! [`Program::next_id`]; references to a duplicated id keep pointing to its first owner.
//! Strings are kept exactly (control characters, bidi overrides, `<script>`, `__proto__` are
//! just text), only cut to the length limits.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::json::Json;
use super::Repair;
use crate::core::date::Date;
use crate::core::limits::{MAX_LONG_TEXT, MAX_SEQ, MAX_SHORT_TEXT};
use crate::core::model::*;

/// Restores a program from its value tree. `fallback_id` is called when the program has no
/// usable `id`.
pub fn restore(value: &Json, fallback_id: impl FnOnce() -> String) -> (Program, Vec<Repair>) {
    let mut r = Restorer::default();
    let program = r.program(value, fallback_id);
    let mut repairs = r.repairs;
    if let Some(first) = r.unknown.first() {
        // Bad input 18: unknown fields are ignored, and said so once.
        let n = r.unknown_count;
        let mut message = String::from("unknown field ignored");
        if n > 1 {
            let shown: Vec<&str> = r.unknown[1..].iter().map(String::as_str).collect();
            message = format!(
                "unknown field ignored, and {} more: {}{}",
                n - 1,
                shown.join(", "),
                if n > r.unknown.len() { ", …" } else { "" }
            );
        }
        repairs.push(Repair {
            path: first.clone(),
            message,
        });
    }
    (program, repairs)
}

/// A checked object: the entries of a [`Json::Object`], `null` values read as missing.
#[derive(Clone, Copy)]
struct Obj<'a> {
    entries: &'a [(String, Json)],
}

impl<'a> Obj<'a> {
    fn get(&self, key: &str) -> Option<&'a Json> {
        self.entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| **v != Json::Null)
    }
}

const EMPTY: &[Json] = &[];

/// Unique ids of one kind, each with the path of its first owner.
#[derive(Default)]
struct Ids {
    first: HashMap<String, String>,
}

#[derive(Default)]
struct Restorer {
    repairs: Vec<Repair>,
    /// The first few unknown fields' paths, and how many there were.
    unknown: Vec<String>,
    unknown_count: usize,
    seq: u64,
}

fn num_f64(v: &Json) -> Option<f64> {
    match v {
        Json::Int(n) => Some(*n as f64),
        Json::UInt(n) => Some(*n as f64),
        Json::Float(x) if x.is_finite() => Some(*x),
        _ => None,
    }
}

/// The trailing number of an id (`p12` -> 12), if small enough to be a sequence number.
fn id_suffix(id: &str) -> Option<u64> {
    let digits = id.len() - id.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 18 {
        return None;
    }
    id[id.len() - digits..]
        .parse()
        .ok()
        .filter(|n| *n < MAX_SEQ)
}

fn cut(s: &str, max: usize) -> Option<String> {
    let mut chars = s.char_indices();
    chars.nth(max).map(|(i, _)| s[..i].to_owned())
}

impl Restorer {
    fn fix(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.repairs.push(Repair {
            path: path.into(),
            message: message.into(),
        });
    }

    fn obj<'a>(&mut self, path: &str, v: &'a Json, known: &[&str]) -> Option<Obj<'a>> {
        match v {
            Json::Object(entries) => {
                for (k, _) in entries {
                    if !known.contains(&k.as_str()) {
                        self.unknown_count += 1;
                        if self.unknown.len() < 6 {
                            self.unknown.push(format!("{path}.{k}"));
                        }
                    }
                }
                Some(Obj { entries })
            }
            _ => None,
        }
    }

    fn list<'a>(&mut self, path: &str, v: Option<&'a Json>) -> &'a [Json] {
        match v {
            None => EMPTY,
            Some(Json::Array(items)) => items,
            Some(other) => {
                self.fix(
                    path,
                    format!("expected a list, found {other}; read as empty"),
                );
                EMPTY
            }
        }
    }

    fn text(&mut self, path: &str, v: Option<&Json>, max: usize) -> String {
        match v {
            None => String::new(),
            Some(Json::Str(s)) => match cut(s, max) {
                None => s.clone(),
                Some(short) => {
                    // Bad input 14: a 5 MB name is cut, not refused.
                    self.fix(
                        path,
                        format!(
                            "was {} characters long; cut to the first {max}",
                            s.chars().count()
                        ),
                    );
                    short
                }
            },
            Some(n @ (Json::Int(_) | Json::UInt(_) | Json::Float(_))) => {
                let s = n.to_string();
                self.fix(
                    path,
                    format!("expected text, found the number {s}; kept as text"),
                );
                s
            }
            Some(other) => {
                self.fix(path, format!("expected text, found {other}; left empty"));
                String::new()
            }
        }
    }

    fn texts(&mut self, path: &str, v: Option<&Json>, max: usize) -> Vec<String> {
        let mut out = Vec::new();
        for (i, item) in self.list(path, v).iter().enumerate() {
            let p = format!("{path}[{i}]");
            match item {
                Json::Str(_) => out.push(self.text(&p, Some(item), max)),
                other => self.fix(p, format!("expected text, found {other}; dropped")),
            }
        }
        out
    }

    fn boolean(&mut self, path: &str, v: Option<&Json>, default: bool) -> bool {
        match v {
            None => default,
            Some(Json::Bool(b)) => *b,
            Some(other) => {
                self.fix(
                    path,
                    format!("expected true or false, found {other}; set to {default}"),
                );
                default
            }
        }
    }

    fn opt_bool(&mut self, path: &str, v: Option<&Json>) -> Option<bool> {
        match v {
            None => None,
            Some(Json::Bool(b)) => Some(*b),
            Some(other) => {
                self.fix(
                    path,
                    format!("expected true or false, found {other}; cleared"),
                );
                None
            }
        }
    }

    /// Reads a whole number. `Err` carries why it is unusable (for the caller's message).
    fn whole(v: &Json) -> Result<i128, String> {
        match v {
            Json::UInt(n) => Ok(i128::from(*n)),
            Json::Int(n) => Ok(i128::from(*n)),
            Json::Float(x) if x.fract() == 0.0 && x.abs() < 1e30 => Ok(*x as i128),
            Json::Float(x) => Err(format!("{x} is not a whole number")),
            Json::TooLarge(raw) => Err(format!("{} is far too large", v_short(raw))),
            other => Err(format!("expected a number, found {other}")),
        }
    }

    /// A whole number in `lo..=hi`; out of range is clamped, anything else takes `default`.
    /// A number written as text (`"3"`) is read, with a repair.
    fn int(&mut self, path: &str, v: Option<&Json>, lo: i64, hi: i64, default: i64) -> i64 {
        let Some(v) = v else { return default };
        let n = match (Self::whole(v), v) {
            (Ok(n), _) => n,
            (Err(_), Json::Str(s)) if s.trim().parse::<i64>().is_ok() => {
                let n = s.trim().parse::<i64>().unwrap_or(default);
                let clamped = n.clamp(lo, hi);
                self.fix(
                    path,
                    format!("expected a number, found the text {v}; read as {clamped}"),
                );
                return clamped;
            }
            (Err(why), _) => {
                self.fix(path, format!("{why}; set to {default}"));
                return default;
            }
        };
        if n < i128::from(lo) {
            self.fix(path, format!("{n} is below the minimum {lo}; set to {lo}"));
            lo
        } else if n > i128::from(hi) {
            self.fix(path, format!("{n} is above the maximum {hi}; set to {hi}"));
            hi
        } else {
            n as i64
        }
    }

    /// An optional whole number in `lo..=hi`; anything else is cleared with a repair.
    fn opt_int(&mut self, path: &str, v: Option<&Json>, lo: i64, hi: i64) -> Option<i64> {
        let v = v?;
        match Self::whole(v) {
            Ok(n) if (i128::from(lo)..=i128::from(hi)).contains(&n) => Some(n as i64),
            Ok(n) => {
                self.fix(path, format!("{n} is outside {lo}-{hi}; cleared"));
                None
            }
            Err(why) => {
                self.fix(path, format!("{why}; cleared"));
                None
            }
        }
    }

    /// A finite number (bad input 26: nothing non-finite reaches the model).
    fn float(&mut self, path: &str, v: Option<&Json>, default: f64) -> f64 {
        let Some(v) = v else { return default };
        match num_f64(v) {
            Some(x) => x,
            None => {
                let why = match v {
                    Json::TooLarge(raw) => format!("{} is far too large", v_short(raw)),
                    other => format!("expected a number, found {other}"),
                };
                self.fix(path, format!("{why}; set to {default}"));
                default
            }
        }
    }

    fn opt_float(&mut self, path: &str, v: Option<&Json>) -> Option<f64> {
        let v = v?;
        let x = num_f64(v);
        if x.is_none() {
            self.fix(
                path,
                format!("expected a finite number, found {v}; cleared"),
            );
        }
        x
    }

    /// Bad input 25: impossible, empty and out-of-range dates are cleared with their path.
    fn date(&mut self, path: &str, v: Option<&Json>) -> Option<Date> {
        match v? {
            Json::Str(s) => match s.parse::<Date>() {
                Ok(d) => Some(d),
                Err(e) => {
                    self.fix(path, format!("{e}; cleared"));
                    None
                }
            },
            other => {
                self.fix(
                    path,
                    format!("expected a date (YYYY-MM-DD), found {other}; cleared"),
                );
                None
            }
        }
    }

    fn choice<T: Copy>(
        &mut self,
        path: &str,
        v: Option<&Json>,
        parse: fn(&str) -> Option<T>,
        key: fn(T) -> &'static str,
        default: T,
    ) -> T {
        match v {
            None => default,
            Some(Json::Str(s)) if parse(s).is_some() => parse(s).unwrap_or(default),
            Some(other) => {
                self.fix(
                    path,
                    format!("unknown value {other}; set to \"{}\"", key(default)),
                );
                default
            }
        }
    }

    /// The record's id if usable and unused, else a fresh one (reported).
    fn id(&mut self, path: &str, v: Option<&Json>, kind: IdKind, ids: &mut Ids) -> String {
        let id_path = format!("{path}.id");
        let problem = match v {
            Some(Json::Str(s)) if !s.trim().is_empty() && s.chars().count() <= MAX_SHORT_TEXT => {
                match ids.first.get(s) {
                    None => {
                        ids.first.insert(s.clone(), path.to_owned());
                        return s.clone();
                    }
                    // Bad input 16: the second owner gets a new id; references keep pointing
                    // to the first.
                    Some(owner) => format!("\"{s}\" is already the id of {owner}"),
                }
            }
            Some(Json::Str(s)) if s.trim().is_empty() => "is empty".to_owned(),
            Some(Json::Str(_)) => format!("is longer than {MAX_SHORT_TEXT} characters"),
            Some(other) => format!("expected text, found {other}"),
            None => "is missing".to_owned(),
        };
        let fresh = self.fresh_id(kind, ids);
        ids.first.insert(fresh.clone(), path.to_owned());
        self.fix(id_path, format!("{problem}; given the new id \"{fresh}\""));
        fresh
    }

    fn fresh_id(&mut self, kind: IdKind, ids: &Ids) -> String {
        loop {
            let id = format!("{}{}", kind.prefix(), self.seq);
            self.seq += 1;
            if !ids.first.contains_key(&id) {
                return id;
            }
        }
    }

    fn program(&mut self, v: &Json, fallback_id: impl FnOnce() -> String) -> Program {
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
        p.matches = self.matches(o.get("matches"), &person_ids, p.cycle);
        p.next_seq = self.seq;
        p.workshop = self.workshop(o.get("workshop"));
        p
    }

    /// The workshop-mode settings; absent (files older than the setting) means defaults.
    fn workshop(&mut self, v: Option<&Json>) -> WorkshopSettings {
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

    fn goals(&mut self, v: Option<&Json>) -> Vec<Goal> {
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

    /// An element of a list that must be an object; anything else is dropped and reported.
    fn record<'a>(&mut self, path: &str, item: &'a Json, known: &[&str]) -> Option<Obj<'a>> {
        let o = self.obj(path, item, known);
        if o.is_none() {
            self.fix(path, format!("expected an object, found {item}; dropped"));
        }
        o
    }

    fn milestones(&mut self, v: Option<&Json>) -> Vec<Milestone> {
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

    fn profile_fields(&mut self, v: Option<&Json>) -> Vec<ProfileField> {
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

    fn field_kind(&mut self, path: &str, v: Option<&Json>) -> FieldKind {
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

    fn skills(&mut self, v: Option<&Json>) -> Vec<Skill> {
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

    fn people(
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
        for (i, item) in self.list("program.people", v).iter().enumerate() {
            let path = format!("program.people[{i}]");
            let Some(o) = self.record(&path, item, PERSON_KEYS) else {
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

    fn person(
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
        x.name = self.text(&f("name"), o.get("name"), MAX_SHORT_TEXT);
        if x.name.trim().is_empty() {
            self.fix(f("name"), "is empty; set to \"(no name)\"");
            x.name = "(no name)".into();
        }
        x.email = self.text(&f("email"), o.get("email"), MAX_SHORT_TEXT);
        x.department = self.text(&f("department"), o.get("department"), MAX_SHORT_TEXT);
        x.team = self.text(&f("team"), o.get("team"), MAX_SHORT_TEXT);
        x.manager = self.text(&f("manager"), o.get("manager"), MAX_SHORT_TEXT);
        x.title = self.text(&f("title"), o.get("title"), MAX_SHORT_TEXT);
        x.seniority = self
            .opt_int(&f("seniority"), o.get("seniority"), 0, i64::from(u8::MAX))
            .map(|n| n as u8);
        x.time_zone = self.text(&f("time_zone"), o.get("time_zone"), MAX_SHORT_TEXT);
        x.languages = self.texts(&f("languages"), o.get("languages"), MAX_SHORT_TEXT);
        x.skills_offered = self.skill_levels(&f("skills_offered"), o.get("skills_offered"), skills);
        x.skills_wanted = self.skill_levels(&f("skills_wanted"), o.get("skills_wanted"), skills);
        x.goals = self.texts(&f("goals"), o.get("goals"), MAX_SHORT_TEXT);
        let default_capacity = i64::from(x.capacity);
        x.capacity = self.int(
            &f("capacity"),
            o.get("capacity"),
            0,
            i64::from(MAX_CAPACITY),
            default_capacity,
        ) as u16;
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
        x.bio = self.text(&f("bio"), o.get("bio"), MAX_LONG_TEXT);
        x.availability = self.text(&f("availability"), o.get("availability"), MAX_SHORT_TEXT);
        x.notes = self.text(&f("notes"), o.get("notes"), MAX_LONG_TEXT);
        x
    }

    fn skill_levels(
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
    fn answers(
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

    fn answer(&mut self, p: &str, value: &Json, kind: &FieldKind) -> Option<Answer> {
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

    fn matching(
        &mut self,
        v: Option<&Json>,
        fields: &[ProfileField],
        people: &HashSet<PersonId>,
    ) -> MatchingConfig {
        const KNOWN: &[&str] = &["algorithm", "criteria", "rules", "group_size", "top_n"];
        let mut m = MatchingConfig::default();
        let Some(v) = v else { return m };
        let Some(o) = self.obj("program.matching", v, KNOWN) else {
            self.fix(
                "program.matching",
                format!("expected an object, found {v}; the default matching set-up is used"),
            );
            return m;
        };
        m.algorithm = self.choice(
            "program.matching.algorithm",
            o.get("algorithm"),
            Algorithm::from_key,
            Algorithm::key,
            Algorithm::Optimal,
        );
        if o.get("criteria").is_some() {
            m.criteria = self.criteria(o.get("criteria"), fields);
        }
        m.rules = self.rules(o.get("rules"), people);
        m.group_size = self.int(
            "program.matching.group_size",
            o.get("group_size"),
            1,
            255,
            4,
        ) as u8;
        m.top_n = self.int("program.matching.top_n", o.get("top_n"), 0, 255, 3) as u8;
        m
    }

    fn criteria(&mut self, v: Option<&Json>, fields: &[ProfileField]) -> Vec<Criterion> {
        const KNOWN: &[&str] = &["kind", "weight", "min", "max", "prefer", "field"];
        let mut out = Vec::new();
        for (i, item) in self.list("program.matching.criteria", v).iter().enumerate() {
            let path = format!("program.matching.criteria[{i}]");
            let Some(o) = self.record(&path, item, KNOWN) else {
                continue;
            };
            let prefer = |r: &mut Restorer| {
                r.choice(
                    &format!("{path}.prefer"),
                    o.get("prefer"),
                    preference_from_key,
                    preference_key,
                    Preference::Different,
                )
            };
            let kind = match o.get("kind").and_then(Json::as_str) {
                Some("skills") => CriterionKind::Skills,
                Some("goals") => CriterionKind::Goals,
                Some("time_zone") => CriterionKind::TimeZone,
                Some("language") => CriterionKind::Language,
                Some("department") => CriterionKind::Department {
                    prefer: prefer(self),
                },
                Some("seniority_gap") => {
                    let min = self.int(&format!("{path}.min"), o.get("min"), -128, 127, 1) as i8;
                    let max = self.int(&format!("{path}.max"), o.get("max"), -128, 127, 4) as i8;
                    if min > max {
                        self.fix(
                            path.clone(),
                            format!("seniority gap {min} is above {max}; swapped"),
                        );
                        CriterionKind::SeniorityGap { min: max, max: min }
                    } else {
                        CriterionKind::SeniorityGap { min, max }
                    }
                }
                Some("field") => match o.get("field") {
                    Some(Json::Str(f)) if fields.iter().any(|x| x.id.as_str() == f) => {
                        CriterionKind::Field {
                            field: FieldId(f.clone()),
                            prefer: prefer(self),
                        }
                    }
                    other => {
                        let found = other.map_or("nothing".to_owned(), ToString::to_string);
                        self.fix(path, format!("refers to unknown question {found}; dropped"));
                        continue;
                    }
                },
                _ => {
                    let found = o
                        .get("kind")
                        .map_or("nothing".to_owned(), ToString::to_string);
                    self.fix(path, format!("unknown criterion {found}; dropped"));
                    continue;
                }
            };
            let weight = self.int(
                &format!("{path}.weight"),
                o.get("weight"),
                0,
                i64::from(MUST_HAVE),
                5,
            ) as u8;
            out.push(Criterion { kind, weight });
        }
        out
    }

    fn rules(&mut self, v: Option<&Json>, people: &HashSet<PersonId>) -> Rules {
        const KNOWN: &[&str] = &[
            "exclude_same_team",
            "exclude_same_manager",
            "exclude_same_department",
            "max_time_zone_hours",
            "min_score",
            "no_repeat_pairs",
            "mentee_max_mentors",
            "forbidden_pairs",
        ];
        let d = Rules::default();
        let Some(v) = v else { return d };
        let path = "program.matching.rules";
        let Some(o) = self.obj(path, v, KNOWN) else {
            self.fix(
                path,
                format!("expected an object, found {v}; default rules used"),
            );
            return d;
        };
        let f = |k: &str| format!("{path}.{k}");
        let mut forbidden_pairs = Vec::new();
        for (i, item) in self
            .list(&f("forbidden_pairs"), o.get("forbidden_pairs"))
            .iter()
            .enumerate()
        {
            let p = format!("{path}.forbidden_pairs[{i}]");
            let Some(pair) = self.record(&p, item, &["mentor", "mentee"]) else {
                continue;
            };
            if let Some((mentor, mentee)) = self.pair(&p, pair, people) {
                forbidden_pairs.push(PairRef { mentor, mentee });
            }
        }
        Rules {
            exclude_same_team: self.boolean(
                &f("exclude_same_team"),
                o.get("exclude_same_team"),
                d.exclude_same_team,
            ),
            exclude_same_manager: self.boolean(
                &f("exclude_same_manager"),
                o.get("exclude_same_manager"),
                d.exclude_same_manager,
            ),
            exclude_same_department: self.boolean(
                &f("exclude_same_department"),
                o.get("exclude_same_department"),
                d.exclude_same_department,
            ),
            max_time_zone_hours: self
                .opt_int(
                    &f("max_time_zone_hours"),
                    o.get("max_time_zone_hours"),
                    0,
                    26,
                )
                .map(|n| n as u8),
            min_score: self.int(&f("min_score"), o.get("min_score"), 0, 100, 0) as u8,
            no_repeat_pairs: self.boolean(
                &f("no_repeat_pairs"),
                o.get("no_repeat_pairs"),
                d.no_repeat_pairs,
            ),
            mentee_max_mentors: self.int(
                &f("mentee_max_mentors"),
                o.get("mentee_max_mentors"),
                1,
                255,
                1,
            ) as u8,
            forbidden_pairs,
        }
    }

    /// A mentor and a mentee who both exist and differ; otherwise the record is dropped.
    fn pair(
        &mut self,
        path: &str,
        o: Obj<'_>,
        people: &HashSet<PersonId>,
    ) -> Option<(PersonId, PersonId)> {
        let mut ids = Vec::with_capacity(2);
        for role in ["mentor", "mentee"] {
            match o.get(role) {
                Some(Json::Str(s)) if people.contains(&PersonId(s.clone())) => {
                    ids.push(PersonId(s.clone()));
                }
                other => {
                    // Bad input 17: a reference to nobody drops the record.
                    let found = other.map_or("nothing".to_owned(), ToString::to_string);
                    self.fix(
                        path,
                        format!("its {role} refers to unknown person {found}; dropped"),
                    );
                    return None;
                }
            }
        }
        let mentee = ids.pop()?;
        let mentor = ids.pop()?;
        if mentor == mentee {
            self.fix(path, format!("pairs \"{mentor}\" with themself; dropped"));
            return None;
        }
        Some((mentor, mentee))
    }

    fn matches(&mut self, v: Option<&Json>, people: &HashSet<PersonId>, cycle: u32) -> Vec<Match> {
        const KNOWN: &[&str] = &[
            "id",
            "mentor",
            "mentee",
            "circle",
            "status",
            "locked",
            "score",
            "source",
            "cycle",
            "started_on",
            "ended_on",
            "end_reason",
            "check_ins",
        ];
        let mut ids = Ids::default();
        let mut check_in_ids = Ids::default();
        let mut out = Vec::new();
        for (i, item) in self.list("program.matches", v).iter().enumerate() {
            let path = format!("program.matches[{i}]");
            let Some(o) = self.record(&path, item, KNOWN) else {
                continue;
            };
            let Some((mentor, mentee)) = self.pair(&path, o, people) else {
                continue;
            };
            let f = |k: &str| format!("{path}.{k}");
            let id = MatchId(self.id(&path, o.get("id"), IdKind::Match, &mut ids));
            let mut m = Match::proposed(id, mentor, mentee, None, cycle);
            m.circle = self
                .opt_int(&f("circle"), o.get("circle"), 0, i64::from(u32::MAX))
                .map(|n| n as u32);
            m.status = self.choice(
                &f("status"),
                o.get("status"),
                MatchStatus::from_key,
                MatchStatus::key,
                MatchStatus::Proposed,
            );
            m.locked = self.boolean(&f("locked"), o.get("locked"), false);
            m.score = self
                .opt_int(&f("score"), o.get("score"), 0, 100)
                .map(|n| n as u8);
            m.source = self.choice(
                &f("source"),
                o.get("source"),
                MatchSource::from_key,
                MatchSource::key,
                MatchSource::Algorithm,
            );
            m.cycle = self.int(
                &f("cycle"),
                o.get("cycle"),
                1,
                i64::from(cycle),
                i64::from(cycle),
            ) as u32;
            m.started_on = self.date(&f("started_on"), o.get("started_on"));
            m.ended_on = self.date(&f("ended_on"), o.get("ended_on"));
            m.end_reason = self.text(&f("end_reason"), o.get("end_reason"), MAX_LONG_TEXT);
            for (j, item) in self
                .list(&f("check_ins"), o.get("check_ins"))
                .iter()
                .enumerate()
            {
                let p = format!("{path}.check_ins[{j}]");
                if let Some(c) = self.check_in(&p, item, &mut check_in_ids) {
                    m.check_ins.push(c);
                }
            }
            out.push(m);
        }
        out
    }

    fn check_in(&mut self, path: &str, item: &Json, ids: &mut Ids) -> Option<CheckIn> {
        const KNOWN: &[&str] = &[
            "id",
            "date",
            "kind",
            "sentiment",
            "on_track",
            "minutes",
            "goal_progress",
            "notes",
        ];
        let o = self.record(path, item, KNOWN)?;
        let f = |k: &str| format!("{path}.{k}");
        let Some(date) = self.date(&f("date"), o.get("date")) else {
            self.fix(path, "has no valid date; dropped");
            return None;
        };
        Some(CheckIn {
            id: CheckInId(self.id(path, o.get("id"), IdKind::CheckIn, ids)),
            date,
            kind: self.choice(
                &f("kind"),
                o.get("kind"),
                check_in_kind_from_key,
                check_in_kind_key,
                CheckInKind::Pulse,
            ),
            sentiment: self
                .opt_int(&f("sentiment"), o.get("sentiment"), 1, 5)
                .map(|n| n as u8),
            on_track: self.opt_bool(&f("on_track"), o.get("on_track")),
            minutes: self
                .opt_int(&f("minutes"), o.get("minutes"), 0, i64::from(u16::MAX))
                .map(|n| n as u16),
            goal_progress: self
                .opt_int(&f("goal_progress"), o.get("goal_progress"), 0, 100)
                .map(|n| n as u8),
            notes: self.text(&f("notes"), o.get("notes"), MAX_LONG_TEXT),
        })
    }
}

const PERSON_KEYS: &[&str] = &[
    "id",
    "role",
    "name",
    "email",
    "department",
    "team",
    "manager",
    "title",
    "seniority",
    "time_zone",
    "languages",
    "skills_offered",
    "skills_wanted",
    "goals",
    "capacity",
    "answers",
    "preferences",
    "bio",
    "availability",
    "notes",
];

fn v_short(raw: &str) -> String {
    if raw.len() > 40 {
        format!("{}…", &raw[..40])
    } else {
        raw.to_owned()
    }
}

/// The highest numeric id suffix among every record of the program.
fn highest_suffix(o: &Obj<'_>) -> Option<u64> {
    let mut best: Option<u64> = None;
    let mut see = |v: Option<&Json>| {
        if let Some(n) = v.and_then(Json::as_str).and_then(id_suffix) {
            best = Some(best.map_or(n, |b| b.max(n)));
        }
    };
    for list in [
        "goals",
        "milestones",
        "profile_fields",
        "skills",
        "people",
        "matches",
    ] {
        if let Some(Json::Array(items)) = o.get(list) {
            for item in items {
                see(item.get("id"));
                if let Some(Json::Array(check_ins)) = item.get("check_ins") {
                    for c in check_ins {
                        see(c.get("id"));
                    }
                }
            }
        }
    }
    best
}

fn asked_of_from_key(s: &str) -> Option<AskedOf> {
    match s {
        "everyone" => Some(AskedOf::Everyone),
        "mentors" => Some(AskedOf::Mentors),
        "mentees" => Some(AskedOf::Mentees),
        _ => None,
    }
}

fn asked_of_key(a: AskedOf) -> &'static str {
    match a {
        AskedOf::Everyone => "everyone",
        AskedOf::Mentors => "mentors",
        AskedOf::Mentees => "mentees",
    }
}

fn preference_from_key(s: &str) -> Option<Preference> {
    match s {
        "same" => Some(Preference::Same),
        "different" => Some(Preference::Different),
        "overlap" => Some(Preference::Overlap),
        _ => None,
    }
}

fn preference_key(p: Preference) -> &'static str {
    match p {
        Preference::Same => "same",
        Preference::Different => "different",
        Preference::Overlap => "overlap",
    }
}

fn check_in_kind_from_key(s: &str) -> Option<CheckInKind> {
    match s {
        "pulse" => Some(CheckInKind::Pulse),
        "meeting" => Some(CheckInKind::Meeting),
        _ => None,
    }
}

fn check_in_kind_key(k: CheckInKind) -> &'static str {
    match k {
        CheckInKind::Pulse => "pulse",
        CheckInKind::Meeting => "meeting",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_suffixes_are_the_trailing_digits() {
        assert_eq!(id_suffix("p12"), Some(12));
        assert_eq!(id_suffix("ms3"), Some(3));
        assert_eq!(id_suffix("alice"), None);
        assert_eq!(id_suffix("p99999999999999999999999"), None);
    }

    #[test]
    fn cut_keeps_whole_characters() {
        assert_eq!(cut("héllo", 2), Some("hé".to_owned()));
        assert_eq!(cut("hé", 2), None);
    }
}
