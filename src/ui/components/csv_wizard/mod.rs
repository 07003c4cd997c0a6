//! The CSV import wizard: a button that opens a modal dialog in three steps (file, columns,
//! review) over the core's import pipeline (`sniff_with` -> `auto_map` -> `plan_import` ->
//! `ImportParticipants`). The UI only collects the coordinator's choices and renders the plan;
//! nothing is written to the program until "Import" is pressed, and then through
//! `Session::commit` (one undoable change, autosaved; Undo in the notice too).

mod columns_step;
mod dialog;
mod file_step;
mod footer;
mod review_step;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::browser::{focus_element, read_file};
use crate::app::notices::NoticeKind;
use crate::app::session::{use_session, CommitError, Session};
use crate::app::{use_app, AppContext};
use crate::core::exchange::csv::{
    auto_map, plan_import, sniff_with, DuplicatePolicy, ImportOptions, ImportParticipants,
    ImportPlan, Mapping, SniffOptions, Sniffed,
};
use crate::core::model::Role;
use dialog::WizardDialog;
use review_step::MissingRequired;

/// The wizard's steps, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    File,
    Columns,
    Review,
}

impl Step {
    const ALL: [Step; 3] = [Step::File, Step::Columns, Step::Review];

    fn label(self) -> &'static str {
        match self {
            Step::File => "1. File",
            Step::Columns => "2. Columns",
            Step::Review => "3. Review and import",
        }
    }
}

/// Distinguishes the element ids of several wizards on one page (tests mount many).
static NEXT_WIZARD: AtomicU64 = AtomicU64::new(1);

/// Everything the steps share: the coordinator's choices as signals, the sniffed file and
/// the plan derived from them. `Copy`, so steps and handlers take it by value.
#[derive(Clone, Copy)]
struct Wizard {
    uid: u64,
    app: AppContext,
    session: Session,
    open: RwSignal<bool>,
    step: RwSignal<Step>,
    file_name: RwSignal<Option<String>>,
    /// The raw bytes, kept to re-read the file when a detection is overridden.
    bytes: StoredValue<Option<Arc<Vec<u8>>>>,
    reading: RwSignal<bool>,
    file_error: RwSignal<Option<String>>,
    sniff_options: RwSignal<SniffOptions>,
    sniffed: RwSignal<Option<Arc<Sniffed>>>,
    mapping: RwSignal<Mapping>,
    multi_value: RwSignal<String>,
    default_role: RwSignal<Role>,
    duplicate_policy: RwSignal<DuplicatePolicy>,
    duplicate_choices: RwSignal<BTreeMap<usize, DuplicatePolicy>>,
    apply_error: RwSignal<Option<String>>,
    /// Bumped by every new read and by closing, so a read that finishes late is dropped
    /// (bad input 42).
    read_generation: StoredValue<u64>,
    plan: Memo<Option<Arc<ImportPlan>>>,
    opener: NodeRef<leptos::html::Button>,
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
    fn new(app: AppContext, session: Session) -> Wizard {
        let sniffed = RwSignal::new(None::<Arc<Sniffed>>);
        let mapping = RwSignal::new(Mapping {
            columns: Vec::new(),
        });
        let multi_value = RwSignal::new(String::from(";|"));
        let default_role = RwSignal::new(Role::Mentee);
        let duplicate_policy = RwSignal::new(DuplicatePolicy::Skip);
        let duplicate_choices = RwSignal::new(BTreeMap::new());
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
            uid: NEXT_WIZARD.fetch_add(1, Ordering::Relaxed),
            app,
            session,
            open: RwSignal::new(false),
            step: RwSignal::new(Step::File),
            file_name: RwSignal::new(None),
            bytes: StoredValue::new(None),
            reading: RwSignal::new(false),
            file_error: RwSignal::new(None),
            sniff_options: RwSignal::new(SniffOptions::default()),
            sniffed,
            mapping,
            multi_value,
            default_role,
            duplicate_policy,
            duplicate_choices,
            apply_error: RwSignal::new(None),
            read_generation: StoredValue::new(0),
            plan,
            opener: NodeRef::new(),
        }
    }

    /// An element id unique to this wizard.
    fn id(&self, name: &str) -> String {
        format!("mk-csv-{}-{name}", self.uid)
    }

    /// Forgets the file and every choice.
    fn reset(&self) {
        self.read_generation.update_value(|g| *g += 1);
        self.step.set(Step::File);
        self.file_name.set(None);
        self.bytes.set_value(None);
        self.reading.set(false);
        self.file_error.set(None);
        self.sniff_options.set(SniffOptions::default());
        self.sniffed.set(None);
        self.mapping.set(Mapping {
            columns: Vec::new(),
        });
        self.multi_value.set(String::from(";|"));
        self.default_role.set(Role::Mentee);
        self.duplicate_policy.set(DuplicatePolicy::Skip);
        self.duplicate_choices.set(BTreeMap::new());
        self.apply_error.set(None);
    }

    fn open_dialog(&self) {
        self.reset();
        self.open.set(true);
        let first = self.id("file");
        request_animation_frame(move || focus_element(&first));
    }

    /// Closes the dialog (nothing imported unless `import` ran) and gives focus back to
    /// the button that opened it.
    fn close(&self) {
        self.reset();
        self.open.set(false);
        let opener = self.opener;
        request_animation_frame(move || {
            if let Some(button) = opener.try_get_untracked().flatten() {
                let _ = button.focus();
            }
        });
    }

    fn go(&self, step: Step) {
        self.apply_error.set(None);
        self.step.set(step);
        let heading = self.id("step");
        request_animation_frame(move || focus_element(&heading));
    }

    /// Reads a picked or dropped file. A read that finishes after the dialog was closed,
    /// the page left or another file picked is dropped (bad input 42): every signal is
    /// touched with `try_*`, so a disposed wizard is never written to.
    fn load(&self, file: web_sys::File) {
        let name = file.name();
        let generation = self.read_generation.get_value() + 1;
        self.read_generation.set_value(generation);
        self.step.set(Step::File);
        self.file_name.set(Some(name));
        self.file_error.set(None);
        self.sniffed.set(None);
        self.reading.set(true);
        let this = *self;
        spawn_local(async move {
            let result = read_file(file).await;
            let current = this.read_generation.try_get_value() == Some(generation)
                && this.open.try_get_untracked() == Some(true);
            if !current {
                return;
            }
            this.reading.try_set(false);
            match result {
                Ok(bytes) => {
                    this.bytes.try_set_value(Some(Arc::new(bytes)));
                    this.sniff_options.try_set(SniffOptions::default());
                    this.resniff();
                }
                Err(e) => {
                    this.file_error
                        .try_set(Some(format!("{e}. Choose another file.")));
                }
            }
        });
    }

    /// Splits the file again with the current detection overrides; a new set of headers
    /// gets a fresh automatic mapping.
    fn resniff(&self) {
        let Some(bytes) = self.bytes.try_get_value().flatten() else {
            return;
        };
        let Some(options) = self.sniff_options.try_get_untracked() else {
            return;
        };
        match sniff_with(&bytes, &options) {
            Ok(sniffed) => {
                let same_headers = self
                    .sniffed
                    .try_with_untracked(|old| {
                        old.as_ref().is_some_and(|o| o.headers == sniffed.headers)
                    })
                    .unwrap_or(false);
                if !same_headers {
                    let mapping = self
                        .session
                        .program
                        .try_with_untracked(|p| auto_map(&sniffed.headers, p));
                    if let Some(mapping) = mapping {
                        self.mapping.try_set(mapping);
                    }
                }
                self.duplicate_choices.try_set(BTreeMap::new());
                self.file_error.try_set(None);
                self.sniffed.try_set(Some(Arc::new(sniffed)));
            }
            Err(e) => {
                self.sniffed.try_set(None);
                self.file_error.try_set(Some(format!(
                    "This file cannot be read as CSV: {e}. Nothing was imported."
                )));
            }
        }
    }

    /// Writes the plan's good rows into the program (all or nothing, one undoable change),
    /// closes the dialog and offers to undo.
    fn import(&self) {
        let Some(plan) = self.plan.get_untracked() else {
            return;
        };
        match self
            .session
            .commit(ImportParticipants(ImportPlan::clone(&plan)))
        {
            Err(CommitError::Edit(e)) => self
                .apply_error
                .set(Some(format!("Nothing was imported: {e}."))),
            // The session refused the change (read-only, conflict) and said why.
            Err(_) => {}
            Ok(done) => {
                let summary = done.report;
                let file = self.file_name.get_untracked().unwrap_or_default();
                let mut text = format!(
                    "Imported {} new participant(s) and updated {} from {file}.",
                    summary.added, summary.merged
                );
                if summary.new_skills > 0 {
                    text.push_str(&format!(" Added {} new skill(s).", summary.new_skills));
                }
                self.close();
                self.session
                    .notify_with_undo(NoticeKind::Success, text, done.step);
            }
        }
    }

    /// Drops the plan: nothing is imported.
    fn import_none(&self) {
        self.close();
        self.app.notices.info("Nothing was imported.");
    }
}

/// The button "Import participants from CSV…" and the wizard dialog it opens. Takes
/// nothing but context (`use_app`, `use_session`), so it can sit in any program page.
#[component]
pub fn CsvImportWizard() -> impl IntoView {
    let wizard = Wizard::new(use_app(), use_session());
    let read_only = move || wizard.session.read_only.get().is_some();
    view! {
        <button
            class="mk-button"
            node_ref=wizard.opener
            aria-haspopup="dialog"
            disabled=read_only
            on:click=move |_| wizard.open_dialog()
        >
            "Import participants from CSV…"
        </button>
        <Show when=move || wizard.open.get()>
            <WizardDialog wizard=wizard/>
        </Show>
    }
}
