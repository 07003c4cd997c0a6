//! Restoring the matching set-up (criteria, rules) and the matches with their check-ins.

use std::collections::HashSet;

use super::relationships::RecordIds;
use super::*;
use crate::core::exchange::file_format::json::Json;
use crate::core::model::*;

impl Restorer {
    pub(super) fn matching(
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

    pub(super) fn criteria(&mut self, v: Option<&Json>, fields: &[ProfileField]) -> Vec<Criterion> {
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

    pub(super) fn rules(&mut self, v: Option<&Json>, people: &HashSet<PersonId>) -> Rules {
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
    pub(super) fn pair(
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

    pub(super) fn matches(
        &mut self,
        v: Option<&Json>,
        people: &HashSet<PersonId>,
        cycle: u32,
        milestones: &HashSet<&MilestoneId>,
    ) -> Vec<Match> {
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
            "events",
            "meetings",
            "check_ins",
            "goals",
            "agreement",
            "milestones",
        ];
        let mut ids = Ids::default();
        let mut record_ids = RecordIds::default();
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
            self.relationship(&path, o, &mut m, &mut record_ids, milestones);
            out.push(m);
        }
        out
    }
}
