//! The what-if controls (pick, move, lock, confirm, undo/redo, re-run around the locks)
//! and the presenter-only details of the selected pair.
//!
//! On a stage-first screen the room may see these controls (a mirrored display), so the
//! move form names mentors as the stage does ([`Deck::mentor_choices`]) and the details
//! with full names are not shown at all.

use leptos::prelude::*;

use super::presenter::Presenter;
use super::rerun::{rerun, RunSlot};
use crate::core::matching::scoring;
use crate::core::model::PersonId;
use crate::core::people::mentors_with_places;
use crate::core::workshop::Deck;

/// The mentors the move form offers: full names on the presenter's own screen, the
/// stage's names where the room may see them.
fn mentors(p: Presenter) -> Vec<(PersonId, String)> {
    if p.stage_first.get() {
        p.s.program
            .with(|prog| p.deck.with(|d: &Deck| d.mentor_choices(prog)))
    } else {
        p.s.program.with(mentors_with_places)
    }
}

/// The what-if controls: pick, move, lock, confirm, undo/redo, re-run.
#[component]
pub(super) fn WhatIf(p: Presenter, run_slot: RunSlot) -> impl IntoView {
    let needs = move || {
        p.preview
            .with(|x| matches!(x, Some(Ok((_, pv))) if pv.needs_confirmation()))
    };
    let error = move || {
        p.preview.with(|x| match x {
            Some(Err(e)) => Some(e.clone()),
            _ => None,
        })
    };
    let selected_text = move || {
        let k = p.selected.get()?;
        let shown = p.deck.with(|d| d.revealed_count(p.step.get()));
        (k < shown).then(|| {
            p.deck.with(|d| {
                format!(
                    "Selected: pair {} ({} with {})",
                    k + 1,
                    d.pairs[k].mentee,
                    d.pairs[k].mentor
                )
            })
        })
    };
    view! {
        <section class="mk-card mk-present__whatif" aria-labelledby="whatif-title">
            <h2 id="whatif-title">"What if"</h2>
            <p data-testid="whatif-selected" role="status">{move || selected_text().unwrap_or_else(|| "No pair selected: \u{2191}/\u{2193} selects a revealed pair.".to_owned())}</p>
            <div class="mk-toolbar">
                <button class="mk-button" on:click=move |_| p.pick()>
                    {move || if p.picked.get().is_some() { "Unpick (S)" } else { "Pick for a swap (S)" }}
                </button>
                <button class="mk-button" on:click=move |_| p.open_move()>"Move mentee\u{2026} (M)"</button>
                <button class="mk-button" on:click=move |_| p.toggle_lock()>"Lock / unlock (L)"</button>
                <button class="mk-button mk-button--primary" data-testid="whatif-confirm"
                    disabled=move || p.pending.with(Option::is_none)
                    on:click=move |_| p.confirm()>"Confirm (Enter)"</button>
                <button class="mk-button" on:click=move |_| { p.cancel(); }>"Cancel (Esc)"</button>
            </div>
            <Show when=move || p.moving.get()>
                <div class="mk-inline-form">
                    <label for="present-move-to">"New mentor"</label>
                    <select id="present-move-to" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        p.move_to.set((!v.is_empty()).then_some(PersonId(v)));
                    }>
                        <option value="">"Choose a mentor\u{2026}"</option>
                        {move || mentors(p).into_iter().map(|(id, name)| view! {
                            <option value=id.0.clone()>{name}</option>
                        }).collect_view()}
                    </select>
                </div>
            </Show>
            <Show when=needs>
                <label class="mk-check">
                    <input type="checkbox" prop:checked=move || p.allow.get() on:change=move |ev| p.allow.set(event_target_checked(&ev))/>
                    "Allow although a rule excludes it"
                </label>
            </Show>
            <p class="mk-field__error" role="alert">{error}</p>
            <div class="mk-toolbar">
                <button class="mk-button" data-testid="present-undo"
                    disabled=move || p.s.undo_label().is_none()
                    on:click=move |_| p.undo()>
                    {move || p.s.undo_label().map_or("Undo (Ctrl+Z)".to_owned(), |l| format!("Undo: {}", p.history_label(l)))}
                </button>
                <button class="mk-button" data-testid="present-redo"
                    disabled=move || p.s.redo_label().is_none()
                    on:click=move |_| p.redo()>
                    {move || p.s.redo_label().map_or("Redo (Ctrl+Shift+Z)".to_owned(), |l| format!("Redo: {}", p.history_label(l)))}
                </button>
                <button class="mk-button" data-testid="present-rerun" disabled=move || p.running.get()
                    on:click=move |_| rerun(p, run_slot)>
                    {move || if p.running.get() { "Matching\u{2026}" } else { "Re-run around the locks (R)" }}
                </button>
            </div>
        </section>
    }
}

/// Full details of the selected pair, for the presenter only (never sent to the audience).
#[component]
pub(super) fn PresenterDetails(p: Presenter) -> impl IntoView {
    let details = move || {
        let k = p.selected.get()?;
        let shown = p.deck.with(|d| d.revealed_count(p.step.get()));
        if k >= shown {
            return None;
        }
        let (mentee, mentor) = p
            .deck
            .with(|d| (d.mentees.get(k).cloned(), d.mentors.get(k).cloned()));
        let (mentee, mentor) = (mentee?, mentor?);
        p.s.program.with(|prog| {
            let name = |id: &PersonId| {
                prog.person(id)
                    .map_or_else(|| id.to_string(), |x| x.name.clone())
            };
            let lines = scoring::explain(prog, &mentee, &mentor)
                .map(|x| {
                    x.contributions
                        .iter()
                        .map(|c| {
                            format!(
                                "{} (weight {}): {} of {} points. {}",
                                c.label, c.weight, c.points, c.max_points, c.detail
                            )
                        })
                        .chain(x.excluded_by.iter().map(|r| format!("Excluded: {r}")))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default();
            Some((name(&mentee), name(&mentor), lines))
        })
    };
    view! {
        <details class="mk-card mk-present__details">
            <summary>"Presenter details of the selected pair (not shown to the audience)"</summary>
            {move || match details() {
                None => view! { <p class="mk-hint">"Select a revealed pair."</p> }.into_any(),
                Some((mentee, mentor, lines)) => view! {
                    <p><strong>{mentee}</strong>" (mentee) with "<strong>{mentor}</strong>" (mentor)"</p>
                    <ul class="mk-plain-list">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                }.into_any(),
            }}
        </details>
    }
}
