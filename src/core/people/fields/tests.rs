//! The catalogue's own tests (every entry point is tested in `tests/fields.rs`).

use std::collections::HashSet;

use super::*;
use crate::core::limits::MAX_LIST;
use crate::core::model::Role;

#[test]
fn every_built_in_field_is_in_the_table_once() {
    for (k, spec) in FIELDS.iter().enumerate() {
        let field = spec.field.clone();
        assert_eq!(field.spec().map(|s| s.key), Some(spec.key), "#{k}");
        assert_eq!(PersonField::from_key(spec.key), Some(field));
    }
    let headers: Vec<&str> = FIELDS
        .iter()
        .flat_map(|s| s.headers.iter().copied())
        .collect();
    let unique: HashSet<&str> = headers.iter().copied().collect();
    assert_eq!(headers.len(), unique.len(), "a header names one field");
}

#[test]
fn seniority_is_a_level_from_one_to_ten_in_every_spelling() {
    for (text, level) in [
        ("5", 5),
        ("L5", 5),
        ("Level 7", 7),
        ("Grade 10", 10),
        ("3.0", 3),
    ] {
        assert_eq!(seniority(text), Ok(Some(level)), "{text}");
    }
    assert_eq!(seniority("  "), Ok(None));
    for bad in ["0", "11", "-3", "senior", "5.5", "L50"] {
        let e = seniority(bad).unwrap_err();
        assert!(e.contains("from 1 to 10"), "{bad}: {e}");
    }
}

#[test]
fn capacity_messages_say_what_is_accepted() {
    assert_eq!(capacity("3"), Ok(Some(3)));
    assert_eq!(capacity("2.0"), Ok(Some(2)));
    assert_eq!(capacity(""), Ok(None));
    assert!(capacity("-1").unwrap_err().contains("negative"));
    assert!(capacity("51")
        .unwrap_err()
        .contains("above the maximum of 50"));
    for bad in ["three", "1.5", "1e400", "99999999999999999999999"] {
        let e = capacity(bad).unwrap_err();
        assert!(e.contains("is not a whole number 0-50"), "{bad}: {e}");
    }
}

#[test]
fn e_mail_addresses_have_one_shape_everywhere() {
    assert_eq!(
        email("mailto:ada@example.org"),
        Ok(Some("ada@example.org".into()))
    );
    for bad in [
        "ada",
        "ada@",
        "@x.org",
        "ada@x",
        "ada@x.",
        "a b@x.org",
        "a@b@x.org",
        "ada@.org",
    ] {
        assert!(email(bad).is_err(), "{bad}");
    }
}

#[test]
fn roles_accept_both_and_any_case() {
    assert_eq!(role("MENTOR"), Ok(Some(Role::Mentor)));
    assert_eq!(role(" Both "), Ok(Some(Role::Either)));
    assert_eq!(role("Mentor / Mentee"), Ok(Some(Role::Either)));
    assert_eq!(role(""), Ok(None));
    assert!(role("boss")
        .unwrap_err()
        .contains("\u{201c}boss\u{201d} is not a role"));
}

#[test]
fn time_zones_are_iana_names_or_offsets() {
    let zone = |t: &str| time_zone(t).map(|z| z.map(|z| (z.value, z.known)));
    assert_eq!(
        zone("Europe/Berlin"),
        Ok(Some(("Europe/Berlin".into(), true)))
    );
    assert_eq!(zone("+05:30"), Ok(Some(("+05:30".into(), true))));
    assert_eq!(zone("UTC-8"), Ok(Some(("-08:00".into(), true))));
    assert_eq!(zone("GMT+0530"), Ok(Some(("+05:30".into(), true))));
    assert_eq!(zone("utc"), Ok(Some(("UTC".into(), true))));
    assert_eq!(
        zone("Mars/Olympus_Mons"),
        Ok(Some(("Mars/Olympus_Mons".into(), false)))
    );
    for bad in ["Pacific Time", "+25:00", "+05:75", "Europe/", "+"] {
        assert!(time_zone(bad).is_err(), "{bad}");
    }
}

#[test]
fn skills_take_levels_after_a_colon_or_in_brackets() {
    assert_eq!(skill_item("Python:4"), Ok(("Python".into(), 4)));
    assert_eq!(
        skill_item("Public speaking (2)"),
        Ok(("Public speaking".into(), 2))
    );
    assert_eq!(skill_item("SQL"), Ok(("SQL".into(), 3)));
    assert_eq!(
        skill_item("Sales (enterprise)"),
        Ok(("Sales (enterprise)".into(), 3))
    );
    assert!(skill_item("Python:7")
        .unwrap_err()
        .contains("level must be 1-5"));
}

#[test]
fn lists_drop_blanks_and_repeats() {
    assert_eq!(
        list(["English", " French", "english", ""]),
        Ok(vec!["English".to_owned(), "French".to_owned()])
    );
    let many: Vec<String> = (0..=MAX_LIST).map(|k| k.to_string()).collect();
    assert!(list(many.iter().map(String::as_str)).is_err());
}
