//! Participants: form parsing and validation, bulk edits, removal with undo, and the
//! table's filter and sort at 10,000 people.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a panic is a failure.

use std::collections::HashSet;

use mentorkit::core::edit::History;
use mentorkit::core::model::*;
use mentorkit::core::people::*;
use mentorkit::core::program::demo::demo_program;
use mentorkit::core::program::validate::validate;

fn demo() -> Program {
    demo_program(ProgramId::from("demo"))
}

fn new_base() -> Person {
    Person::new(PersonId::from(""), "", Role::Mentee)
}

fn draft(name: &str, role: Role) -> PersonDraft {
    let mut d = PersonDraft::new(role);
    d.set(PersonField::Name, name);
    d
}

fn ids(list: &[&PersonId]) -> HashSet<PersonId> {
    list.iter().map(|x| (*x).clone()).collect()
}

fn field_errors(result: Result<CheckedPerson, Vec<FieldError>>) -> Vec<FieldError> {
    match result {
        Ok(c) => panic!("expected errors, got {:?}", c.person.name),
        Err(e) => e,
    }
}

#[test]
fn a_complete_form_becomes_a_valid_person() {
    let mut p = demo();
    let skill = p.skills[0].id.clone();
    let single = p
        .profile_fields
        .iter()
        .find_map(|f| match &f.kind {
            FieldKind::SingleChoice { options } => Some((f.id.clone(), options[0].clone())),
            _ => None,
        })
        .expect("a single-choice question");
    let scale = p
        .profile_fields
        .iter()
        .find(|f| matches!(f.kind, FieldKind::Scale { .. }))
        .map(|f| f.id.clone())
        .expect("a scale question");
    let mut d = draft("  Ada Lovelace ", Role::Mentor);
    d.set(PersonField::Email, "ada@example.org");
    d.set(PersonField::Seniority, "7");
    d.set(PersonField::Capacity, "3");
    d.set(PersonField::Languages, "English, French, english, ");
    d.set(PersonField::Goals, "Grow leads\n\nPublic speaking\n");
    d.skills_offered = vec![SkillLevel {
        skill: skill.clone(),
        level: 4,
    }];
    d.answers
        .insert(single.0.clone(), AnswerDraft::Text(single.1.clone()));
    d.answers
        .insert(scale.clone(), AnswerDraft::Text("3".into()));
    let checked = parse_person(&d, &p, new_base()).expect("valid");
    assert!(checked.warnings.is_empty());
    let x = &checked.person;
    assert_eq!(x.name, "Ada Lovelace");
    assert_eq!((x.seniority, x.capacity), (Some(7), 3));
    assert_eq!(x.languages, ["English", "French"]);
    assert_eq!(x.goals, ["Grow leads", "Public speaking"]);
    assert_eq!(x.answers.get(&single.0), Some(&Answer::Text(single.1)));
    assert_eq!(x.answers.get(&scale), Some(&Answer::Number(3.0)));

    let id = add_person(&mut p, checked.person);
    assert_eq!(p.person(&id).map(|x| x.name.as_str()), Some("Ada Lovelace"));
    assert_eq!(validate(&p), Ok(()));
}

/// Bad input 41: empty, non-numeric, negative and out-of-range capacity each get a message
/// naming the field, and nothing is returned to save.
#[test]
fn bad_capacity_text_is_an_error_naming_the_field() {
    let p = demo();
    for (text, expect) in [
        ("", "enter a whole number"),
        ("three", "is not a whole number"),
        ("-1", "negative"),
        ("51", "above the maximum of 50"),
        ("2.5", "is not a whole number"),
        ("1e400", "is not a whole number"),
        ("99999999999999999999999", "is not a whole number"),
    ] {
        let mut d = draft("Ada", Role::Mentor);
        d.set(PersonField::Capacity, text);
        let errors = field_errors(parse_person(&d, &p, new_base()));
        assert_eq!(errors.len(), 1, "{text:?}: {errors:?}");
        assert_eq!(errors[0].field, PersonField::Capacity);
        assert!(
            errors[0].message.starts_with("Capacity: ") && errors[0].message.contains(expect),
            "{text:?}: {}",
            errors[0].message
        );
    }
    assert_eq!(parse_capacity("0"), Ok(0));
    assert_eq!(parse_capacity("50"), Ok(50));
}

/// Bad input 41: a mentee's capacity box is not asked for, so its text cannot block saving.
#[test]
fn a_mentees_capacity_is_zero_whatever_was_typed() {
    let p = demo();
    let mut d = draft("Grace", Role::Mentee);
    d.set(PersonField::Capacity, "lots");
    let x = parse_person(&d, &p, new_base()).expect("valid").person;
    assert_eq!(x.capacity, 0);
}

/// Bad input 41: seniority out of range or not a number names the field.
#[test]
fn bad_seniority_is_an_error_naming_the_field() {
    let p = demo();
    for text in ["0", "11", "-3", "senior", "5.5"] {
        let mut d = draft("Ada", Role::Mentee);
        d.set(PersonField::Seniority, text);
        let errors = field_errors(parse_person(&d, &p, new_base()));
        assert_eq!(errors[0].field, PersonField::Seniority, "{text}");
        assert!(errors[0].message.starts_with("Seniority: "), "{text}");
    }
    let mut d = draft("Ada", Role::Mentee);
    d.set(PersonField::Seniority, " ");
    assert_eq!(
        parse_person(&d, &p, new_base()).map(|c| c.person.seniority),
        Ok(None)
    );
}

#[test]
fn name_is_required_and_email_must_look_like_one() {
    let p = demo();
    let mut d = draft("   ", Role::Mentee);
    d.set(PersonField::Email, "not an address");
    let errors = field_errors(parse_person(&d, &p, new_base()));
    let fields: Vec<_> = errors.iter().map(|e| e.field.clone()).collect();
    assert_eq!(fields, [PersonField::Name, PersonField::Email]);
    assert!(errors[1].message.contains("does not look like an e-mail"));
    for bad in ["a@b", "@b.org", "a@.org", "a b@c.org", "a@b@c.org", "a@b."] {
        assert!(!looks_like_email(bad), "{bad}");
    }
    assert!(looks_like_email("first.last+tag@sub.example.org"));
}

#[test]
fn a_duplicate_email_is_a_warning_not_an_error() {
    let p = demo();
    let taken = p.people[0].email.to_uppercase();
    let mut d = draft("Someone Else", Role::Mentee);
    d.set(PersonField::Email, taken);
    let checked = parse_person(&d, &p, new_base()).expect("saving is allowed");
    assert_eq!(checked.warnings.len(), 1);
    assert_eq!(checked.warnings[0].field, PersonField::Email);
    assert!(checked.warnings[0].message.contains(&p.people[0].name));

    // Editing the person who owns the address is not a duplicate.
    let own = PersonDraft::from_person(&p.people[0]);
    let checked = parse_person(&own, &p, p.people[0].clone()).expect("valid");
    assert!(checked.warnings.is_empty());
}

#[test]
fn editing_a_person_round_trips_every_field() {
    let p = demo();
    for x in &p.people {
        let d = PersonDraft::from_person(x);
        let back = parse_person(&d, &p, x.clone()).expect("demo people are valid");
        assert_eq!(&back.person, x, "{}", x.name);
    }
}

#[test]
fn answers_that_do_not_fit_their_question_name_the_question() {
    let p = demo();
    let q = |pred: fn(&FieldKind) -> bool| {
        p.profile_fields
            .iter()
            .find(|f| pred(&f.kind))
            .expect("question")
            .clone()
    };
    let scale = q(|k| matches!(k, FieldKind::Scale { .. }));
    let number = q(|k| matches!(k, FieldKind::Number));
    let single = q(|k| matches!(k, FieldKind::SingleChoice { .. }));
    let multi = q(|k| matches!(k, FieldKind::MultipleChoice { .. }));
    let mut d = draft("Ada", Role::Mentee);
    d.answers
        .insert(scale.id.clone(), AnswerDraft::Text("9".into()));
    d.answers
        .insert(number.id.clone(), AnswerDraft::Text("NaN".into()));
    d.answers
        .insert(single.id.clone(), AnswerDraft::Text("<b>x</b>".into()));
    d.answers.insert(
        multi.id.clone(),
        AnswerDraft::Many(vec!["Not an option".into()]),
    );
    let errors = field_errors(parse_person(&d, &p, new_base()));
    assert_eq!(errors.len(), 4, "{errors:?}");
    for (e, q) in errors.iter().zip([&single, &multi, &scale, &number]) {
        assert_eq!(e.field, PersonField::Answer(q.id.clone()));
        assert!(e.message.starts_with(&q.label), "{}", e.message);
    }
}

#[test]
fn skills_outside_the_vocabulary_or_picked_twice_are_errors() {
    let p = demo();
    let s = p.skills[0].id.clone();
    let mut d = draft("Ada", Role::Mentor);
    d.skills_offered = vec![
        SkillLevel {
            skill: s.clone(),
            level: 3,
        },
        SkillLevel {
            skill: s.clone(),
            level: 6,
        },
    ];
    d.skills_wanted = vec![SkillLevel {
        skill: SkillId::from("nope"),
        level: 2,
    }];
    let errors = field_errors(parse_person(&d, &p, new_base()));
    let fields: Vec<_> = errors.iter().map(|e| e.field.clone()).collect();
    assert_eq!(
        fields,
        [
            PersonField::SkillsOffered,
            PersonField::SkillsOffered,
            PersonField::SkillsWanted
        ]
    );
}

/// Bad input 22 and 21: markup and odd characters in a name are kept exactly as typed.
#[test]
fn markup_in_a_name_is_kept_as_text() {
    let p = demo();
    let hostile = "<img src=x onerror=alert(1)> \u{202e}Zoë\u{200d}";
    let x = parse_person(&draft(hostile, Role::Mentee), &p, new_base())
        .expect("valid")
        .person;
    assert_eq!(x.name, hostile);
}

#[test]
fn replacing_a_person_who_is_gone_reports_it() {
    let mut p = demo();
    let mut ghost = p.people[0].clone();
    ghost.id = PersonId::from("p-gone");
    assert!(!replace_person(&mut p, ghost));
    let mut renamed = p.people[0].clone();
    renamed.name = "Renamed".into();
    assert!(replace_person(&mut p, renamed));
    assert_eq!(p.people[0].name, "Renamed");
}

fn with_matches(mut p: Program) -> Program {
    let mentors: Vec<PersonId> = p
        .people
        .iter()
        .filter(|x| x.role == Role::Mentor)
        .map(|x| x.id.clone())
        .collect();
    let mentees: Vec<PersonId> = p
        .people
        .iter()
        .filter(|x| x.role == Role::Mentee)
        .map(|x| x.id.clone())
        .collect();
    for (a, b) in mentors.iter().zip(&mentees).take(3) {
        let id = p.new_match_id();
        p.matches
            .push(Match::proposed(id, a.clone(), b.clone(), Some(60), 1));
    }
    p.matching.rules.forbidden_pairs.push(PairRef {
        mentor: mentors[0].clone(),
        mentee: mentees[5].clone(),
    });
    let target = mentors[0].clone();
    p.person_mut(&mentees[6])
        .expect("mentee")
        .preferences
        .push(target);
    p
}

#[test]
fn removing_people_removes_their_references_and_undo_restores_them() {
    let p = with_matches(demo());
    assert_eq!(validate(&p), Ok(()));
    let before = p.clone();
    let first_mentor = p.matches[0].mentor.clone();
    let first_mentee = p.matches[1].mentee.clone();
    let mut edited = p.clone();
    let mut history = History::default();
    let done = history
        .commit(
            &mut edited,
            PeopleEdit::Remove(ids(&[&first_mentor, &first_mentee])),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        done.report,
        PeopleReport::Removed {
            people: 2,
            matches: 2
        }
    );
    assert_eq!(done.label, "Remove 2 participants");
    assert_eq!(edited.people.len(), before.people.len() - 2);
    assert_eq!(edited.matches.len(), 1);
    assert!(edited.matching.rules.forbidden_pairs.is_empty());
    assert!(edited
        .people
        .iter()
        .all(|x| !x.preferences.contains(&first_mentor)));
    assert_eq!(validate(&edited), Ok(()));

    assert_eq!(
        history.undo(&mut edited).as_deref(),
        Some("Remove 2 participants")
    );
    assert_eq!(edited, before);
}

#[test]
fn undo_after_other_edits_keeps_the_program_valid() {
    let original = with_matches(demo());
    let mut p = original.clone();
    let mut history = History::default();
    let mentor = p.matches[0].mentor.clone();
    let mentee = p.matches[0].mentee.clone();
    let mut commit = |p: &mut Program, edit: PeopleEdit| {
        history.commit(p, edit).unwrap_or_else(|e| panic!("{e}"));
    };
    commit(&mut p, PeopleEdit::Remove(ids(&[&mentor])));
    // Meanwhile the mentee of the removed match is removed too, and someone is added.
    commit(&mut p, PeopleEdit::Remove(ids(&[&mentee])));
    let new = Person::new(PersonId::from(""), "New", Role::Mentee);
    commit(&mut p, PeopleEdit::Add(new));
    // One history for every edit: each undo steps back through them in order, and the
    // program is valid after each step.
    for _ in 0..3 {
        assert!(history.undo(&mut p).is_some());
        assert_eq!(validate(&p), Ok(()));
    }
    assert!(p.person(&mentor).is_some());
    assert!(p.person(&mentee).is_some());
    let mut want = original.clone();
    want.next_seq = p.next_seq;
    assert_eq!(p, want);
}

#[test]
fn bulk_role_and_capacity_changes_apply_to_the_selection() {
    let mut p = demo();
    let mentee = p
        .people
        .iter()
        .find(|x| x.role == Role::Mentee)
        .map(|x| x.id.clone())
        .expect("mentee");
    let mentor = p
        .people
        .iter()
        .find(|x| x.role == Role::Mentor)
        .map(|x| x.id.clone())
        .expect("mentor");
    let change = set_capacity(&mut p, &ids(&[&mentee, &mentor]), 4);
    assert_eq!(
        change,
        CapacityChange {
            set: 1,
            skipped_mentees: 1
        }
    );
    assert_eq!(p.person(&mentor).map(|x| x.capacity), Some(4));
    assert_eq!(p.person(&mentee).map(|x| x.capacity), Some(0));

    assert_eq!(
        set_role(&mut p, &ids(&[&mentee, &mentor]), Role::Either).changed,
        2
    );
    assert_eq!(
        p.person(&mentee).map(|x| (x.role, x.capacity)),
        Some((Role::Either, 1))
    );
    assert_eq!(set_role(&mut p, &ids(&[&mentor]), Role::Either).changed, 0);
    assert_eq!(validate(&p), Ok(()));
}

#[test]
fn filter_by_query_role_department_and_matched_state() {
    let p = with_matches(demo());
    let index = PeopleIndex::new(&p);
    let names = |f: &PeopleFilter| -> Vec<String> {
        index
            .select(&p, f, Sort::default())
            .into_iter()
            .map(|i| p.people[i].name.clone())
            .collect()
    };
    let all = names(&PeopleFilter::default());
    assert_eq!(all.len(), p.people.len());
    let mut sorted = all.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(all, sorted);

    let target = &p.people[3];
    let last_word = target.name.split_whitespace().last().expect("name");
    let found = names(&PeopleFilter {
        query: format!("  {}  ", last_word.to_uppercase()),
        ..PeopleFilter::default()
    });
    assert!(found.contains(&target.name));

    let mentors = names(&PeopleFilter {
        role: Some(Role::Mentor),
        ..PeopleFilter::default()
    });
    assert_eq!(
        mentors.len(),
        p.people.iter().filter(|x| x.role == Role::Mentor).count()
    );

    let dept = departments(&p)[0].clone();
    let in_dept = names(&PeopleFilter {
        department: Some(dept.clone()),
        ..PeopleFilter::default()
    });
    assert_eq!(
        in_dept.len(),
        p.people.iter().filter(|x| x.department == dept).count()
    );

    let matched = names(&PeopleFilter {
        matched: MatchedFilter::Matched,
        ..PeopleFilter::default()
    });
    assert_eq!(matched.len(), 6);
    let unmatched = names(&PeopleFilter {
        matched: MatchedFilter::Unmatched,
        ..PeopleFilter::default()
    });
    assert_eq!(unmatched.len(), p.people.len() - 6);
}

#[test]
fn sorting_by_each_column_in_both_directions() {
    let p = demo();
    let index = PeopleIndex::new(&p);
    let f = PeopleFilter::default();
    let caps = |descending| -> Vec<Option<u16>> {
        index
            .select(
                &p,
                &f,
                Sort {
                    key: SortKey::Capacity,
                    descending,
                },
            )
            .into_iter()
            .map(|i| {
                p.people[i]
                    .role
                    .can_mentor()
                    .then_some(p.people[i].capacity)
            })
            .collect()
    };
    let up = caps(false);
    assert!(up.windows(2).all(|w| w[0] <= w[1]));
    let down = caps(true);
    assert!(down.windows(2).all(|w| w[0] >= w[1]));

    let depts: Vec<String> = index
        .select(
            &p,
            &f,
            Sort {
                key: SortKey::Department,
                descending: false,
            },
        )
        .into_iter()
        .map(|i| p.people[i].department.to_lowercase())
        .collect();
    assert!(depts.windows(2).all(|w| w[0] <= w[1]));

    let names_down: Vec<String> = index
        .select(
            &p,
            &f,
            Sort {
                key: SortKey::Name,
                descending: true,
            },
        )
        .into_iter()
        .map(|i| p.people[i].name.to_lowercase())
        .collect();
    assert!(names_down.windows(2).all(|w| w[0] >= w[1]));

    let roles: Vec<Role> = index
        .select(
            &p,
            &f,
            Sort {
                key: SortKey::Role,
                descending: false,
            },
        )
        .into_iter()
        .map(|i| p.people[i].role)
        .collect();
    let rank = |r: &Role| Role::ALL.iter().position(|x| x == r);
    assert!(roles.windows(2).all(|w| rank(&w[0]) <= rank(&w[1])));
}

/// The table must stay interactive at 10,000 people; this builds that many and runs the
/// filters and sorts the page runs (figures come from benchmarks, not timed asserts).
#[test]
fn ten_thousand_people_filter_and_sort() {
    let mut p = Program::new(ProgramId::from("big"), "Big");
    let depts = ["Engineering", "Sales", "Design", "Finance", "People"];
    for i in 0..10_000 {
        let role = Role::ALL[i % 3];
        let id = p.new_person_id();
        let mut x = Person::new(id, format!("Person {:05}", 10_000 - i), role);
        x.department = depts[i % depts.len()].to_owned();
        x.email = format!("person{i}@example.org");
        x.capacity = if role.can_mentor() { (i % 4) as u16 } else { 0 };
        p.people.push(x);
    }
    let index = PeopleIndex::new(&p);
    assert_eq!(index.len(), 10_000);
    let all = index.select(&p, &PeopleFilter::default(), Sort::default());
    assert_eq!(all.len(), 10_000);
    assert_eq!(p.people[all[0]].name, "Person 00001");
    let sales_mentors = index.select(
        &p,
        &PeopleFilter {
            query: "person".into(),
            role: Some(Role::Mentor),
            department: Some("Sales".into()),
            matched: MatchedFilter::Unmatched,
        },
        Sort {
            key: SortKey::Capacity,
            descending: true,
        },
    );
    // Mentors are i % 3 == 0, Sales is i % 5 == 1: i % 15 == 6.
    assert_eq!(
        sales_mentors.len(),
        (0..10_000).filter(|i| i % 15 == 6).count()
    );
    assert!(sales_mentors
        .iter()
        .all(|&i| p.people[i].role == Role::Mentor && p.people[i].department == "Sales"));
    let one = index.select(
        &p,
        &PeopleFilter {
            query: "person1234@".into(),
            ..PeopleFilter::default()
        },
        Sort::default(),
    );
    assert_eq!(one.len(), 1);
    let removed = remove_people(
        &mut p,
        &all.iter()
            .take(5_000)
            .map(|&i| PersonId(format!("p{}", i + 1)))
            .collect(),
    );
    assert_eq!(removed.count(), 5_000);
    assert_eq!(validate(&p), Ok(()));
}

#[test]
fn a_matched_mentor_who_becomes_a_mentee_is_reported() {
    let mut p = with_matches(demo());
    let mentor = p.matches[0].mentor.clone();
    let change = set_role(&mut p, &ids(&[&mentor]), Role::Mentee);
    assert_eq!(
        change,
        RoleChange {
            changed: 1,
            mismatched_matches: 1
        }
    );
    assert_eq!(p.person(&mentor).map(|x| x.capacity), Some(0));
    assert_eq!(validate(&p), Ok(()));
}
