//! A seeded program with many running relationships and their records, for the
//! benchmark of health and the Relationships page at scale. The same seed always gives the
//! same program.

use crate::core::date::Date;
use crate::core::matching::synthetic::{self, Rng};
use crate::core::model::{CheckInId, IdKind, Match, MatchStatus, MeetingId, Program, Role};
use crate::core::relationships::model::{
    Actor, CheckIn, Event, Fit, Meeting, MeetingMode, OnTrack,
};

/// A synthetic program with `relationships` active relationships (each mentee paired with
/// a mentor in turn), started over the 200 days before `as_of`, each with `check_ins`
/// check-ins and about half as many meetings spread since its start.
pub fn program(relationships: usize, check_ins: usize, as_of: Date, seed: u64) -> Program {
    let mentees_wanted = relationships;
    let mut p = synthetic::program(mentees_wanted, mentees_wanted * 55 / 100 + 1, seed);
    p.matches.clear();
    let mut rng = Rng::new(seed ^ 0x5EED);
    let mentees: Vec<_> = p
        .people
        .iter()
        .filter(|x| x.role == Role::Mentee)
        .map(|x| x.id.clone())
        .collect();
    let mentors: Vec<_> = p
        .people
        .iter()
        .filter(|x| x.role == Role::Mentor)
        .map(|x| x.id.clone())
        .collect();
    if mentors.is_empty() {
        return p;
    }
    for (k, mentee) in mentees.iter().take(relationships).enumerate() {
        let mentor = mentors[k % mentors.len()].clone();
        let id = p.new_match_id();
        let start = as_of.add_days(-(10 + rng.below(190) as i64));
        let age = start.days_until(as_of).max(1) as usize;
        let mut m = Match::proposed(id, mentor, mentee.clone(), Some(50), p.cycle);
        m.status = MatchStatus::Active;
        m.started_on = Some(start);
        m.events.push(Event::published(start));
        for _ in 0..check_ins {
            m.check_ins.push(CheckIn {
                id: CheckInId(p.next_id(IdKind::CheckIn)),
                date: start.add_days(rng.below(age) as i64),
                from: if rng.chance(50) {
                    Actor::Mentor
                } else {
                    Actor::Mentee
                },
                rating: Some(1 + rng.below(5) as u8),
                on_track: Some(OnTrack::ALL[rng.below(3)]),
                fit: rng.chance(20).then(|| Fit::ALL[rng.below(3)]),
                comment: String::new(),
                submitted: None,
            });
        }
        m.check_ins.sort_by_key(|c| c.date);
        for _ in 0..check_ins / 2 {
            m.meetings.push(Meeting {
                id: MeetingId(p.next_id(IdKind::Meeting)),
                date: start.add_days(rng.below(age) as i64),
                minutes: Some(30 + 15 * rng.below(6) as u16),
                mode: Some(MeetingMode::ALL[rng.below(4)]),
                logged_by: Actor::Mentee,
                note: String::new(),
            });
        }
        m.meetings.sort_by_key(|x| x.date);
        p.matches.push(m);
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::program::validate::validate;

    #[test]
    fn a_synthetic_program_is_valid_and_the_same_every_time() {
        let day = Date::from_ymd(2027, 6, 1).unwrap();
        let a = program(50, 4, day, 7);
        assert_eq!(a.matches.len(), 50);
        assert!(a
            .matches
            .iter()
            .all(|m| m.check_ins.len() == 4 && m.meetings.len() == 2));
        assert_eq!(validate(&a), Ok(()));
        assert_eq!(a, program(50, 4, day, 7));
    }
}
