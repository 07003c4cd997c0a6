//! Reading cells as text: the export's formula escape removed, line breaks and
//! multi-value cells split. What a cell means for a participant's field is the field
//! catalogue's business ([`crate::core::people::fields`]).

/// Characters that make a spreadsheet run a cell as a formula (OWASP ASVS 1.2.10).
pub(crate) const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell as text: trimmed, with the `'` that export puts before formula characters
/// removed. Nothing is ever evaluated.
pub fn text(cell: &str) -> &str {
    let t = cell.trim();
    match t.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => t,
    }
}

/// A one-line value: line breaks inside the cell (Alt+Enter in a spreadsheet) become
/// spaces.
pub(crate) fn line(cell: &str) -> String {
    crate::core::people::fields::one_line(text(cell))
}

/// Splits a multi-value cell on any of the delimiters; items trimmed, empty ones dropped.
pub(crate) fn split(cell: &str, delimiters: &[char]) -> Vec<String> {
    text(cell)
        .split(|c: char| delimiters.contains(&c) || c == '\n' || c == '\r')
        .map(line)
        .filter(|s| !s.is_empty())
        .collect()
}

/// A name from an e-mail's local part: `ada.lovelace@x` -> `Ada Lovelace`.
pub(crate) fn name_from_email(email: &str) -> String {
    let local = email.split('@').next().unwrap_or(email);
    local
        .split(['.', '_', '-', '+'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Skill names compare ignoring case and repeated spaces.
pub(crate) fn skill_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bad input 29: a formula is kept as text; export's `'` escape is removed.
    #[test]
    fn formula_cells_are_text_and_the_export_escape_is_removed() {
        assert_eq!(text("=HYPERLINK(\"x\")"), "=HYPERLINK(\"x\")");
        assert_eq!(text("'=1+1"), "=1+1");
        assert_eq!(text("'quoted"), "'quoted");
    }

    #[test]
    fn names_come_from_email_local_parts() {
        assert_eq!(name_from_email("ada.lovelace@example.org"), "Ada Lovelace");
    }
}
