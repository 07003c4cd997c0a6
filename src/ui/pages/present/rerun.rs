//! Re-running matching around the locks from the stage (`R`): in the worker, as the
//! Matching page does (the run commits its result into the program's undo history).

use leptos::prelude::*;

use super::presenter::Presenter;
use crate::app::matching::{ProgramRun, RunEvent};
use crate::core::matching::draft::{self, Preview};
use crate::core::model::Algorithm;

/// The re-run in progress, kept while it runs (dropping it terminates its worker).
pub(super) type RunSlot = StoredValue<Option<ProgramRun>, LocalStorage>;

/// Re-runs matching around the locks in the worker (the Matching page's path); the new
/// draft is one undoable change.
pub(super) fn rerun(p: Presenter, slot: RunSlot) {
    let app = p.app;
    if p.running.get_untracked() || !p.editable() {
        return;
    }
    let algorithm = p.s.program.with_untracked(|x| x.matching.algorithm);
    if algorithm == Algorithm::TopN {
        app.notices.error(
            "The top-N algorithm only suggests mentors: choose another algorithm on the Matching page to re-run.",
        );
        return;
    }
    let total_before = p.deck.with_untracked(|d| d.total_score);
    let finish = move |outcome: crate::app::matching::RunOutcome| {
        let total_after =
            p.s.program
                .with_untracked(|x| draft::summary(x).total_score);
        let preview = Preview {
            label: "Re-run around the locks".to_owned(),
            pair_deltas: Vec::new(),
            total_before,
            total_after,
            warnings: Vec::new(),
        };
        let change = p.deck.with_untracked(|d| {
            d.change_view("Re-run around the locks".to_owned(), &preview, true)
        });
        p.last.try_set(Some((change, preview)));
        p.cancel();
        app.notices.success(format!(
            "Re-ran around the locks: {} new pair(s).",
            outcome.new_pairs
        ));
    };
    let on_event = move |event: RunEvent| {
        if !matches!(event, RunEvent::Progress { .. }) {
            p.running.try_set(false);
            slot.try_update_value(|r| *r = None);
        }
        match event {
            RunEvent::Progress { .. } => {}
            RunEvent::Done(outcome) => finish(*outcome),
            RunEvent::Stale => app.notices.info(
                "The draft changed while matching ran, so its result was discarded. Press R to re-run.",
            ),
            RunEvent::Failed(message) => app.notices.error(format!("Matching failed: {message}.")),
            RunEvent::Refused => {}
        }
    };
    p.running.set(true);
    let run = ProgramRun::start(p.s, algorithm, on_event);
    // A run done on the page has reported already: keep nothing.
    if p.running.get_untracked() {
        slot.set_value(Some(run));
    }
}
