//! The people of one run in their roles, with everything scoring needs precomputed.

use std::collections::HashMap;

use crate::core::matching::config::criterion_label;
use crate::core::model::{Answer, CriterionKind, MatchStatus, PersonId, Program, MUST_HAVE};
use crate::core::people::timezone::utc_offset_minutes;

use super::*;

/// The people of one run in their roles, with everything scoring needs precomputed.
///
/// Mentees and mentors are each sorted by id, so index order is id order (ties in every
/// algorithm are broken by index, that is by id).
#[derive(Clone, Debug)]
pub struct Cohort {
    /// Ids of the mentees, sorted.
    pub mentee_ids: Vec<PersonId>,
    /// Ids of the mentors, sorted.
    pub mentor_ids: Vec<PersonId>,
    /// Index of each mentee in `program.people`.
    pub mentee_people: Vec<usize>,
    /// Index of each mentor in `program.people`.
    pub mentor_people: Vec<usize>,
    pub(super) mentee_f: Vec<Features>,
    pub(super) mentor_f: Vec<Features>,
    pub(super) columns: Columns,
    /// `score = SCORE_OF[raw]` when the raw range is small enough for a table.
    pub(super) score_of: Vec<u8>,
    pub(super) criteria: Vec<Compiled>,
    pub(super) total_weight: u32,
    pub(super) exact: Exact,
    pub(super) exclude_team: bool,
    pub(super) exclude_manager: bool,
    pub(super) exclude_department: bool,
    pub(super) max_tz_minutes: Option<(u16, u8)>,
    pub(super) min_score: u8,
    /// Per mentee: (mentor, code) for forbidden and repeated pairs, sorted by mentor.
    pub(super) special: Vec<Vec<(u32, u8)>>,
    /// Per mentee: the earlier cycle of each repeated pair (for explanations).
    pub(super) repeat_cycles: HashMap<(u32, u32), u32>,
}

impl Cohort {
    /// Splits the program's people into mentees and mentors and precomputes their features.
    pub fn new(program: &Program) -> Cohort {
        let roles = roles(program);
        let mut mentee_people: Vec<usize> =
            (0..program.people.len()).filter(|&i| roles[i].0).collect();
        let mut mentor_people: Vec<usize> =
            (0..program.people.len()).filter(|&i| roles[i].1).collect();
        mentee_people.sort_by(|&a, &b| program.people[a].id.cmp(&program.people[b].id));
        mentor_people.sort_by(|&a, &b| program.people[a].id.cmp(&program.people[b].id));

        let mut text = Interner::default();
        let mut languages = Interner::default();
        let mut goals = Interner::default();
        let mut answers = Interner::default();
        let mut skills = Interner::default();
        let mut clusters = Interner::default();
        let skill_cluster: HashMap<u32, u32> = program
            .skills
            .iter()
            .map(|s| (skills.id(s.id.as_str()), clusters.id(&s.cluster)))
            .collect();

        let cfg = &program.matching;
        let mut criteria = Vec::new();
        let mut field_slots: Vec<crate::core::model::FieldId> = Vec::new();
        for (index, c) in cfg.criteria.iter().enumerate() {
            let weight = u32::from(c.weight.min(MUST_HAVE));
            if weight == 0 {
                continue;
            }
            let kind = match &c.kind {
                CriterionKind::Skills => Kind::Skills,
                CriterionKind::Goals => Kind::Goals,
                CriterionKind::SeniorityGap { min, max } => {
                    let (lo, hi) = if min <= max {
                        (*min, *max)
                    } else {
                        (*max, *min)
                    };
                    Kind::Seniority {
                        min: i16::from(lo),
                        max: i16::from(hi),
                    }
                }
                CriterionKind::Department { prefer } => Kind::Department(*prefer),
                CriterionKind::TimeZone => Kind::TimeZone,
                CriterionKind::Language => Kind::Language,
                CriterionKind::Field { field, prefer } => {
                    let Some(def) = program.profile_fields.iter().find(|f| &f.id == field) else {
                        continue;
                    };
                    if !def.use_for_matching {
                        continue;
                    }
                    let slot = field_slots.len();
                    field_slots.push(field.clone());
                    Kind::Field {
                        slot,
                        prefer: *prefer,
                    }
                }
            };
            let label = criterion_label(program, &c.kind);
            criteria.push(Compiled {
                kind,
                weight,
                must: weight == u32::from(MUST_HAVE),
                index,
                label,
            });
        }
        let total_weight = criteria.iter().map(|c| c.weight).sum();

        let mut features = |idx: usize, as_mentor: bool| -> Features {
            let p = &program.people[idx];
            let list = if as_mentor {
                &p.skills_offered
            } else {
                &p.skills_wanted
            };
            let mut sk: Vec<(u32, u32, u8)> = list
                .iter()
                .map(|s| {
                    let id = skills.id(s.skill.as_str());
                    let cl = skill_cluster.get(&id).copied().unwrap_or(0);
                    (id, cl, s.level.clamp(1, 5))
                })
                .filter(|s| s.0 != 0)
                .collect();
            sk.sort_unstable();
            sk.dedup_by_key(|s| s.0);
            let cl = Set::new(sk.iter().map(|s| s.1).collect());
            let skill_set = Set::new(sk.iter().map(|s| s.0).collect());
            let fields = field_slots
                .iter()
                .map(|f| match p.answers.get(f) {
                    None => Set::default(),
                    Some(Answer::Text(t)) => answers.set([t]),
                    Some(Answer::Many(v)) => answers.set(v),
                    Some(Answer::Number(x)) => {
                        if x.is_finite() {
                            answers.set([&format!("{x}")])
                        } else {
                            Set::default()
                        }
                    }
                })
                .collect();
            Features {
                department: text.id(&p.department),
                team: text.id(&p.team),
                manager: text.id(&p.manager),
                name: text.id(&p.name),
                email: text.id(&p.email),
                seniority: p.seniority.map(i16::from),
                tz: utc_offset_minutes(&p.time_zone),
                languages: languages.set(&p.languages),
                goals: goals.set(&p.goals),
                skills: sk,
                skill_set,
                clusters: cl,
                fields,
            }
        };
        let mentee_f: Vec<Features> = mentee_people.iter().map(|&i| features(i, false)).collect();
        let mentor_f: Vec<Features> = mentor_people.iter().map(|&i| features(i, true)).collect();
        let exact = Exact {
            languages: languages.exact(),
            goals: goals.exact(),
            skills: skills.exact(),
            clusters: clusters.exact(),
            answers: answers.exact(),
        };

        let mentee_ids: Vec<PersonId> = mentee_people
            .iter()
            .map(|&i| program.people[i].id.clone())
            .collect();
        let mentor_ids: Vec<PersonId> = mentor_people
            .iter()
            .map(|&i| program.people[i].id.clone())
            .collect();
        let mentee_index: HashMap<&PersonId, u32> = mentee_ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id, i as u32))
            .collect();
        let mentor_index: HashMap<&PersonId, u32> = mentor_ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id, i as u32))
            .collect();

        let rules = &cfg.rules;
        let mut special: Vec<Vec<(u32, u8)>> = vec![Vec::new(); mentee_ids.len()];
        for pair in &rules.forbidden_pairs {
            if let (Some(&e), Some(&r)) = (
                mentee_index.get(&pair.mentee),
                mentor_index.get(&pair.mentor),
            ) {
                special[e as usize].push((r, CODE_FORBIDDEN));
            }
        }
        let mut repeat_cycles = HashMap::new();
        {
            for m in &program.matches {
                // Earlier cycles' pairs when repeats are off; and always a pair whose
                // relationship ended early or was declined this cycle (a rematch finds
                // someone new).
                let repeat = m.cycle < program.cycle
                    && rules.no_repeat_pairs
                    && m.status != MatchStatus::Proposed;
                let ended_now = m.cycle == program.cycle
                    && matches!(m.status, MatchStatus::EndedEarly | MatchStatus::Declined);
                if !repeat && !ended_now {
                    continue;
                }
                // Roles may have flipped for `Either` people: a repeat is a repeat either way.
                for (a, b) in [(&m.mentee, &m.mentor), (&m.mentor, &m.mentee)] {
                    if let (Some(&e), Some(&r)) = (mentee_index.get(a), mentor_index.get(b)) {
                        special[e as usize].push((r, CODE_REPEAT));
                        let c = repeat_cycles.entry((e, r)).or_insert(m.cycle);
                        *c = (*c).max(m.cycle);
                    }
                }
            }
        }
        for s in &mut special {
            // Sorted by mentor, then by code so the smallest (first) rule comes first.
            s.sort_unstable();
            s.dedup_by_key(|x| x.0);
        }

        let columns = Columns::new(&mentor_f);
        let mut cohort = Cohort {
            mentee_ids,
            mentor_ids,
            mentee_people,
            mentor_people,
            mentee_f,
            mentor_f,
            columns,
            score_of: Vec::new(),
            criteria,
            total_weight,
            exact,
            exclude_team: rules.exclude_same_team,
            exclude_manager: rules.exclude_same_manager,
            exclude_department: rules.exclude_same_department,
            max_tz_minutes: rules
                .max_time_zone_hours
                .map(|h| (u16::from(h.min(24)) * 60, h)),
            min_score: rules.min_score.min(MAX_SCORE),
            special,
            repeat_cycles,
        };
        let max_raw = cohort.total_weight as usize * usize::from(FULL);
        if max_raw <= 1 << 20 {
            cohort.score_of = (0..=max_raw as u32).map(|r| cohort.to_score(r)).collect();
        }
        cohort
    }

    /// Number of mentees.
    pub fn mentee_count(&self) -> usize {
        self.mentee_ids.len()
    }

    /// Number of mentors.
    pub fn mentor_count(&self) -> usize {
        self.mentor_ids.len()
    }

    /// The index of a mentee by id.
    pub fn mentee_index(&self, id: &PersonId) -> Option<usize> {
        self.mentee_ids.binary_search(id).ok()
    }

    /// The index of a mentor by id.
    pub fn mentor_index(&self, id: &PersonId) -> Option<usize> {
        self.mentor_ids.binary_search(id).ok()
    }

    /// Decodes a byte of a [`ScoreMatrix`] or of [`Cohort::score_row`].
    pub fn decode(&self, code: u8) -> PairCode {
        let rule = match code {
            0..=MAX_SCORE => return PairCode::Score(code),
            CODE_SAME_PERSON => ExclusionRule::SamePerson,
            CODE_FORBIDDEN => ExclusionRule::Forbidden,
            CODE_REPEAT => ExclusionRule::RepeatPair,
            CODE_SAME_MANAGER => ExclusionRule::SameManager,
            CODE_SAME_TEAM => ExclusionRule::SameTeam,
            CODE_SAME_DEPARTMENT => ExclusionRule::SameDepartment,
            CODE_TZ => ExclusionRule::TimeZoneTooFar,
            CODE_MIN_SCORE => ExclusionRule::BelowMinScore,
            c if c >= CODE_MUST_BASE => {
                let k = usize::from(c - CODE_MUST_BASE);
                ExclusionRule::MustHave(self.criteria.get(k).map_or(k, |c| c.index))
            }
            _ => ExclusionRule::Forbidden,
        };
        PairCode::Excluded(rule)
    }
}
