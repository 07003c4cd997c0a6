//! Export: spreadsheet-ready CSV whose cells cannot run as formulas.

use crate::core::exchange::csv::cells::FORMULA_STARTS;
use std::collections::HashMap;

use crate::core::model::{Answer, Person, PersonId, Program, SkillId};

/// Makes a cell safe to open in a spreadsheet: a cell starting with `=`, `+`, `-`, `@`,
/// tab or CR gets a leading `'`, so it is shown as text and never run as a formula
/// (OWASP ASVS 1.2.10; bad input 29). Import removes that `'` again.
///
/// ```
/// use mentorkit::core::exchange::csv::formula_safe;
/// assert_eq!(formula_safe("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
/// assert_eq!(formula_safe("Ada"), "Ada");
/// ```
pub fn formula_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// Writes rows as CSV: UTF-8 BOM (so spreadsheets read accents right), CRLF line ends,
/// quotes only where needed, every cell formula-safe.
struct Writer {
    out: String,
}

impl Writer {
    fn new() -> Writer {
        Writer {
            out: String::from("\u{FEFF}"),
        }
    }

    fn row<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) {
        for (i, cell) in cells.into_iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            let cell = formula_safe(cell.as_ref());
            if cell.contains([',', '"', '\n', '\r']) || cell.starts_with(' ') || cell.ends_with(' ')
            {
                self.out.push('"');
                self.out.push_str(&cell.replace('"', "\"\""));
                self.out.push('"');
            } else {
                self.out.push_str(&cell);
            }
        }
        self.out.push_str("\r\n");
    }
}

const LIST_SEPARATOR: &str = "; ";

/// The participants as CSV, one row per person, with headers that [`super::auto_map`]
/// maps back (so export -> import round-trips): Name, E-mail, Role, Department, Team,
/// Manager, Title, Seniority, Time zone, Languages, Skills offered, Skills wanted
/// (`Python:4; SQL:3`), Goals, Capacity, Preferences (e-mails, else ids), Bio,
/// Availability, then one column per profile question that is not sensitive.
///
/// Sensitive answers and coordinator notes are left out: a CSV is easily shared.
pub fn export_participants(program: &Program) -> String {
    let fields: Vec<_> = program
        .profile_fields
        .iter()
        .filter(|f| !f.sensitive)
        .collect();
    let mut w = Writer::new();
    let mut header: Vec<String> = [
        "Name",
        "E-mail",
        "Role",
        "Department",
        "Team",
        "Manager",
        "Title",
        "Seniority",
        "Time zone",
        "Languages",
        "Skills offered",
        "Skills wanted",
        "Goals",
        "Capacity",
        "Preferences",
        "Bio",
        "Availability",
    ]
    .map(String::from)
    .to_vec();
    header.extend(fields.iter().map(|f| f.label.clone()));
    w.row(&header);
    let skill_names: HashMap<&SkillId, &str> = program
        .skills
        .iter()
        .map(|s| (&s.id, s.name.as_str()))
        .collect();
    let skill_name = |id: &SkillId| {
        skill_names
            .get(id)
            .map_or_else(|| id.to_string(), |n| (*n).to_owned())
    };
    let emails: HashMap<&PersonId, &str> = program
        .people
        .iter()
        .filter(|p| !p.email.trim().is_empty())
        .map(|p| (&p.id, p.email.as_str()))
        .collect();
    let person_ref = |id: &PersonId| {
        emails
            .get(id)
            .map_or_else(|| id.to_string(), |e| (*e).to_owned())
    };
    for p in &program.people {
        let skills = |levels: &[crate::core::model::SkillLevel]| {
            levels
                .iter()
                .map(|s| format!("{}:{}", skill_name(&s.skill), s.level))
                .collect::<Vec<_>>()
                .join(LIST_SEPARATOR)
        };
        let mut row = vec![
            p.name.clone(),
            p.email.clone(),
            p.role.key().to_owned(),
            p.department.clone(),
            p.team.clone(),
            p.manager.clone(),
            p.title.clone(),
            p.seniority.map(|s| s.to_string()).unwrap_or_default(),
            p.time_zone.clone(),
            p.languages.join(LIST_SEPARATOR),
            skills(&p.skills_offered),
            skills(&p.skills_wanted),
            p.goals.join(LIST_SEPARATOR),
            p.capacity.to_string(),
            p.preferences
                .iter()
                .map(person_ref)
                .collect::<Vec<_>>()
                .join(LIST_SEPARATOR),
            p.bio.clone(),
            p.availability.clone(),
        ];
        row.extend(fields.iter().map(|f| answer_text(p, &f.id)));
        w.row(&row);
    }
    w.out
}

fn answer_text(p: &Person, field: &crate::core::model::FieldId) -> String {
    match p.answers.get(field) {
        None => String::new(),
        Some(Answer::Text(t)) => t.clone(),
        Some(Answer::Many(v)) => v.join(LIST_SEPARATOR),
        Some(Answer::Number(n)) => n.to_string(),
    }
}

/// The current cycle's matches as CSV, one row per mentee-mentor pair: Mentee, Mentee
/// e-mail, Mentor, Mentor e-mail, Score (empty if not scored), Status (`proposed`,
/// `active`, `on_hold`, `completed`, `ended_early`), Circle, Locked, Started on.
pub fn export_matches(program: &Program) -> String {
    let mut w = Writer::new();
    w.row([
        "Mentee",
        "Mentee e-mail",
        "Mentor",
        "Mentor e-mail",
        "Score",
        "Status",
        "Circle",
        "Locked",
        "Started on",
    ]);
    let people: HashMap<&PersonId, &Person> = program.people.iter().map(|p| (&p.id, p)).collect();
    let names = |id: &PersonId| {
        people.get(id).map_or_else(
            || (id.to_string(), String::new()),
            |p| (p.name.clone(), p.email.clone()),
        )
    };
    for m in program.current_matches() {
        let (mentee_name, mentee_email) = names(&m.mentee);
        let (mentor_name, mentor_email) = names(&m.mentor);
        w.row([
            mentee_name,
            mentee_email,
            mentor_name,
            mentor_email,
            m.score.map(|s| s.to_string()).unwrap_or_default(),
            m.status.key().to_owned(),
            m.circle.map(|c| c.to_string()).unwrap_or_default(),
            if m.locked { "yes" } else { "no" }.to_owned(),
            m.started_on.map(|d| d.to_string()).unwrap_or_default(),
        ]);
    }
    w.out
}

/// Top-N suggestion lists as CSV, one row per suggested mentor, best first: Mentee, Mentee
/// e-mail, Rank, Mentor, Mentor e-mail, Score, Reasons (`; `-separated), Mentor full
/// (`yes` when the mentor has no place left now), Chosen (`yes` on the mentor the mentee
/// chose). A mentee whose recorded choice is not among their suggestions gets one more row
/// for it, with an empty rank.
pub fn export_suggestions(
    program: &Program,
    lists: &[crate::core::matching::suggestions::MenteeSuggestions],
) -> String {
    let mut w = Writer::new();
    w.row([
        "Mentee",
        "Mentee e-mail",
        "Rank",
        "Mentor",
        "Mentor e-mail",
        "Score",
        "Reasons",
        "Mentor full",
        "Chosen",
    ]);
    let names = |id: &PersonId| {
        program.person(id).map_or_else(
            || (id.to_string(), String::new()),
            |p| (p.name.clone(), p.email.clone()),
        )
    };
    let yes = |b: bool| if b { "yes" } else { "no" }.to_owned();
    for list in lists {
        let (mentee_name, mentee_email) = names(&list.mentee);
        let chosen = list.choice.as_ref().map(|c| &c.mentor);
        for (k, s) in list.mentors.iter().enumerate() {
            let (mentor_name, mentor_email) = names(&s.mentor);
            w.row([
                mentee_name.clone(),
                mentee_email.clone(),
                (k + 1).to_string(),
                mentor_name,
                mentor_email,
                s.score.to_string(),
                s.reasons.join(LIST_SEPARATOR),
                yes(s.full),
                yes(chosen == Some(&s.mentor)),
            ]);
        }
        if let Some(c) = list.choice.as_ref().filter(|c| c.rank.is_none()) {
            let (mentor_name, mentor_email) = names(&c.mentor);
            w.row([
                mentee_name,
                mentee_email,
                String::new(),
                mentor_name,
                mentor_email,
                c.score.map(|s| s.to_string()).unwrap_or_default(),
                String::new(),
                String::new(),
                yes(true),
            ]);
        }
    }
    w.out
}

/// The mentee x mentor score matrix as CSV: a header row of mentors, then one row per
/// mentee; each person labelled by e-mail where they have one, else by id. An allowed
/// pair's cell is its score 0-100; an excluded pair's cell is empty. Who is a mentee and
/// who a mentor follows [`crate::core::matching::scoring`] (the `Either` policy).
pub fn export_scores(program: &Program) -> String {
    let (cohort, matrix) = crate::core::matching::scoring::score_all(program);
    let label = |index: usize, id: &crate::core::model::PersonId| {
        program
            .people
            .get(index)
            .filter(|p| &p.id == id && !p.email.trim().is_empty())
            .map_or_else(|| id.to_string(), |p| p.email.clone())
    };
    let mut w = Writer::new();
    let mut header = vec!["Mentee \\ Mentor".to_owned()];
    header.extend(
        cohort
            .mentor_ids
            .iter()
            .zip(&cohort.mentor_people)
            .map(|(id, &i)| label(i, id)),
    );
    w.row(&header);
    for (row, (id, &i)) in cohort
        .mentee_ids
        .iter()
        .zip(&cohort.mentee_people)
        .enumerate()
    {
        let mut cells = Vec::with_capacity(matrix.mentors() + 1);
        cells.push(label(i, id));
        cells.extend((0..matrix.mentors()).map(|col| {
            matrix
                .score(row, col)
                .map(|s| s.to_string())
                .unwrap_or_default()
        }));
        w.row(&cells);
    }
    w.out
}
