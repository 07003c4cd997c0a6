//! Reusable components.

pub mod draft_list;
pub mod drop_zone;
pub mod match_run;
pub mod notices;
pub mod save_indicator;
pub mod storage_banner;
