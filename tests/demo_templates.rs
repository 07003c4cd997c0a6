//! The demo program and the purpose templates: what a coordinator sees first must be valid,
//! realistic and the same on every visit.

use std::collections::HashSet;

use mentorkit::core::demo::demo_program;
use mentorkit::core::file_format::{export_program, import_program};
use mentorkit::core::validate::validate;
use mentorkit::core::*;

fn demo() -> Program {
    demo_program(ProgramId::from("demo"))
}

#[test]
fn the_demo_program_is_valid() {
    assert_eq!(validate(&demo()), Ok(()));
}

#[test]
fn the_demo_has_enough_mentors_mentees_and_people_who_can_be_either() {
    let p = demo();
    assert!(p.people.len() >= 40, "only {} people", p.people.len());
    for role in Role::ALL {
        assert!(
            p.people.iter().any(|x| x.role == role),
            "no {} in the demo",
            role.label()
        );
    }
    assert!(p
        .people
        .iter()
        .any(|x| x.role.can_mentor() && x.capacity == 0));
    let capacity: u32 = p
        .people
        .iter()
        .filter(|x| x.role.can_mentor())
        .map(|x| u32::from(x.capacity))
        .sum();
    assert!(
        capacity as usize >= p.mentee_count(),
        "mentor capacity {capacity} cannot reach {} mentees",
        p.mentee_count()
    );
    assert!(p.matches.is_empty(), "matches must come from the engine");
}

#[test]
fn demo_e_mails_are_unique_and_plausible() {
    let p = demo();
    let mut seen = HashSet::new();
    for x in &p.people {
        assert!(
            x.email.is_ascii() && x.email.ends_with("@northwind.example"),
            "{}",
            x.email
        );
        assert!(seen.insert(x.email.to_lowercase()), "{} twice", x.email);
        assert!(p.person_by_email(&x.email).is_some_and(|y| y.id == x.id));
    }
}

#[test]
fn demo_profiles_are_complete_and_consistent() {
    let p = demo();
    let zones: HashSet<&str> = p.people.iter().map(|x| x.time_zone.as_str()).collect();
    for region in ["Europe/", "America/", "Asia/"] {
        assert!(zones.iter().any(|z| z.starts_with(region)), "no {region}");
    }
    for x in &p.people {
        assert!(!x.department.is_empty() && !x.team.is_empty() && !x.title.is_empty());
        assert!(!x.manager.is_empty() && !x.bio.is_empty() && !x.languages.is_empty());
        assert!(x.seniority.is_some_and(|s| (1..=10).contains(&s)));
        if x.role == Role::Mentor {
            assert!(!x.skills_offered.is_empty(), "{} offers nothing", x.name);
        }
        if x.role.can_be_mentee() {
            assert!(!x.skills_wanted.is_empty(), "{} wants nothing", x.name);
        }
    }
    let avg = |role: Role| {
        let s: Vec<f64> = p
            .people
            .iter()
            .filter(|x| x.role == role)
            .filter_map(|x| x.seniority.map(f64::from))
            .collect();
        s.iter().sum::<f64>() / s.len() as f64
    };
    assert!(avg(Role::Mentor) > avg(Role::Mentee) + 2.0);
    let clusters: HashSet<&str> = p.skills.iter().map(|s| s.cluster.as_str()).collect();
    assert!(p.skills.len() >= 20 && clusters.len() >= 5);
}

#[test]
fn the_demo_asks_every_kind_of_question_and_one_sensitive_one() {
    let p = demo();
    let kinds: HashSet<&str> = p.profile_fields.iter().map(|f| f.kind.key()).collect();
    for kind in [
        "single_choice",
        "multiple_choice",
        "scale",
        "number",
        "short_text",
    ] {
        assert!(kinds.contains(kind), "no {kind} question");
    }
    let sensitive: Vec<&ProfileField> = p.profile_fields.iter().filter(|f| f.sensitive).collect();
    assert_eq!(sensitive.len(), 1);
    assert!(!sensitive[0].use_for_matching);
    // Every field is answered by somebody, and answers fit their question's kind.
    for f in &p.profile_fields {
        let answers: Vec<&Answer> = p
            .people
            .iter()
            .filter_map(|x| x.answers.get(&f.id))
            .collect();
        assert!(!answers.is_empty(), "nobody answered {}", f.label);
        for a in answers {
            match (&f.kind, a) {
                (FieldKind::SingleChoice { options }, Answer::Text(t)) => {
                    assert!(options.contains(t), "{t} is not an option of {}", f.label)
                }
                (FieldKind::MultipleChoice { options }, Answer::Many(v)) => {
                    assert!(v.iter().all(|t| options.contains(t)), "{v:?}")
                }
                (FieldKind::Scale { min, max }, Answer::Number(n)) => {
                    assert!(*n >= f64::from(*min) && *n <= f64::from(*max))
                }
                (FieldKind::Number, Answer::Number(_))
                | (FieldKind::ShortText, Answer::Text(_)) => {}
                (kind, a) => panic!("{a:?} does not answer a {} question", kind.key()),
            }
        }
    }
}

#[test]
fn demo_preferences_name_mentors() {
    let p = demo();
    let with_preferences = p.people.iter().filter(|x| !x.preferences.is_empty());
    let mut count = 0;
    for x in with_preferences {
        count += 1;
        assert!(x.role.can_be_mentee());
        for id in &x.preferences {
            assert!(p
                .person(id)
                .is_some_and(|m| m.role.can_mentor() && m.id != x.id));
        }
    }
    assert!(count >= 5, "only {count} people ranked mentors");
}

#[test]
fn the_demo_is_the_same_on_every_call() {
    assert_eq!(demo(), demo());
}

#[test]
fn the_demo_round_trips_through_the_program_file() {
    let p = demo();
    let text = export_program(&p, "2026-11-23T10:00:00Z").expect("the demo exports");
    let back = import_program(text.as_bytes()).expect("the demo imports");
    assert!(back.repairs.is_empty(), "{:?}", back.repairs);
    assert_eq!(back.program, p);
    let again = export_program(&back.program, "2026-11-23T10:00:00Z").expect("re-export");
    assert_eq!(again, text);
}
