//! The numbers behind the reports and the pool-strength summary.

use std::collections::{BTreeSet, HashSet};

use crate::core::model::{MatchStatus, Program};

/// Headline figures of a program.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProgramStats {
    /// Everybody enrolled.
    pub people: usize,
    /// Role mentor.
    pub mentors: usize,
    /// Role mentee.
    pub mentees: usize,
    /// Role either.
    pub either: usize,
    /// Sum of the capacities of people who can mentor.
    pub mentor_capacity: usize,
    /// Mentors with capacity 0 ("not now").
    pub unavailable_mentors: usize,
    /// Mentees (role mentee) with at least one current-cycle match.
    pub matched_mentees: usize,
    /// Current-cycle matches still in draft.
    pub proposed: usize,
    /// Relationships running (active or on hold).
    pub running: usize,
    /// Relationships completed.
    pub completed: usize,
    /// Relationships ended early.
    pub ended_early: usize,
    /// Skills some mentee wants that no available mentor offers, by name.
    pub unmet_skills: Vec<String>,
}

impl ProgramStats {
    /// Matched mentees as a whole percentage of mentees (0 when there are none).
    pub fn match_rate_percent(&self) -> u32 {
        (self.matched_mentees * 100 + self.mentees / 2)
            .checked_div(self.mentees)
            .map_or(0, |p| p as u32)
    }
}

/// Computes the headline figures.
pub fn stats(p: &Program) -> ProgramStats {
    use crate::core::model::Role;
    let mut s = ProgramStats {
        people: p.people.len(),
        ..ProgramStats::default()
    };
    let mut offered = HashSet::new();
    for person in &p.people {
        match person.role {
            Role::Mentor => s.mentors += 1,
            Role::Mentee => s.mentees += 1,
            Role::Either => s.either += 1,
        }
        if person.role.can_mentor() {
            s.mentor_capacity += usize::from(person.capacity);
            if person.capacity == 0 {
                s.unavailable_mentors += 1;
            } else {
                offered.extend(person.skills_offered.iter().map(|x| &x.skill));
            }
        }
    }
    let mut wanted = BTreeSet::new();
    for person in p.people.iter().filter(|x| x.role.can_be_mentee()) {
        for w in &person.skills_wanted {
            if !offered.contains(&w.skill) {
                wanted.insert(&w.skill);
            }
        }
    }
    s.unmet_skills = wanted
        .into_iter()
        .filter_map(|id| {
            p.skills
                .iter()
                .find(|k| &k.id == id)
                .map(|k| k.name.clone())
        })
        .collect();
    let mut matched = HashSet::new();
    for m in p.current_matches() {
        match m.status {
            MatchStatus::Proposed => s.proposed += 1,
            MatchStatus::Active | MatchStatus::OnHold => s.running += 1,
            MatchStatus::Completed => s.completed += 1,
            MatchStatus::EndedEarly => s.ended_early += 1,
            MatchStatus::Declined => {}
        }
        if !matches!(m.status, MatchStatus::EndedEarly | MatchStatus::Declined) {
            matched.insert(&m.mentee);
        }
    }
    s.matched_mentees = p
        .people
        .iter()
        .filter(|x| x.role == Role::Mentee && matched.contains(&x.id))
        .count();
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::*;

    #[test]
    fn counts_roles_capacity_matches_and_unmet_skills() {
        let mut p = Program::new(ProgramId::from("x"), "X");
        p.skills.push(Skill {
            id: SkillId::from("s1"),
            name: "Rust".into(),
            cluster: "Eng".into(),
        });
        p.skills.push(Skill {
            id: SkillId::from("s2"),
            name: "Sales".into(),
            cluster: "Biz".into(),
        });
        let mut mentor = Person::new(PersonId::from("p1"), "A", Role::Mentor);
        mentor.capacity = 2;
        mentor.skills_offered.push(SkillLevel {
            skill: SkillId::from("s1"),
            level: 4,
        });
        let mut a = Person::new(PersonId::from("p2"), "B", Role::Mentee);
        a.skills_wanted.push(SkillLevel {
            skill: SkillId::from("s2"),
            level: 3,
        });
        let b = Person::new(PersonId::from("p3"), "C", Role::Mentee);
        p.people = vec![mentor, a, b];
        let mut m = Match::proposed(
            MatchId::from("m1"),
            PersonId::from("p1"),
            PersonId::from("p2"),
            Some(70),
            1,
        );
        m.status = MatchStatus::Active;
        p.matches.push(m);
        let s = stats(&p);
        assert_eq!((s.mentors, s.mentees, s.mentor_capacity), (1, 2, 2));
        assert_eq!((s.matched_mentees, s.running), (1, 1));
        assert_eq!(s.match_rate_percent(), 50);
        assert_eq!(s.unmet_skills, vec!["Sales".to_string()]);
    }
}
