//! Step 3: how dates are read, what the import would do (counts, a preview), every row
//! error with its row and column, duplicates, meetings already logged, and warnings.

use leptos::prelude::*;

use super::LogWizard;
use crate::core::exchange::checkins::{DateOrder, LogDuplicateOf, LogPlan, LogTarget, PlannedLog};
use crate::core::exchange::csv::RowError;
use crate::core::model::Program;
use crate::ui::components::csv_wizard::{
    ApplyError, Count, MissingColumns, ReviewedPlan, RowErrors, Warnings, MAX_LISTED,
};

impl ReviewedPlan for LogPlan {
    fn row_errors(&self) -> &[RowError] {
        &self.row_errors
    }

    fn warnings(&self) -> &[RowError] {
        &self.warnings
    }

    /// Rows that record a check-in, a meeting or both.
    fn good_rows(&self) -> usize {
        self.entries.len()
    }
}

/// The columns still to map, in words ("Respondent's e-mail and Timestamp or Date").
fn missing(plan: &LogPlan) -> Option<String> {
    let m = &plan.missing_required;
    let mut parts = Vec::new();
    if m.contains(&LogTarget::RespondentEmail) {
        parts.push(LogTarget::RespondentEmail.label().to_owned());
    }
    if m.contains(&LogTarget::Timestamp) || m.contains(&LogTarget::Date) {
        parts.push(format!(
            "{} or {}",
            LogTarget::Timestamp.label(),
            LogTarget::Date.label()
        ));
    }
    (!parts.is_empty()).then(|| parts.join(" and "))
}

/// Why nothing can be imported yet, or `None` when the plan can be committed. `read`
/// says whether a file was read (a plan is missing without one, or without a date today).
pub(super) fn blocked_reason(plan: Option<&LogPlan>, read: bool) -> Option<String> {
    let Some(plan) = plan else {
        return Some(if read {
            "Import is not possible: this computer's clock gives no valid date, so the check-ins' dates cannot be checked.".to_owned()
        } else {
            "Choose a file first.".to_owned()
        });
    };
    if let Some(columns) = missing(plan) {
        return Some(format!(
            "Import is not possible: no column is matched to {columns} (step 2)."
        ));
    }
    if plan.entries.is_empty() {
        return Some(
            "No row can be imported: every row has an error or repeats one already recorded."
                .to_owned(),
        );
    }
    None
}

/// Which columns must be mapped, where the columns are chosen and again in the review.
#[component]
pub(super) fn MissingRequired(wizard: LogWizard) -> impl IntoView {
    let w = wizard;
    let columns = Signal::derive(move || w.plan.with(|p| p.as_deref().and_then(missing)));
    view! { <MissingColumns columns=columns needs="Every check-in needs the respondent and a date."/> }
}

/// The review: how dates are read, counts, a preview, then errors, duplicates, meetings
/// already logged and warnings where they apply.
#[component]
pub(super) fn ReviewStep(wizard: LogWizard) -> impl IntoView {
    let w = wizard;
    let count = move |f: fn(&LogPlan) -> usize| {
        Signal::derive(move || w.plan.with(|p| p.as_deref().map_or(0, f)))
    };
    view! {
        <h3 id=w.id("step") class="mk-wizard__step-title" tabindex="-1">"Review and import"</h3>
        <MissingRequired wizard=w/>
        <DateOrderChoice wizard=w/>
        <div class="mk-stats mk-wizard__counts" role="list" aria-label="What the import does">
            <Count label="Check-ins to record" value=count(LogPlan::check_ins)/>
            <Count label="Meetings to log" value=count(LogPlan::meetings)/>
            <Count label="Duplicates skipped" value=count(|p| p.duplicates.len())/>
            <Count label="Meetings already logged" value=count(|p| p.meetings_already_logged.len())/>
            <Count label="Blank rows" value=count(|p| p.blank_rows)/>
            <Count label="Rows with errors" value=count(|p| p.rows_with_errors().len())/>
        </div>
        <Preview wizard=w/>
        <RowErrors file=w.file plan=w.plan/>
        <Skipped wizard=w/>
        <Warnings plan=w.plan/>
        <ApplyError file=w.file/>
    }
}

/// How dates such as `03/04/2026` are read. When nothing in the file decides it (no day
/// above 12 anywhere), the coordinator chooses, and the plan is made again. The choice
/// stays once made, so the focused drop-down is not taken away by the new plan.
#[component]
fn DateOrderChoice(wizard: LogWizard) -> impl IntoView {
    let w = wizard;
    let select_id = w.id("date-order");
    let hint_id = w.id("date-order-hint");
    let asks = Memo::new(move |_| {
        w.date_order.get().is_some()
            || w.plan
                .with(|p| p.as_ref().is_some_and(|p| p.date_order_guessed))
    });
    let order = move || w.plan.with(|p| p.as_ref().map(|p| p.date_order));
    let detected = move || {
        w.plan.with(|p| {
            p.as_ref().filter(|p| p.missing_required.is_empty()).map(|p| {
                view! {
                    <p class="mk-hint">
                        {format!("Dates are read as {}, as the file shows.", p.date_order.label())}
                    </p>
                }
            })
        })
    };
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(o) = DateOrder::from_key(&event_target_value(&ev)) {
            w.date_order.set(Some(o));
        }
    };
    view! {
        <Show when=move || asks.get() fallback=detected>
            <div class="mk-field">
                <label for=select_id.clone()>"Read dates such as 03/04/2026 as"</label>
                <select id=select_id.clone() aria-describedby=hint_id.clone() on:change=on_change>
                    {[DateOrder::MonthFirst, DateOrder::DayFirst]
                        .into_iter()
                        .map(|o| {
                            view! {
                                <option value=o.key() prop:selected=move || order() == Some(o)>
                                    {o.label()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <p id=hint_id.clone() class="mk-hint">
                    "Nothing in the file shows whether the month or the day comes first (no day is above 12). Check the rows below against a date you know."
                </p>
            </div>
        </Show>
    }
}

/// How many rows the preview shows.
const PREVIEW: usize = 5;

/// One planned row in words: the relationship, who answered, and what is recorded.
fn preview_row(p: &Program, e: &PlannedLog) -> impl IntoView {
    let pair = p
        .matches
        .iter()
        .find(|m| m.id == e.relationship)
        .map(|m| format!("{} with {}", p.name_of(&m.mentee), p.name_of(&m.mentor)))
        .unwrap_or_default();
    let check_in = e.check_in.as_ref().map_or_else(
        || "\u{2013}".to_owned(),
        |c| {
            let mut parts = vec![c.date.to_string()];
            if let Some(r) = c.rating {
                parts.push(format!("rating {r} of 5"));
            }
            if let Some(t) = c.on_track {
                parts.push(format!("on track: {}", t.label()));
            }
            if let Some(f) = c.fit {
                parts.push(f.label().to_owned());
            }
            parts.join(", ")
        },
    );
    let meeting = e.meeting.as_ref().map_or_else(
        || "\u{2013}".to_owned(),
        |m| {
            let mut parts = vec![m.date.to_string()];
            if let Some(n) = m.minutes {
                parts.push(format!("{n} min"));
            }
            if let Some(mode) = m.mode {
                parts.push(mode.label().to_owned());
            }
            parts.join(", ")
        },
    );
    view! {
        <tr>
            <td class="mk-num">{e.row}</td>
            <td>{pair}</td>
            <td>{p.name_of(&e.respondent)}</td>
            <td>{check_in}</td>
            <td>{meeting}</td>
        </tr>
    }
}

/// The first rows as they will be recorded, so a wrong mapping or date order shows
/// before anything is written.
#[component]
fn Preview(wizard: LogWizard) -> impl IntoView {
    let w = wizard;
    move || {
        w.plan.with(|plan| {
            let plan = plan.as_ref().filter(|p| !p.entries.is_empty())?;
            let rows = w.file.session.program.with(|p| {
                plan.entries
                    .iter()
                    .take(PREVIEW)
                    .map(|e| preview_row(p, e))
                    .collect_view()
            });
            let shown = plan.entries.len().min(PREVIEW);
            Some(view! {
                <section class="mk-wizard__section">
                    <h4>{format!("Preview: the first {shown} of {} row(s) to import", plan.entries.len())}</h4>
                    <div class="mk-table-wrap mk-wizard__table">
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">"Row"</th>
                                    <th scope="col">"Relationship"</th>
                                    <th scope="col">"Answered by"</th>
                                    <th scope="col">"Check-in"</th>
                                    <th scope="col">"Meeting"</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                </section>
            })
        })
    }
}

/// Bad input 48 and the meetings logged already: rows skipped as duplicates (the same
/// respondent and timestamp), and rows whose meeting is not logged twice.
#[component]
fn Skipped(wizard: LogWizard) -> impl IntoView {
    let w = wizard;
    move || {
        w.plan.with(|p| {
            let p = p.as_ref()?;
            if p.duplicates.is_empty() && p.meetings_already_logged.is_empty() {
                return None;
            }
            let duplicates = p
                .duplicates
                .iter()
                .take(MAX_LISTED)
                .map(|d| {
                    let text = match d.of {
                        LogDuplicateOf::Row(first) => format!(
                            "Row {}: the same respondent and timestamp as row {first}; skipped.",
                            d.row
                        ),
                        LogDuplicateOf::Recorded => format!(
                            "Row {}: this response was imported before; skipped.",
                            d.row
                        ),
                    };
                    view! { <li>{text}</li> }
                })
                .collect_view();
            let meetings = p
                .meetings_already_logged
                .iter()
                .take(MAX_LISTED)
                .map(|row| {
                    view! {
                        <li>
                            {format!("Row {row}: the pair's meeting on that day is logged already, so it is not logged twice; the row's answers are still recorded.")}
                        </li>
                    }
                })
                .collect_view();
            Some(view! {
                <section class="mk-wizard__section">
                    <h4>
                        {format!(
                            "{} duplicate row(s) skipped, {} meeting(s) already logged",
                            p.duplicates.len(),
                            p.meetings_already_logged.len()
                        )}
                    </h4>
                    <ul>{duplicates}{meetings}</ul>
                </section>
            })
        })
    }
}
