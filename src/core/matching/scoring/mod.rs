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
//! proposed do not count; a pair whose relationship ended early or was declined in this
//! cycle counts always, so a rematch finds someone new), same manager (one manages the other, compared with name or
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

mod cohort;
mod explain;
mod features;
mod matrix;
mod rules;
#[cfg(test)]
mod tests;

pub use cohort::*;
pub use explain::*;
pub use features::is_kept;
pub use matrix::*;
pub use rules::*;

use features::*;
