//! The profile-question designer and skills vocabulary core: every edit keeps the program
//! valid, cleans what no longer fits and says what it cleaned; bad input changes nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a panic is a failure.

use mentorkit::core::program::demo::demo_program;
use mentorkit::core::program::setup::*;
use mentorkit::core::program::validate::validate;
use mentorkit::core::*;

fn program() -> Program {
    let mut p = Program::new(ProgramId::from("prog"), "Pilot");
    let a = p.new_person_id();
    let b = p.new_person_id();
    let c = p.new_person_id();
    p.people.push(Person::new(a, "Ada", Role::Mentor));
    p.people.push(Person::new(b, "Grace", Role::Mentee));
    p.people.push(Person::new(c, "Linus", Role::Either));
    p
}

fn choice(label: &str, options: &[&str]) -> QuestionDraft {
    QuestionDraft {
        label: label.into(),
        kind: FieldKind::SingleChoice {
            options: options.iter().map(|o| (*o).to_owned()).collect(),
        },
        sensitive: false,
        use_for_matching: true,
        asked_of: AskedOf::Everyone,
    }
}

fn answer(p: &mut Program, person: usize, field: &FieldId, a: Answer) {
    p.people[person].answers.insert(field.clone(), a);
}

fn field_criterion(field: &FieldId) -> Criterion {
    Criterion {
        kind: CriterionKind::Field {
            field: field.clone(),
            prefer: Preference::Same,
        },
        weight: 5,
    }
}

#[test]
fn adding_a_question_trims_it_and_gives_it_a_fresh_id() {
    let mut p = program();
    let id = add_question(&mut p, &choice("  Office? ", &[" Berlin ", "", "Lisbon"])).unwrap();
    let f = &p.profile_fields[0];
    assert_eq!(f.id, id);
    assert!(id.as_str().starts_with('f'));
    assert_eq!(f.label, "Office?");
    assert_eq!(
        f.kind,
        FieldKind::SingleChoice {
            options: vec!["Berlin".into(), "Lisbon".into()]
        }
    );
    assert_eq!(validate(&p), Ok(()));
}

/// Bad input 41: an empty label, a duplicate option, no options and a scale with min >= max
/// are refused with their own error and change nothing.
#[test]
fn bad_questions_are_refused_and_change_nothing() {
    let mut p = program();
    let before = p.clone();
    assert_eq!(
        add_question(&mut p, &choice("   ", &["A"])),
        Err(SetupError::EmptyLabel)
    );
    assert_eq!(
        add_question(&mut p, &choice("Office", &["Berlin", " berlin"])),
        Err(SetupError::DuplicateOption("berlin".into()))
    );
    assert_eq!(
        add_question(&mut p, &choice("Office", &["", " "])),
        Err(SetupError::NoOptions)
    );
    let mut scale = choice("Confidence", &[]);
    scale.kind = FieldKind::Scale { min: 5, max: 5 };
    assert_eq!(
        add_question(&mut p, &scale),
        Err(SetupError::ScaleRange { min: 5, max: 5 })
    );
    let long = choice(&"x".repeat(301), &["A"]);
    assert!(matches!(
        add_question(&mut p, &long),
        Err(SetupError::TooLong { .. })
    ));
    assert_eq!(p, before);

    let id = add_question(&mut p, &choice("Office", &["Berlin"])).unwrap();
    let saved = p.clone();
    let mut bad = choice("Office", &["Berlin"]);
    bad.kind = FieldKind::Scale { min: 9, max: 1 };
    assert_eq!(
        update_question(&mut p, &id, &bad),
        Err(SetupError::ScaleRange { min: 9, max: 1 })
    );
    assert_eq!(p, saved);
}

#[test]
fn removing_an_option_removes_the_answers_that_chose_it() {
    let mut p = program();
    let id = add_question(&mut p, &choice("Office", &["Berlin", "Lisbon"])).unwrap();
    answer(&mut p, 0, &id, Answer::Text("Berlin".into()));
    answer(&mut p, 1, &id, Answer::Text("Lisbon".into()));
    let cleanup = update_question(&mut p, &id, &choice("Office", &["Berlin"])).unwrap();
    assert_eq!(cleanup.answers_removed, 1);
    assert_eq!(cleanup.people_affected, 1);
    assert_eq!(
        p.people[0].answers.get(&id),
        Some(&Answer::Text("Berlin".into()))
    );
    assert!(!p.people[1].answers.contains_key(&id));
    assert_eq!(cleanup.describe().as_deref(), Some("1 answer was removed."));
    assert_eq!(validate(&p), Ok(()));
}

#[test]
fn changing_the_type_converts_what_keeps_its_meaning_and_removes_the_rest() {
    let mut p = program();
    let id = add_question(&mut p, &choice("Topics", &["Rust", "Go", "Web"])).unwrap();
    answer(&mut p, 0, &id, Answer::Text("Rust".into()));
    answer(&mut p, 1, &id, Answer::Text("Go".into()));
    // Single -> multiple choice: a choice becomes a one-item list.
    let mut multi = choice("Topics", &["Rust", "Go", "Web"]);
    multi.kind = FieldKind::MultipleChoice {
        options: vec!["Rust".into(), "Go".into(), "Web".into()],
    };
    assert!(update_question(&mut p, &id, &multi).unwrap().is_empty());
    assert_eq!(
        p.people[0].answers.get(&id),
        Some(&Answer::Many(vec!["Rust".into()]))
    );
    // Dropping an option trims a multiple-choice answer but keeps the rest of it.
    answer(
        &mut p,
        2,
        &id,
        Answer::Many(vec!["Rust".into(), "Web".into()]),
    );
    multi.kind = FieldKind::MultipleChoice {
        options: vec!["Rust".into(), "Go".into()],
    };
    let c = update_question(&mut p, &id, &multi).unwrap();
    assert_eq!((c.answers_removed, c.answers_trimmed), (0, 1));
    assert_eq!(
        p.people[2].answers.get(&id),
        Some(&Answer::Many(vec!["Rust".into()]))
    );
    // Choice -> scale: no text answer fits a number.
    let mut scale = multi.clone();
    scale.kind = FieldKind::Scale { min: 1, max: 5 };
    let c = update_question(&mut p, &id, &scale).unwrap();
    assert_eq!(c.answers_removed, 3);
    assert!(p.people.iter().all(|x| x.answers.is_empty()));
    assert_eq!(validate(&p), Ok(()));
}

#[test]
fn narrowing_a_scale_removes_answers_outside_it() {
    let mut p = program();
    let mut q = choice("Confidence", &[]);
    q.kind = FieldKind::Scale { min: 1, max: 10 };
    let id = add_question(&mut p, &q).unwrap();
    answer(&mut p, 0, &id, Answer::Number(3.0));
    answer(&mut p, 1, &id, Answer::Number(9.0));
    q.kind = FieldKind::Scale { min: 1, max: 5 };
    let c = update_question(&mut p, &id, &q).unwrap();
    assert_eq!(c.answers_removed, 1);
    assert_eq!(p.people[0].answers.get(&id), Some(&Answer::Number(3.0)));
    assert!(!p.people[1].answers.contains_key(&id));
}

#[test]
fn removing_a_question_removes_its_answers_and_criteria_and_says_so() {
    let mut p = program();
    let id = add_question(&mut p, &choice("Office", &["Berlin", "Lisbon"])).unwrap();
    let keep = add_question(&mut p, &choice("Team", &["A", "B"])).unwrap();
    for i in 0..3 {
        answer(&mut p, i, &id, Answer::Text("Berlin".into()));
    }
    answer(&mut p, 0, &keep, Answer::Text("A".into()));
    p.matching.criteria.push(field_criterion(&id));
    p.matching.criteria.push(field_criterion(&keep));
    let criteria_before = p.matching.criteria.len();

    let c = remove_question(&mut p, &id).unwrap();
    assert_eq!((c.answers_removed, c.criteria_removed), (3, 1));
    assert_eq!(
        c.describe().as_deref(),
        Some("3 answers and 1 matching criterion were removed.")
    );
    assert_eq!(p.profile_fields.len(), 1);
    assert_eq!(p.matching.criteria.len(), criteria_before - 1);
    assert_eq!(
        p.people[0].answers.get(&keep),
        Some(&Answer::Text("A".into()))
    );
    assert_eq!(validate(&p), Ok(()));
    assert_eq!(
        remove_question(&mut p, &id),
        Err(SetupError::UnknownQuestion(id))
    );
}

#[test]
fn no_longer_using_a_question_for_matching_removes_its_criteria() {
    let mut p = program();
    let id = add_question(&mut p, &choice("Office", &["Berlin"])).unwrap();
    p.matching.criteria.push(field_criterion(&id));
    let mut q = choice("Office", &["Berlin"]);
    q.use_for_matching = false;
    q.sensitive = true;
    let c = update_question(&mut p, &id, &q).unwrap();
    assert_eq!(c.criteria_removed, 1);
    assert!(p.profile_fields[0].sensitive);
    assert!(!p
        .matching
        .criteria
        .iter()
        .any(|c| matches!(c.kind, CriterionKind::Field { .. })));
}

/// Bad input 41: duplicate (case-insensitive) and empty skill names are refused.
#[test]
fn skill_names_stay_unique_case_insensitively() {
    let mut p = program();
    let rust = add_skill(&mut p, " Rust ", "Engineering").unwrap();
    let go = add_skill(&mut p, "Go", "").unwrap();
    assert_eq!(p.skills[0].name, "Rust");
    let before = p.clone();
    assert_eq!(
        add_skill(&mut p, "rust", "Other"),
        Err(SetupError::DuplicateSkill("Rust".into()))
    );
    assert_eq!(
        rename_skill(&mut p, &go, "RUST"),
        Err(SetupError::DuplicateSkill("Rust".into()))
    );
    assert_eq!(
        rename_skill(&mut p, &go, "  "),
        Err(SetupError::EmptySkillName)
    );
    assert_eq!(p, before);
    // Renaming a skill to a new case of its own name is fine.
    rename_skill(&mut p, &rust, "RUST").unwrap();
    set_cluster(&mut p, &go, " Engineering ").unwrap();
    assert_eq!(p.skills[1].cluster, "Engineering");
    assert_eq!(
        rename_skill(&mut p, &SkillId::from("s999"), "X"),
        Err(SetupError::UnknownSkill(SkillId::from("s999")))
    );
    assert_eq!(validate(&p), Ok(()));
}

#[test]
fn removing_a_skill_takes_it_off_peoples_lists_and_says_how_many() {
    let mut p = program();
    let rust = add_skill(&mut p, "Rust", "Engineering").unwrap();
    let go = add_skill(&mut p, "Go", "Engineering").unwrap();
    let lvl = |s: &SkillId| SkillLevel {
        skill: s.clone(),
        level: 3,
    };
    p.people[0].skills_offered = vec![lvl(&rust), lvl(&go)];
    p.people[1].skills_wanted = vec![lvl(&rust)];
    p.people[2].skills_offered = vec![lvl(&rust)];
    p.people[2].skills_wanted = vec![lvl(&rust)];
    assert_eq!(skill_users(&p, &rust), 3);

    let c = remove_skill(&mut p, &rust).unwrap();
    assert_eq!((c.skill_entries_removed, c.people_affected), (4, 3));
    assert_eq!(p.people[0].skills_offered, vec![lvl(&go)]);
    assert_eq!(skill_users(&p, &rust), 0);
    assert_eq!(validate(&p), Ok(()));
}

#[test]
fn skills_are_grouped_by_cluster_with_unclustered_last() {
    let mut p = program();
    add_skill(&mut p, "Listening", "").unwrap();
    add_skill(&mut p, "Rust", "engineering").unwrap();
    add_skill(&mut p, "Negotiation", "Communication").unwrap();
    add_skill(&mut p, "Go", "engineering").unwrap();
    let groups: Vec<(String, Vec<String>)> = skills_by_cluster(&p)
        .into_iter()
        .map(|(c, v)| (c, v.into_iter().map(|s| s.name.clone()).collect()))
        .collect();
    assert_eq!(
        groups,
        [
            ("Communication".to_owned(), vec!["Negotiation".to_owned()]),
            (
                "engineering".to_owned(),
                vec!["Rust".to_owned(), "Go".to_owned()]
            ),
            (String::new(), vec!["Listening".to_owned()]),
        ]
    );
}

/// Every operation keeps the demo program valid, and cleans its real answers and skills.
#[test]
fn every_operation_keeps_the_demo_program_valid() {
    let mut p = demo_program(ProgramId::from("demo"));
    assert_eq!(validate(&p), Ok(()));

    // Turn every question into a short scale, then remove it: answers go, criteria go.
    let ids: Vec<FieldId> = p.profile_fields.iter().map(|f| f.id.clone()).collect();
    for id in &ids {
        p.matching.criteria.push(field_criterion(id));
    }
    // Questions not used for matching lose their criteria on the first update.
    let mut answers_removed = 0;
    let mut criteria_removed = 0;
    for id in &ids {
        let mut d = QuestionDraft::of(p.profile_fields.iter().find(|f| &f.id == id).unwrap());
        d.kind = FieldKind::Scale { min: 1, max: 2 };
        let c = update_question(&mut p, id, &d).unwrap();
        answers_removed += c.answers_removed;
        criteria_removed += c.criteria_removed;
        assert_eq!(validate(&p), Ok(()));
    }
    for id in &ids {
        let c = remove_question(&mut p, id).unwrap();
        answers_removed += c.answers_removed;
        criteria_removed += c.criteria_removed;
        assert_eq!(validate(&p), Ok(()));
    }
    assert!(p.people.iter().all(|x| x.answers.is_empty()));
    // The demo's own field criteria go too, on top of the one added per question.
    assert!(criteria_removed >= ids.len());
    assert!(!p
        .matching
        .criteria
        .iter()
        .any(|c| matches!(c.kind, CriterionKind::Field { .. })));
    assert!(answers_removed > 0);

    let new = add_question(&mut p, &choice("Office", &["Berlin", "Lisbon"])).unwrap();
    assert_eq!(answer_count(&p, &new), 0);
    assert_eq!(validate(&p), Ok(()));

    let skill_ids: Vec<SkillId> = p.skills.iter().map(|s| s.id.clone()).collect();
    let used = skill_ids.iter().find(|s| skill_users(&p, s) > 0).unwrap();
    rename_skill(&mut p, used, "Renamed skill").unwrap();
    set_cluster(&mut p, used, "Elsewhere").unwrap();
    assert_eq!(validate(&p), Ok(()));
    let users = skill_users(&p, used);
    let c = remove_skill(&mut p, used).unwrap();
    assert_eq!(c.people_affected, users);
    assert_eq!(validate(&p), Ok(()));
    add_skill(&mut p, "Renamed skill", "").unwrap();
    assert_eq!(validate(&p), Ok(()));
}
