//! Reusable components.

pub mod csv_export;
pub mod csv_wizard;
pub mod draft_list;
pub mod drop_zone;
pub mod match_run;
pub mod modal;
pub mod notices;
pub mod people_bulk;
pub mod people_table;
pub mod person_form;
pub mod question_designer;
pub mod save_indicator;
pub mod share_dialog;
pub mod shortcuts;
pub mod skills_editor;
pub mod storage_banner;
