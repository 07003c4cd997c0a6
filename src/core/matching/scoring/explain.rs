//! Why a pair scores what it does: every criterion's contribution and the rules that
//! exclude it, in words.

use std::fmt;

use crate::core::model::{CriterionKind, PersonId, Program, Role};
use crate::core::people::timezone::distance_minutes;

use super::*;

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
pub(super) fn largest_remainder(cohort: &Cohort, sims: &[Option<u16>], score: u8) -> Vec<u8> {
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
pub(super) fn detail(
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
