//! The one channel through which results and errors reach the user: toasts with an
//! optional action (e.g. "Undo"), announced to screen readers.

use std::collections::HashMap;
use std::time::Duration;

use leptos::prelude::*;

/// How a notice looks and how it is announced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    /// Something happened as asked.
    Success,
    /// Worth knowing.
    Info,
    /// Something failed; stays until dismissed.
    Error,
    /// A new version of the app is ready; stays until acted on ("Reload") or dismissed.
    Update,
}

impl NoticeKind {
    /// Whether the notice stays until the user acts on it or dismisses it.
    fn stays(self) -> bool {
        matches!(self, NoticeKind::Error | NoticeKind::Update)
    }
}

/// One toast.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// Unique per app run.
    pub id: u64,
    /// Look and announcement.
    pub kind: NoticeKind,
    /// The message (always shown as text, never as HTML).
    pub text: String,
    /// Label of the action button, if any.
    pub action: Option<String>,
}

type Action = Box<dyn Fn()>;

/// The notice channel, shared through context.
#[derive(Clone, Copy)]
pub struct Notices {
    list: RwSignal<Vec<Notice>>,
    actions: StoredValue<HashMap<u64, Action>, LocalStorage>,
    next: StoredValue<u64>,
}

impl Default for Notices {
    fn default() -> Self {
        Self::new()
    }
}

impl Notices {
    /// An empty channel.
    pub fn new() -> Notices {
        Notices {
            list: RwSignal::new(Vec::new()),
            actions: StoredValue::new_local(HashMap::new()),
            next: StoredValue::new(1),
        }
    }

    /// The notices on screen.
    pub fn list(&self) -> Signal<Vec<Notice>> {
        self.list.into()
    }

    fn push_inner(&self, kind: NoticeKind, text: String, action: Option<(String, Action)>) -> u64 {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        let label = action.map(|(label, f)| {
            self.actions.update_value(|a| {
                a.insert(id, f);
            });
            label
        });
        self.list.update(|l| {
            l.push(Notice {
                id,
                kind,
                text,
                action: label,
            });
            // Keep the stack short: the oldest passing notices go first.
            while l.len() > 5 {
                let pos = l.iter().position(|n| !n.kind.stays()).unwrap_or(0);
                l.remove(pos);
            }
        });
        if !kind.stays() {
            let this = *self;
            let secs = if this.has_action(id) { 10 } else { 6 };
            set_timeout(move || this.dismiss(id), Duration::from_secs(secs));
        }
        id
    }

    fn has_action(&self, id: u64) -> bool {
        self.actions
            .try_with_value(|a| a.contains_key(&id))
            .unwrap_or(false)
    }

    /// Shows a message of the given kind.
    pub fn push(&self, kind: NoticeKind, text: impl Into<String>) {
        self.push_inner(kind, text.into(), None);
    }

    /// Shows a success message.
    pub fn success(&self, text: impl Into<String>) {
        self.push_inner(NoticeKind::Success, text.into(), None);
    }

    /// Shows an informational message.
    pub fn info(&self, text: impl Into<String>) {
        self.push_inner(NoticeKind::Info, text.into(), None);
    }

    /// Shows an error; it stays until dismissed.
    pub fn error(&self, text: impl Into<String>) {
        self.push_inner(NoticeKind::Error, text.into(), None);
    }

    /// Shows a message with an action button (e.g. "Undo").
    pub fn with_action(
        &self,
        kind: NoticeKind,
        text: impl Into<String>,
        label: impl Into<String>,
        action: impl Fn() + 'static,
    ) {
        self.push_inner(kind, text.into(), Some((label.into(), Box::new(action))));
    }

    /// Runs a notice's action and removes the notice.
    pub fn act(&self, id: u64) {
        let action = self.actions.try_update_value(|a| a.remove(&id)).flatten();
        self.dismiss(id);
        if let Some(action) = action {
            action();
        }
    }

    /// Removes a notice (no-op if already gone or the app is being torn down).
    pub fn dismiss(&self, id: u64) {
        self.list.try_update(|l| l.retain(|n| n.id != id));
        self.actions.try_update_value(|a| {
            a.remove(&id);
        });
    }
}
