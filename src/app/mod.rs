//! State glue between the core, storage and the UI.
