//! Pieces the steps of every CSV import wizard share: what they need to know of a plan,
//! the column table with sample values and a target drop-down, the counts, and the lists
//! of row errors and warnings.

use std::sync::Arc;

use leptos::prelude::*;

use super::file::CsvFile;
use crate::core::exchange::csv::{column_letter, ColumnTarget, Mapping, RowError, Sniffed};

/// How many sample values each column shows.
const SAMPLES: usize = 3;

/// Most row errors or warnings listed (the counts are always complete).
pub(crate) const MAX_LISTED: usize = 300;

/// What the shared steps read of an import plan (the participants' or the check-ins').
pub(crate) trait ReviewedPlan: PartialEq + Send + Sync + 'static {
    /// Errors by row and column; rows with one are not imported.
    fn row_errors(&self) -> &[RowError];
    /// Problems that do not stop a row.
    fn warnings(&self) -> &[RowError];
    /// How many rows of the file the import writes.
    fn good_rows(&self) -> usize;
}

/// A wizard's plan: `None` until a file is read.
pub(crate) type PlanMemo<P> = Memo<Option<Arc<P>>>;

/// The first non-empty values of a column, so a coordinator sees what it holds.
fn samples(sniffed: &Sniffed, column: usize) -> Vec<String> {
    sniffed
        .rows
        .iter()
        .map(|r| r.cell(column).trim())
        .filter(|c| !c.is_empty())
        .take(SAMPLES)
        .map(String::from)
        .collect()
}

/// One row per CSV column: its letter and header (with a badge when its cells have row
/// errors), sample values, and a drop-down of `targets` with the current mapping chosen.
/// Option values are the targets' mapping-file keys.
#[component]
pub(crate) fn ColumnsTable<T, P>(
    /// The file.
    sniffed: Arc<Sniffed>,
    /// What each column fills; the drop-downs change it.
    mapping: RwSignal<Mapping<T>>,
    /// Every target the drop-downs offer, with its label, "do not import" included.
    targets: Vec<(T, String)>,
    /// The plan, whose row errors the columns show.
    plan: PlanMemo<P>,
) -> impl IntoView
where
    T: ColumnTarget + Send + Sync + 'static,
    P: ReviewedPlan,
{
    let errors_in = move |col: usize| {
        plan.with(|p| {
            p.as_ref().map_or(0, |p| {
                p.row_errors()
                    .iter()
                    .filter(|e| e.column == Some(col))
                    .count()
            })
        })
    };
    let targets = Arc::new(targets);
    let columns = sniffed
        .headers
        .iter()
        .enumerate()
        .map(|(col, header)| {
            let letter = column_letter(col);
            let header = if header.is_empty() {
                "(no name)".to_owned()
            } else {
                header.clone()
            };
            let label = format!("Column {letter} ({header}) imports as");
            let choices = Arc::clone(&targets);
            let on_change = move |ev: leptos::ev::Event| {
                let key = event_target_value(&ev);
                if let Some((target, _)) = choices.iter().find(|(t, _)| t.key() == key) {
                    let target = target.clone();
                    mapping.update(|m| m.set(col, target));
                }
            };
            let options = targets
                .iter()
                .map(|(t, text)| {
                    let mine = t.clone();
                    view! {
                        <option
                            value=t.key()
                            prop:selected=move || mapping.with(|m| m.target(col) == Some(&mine))
                        >
                            {text.clone()}
                        </option>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">
                        <span class="mk-wizard__letter">{letter}</span>
                        " "
                        {header}
                        // Errors show where they happen: on the column whose cells are wrong.
                        {move || {
                            let n = errors_in(col);
                            (n > 0)
                                .then(|| {
                                    view! {
                                        <span class="mk-badge mk-badge--warning mk-wizard__badge">
                                            {format!("{n} row error(s)")}
                                        </span>
                                    }
                                })
                        }}
                    </th>
                    <td>
                        <ul class="mk-wizard__samples">
                            {samples(&sniffed, col)
                                .into_iter()
                                .map(|s| view! { <li>{s}</li> })
                                .collect_view()}
                        </ul>
                    </td>
                    <td>
                        <select aria-label=label on:change=on_change>{options}</select>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="mk-table-wrap mk-wizard__table">
            <table>
                <thead>
                    <tr>
                        <th scope="col">"Column"</th>
                        <th scope="col">"Sample values"</th>
                        <th scope="col">"Imports as"</th>
                    </tr>
                </thead>
                <tbody>{columns}</tbody>
            </table>
        </div>
    }
}

/// Which required columns are still unmapped (`columns`, in words), shown where the columns
/// are chosen and again in the review; `needs` says why they are required.
#[component]
pub(crate) fn MissingColumns(
    columns: Signal<Option<String>>,
    needs: &'static str,
) -> impl IntoView {
    move || {
        columns.get().map(|columns| {
            view! {
                <p class="mk-wizard__error" role="alert">
                    {format!("Nothing can be imported yet: match a column to {columns}. {needs}")}
                </p>
            }
        })
    }
}

/// One figure of a review's counts.
#[component]
pub(crate) fn Count(label: &'static str, value: Signal<usize>) -> impl IntoView {
    view! {
        <div class="mk-stat" role="listitem">
            <span class="mk-stat__value">{move || value.get()}</span>
            <span class="mk-stat__label">{label}</span>
        </div>
    }
}

/// Bad input 32: each row error with its row number and column (letter and header), and
/// the choice the footer offers.
#[component]
pub(crate) fn RowErrors<P: ReviewedPlan>(
    /// The wizard's file (for the heading's id).
    file: CsvFile,
    /// The plan.
    plan: PlanMemo<P>,
) -> impl IntoView {
    let heading = file.id("errors");
    move || {
        plan.with(|p| {
            p.as_ref()
                .filter(|p| !p.row_errors().is_empty())
                .map(|p| row_errors_section(heading.clone(), p.row_errors(), p.good_rows()))
        })
    }
}

fn row_errors_section(heading: String, errors: &[RowError], good: usize) -> impl IntoView {
    let rows = errors
        .iter()
        .map(|e| e.row)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let more = errors.len().saturating_sub(MAX_LISTED);
    let listed = errors
        .iter()
        .take(MAX_LISTED)
        .map(|e| {
            let column = e.column.map_or_else(
                || "\u{2013}".to_owned(),
                |c| format!("{} ({})", column_letter(c), e.header),
            );
            view! {
                <tr>
                    <td class="mk-num">{e.row}</td>
                    <td>{column}</td>
                    <td>{e.message.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let labelled_by = heading.clone();
    view! {
        <section class="mk-wizard__section mk-wizard__errors" aria-labelledby=labelled_by>
            <h4 id=heading>{format!("{rows} row(s) with errors will not be imported")}</h4>
            <p>
                {format!("Import the {good} good rows now and add the others after fixing them in the spreadsheet, or import none and fix the file first.")}
            </p>
            <div class="mk-table-wrap mk-wizard__table">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">"Row"</th>
                            <th scope="col">"Column"</th>
                            <th scope="col">"Problem"</th>
                        </tr>
                    </thead>
                    <tbody>{listed}</tbody>
                </table>
            </div>
            {(more > 0).then(|| view! { <p class="mk-hint">{format!("… and {more} more.")}</p> })}
        </section>
    }
}

/// Warnings: the rows are imported, but something was dropped or guessed.
#[component]
pub(crate) fn Warnings<P: ReviewedPlan>(
    /// The plan.
    plan: PlanMemo<P>,
) -> impl IntoView {
    move || {
        plan.with(|p| {
            p.as_ref()
                .filter(|p| !p.warnings().is_empty())
                .map(|p| warnings_section(p.warnings()))
        })
    }
}

fn warnings_section(warnings: &[RowError]) -> impl IntoView {
    let listed = warnings
        .iter()
        .take(MAX_LISTED)
        .map(|x| view! { <li>{x.to_string()}</li> })
        .collect_view();
    view! {
        <details class="mk-wizard__section">
            <summary>{format!("{} warning(s): these rows are imported", warnings.len())}</summary>
            <ul class="mk-wizard__warnings">{listed}</ul>
        </details>
    }
}

/// Why the last "Import" changed nothing, announced.
#[component]
pub(crate) fn ApplyError(file: CsvFile) -> impl IntoView {
    move || {
        file.apply_error
            .get()
            .map(|e| view! { <p class="mk-wizard__error" role="alert">{e}</p> })
    }
}

/// A file input shown as a button (its label), keyboard operable with a visible focus
/// ring. Picking the same file again (after editing it) reads it again.
#[component]
pub(crate) fn FileButton(
    /// The input's id.
    id: String,
    /// The button's text.
    label: &'static str,
    /// The file types offered.
    accept: &'static str,
    /// Whether it is the step's main action.
    #[prop(optional)]
    primary: bool,
    /// The id of a hint describing it.
    #[prop(optional, into)]
    described_by: Option<String>,
    /// Told about the picked file.
    on_pick: Callback<web_sys::File>,
) -> impl IntoView {
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let picked = input.files().and_then(|f| f.get(0));
        input.set_value("");
        if let Some(picked) = picked {
            on_pick.run(picked);
        }
    };
    let class = if primary {
        "mk-button mk-button--primary"
    } else {
        "mk-button"
    };
    view! {
        <div class="mk-file-button">
            <input
                id=id.clone()
                class="mk-visually-hidden"
                type="file"
                accept=accept
                aria-describedby=described_by
                on:change=on_change
            />
            <label for=id class=class>{label}</label>
        </div>
    }
}
