//! Matching off the main thread: the messages between the page and the matching worker
//! (`src/bin/worker.rs`), the work the worker does, and (wasm32) the page's client.
//!
//! The page sends a [`RunRequest`] (the whole program and the algorithm); the worker answers
//! with [`WorkerMessage::Progress`] (at most about ten a second), then one
//! [`WorkerMessage::Done`] or [`WorkerMessage::Failed`]. Cancelling terminates the worker;
//! the next run starts a fresh one. The protocol and [`run_request`] are plain Rust, so the
//! worker's work is tested natively.

use serde::{Deserialize, Serialize};

use crate::core::date::Date;
use crate::core::matching::{self, Control, Options, Progress};
use crate::core::model::{Algorithm, Match, PersonId, Program};

/// What the page asks the worker to do.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RunRequest {
    /// The program to match (its locked and published matches are kept).
    pub program: Program,
    /// The algorithm to run.
    pub algorithm: Algorithm,
    /// Today, for the rematch cooldown.
    #[serde(default)]
    pub as_of: Option<Date>,
}

/// What a finished run produced.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunOutcome {
    /// The algorithm that ran.
    pub algorithm: Algorithm,
    /// The program's matches after applying the proposal (locked and published kept), or
    /// unchanged for top-N (which only suggests).
    pub matches: Vec<Match>,
    /// The program's match id counter after applying.
    pub next_seq: u64,
    /// New pairs proposed.
    pub new_pairs: usize,
    /// Who is left unmatched and why, as sentences ("Ada (mentee): there are no mentors").
    pub unmatched: Vec<String>,
    /// Top-N suggestions: (mentee, [(mentor, score)]), best first.
    pub suggestions: Vec<(PersonId, Vec<(PersonId, u8)>)>,
    /// Whether the result is proven optimal (or stable).
    pub proven_optimal: bool,
    /// What the coordinator should know about the run as a whole ("there are no mentors").
    pub notes: Vec<String>,
}

/// A message from the worker to the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WorkerMessage {
    /// The worker is listening (sent once, before any request is read).
    Ready,
    /// How far the run is.
    Progress {
        /// What it is doing, in words.
        phase: String,
        /// Units done.
        done: usize,
        /// All units.
        total: usize,
    },
    /// The run finished.
    Done(Box<RunOutcome>),
    /// The run could not be made.
    Failed {
        /// Why, in words.
        message: String,
    },
}

impl WorkerMessage {
    /// A progress message for a matching [`Progress`].
    pub fn progress(p: Progress) -> WorkerMessage {
        let (phase, done, total) = match p {
            Progress::Scoring { done, total } => ("Scoring pairs".to_owned(), done, total),
            Progress::Solving { round, done, total } => {
                (format!("Matching (round {round})"), done, total)
            }
            Progress::Checking { round, done, total } => {
                (format!("Checking the result (round {round})"), done, total)
            }
        };
        WorkerMessage::Progress { phase, done, total }
    }
}

/// Runs matching for a request, reporting progress, and applies the proposal to the
/// request's program the way a re-run does (unlocked proposed matches replaced, locked and
/// published kept). Top-N only suggests: the matches come back unchanged.
pub fn run_request(
    request: RunRequest,
    progress: &mut dyn FnMut(Progress) -> Control,
) -> WorkerMessage {
    let RunRequest {
        mut program,
        algorithm,
        as_of,
    } = request;
    let options = Options {
        as_of,
        ..Options::default()
    };
    let proposal = match matching::run_with(&program, algorithm, &options, progress) {
        Ok(p) => p,
        Err(e) => {
            return WorkerMessage::Failed {
                message: e.to_string(),
            }
        }
    };
    let unmatched = proposal
        .unmatched
        .iter()
        .map(|u| u.sentence(&program))
        .collect();
    let suggestions = proposal
        .suggestions
        .iter()
        .map(|s| (s.mentee.clone(), s.mentors.clone()))
        .collect();
    let new_pairs = proposal.new_pairs().count();
    let mut notes = Vec::new();
    if proposal.stats.mentees == 0 {
        notes.push(
            "There are no mentees: nobody in the program is looking for a mentor this cycle."
                .to_owned(),
        );
    }
    if proposal.stats.mentors == 0 {
        notes.push("There are no mentors: nobody in the program can mentor this cycle.".to_owned());
    } else if proposal.stats.capacity == 0 {
        notes.push("Every mentor is full or has capacity 0: there is no place left.".to_owned());
    }
    if algorithm != Algorithm::TopN && new_pairs == 0 && notes.is_empty() {
        notes.push("No new pair could be made: see who is unmatched and why.".to_owned());
    }
    if algorithm != Algorithm::TopN {
        matching::apply(&mut program, &proposal);
    }
    WorkerMessage::Done(Box::new(RunOutcome {
        algorithm,
        matches: program.matches,
        next_seq: program.next_seq,
        new_pairs: if algorithm == Algorithm::TopN {
            0
        } else {
            new_pairs
        },
        unmatched,
        suggestions,
        proven_optimal: proposal.stats.proven_optimal,
        notes,
    }))
}

#[cfg(target_arch = "wasm32")]
pub use client::{MatchWorker, ProgramRun, RunEvent, WorkerStartError};

#[cfg(target_arch = "wasm32")]
mod client {
    use std::cell::RefCell;
    use std::rc::Rc;

    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    use leptos::prelude::*;

    use super::{run_request, RunOutcome, RunRequest, WorkerMessage};
    use crate::app::session::Session;
    use crate::core::matching::draft::AcceptRun;
    use crate::core::matching::Control;
    use crate::core::model::Algorithm;

    /// Why the matching worker could not be started or reached.
    #[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
    pub enum WorkerStartError {
        /// The browser refused to create the worker.
        #[error("the browser could not start the matching worker: {0}")]
        Create(String),
        /// The request could not be encoded or sent.
        #[error("the program could not be sent to the matching worker: {0}")]
        Send(String),
    }

    /// One matching run in a dedicated worker. Dropping it terminates the worker, so a
    /// run abandoned (cancelled, or its page left) never reports back.
    pub struct MatchWorker {
        worker: web_sys::Worker,
        _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
        _on_error: Closure<dyn FnMut(web_sys::ErrorEvent)>,
    }

    type Sink = Rc<RefCell<dyn FnMut(WorkerMessage)>>;

    impl MatchWorker {
        /// Starts a worker, sends it `request` once it is listening, and calls `on_message`
        /// with each message it sends. A worker that fails to load or crashes arrives as
        /// [`WorkerMessage::Failed`].
        ///
        /// # Errors
        /// [`WorkerStartError`] when the worker cannot be created or the request encoded.
        pub fn start(
            request: &RunRequest,
            on_message: impl FnMut(WorkerMessage) + 'static,
        ) -> Result<MatchWorker, WorkerStartError> {
            let text = serde_json::to_string(request)
                .map_err(|e| WorkerStartError::Send(e.to_string()))?;
            // Relative, so a site hosted on a sub-path finds it; Trunk does not hash worker
            // file names.
            let worker = web_sys::Worker::new("./mentorkit-worker_loader.js")
                .map_err(|e| WorkerStartError::Create(crate::js::reason(&e)))?;
            let sink: Sink = Rc::new(RefCell::new(on_message));
            let sender = worker.clone();
            let to_page = sink.clone();
            let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
                move |e: web_sys::MessageEvent| {
                    let data = e.data().as_string().unwrap_or_default();
                    let message = match serde_json::from_str::<WorkerMessage>(&data) {
                        Ok(WorkerMessage::Ready) => {
                            // The worker reads messages only once its wasm is loaded: send
                            // the request now.
                            match sender.post_message(&JsValue::from_str(&text)) {
                                Ok(()) => return,
                                Err(err) => WorkerMessage::Failed {
                                    message: WorkerStartError::Send(crate::js::reason(&err))
                                        .to_string(),
                                },
                            }
                        }
                        Ok(m) => m,
                        Err(err) => WorkerMessage::Failed {
                            message: format!("unreadable answer from the matching worker: {err}"),
                        },
                    };
                    if let Ok(mut f) = to_page.try_borrow_mut() {
                        f(message);
                    }
                },
            );
            let on_error =
                Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |e: web_sys::ErrorEvent| {
                    e.prevent_default();
                    let detail = e.message();
                    let message = if detail.is_empty() {
                        "the matching worker could not be loaded or stopped unexpectedly".to_owned()
                    } else {
                        format!("the matching worker stopped: {detail}")
                    };
                    if let Ok(mut f) = sink.try_borrow_mut() {
                        f(WorkerMessage::Failed { message });
                    }
                });
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            Ok(MatchWorker {
                worker,
                _on_message: on_message,
                _on_error: on_error,
            })
        }
    }

    impl Drop for MatchWorker {
        fn drop(&mut self) {
            self.worker.set_onmessage(None);
            self.worker.set_onerror(None);
            self.worker.terminate();
        }
    }

    /// What a run of the open program tells the page that started it.
    #[derive(Debug)]
    pub enum RunEvent {
        /// How far it is (from the worker, at most about ten a second).
        Progress {
            /// What it is doing, in words.
            phase: String,
            /// Units done.
            done: usize,
            /// All units.
            total: usize,
        },
        /// Finished, and the program is still the one the run started from: a pairing
        /// run's matches are already committed into the program (one undoable change,
        /// [`AcceptRun`]); top-N suggestions are in the outcome for the page to keep.
        Done(Box<RunOutcome>),
        /// Finished, but the program changed meanwhile: the result was discarded.
        Stale,
        /// Finished, but the program refused the result (read-only, changed in another
        /// tab); the session has said why.
        Refused,
        /// Matching failed (why, in words).
        Failed(String),
    }

    /// Matching of the open program as it is now, in the worker when there is one (on the
    /// page otherwise, which it says). Its result is only used if the program has not
    /// changed since, so a late result never overwrites newer edits: the one place a run's
    /// pairs are committed. Dropping the run terminates the worker: a run cancelled, or
    /// outliving its page, never reports (bad input 42).
    pub struct ProgramRun {
        _worker: Option<MatchWorker>,
    }

    impl ProgramRun {
        /// Starts matching `s`'s program with `algorithm`; `on_event` hears how it goes.
        pub fn start(
            s: Session,
            algorithm: Algorithm,
            on_event: impl Fn(RunEvent) + 'static,
        ) -> ProgramRun {
            let started = s.program.get_untracked();
            let request = RunRequest {
                program: started.clone(),
                algorithm,
                as_of: crate::app::browser::today(),
            };
            let on_event = Rc::new(on_event);
            let tell = on_event.clone();
            let deliver = move |message: WorkerMessage| match message {
                WorkerMessage::Ready => {}
                WorkerMessage::Progress { phase, done, total } => {
                    tell(RunEvent::Progress { phase, done, total });
                }
                WorkerMessage::Done(mut outcome) => {
                    let current = s
                        .program
                        .try_with_untracked(|now| *now == started)
                        .unwrap_or(false);
                    if !current {
                        tell(RunEvent::Stale);
                        return;
                    }
                    if outcome.algorithm != Algorithm::TopN {
                        let run = AcceptRun {
                            algorithm: outcome.algorithm,
                            matches: std::mem::take(&mut outcome.matches),
                            next_seq: outcome.next_seq,
                        };
                        if s.commit(run).is_err() {
                            tell(RunEvent::Refused);
                            return;
                        }
                    }
                    tell(RunEvent::Done(outcome));
                }
                WorkerMessage::Failed { message } => tell(RunEvent::Failed(message)),
            };
            match MatchWorker::start(&request, deliver.clone()) {
                Ok(worker) => ProgramRun {
                    _worker: Some(worker),
                },
                Err(e) => {
                    // No worker (a browser without workers, or the file is missing): say
                    // so. The page is busy until it ends; there is no progress to show.
                    s.app().notices.info(format!(
                        "{}. Matching runs on this page instead, which may be slow for large programs.",
                        crate::app::session::sentence(&e.to_string()).trim_end_matches('.')
                    ));
                    deliver(run_request(request, &mut |_| Control::Continue));
                    ProgramRun { _worker: None }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Program;
    use crate::core::program::demo::demo_program;

    fn run(program: Program, algorithm: Algorithm) -> WorkerMessage {
        run_request(
            RunRequest {
                program,
                algorithm,
                as_of: None,
            },
            &mut |_| Control::Continue,
        )
    }

    #[test]
    fn a_run_on_the_demo_returns_proposed_matches_and_survives_json() {
        let program = demo_program(crate::core::model::ProgramId("p".into()));
        let msg = run(program, Algorithm::Optimal);
        let text = serde_json::to_string(&msg).unwrap();
        let back: WorkerMessage = serde_json::from_str(&text).unwrap();
        assert_eq!(back, msg);
        match msg {
            WorkerMessage::Done(o) => {
                assert!(o.new_pairs > 0);
                assert!(o.matches.len() >= o.new_pairs);
            }
            other => panic!("expected Done, got {other:?}"),
        }
    }

    /// Bad input 43: a program without people finishes and says why nobody is matched.
    #[test]
    fn a_run_without_mentors_finishes_and_explains_who_is_unmatched() {
        let mut program = demo_program(crate::core::model::ProgramId("p".into()));
        program
            .people
            .retain(|p| p.role == crate::core::model::Role::Mentee);
        program.matches.clear();
        match run(program, Algorithm::Optimal) {
            WorkerMessage::Done(o) => {
                assert_eq!(o.new_pairs, 0);
                assert!(!o.unmatched.is_empty());
                assert!(
                    o.unmatched.iter().all(|u| u.contains("no mentors")),
                    "{:?}",
                    o.unmatched
                );
            }
            other => panic!("expected Done, got {other:?}"),
        }
    }

    /// Bad input 43: an empty program (no people) finishes and says there is nobody to match.
    #[test]
    fn a_run_on_an_empty_program_says_there_are_no_mentees_and_no_mentors() {
        let program = Program::new(crate::core::model::ProgramId::from("empty"), "Empty");
        match run(program, Algorithm::Participation) {
            WorkerMessage::Done(o) => {
                assert!(
                    o.notes.iter().any(|n| n.contains("no mentees")),
                    "{:?}",
                    o.notes
                );
                assert!(
                    o.notes.iter().any(|n| n.contains("no mentors")),
                    "{:?}",
                    o.notes
                );
            }
            other => panic!("expected Done, got {other:?}"),
        }
    }

    #[test]
    fn a_cancelled_run_fails_with_a_message() {
        let msg = run_request(
            RunRequest {
                program: demo_program(crate::core::model::ProgramId("p".into())),
                algorithm: Algorithm::Optimal,
                as_of: None,
            },
            &mut |_| Control::Cancel,
        );
        assert!(matches!(msg, WorkerMessage::Failed { .. }), "{msg:?}");
    }
}
