//! Scoring: a 0-100 score for every mentee-mentor pair, the hard rules that exclude pairs,
//! and a readable explanation of any pair's score.
//!
//! # Who is a mentee, who is a mentor (the `Either` policy)
//! A person with role `Mentee` is a mentee and a person with role `Mentor` a mentor. A person
//! with role `Either` takes exactly **one** role per run, decided in this order:
//! 1. a kept match of the current cycle (locked, active or on hold) names them as mentor
//!    -> mentor; as mentee -> mentee;
//! 2. otherwise capacity > 0 -> mentor, capacity 0 -> mentee.
//!
//! So nobody is ever both in one run, and nobody is ever paired with themself (the
//! [`ExclusionReason::SamePerson`] rule also guards [`explain`]). A coordinator who wants an
//! `Either` person mentored sets their capacity to 0.
//!
//! # The score
//! Each criterion with weight 1-10 gives a similarity in per mille (0-1000) for the pair;
//! the score is the weighted mean, rounded half up to a whole number 0-100:
//! `score = round(100 * sum(w * sim) / (1000 * sum(w)))`. Similarities:
//!
//! | criterion | similarity | "must have" (weight 10) is met when |
//! |---|---|---|
//! | skills | mean over the mentee's wanted skills: 1000 if the mentor offers it at the wanted level or above, `1000 * offered / wanted` below it, 250 if the mentor offers another skill of the same cluster, else 0 | similarity > 0 |
//! | goals | share of the mentee's goals the mentor lists (case-insensitive) | similarity > 0 |
//! | seniority gap | 1000 inside the preferred range (mentor minus mentee), minus 250 per level outside | gap inside the range |
//! | department | 1000 if same (or different, as configured), else 0 | similarity 1000 |
//! | time zone | `1000 - 1000 * hours apart / 12` (around the clock, DST ignored) | at most 6 hours apart |
//! | language | 1000 if they share a language (case-insensitive), else 0 | a shared language |
//! | profile field | same: 1000 if equal answers; different: 1000 if not equal; overlap: share of the mentee's choices the mentor also chose | same/different: 1000; overlap: > 0 |
//!
//! **Unknown data is neutral**: when a value a criterion needs is missing on either side
//! (no seniority, an unknown time zone, no languages, no answer, a mentee with no wanted
//! skills or goals), the criterion gives 500 (half marks) and a "must have" on it never
//! excludes the pair. Criteria with weight 0, on a profile field that does not exist or is
//! not `use_for_matching`, are ignored. With no criteria at all every pair scores 0.
//!
//! # Hard rules
//! A pair is excluded (never proposed) by: being the same person, a forbidden pair, a pair
//! matched in an earlier cycle (`no_repeat_pairs`; earlier matches that were only ever
//! proposed do not count), same manager (one manages the other, compared with name or
//! e-mail, or both have the same manager), same team, same department, time zones further
//! apart than the maximum (unknown zones are never excluded), a failed "must have"
//! criterion, or a score below the minimum score. Text is compared trimmed and
//! case-insensitively; empty values never count as "the same".
//!
//! # Explanations add up
//! [`Explanation::contributions`] split the score into whole points per criterion with the
//! largest-remainder method: each criterion gets the floor of its exact share, and the
//! points lost to rounding go to the criteria with the largest remainders (earlier criterion
//! first on ties). The contributions therefore always sum exactly to the score.
//!
//! # Compact storage
//! [`ScoreMatrix`] keeps one byte per pair: 0-100 is the score of an allowed pair, 101-255
//! names the (first) rule that excluded it (see [`PairCode`]).

use std::collections::HashMap;
use std::fmt;

use crate::core::matching::config::criterion_label;
use crate::core::model::{
    Answer, CriterionKind, MatchStatus, PersonId, Preference, Program, Role, MUST_HAVE,
};
use crate::core::people::timezone::{distance_minutes, utc_offset_minutes};

/// The largest score.
pub const MAX_SCORE: u8 = 100;

/// Similarity given when data is missing (half marks).
const NEUTRAL: u16 = 500;
/// Similarity scale.
const FULL: u16 = 1000;
/// Time-zone "must have" is met up to this distance.
const TZ_MUST_MINUTES: u16 = 6 * 60;

const CODE_SAME_PERSON: u8 = 101;
const CODE_FORBIDDEN: u8 = 102;
const CODE_REPEAT: u8 = 103;
const CODE_SAME_MANAGER: u8 = 104;
const CODE_SAME_TEAM: u8 = 105;
const CODE_SAME_DEPARTMENT: u8 = 106;
const CODE_TZ: u8 = 107;
const CODE_MIN_SCORE: u8 = 108;
const CODE_MUST_BASE: u8 = 128;

/// A rule that can exclude a pair, without the pair's details (what
/// [`crate::core::matching`] counts when it explains why someone is unmatched).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ExclusionRule {
    /// A person cannot mentor themself.
    SamePerson,
    /// The pair is on the forbidden list.
    Forbidden,
    /// The pair was matched in an earlier cycle.
    RepeatPair,
    /// Same manager, or one manages the other.
    SameManager,
    /// Same team.
    SameTeam,
    /// Same department.
    SameDepartment,
    /// Time zones too far apart.
    TimeZoneTooFar,
    /// A "must have" criterion is not met; the index is into `matching.criteria`.
    MustHave(usize),
    /// The score is below the minimum score.
    BelowMinScore,
}

impl ExclusionRule {
    /// A short human label ("same team").
    pub fn label(self) -> String {
        match self {
            ExclusionRule::SamePerson => "same person".into(),
            ExclusionRule::Forbidden => "forbidden pair".into(),
            ExclusionRule::RepeatPair => "matched in an earlier cycle".into(),
            ExclusionRule::SameManager => "same manager".into(),
            ExclusionRule::SameTeam => "same team".into(),
            ExclusionRule::SameDepartment => "same department".into(),
            ExclusionRule::TimeZoneTooFar => "time zones too far apart".into(),
            ExclusionRule::MustHave(i) => format!("must-have criterion #{} not met", i + 1),
            ExclusionRule::BelowMinScore => "below the minimum score".into(),
        }
    }
}

impl fmt::Display for ExclusionRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

/// Why a pair is excluded, with the details an explanation shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExclusionReason {
    /// A person cannot mentor themself.
    SamePerson,
    /// The pair is on the forbidden list.
    Forbidden,
    /// The pair was matched in an earlier cycle.
    RepeatPair {
        /// The cycle of the earlier match.
        cycle: u32,
    },
    /// Same manager, or one manages the other.
    SameManager,
    /// Same team.
    SameTeam,
    /// Same department.
    SameDepartment,
    /// Time zones further apart than allowed.
    TimeZoneTooFar {
        /// How far apart, in minutes.
        apart_minutes: u16,
        /// The largest allowed difference, in hours.
        max_hours: u8,
    },
    /// A "must have" criterion is not met.
    MustHave {
        /// Index into `matching.criteria`.
        criterion: usize,
        /// The criterion's label.
        label: String,
    },
    /// The score is below the minimum.
    BelowMinScore {
        /// The pair's score.
        score: u8,
        /// The minimum.
        min: u8,
    },
}

impl ExclusionReason {
    /// The rule, without details.
    pub fn rule(&self) -> ExclusionRule {
        match self {
            ExclusionReason::SamePerson => ExclusionRule::SamePerson,
            ExclusionReason::Forbidden => ExclusionRule::Forbidden,
            ExclusionReason::RepeatPair { .. } => ExclusionRule::RepeatPair,
            ExclusionReason::SameManager => ExclusionRule::SameManager,
            ExclusionReason::SameTeam => ExclusionRule::SameTeam,
            ExclusionReason::SameDepartment => ExclusionRule::SameDepartment,
            ExclusionReason::TimeZoneTooFar { .. } => ExclusionRule::TimeZoneTooFar,
            ExclusionReason::MustHave { criterion, .. } => ExclusionRule::MustHave(*criterion),
            ExclusionReason::BelowMinScore { .. } => ExclusionRule::BelowMinScore,
        }
    }
}

impl fmt::Display for ExclusionReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExclusionReason::RepeatPair { cycle } => {
                write!(f, "already matched in cycle {cycle}")
            }
            ExclusionReason::TimeZoneTooFar {
                apart_minutes,
                max_hours,
            } => write!(
                f,
                "time zones {} apart (maximum {max_hours} h)",
                hours_text(*apart_minutes)
            ),
            ExclusionReason::MustHave { label, .. } => write!(f, "must have: {label} not met"),
            ExclusionReason::BelowMinScore { score, min } => {
                write!(f, "score {score} is below the minimum of {min}")
            }
            other => f.write_str(&other.rule().label()),
        }
    }
}

fn hours_text(minutes: u16) -> String {
    if minutes.is_multiple_of(60) {
        format!("{} h", minutes / 60)
    } else {
        format!("{} h {:02}", minutes / 60, minutes % 60)
    }
}

/// One criterion's share of a pair's score.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contribution {
    /// Index into `matching.criteria`.
    pub criterion: usize,
    /// A label ("Skills", "Department (different)").
    pub label: String,
    /// The criterion's weight (1-10).
    pub weight: u8,
    /// How well the pair meets the criterion, 0-1000 per mille; `None` if data is missing
    /// (scored as 500, neutral).
    pub similarity: Option<u16>,
    /// Whole points this criterion adds to the score; all contributions sum to the score.
    pub points: u8,
    /// The most points the criterion can add: its share of 100, rounded up (rounding can
    /// give a criterion its share plus a fraction, never more than this).
    pub max_points: u8,
    /// What was compared, in words.
    pub detail: String,
}

/// A pair's score with every criterion's contribution and the rules that exclude it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// The mentee.
    pub mentee: PersonId,
    /// The mentor.
    pub mentor: PersonId,
    /// The score if the pair is allowed; `None` if a rule excludes it.
    pub score: Option<u8>,
    /// The score the criteria give, whether or not the pair is excluded.
    pub raw_score: u8,
    /// Every active criterion's contribution, in configuration order; sums to `raw_score`.
    pub contributions: Vec<Contribution>,
    /// Every rule that excludes the pair (empty if allowed).
    pub excluded_by: Vec<ExclusionReason>,
}

impl Explanation {
    /// The `n` criteria that add the most points, in words ("Skills: Rust (wants 3, mentor
    /// has 4)"), most points first (ties in configuration order), for lists and slides
    /// where the full explanation is too long. Criteria adding nothing are left out, and so
    /// is every criterion on a sensitive profile question: these reasons are printed and
    /// handed out, and must not tell anyone what two people answered there.
    pub fn top_reasons(&self, program: &Program, n: usize) -> Vec<String> {
        let sensitive =
            |c: &Contribution| match program.matching.criteria.get(c.criterion).map(|x| &x.kind) {
                Some(CriterionKind::Field { field, .. }) => program
                    .profile_fields
                    .iter()
                    .find(|f| &f.id == field)
                    .is_none_or(|f| f.sensitive),
                _ => false,
            };
        let mut best: Vec<&Contribution> = self
            .contributions
            .iter()
            .filter(|c| c.points > 0 && !sensitive(c))
            .collect();
        // Stable sort: equal points keep configuration order.
        best.sort_by_key(|c| std::cmp::Reverse(c.points));
        best.into_iter()
            .take(n)
            .map(|c| {
                if c.detail.trim().is_empty() {
                    c.label.clone()
                } else {
                    format!("{}: {}", c.label, c.detail)
                }
            })
            .collect()
    }
}

impl Contribution {
    /// The criterion's share in one sentence: "Skills (weight 8): 34 of 40 points. Rust
    /// (wants 3, mentor has 4)".
    pub fn sentence(&self) -> String {
        format!(
            "{} (weight {}): {} of {} points. {}",
            self.label, self.weight, self.points, self.max_points, self.detail
        )
    }
}

impl Explanation {
    /// The score in one sentence: "Score 57 of 100." or, when a rule excludes the pair,
    /// "Excluded by a rule (the criteria alone give 57).".
    pub fn headline(&self) -> String {
        match self.score {
            Some(s) => format!("Score {s} of 100."),
            None => format!(
                "Excluded by a rule (the criteria alone give {}).",
                self.raw_score
            ),
        }
    }

    /// Every criterion's [`Contribution::sentence`], then every rule excluding the pair
    /// ("Excluded: same team").
    pub fn lines(&self) -> Vec<String> {
        self.contributions
            .iter()
            .map(Contribution::sentence)
            .chain(self.excluded_by.iter().map(|r| format!("Excluded: {r}")))
            .collect()
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.score {
            Some(s) => writeln!(f, "{} -> {}: score {s}/100", self.mentee, self.mentor)?,
            None => writeln!(
                f,
                "{} -> {}: excluded (criteria give {}/100)",
                self.mentee, self.mentor, self.raw_score
            )?,
        }
        for c in &self.contributions {
            let sim = match c.similarity {
                Some(s) => format!("{}%", (u32::from(s) + 5) / 10),
                None => "unknown (neutral)".into(),
            };
            writeln!(
                f,
                "  {:>3} / {:>3}  {} (weight {}): {sim}; {}",
                c.points, c.max_points, c.label, c.weight, c.detail
            )?;
        }
        for r in &self.excluded_by {
            writeln!(f, "  excluded: {r}")?;
        }
        Ok(())
    }
}

/// Why [`explain`] could not explain a pair.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExplainError {
    /// No participant has this id.
    #[error("no participant with id {0}")]
    UnknownPerson(PersonId),
}

/// What one byte of a [`ScoreMatrix`] means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PairCode {
    /// An allowed pair and its score 0-100.
    Score(u8),
    /// An excluded pair and the first rule (in the order of [`ExclusionRule`]) excluding it.
    Excluded(ExclusionRule),
}

/// The interned, precomputed features of one person in one role.
#[derive(Clone, Debug, Default)]
struct Features {
    department: u32,
    team: u32,
    manager: u32,
    name: u32,
    email: u32,
    seniority: Option<i16>,
    tz: Option<i16>,
    languages: Set,
    goals: Set,
    /// (skill, cluster, level) sorted by skill: wanted skills of a mentee, offered of a mentor.
    skills: Vec<(u32, u32, u8)>,
    /// The skills of `skills` as a set.
    skill_set: Set,
    /// Clusters of `skills`.
    clusters: Set,
    /// Per profile-field slot: the answer as a set of interned values.
    fields: Vec<Set>,
}

/// A small set of interned ids: the sorted ids and a 64-bit mask with bit `(id - 1) % 64`.
/// When the ids of a kind never exceed 64 (see [`Exact`]) the mask alone is exact, which
/// makes the common case a single AND and popcount.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Set {
    mask: u64,
    items: Vec<u32>,
}

impl Set {
    fn new(mut items: Vec<u32>) -> Set {
        items.retain(|&x| x != 0);
        items.sort_unstable();
        items.dedup();
        let mask = items.iter().fold(0u64, |m, &x| m | 1u64 << ((x - 1) % 64));
        Set { mask, items }
    }

    fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    fn len(&self) -> u32 {
        self.items.len() as u32
    }

    #[inline]
    fn contains(&self, x: u32, exact: bool) -> bool {
        if x == 0 || self.mask & (1u64 << ((x - 1) % 64)) == 0 {
            return false;
        }
        exact || self.items.binary_search(&x).is_ok()
    }

    /// How many ids both sets hold.
    #[inline]
    fn common(&self, other: &Set, exact: bool) -> u32 {
        let both = self.mask & other.mask;
        if both == 0 {
            0
        } else if exact {
            both.count_ones()
        } else {
            common(&self.items, &other.items)
        }
    }
}

/// The mentors' simple features as columns, for the row scorer's tight loops.
#[derive(Clone, Debug, Default)]
struct Columns {
    team: Vec<u32>,
    department: Vec<u32>,
    manager: Vec<u32>,
    name: Vec<u32>,
    email: Vec<u32>,
    /// Index into `tz_values`; 0 = unknown.
    tz: Vec<u16>,
    /// Distinct known offsets (index 0 unused).
    tz_values: Vec<i16>,
    /// Seniority 0-255, or 256 if unknown.
    seniority: Vec<u16>,
    languages: Vec<u64>,
    goals: Vec<u64>,
    skills: Vec<u64>,
    clusters: Vec<u64>,
}

impl Columns {
    fn new(mentors: &[Features]) -> Columns {
        let mut c = Columns {
            tz_values: vec![0],
            ..Columns::default()
        };
        for f in mentors {
            c.team.push(f.team);
            c.department.push(f.department);
            c.manager.push(f.manager);
            c.name.push(f.name);
            c.email.push(f.email);
            let tz = match f.tz {
                None => 0,
                // Index 0 is "unknown", never a real offset (UTC is offset 0).
                Some(v) => match c.tz_values.iter().skip(1).position(|&x| x == v) {
                    Some(k) => k + 1,
                    None => {
                        c.tz_values.push(v);
                        c.tz_values.len() - 1
                    }
                },
            };
            c.tz.push(tz as u16);
            c.seniority
                .push(f.seniority.map_or(256, |s| s.clamp(0, 255) as u16));
            c.languages.push(f.languages.mask);
            c.goals.push(f.goals.mask);
            c.skills.push(f.skill_set.mask);
            c.clusters.push(f.clusters.mask);
        }
        c
    }
}

/// Which id kinds have at most 64 distinct values (their [`Set`] masks are exact).
#[derive(Clone, Copy, Debug, Default)]
struct Exact {
    languages: bool,
    goals: bool,
    skills: bool,
    clusters: bool,
    answers: bool,
}

#[derive(Clone, Debug)]
enum Kind {
    Skills,
    Goals,
    Seniority { min: i16, max: i16 },
    Department(Preference),
    TimeZone,
    Language,
    Field { slot: usize, prefer: Preference },
}

#[derive(Clone, Debug)]
struct Compiled {
    kind: Kind,
    weight: u32,
    must: bool,
    /// Index into `matching.criteria`.
    index: usize,
    label: String,
}

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
    mentee_f: Vec<Features>,
    mentor_f: Vec<Features>,
    columns: Columns,
    /// `score = SCORE_OF[raw]` when the raw range is small enough for a table.
    score_of: Vec<u8>,
    criteria: Vec<Compiled>,
    total_weight: u32,
    exact: Exact,
    exclude_team: bool,
    exclude_manager: bool,
    exclude_department: bool,
    max_tz_minutes: Option<(u16, u8)>,
    min_score: u8,
    /// Per mentee: (mentor, code) for forbidden and repeated pairs, sorted by mentor.
    special: Vec<Vec<(u32, u8)>>,
    /// Per mentee: the earlier cycle of each repeated pair (for explanations).
    repeat_cycles: HashMap<(u32, u32), u32>,
}

/// A small interner: trimmed, lower-cased text to a number; 0 is "empty".
#[derive(Default)]
struct Interner {
    map: HashMap<String, u32>,
}

impl Interner {
    fn id(&mut self, text: &str) -> u32 {
        let t = text.trim();
        if t.is_empty() {
            return 0;
        }
        let key = t.to_lowercase();
        let next = self.map.len() as u32 + 1;
        *self.map.entry(key).or_insert(next)
    }

    fn set<'a>(&mut self, texts: impl IntoIterator<Item = &'a String>) -> Set {
        Set::new(texts.into_iter().map(|t| self.id(t)).collect())
    }

    /// Whether every id fits a 64-bit mask exactly.
    fn exact(&self) -> bool {
        self.map.len() <= 64
    }
}

/// Which role each person takes in this run; see the module docs for the `Either` policy.
/// Returns `(is_mentee, is_mentor)` per person.
fn roles(program: &Program) -> Vec<(bool, bool)> {
    let mut kept_mentor = std::collections::HashSet::new();
    let mut kept_mentee = std::collections::HashSet::new();
    for m in program.current_matches() {
        if is_kept(m.locked, m.status) {
            kept_mentor.insert(&m.mentor);
            kept_mentee.insert(&m.mentee);
        }
    }
    program
        .people
        .iter()
        .map(|p| match p.role {
            Role::Mentee => (true, false),
            Role::Mentor => (false, true),
            Role::Either => {
                if kept_mentor.contains(&p.id) {
                    (false, true)
                } else if kept_mentee.contains(&p.id) {
                    (true, false)
                } else if p.capacity > 0 {
                    (false, true)
                } else {
                    (true, false)
                }
            }
        })
        .collect()
}

/// Whether a current-cycle match is kept by a re-run (and uses capacity): locked matches and
/// published ones (active, on hold). Unlocked proposals are what a run replaces.
pub fn is_kept(locked: bool, status: MatchStatus) -> bool {
    status.uses_capacity() && (locked || status != MatchStatus::Proposed)
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
        if rules.no_repeat_pairs {
            for m in &program.matches {
                if m.cycle >= program.cycle || m.status == MatchStatus::Proposed {
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

    /// The code (score 0-100, or 101-255 for the first excluding rule) of every pair of one
    /// mentee, into `out` (one byte per mentor).
    ///
    /// # Panics
    /// Never on data; `mentee` must be below [`Cohort::mentee_count`] and `out` exactly
    /// [`Cohort::mentor_count`] long (caller bugs, checked by debug assertions).
    pub fn score_row(&self, mentee: usize, out: &mut [u8]) {
        let mut raw = Vec::new();
        self.score_row_with(mentee, out, &mut raw);
    }

    /// [`Cohort::score_row`] with a reusable scratch buffer.
    ///
    /// Works criterion by criterion over all mentors (tight loops over columns, tables for
    /// seniority and time zones), giving exactly the codes of [`Cohort::pair_code`].
    #[allow(clippy::needless_range_loop)] // parallel columns read best by index
    pub(crate) fn score_row_with(&self, mentee: usize, out: &mut [u8], raw: &mut Vec<u32>) {
        let m = self.mentor_f.len();
        debug_assert_eq!(out.len(), m);
        let e = &self.mentee_f[mentee];
        let col = &self.columns;
        raw.clear();
        raw.resize(m, 0);
        // 0 = not excluded (yet); the final pass turns it into the score.
        out.fill(0);
        for &(j, code) in &self.special[mentee] {
            if let Some(slot) = out.get_mut(j as usize) {
                *slot = code;
            }
        }
        if self.exclude_manager {
            for j in 0..m {
                let same = (e.manager != 0
                    && (e.manager == col.manager[j]
                        || e.manager == col.name[j]
                        || e.manager == col.email[j]))
                    || (col.manager[j] != 0
                        && (col.manager[j] == e.name || col.manager[j] == e.email));
                if same && out[j] == 0 {
                    out[j] = CODE_SAME_MANAGER;
                }
            }
        }
        if self.exclude_team && e.team != 0 {
            for (o, &t) in out.iter_mut().zip(&col.team) {
                if t == e.team && *o == 0 {
                    *o = CODE_SAME_TEAM;
                }
            }
        }
        if self.exclude_department && e.department != 0 {
            for (o, &d) in out.iter_mut().zip(&col.department) {
                if d == e.department && *o == 0 {
                    *o = CODE_SAME_DEPARTMENT;
                }
            }
        }
        if let (Some((max, _)), Some(a)) = (self.max_tz_minutes, e.tz) {
            let far: Vec<bool> = col
                .tz_values
                .iter()
                .enumerate()
                .map(|(k, &b)| k != 0 && distance_minutes(a, b) > max)
                .collect();
            for (o, &t) in out.iter_mut().zip(&col.tz) {
                if far[usize::from(t)] && *o == 0 {
                    *o = CODE_TZ;
                }
            }
        }
        for (k, c) in self.criteria.iter().enumerate() {
            let w = c.weight;
            let fail = CODE_MUST_BASE.saturating_add(k.min(127) as u8);
            match &c.kind {
                Kind::Seniority { min, max } => {
                    // Table by mentor seniority (256 = unknown).
                    let mut table = [(w * u32::from(NEUTRAL), false); 257];
                    if let Some(a) = e.seniority {
                        for (v, t) in table.iter_mut().enumerate().take(256) {
                            let sim = seniority_sim(*min, *max, a, v as i16);
                            *t = (w * u32::from(sim), c.must && !met(&c.kind, sim));
                        }
                    }
                    for j in 0..m {
                        let (add, failed) = table[usize::from(col.seniority[j])];
                        raw[j] += add;
                        if failed && out[j] == 0 {
                            out[j] = fail;
                        }
                    }
                }
                Kind::TimeZone => {
                    let table: Vec<(u32, bool)> = col
                        .tz_values
                        .iter()
                        .enumerate()
                        .map(|(t, &b)| match (t, e.tz) {
                            (0, _) | (_, None) => (w * u32::from(NEUTRAL), false),
                            (_, Some(a)) => {
                                let sim = tz_sim(a, b);
                                (w * u32::from(sim), c.must && !met(&c.kind, sim))
                            }
                        })
                        .collect();
                    for j in 0..m {
                        let (add, failed) = table[usize::from(col.tz[j])];
                        raw[j] += add;
                        if failed && out[j] == 0 {
                            out[j] = fail;
                        }
                    }
                }
                Kind::Department(prefer) => {
                    let want_same = *prefer != Preference::Different;
                    for j in 0..m {
                        let d = col.department[j];
                        let sim = if e.department == 0 || d == 0 {
                            raw[j] += w * u32::from(NEUTRAL);
                            continue;
                        } else if (d == e.department) == want_same {
                            FULL
                        } else {
                            0
                        };
                        raw[j] += w * u32::from(sim);
                        if c.must && sim != FULL && out[j] == 0 {
                            out[j] = fail;
                        }
                    }
                }
                Kind::Language if self.exact.languages => {
                    let a = e.languages.mask;
                    for j in 0..m {
                        let b = col.languages[j];
                        if a == 0 || b == 0 {
                            raw[j] += w * u32::from(NEUTRAL);
                        } else if a & b != 0 {
                            raw[j] += w * u32::from(FULL);
                        } else if c.must && out[j] == 0 {
                            out[j] = fail;
                        }
                    }
                }
                Kind::Skills => {
                    if e.skills.is_empty() {
                        for x in raw.iter_mut() {
                            *x += w * u32::from(NEUTRAL);
                        }
                        continue;
                    }
                    let (sm, cm) = (e.skill_set.mask, e.clusters.mask);
                    for j in 0..m {
                        let sim = if sm & col.skills[j] == 0 && cm & col.clusters[j] == 0 {
                            0
                        } else {
                            skills_sim(e, &self.mentor_f[j], self.exact)
                        };
                        raw[j] += w * u32::from(sim);
                        if c.must && sim == 0 && out[j] == 0 {
                            out[j] = fail;
                        }
                    }
                }
                Kind::Goals if self.exact.goals => {
                    let a = e.goals.mask;
                    let len = e.goals.len().max(1);
                    for j in 0..m {
                        let b = col.goals[j];
                        if a == 0 || b == 0 {
                            raw[j] += w * u32::from(NEUTRAL);
                            continue;
                        }
                        let shared = (a & b).count_ones();
                        raw[j] += w * (1000 * shared / len);
                        if c.must && shared == 0 && out[j] == 0 {
                            out[j] = fail;
                        }
                    }
                }
                kind => {
                    for j in 0..m {
                        let sim = similarity(kind, e, &self.mentor_f[j], self.exact);
                        raw[j] += w * u32::from(sim.unwrap_or(NEUTRAL));
                        if c.must && out[j] == 0 {
                            if let Some(s) = sim {
                                if !met(kind, s) {
                                    out[j] = fail;
                                }
                            }
                        }
                    }
                }
            }
        }
        let min = self.min_score;
        if self.score_of.is_empty() {
            for (o, &r) in out.iter_mut().zip(raw.iter()) {
                if *o == 0 {
                    let s = self.to_score(r);
                    *o = if s < min { CODE_MIN_SCORE } else { s };
                }
            }
        } else {
            for (o, &r) in out.iter_mut().zip(raw.iter()) {
                if *o == 0 {
                    let s = self.score_of.get(r as usize).copied().unwrap_or(0);
                    *o = if s < min { CODE_MIN_SCORE } else { s };
                }
            }
        }
    }

    /// The code of one pair (see [`Cohort::score_row`]).
    pub fn pair_code(&self, mentee: usize, mentor: usize) -> u8 {
        let special = &self.special[mentee];
        if let Ok(k) = special.binary_search_by_key(&(mentor as u32), |s| s.0) {
            return special[k].1;
        }
        self.code_of(&self.mentee_f[mentee], &self.mentor_f[mentor])
    }

    /// The score the criteria give a pair, ignoring every hard rule (used for kept matches).
    pub fn raw_score(&self, mentee: usize, mentor: usize) -> u8 {
        let (e, r) = (&self.mentee_f[mentee], &self.mentor_f[mentor]);
        let mut raw = 0u32;
        for c in &self.criteria {
            raw += c.weight * u32::from(similarity(&c.kind, e, r, self.exact).unwrap_or(NEUTRAL));
        }
        self.to_score(raw)
    }

    #[inline]
    fn to_score(&self, raw: u32) -> u8 {
        if self.total_weight == 0 {
            return 0;
        }
        let d = self.total_weight * u32::from(FULL);
        ((raw * 100 + d / 2) / d) as u8
    }

    #[inline]
    fn code_of(&self, e: &Features, r: &Features) -> u8 {
        if self.exclude_manager && same_manager(e, r) {
            return CODE_SAME_MANAGER;
        }
        if self.exclude_team && e.team != 0 && e.team == r.team {
            return CODE_SAME_TEAM;
        }
        if self.exclude_department && e.department != 0 && e.department == r.department {
            return CODE_SAME_DEPARTMENT;
        }
        if let (Some((max, _)), Some(a), Some(b)) = (self.max_tz_minutes, e.tz, r.tz) {
            if distance_minutes(a, b) > max {
                return CODE_TZ;
            }
        }
        let mut raw = 0u32;
        let mut must_failed = None;
        for (k, c) in self.criteria.iter().enumerate() {
            let sim = similarity(&c.kind, e, r, self.exact);
            if c.must && must_failed.is_none() {
                if let Some(s) = sim {
                    if !met(&c.kind, s) {
                        must_failed = Some(k);
                    }
                }
            }
            raw += c.weight * u32::from(sim.unwrap_or(NEUTRAL));
        }
        if let Some(k) = must_failed {
            return CODE_MUST_BASE.saturating_add(k.min(127) as u8);
        }
        let score = self.to_score(raw);
        if score < self.min_score {
            return CODE_MIN_SCORE;
        }
        score
    }
}

#[inline]
fn same_manager(e: &Features, r: &Features) -> bool {
    (e.manager != 0 && (e.manager == r.manager || e.manager == r.name || e.manager == r.email))
        || (r.manager != 0 && (r.manager == e.name || r.manager == e.email))
}

/// Whether a known similarity meets a "must have" criterion (see the module table).
fn met(kind: &Kind, sim: u16) -> bool {
    match kind {
        Kind::Skills | Kind::Goals => sim > 0,
        Kind::TimeZone => sim >= FULL - (u32::from(TZ_MUST_MINUTES) * 1000 / 720) as u16,
        Kind::Field {
            prefer: Preference::Overlap,
            ..
        } => sim > 0,
        _ => sim == FULL,
    }
}

/// Count of values in both sorted lists.
#[inline]
fn common(a: &[u32], b: &[u32]) -> u32 {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Seniority similarity: full inside the preferred gap range, minus 250 per level outside.
#[inline]
fn seniority_sim(min: i16, max: i16, mentee: i16, mentor: i16) -> u16 {
    let gap = mentor - mentee;
    let outside = if gap < min {
        min - gap
    } else if gap > max {
        gap - max
    } else {
        0
    };
    (1000 - 250 * i32::from(outside.min(4))) as u16
}

/// Time-zone similarity: full at 0 hours apart, 0 at 12 hours.
#[inline]
fn tz_sim(a: i16, b: i16) -> u16 {
    FULL - (u32::from(distance_minutes(a, b)) * 1000 / 720) as u16
}

/// Skills similarity of a mentee who wants at least one skill (see the module table).
#[inline]
fn skills_sim(e: &Features, r: &Features, exact: Exact) -> u16 {
    let mut sum = 0u32;
    for &(skill, cluster, want) in &e.skills {
        let offered = if r.skill_set.contains(skill, exact.skills) {
            r.skills.iter().find(|s| s.0 == skill).map(|s| s.2)
        } else {
            None
        };
        sum += match offered {
            Some(have) if have >= want => 1000,
            Some(have) => 1000 * u32::from(have) / u32::from(want),
            None if r.clusters.contains(cluster, exact.clusters) => 250,
            None => 0,
        };
    }
    (sum / e.skills.len().max(1) as u32) as u16
}

/// A criterion's similarity for a pair, 0-1000; `None` if data is missing.
#[inline]
fn similarity(kind: &Kind, e: &Features, r: &Features, exact: Exact) -> Option<u16> {
    match kind {
        Kind::Skills => {
            if e.skills.is_empty() {
                return None;
            }
            // Nothing offered in the wanted skills or their clusters: 0 without a loop.
            if e.skill_set.mask & r.skill_set.mask == 0 && e.clusters.mask & r.clusters.mask == 0 {
                return Some(0);
            }
            Some(skills_sim(e, r, exact))
        }
        Kind::Goals => {
            if e.goals.is_empty() || r.goals.is_empty() {
                return None;
            }
            Some((1000 * e.goals.common(&r.goals, exact.goals) / e.goals.len()) as u16)
        }
        Kind::Seniority { min, max } => Some(seniority_sim(*min, *max, e.seniority?, r.seniority?)),
        Kind::Department(prefer) => {
            if e.department == 0 || r.department == 0 {
                return None;
            }
            let same = e.department == r.department;
            Some(if same == (*prefer != Preference::Different) {
                FULL
            } else {
                0
            })
        }
        Kind::TimeZone => Some(tz_sim(e.tz?, r.tz?)),
        Kind::Language => {
            if e.languages.is_empty() || r.languages.is_empty() {
                return None;
            }
            Some(if e.languages.common(&r.languages, exact.languages) > 0 {
                FULL
            } else {
                0
            })
        }
        Kind::Field { slot, prefer } => {
            let (a, b) = (&e.fields[*slot], &r.fields[*slot]);
            if a.is_empty() || b.is_empty() {
                return None;
            }
            Some(match prefer {
                Preference::Same => {
                    if a.items == b.items {
                        FULL
                    } else {
                        0
                    }
                }
                Preference::Different => {
                    if a.items != b.items {
                        FULL
                    } else {
                        0
                    }
                }
                Preference::Overlap => (1000 * a.common(b, exact.answers) / a.len()) as u16,
            })
        }
    }
}

/// Every pair's code, one byte per pair, mentee-major.
#[derive(Clone, Debug)]
pub struct ScoreMatrix {
    mentees: usize,
    mentors: usize,
    codes: Vec<u8>,
}

impl ScoreMatrix {
    /// An all-zero matrix to be filled with [`ScoreMatrix::fill_rows`].
    pub(crate) fn zeroed(mentees: usize, mentors: usize) -> ScoreMatrix {
        ScoreMatrix {
            mentees,
            mentors,
            codes: vec![0; mentees * mentors],
        }
    }

    /// Scores the given rows (on every core natively).
    pub(crate) fn fill_rows(&mut self, cohort: &Cohort, rows: std::ops::Range<usize>) {
        let m = self.mentors;
        let start = rows.start.min(self.mentees);
        let end = rows.end.min(self.mentees);
        if m == 0 || start >= end {
            return;
        }
        let slice = &mut self.codes[start * m..end * m];
        for_rows_parallel(slice, m, |k, row| cohort.score_row(start + k, row));
    }

    /// Number of rows (mentees).
    pub fn mentees(&self) -> usize {
        self.mentees
    }

    /// Number of columns (mentors).
    pub fn mentors(&self) -> usize {
        self.mentors
    }

    /// The raw code of a pair: 0-100 a score, 101-255 an exclusion ([`Cohort::decode`]).
    /// `None` if out of range.
    pub fn code(&self, mentee: usize, mentor: usize) -> Option<u8> {
        if mentee >= self.mentees || mentor >= self.mentors {
            return None;
        }
        self.codes.get(mentee * self.mentors + mentor).copied()
    }

    /// The score of an allowed pair; `None` if excluded or out of range.
    pub fn score(&self, mentee: usize, mentor: usize) -> Option<u8> {
        self.code(mentee, mentor).filter(|&c| c <= MAX_SCORE)
    }

    /// One mentee's codes.
    pub fn row(&self, mentee: usize) -> &[u8] {
        let start = (mentee * self.mentors).min(self.codes.len());
        let end = (start + self.mentors).min(self.codes.len());
        &self.codes[start..end]
    }
}

/// Scores every pair of a cohort, using every core natively (rows split across threads).
/// Memory: one byte per pair.
pub fn score_cohort(cohort: &Cohort) -> ScoreMatrix {
    let mut matrix = ScoreMatrix::zeroed(cohort.mentee_count(), cohort.mentor_count());
    matrix.fill_rows(cohort, 0..cohort.mentee_count());
    matrix
}

/// Splits the program into a [`Cohort`] and scores every pair.
///
/// Memory: one byte per pair (5,000 x 2,750 is 13.75 MB; 20,000 x 11,000 would be 220 MB,
/// so for very large cohorts use [`Cohort::score_row`] row by row, as
/// [`crate::core::matching`] does above `Options::dense_limit`).
pub fn score_all(program: &Program) -> (Cohort, ScoreMatrix) {
    let cohort = Cohort::new(program);
    let matrix = score_cohort(&cohort);
    (cohort, matrix)
}

/// Runs `f(row_index, row)` over `data` split into rows of `width`, on every core natively
/// (one thread on wasm32).
pub(crate) fn for_rows_parallel<F>(data: &mut [u8], width: usize, f: F)
where
    F: Fn(usize, &mut [u8]) + Sync,
{
    let rows = data.len() / width.max(1);
    let threads = threads_for(rows);
    #[cfg(not(target_arch = "wasm32"))]
    if threads > 1 {
        let per = rows.div_ceil(threads);
        std::thread::scope(|s| {
            for (t, chunk) in data.chunks_mut(per * width).enumerate() {
                let f = &f;
                s.spawn(move || {
                    for (k, row) in chunk.chunks_mut(width).enumerate() {
                        f(t * per + k, row);
                    }
                });
            }
        });
        return;
    }
    let _ = threads;
    for (i, row) in data.chunks_mut(width.max(1)).enumerate() {
        f(i, row);
    }
}

/// How many threads to use for `rows` rows of work.
pub(crate) fn threads_for(rows: usize) -> usize {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = rows;
        1
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        if rows < 64 {
            return 1;
        }
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .min(rows / 32)
            .clamp(1, 16)
    }
}

/// Explains the score of one pair: every criterion's contribution and every rule excluding
/// it. Works for any two participants (roles are not checked, so a coordinator can ask why
/// an `Either` person was not proposed the other way round).
///
/// # Errors
/// [`ExplainError::UnknownPerson`] if either id is not a participant.
pub fn explain(
    program: &Program,
    mentee: &PersonId,
    mentor: &PersonId,
) -> Result<Explanation, ExplainError> {
    let mi = program
        .people
        .iter()
        .position(|p| &p.id == mentee)
        .ok_or_else(|| ExplainError::UnknownPerson(mentee.clone()))?;
    let ri = program
        .people
        .iter()
        .position(|p| &p.id == mentor)
        .ok_or_else(|| ExplainError::UnknownPerson(mentor.clone()))?;
    // A two-person program in the asked roles, with the real rules and criteria, so the
    // explanation uses exactly the code that scores.
    let mut mini = Program::new(program.id.clone(), "");
    mini.skills = program.skills.clone();
    mini.profile_fields = program.profile_fields.clone();
    mini.matching = program.matching.clone();
    mini.cycle = program.cycle;
    mini.matches = program
        .matches
        .iter()
        .filter(|m| m.cycle < program.cycle)
        .filter(|m| {
            (&m.mentee == mentee && &m.mentor == mentor)
                || (&m.mentee == mentor && &m.mentor == mentee)
        })
        .cloned()
        .collect();
    let mut e = program.people[mi].clone();
    e.role = Role::Mentee;
    let mut r = program.people[ri].clone();
    r.role = Role::Mentor;
    let same_person = mi == ri;
    if same_person {
        // Keep both sides apart in the mini program; the rule is reported below.
        r.id = PersonId(format!("{}\u{0}mentor", r.id));
    }
    mini.people = vec![e, r];
    let cohort = Cohort::new(&mini);
    let (fe, fr) = (&cohort.mentee_f[0], &cohort.mentor_f[0]);

    let mut excluded_by = Vec::new();
    if same_person {
        excluded_by.push(ExclusionReason::SamePerson);
    }
    if program
        .matching
        .rules
        .forbidden_pairs
        .iter()
        .any(|p| &p.mentee == mentee && &p.mentor == mentor)
    {
        excluded_by.push(ExclusionReason::Forbidden);
    }
    if let Some(&cycle) = cohort.repeat_cycles.get(&(0, 0)) {
        excluded_by.push(ExclusionReason::RepeatPair { cycle });
    }
    if cohort.exclude_manager && same_manager(fe, fr) {
        excluded_by.push(ExclusionReason::SameManager);
    }
    if cohort.exclude_team && fe.team != 0 && fe.team == fr.team {
        excluded_by.push(ExclusionReason::SameTeam);
    }
    if cohort.exclude_department && fe.department != 0 && fe.department == fr.department {
        excluded_by.push(ExclusionReason::SameDepartment);
    }
    if let (Some((max, hours)), Some(a), Some(b)) = (cohort.max_tz_minutes, fe.tz, fr.tz) {
        let d = distance_minutes(a, b);
        if d > max {
            excluded_by.push(ExclusionReason::TimeZoneTooFar {
                apart_minutes: d,
                max_hours: hours,
            });
        }
    }

    let sims: Vec<Option<u16>> = cohort
        .criteria
        .iter()
        .map(|c| similarity(&c.kind, fe, fr, cohort.exact))
        .collect();
    for (c, sim) in cohort.criteria.iter().zip(&sims) {
        if let Some(s) = sim {
            if c.must && !met(&c.kind, *s) {
                excluded_by.push(ExclusionReason::MustHave {
                    criterion: c.index,
                    label: c.label.clone(),
                });
            }
        }
    }
    let raw: u32 = cohort
        .criteria
        .iter()
        .zip(&sims)
        .map(|(c, s)| c.weight * u32::from(s.unwrap_or(NEUTRAL)))
        .sum();
    let raw_score = cohort.to_score(raw);
    if raw_score < cohort.min_score {
        excluded_by.push(ExclusionReason::BelowMinScore {
            score: raw_score,
            min: cohort.min_score,
        });
    }

    let points = largest_remainder(&cohort, &sims, raw_score);
    let d = u64::from(cohort.total_weight.max(1));
    let contributions = cohort
        .criteria
        .iter()
        .zip(&sims)
        .zip(points)
        .map(|((c, sim), points)| Contribution {
            criterion: c.index,
            label: c.label.clone(),
            weight: c.weight as u8,
            similarity: *sim,
            points,
            max_points: (u64::from(c.weight) * 100).div_ceil(d) as u8,
            detail: detail(program, &c.kind, fe, fr, mi, ri),
        })
        .collect();
    Ok(Explanation {
        mentee: mentee.clone(),
        mentor: mentor.clone(),
        score: excluded_by.is_empty().then_some(raw_score),
        raw_score,
        contributions,
        excluded_by,
    })
}

/// Splits `score` into whole points per criterion (largest remainder, earlier first on ties).
fn largest_remainder(cohort: &Cohort, sims: &[Option<u16>], score: u8) -> Vec<u8> {
    let d = u64::from(cohort.total_weight) * u64::from(FULL);
    if d == 0 {
        return vec![0; sims.len()];
    }
    let nums: Vec<u64> = cohort
        .criteria
        .iter()
        .zip(sims)
        .map(|(c, s)| 100 * u64::from(c.weight) * u64::from(s.unwrap_or(NEUTRAL)))
        .collect();
    let mut points: Vec<u8> = nums.iter().map(|n| (n / d) as u8).collect();
    let given: u32 = points.iter().map(|&p| u32::from(p)).sum();
    let mut extra = u32::from(score).saturating_sub(given);
    let mut order: Vec<usize> = (0..nums.len()).collect();
    order.sort_by(|&a, &b| (nums[b] % d).cmp(&(nums[a] % d)).then(a.cmp(&b)));
    for k in order {
        if extra == 0 {
            break;
        }
        points[k] += 1;
        extra -= 1;
    }
    points
}

/// What a criterion compared, in words.
fn detail(
    program: &Program,
    kind: &Kind,
    fe: &Features,
    fr: &Features,
    mi: usize,
    ri: usize,
) -> String {
    let (e, r) = (&program.people[mi], &program.people[ri]);
    let skill_name = |id: &crate::core::model::SkillId| {
        program
            .skills
            .iter()
            .find(|s| &s.id == id)
            .map_or_else(|| id.to_string(), |s| s.name.clone())
    };
    match kind {
        Kind::Skills => {
            if e.skills_wanted.is_empty() {
                return "mentee wants no listed skills".into();
            }
            let wanted: Vec<String> = e
                .skills_wanted
                .iter()
                .map(|w| {
                    let offered = r.skills_offered.iter().find(|o| o.skill == w.skill);
                    match offered {
                        Some(o) => format!(
                            "{} (wants {}, mentor has {})",
                            skill_name(&w.skill),
                            w.level,
                            o.level
                        ),
                        None => format!("{} (not offered)", skill_name(&w.skill)),
                    }
                })
                .collect();
            wanted.join(", ")
        }
        Kind::Goals => format!(
            "{} of the mentee's {} goals shared",
            common(&fe.goals.items, &fr.goals.items),
            fe.goals.len()
        ),
        Kind::Seniority { min, max } => match (e.seniority, r.seniority) {
            (Some(a), Some(b)) => format!(
                "mentor {b}, mentee {a}: gap {} (preferred {min} to {max})",
                i16::from(b) - i16::from(a)
            ),
            _ => "seniority unknown".into(),
        },
        Kind::Department(_) => match (fe.department, fr.department) {
            (0, _) | (_, 0) => "department unknown".into(),
            (a, b) if a == b => format!("both in {}", e.department.trim()),
            _ => format!("{} vs {}", e.department.trim(), r.department.trim()),
        },
        Kind::TimeZone => match (fe.tz, fr.tz) {
            (Some(a), Some(b)) => format!(
                "{} vs {}: {} apart",
                e.time_zone.trim(),
                r.time_zone.trim(),
                hours_text(distance_minutes(a, b))
            ),
            _ => "time zone unknown (neutral)".into(),
        },
        Kind::Language => {
            if fe.languages.is_empty() || fr.languages.is_empty() {
                "languages unknown".into()
            } else if common(&fe.languages.items, &fr.languages.items) > 0 {
                "a shared language".into()
            } else {
                "no shared language".into()
            }
        }
        Kind::Field { slot, .. } => {
            let (a, b) = (&fe.fields[*slot], &fr.fields[*slot]);
            if a.is_empty() || b.is_empty() {
                "no answer".into()
            } else {
                format!(
                    "{} of {} answers in common",
                    common(&a.items, &b.items),
                    a.len()
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Criterion, Person, ProgramId, Skill, SkillId, SkillLevel};

    fn person(id: &str, role: Role) -> Person {
        Person::new(PersonId::from(id), id, role)
    }

    #[test]
    fn contributions_sum_to_the_score_for_every_pair() {
        let mut p = Program::new(ProgramId::from("x"), "x");
        p.skills.push(Skill {
            id: SkillId::from("s1"),
            name: "Rust".into(),
            cluster: "Eng".into(),
        });
        let mut e = person("a", Role::Mentee);
        e.skills_wanted.push(SkillLevel {
            skill: SkillId::from("s1"),
            level: 3,
        });
        e.time_zone = "UTC+1".into();
        e.seniority = Some(2);
        let mut r = person("b", Role::Mentor);
        r.skills_offered.push(SkillLevel {
            skill: SkillId::from("s1"),
            level: 2,
        });
        r.time_zone = "Asia/Kolkata".into();
        r.seniority = Some(3);
        p.people = vec![e, r];
        p.matching.criteria.push(Criterion {
            kind: CriterionKind::Goals,
            weight: 7,
        });
        let x = explain(&p, &PersonId::from("a"), &PersonId::from("b")).unwrap();
        let sum: u32 = x.contributions.iter().map(|c| u32::from(c.points)).sum();
        assert_eq!(sum, u32::from(x.raw_score));
        assert_eq!(x.score, Some(x.raw_score));
        let (c, m) = score_all(&p);
        assert_eq!(m.score(0, 0), Some(x.raw_score));
        assert_eq!(c.raw_score(0, 0), x.raw_score);
    }
}
