//! Relationships: the coordinator's follow-up cockpit after publishing. Counts by health
//! and status, who to ask for a check-in this week, a searchable, filterable, sortable,
//! paged table that stays fast at 5,000 relationships, bulk actions, and a detail panel
//! per relationship with its timeline and every action.
//!
//! Health is computed by the core ([`crate::core::relationships::health`]) as of today;
//! every state is said in words and with a symbol, never by colour alone.

mod ask;
mod detail;
mod forms;
mod settings;
mod sparkline;
mod table;

use std::collections::HashSet;

use leptos::prelude::*;

use crate::app::browser::{focus_element, today};
use crate::app::notices::NoticeKind;
use crate::app::session::{use_session, Session};
use crate::core::date::Date;
use crate::core::model::{MatchId, MatchStatus, PersonId};
use crate::core::relationships::health::HealthState;
use crate::core::relationships::lifecycle::RelationshipEdit;
use crate::core::relationships::summary::{self, Counts, Filter, SortKey, PUBLISHED};
use crate::ui::components::csv_export::{CsvExport, CsvExportButton};
use crate::ui::components::log_wizard::LogImportWizard;

use detail::Detail;
use settings::FollowUpSettingsForm;
use table::RelationshipsTable;

/// What the page's parts share.
#[derive(Clone, Copy)]
pub(crate) struct RelUi {
    s: Session,
    /// Today (health, due dates and the default date of every form).
    as_of: Date,
    /// The relationship whose detail panel is open.
    open: RwSignal<Option<MatchId>>,
}

impl RelUi {
    /// Commits an operation; on success, announces its label (with Undo) and returns
    /// `true`. A refusal is announced by the session.
    fn commit<O: crate::core::edit::Operation>(&self, op: O) -> bool {
        match self.s.commit(op) {
            Ok(done) => {
                self.s
                    .notify_with_undo(NoticeKind::Success, format!("{}.", done.label), done.step);
                true
            }
            Err(_) => false,
        }
    }
}

/// The element id of a row's "open" button (focus returns there when its panel closes).
pub(crate) fn open_button_id(id: &MatchId) -> String {
    format!("rel-open-{id}")
}

/// The Relationships section.
#[component]
pub fn RelationshipsSection() -> impl IntoView {
    let s = use_session();
    let as_of = today().unwrap_or(Date::MIN);
    let rows = Memo::new(move |_| s.program.with(|p| summary::rows(p, as_of)));
    let ui = RelUi {
        s,
        as_of,
        open: RwSignal::new(None),
    };
    provide_context(ui);
    let filter = RwSignal::new(Filter::default());
    let sort = RwSignal::new((SortKey::Health, false));
    let page = RwSignal::new(0usize);
    let selected = RwSignal::new(HashSet::<MatchId>::new());
    let counts = Memo::new(move |_| s.program.with(|p| rows.with(|r| Counts::of(p, r))));
    // Indices into `rows`, filtered and sorted.
    let shown = Memo::new(move |_| {
        let f = filter.get();
        let (key, descending) = sort.get();
        s.program.with(|p| {
            rows.with(|all| {
                let mut kept = f.apply(p, all);
                summary::sort(p, &mut kept, key, descending);
                kept
            })
        })
    });
    // Relationships that disappear (undo, another tab) leave the selection and the panel.
    Effect::new(move |_| {
        let present: HashSet<MatchId> = s.program.with(|p| {
            p.matches
                .iter()
                .filter(|m| m.status != MatchStatus::Proposed)
                .map(|m| m.id.clone())
                .collect()
        });
        if selected.with_untracked(|sel| sel.iter().any(|id| !present.contains(id))) {
            selected.update(|sel| sel.retain(|id| present.contains(id)));
        }
        if ui
            .open
            .with_untracked(|o| o.as_ref().is_some_and(|id| !present.contains(id)))
        {
            ui.open.set(None);
        }
    });
    let total = move || rows.with(Vec::len);

    view! {
        <Show when=move || { total() > 0 } fallback=|| view! {
            <p class="mk-empty-line">
                "No relationships yet: they start when a draft of matches is published on the Matching page. "
                "Then this page follows them: meetings, check-ins, goals, milestones and how each one is going."
            </p>
        }>
            <HealthCounts counts=counts filter=filter page=page/>
            <ask::AskThisWeek/>
        </Show>
        <div class="mk-toolbar mk-rel-toolbar">
            <Show when=move || { total() > 0 }>
                <Filters filter=filter page=page/>
            </Show>
            <p class="mk-toolbar__count" role="status" id="rel-count">{move || {
                let (n, t) = (shown.with(Vec::len), total());
                if n == t { format!("{t} relationships") } else { format!("{n} of {t} relationships shown") }
            }}</p>
            <CompleteEnded/>
            <CsvExportButton what=CsvExport::Matches/>
            <LogImportWizard/>
        </div>
        <Show when=move || selected.with(|x| !x.is_empty())>
            <BulkBar selected=selected/>
        </Show>
        <Show when=move || { total() > 0 && shown.with(Vec::is_empty) }>
            <p class="mk-empty-line">"No relationship matches the search and filters."</p>
        </Show>
        <Show when=move || shown.with(|r| !r.is_empty())>
            <RelationshipsTable rows=shown sort=sort selected=selected page=page/>
        </Show>
        {move || ui.open.get().map(|id| view! { <Detail id=id/> })}
        <FollowUpSettingsForm/>
    }
}

/// Counts by health (each a button that filters the table) and by status.
#[component]
fn HealthCounts(
    counts: Memo<Counts>,
    filter: RwSignal<Filter>,
    page: RwSignal<usize>,
) -> impl IntoView {
    let s = use_session();
    view! {
        <div class="mk-stats mk-rel-counts" role="group" aria-label="Relationships by health">
            {HealthState::ALL.into_iter().map(|state| {
                let pressed = move || filter.with(|f| f.health == Some(state));
                view! {
                    <button type="button" class="mk-stat mk-stat--button" data-health=state.key()
                        aria-pressed=move || if pressed() { "true" } else { "false" }
                        on:click=move |_| {
                            filter.update(|f| f.health = if f.health == Some(state) { None } else { Some(state) });
                            page.set(0);
                        }>
                        <span class="mk-stat__value">
                            <span class="mk-health__symbol" aria-hidden="true">{state.symbol()}</span>" "
                            {move || counts.with(|c| c.in_state(state))}
                        </span>
                        <span class="mk-stat__label">{state.label()}</span>
                    </button>
                }
            }).collect_view()}
        </div>
        <p class="mk-hint mk-rel-status-counts" id="rel-status-counts">{move || {
            let mut parts = counts.with(|c| {
                PUBLISHED
                    .iter()
                    .filter(|st| c.with_status(**st) > 0)
                    .map(|st| format!("{} {}", c.with_status(*st), st.label().to_lowercase()))
                    .collect::<Vec<_>>()
            });
            parts.push(s.program.with(|p| {
                let meetings: usize = p.matches.iter().map(|m| m.meetings.len()).sum();
                format!("{meetings} meeting(s) logged, {} in all", summary::hours_text(summary::program_minutes(p)))
            }));
            parts.join(" \u{b7} ")
        }}</p>
    }
}

/// Search and filters.
#[component]
fn Filters(filter: RwSignal<Filter>, page: RwSignal<usize>) -> impl IntoView {
    let ui = expect_context::<RelUi>();
    let s = ui.s;
    let cycles = Memo::new(move |_| {
        s.program.with(|p| {
            let mut c: Vec<u32> = p
                .matches
                .iter()
                .filter(|m| m.status != MatchStatus::Proposed)
                .map(|m| m.cycle)
                .collect();
            c.sort_unstable();
            c.dedup();
            c
        })
    });
    let mentors = Memo::new(move |_| {
        s.program.with(|p| {
            let mut ids: Vec<&PersonId> = p
                .matches
                .iter()
                .filter(|m| m.status != MatchStatus::Proposed)
                .map(|m| &m.mentor)
                .collect();
            ids.sort();
            ids.dedup();
            let names: std::collections::HashMap<&PersonId, &str> =
                p.people.iter().map(|x| (&x.id, x.name.as_str())).collect();
            let mut out: Vec<(PersonId, String)> = ids
                .into_iter()
                .map(|id| (id.clone(), names.get(id).copied().unwrap_or("?").to_owned()))
                .collect();
            out.sort_by_key(|x| x.1.to_lowercase());
            out
        })
    });
    let departments = Memo::new(move |_| s.program.with(crate::core::people::departments));
    let set = move |f: Box<dyn Fn(&mut Filter)>| {
        filter.update(|x| f(x));
        page.set(0);
    };
    view! {
        <div class="mk-field">
            <label for="rel-search">"Search"</label>
            <input id="rel-search" type="search" placeholder="Mentee or mentor name, e-mail"
                prop:value=move || filter.with(|f| f.text.clone())
                on:input=move |ev| { let q = event_target_value(&ev); set(Box::new(move |f| f.text = q.clone())); }/>
        </div>
        <div class="mk-field">
            <label for="rel-status">"Status"</label>
            <select id="rel-status" on:change=move |ev| {
                let v = MatchStatus::from_key(&event_target_value(&ev));
                set(Box::new(move |f| f.status = v));
            }>
                <option value="">"All statuses"</option>
                {PUBLISHED.into_iter().map(|st| view! {
                    <option value=st.key() selected=move || filter.with(|f| f.status == Some(st))>{st.label()}</option>
                }).collect_view()}
            </select>
        </div>
        <div class="mk-field">
            <label for="rel-health">"Health"</label>
            <select id="rel-health" on:change=move |ev| {
                let v = HealthState::from_key(&event_target_value(&ev));
                set(Box::new(move |f| f.health = v));
            }>
                <option value="" selected=move || filter.with(|f| f.health.is_none())>"Any health"</option>
                {HealthState::ALL.into_iter().map(|h| view! {
                    <option value=h.key() selected=move || filter.with(|f| f.health == Some(h))>{h.label()}</option>
                }).collect_view()}
            </select>
        </div>
        <Show when=move || cycles.with(|c| c.len() > 1)>
            <div class="mk-field">
                <label for="rel-cycle">"Cycle"</label>
                <select id="rel-cycle" on:change=move |ev| {
                    let v = event_target_value(&ev).parse::<u32>().ok();
                    set(Box::new(move |f| f.cycle = v));
                }>
                    <option value="">"All cycles"</option>
                    {move || cycles.get().into_iter().map(|c| view! { <option value=c.to_string()>{format!("Cycle {c}")}</option> }).collect_view()}
                </select>
            </div>
        </Show>
        <div class="mk-field">
            <label for="rel-mentor">"Mentor"</label>
            <select id="rel-mentor" on:change=move |ev| {
                let v = event_target_value(&ev);
                let id = (!v.is_empty()).then_some(PersonId(v));
                set(Box::new(move |f| f.mentor = id.clone()));
            }>
                <option value="">"All mentors"</option>
                {move || mentors.get().into_iter().map(|(id, name)| view! { <option value=id.0>{name}</option> }).collect_view()}
            </select>
        </div>
        <Show when=move || departments.with(|d| !d.is_empty())>
            <div class="mk-field">
                <label for="rel-department">"Department"</label>
                <select id="rel-department" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    let d = (!v.is_empty()).then_some(v);
                    set(Box::new(move |f| f.department = d.clone()));
                }>
                    <option value="">"All departments"</option>
                    {move || departments.get().into_iter().map(|d| view! { <option value=d.clone()>{d.clone()}</option> }).collect_view()}
                </select>
            </div>
        </Show>
    }
}

/// "Complete every relationship that reached its end date", with a confirmation.
#[component]
fn CompleteEnded() -> impl IntoView {
    let ui = expect_context::<RelUi>();
    let due = Memo::new(move |_| {
        ui.s.program.with(|p| {
            p.matches
                .iter()
                .filter(|m| matches!(m.status, MatchStatus::Active | MatchStatus::OnHold))
                .filter(|m| {
                    crate::core::relationships::health::end_of(p, m).is_some_and(|e| e <= ui.as_of)
                })
                .count()
        })
    });
    let confirming = RwSignal::new(false);
    view! {
        <Show when=move || { due.get() > 0 }>
            <button type="button" class="mk-button" id="rel-complete-ended" on:click=move |_| confirming.set(true)>
                {move || format!("Complete the {} that reached their end date\u{2026}", due.get())}
            </button>
        </Show>
        <Show when=move || confirming.get()>
            <div class="mk-banner mk-banner--info mk-card--wide" role="alertdialog" aria-labelledby="rel-complete-ended-text">
                <p id="rel-complete-ended-text">{move || format!(
                    "Complete {} running relationship(s) whose end date has passed? Each is completed on its end date, reason \u{201c}time is up\u{201d}.",
                    due.get()
                )}</p>
                <div class="mk-actions">
                    <button type="button" class="mk-button mk-button--primary" data-testid="confirm-complete-ended" on:click=move |_| {
                        if ui.commit(RelationshipEdit::CompleteEnded { as_of: ui.as_of }) {
                            confirming.set(false);
                            request_animation_frame(|| focus_element("rel-search"));
                        }
                    }>"Complete them"</button>
                    <button type="button" class="mk-button" on:click=move |_| {
                        confirming.set(false);
                        request_animation_frame(|| focus_element("rel-complete-ended"));
                    }>"Cancel"</button>
                </div>
            </div>
        </Show>
    }
}

/// Bulk actions on the selected relationships.
#[component]
fn BulkBar(selected: RwSignal<HashSet<MatchId>>) -> impl IntoView {
    let ui = expect_context::<RelUi>();
    let act = move |to: MatchStatus| {
        let ids: Vec<MatchId> = selected.with_untracked(|s| {
            let mut v: Vec<MatchId> = s.iter().cloned().collect();
            v.sort();
            v
        });
        let op = RelationshipEdit::Bulk {
            ids,
            to,
            date: ui.as_of,
        };
        if let Ok(done) = ui.s.commit(op) {
            let mut text = format!("{}.", done.label);
            if done.report.skipped > 0 {
                text.push_str(&format!(
                    " {} left as they were: their status does not allow it.",
                    done.report.skipped
                ));
            }
            ui.s.notify_with_undo(NoticeKind::Success, text, done.step);
            selected.set(HashSet::new());
        }
    };
    view! {
        <div class="mk-bulk-bar" role="region" aria-label="Selected relationships">
            <span>{move || format!("{} selected", selected.with(HashSet::len))}</span>
            <button type="button" class="mk-button" on:click=move |_| act(MatchStatus::Completed)>"Complete"</button>
            <button type="button" class="mk-button" on:click=move |_| act(MatchStatus::OnHold)>"Put on hold"</button>
            <button type="button" class="mk-button" on:click=move |_| act(MatchStatus::Active)>"Resume"</button>
            <button type="button" class="mk-button mk-button--small" on:click=move |_| selected.set(HashSet::new())>"Clear selection"</button>
        </div>
    }
}
