//! The check-ins CSV wizard: most programs collect check-ins with a form tool (Google
//! Forms, Microsoft Forms, Typeform...) and export the answers as CSV. A button opens the
//! same three-step dialog as the participants import (file, columns, review; the frame is
//! shared in `csv_wizard`) over the core's check-ins pipeline (`sniff_with` ->
//! `auto_map_log` -> `plan_log_import` -> `ImportLog`). Nothing is written until the
//! coordinator confirms, and then through `Session::commit`: one undoable change with the
//! history label, announced with an Undo.

mod columns_step;
mod review_step;

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::browser::today;
use crate::app::session::use_session;
use crate::core::date::Date;
use crate::core::exchange::checkins::{
    auto_map_log, plan_log_import, DateOrder, ImportLog, LogOptions, LogPlan, LogTarget,
};
use crate::core::exchange::csv::{Mapping, Sniffed};
use crate::ui::components::csv_wizard::{CsvFile, FileStep, PlanMemo, Step, WizardFrame};
use columns_step::ColumnsStep;
use review_step::{blocked_reason, ReviewStep};

/// The check-ins wizard's state: the shared file part, the coordinator's choices, and the
/// plan derived from them. `Copy`, so steps and handlers take it by value.
#[derive(Clone, Copy)]
struct LogWizard {
    file: CsvFile,
    mapping: RwSignal<Mapping<LogTarget>>,
    /// How to read `03/04/2026`; `None` lets the core detect it from the file.
    date_order: RwSignal<Option<DateOrder>>,
    plan: PlanMemo<LogPlan>,
}

impl LogWizard {
    fn new() -> LogWizard {
        let session = use_session();
        let mapping = RwSignal::new(Mapping {
            columns: Vec::new(),
        });
        let date_order = RwSignal::new(None::<DateOrder>);
        // Today, read when the dialog opens: answers dated later are row errors. `None`
        // when the browser's clock gives no valid date.
        let as_of = RwSignal::new(None::<Date>);
        // A file with other headers is mapped again, and its dates detected again.
        let on_read = Callback::new(move |(sniffed, new_headers): (Arc<Sniffed>, bool)| {
            if new_headers {
                mapping.try_set(auto_map_log(&sniffed.headers));
                date_order.try_set(None);
            }
        });
        let on_reset = Callback::new(move |()| {
            mapping.set(Mapping {
                columns: Vec::new(),
            });
            date_order.set(None);
            as_of.set(today());
        });
        let file = CsvFile::new("mk-log", session, on_read, on_reset);
        let sniffed = file.sniffed;
        // Re-planned on every choice and every change to the program, so the plan the
        // coordinator confirms is the one committed.
        let plan = Memo::new(move |_| {
            let sniffed = sniffed.get()?;
            let options = LogOptions {
                as_of: as_of.get()?,
                date_order: date_order.get(),
            };
            let plan = mapping.with(|m| {
                session
                    .program
                    .with(|p| plan_log_import(&sniffed, m, &options, p))
            });
            Some(Arc::new(plan))
        });
        LogWizard {
            file,
            mapping,
            date_order,
            plan,
        }
    }

    /// An element id unique to this wizard.
    fn id(&self, name: &str) -> String {
        self.file.id(name)
    }

    /// Records the plan's good rows (one undoable change), closes the dialog and offers
    /// to undo.
    fn import(&self) {
        let Some(plan) = self.plan.get_untracked() else {
            return;
        };
        let source = self.file.file_name.get_untracked().unwrap_or_default();
        self.file.commit(
            ImportLog {
                plan: LogPlan::clone(&plan),
                source,
            },
            |done, file| {
                format!(
                    "Recorded {} check-in(s) and logged {} meeting(s) from {file}.",
                    done.check_ins, done.meetings
                )
            },
        );
    }
}

/// What the file step asks for.
const FILE_HINT: &str = "The answers to a check-in form, exported as CSV from Google Forms, Microsoft Forms or another form tool: a Timestamp or date column and the respondent's e-mail, then any of partner, rating, on track, fit, met since last time, meeting date, duration, mode and comment. Choose it, or drop it on this dialog. Nothing is imported until you confirm in step 3.";

/// The button "Import check-ins…" and the check-ins wizard it opens. Takes nothing but
/// context (`use_session`), so the Relationships page only mounts it.
#[component]
pub fn LogImportWizard() -> impl IntoView {
    let w = LogWizard::new();
    let body = move || match w.file.step.get() {
        Step::File => view! { <FileStep file=w.file hint=FILE_HINT/> }.into_any(),
        Step::Columns => view! { <ColumnsStep wizard=w/> }.into_any(),
        Step::Review => view! { <ReviewStep wizard=w/> }.into_any(),
    };
    let reason = Signal::derive(move || {
        w.plan
            .with(|p| blocked_reason(p.as_deref(), w.file.sniffed.with(Option::is_some)))
    });
    view! {
        <WizardFrame
            file=w.file
            opener="Import check-ins…"
            title="Import check-ins from CSV"
            body=ViewFn::from(body)
            plan=w.plan
            reason=reason
            on_import=Callback::new(move |()| w.import())
        />
    }
}
