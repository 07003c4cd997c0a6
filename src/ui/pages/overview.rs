//! Overview: the program's purpose, description, format, dates, goals and milestones,
//! all editable (changes autosave).

use leptos::prelude::*;

use crate::app::session::{sentence, use_session};
use crate::core::date::Date;
use crate::core::model::{Comparison, GoalId, MetricUnit, MilestoneId, ProgramFormat, Purpose};
use crate::core::program::setup::{
    GoalChange, MilestoneChange, SetupEdit, SetupError, MAX_MILESTONE_DAY,
};
use crate::ui::components::{question_designer::QuestionDesigner, skills_editor::SkillsEditor};

/// The Overview section.
#[component]
pub fn OverviewSection() -> impl IntoView {
    view! {
        <div class="mk-grid">
            <BasicsCard/>
            <GoalsCard/>
            <MilestonesCard/>
            <QuestionDesigner/> <SkillsEditor/>
        </div>
    }
}

#[component]
fn BasicsCard() -> impl IntoView {
    let s = use_session();
    let date_error = RwSignal::new(None::<String>);
    let set_date = move |which: &'static str, text: String| {
        let parsed = if text.trim().is_empty() {
            Ok(None)
        } else {
            text.parse::<Date>().map(Some)
        };
        match parsed {
            Err(e) => date_error.set(Some(format!("{}: {e}", which))),
            Ok(d) => {
                let (start, end) = s.program.with_untracked(|p| match which {
                    "Start date" => (d, p.end_date),
                    _ => (p.start_date, d),
                });
                match s.commit_inline(SetupEdit::SetDates { start, end }) {
                    Ok(_) => date_error.set(None),
                    Err(e) => {
                        if let Some(SetupError::DatesOutOfOrder { start, end }) = e.refusal() {
                            date_error.set(Some(format!(
                                "The end date {end} is before the start date {start}."
                            )));
                        }
                    }
                }
            }
        }
    };
    let date_value = move |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();

    view! {
        <section class="mk-card mk-card--wide" aria-labelledby="basics-title">
            <h2 id="basics-title">"Program"</h2>
            <div class="mk-form">
                <div class="mk-field">
                    <label for="program-name">"Name"</label>
                    <input id="program-name" type="text" maxlength="300"
                        prop:value=move || s.program.with(|p| p.name.clone())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if !v.trim().is_empty() { let _ = s.commit(SetupEdit::Rename(v)); }
                        }/>
                </div>
                <div class="mk-field">
                    <label for="program-purpose">"Purpose"</label>
                    <select id="program-purpose" on:change=move |ev| {
                        if let Some(x) = Purpose::from_key(&event_target_value(&ev)) { let _ = s.commit(SetupEdit::SetPurpose(x)); }
                    }>
                        {Purpose::ALL.into_iter().map(|x| view! {
                            <option value=x.key() selected=move || s.program.with(|p| p.purpose == x)>{x.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="mk-field mk-field--full">
                    <label for="program-description">"Description"</label>
                    <textarea id="program-description" rows="4" maxlength="20000"
                        placeholder="What the program is for, who it is for, what participants commit to."
                        prop:value=move || s.program.with(|p| p.description.clone())
                        on:change=move |ev| { let _ = s.commit(SetupEdit::SetDescription(event_target_value(&ev))); }
                    ></textarea>
                </div>
                <fieldset class="mk-field mk-field--full">
                    <legend>"Format"</legend>
                    <div class="mk-radio-row">
                        {ProgramFormat::ALL.into_iter().map(|f| {
                            let id = format!("format-{}", f.key());
                            view! {
                                <span class="mk-radio">
                                    <input type="radio" name="program-format" id=id.clone() value=f.key()
                                        prop:checked=move || s.program.with(|p| p.format == f)
                                        on:change=move |_| { let _ = s.commit(SetupEdit::SetFormat(f)); }/>
                                    <label for=id>{f.label()}</label>
                                </span>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
                <div class="mk-field">
                    <label for="program-start">"Start date"</label>
                    <input id="program-start" type="date" min="1000-01-01" max="9999-12-31"
                        aria-describedby="date-error"
                        prop:value=move || s.program.with(|p| date_value(p.start_date))
                        on:change=move |ev| set_date("Start date", event_target_value(&ev))/>
                </div>
                <div class="mk-field">
                    <label for="program-end">"End date"</label>
                    <input id="program-end" type="date" min="1000-01-01" max="9999-12-31"
                        aria-describedby="date-error"
                        prop:value=move || s.program.with(|p| date_value(p.end_date))
                        on:change=move |ev| set_date("End date", event_target_value(&ev))/>
                </div>
                <p id="date-error" class="mk-field__error mk-field--full" role="alert">{move || date_error.get()}</p>
                <p class="mk-hint mk-field--full">{move || s.program.with(|p| match (p.start_date, p.end_date) {
                    (Some(a), Some(b)) => format!("{} days, about {} months.", a.days_until(b), (a.days_until(b) + 15) / 30),
                    _ => "Most programs run about six months.".to_owned(),
                })}</p>
            </div>
        </section>
    }
}

/// Parses a finite number typed by the coordinator (bad inputs 26 and 41).
fn parse_number(text: &str) -> Result<f64, String> {
    let t = text.trim().replace(',', ".");
    if t.is_empty() {
        return Err("enter a number".into());
    }
    match t.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        _ => Err(format!("\u{201c}{}\u{201d} is not a number", text.trim())),
    }
}

#[component]
fn GoalsCard() -> impl IntoView {
    let s = use_session();
    let add = move |_| {
        let _ = s.commit(SetupEdit::AddGoal);
    };
    view! {
        <section class="mk-card mk-card--wide" aria-labelledby="goals-title">
            <h2 id="goals-title">"Goals"</h2>
            <p class="mk-hint">"What the program should achieve, with a measurable target (e.g. match rate at least 80 %)."</p>
            <Show when=move || s.program.with(|p| p.goals.is_empty())>
                <p class="mk-empty-line">"No goals yet."</p>
            </Show>
            <ul class="mk-editable-list">
                <For each=move || s.program.with(|p| p.goals.iter().map(|g| g.id.clone()).collect::<Vec<_>>())
                    key=|id| id.clone() let:id>
                    <GoalRow id=id/>
                </For>
            </ul>
            <button class="mk-button" on:click=add>"Add a goal"</button>
        </section>
    }
}

#[component]
fn GoalRow(id: GoalId) -> impl IntoView {
    let s = use_session();
    let error = RwSignal::new(None::<String>);
    let goal = {
        let id = id.clone();
        move || {
            s.program
                .with(|p| p.goals.iter().find(|g| g.id == id).cloned())
        }
    };
    let update = {
        let id = id.clone();
        move |change: GoalChange| match s.commit_inline(SetupEdit::UpdateGoal(id.clone(), change)) {
            Ok(_) => error.set(None),
            Err(e) => {
                if let Some(e) = e.refusal() {
                    error.set(Some(sentence(&e.to_string())));
                }
            }
        }
    };
    let remove = {
        let id = id.clone();
        move |_| {
            let _ = s.commit(SetupEdit::RemoveGoal(id.clone()));
        }
    };
    let base = format!("goal-{id}");
    let (u1, u2, u3, u4, u5, u6) = (
        update.clone(),
        update.clone(),
        update.clone(),
        update.clone(),
        update.clone(),
        update,
    );
    let (g1, g2, g3, g4, g5, g6) = (
        goal.clone(),
        goal.clone(),
        goal.clone(),
        goal.clone(),
        goal.clone(),
        goal,
    );
    view! {
        <li class="mk-editable-list__item">
            <div class="mk-form mk-form--goal">
                <div class="mk-field mk-field--grow">
                    <label for=format!("{base}-title")>"Goal"</label>
                    <input id=format!("{base}-title") type="text" maxlength="300"
                        prop:value=move || g1().map(|g| g.title).unwrap_or_default()
                        on:change=move |ev| { let v = event_target_value(&ev); u1(GoalChange::Title(v)); }/>
                </div>
                <div class="mk-field mk-field--grow">
                    <label for=format!("{base}-metric")>"Measured by"</label>
                    <input id=format!("{base}-metric") type="text" maxlength="300" placeholder="e.g. 12-month retention of mentees"
                        prop:value=move || g2().map(|g| g.metric).unwrap_or_default()
                        on:change=move |ev| { let v = event_target_value(&ev); u2(GoalChange::Metric(v)); }/>
                </div>
                <div class="mk-field">
                    <label for=format!("{base}-cmp")>"Target"</label>
                    <select id=format!("{base}-cmp") on:change=move |ev| {
                        if let Some(c) = Comparison::from_key(&event_target_value(&ev)) { u3(GoalChange::Comparison(c)); }
                    }>
                        {Comparison::ALL.into_iter().map(|c| {
                            let g = g3.clone();
                            view! { <option value=c.key() selected=move || g().is_some_and(|g| g.comparison == c)>{c.label()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="mk-field mk-field--small">
                    <label for=format!("{base}-target")>"Value"</label>
                    <input id=format!("{base}-target") type="text" inputmode="decimal"
                        aria-invalid=move || error.get().is_some().to_string()
                        aria-describedby=format!("{base}-error")
                        prop:value=move || g4().map(|g| g.target.to_string()).unwrap_or_default()
                        on:change=move |ev| match parse_number(&event_target_value(&ev)) {
                            Ok(x) => u4(GoalChange::Target(x)),
                            Err(e) => error.set(Some(format!("Target: {e}"))),
                        }/>
                </div>
                <div class="mk-field mk-field--small">
                    <label for=format!("{base}-unit")>"Unit"</label>
                    <select id=format!("{base}-unit") on:change=move |ev| {
                        if let Some(x) = MetricUnit::from_key(&event_target_value(&ev)) { u5(GoalChange::Unit(x)); }
                    }>
                        {MetricUnit::ALL.into_iter().map(|x| {
                            let g = g5.clone();
                            view! { <option value=x.key() selected=move || g().is_some_and(|g| g.unit == x)>{x.label()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="mk-field mk-field--small">
                    <label for=format!("{base}-baseline")>"Baseline"</label>
                    <input id=format!("{base}-baseline") type="text" inputmode="decimal" placeholder="optional"
                        prop:value=move || g6().and_then(|g| g.baseline).map(|b| b.to_string()).unwrap_or_default()
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if v.trim().is_empty() {
                                u6(GoalChange::Baseline(None));
                            } else {
                                match parse_number(&v) {
                                    Ok(x) => u6(GoalChange::Baseline(Some(x))),
                                    Err(e) => error.set(Some(format!("Baseline: {e}"))),
                                }
                            }
                        }/>
                </div>
                <button class="mk-button mk-button--small mk-button--danger mk-field--end" on:click=remove>"Remove goal"</button>
            </div>
            <p id=format!("{base}-error") class="mk-field__error" role="alert">{move || error.get()}</p>
        </li>
    }
}

#[component]
fn MilestonesCard() -> impl IntoView {
    let s = use_session();
    let add = move |_| {
        let _ = s.commit(SetupEdit::AddMilestone);
    };
    view! {
        <section class="mk-card mk-card--wide" aria-labelledby="milestones-title">
            <h2 id="milestones-title">"Milestones"</h2>
            <p class="mk-hint">"Steps of every relationship, counted in days from the day matches are published."</p>
            <Show when=move || s.program.with(|p| p.milestones.is_empty())>
                <p class="mk-empty-line">"No milestones yet."</p>
            </Show>
            <ol class="mk-editable-list">
                <For each=move || {
                        let mut v = s.program.with(|p| p.milestones.iter().map(|m| (m.offset_days, m.id.clone())).collect::<Vec<_>>());
                        v.sort();
                        v.into_iter().map(|(_, id)| id).collect::<Vec<_>>()
                    }
                    key=|id| id.clone() let:id>
                    <MilestoneRow id=id/>
                </For>
            </ol>
            <button class="mk-button" on:click=add>"Add a milestone"</button>
        </section>
    }
}

#[component]
fn MilestoneRow(id: MilestoneId) -> impl IntoView {
    let s = use_session();
    let error = RwSignal::new(None::<String>);
    let get = {
        let id = id.clone();
        move || {
            s.program
                .with(|p| p.milestones.iter().find(|m| m.id == id).cloned())
        }
    };
    let edit = {
        let id = id.clone();
        move |change: MilestoneChange| match s
            .commit_inline(SetupEdit::UpdateMilestone(id.clone(), change))
        {
            Ok(_) => error.set(None),
            Err(e) => {
                if let Some(e) = e.refusal() {
                    error.set(Some(sentence(&e.to_string())));
                }
            }
        }
    };
    let (e1, e2) = (edit.clone(), edit);
    let (g1, g2) = (get.clone(), get);
    let remove = {
        let id = id.clone();
        move |_| {
            let _ = s.commit(SetupEdit::RemoveMilestone(id.clone()));
        }
    };
    let base = format!("milestone-{id}");
    view! {
        <li class="mk-editable-list__item">
            <div class="mk-form mk-form--goal">
                <div class="mk-field mk-field--grow">
                    <label for=format!("{base}-name")>"Milestone"</label>
                    <input id=format!("{base}-name") type="text" maxlength="300"
                        prop:value=move || g1().map(|m| m.name).unwrap_or_default()
                        on:change=move |ev| { let v = event_target_value(&ev); e1(MilestoneChange::Name(v)); }/>
                </div>
                <div class="mk-field mk-field--small">
                    <label for=format!("{base}-days")>"Day"</label>
                    <input id=format!("{base}-days") type="text" inputmode="numeric"
                        aria-invalid=move || error.get().is_some().to_string()
                        aria-describedby=format!("{base}-error")
                        prop:value=move || g2().map(|m| m.offset_days.to_string()).unwrap_or_default()
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            match v.trim().parse::<u32>() {
                                Ok(d) if d <= MAX_MILESTONE_DAY => e2(MilestoneChange::Day(d)),
                                _ => error.set(Some(format!("Day: \u{201c}{}\u{201d} is not a whole number of days from 0 to {MAX_MILESTONE_DAY}", v.trim()))),
                            }
                        }/>
                </div>
                <button class="mk-button mk-button--small mk-button--danger mk-field--end" on:click=remove>"Remove milestone"</button>
            </div>
            <p id=format!("{base}-error") class="mk-field__error" role="alert">{move || error.get()}</p>
        </li>
    }
}
