//! The demo program and the purpose templates: what a coordinator sees first must be valid,
//! realistic and the same on every visit.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a panic is a failure.

use std::collections::HashSet;

use mentorkit::core::exchange::file_format::{export_program, import_program};
use mentorkit::core::program::demo::demo_program;
use mentorkit::core::program::validate::validate;
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

/// Whether the demo's hard rules (not the same team, not the same manager, not one's own
/// manager) allow `mentor` to mentor `mentee`.
fn allowed(mentor: &Person, mentee: &Person) -> bool {
    mentor.id != mentee.id
        && mentor.team != mentee.team
        && mentor.manager != mentee.manager
        && mentor.name != mentee.manager
        && mentee.name != mentor.manager
}

#[test]
fn every_demo_mentee_has_an_allowed_mentor_offering_a_wanted_skill() {
    let p = demo();
    assert!(p.matching.rules.exclude_same_team && p.matching.rules.exclude_same_manager);
    for mentee in p.people.iter().filter(|x| x.role.can_be_mentee()) {
        let wanted: HashSet<&SkillId> = mentee.skills_wanted.iter().map(|s| &s.skill).collect();
        let teachers: Vec<&str> = p
            .people
            .iter()
            .filter(|m| m.role.can_mentor() && m.capacity > 0 && allowed(m, mentee))
            .filter(|m| m.skills_offered.iter().any(|s| wanted.contains(&s.skill)))
            .map(|m| m.name.as_str())
            .collect();
        assert!(!teachers.is_empty(), "nobody may teach {}", mentee.name);
        for id in &mentee.preferences {
            let m = p.person(id).expect("preferences resolve");
            assert!(
                allowed(m, mentee),
                "{} prefers {}, whom the rules exclude",
                mentee.name,
                m.name
            );
        }
    }
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

mod templates {
    use super::*;
    use mentorkit::core::program::templates::{
        new_from_template, template_summary, typical_duration_days,
    };

    fn start() -> Option<Date> {
        Date::from_ymd(2027, 3, 1).ok()
    }

    fn each(start: Option<Date>) -> impl Iterator<Item = (Purpose, Program)> {
        Purpose::ALL.into_iter().map(move |purpose| {
            let name = format!("{} 2027", purpose.label());
            let id = ProgramId::from(purpose.key());
            (purpose, new_from_template(purpose, id, &name, start))
        })
    }

    #[test]
    fn every_template_builds_a_valid_program_of_its_purpose() {
        for start in [start(), None] {
            for (purpose, p) in each(start) {
                assert_eq!(validate(&p), Ok(()), "{purpose:?}");
                assert_eq!(p.purpose, purpose);
                assert_eq!(p.name, format!("{} 2027", purpose.label()));
                assert!(p.people.is_empty() && p.matches.is_empty());
            }
        }
    }

    #[test]
    fn every_template_has_goals_with_finite_targets() {
        for (purpose, p) in each(start()) {
            assert!(p.goals.len() >= 2, "{purpose:?}");
            for g in &p.goals {
                assert!(
                    g.target.is_finite() && g.target > 0.0,
                    "{purpose:?}: {}",
                    g.title
                );
                assert!(g.baseline.is_none_or(f64::is_finite));
                assert!(!g.title.is_empty() && !g.metric.is_empty());
                if g.unit == MetricUnit::Percent && g.comparison == Comparison::AtLeast {
                    assert!(g.target <= 100.0, "{purpose:?}: {}", g.title);
                }
            }
        }
    }

    #[test]
    fn template_dates_and_milestones_are_consistent() {
        for (purpose, p) in each(start()) {
            let (Some(s), Some(e)) = (p.start_date, p.end_date) else {
                panic!("{purpose:?} has no dates");
            };
            let days = s.days_until(e);
            assert_eq!(days, i64::from(typical_duration_days(purpose)));
            assert!((60..=366).contains(&days), "{purpose:?}: {days} days");
            assert!(p.milestones.len() >= 4, "{purpose:?}");
            let offsets: Vec<u32> = p.milestones.iter().map(|m| m.offset_days).collect();
            assert!(offsets.windows(2).all(|w| w[0] < w[1]), "{purpose:?}");
            assert!(
                offsets.last().is_some_and(|&o| i64::from(o) <= days),
                "{purpose:?}: closure after the end date"
            );
        }
        for (purpose, p) in each(None) {
            assert_eq!((p.start_date, p.end_date), (None, None), "{purpose:?}");
        }
    }

    #[test]
    fn every_template_asks_questions_and_has_a_summary() {
        for (purpose, p) in each(None) {
            assert!(!p.profile_fields.is_empty(), "{purpose:?}");
            let summary = template_summary(purpose);
            assert!(summary.ends_with('.') && summary.len() > 20, "{purpose:?}");
            if purpose != Purpose::Custom {
                assert!(!p.description.is_empty(), "{purpose:?}");
                assert!(p.skills.len() >= 6, "{purpose:?}");
            }
            // Weight 10 is a hard rule; a template must never impose one silently.
            assert!(p.matching.criteria.iter().all(|c| c.weight < MUST_HAVE));
            assert!(p
                .profile_fields
                .iter()
                .all(|f| !f.sensitive || !f.use_for_matching));
        }
    }

    #[test]
    fn reverse_mentoring_prefers_mentors_junior_to_their_mentees() {
        let p = new_from_template(Purpose::ReverseMentoring, ProgramId::from("r"), "R", None);
        let gap = p.matching.criteria.iter().find_map(|c| match c.kind {
            CriterionKind::SeniorityGap { min, max } => Some((min, max, c.weight)),
            _ => None,
        });
        let (min, max, weight) = gap.expect("a seniority criterion");
        assert!(
            min <= max && max < 0,
            "gap {min}..{max} is mentor minus mentee"
        );
        assert!(weight > 0);
    }

    #[test]
    fn templates_suit_their_purpose() {
        let get = |purpose| new_from_template(purpose, ProgramId::from("t"), "T", None);
        let dept = |p: &Program| {
            p.matching.criteria.iter().find_map(|c| match c.kind {
                CriterionKind::Department { prefer } => Some((prefer, c.weight)),
                _ => None,
            })
        };
        let di = get(Purpose::DiversityInclusion);
        assert!(matches!(dept(&di), Some((Preference::Different, w)) if w >= 5));
        assert!(di.profile_fields.iter().any(|f| f.sensitive));
        assert_eq!(
            get(Purpose::EmployeeResourceGroup).format,
            ProgramFormat::Both
        );
        let ks = get(Purpose::KnowledgeSharing);
        assert_eq!(ks.format, ProgramFormat::Group);
        assert_eq!(ks.matching.algorithm, Algorithm::Groups);
        let onboarding = get(Purpose::Onboarding);
        assert!(onboarding
            .goals
            .iter()
            .any(|g| g.metric.contains("retention") && g.target == 90.0));
        assert!(matches!(dept(&onboarding), Some((Preference::Same, _))));
        let tech = get(Purpose::TechnicalSkills);
        let skills_weight = tech
            .matching
            .criteria
            .iter()
            .find(|c| c.kind == CriterionKind::Skills)
            .map(|c| c.weight);
        assert!(tech
            .matching
            .criteria
            .iter()
            .all(|c| Some(c.weight) <= skills_weight));
    }

    #[test]
    fn templates_are_deterministic_and_round_trip_through_the_program_file() {
        for (purpose, p) in each(start()) {
            assert_eq!(
                p,
                new_from_template(purpose, p.id.clone(), &p.name, start())
            );
            let text = export_program(&p, "2026-11-23T10:00:00Z").expect("exports");
            let back = import_program(text.as_bytes()).expect("imports");
            assert_eq!(back.program, p, "{purpose:?}");
        }
    }
}
