//! What every CSV import wizard shares: its steps, the dialog's open state, and the file
//! being read (picked or dropped, decoded and split by the core's `sniff_with`). The
//! participants wizard and the check-ins wizard each add their own mapping and plan.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::browser::{focus_element, read_file};
use crate::app::notices::NoticeKind;
use crate::app::session::{CommitError, Session};
use crate::core::edit::Operation;
use crate::core::exchange::csv::{sniff_with, SniffOptions, Sniffed};

/// A wizard's steps, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    File,
    Columns,
    Review,
}

impl Step {
    pub(crate) const ALL: [Step; 3] = [Step::File, Step::Columns, Step::Review];

    pub(crate) fn label(self) -> &'static str {
        match self {
            Step::File => "1. File",
            Step::Columns => "2. Columns",
            Step::Review => "3. Review and import",
        }
    }
}

/// Distinguishes the element ids of several wizards on one page (tests mount many).
static NEXT_WIZARD: AtomicU64 = AtomicU64::new(1);

/// The part of a wizard that does not depend on what is imported: the dialog, the step,
/// the file and its detection. `Copy`, so steps and handlers take it by value.
#[derive(Clone, Copy)]
pub(crate) struct CsvFile {
    uid: u64,
    /// The start of this wizard's element ids (`mk-csv`, `mk-log`).
    prefix: &'static str,
    /// The open program, which the import changes.
    pub(crate) session: Session,
    pub(crate) open: RwSignal<bool>,
    pub(crate) step: RwSignal<Step>,
    pub(crate) file_name: RwSignal<Option<String>>,
    /// The raw bytes, kept to re-read the file when a detection is overridden.
    bytes: StoredValue<Option<Arc<Vec<u8>>>>,
    pub(crate) reading: RwSignal<bool>,
    pub(crate) file_error: RwSignal<Option<String>>,
    pub(crate) sniff_options: RwSignal<SniffOptions>,
    pub(crate) sniffed: RwSignal<Option<Arc<Sniffed>>>,
    /// Why the last "Import" changed nothing.
    pub(crate) apply_error: RwSignal<Option<String>>,
    /// Bumped by every new read and by closing, so a read that finishes late is dropped
    /// (bad input 42).
    read_generation: StoredValue<u64>,
    pub(crate) opener: NodeRef<leptos::html::Button>,
    /// Told about every file read before it is shown, with whether its headers differ
    /// from the previous one's (the wizard then maps the columns again).
    on_read: Callback<(Arc<Sniffed>, bool)>,
    /// Told when the wizard forgets the file, so it forgets its own choices too.
    on_reset: Callback<()>,
}

impl CsvFile {
    /// A closed wizard over the open program whose element ids start with `prefix`.
    pub(crate) fn new(
        prefix: &'static str,
        session: Session,
        on_read: Callback<(Arc<Sniffed>, bool)>,
        on_reset: Callback<()>,
    ) -> CsvFile {
        CsvFile {
            uid: NEXT_WIZARD.fetch_add(1, Ordering::Relaxed),
            prefix,
            session,
            open: RwSignal::new(false),
            step: RwSignal::new(Step::File),
            file_name: RwSignal::new(None),
            bytes: StoredValue::new(None),
            reading: RwSignal::new(false),
            file_error: RwSignal::new(None),
            sniff_options: RwSignal::new(SniffOptions::default()),
            sniffed: RwSignal::new(None),
            apply_error: RwSignal::new(None),
            read_generation: StoredValue::new(0),
            opener: NodeRef::new(),
            on_read,
            on_reset,
        }
    }

    /// An element id unique to this wizard.
    pub(crate) fn id(&self, name: &str) -> String {
        format!("{}-{}-{name}", self.prefix, self.uid)
    }

    /// Forgets the file and every choice.
    pub(crate) fn reset(&self) {
        self.read_generation.update_value(|g| *g += 1);
        self.step.set(Step::File);
        self.file_name.set(None);
        self.bytes.set_value(None);
        self.reading.set(false);
        self.file_error.set(None);
        self.sniff_options.set(SniffOptions::default());
        self.sniffed.set(None);
        self.apply_error.set(None);
        self.on_reset.run(());
    }

    /// Opens the dialog on its first step, with the file input focused.
    pub(crate) fn open_dialog(&self) {
        self.reset();
        self.open.set(true);
        let first = self.id("file");
        request_animation_frame(move || focus_element(&first));
    }

    /// Closes the dialog (nothing imported unless the wizard imported) and gives focus
    /// back to the button that opened it.
    pub(crate) fn close(&self) {
        self.reset();
        self.open.set(false);
        let opener = self.opener;
        request_animation_frame(move || {
            if let Some(button) = opener.try_get_untracked().flatten() {
                let _ = button.focus();
            }
        });
    }

    /// Moves to a step and focuses its heading, so a screen reader says where it is.
    pub(crate) fn go(&self, step: Step) {
        self.apply_error.set(None);
        self.step.set(step);
        let heading = self.id("step");
        request_animation_frame(move || focus_element(&heading));
    }

    /// Reads a picked or dropped file. A read that finishes after the dialog was closed,
    /// the page left or another file picked is dropped (bad input 42): every signal is
    /// touched with `try_*`, so a disposed wizard is never written to.
    pub(crate) fn load(&self, file: web_sys::File) {
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

    /// Splits the file again with the current detection overrides; the wizard is told,
    /// so a new set of headers gets a fresh automatic mapping.
    pub(crate) fn resniff(&self) {
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
                let sniffed = Arc::new(sniffed);
                self.on_read.try_run((Arc::clone(&sniffed), !same_headers));
                self.file_error.try_set(None);
                self.sniffed.try_set(Some(sniffed));
            }
            Err(e) => {
                self.sniffed.try_set(None);
                self.file_error.try_set(Some(format!(
                    "This file cannot be read as CSV: {e}. Nothing was imported."
                )));
            }
        }
    }

    /// Commits the confirmed import (one undoable change, autosaved), closes the dialog
    /// and says what it did with an Undo (`done` words the report for this file name). A
    /// refusal stays in the dialog, which says nothing was imported.
    pub(crate) fn commit<O: Operation>(
        &self,
        op: O,
        done: impl FnOnce(&O::Report, &str) -> String,
    ) {
        match self.session.commit(op) {
            Err(CommitError::Edit(e)) => self
                .apply_error
                .set(Some(format!("Nothing was imported: {e}."))),
            // The session refused the change (read-only, conflict) and said why.
            Err(_) => {}
            Ok(committed) => {
                let name = self.file_name.get_untracked().unwrap_or_default();
                let text = done(&committed.report, &name);
                self.close();
                self.session
                    .notify_with_undo(NoticeKind::Success, text, committed.step);
            }
        }
    }

    /// Drops the plan: nothing is imported, and that is said.
    pub(crate) fn import_none(&self) {
        self.close();
        self.session.app().notices.info("Nothing was imported.");
    }
}
