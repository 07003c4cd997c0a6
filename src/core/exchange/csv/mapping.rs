//! Step 2 of import: which participant field each column fills.

use std::collections::BTreeMap;
use std::fmt;

use thiserror::Error;

use crate::core::model::{FieldId, Program};

/// What a CSV column fills in a participant.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// Full name.
    Name,
    /// First (given) name; joined with [`Target::LastName`] when there is no full name.
    FirstName,
    /// Last (family) name.
    LastName,
    /// E-mail address: the key that finds duplicates and resolves preferences.
    Email,
    /// `mentor`, `mentee`, `either` or `both` (any case).
    Role,
    /// Department or business unit.
    Department,
    /// Team name.
    Team,
    /// The person's manager.
    Manager,
    /// Job title.
    Title,
    /// Seniority level, a whole number (`5`, `L5`, `Level 5`).
    Seniority,
    /// IANA time zone (`Europe/Berlin`) or UTC offset (`+05:30`, `UTC-8`).
    TimeZone,
    /// Languages (multi-value).
    Languages,
    /// Skills the person can mentor on (multi-value, `Python:4` or `Python (4)`).
    SkillsOffered,
    /// Skills the person wants to develop (multi-value, as above).
    SkillsWanted,
    /// Development goals (multi-value).
    Goals,
    /// Most mentees, a whole number 0-50.
    Capacity,
    /// Ranked e-mails of wanted partners (multi-value, most wanted first).
    Preferences,
    /// A short introduction.
    Bio,
    /// When the person can meet.
    Availability,
    /// Coordinator's private notes.
    Notes,
    /// The answer to one of the program's profile questions.
    Field(FieldId),
    /// Not imported.
    Ignore,
}

impl Target {
    /// Every target but [`Target::Field`] and [`Target::Ignore`], in the order a wizard
    /// lists them.
    pub const BUILT_IN: [Target; 20] = [
        Target::Name,
        Target::FirstName,
        Target::LastName,
        Target::Email,
        Target::Role,
        Target::Department,
        Target::Team,
        Target::Manager,
        Target::Title,
        Target::Seniority,
        Target::TimeZone,
        Target::Languages,
        Target::SkillsOffered,
        Target::SkillsWanted,
        Target::Goals,
        Target::Capacity,
        Target::Preferences,
        Target::Bio,
        Target::Availability,
        Target::Notes,
    ];

    /// The name used in mapping files (`email`, `skills_offered`, `field:f3`, `ignore`).
    pub fn key(&self) -> String {
        match self {
            Target::Field(id) => format!("field:{id}"),
            other => other.builtin_key().to_owned(),
        }
    }

    fn builtin_key(&self) -> &'static str {
        match self {
            Target::Name => "name",
            Target::FirstName => "first_name",
            Target::LastName => "last_name",
            Target::Email => "email",
            Target::Role => "role",
            Target::Department => "department",
            Target::Team => "team",
            Target::Manager => "manager",
            Target::Title => "title",
            Target::Seniority => "seniority",
            Target::TimeZone => "time_zone",
            Target::Languages => "languages",
            Target::SkillsOffered => "skills_offered",
            Target::SkillsWanted => "skills_wanted",
            Target::Goals => "goals",
            Target::Capacity => "capacity",
            Target::Preferences => "preferences",
            Target::Bio => "bio",
            Target::Availability => "availability",
            Target::Notes => "notes",
            Target::Field(_) => "field",
            Target::Ignore => "ignore",
        }
    }

    /// A human label ("E-mail", "Skills offered").
    pub fn label(&self) -> &'static str {
        match self {
            Target::Name => "Name",
            Target::FirstName => "First name",
            Target::LastName => "Last name",
            Target::Email => "E-mail",
            Target::Role => "Role",
            Target::Department => "Department",
            Target::Team => "Team",
            Target::Manager => "Manager",
            Target::Title => "Title",
            Target::Seniority => "Seniority",
            Target::TimeZone => "Time zone",
            Target::Languages => "Languages",
            Target::SkillsOffered => "Skills offered",
            Target::SkillsWanted => "Skills wanted",
            Target::Goals => "Goals",
            Target::Capacity => "Capacity",
            Target::Preferences => "Preferences",
            Target::Bio => "Bio",
            Target::Availability => "Availability",
            Target::Notes => "Notes",
            Target::Field(_) => "Profile question",
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
                .map(|f| Target::Field(f.id.clone()));
        }
        let wanted = normalize_header(key);
        if wanted == "ignore" {
            return Some(Target::Ignore);
        }
        Target::BUILT_IN.into_iter().find(|t| {
            normalize_header(t.builtin_key()) == wanted || normalize_header(t.label()) == wanted
        })
    }

    /// Whether several columns may fill this target (their values are appended in column
    /// order: "Skill 1", "Skill 2", ... or "1st choice", "2nd choice", ...).
    pub fn is_list(&self) -> bool {
        matches!(
            self,
            Target::Languages
                | Target::SkillsOffered
                | Target::SkillsWanted
                | Target::Goals
                | Target::Preferences
        )
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key())
    }
}

/// Header spellings recognised exactly (after [`normalize_header`]).
const ALIASES: &[(&str, Target)] = &[
    ("name", Target::Name),
    ("fullname", Target::Name),
    ("participant", Target::Name),
    ("participantname", Target::Name),
    ("employee", Target::Name),
    ("employeename", Target::Name),
    ("displayname", Target::Name),
    ("yourname", Target::Name),
    ("firstname", Target::FirstName),
    ("givenname", Target::FirstName),
    ("forename", Target::FirstName),
    ("lastname", Target::LastName),
    ("surname", Target::LastName),
    ("familyname", Target::LastName),
    ("email", Target::Email),
    ("emailaddress", Target::Email),
    ("mail", Target::Email),
    ("workemail", Target::Email),
    ("businessemail", Target::Email),
    ("youremail", Target::Email),
    ("youremailaddress", Target::Email),
    ("role", Target::Role),
    ("participantrole", Target::Role),
    ("programrole", Target::Role),
    ("mentorormentee", Target::Role),
    ("mentormentee", Target::Role),
    ("participanttype", Target::Role),
    ("department", Target::Department),
    ("dept", Target::Department),
    ("division", Target::Department),
    ("businessunit", Target::Department),
    ("orgunit", Target::Department),
    ("team", Target::Team),
    ("teamname", Target::Team),
    ("squad", Target::Team),
    ("manager", Target::Manager),
    ("managername", Target::Manager),
    ("manageremail", Target::Manager),
    ("linemanager", Target::Manager),
    ("reportsto", Target::Manager),
    ("supervisor", Target::Manager),
    ("title", Target::Title),
    ("jobtitle", Target::Title),
    ("position", Target::Title),
    ("designation", Target::Title),
    ("seniority", Target::Seniority),
    ("senioritylevel", Target::Seniority),
    ("level", Target::Seniority),
    ("joblevel", Target::Seniority),
    ("careerlevel", Target::Seniority),
    ("grade", Target::Seniority),
    ("timezone", Target::TimeZone),
    ("tz", Target::TimeZone),
    ("utcoffset", Target::TimeZone),
    ("languages", Target::Languages),
    ("language", Target::Languages),
    ("spokenlanguages", Target::Languages),
    ("languagesspoken", Target::Languages),
    ("skillsoffered", Target::SkillsOffered),
    ("skillsoffer", Target::SkillsOffered),
    ("offeredskills", Target::SkillsOffered),
    ("skillstooffer", Target::SkillsOffered),
    ("canmentoron", Target::SkillsOffered),
    ("expertise", Target::SkillsOffered),
    ("mentoringtopics", Target::SkillsOffered),
    ("canhelpwith", Target::SkillsOffered),
    ("skillswanted", Target::SkillsWanted),
    ("wantedskills", Target::SkillsWanted),
    ("wantstolearn", Target::SkillsWanted),
    ("wanttolearn", Target::SkillsWanted),
    ("skillstolearn", Target::SkillsWanted),
    ("skillstodevelop", Target::SkillsWanted),
    ("developmentareas", Target::SkillsWanted),
    ("areastodevelop", Target::SkillsWanted),
    ("goals", Target::Goals),
    ("goal", Target::Goals),
    ("developmentgoals", Target::Goals),
    ("mentoringgoals", Target::Goals),
    ("objectives", Target::Goals),
    ("capacity", Target::Capacity),
    ("maxmentees", Target::Capacity),
    ("maximummentees", Target::Capacity),
    ("menteecapacity", Target::Capacity),
    ("numberofmentees", Target::Capacity),
    ("howmanymentees", Target::Capacity),
    ("preferences", Target::Preferences),
    ("preference", Target::Preferences),
    ("rankedpreferences", Target::Preferences),
    ("preferredmentors", Target::Preferences),
    ("preferredmentor", Target::Preferences),
    ("preferredmentees", Target::Preferences),
    ("preferredmatches", Target::Preferences),
    ("choice", Target::Preferences),
    ("bio", Target::Bio),
    ("biography", Target::Bio),
    ("about", Target::Bio),
    ("aboutme", Target::Bio),
    ("introduction", Target::Bio),
    ("availability", Target::Availability),
    ("available", Target::Availability),
    ("notes", Target::Notes),
    ("comments", Target::Notes),
    ("coordinatornotes", Target::Notes),
];

/// Distinctive phrases looked for inside longer headers (survey questions such as "What
/// would you like to learn?"); used only when exactly one target's phrases occur.
const PHRASES: &[(&str, Target)] = &[
    ("fullname", Target::Name),
    ("firstname", Target::FirstName),
    ("lastname", Target::LastName),
    ("surname", Target::LastName),
    ("email", Target::Email),
    ("mentorormentee", Target::Role),
    ("department", Target::Department),
    ("manager", Target::Manager),
    ("jobtitle", Target::Title),
    ("seniority", Target::Seniority),
    ("timezone", Target::TimeZone),
    ("language", Target::Languages),
    ("canmentoron", Target::SkillsOffered),
    ("skillsoffered", Target::SkillsOffered),
    ("skillsyoucanoffer", Target::SkillsOffered),
    ("skillswanted", Target::SkillsWanted),
    ("wanttolearn", Target::SkillsWanted),
    ("wantstolearn", Target::SkillsWanted),
    ("liketolearn", Target::SkillsWanted),
    ("todevelop", Target::SkillsWanted),
    ("goals", Target::Goals),
    ("capacity", Target::Capacity),
    ("maxmentees", Target::Capacity),
    ("howmanymentees", Target::Capacity),
    ("rankedpreferences", Target::Preferences),
    ("availability", Target::Availability),
];

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

/// Which target each column fills, one entry per column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mapping {
    /// The target of each column, in column order.
    pub columns: Vec<Target>,
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
/// use mentorkit::core::{Program, ProgramId};
/// let headers = ["Full Name", "E-mail address", "Job title", "Office"].map(String::from);
/// let m = auto_map(&headers, &Program::new(ProgramId::from("x"), "X"));
/// assert_eq!(m.columns, [Target::Name, Target::Email, Target::Title, Target::Ignore]);
/// ```
pub fn auto_map(headers: &[String], program: &Program) -> Mapping {
    let mut mapping = Mapping {
        columns: Vec::with_capacity(headers.len()),
    };
    for header in headers {
        let target = guess(header, program);
        let taken =
            !target.is_list() && target != Target::Ignore && mapping.columns.contains(&target);
        mapping
            .columns
            .push(if taken { Target::Ignore } else { target });
    }
    mapping
}

fn guess(header: &str, program: &Program) -> Target {
    let h = normalize_header(header);
    if h.is_empty() {
        return Target::Ignore;
    }
    let exact = |h: &str| {
        ALIASES
            .iter()
            .find(|(a, _)| *a == h)
            .map(|(_, t)| t.clone())
    };
    if let Some(t) = exact(&h) {
        return t;
    }
    if let Some(f) = program
        .profile_fields
        .iter()
        .find(|f| normalize_header(&f.label) == h)
    {
        return Target::Field(f.id.clone());
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
            if let Some(t) = exact(&candidate).filter(Target::is_list) {
                return t;
            }
        }
    }
    let mut found: Vec<&Target> = Vec::new();
    for (phrase, target) in PHRASES {
        if h.contains(phrase) && !found.contains(&target) {
            found.push(target);
        }
    }
    match found.as_slice() {
        [one] => (*one).clone(),
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
    #[error("\"{header}\": unknown target \"{target}\" (known: {known}, field:<question id or label>, ignore)")]
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

impl Mapping {
    /// The target of a column ([`Target::Ignore`] past the end).
    pub fn target(&self, column: usize) -> &Target {
        self.columns.get(column).unwrap_or(&Target::Ignore)
    }

    /// The first column filling a target.
    pub fn column_of(&self, target: &Target) -> Option<usize> {
        self.columns.iter().position(|t| t == target)
    }

    /// Whether some column fills the target.
    pub fn has(&self, target: &Target) -> bool {
        self.column_of(target).is_some()
    }

    /// Sets a column's target (the wizard's drop-down). A target that takes one column
    /// moves: the column that had it becomes ignored. Out-of-range columns are ignored.
    pub fn set(&mut self, column: usize, target: Target) {
        if column >= self.columns.len() {
            return;
        }
        if !target.is_list() && target != Target::Ignore {
            for t in &mut self.columns {
                if *t == target {
                    *t = Target::Ignore;
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
        next.columns.resize(headers.len(), Target::Ignore);
        let mut explicit: BTreeMap<usize, Target> = BTreeMap::new();
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
            let target = Target::from_key(target_name, program).ok_or_else(|| {
                MappingFileError::UnknownTarget {
                    header: header.clone(),
                    target: target_name.to_owned(),
                    known: Target::BUILT_IN
                        .iter()
                        .map(Target::key)
                        .collect::<Vec<_>>()
                        .join(", "),
                }
            })?;
            if !target.is_list() && target != Target::Ignore {
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
                Target::Name,
                Target::Email,
                Target::Role,
                Target::Department,
                Target::Team,
                Target::Manager,
                Target::Title,
                Target::Seniority,
                Target::TimeZone,
                Target::Languages,
                Target::SkillsOffered,
                Target::SkillsWanted,
                Target::Capacity,
                Target::Preferences,
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
                Target::Email,
                Target::SkillsWanted,
                Target::Seniority,
                Target::Preferences,
                Target::Preferences,
                Target::Ignore,
            ]
        );
    }

    #[test]
    fn a_second_column_for_a_single_target_is_ignored() {
        assert_eq!(map(&["Name", "Full name"]), [Target::Name, Target::Ignore]);
    }

    #[test]
    fn a_mapping_file_overrides_and_names_unknown_headers() {
        let headers: Vec<String> = ["Who", "Contact", "Email"].map(String::from).to_vec();
        let p = program();
        let mut m = auto_map(&headers, &p);
        m.apply_file(&headers, r#"{"who": "name", "Contact": "E-mail"}"#, &p)
            .unwrap();
        assert_eq!(m.columns, [Target::Name, Target::Email, Target::Ignore]);
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
