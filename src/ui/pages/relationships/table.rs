//! The relationships table: one page of already filtered and sorted rows, sortable
//! headers, selection and paging. Health is a symbol and words, never colour alone.

use std::collections::HashSet;

use leptos::prelude::*;

use super::{open_button_id, RelUi};
use crate::core::model::MatchId;
use crate::core::relationships::summary::{hours_text, Row, SortKey};
use crate::ui::components::table_parts::{select_shown, Pager, Paging, SortHeader};

/// Rows per page: 5,000 relationships never reach the DOM at once.
pub const PAGE_SIZE: usize = 50;

/// A row as shown.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Shown {
    id: MatchId,
    mentee: String,
    mentor: String,
    status: &'static str,
    health: Option<(&'static str, &'static str, &'static str)>,
    reason: String,
    started: String,
    last_meeting: String,
    meetings: usize,
    hours: String,
    rating: String,
}

/// The table.
#[component]
pub(super) fn RelationshipsTable(
    rows: Memo<Vec<Row>>,
    sort: RwSignal<(SortKey, bool)>,
    selected: RwSignal<HashSet<MatchId>>,
    page: RwSignal<usize>,
) -> impl IntoView {
    let ui = expect_context::<RelUi>();
    let paging = Paging::new(Signal::derive(move || rows.with(Vec::len)), page, PAGE_SIZE);
    let shown = Memo::new(move |_| {
        let range = paging.range();
        rows.with(|r| {
            ui.s.program.with(|p| {
                r.get(range)
                    .unwrap_or_default()
                    .iter()
                    .map(|row| {
                        let m = row.of(p);
                        Shown {
                            id: m.id.clone(),
                            mentee: p.name_of(&m.mentee),
                            mentor: p.name_of(&m.mentor),
                            status: m.status.label(),
                            health: row
                                .health
                                .as_ref()
                                .map(|h| (h.state.symbol(), h.state.label(), h.state.key())),
                            reason: row
                                .health
                                .as_ref()
                                .and_then(|h| h.reasons.first())
                                .map(ToString::to_string)
                                .unwrap_or_default(),
                            started: row.started.map(|d| d.to_string()).unwrap_or_default(),
                            last_meeting: row
                                .last_meeting
                                .map_or_else(|| "Never".to_owned(), |d| d.to_string()),
                            meetings: row.meetings,
                            hours: hours_text(row.minutes),
                            rating: row
                                .latest_rating
                                .map_or_else(|| "\u{2013}".to_owned(), |r| format!("{r} of 5")),
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let (all_shown_selected, toggle_all) = select_shown(
        Signal::derive(move || shown.with(|r| r.iter().map(|x| x.id.clone()).collect())),
        selected,
    );
    let header = move |key: SortKey, numeric: bool| {
        view! {
            <SortHeader label=key.label() numeric=numeric
                direction=Signal::derive(move || { let (k, d) = sort.get(); (k == key).then_some(d) })
                on_sort=move |()| {
                    sort.update(|s| if s.0 == key { s.1 = !s.1 } else { *s = (key, false) });
                    page.set(0);
                }/>
        }
    };
    view! {
        <div class="mk-table-wrap mk-rel-table">
            <table class="mk-table">
                <caption class="mk-visually-hidden">"Relationships"</caption>
                <thead><tr>
                    <th scope="col" class="mk-people-table__check">
                        <input type="checkbox" id="rel-select-shown" aria-label="Select all shown"
                            prop:checked=all_shown_selected on:change=toggle_all/>
                    </th>
                    {header(SortKey::Mentee, false)}
                    {header(SortKey::Mentor, false)}
                    {header(SortKey::Status, false)}
                    {header(SortKey::Health, false)}
                    {header(SortKey::Started, false)}
                    {header(SortKey::LastMeeting, false)}
                    {header(SortKey::Meetings, true)}
                    {header(SortKey::Hours, true)}
                    {header(SortKey::Rating, true)}
                </tr></thead>
                <tbody>
                    <For each=move || shown.get() key=|r| r.clone() let:r>
                        {
                            let id = r.id.clone();
                            let id_check = r.id.clone();
                            let id_open = r.id.clone();
                            let id_open_class = r.id.clone();
                            view! {
                                <tr class:mk-people-table__row--selected=move || selected.with(|s| s.contains(&id))
                                    class:mk-rel-table__row--open=move || ui.open.with(|o| o.as_ref() == Some(&id_open_class))>
                                    <td class="mk-people-table__check">
                                        <input type="checkbox" aria-label=format!("Select {} and {}", r.mentee, r.mentor)
                                            prop:checked={
                                                let id = id_check.clone();
                                                move || selected.with(|s| s.contains(&id))
                                            }
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                let id = id_check.clone();
                                                selected.update(|s| { if on { s.insert(id); } else { s.remove(&id); } });
                                            }/>
                                    </td>
                                    <th scope="row">
                                        <button type="button" class="mk-link-button" id=open_button_id(&r.id)
                                            aria-label=format!("Open {} and {}", r.mentee, r.mentor)
                                            on:click=move |_| {
                                                ui.open.set(Some(id_open.clone()));
                                                request_animation_frame(|| crate::app::browser::focus_element("rel-detail-title"));
                                            }>{r.mentee.clone()}</button>
                                    </th>
                                    <td>{r.mentor.clone()}</td>
                                    <td>{r.status}</td>
                                    <td class="mk-health" data-health=r.health.map(|h| h.2)>
                                        {match r.health {
                                            Some((symbol, label, _)) => view! {
                                                <span class="mk-health__symbol" aria-hidden="true">{symbol}</span>" "
                                                <strong>{label}</strong>
                                                <span class="mk-health__reason">{r.reason.clone()}</span>
                                            }.into_any(),
                                            None => view! { <span class="mk-hint">"\u{2013}"</span> }.into_any(),
                                        }}
                                    </td>
                                    <td>{r.started.clone()}</td>
                                    <td>{r.last_meeting.clone()}</td>
                                    <td class="mk-num">{r.meetings}</td>
                                    <td class="mk-num">{r.hours.clone()}</td>
                                    <td class="mk-num">{r.rating.clone()}</td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
        </div>
        <Pager label="Pages of relationships" paging=paging page=page/>
    }
}
