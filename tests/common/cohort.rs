//! A small cohort shared by the native draft and suggestion tests, whose scores are easy to
//! work out by hand.

use mentorkit::core::model::*;

/// A person id.
pub fn id(s: &str) -> PersonId {
    PersonId::from(s)
}

/// A participant with a department, languages and a capacity.
pub fn person(
    pid: &str,
    role: Role,
    department: &str,
    languages: &[&str],
    capacity: u16,
) -> Person {
    let mut p = Person::new(id(pid), format!("Name {pid}"), role);
    p.department = department.into();
    p.languages = languages.iter().map(|l| l.to_string()).collect();
    p.capacity = capacity;
    p
}

/// Mentors r1 (cap 2), r2, r3 (cap 1); mentees e1-e4. Criteria: shared language (weight 6)
/// and different department (weight 4), so scores are 0, 40, 60 or 100.
pub fn program() -> Program {
    let mut p = Program::new(ProgramId::from("t"), "Draft test");
    p.people = vec![
        person("r1", Role::Mentor, "A", &["en", "de"], 2),
        person("r2", Role::Mentor, "B", &["fr"], 1),
        person("r3", Role::Mentor, "C", &["en"], 1),
        person("e1", Role::Mentee, "A", &["en"], 0),
        person("e2", Role::Mentee, "B", &["fr", "en"], 0),
        person("e3", Role::Mentee, "C", &["de"], 0),
        person("e4", Role::Mentee, "A", &["fr"], 0),
    ];
    p.matching.criteria = vec![
        Criterion {
            kind: CriterionKind::Language,
            weight: 6,
        },
        Criterion {
            kind: CriterionKind::Department {
                prefer: Preference::Different,
            },
            weight: 4,
        },
    ];
    p
}
