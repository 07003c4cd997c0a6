//! The matching run: the Run button, progress with Cancel, and what the run found.
//!
//! The run happens in a web worker ([`ProgramRun`]), which commits its result as one
//! change, so a run can be undone like any edit. A result
//! that arrives after the program changed is discarded with a notice; leaving the page
//! terminates the worker, so a late result never reaches a disposed page (bad input 42).

use leptos::prelude::*;

use crate::app::matching::{ProgramRun, RunEvent, RunOutcome};
use crate::app::session::use_session;
use crate::app::suggestions::SuggestionStore;
use crate::app::use_app;
use crate::core::model::Algorithm;

/// How far a running match is.
#[derive(Clone, Debug, PartialEq)]
struct Running {
    phase: String,
    done: usize,
    total: usize,
}

/// What the last run said, shown under the button.
#[derive(Clone, Debug, PartialEq)]
struct LastRun {
    algorithm: Algorithm,
    new_pairs: usize,
    notes: Vec<String>,
    unmatched: Vec<String>,
    /// Mentees given suggestions (top-N).
    suggestions: usize,
    proven_optimal: bool,
}

/// The Run panel.
#[component]
pub fn RunPanel() -> impl IntoView {
    let s = use_session();
    let app = use_app();
    let store = expect_context::<SuggestionStore>();
    let running = RwSignal::new(None::<Running>);
    let error = RwSignal::new(None::<String>);
    let last = RwSignal::new(None::<LastRun>);
    let current = StoredValue::new_local(None::<ProgramRun>);
    on_cleanup(move || {
        // Terminates the worker: a run finishing after the page was left never reports
        // (bad input 42).
        current.try_update_value(|r| *r = None);
    });

    let finish = move |outcome: RunOutcome| {
        let suggestions = outcome.suggestions.len();
        // A pairing run's matches are in the program already (ProgramRun commits them).
        if outcome.algorithm == Algorithm::TopN {
            s.program
                .with_untracked(|p| store.set(p, outcome.suggestions));
        }
        last.try_set(Some(LastRun {
            algorithm: outcome.algorithm,
            new_pairs: outcome.new_pairs,
            notes: outcome.notes,
            unmatched: outcome.unmatched,
            suggestions,
            proven_optimal: outcome.proven_optimal,
        }));
    };

    let on_event = move |event: RunEvent| {
        if !matches!(event, RunEvent::Progress { .. }) {
            running.try_set(None);
            // The run's job is done: free its worker.
            current.try_update_value(|r| *r = None);
        }
        match event {
            RunEvent::Progress { phase, done, total } => {
                running.try_set(Some(Running { phase, done, total }));
            }
            RunEvent::Done(outcome) => finish(*outcome),
            RunEvent::Stale => app.notices.info(
                "The program changed while matching ran, so its result was discarded. Run again to match the current program.",
            ),
            RunEvent::Failed(message) => {
                error.try_set(Some(format!("Matching failed: {message}.")));
            }
            RunEvent::Refused => {}
        }
    };

    let run = move || {
        if running.get_untracked().is_some() {
            return;
        }
        error.set(None);
        last.set(None);
        running.set(Some(Running {
            phase: "Starting".to_owned(),
            done: 0,
            total: 0,
        }));
        let algorithm = s.program.with_untracked(|p| p.matching.algorithm);
        let run = ProgramRun::start(s, algorithm, on_event);
        // A run done on the page has reported already: keep nothing.
        if running.get_untracked().is_some() {
            current.set_value(Some(run));
        }
    };
    let cancel = move || {
        current.update_value(|r| *r = None);
        running.set(None);
        app.notices
            .info("Matching cancelled; the draft is unchanged.");
    };

    view! {
        <section class="mk-card mk-card--wide" aria-labelledby="run-title">
            <h2 id="run-title">"Run matching"</h2>
            <div class="mk-actions">
                <button class="mk-button mk-button--primary" data-testid="run"
                    disabled=move || running.with(Option::is_some)
                    on:click=move |_| run()>
                    {move || format!("Run: {}", s.program.with(|p| p.matching.algorithm.label()))}
                </button>
                <Show when=move || running.with(Option::is_some)>
                    <button class="mk-button" data-testid="cancel-run" on:click=move |_| cancel()>"Cancel"</button>
                </Show>
            </div>
            <p class="mk-hint">"Locked and published pairs are kept; the rest of the draft is matched again. Undo restores the previous draft."</p>
            {move || running.get().map(|r| {
                let text = if r.total > 0 {
                    format!("{}: {} of {} ({}%)", r.phase, r.done, r.total, r.done * 100 / r.total)
                } else {
                    format!("{}\u{2026}", r.phase)
                };
                view! {
                    <div class="mk-run-progress" role="status" data-testid="run-progress">
                        {if r.total > 0 {
                            view! { <progress max=r.total.to_string() value=r.done.to_string() aria-label="Matching progress"></progress> }.into_any()
                        } else {
                            view! { <progress aria-label="Matching progress"></progress> }.into_any()
                        }}
                        <span>{text}</span>
                    </div>
                }
            })}
            <p class="mk-field__error" role="alert">{move || error.get()}</p>
            {move || last.get().map(|l| view! { <LastRunView last=l/> })}
        </section>
    }
}

#[component]
fn LastRunView(last: LastRun) -> impl IntoView {
    let headline = if last.algorithm == Algorithm::TopN {
        format!(
            "Suggestions ready for {} mentee(s): see the lists below.",
            last.suggestions
        )
    } else {
        format!(
            "Matching finished: {} new pair(s) proposed{}.",
            last.new_pairs,
            if last.proven_optimal {
                ""
            } else {
                " (the result may not be the best possible)"
            }
        )
    };
    let unmatched = last.unmatched.len();
    view! {
        <div class="mk-run-result" role="status" data-testid="run-result">
            <p><strong>{headline}</strong></p>
            {(!last.notes.is_empty()).then(|| view! {
                <ul class="mk-plain-list mk-run-result__notes">
                    {last.notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                </ul>
            })}
            {(unmatched > 0).then(|| view! {
                <details>
                    <summary>{format!("{unmatched} left unmatched by this run, and why")}</summary>
                    <ul class="mk-plain-list">
                        {last.unmatched.into_iter().take(500).map(|u| view! { <li>{u}</li> }).collect_view()}
                    </ul>
                </details>
            })}
        </div>
    }
}
