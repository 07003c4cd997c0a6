//! The CSV import wizard: a button that opens a modal dialog in three steps (file, columns,
//! review) over the core's import pipeline (`sniff_with` -> `auto_map` -> `plan_import` ->
//! `ImportParticipants`). The UI only collects the coordinator's choices and renders the plan;
//! nothing is written to the program until "Import" is pressed, and then through
//! `Session::commit` (one undoable change, autosaved; Undo in the notice too).
//!
//! What does not depend on what is imported is shared with the other CSV import wizards:
//! the file and its detection (`file`), the button and dialog with its footer (`dialog`,
//! `footer`), the file step, and the column table with samples, counts, row errors and
//! warnings over any plan that implements `ReviewedPlan` (`parts`).

mod columns_step;
mod dialog;
mod file;
mod file_step;
mod footer;
mod mapping_file;
mod parts;
mod review_step;

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::app::session::{use_session, Session};
use crate::core::exchange::csv::{
    auto_map, plan_import, DuplicatePolicy, ImportOptions, ImportParticipants, ImportPlan, Mapping,
    Sniffed,
};
use crate::core::model::Role;
use columns_step::ColumnsStep;
use review_step::{blocked_reason, MissingRequired, ReviewStep};

// The frame, the file step and the shared pieces, for the other CSV import wizards.
pub(crate) use dialog::WizardFrame;
pub(crate) use file::{CsvFile, Step};
pub(crate) use file_step::FileStep;
pub(crate) use mapping_file::MappingFileLoader;
pub(crate) use parts::{
    ApplyError, ColumnsTable, Count, MissingColumns, PlanMemo, ReviewedPlan, RowErrors, Warnings,
    MAX_LISTED,
};

/// Everything the steps share: the file, the coordinator's choices as signals and the plan
/// derived from them. `Copy`, so steps and handlers take it by value.
#[derive(Clone, Copy)]
struct Wizard {
    file: CsvFile,
    session: Session,
    mapping: RwSignal<Mapping>,
    multi_value: RwSignal<String>,
    default_role: RwSignal<Role>,
    duplicate_policy: RwSignal<DuplicatePolicy>,
    duplicate_choices: RwSignal<BTreeMap<usize, DuplicatePolicy>>,
    plan: PlanMemo<ImportPlan>,
}

/// The delimiters of multi-value cells typed by the coordinator (spaces ignored).
fn parse_multi_value(text: &str) -> Vec<char> {
    let mut out: Vec<char> = Vec::new();
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

impl Wizard {
    fn new(session: Session) -> Wizard {
        let mapping = RwSignal::new(Mapping {
            columns: Vec::new(),
        });
        let multi_value = RwSignal::new(String::from(";|"));
        let default_role = RwSignal::new(Role::Mentee);
        let duplicate_policy = RwSignal::new(DuplicatePolicy::Skip);
        let duplicate_choices = RwSignal::new(BTreeMap::new());
        // A new set of headers gets a fresh automatic mapping; every read forgets the
        // per-row duplicate choices (the rows may have moved).
        let on_read = Callback::new(move |(sniffed, new_headers): (Arc<Sniffed>, bool)| {
            if new_headers {
                if let Some(m) = session
                    .program
                    .try_with_untracked(|p| auto_map(&sniffed.headers, p))
                {
                    mapping.try_set(m);
                }
            }
            duplicate_choices.try_set(BTreeMap::new());
        });
        let on_reset = Callback::new(move |()| {
            mapping.set(Mapping {
                columns: Vec::new(),
            });
            multi_value.set(String::from(";|"));
            default_role.set(Role::Mentee);
            duplicate_policy.set(DuplicatePolicy::Skip);
            duplicate_choices.set(BTreeMap::new());
        });
        let file = CsvFile::new("mk-csv", session, on_read, on_reset);
        let sniffed = file.sniffed;
        // Re-planned on every choice: plans of a few thousand rows are cheap, and reading
        // the program keeps the plan fresh if it changes meanwhile (so apply is not Stale).
        let plan = Memo::new(move |_| {
            let sniffed = sniffed.get()?;
            let options = ImportOptions {
                multi_value_delimiters: parse_multi_value(&multi_value.get()),
                duplicate_policy: duplicate_policy.get(),
                duplicate_choices: duplicate_choices.get(),
                default_role: default_role.get(),
            };
            let plan = mapping.with(|m| {
                session
                    .program
                    .with(|p| plan_import(&sniffed, m, &options, p))
            });
            Some(Arc::new(plan))
        });
        Wizard {
            file,
            session,
            mapping,
            multi_value,
            default_role,
            duplicate_policy,
            duplicate_choices,
            plan,
        }
    }

    /// An element id unique to this wizard.
    fn id(&self, name: &str) -> String {
        self.file.id(name)
    }

    /// Writes the plan's good rows into the program (all or nothing, one undoable change),
    /// closes the dialog and offers to undo.
    fn import(&self) {
        let Some(plan) = self.plan.get_untracked() else {
            return;
        };
        self.file.commit(
            ImportParticipants(ImportPlan::clone(&plan)),
            |summary, file| {
                let mut text = format!(
                    "Imported {} new participant(s) and updated {} from {file}.",
                    summary.added, summary.merged
                );
                if summary.new_skills > 0 {
                    text.push_str(&format!(" Added {} new skill(s).", summary.new_skills));
                }
                text
            },
        );
    }
}

/// The button "Import participants from CSV…" and the wizard dialog it opens. Takes
/// nothing but context (`use_session`), so it can sit in any program page.
#[component]
pub fn CsvImportWizard() -> impl IntoView {
    let w = Wizard::new(use_session());
    let body = move || match w.file.step.get() {
        Step::File => view! { <FileStep file=w.file hint=FILE_HINT/> }.into_any(),
        Step::Columns => view! { <ColumnsStep wizard=w/> }.into_any(),
        Step::Review => view! { <ReviewStep wizard=w/> }.into_any(),
    };
    let reason = Signal::derive(move || w.plan.with(|p| blocked_reason(p.as_deref())));
    view! {
        <WizardFrame
            file=w.file
            opener="Import participants from CSV…"
            title="Import participants from CSV"
            body=ViewFn::from(body)
            plan=w.plan
            reason=reason
            on_import=Callback::new(move |()| w.import())
        />
    }
}

/// What the file step asks for.
const FILE_HINT: &str = "A CSV or tab-separated file saved from a spreadsheet or a survey tool. Choose it, or drop it on this dialog. Nothing is imported until you confirm in step 3.";
