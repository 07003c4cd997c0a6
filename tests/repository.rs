//! The repository explains itself: every case of the bad-input catalogue
//! (`docs/bad-inputs.md`) is named by a test, and no file points at a path outside the
//! repository (a contributor who clones it has nothing else).
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a panic is a failure.

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file below `dir` (recursively), skipping build output and installed packages.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        // In a git worktree `.git` is a file naming the main checkout's git directory.
        if name == ".git" {
            continue;
        }
        if path.is_dir() {
            if !matches!(name.as_str(), "target" | "node_modules" | "dist" | ".git") {
                files(&path, out);
            }
        } else {
            out.push(path);
        }
    }
}

fn text_files() -> Vec<(PathBuf, String)> {
    let mut all = Vec::new();
    files(&root(), &mut all);
    all.into_iter()
        .filter_map(|p| fs::read_to_string(&p).ok().map(|t| (p, t)))
        .collect()
}

/// The numbers of the catalogue's cases that are in MentorKit now (the section after
/// "Cases that come with features being built" lists cases still to come).
fn catalogue_cases() -> Vec<u32> {
    let path = root().join("docs/bad-inputs.md");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let current = text
        .split("## Cases that come with features being built")
        .next()
        .unwrap_or_default();
    current
        .lines()
        .filter_map(|l| l.split_once(". ").and_then(|(n, _)| n.parse().ok()))
        .collect()
}

/// Whether `text` names bad input `n` ("bad input 41", "bad inputs 38 and 41",
/// "bad inputs 1-28", "bad_input_43_...").
fn names_case(text: &str, n: u32) -> bool {
    let lower = text.to_lowercase();
    if lower.contains(&format!("bad_input_{n}_")) {
        return true;
    }
    for (at, _) in lower.match_indices("bad input") {
        // The numbers that follow: "s 38 and 41", " 12, 13", "s 1-28".
        let tail: String = lower[at + "bad input".len()..]
            .chars()
            .take(40)
            .take_while(|c| c.is_ascii_digit() || " s,-and".contains(*c))
            .collect();
        for part in tail.split([',', ' ']).filter(|p| !p.is_empty()) {
            let range = part
                .split_once('-')
                .and_then(|(a, b)| Some((a.parse::<u32>().ok()?, b.parse::<u32>().ok()?)));
            match range {
                Some((a, b)) if (a..=b).contains(&n) => return true,
                _ if part.parse::<u32>().ok() == Some(n) => return true,
                _ => {}
            }
        }
    }
    false
}

#[test]
fn every_case_of_the_bad_input_catalogue_is_named_by_a_test() {
    let cases = catalogue_cases();
    assert!(
        cases.len() >= 43,
        "the catalogue lists {} cases",
        cases.len()
    );
    let tests: Vec<(PathBuf, String)> = text_files()
        .into_iter()
        .filter(|(p, _)| p.starts_with(root().join("tests")))
        .collect();
    let untested: Vec<u32> = cases
        .iter()
        .copied()
        .filter(|&n| !tests.iter().any(|(_, t)| names_case(t, n)))
        .collect();
    assert!(
        untested.is_empty(),
        "no test names bad input(s) {untested:?}"
    );
}

#[test]
fn the_case_matcher_reads_lists_and_ranges() {
    assert!(names_case("/// Bad input 41: capacity", 41));
    assert!(names_case("bad inputs 38 and 39", 39));
    assert!(names_case("import of bad inputs 1-26 (see", 12));
    assert!(names_case("fn bad_input_43_no_mentors()", 43));
    assert!(!names_case("bad input 4", 41));
    assert!(!names_case("bad inputs 1-26", 27));
}

#[test]
fn no_file_refers_to_a_path_outside_the_repository() {
    // Built from parts, so this file does not name them itself.
    let outside = [format!("..{}shared", '/'), format!("{}work{}", '/', '/')];
    let offenders: Vec<String> = text_files()
        .into_iter()
        .filter(|(_, text)| outside.iter().any(|o| text.contains(o.as_str())))
        .map(|(p, _)| p.display().to_string())
        .collect();
    assert!(
        offenders.is_empty(),
        "files pointing outside: {offenders:?}"
    );
}
