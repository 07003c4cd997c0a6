//! The matching set-up's live preview: how the allowed pairs' scores spread, and how many
//! pairs each hard rule excludes, before anything is matched.

use std::collections::BTreeMap;

use crate::core::matching::config::criterion_label;
use crate::core::matching::scoring::{score_cohort, Cohort, ExclusionRule, PairCode};
use crate::core::model::Program;

/// Above this many mentee x mentor pairs the preview is not computed on the page (it would
/// freeze it); the run reports instead.
pub const PREVIEW_PAIR_LIMIT: usize = 300_000;

/// What the preview shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScorePreview {
    /// Too many pairs to score on the page (the count).
    TooLarge(usize),
    /// Nobody to pair on one side.
    Empty {
        /// Mentees this run.
        mentees: usize,
        /// Mentors this run.
        mentors: usize,
    },
    /// Every pair scored.
    Ready {
        /// Allowed pairs per score decile (0-9, ..., 90-100).
        buckets: [usize; 10],
        /// Allowed pairs.
        allowed: usize,
        /// (rule, pairs it excludes, counting each pair's first rule), most first.
        excluded: Vec<(String, usize)>,
        /// Every possible pair.
        pairs: usize,
    },
}

impl ScorePreview {
    /// Scores every possible pair of the program's next run (up to
    /// [`PREVIEW_PAIR_LIMIT`]).
    pub fn of(p: &Program) -> ScorePreview {
        let cohort = Cohort::new(p);
        let (mentees, mentors) = (cohort.mentee_count(), cohort.mentor_count());
        let pairs = mentees.saturating_mul(mentors);
        if pairs == 0 {
            return ScorePreview::Empty { mentees, mentors };
        }
        if pairs > PREVIEW_PAIR_LIMIT {
            return ScorePreview::TooLarge(pairs);
        }
        let matrix = score_cohort(&cohort);
        let mut buckets = [0usize; 10];
        let mut allowed = 0;
        let mut excluded: BTreeMap<String, usize> = BTreeMap::new();
        for i in 0..mentees {
            for &code in matrix.row(i) {
                match cohort.decode(code) {
                    PairCode::Score(v) => {
                        allowed += 1;
                        buckets[usize::from(v / 10).min(9)] += 1;
                    }
                    PairCode::Excluded(rule) => {
                        *excluded.entry(rule_label(p, rule)).or_default() += 1;
                    }
                }
            }
        }
        let mut excluded: Vec<(String, usize)> = excluded.into_iter().collect();
        excluded.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ScorePreview::Ready {
            buckets,
            allowed,
            excluded,
            pairs,
        }
    }

    /// The decile a bucket counts, as its label ("50-59", "90-100").
    pub fn bucket_label(k: usize) -> String {
        if k >= 9 {
            "90-100".to_owned()
        } else {
            format!("{}-{}", k * 10, k * 10 + 9)
        }
    }
}

/// A rule's label, with the criterion's own label for a failed "must have".
fn rule_label(p: &Program, rule: ExclusionRule) -> String {
    match rule {
        ExclusionRule::MustHave(k) => p
            .matching
            .criteria
            .get(k)
            .map(|c| format!("must have: {}", criterion_label(p, &c.kind)))
            .unwrap_or_else(|| rule.label()),
        _ => rule.label(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::ProgramId;
    use crate::core::program::demo::demo_program;

    #[test]
    fn the_preview_counts_every_pair_once() {
        let p = demo_program(ProgramId::from("demo"));
        let ScorePreview::Ready {
            buckets,
            allowed,
            excluded,
            pairs,
        } = ScorePreview::of(&p)
        else {
            panic!("the demo has mentors and mentees");
        };
        assert_eq!(buckets.iter().sum::<usize>(), allowed);
        assert_eq!(
            allowed + excluded.iter().map(|(_, n)| n).sum::<usize>(),
            pairs
        );
        assert_eq!(ScorePreview::bucket_label(0), "0-9");
        assert_eq!(ScorePreview::bucket_label(9), "90-100");
    }

    #[test]
    fn an_empty_program_has_nothing_to_preview() {
        let p = Program::new(ProgramId::from("p"), "Empty");
        assert_eq!(
            ScorePreview::of(&p),
            ScorePreview::Empty {
                mentees: 0,
                mentors: 0
            }
        );
    }
}
