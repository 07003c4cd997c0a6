//! The draft's pairs: a row per pair with its actions, "Why?", and swapping two pairs.

use leptos::prelude::*;

use super::edit_forms::MoveForm;
use super::DraftUi;
use crate::app::session::sentence;
use crate::core::matching::draft::{self, describe_preview, DraftEdit, DraftPair};
use crate::core::matching::scoring;
use crate::core::model::{MatchStatus, PersonId};

/// Previews and makes the swap of the two ticked pairs' mentees.
#[component]
pub(super) fn SwapButton() -> impl IntoView {
    let ui = expect_context::<DraftUi>();
    let allow = RwSignal::new(false);
    let edit = move |allow_excluded: bool| {
        let sel = ui.selected.get();
        match sel.as_slice() {
            [a, b] => Some(DraftEdit::Swap {
                a: a.clone(),
                b: b.clone(),
                allow_excluded,
            }),
            _ => None,
        }
    };
    let preview = move || {
        edit(false).map(|e| {
            ui.s.program.with(|p| {
                draft::preview(p, &e).map(|pv| (describe_preview(p, &pv), pv.needs_confirmation()))
            })
        })
    };
    view! {
        {move || match preview() {
            None => view! {
                <span class="mk-hint">"Tick two draft pairs to swap their mentees."</span>
            }.into_any(),
            Some(Err(e)) => view! { <span class="mk-field__error" role="alert">{sentence(&e.to_string())}</span> }.into_any(),
            Some(Ok((text, needs))) => view! {
                <span class="mk-swap" role="status">
                    <span>{format!("Swap: {text}")}</span>
                    {needs.then(|| view! {
                        <label class="mk-check">
                            <input type="checkbox" prop:checked=move || allow.get() on:change=move |ev| allow.set(event_target_checked(&ev))/>
                            "Allow although a rule excludes it"
                        </label>
                    })}
                    <button class="mk-button mk-button--small" data-testid="swap"
                        disabled=move || needs && !allow.get()
                        on:click=move |_| {
                            if let Some(e) = edit(allow.get_untracked()) {
                                if ui.edit(e) { ui.selected.set(Vec::new()); allow.set(false); }
                            }
                        }>"Swap the mentees"</button>
                </span>
            }.into_any(),
        }}
    }
}

/// A pair's row, and under it, when open, its explanation or its move form.
#[component]
pub(super) fn PairRows(pair: DraftPair) -> impl IntoView {
    let ui = expect_context::<DraftUi>();
    let why = RwSignal::new(false);
    let moving = RwSignal::new(false);
    let draft = pair.status == MatchStatus::Proposed;
    let (mentee, mentor) = (ui.name(&pair.mentee), ui.name(&pair.mentor));
    let id = pair.id.clone();
    let state = if !draft {
        pair.status.label().to_owned()
    } else if pair.locked {
        "Locked".to_owned()
    } else {
        "Draft".to_owned()
    };
    let score = pair.score.map_or("\u{2013}".to_owned(), |v| v.to_string());
    let lock_edit = if pair.locked {
        DraftEdit::Unlock(id.clone())
    } else {
        DraftEdit::Lock(id.clone())
    };
    let unmatch = DraftEdit::Unmatch(id.clone());
    let row_label = format!("{mentee} with {mentor}");
    let p2 = pair.clone();
    view! {
        <tbody class="mk-draft__pair">
            <tr>
                <td>
                    {draft.then(|| {
                        let id_a = id.clone();
                        let id_b = id.clone();
                        view! {
                            <input type="checkbox" aria-label=format!("Select {row_label} for a swap")
                                disabled=pair.locked
                                prop:checked=move || ui.selected.with(|v| v.contains(&id_a))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let id = id_b.clone();
                                    ui.selected.update(|v| {
                                        v.retain(|x| x != &id);
                                        if on { v.push(id); if v.len() > 2 { v.remove(0); } }
                                    });
                                }/>
                        }
                    })}
                </td>
                <th scope="row">{mentee.clone()}</th>
                <td>{mentor.clone()}</td>
                <td class="mk-num" data-testid="pair-score">{score}</td>
                <td>{state}</td>
                <td class="mk-draft__actions">
                    <button class="mk-button mk-button--small" aria-expanded=move || why.get().to_string()
                        on:click=move |_| why.update(|w| *w = !*w)>"Why?"</button>
                    {draft.then(|| {
                        let locked = pair.locked;
                        view! {
                            <button class="mk-button mk-button--small" aria-pressed=locked.to_string()
                                on:click=move |_| { ui.edit(lock_edit.clone()); }>
                                {if locked { "Unlock" } else { "Lock" }}
                            </button>
                            <button class="mk-button mk-button--small" disabled=locked aria-expanded=move || moving.get().to_string()
                                on:click=move |_| moving.update(|m| *m = !*m)>"Move to\u{2026}"</button>
                            <button class="mk-button mk-button--small mk-button--danger" disabled=locked
                                on:click=move |_| { ui.edit(unmatch.clone()); }>"Unmatch"</button>
                        }
                    })}
                </td>
            </tr>
            <Show when=move || why.get()>
                <tr class="mk-draft__detail"><td></td><td colspan="5"><Why mentee=p2.mentee.clone() mentor=p2.mentor.clone()/></td></tr>
            </Show>
            <Show when=move || moving.get()>
                <tr class="mk-draft__detail"><td></td><td colspan="5">
                    <MoveForm mentee=pair.mentee.clone() current=pair.mentor.clone() open=moving/>
                </td></tr>
            </Show>
        </tbody>
    }
}

/// "Why this match": every criterion's contribution and the rules excluding the pair.
#[component]
fn Why(mentee: PersonId, mentor: PersonId) -> impl IntoView {
    let ui = expect_context::<DraftUi>();
    let explained =
        ui.s.program
            .with_untracked(|p| scoring::explain(p, &mentee, &mentor));
    match explained {
        Err(e) => view! { <p class="mk-field__error">{sentence(&e.to_string())}</p> }.into_any(),
        Ok(x) => {
            let excluded = x.excluded_by.len();
            let lines = x.lines();
            let first_excluded = lines.len() - excluded;
            view! {
                <div class="mk-why" data-testid="why">
                    <p>{x.headline()}</p>
                    <ul class="mk-plain-list">
                        {lines.into_iter().enumerate().map(|(k, line)| {
                            let class = if k >= first_excluded { "mk-why__excluded" } else { "" };
                            view! { <li class=class>{line}</li> }
                        }).collect_view()}
                    </ul>
                </div>
            }
            .into_any()
        }
    }
}
