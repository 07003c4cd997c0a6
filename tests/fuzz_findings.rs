//! Replays every fuzzing seed and every saved fuzzing finding (`tests/fuzz-findings/<target>/`)
//! through the same target code the fuzzer runs (`src/bin/fuzz/targets.rs`): a crash, a
//! broken promise or a hang the fuzzer once found must never come back. Run the fuzzer with
//! `make fuzz` (see README, "Fuzzing").
#![cfg(not(target_arch = "wasm32"))]

#[path = "../src/bin/fuzz/targets.rs"]
mod targets;

use std::sync::mpsc;
use std::time::Duration;

use targets::{findings, repo_root, run, seeds, Target};

/// Far above what any input takes (milliseconds), so only a real hang fails.
const TIMEOUT: Duration = Duration::from_secs(60);

/// Runs `input` on its own thread and fails the test if it panics or takes past [`TIMEOUT`].
fn replay(target: Target, name: &str, input: Vec<u8>) {
    let (done, wait) = mpsc::channel();
    let handle = std::thread::spawn(move || {
        run(target, &input);
        let _ = done.send(());
    });
    match wait.recv_timeout(TIMEOUT) {
        Ok(()) => {}
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("{} {name}: still running after {TIMEOUT:?}", target.name())
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {}
    }
    if handle.join().is_err() {
        panic!("{} {name}: panicked (message above)", target.name());
    }
}

fn replay_all(target: Target) {
    let root = repo_root();
    let seeds = seeds(&root, target);
    assert!(
        seeds.len() >= 3,
        "{}: the fuzzer needs seeds from tests/fixtures",
        target.name()
    );
    for (name, input) in seeds {
        replay(target, &format!("seed {name}"), input);
    }
    for (name, input) in findings(&root, target) {
        replay(target, &format!("finding {name}"), input);
    }
}

#[test]
fn every_program_file_seed_and_finding_imports_without_a_crash() {
    replay_all(Target::File);
}

#[test]
fn every_participants_csv_seed_and_finding_imports_without_a_crash() {
    replay_all(Target::Csv);
}

#[test]
fn every_share_link_seed_and_finding_decodes_without_a_crash() {
    replay_all(Target::Share);
}

#[test]
fn every_checkins_csv_seed_and_finding_imports_without_a_crash() {
    replay_all(Target::CheckIns);
}
