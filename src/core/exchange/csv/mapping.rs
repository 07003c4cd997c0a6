//! Step 2 of import: which participant field each column fills.

use std::collections::BTreeMap;
use std::fmt;

use thiserror::Error;

use crate::core::model::Program;
use crate::core::people::fields::{PersonField, FIELDS};

/// What a CSV column fills in a participant: one of the person's fields (described in the
/// field catalogue, [`crate::core::people::fields`]), or the first or last part of a name
/// that spreadsheets often keep in two columns.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// A participant's field (built-in, or the answer to a profile question).
    Person(PersonField),
    /// First (given) name; joined with [`Target::LastName`] when there is no full name.
    FirstName,
    /// Last (family) name.
    LastName,
    /// Not imported.
    Ignore,
}

impl From<PersonField> for Target {
    fn from(field: PersonField) -> Target {
        Target::Person(field)
    }
}

/// Header spellings of the first and last name columns (the catalogue has the rest).
const FIRST_NAME_HEADERS: [&str; 3] = ["firstname", "givenname", "forename"];
const LAST_NAME_HEADERS: [&str; 3] = ["lastname", "surname", "familyname"];

impl Target {
    /// Every target but answers and [`Target::Ignore`], in the order a wizard lists them:
    /// the name, its two parts, then the catalogue's fields.
    pub fn built_in() -> Vec<Target> {
        let mut out = vec![
            Target::Person(PersonField::Name),
            Target::FirstName,
            Target::LastName,
        ];
        out.extend(
            PersonField::built_ins()
                .filter(|f| *f != PersonField::Name)
                .map(Target::Person),
        );
        out
    }

    /// The name used in mapping files (`email`, `skills_offered`, `field:f3`, `ignore`).
    pub fn key(&self) -> String {
        match self {
            Target::Person(PersonField::Answer(id)) => format!("field:{id}"),
            Target::Person(f) => f.key(),
            Target::FirstName => "first_name".to_owned(),
            Target::LastName => "last_name".to_owned(),
            Target::Ignore => "ignore".to_owned(),
        }
    }

    /// A human label ("E-mail", "Skills offered").
    pub fn label(&self) -> &'static str {
        match self {
            Target::Person(PersonField::Answer(_)) => "Profile question",
            Target::Person(f) => f.label(),
            Target::FirstName => "First name",
            Target::LastName => "Last name",
            Target::Ignore => "(ignored)",
        }
    }

    /// Parses a mapping-file target: a [`Target::key`], or `field:` followed by a profile
    /// question's id or label. Case, spaces and punctuation are ignored for built-in keys
    /// (`E-mail`, `Skills offered` work too).
    pub fn from_key(key: &str, program: &Program) -> Option<Target> {
        let key = key.trim();
        if let Some(field) = key.strip_prefix("field:") {
            let field = field.trim();
            return program
                .profile_fields
                .iter()
                .find(|f| f.id.as_str() == field)
                .or_else(|| {
                    let wanted = normalize_header(field);
                    program
                        .profile_fields
                        .iter()
                        .find(|f| normalize_header(&f.label) == wanted)
                })
                .map(|f| Target::Person(PersonField::Answer(f.id.clone())));
        }
        let wanted = normalize_header(key);
        if wanted == "ignore" {
            return Some(Target::Ignore);
        }
        Target::built_in()
            .into_iter()
            .find(|t| normalize_header(&t.key()) == wanted || normalize_header(t.label()) == wanted)
    }

    /// Whether several columns may fill this target (their values are appended in column
    /// order: "Skill 1", "Skill 2", ... or "1st choice", "2nd choice", ...).
    pub fn is_list(&self) -> bool {
        matches!(self, Target::Person(f) if f.is_list())
    }

    /// The target whose header spellings include `normalized` exactly.
    fn by_header(normalized: &str) -> Option<Target> {
        if FIRST_NAME_HEADERS.contains(&normalized) {
            return Some(Target::FirstName);
        }
        if LAST_NAME_HEADERS.contains(&normalized) {
            return Some(Target::LastName);
        }
        FIELDS
            .iter()
            .find(|s| s.headers.contains(&normalized))
            .map(|s| Target::Person(s.field.clone()))
    }

    /// Every target with a distinctive phrase inside `normalized` (a long survey question).
    fn by_phrase(normalized: &str) -> Vec<Target> {
        let mut found = Vec::new();
        for (phrases, target) in [
            (&["firstname"][..], Target::FirstName),
            (&["lastname", "surname"][..], Target::LastName),
        ] {
            if phrases.iter().any(|p| normalized.contains(p)) {
                found.push(target);
            }
        }
        for spec in &FIELDS {
            if spec.phrases.iter().any(|p| normalized.contains(p)) {
                found.push(Target::Person(spec.field.clone()));
            }
        }
        found
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key())
    }
}

/// A header reduced for comparison: lower case, text in brackets dropped ("Seniority
/// (1-10)"), only letters and digits kept. `E-mail address` -> `emailaddress`.
pub fn normalize_header(header: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in header.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            c if depth == 0 && c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => {}
        }
    }
    if out.is_empty() {
        // A header entirely in brackets: keep what is inside.
        header
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    } else {
        out
    }
}

/// What a column of an imported CSV file can fill: a participant's field ([`Target`]) or
/// a part of a check-in ([`crate::core::exchange::checkins::LogTarget`]). A mapping and
/// its mapping file work the same way for both.
pub trait ColumnTarget: Clone + PartialEq + fmt::Debug {
    /// The target of a column that is not imported.
    const IGNORE: Self;

    /// The name used in mapping files.
    fn key(&self) -> String;

    /// Parses a mapping-file target name (case, spaces and punctuation ignored).
    fn from_key(key: &str, program: &Program) -> Option<Self>;

    /// Whether several columns may fill this target.
    fn is_list(&self) -> bool;

    /// The target names a mapping file may use, for the message naming an unknown one.
    fn known_keys() -> String;
}

impl ColumnTarget for Target {
    const IGNORE: Target = Target::Ignore;

    fn key(&self) -> String {
        Target::key(self)
    }

    fn from_key(key: &str, program: &Program) -> Option<Target> {
        Target::from_key(key, program)
    }

    fn is_list(&self) -> bool {
        Target::is_list(self)
    }

    fn known_keys() -> String {
        let mut keys: Vec<String> = Target::built_in().iter().map(Target::key).collect();
        keys.push("field:<question id or label>".to_owned());
        keys.join(", ")
    }
}

/// Which target each column fills, one entry per column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mapping<T = Target> {
    /// The target of each column, in column order.
    pub columns: Vec<T>,
}

/// Guesses the target of every column from its header.
///
/// Headers are compared after [`normalize_header`] with the spellings of each target
/// (`Full name`, `E-mail address`, `Job title`, `Time zone`, `Can mentor on`, `Wants to
/// learn`, `Max mentees`, ...), then with the labels of the program's profile questions,
/// then by distinctive phrases inside long survey questions. A built-in target that is not
/// a list goes to the first column that claims it; later ones are ignored. Numbered
/// columns (`Skill 1`, `Preference 2`) fill list targets.
///
/// ```
/// use mentorkit::core::exchange::csv::{auto_map, Target};
/// use mentorkit::core::people::PersonField;
/// use mentorkit::core::{Program, ProgramId};
/// let headers = ["Full Name", "E-mail address", "Job title", "Office"].map(String::from);
/// let m = auto_map(&headers, &Program::new(ProgramId::from("x"), "X"));
/// let person = |f| Target::Person(f);
/// assert_eq!(
///     m.columns,
///     [person(PersonField::Name), person(PersonField::Email), person(PersonField::Title), Target::Ignore]
/// );
/// ```
pub fn auto_map(headers: &[String], program: &Program) -> Mapping {
    Mapping::from_guesses(headers.iter().map(|h| guess(h, program)))
}

fn guess(header: &str, program: &Program) -> Target {
    let h = normalize_header(header);
    if h.is_empty() {
        return Target::Ignore;
    }
    if let Some(t) = Target::by_header(&h) {
        return t;
    }
    if let Some(f) = program
        .profile_fields
        .iter()
        .find(|f| normalize_header(&f.label) == h)
    {
        return Target::Person(PersonField::Answer(f.id.clone()));
    }
    // "Skill 1", "Preference 2", "Language 3", "1st choice".
    let stripped = h.trim_end_matches(|c: char| c.is_ascii_digit());
    let stripped = if stripped.len() < h.len() {
        stripped
    } else {
        h.trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_start_matches(['s', 'n', 'r', 't'])
            .trim_start_matches(['t', 'd', 'h'])
    };
    if stripped.len() < h.len() {
        for candidate in [stripped.to_owned(), format!("{stripped}s")] {
            if let Some(t) = Target::by_header(&candidate).filter(Target::is_list) {
                return t;
            }
        }
    }
    match Target::by_phrase(&h).as_slice() {
        [one] => one.clone(),
        _ => Target::Ignore,
    }
}

/// Why a mapping file could not be used.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum MappingFileError {
    /// Not JSON.
    #[error("not JSON (line {line}, column {column}): {message}")]
    NotJson {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser saw.
        message: String,
    },
    /// Not an object of header -> target name.
    #[error("a mapping file is a JSON object of CSV header -> target name, e.g. {{\"Work e-mail\": \"email\"}}")]
    NotAnObject,
    /// A value is not a string.
    #[error("\"{header}\": the target must be a string such as \"email\" or \"ignore\"")]
    NotAString {
        /// The header.
        header: String,
    },
    /// A header that is not in the CSV file.
    #[error("\"{header}\" is not a column of the CSV file (its columns are: {columns})")]
    UnknownHeader {
        /// The header named in the mapping file.
        header: String,
        /// The CSV's headers, comma-separated.
        columns: String,
    },
    /// A target name that does not exist.
    #[error("\"{header}\": unknown target \"{target}\" (known: {known}, ignore)")]
    UnknownTarget {
        /// The header.
        header: String,
        /// The unknown target.
        target: String,
        /// The known target names.
        known: String,
    },
    /// Two columns given the same single-value target.
    #[error(
        "\"{first}\" and \"{second}\" are both mapped to \"{target}\", which takes one column"
    )]
    TargetTwice {
        /// The target.
        target: String,
        /// The first column.
        first: String,
        /// The second column.
        second: String,
    },
}

impl<T: ColumnTarget> Mapping<T> {
    /// A mapping from guessed targets, one per column: a target that takes one column
    /// goes to the first column that claims it; later ones are ignored.
    pub fn from_guesses(guesses: impl IntoIterator<Item = T>) -> Mapping<T> {
        let mut mapping = Mapping {
            columns: Vec::new(),
        };
        for target in guesses {
            let taken =
                !target.is_list() && target != T::IGNORE && mapping.columns.contains(&target);
            mapping.columns.push(if taken { T::IGNORE } else { target });
        }
        mapping
    }

    /// The target of a column (`None` past the end).
    pub fn target(&self, column: usize) -> Option<&T> {
        self.columns.get(column)
    }

    /// The first column filling a target.
    pub fn column_of(&self, target: &T) -> Option<usize> {
        self.columns.iter().position(|t| t == target)
    }

    /// Whether some column fills the target.
    pub fn has(&self, target: &T) -> bool {
        self.column_of(target).is_some()
    }

    /// Sets a column's target (the wizard's drop-down). A target that takes one column
    /// moves: the column that had it becomes ignored. Out-of-range columns are ignored.
    pub fn set(&mut self, column: usize, target: T) {
        if column >= self.columns.len() {
            return;
        }
        if !target.is_list() && target != T::IGNORE {
            for t in &mut self.columns {
                if *t == target {
                    *t = T::IGNORE;
                }
            }
        }
        self.columns[column] = target;
    }

    /// Applies a mapping file over this mapping: a JSON object of CSV header -> target
    /// name ([`Target::key`], e.g. `"email"`, `"skills_offered"`, `"field:f3"`,
    /// `"ignore"`). Headers are matched exactly, then ignoring case, spaces and
    /// punctuation. Columns the file does not name keep their current (auto) target.
    ///
    /// ```json
    /// { "Full Name": "name", "Work e-mail": "email", "Can help with": "skills_offered",
    ///   "Office": "ignore", "Pronouns": "field:Pronouns" }
    /// ```
    ///
    /// # Errors
    /// [`MappingFileError`] naming the header or target at fault; the mapping is then
    /// unchanged.
    pub fn apply_file(
        &mut self,
        headers: &[String],
        json: &str,
        program: &Program,
    ) -> Result<(), MappingFileError> {
        let json = json.strip_prefix('\u{FEFF}').unwrap_or(json);
        let value: serde_json::Value =
            serde_json::from_str(json).map_err(|e| MappingFileError::NotJson {
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            })?;
        let object = value.as_object().ok_or(MappingFileError::NotAnObject)?;
        let mut next = self.clone();
        next.columns.resize(headers.len(), T::IGNORE);
        let mut explicit: BTreeMap<usize, T> = BTreeMap::new();
        for (header, target) in object {
            let target_name = target
                .as_str()
                .ok_or_else(|| MappingFileError::NotAString {
                    header: header.clone(),
                })?;
            let column = headers
                .iter()
                .position(|h| h == header)
                .or_else(|| {
                    let wanted = normalize_header(header);
                    headers.iter().position(|h| normalize_header(h) == wanted)
                })
                .ok_or_else(|| MappingFileError::UnknownHeader {
                    header: header.clone(),
                    columns: headers.join(", "),
                })?;
            let target = T::from_key(target_name, program).ok_or_else(|| {
                MappingFileError::UnknownTarget {
                    header: header.clone(),
                    target: target_name.to_owned(),
                    known: T::known_keys(),
                }
            })?;
            if !target.is_list() && target != T::IGNORE {
                if let Some((&other, _)) = explicit.iter().find(|(_, t)| **t == target) {
                    return Err(MappingFileError::TargetTwice {
                        target: target.key(),
                        first: headers[other.min(column)].clone(),
                        second: headers[other.max(column)].clone(),
                    });
                }
            }
            explicit.insert(column, target);
        }
        for (column, target) in explicit {
            next.set(column, target);
        }
        *self = next;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::ProgramId;

    fn program() -> Program {
        Program::new(ProgramId::from("t"), "T")
    }

    fn map(headers: &[&str]) -> Vec<Target> {
        let headers: Vec<String> = headers.iter().map(|h| (*h).to_owned()).collect();
        auto_map(&headers, &program()).columns
    }

    #[test]
    fn common_spellings_map_ignoring_case_spaces_and_punctuation() {
        assert_eq!(
            map(&[
                "FULL NAME",
                "E-Mail Address",
                "Role",
                "Dept.",
                "Team",
                "Line manager",
                "Job Title",
                "Level",
                "Time Zone",
                "Languages",
                "Can mentor on",
                "Wants to learn",
                "Max. mentees",
                "Preferences",
                "Office",
            ]),
            [
                Target::Person(PersonField::Name),
                Target::Person(PersonField::Email),
                Target::Person(PersonField::Role),
                Target::Person(PersonField::Department),
                Target::Person(PersonField::Team),
                Target::Person(PersonField::Manager),
                Target::Person(PersonField::Title),
                Target::Person(PersonField::Seniority),
                Target::Person(PersonField::TimeZone),
                Target::Person(PersonField::Languages),
                Target::Person(PersonField::SkillsOffered),
                Target::Person(PersonField::SkillsWanted),
                Target::Person(PersonField::Capacity),
                Target::Person(PersonField::Preferences),
                Target::Ignore,
            ]
        );
    }

    #[test]
    fn survey_questions_and_numbered_columns_map() {
        assert_eq!(
            map(&[
                "What is your e-mail?",
                "What would you like to learn?",
                "Seniority (1-10)",
                "Preference 1",
                "Preference 2",
                "What is your manager's email?",
            ]),
            [
                Target::Person(PersonField::Email),
                Target::Person(PersonField::SkillsWanted),
                Target::Person(PersonField::Seniority),
                Target::Person(PersonField::Preferences),
                Target::Person(PersonField::Preferences),
                Target::Ignore,
            ]
        );
    }

    #[test]
    fn a_second_column_for_a_single_target_is_ignored() {
        assert_eq!(
            map(&["Name", "Full name"]),
            [Target::Person(PersonField::Name), Target::Ignore]
        );
    }

    #[test]
    fn a_mapping_file_overrides_and_names_unknown_headers() {
        let headers: Vec<String> = ["Who", "Contact", "Email"].map(String::from).to_vec();
        let p = program();
        let mut m = auto_map(&headers, &p);
        m.apply_file(&headers, r#"{"who": "name", "Contact": "E-mail"}"#, &p)
            .unwrap();
        assert_eq!(
            m.columns,
            [
                Target::Person(PersonField::Name),
                Target::Person(PersonField::Email),
                Target::Ignore
            ]
        );
        let err = m
            .apply_file(&headers, r#"{"Phone": "ignore"}"#, &p)
            .unwrap_err();
        assert!(
            err.to_string().contains("\"Phone\" is not a column"),
            "{err}"
        );
        let err = m
            .apply_file(&headers, r#"{"Who": "nickname"}"#, &p)
            .unwrap_err();
        assert!(
            err.to_string().contains("unknown target \"nickname\""),
            "{err}"
        );
    }
}
