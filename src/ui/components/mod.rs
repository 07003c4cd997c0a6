//! Reusable components.

pub mod csv_wizard;
pub mod drop_zone;
pub mod notices;
pub mod save_indicator;
pub mod storage_banner;
