//! One relationship in full: health with every reason, the status actions, sentiment over
//! time, the timeline of events, meetings and check-ins, goals, the agreement and the
//! program's milestones.

use leptos::prelude::*;

use super::forms::{submit, AgreementForm, CheckInForm, GoalForm, MeetingForm, TransitionForm};
use super::sparkline::Sparkline;
use super::{open_button_id, RelUi};
use crate::app::browser::focus_element;
use crate::core::date::Date;
use crate::core::model::{Match, MatchId, MatchStatus, PersonId};
use crate::core::relationships::health::{check_ins_due, health};
use crate::core::relationships::lifecycle::{start_of, GoalInput, RelationshipEdit};
use crate::core::relationships::summary::{hours_text, minutes_by_person, minutes_of, ratings};

/// One line of the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Item {
    date: Date,
    kind: &'static str,
    text: String,
    /// A meeting or check-in that can be removed: (is a meeting, its id).
    removable: Option<(bool, String)>,
}

fn timeline(m: &Match) -> Vec<Item> {
    let mut out = Vec::new();
    for (k, e) in m.events.iter().enumerate() {
        let what = match e.to {
            MatchStatus::Active if k == 0 => "Started",
            MatchStatus::Active => "Resumed",
            MatchStatus::OnHold => "Put on hold",
            other => other.label(),
        };
        let mut text = format!("{what}, asked for by the {}", e.by.label().to_lowercase());
        if let Some(r) = e.reason {
            text.push_str(&format!(": {}", r.label().to_lowercase()));
        }
        if !e.note.is_empty() {
            text.push_str(&format!(". Note: {}", e.note));
        }
        out.push(Item {
            date: e.date,
            kind: "Status",
            text,
            removable: None,
        });
    }
    for x in &m.meetings {
        let mut parts = vec![x
            .minutes
            .map_or_else(|| "length not known".to_owned(), hours_text)];
        if let Some(mode) = x.mode {
            parts.push(mode.label().to_lowercase());
        }
        parts.push(format!(
            "logged by the {}",
            x.logged_by.label().to_lowercase()
        ));
        let mut text = parts.join(", ");
        if !x.note.is_empty() {
            text.push_str(&format!(". Note: {}", x.note));
        }
        out.push(Item {
            date: x.date,
            kind: "Meeting",
            text,
            removable: Some((true, x.id.0.clone())),
        });
    }
    for c in &m.check_ins {
        let mut parts = Vec::new();
        if let Some(r) = c.rating {
            parts.push(format!("rated {r} of 5"));
        }
        if let Some(t) = c.on_track {
            parts.push(format!("on track: {}", t.label().to_lowercase()));
        }
        if let Some(f) = c.fit {
            parts.push(f.label().to_lowercase());
        }
        if parts.is_empty() {
            parts.push("answered".to_owned());
        }
        let mut text = format!(
            "From the {}: {}",
            c.from.label().to_lowercase(),
            parts.join(", ")
        );
        if !c.comment.is_empty() {
            text.push_str(&format!(". \u{201c}{}\u{201d}", c.comment));
        }
        out.push(Item {
            date: c.date,
            kind: "Check-in",
            text,
            removable: Some((false, c.id.0.clone())),
        });
    }
    // Newest first (a stable sort keeps a day's records in the order they happened).
    out.sort_by_key(|x| std::cmp::Reverse(x.date));
    out
}

/// The detail panel of relationship `id`.
#[component]
pub(super) fn Detail(id: MatchId) -> impl IntoView {
    let ui = expect_context::<RelUi>();
    let id_for_memo = id.clone();
    let m = Memo::new(move |_| {
        ui.s.program
            .with(|p| p.matches.iter().find(|m| m.id == id_for_memo).cloned())
    });
    let acting = RwSignal::new(None::<MatchStatus>);
    let goal_form = RwSignal::new(None::<Option<(crate::core::model::RelGoalId, GoalInput)>>);
    let error = RwSignal::new(None::<String>);
    let close_id = id.clone();
    let close = move || {
        let back = open_button_id(&close_id);
        ui.open.set(None);
        request_animation_frame(move || focus_element(&back));
    };
    let close_key = close.clone();
    let title = move || {
        ui.s.program.with(|p| {
            m.with(|m| {
                m.as_ref()
                    .map(|m| format!("{} and {}", p.name_of(&m.mentee), p.name_of(&m.mentor)))
                    .unwrap_or_default()
            })
        })
    };
    let summary_line = move || {
        ui.s.program.with(|p| {
            m.with(|m| {
                let Some(m) = m else { return String::new() };
                let mut parts = vec![m.status.label().to_owned()];
                if let Some(s) = start_of(m) {
                    parts.push(format!("started {}", s.long()));
                }
                if let Some(e) = m
                    .ended_on
                    .filter(|_| !matches!(m.status, MatchStatus::Active | MatchStatus::OnHold))
                {
                    parts.push(format!("ended {}", e.long()));
                }
                parts.push(format!("cycle {}", m.cycle));
                parts.push(format!(
                    "{} meeting(s), {}",
                    m.meetings.len(),
                    hours_text(minutes_of(m))
                ));
                if m.status == MatchStatus::Active {
                    if let Some(due) = check_ins_due(m, &p.follow_up, ui.as_of) {
                        parts.push(format!("next check-in due {}", due.next_due.long()));
                    }
                }
                parts.join(" \u{b7} ")
            })
        })
    };
    // Hours add up per person too: what each of the two has met over all their relationships.
    let person_hours = move || {
        ui.s.program.with(|p| {
            m.with(|m| {
                let Some(m) = m else { return String::new() };
                let by_person = minutes_by_person(p);
                let of = |id: &PersonId| hours_text(by_person.get(id).copied().unwrap_or(0));
                format!(
                    "Met over all their relationships: {} {}, {} {}",
                    p.name_of(&m.mentee),
                    of(&m.mentee),
                    p.name_of(&m.mentor),
                    of(&m.mentor)
                )
            })
        })
    };
    let health_view = move || {
        ui.s.program.with(|p| {
            m.with(|m| {
                let m = m.as_ref()?;
                let h = health(p, m, ui.as_of)?;
                Some(view! {
                    <div class="mk-rel-health" data-health=h.state.key()>
                        <p class="mk-rel-health__state">
                            <span class="mk-health__symbol" aria-hidden="true">{h.state.symbol()}</span>" "
                            <strong>{h.state.label()}</strong>
                        </p>
                        {(!h.reasons.is_empty()).then(|| view! {
                            <ul class="mk-rel-health__reasons">
                                {h.reasons.iter().map(|r| view! { <li>{r.to_string()}</li> }).collect_view()}
                            </ul>
                        })}
                    </div>
                })
            })
        })
    };
    let actions = move || {
        m.with(|m| {
            let status = m.as_ref().map(|m| m.status);
            let mut list: Vec<MatchStatus> = Vec::new();
            match status {
                Some(MatchStatus::Active) => list.extend([
                    MatchStatus::OnHold,
                    MatchStatus::Completed,
                    MatchStatus::EndedEarly,
                    MatchStatus::Declined,
                ]),
                Some(MatchStatus::OnHold) => list.extend([
                    MatchStatus::Active,
                    MatchStatus::Completed,
                    MatchStatus::EndedEarly,
                ]),
                _ => {}
            }
            list
        })
    };
    let action_label = |to: MatchStatus| match to {
        MatchStatus::Active => "Resume\u{2026}",
        MatchStatus::OnHold => "Put on hold\u{2026}",
        MatchStatus::Completed => "Complete\u{2026}",
        MatchStatus::EndedEarly => "End early\u{2026}",
        MatchStatus::Declined => "Declined by a participant\u{2026}",
        MatchStatus::Proposed => "",
    };
    let running = move || {
        m.with(|m| {
            m.as_ref()
                .is_some_and(|m| matches!(m.status, MatchStatus::Active | MatchStatus::OnHold))
        })
    };
    let id_t = id.clone();
    let id_forms = id.clone();
    let id_goals = id.clone();
    let id_goal_form = id.clone();
    let id_agreement = id.clone();
    let id_milestones = id.clone();
    let id_remove = id.clone();
    let remove = move |meeting: bool, record: String| {
        let op = if meeting {
            RelationshipEdit::RemoveMeeting(
                id_remove.clone(),
                crate::core::model::MeetingId(record),
            )
        } else {
            RelationshipEdit::RemoveCheckIn(
                id_remove.clone(),
                crate::core::model::CheckInId(record),
            )
        };
        submit(ui, op, error);
    };
    view! {
        <section class="mk-card mk-rel-detail" aria-labelledby="rel-detail-title"
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Escape" && !crate::app::browser::in_text_field(&ev) { close_key(); }
            }>
            <div class="mk-rel-detail__head">
                <h2 id="rel-detail-title" tabindex="-1">{title}</h2>
                <button type="button" class="mk-button mk-button--small" data-testid="rel-detail-close" on:click=move |_| close()>"Close"</button>
            </div>
            <p class="mk-hint">{summary_line}</p>
            <p class="mk-hint" id="rel-person-hours">{person_hours}</p>
            {health_view}
            <Show when=move || !actions().is_empty()>
                <div class="mk-actions" role="group" aria-label="Change the status">
                    {move || actions().into_iter().map(|to| view! {
                        <button type="button" class="mk-button" aria-expanded=move || if acting.get() == Some(to) { "true" } else { "false" }
                            data-testid=format!("rel-action-{}", to.key())
                            on:click=move |_| {
                                acting.set(Some(to));
                                request_animation_frame(|| focus_element("rel-transition-date"));
                            }>{action_label(to)}</button>
                    }).collect_view()}
                </div>
            </Show>
            {move || acting.get().map(|to| view! {
                <TransitionForm id=id_t.clone() to=to on_done=move |_done: bool| {
                    acting.set(None);
                    request_animation_frame(|| focus_element("rel-detail-title"));
                }/>
            })}
            <h3>"Sentiment"</h3>
            {move || m.with(|m| m.as_ref().map(|m| view! { <Sparkline points=ratings(m)/> }))}
            <Show when=running>
                <div class="mk-rel-detail__forms">
                    <MeetingForm id=id_forms.clone()/>
                    <CheckInForm id=id_forms.clone()/>
                </div>
            </Show>
            <h3>"Timeline"</h3>
            <p class="mk-field__error" role="alert">{move || error.get()}</p>
            <ol class="mk-rel-timeline" data-testid="rel-timeline">
                {move || {
                    let items = m.with(|m| m.as_ref().map(timeline).unwrap_or_default());
                    items.into_iter().map(|it| {
                        let remove = remove.clone();
                        view! {
                            <li>
                                <span class="mk-rel-timeline__date">{it.date.long()}</span>
                                <strong class="mk-rel-timeline__kind">{it.kind}</strong>
                                <span>{it.text.clone()}</span>
                                {it.removable.clone().map(|(meeting, record)| view! {
                                    <button type="button" class="mk-button mk-button--small"
                                        aria-label=format!("Remove this {} of {}", if meeting { "meeting" } else { "check-in" }, it.date.long())
                                        on:click=move |_| remove(meeting, record.clone())>"Remove"</button>
                                })}
                            </li>
                        }
                    }).collect_view()
                }}
            </ol>
            <h3>"Goals"</h3>
            {move || {
                let goals = m.with(|m| m.as_ref().map(|m| m.goals.clone()).unwrap_or_default());
                if goals.is_empty() {
                    return view! { <p class="mk-hint">"No goals recorded yet."</p> }.into_any();
                }
                let id = id_goals.clone();
                view! {
                    <ul class="mk-plain-list mk-rel-goals">
                        {goals.into_iter().map(|g| {
                            let edit = (g.id.clone(), GoalInput {
                                title: g.title.clone(),
                                success_criteria: g.success_criteria.clone(),
                                target_date: g.target_date,
                                progress: g.progress,
                                status: g.status,
                            });
                            let (gid, title) = (g.id.clone(), g.title.clone());
                            let id = id.clone();
                            view! {
                                <li>
                                    <strong>{g.title.clone()}</strong>
                                    {format!(" \u{b7} {} \u{b7} {} %", g.status.label(), g.progress)}
                                    {g.target_date.map(|d| format!(" \u{b7} by {}", d.long()))}
                                    <progress max="100" value=g.progress aria-label=format!("{} progress", g.title)></progress>
                                    {(!g.success_criteria.is_empty()).then(|| view! { <p class="mk-hint">{format!("Success: {}", g.success_criteria)}</p> })}
                                    <button type="button" class="mk-button mk-button--small" aria-label=format!("Edit goal {title}")
                                        on:click=move |_| goal_form.set(Some(Some(edit.clone())))>"Edit"</button>
                                    <button type="button" class="mk-button mk-button--small" aria-label=format!("Remove goal {title}")
                                        on:click=move |_| { submit(ui, RelationshipEdit::RemoveGoal(id.clone(), gid.clone()), error); }>"Remove"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {
                let id = id_goal_form;
                move || match goal_form.get() {
                    Some(editing) => view! {
                        <GoalForm id=id.clone() editing=editing on_done=move |()| goal_form.set(None)/>
                    }.into_any(),
                    None => view! {
                        <button type="button" class="mk-button" on:click=move |_| goal_form.set(Some(None))>"Add a goal"</button>
                    }.into_any(),
                }
            }
            {move || m.with(|m| m.as_ref().map(|m| m.agreement.clone())).map(|a| view! {
                <AgreementForm id=id_agreement.clone() agreement=a/>
            })}
            <Milestones id=id_milestones/>
        </section>
    }
}

/// The program's milestones as this relationship's due dates, each marked done with a day.
#[component]
fn Milestones(id: MatchId) -> impl IntoView {
    let ui = expect_context::<RelUi>();
    let error = RwSignal::new(None::<String>);
    let rows = {
        let id = id.clone();
        move || {
            ui.s.program.with(|p| {
                let Some(m) = p.matches.iter().find(|m| m.id == id) else {
                    return Vec::new();
                };
                let start = start_of(m);
                p.milestones
                    .iter()
                    .map(|ms| {
                        let due = start.map(|s| s.add_days(i64::from(ms.offset_days)));
                        (
                            ms.id.clone(),
                            ms.name.clone(),
                            due,
                            m.milestones.get(&ms.id).copied(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        }
    };
    view! {
        <Show when={let rows = rows.clone(); move || !rows().is_empty()}>
            <h3>"Milestones"</h3>
            <p class="mk-field__error" role="alert">{move || error.get()}</p>
            <ul class="mk-plain-list mk-rel-milestones">
                {
                    let rows = rows.clone();
                    let id = id.clone();
                    move || rows().into_iter().map(|(mid, name, due, done)| {
                        let state = match (done, due) {
                            (Some(d), _) => format!("done {}", d.long()),
                            (None, Some(due)) if due < ui.as_of => format!("overdue: due {}, {} days ago", due.long(), due.days_until(ui.as_of)),
                            (None, Some(due)) => format!("due {}", due.long()),
                            (None, None) => "not started".to_owned(),
                        };
                        let id = id.clone();
                        let label = format!("{name} done");
                        view! {
                            <li>
                                <label class="mk-check">
                                    <input type="checkbox" prop:checked=done.is_some() aria-label=label
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            let op = RelationshipEdit::SetMilestone(id.clone(), mid.clone(), on.then_some(ui.as_of));
                                            submit(ui, op, error);
                                        }/>
                                    <strong>{name.clone()}</strong>
                                </label>
                                " \u{b7} "{state}
                            </li>
                        }
                    }).collect_view()
                }
            </ul>
        </Show>
    }
}
