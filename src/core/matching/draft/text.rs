//! The draft's sentences, written once for the web app and the command-line tool.

use super::{DraftWarning, Preview};
use crate::core::matching::{Unmatched, UnmatchedRole};
use crate::core::model::Program;

/// A score change with its sign: `+6`, `−3` (a real minus sign), `±0`.
pub fn signed(n: i64) -> String {
    if n > 0 {
        format!("+{n}")
    } else if n < 0 {
        format!("\u{2212}{}", -n)
    } else {
        "\u{b1}0".to_owned()
    }
}

/// What an edit would do, with names: "Ada: score 57 → 63 (+6). Total +6." and any
/// warnings ("Ada and Bo are excluded by: same team").
pub fn describe_preview(p: &Program, preview: &Preview) -> String {
    let score = |s: Option<u8>| s.map_or("none".to_owned(), |v| v.to_string());
    let mut parts: Vec<String> = preview
        .pair_deltas
        .iter()
        .map(|d| {
            format!(
                "{}: score {} \u{2192} {} ({})",
                p.name_of(&d.mentee),
                score(d.before),
                score(d.after),
                signed(d.delta())
            )
        })
        .collect();
    parts.push(format!("Total {}", signed(preview.total_delta())));
    for w in &preview.warnings {
        parts.push(match w {
            DraftWarning::Excluded {
                mentee,
                mentor,
                reasons,
            } => format!(
                "{} and {} are excluded by: {}",
                p.name_of(mentee),
                p.name_of(mentor),
                reasons
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            other => capitalised(&other.to_string()),
        });
    }
    parts.join(". ") + "."
}

fn capitalised(text: &str) -> String {
    let mut c = text.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

impl UnmatchedRole {
    /// "mentee" or "mentor".
    pub fn word(self) -> &'static str {
        match self {
            UnmatchedRole::Mentee => "mentee",
            UnmatchedRole::Mentor => "mentor",
        }
    }
}

impl Unmatched {
    /// Who is unmatched, and why: "Ada (mentee): there are no mentors".
    pub fn sentence(&self, p: &Program) -> String {
        format!(
            "{} ({}): {}",
            p.name_of(&self.person),
            self.role.word(),
            self.reason
        )
    }
}
