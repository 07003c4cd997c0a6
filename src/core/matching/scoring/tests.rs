//! Unit tests of scoring (the behaviour is tested in `tests/matching.rs`).

use super::*;
use crate::core::model::{
    Criterion, CriterionKind, Person, PersonId, Program, ProgramId, Role, Skill, SkillId,
    SkillLevel,
};

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
