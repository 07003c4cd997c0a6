//! Keeps the audience window in step with the presenter: it answers the audience's "hello"
//! with the current stage, sends every change, and says "closed" when the presenter
//! leaves. Only the live, redacted [`StageView`] ever goes over the channel (never the
//! rehearsal, never the presenter's details).

use leptos::prelude::*;

use crate::app::workshop::StageChannel;
use crate::core::model::ProgramId;
use crate::core::workshop::{StageMessage, StageView};

/// Connects program `id`'s channel to `stage` until the page is left. The signal returned
/// holds why the windows cannot talk, if they cannot.
pub(super) fn connect(id: &ProgramId, stage: Memo<StageView>) -> RwSignal<Option<String>> {
    let channel = StoredValue::new_local(None::<StageChannel>);
    let error = RwSignal::new(None::<String>);
    match StageChannel::open(id, move |message| {
        if message == StageMessage::Hello {
            if let Some(view) = stage.try_get_untracked() {
                channel.with_value(|c| {
                    if let Some(c) = c {
                        c.post(&StageMessage::State(Box::new(view)));
                    }
                });
            }
        }
    }) {
        Ok(c) => channel.set_value(Some(c)),
        Err(e) => error.set(Some(format!(
            "{}.",
            crate::app::session::sentence(&e.to_string())
        ))),
    }
    Effect::new(move |_| {
        let view = stage.get();
        channel.with_value(|c| {
            if let Some(c) = c {
                c.post(&StageMessage::State(Box::new(view)));
            }
        });
    });
    on_cleanup(move || {
        channel.try_update_value(|c| {
            if let Some(c) = c.take() {
                c.post(&StageMessage::Closed);
            }
        });
    });
    error
}
