//! The matching draft: totals, the pairs with their edits (why, lock, move, unmatch, swap,
//! match by hand), who is unmatched and why, and publishing.
//!
//! Every edit is a [`DraftEdit`] previewed with [`draft::preview`] (the score change shown
//! before confirming) and committed through the session, so each is in the program's undo
//! history (the Undo and Redo buttons are in the program's header).

mod edit_forms;
mod pairs;
mod publish;

use std::collections::HashMap;

use leptos::prelude::*;

use crate::app::session::{use_session, Session};
use crate::core::matching::draft::{self, signed, DraftEdit, DraftSummary};
use crate::core::model::{MatchId, PersonId};

use edit_forms::MatchByHand;
use pairs::{PairRows, SwapButton};
use publish::{Publish, Unmatched};

/// Shared state of the draft panel.
#[derive(Clone, Copy)]
struct DraftUi {
    s: Session,
    /// Match ids ticked for a swap.
    selected: RwSignal<Vec<MatchId>>,
    names: Memo<HashMap<PersonId, String>>,
}

impl DraftUi {
    fn name(&self, id: &PersonId) -> String {
        self.names
            .with(|n| n.get(id).cloned())
            .unwrap_or_else(|| id.to_string())
    }

    /// Makes an edit and tells the coordinator what it did and its score change; whether
    /// it was made.
    fn edit(&self, edit: DraftEdit) -> bool {
        match self.s.commit(edit) {
            Ok(done) => {
                self.s.app().notices.success(format!(
                    "{} (total score {}).",
                    done.label,
                    signed(done.report.total_delta())
                ));
                true
            }
            Err(_) => false,
        }
    }
}

/// The draft panel.
#[component]
pub fn DraftPanel() -> impl IntoView {
    let s = use_session();
    let names = Memo::new(move |_| {
        s.program.with(|p| {
            p.people
                .iter()
                .map(|x| (x.id.clone(), x.name.clone()))
                .collect::<HashMap<_, _>>()
        })
    });
    let ui = DraftUi {
        s,
        selected: RwSignal::new(Vec::new()),
        names,
    };
    provide_context(ui);
    let summary = Memo::new(move |_| s.program.with(draft::summary));

    let shown = RwSignal::new(200usize);
    let pairs = move || {
        let n = shown.get();
        summary.with(|x| x.pairs.iter().take(n).cloned().collect::<Vec<_>>())
    };

    view! {
        <section class="mk-card mk-card--wide" aria-labelledby="draft-title">
            <h2 id="draft-title">"Draft"</h2>
            <Totals summary=summary/>
            <div class="mk-toolbar">
                <button class="mk-button" title="Score the draft's pairs again with the current criteria"
                    disabled=move || summary.with(|x| x.draft_pairs == 0)
                    on:click=move |_| { ui.edit(DraftEdit::Rescore); }>"Rescore the draft"</button>
                <SwapButton/>
            </div>
            <Show when=move || summary.with(|x| !x.pairs.is_empty()) fallback=|| view! {
                <p class="mk-empty-line">"No pairs yet: run matching above, or match by hand below."</p>
            }>
                <div class="mk-table-wrap">
                    <table class="mk-table mk-draft" data-testid="draft-table">
                        <thead><tr>
                            <th scope="col"><span class="mk-visually-hidden">"Select for swap"</span></th>
                            <th scope="col">"Mentee"</th><th scope="col">"Mentor"</th>
                            <th scope="col">"Score"</th><th scope="col">"State"</th><th scope="col">"Actions"</th>
                        </tr></thead>
                        <For each=pairs
                            key=|p| format!("{}|{}|{}|{:?}|{}|{:?}", p.id, p.mentor, p.mentee, p.score, p.locked, p.status)
                            children=move |pair| view! { <PairRows pair=pair/> }/>
                    </table>
                </div>
                <Show when=move || { summary.with(|x| x.pairs.len()) > shown.get() }>
                    <button class="mk-button" on:click=move |_| shown.update(|n| *n += 200)>
                        {move || format!("Show more pairs ({} of {} shown)", shown.get(), summary.with(|x| x.pairs.len()))}
                    </button>
                </Show>
            </Show>
            <MatchByHand/>
            <Unmatched summary=summary/>
            <Publish summary=summary/>
        </section>
    }
}

#[component]
fn Totals(summary: Memo<DraftSummary>) -> impl IntoView {
    let stat = |label: &'static str, value: Signal<String>| {
        view! {
            <div class="mk-stat">
                <span class="mk-stat__value">{value}</span>
                <span class="mk-stat__label">{label}</span>
            </div>
        }
    };
    let matched = Signal::derive(move || {
        summary.with(|x| match x.matched_percent {
            Some(pc) => format!("{pc:.0}% ({} of {})", x.matched_mentees, x.mentees),
            None => "no mentees".to_owned(),
        })
    });
    let mean = Signal::derive(move || {
        summary.with(|x| {
            x.mean_score
                .map_or("\u{2013}".to_owned(), |m| format!("{m:.1}"))
        })
    });
    let min = Signal::derive(move || {
        summary.with(|x| x.min_score.map_or("\u{2013}".to_owned(), |m| m.to_string()))
    });
    let pairs = Signal::derive(move || {
        summary.with(|x| format!("{} ({} locked or published)", x.pairs.len(), x.locked))
    });
    view! {
        <div class="mk-stats" data-testid="draft-totals">
            {stat("mentees matched", matched)}
            {stat("pairs", pairs)}
            {stat("mean score", mean)}
            {stat("lowest score", min)}
        </div>
        {move || summary.with(|x| (!x.over_capacity.is_empty()).then(|| {
            let n = x.over_capacity.len();
            view! { <p class="mk-field__error">{format!("{n} mentor(s) have more mentees than their capacity.")}</p> }
        }))}
    }
}
