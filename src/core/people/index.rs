//! The participants table: who is matched, filters, sorting and a search index.

use std::cmp::Ordering;
use std::collections::HashSet;

use crate::core::model::{MatchStatus, PersonId, Program, Role};

/// People with a current-cycle match that still stands (anything but ended early), as
/// mentor or mentee.
pub fn matched_people(program: &Program) -> HashSet<&PersonId> {
    program
        .current_matches()
        .filter(|m| m.status != MatchStatus::EndedEarly)
        .flat_map(|m| [&m.mentor, &m.mentee])
        .collect()
}

/// Which people the matched filter keeps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum MatchedFilter {
    /// Everybody.
    #[default]
    Any,
    /// People with a current-cycle match.
    Matched,
    /// People without one.
    Unmatched,
}

impl MatchedFilter {
    /// All filters, in menu order.
    pub const ALL: [MatchedFilter; 3] = [
        MatchedFilter::Any,
        MatchedFilter::Matched,
        MatchedFilter::Unmatched,
    ];

    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            MatchedFilter::Any => "Matched or not",
            MatchedFilter::Matched => "Matched",
            MatchedFilter::Unmatched => "Not matched",
        }
    }

    /// A key for a `<select>` value.
    pub fn key(self) -> &'static str {
        match self {
            MatchedFilter::Any => "",
            MatchedFilter::Matched => "matched",
            MatchedFilter::Unmatched => "unmatched",
        }
    }

    /// Parses [`MatchedFilter::key`]; anything else is `Any`.
    pub fn from_key(key: &str) -> MatchedFilter {
        MatchedFilter::ALL
            .into_iter()
            .find(|f| f.key() == key)
            .unwrap_or_default()
    }
}

/// What the participants table shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct PeopleFilter {
    /// Words that must all appear in the name, e-mail, department, team, manager or title
    /// (case-insensitive).
    pub query: String,
    /// Only this role, if set.
    pub role: Option<Role>,
    /// Only this department (exact), if set.
    pub department: Option<String>,
    /// Matched, not matched or both.
    pub matched: MatchedFilter,
}

/// A column the table can be sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// Name, case-insensitive.
    #[default]
    Name,
    /// Role (mentor, mentee, either), then name.
    Role,
    /// Department, then name; people without one last.
    Department,
    /// Capacity (mentees count as none), then name.
    Capacity,
}

impl SortKey {
    /// A human label (the column's heading).
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Name => "Name",
            SortKey::Role => "Role",
            SortKey::Department => "Department",
            SortKey::Capacity => "Capacity",
        }
    }
}

/// A sort order of the table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Sort {
    /// The column.
    pub key: SortKey,
    /// Z to A, largest first.
    pub descending: bool,
}

/// Precomputed search and sort keys of every person, built once per program change so
/// typing in the search box only scans strings (10,000 people stay interactive).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PeopleIndex {
    rows: Vec<IndexRow>,
}

#[derive(Clone, Debug, PartialEq)]
struct IndexRow {
    haystack: String,
    name: String,
    department: String,
    role: Role,
    capacity: Option<u16>,
    matched: bool,
}

impl PeopleIndex {
    /// Indexes the program's people.
    pub fn new(program: &Program) -> PeopleIndex {
        let matched = matched_people(program);
        let rows = program
            .people
            .iter()
            .map(|x| {
                let mut haystack = String::with_capacity(96);
                for part in [
                    &x.name,
                    &x.email,
                    &x.department,
                    &x.team,
                    &x.manager,
                    &x.title,
                ] {
                    haystack.push_str(&part.to_lowercase());
                    haystack.push('\u{1f}');
                }
                IndexRow {
                    haystack,
                    name: x.name.to_lowercase(),
                    department: x.department.to_lowercase(),
                    role: x.role,
                    capacity: x.role.can_mentor().then_some(x.capacity),
                    matched: matched.contains(&x.id),
                }
            })
            .collect();
        PeopleIndex { rows }
    }

    /// How many people are indexed.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether nobody is indexed.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Whether the person at `i` has a current-cycle match.
    pub fn is_matched(&self, i: usize) -> bool {
        self.rows.get(i).is_some_and(|r| r.matched)
    }

    /// Indices into `program.people` of the people the filter keeps, in the sort order
    /// (ties keep the program's order). `program` must be the one indexed.
    pub fn select(&self, program: &Program, filter: &PeopleFilter, sort: Sort) -> Vec<usize> {
        let words: Vec<String> = filter
            .query
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let mut out: Vec<usize> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(i, r)| {
                filter.role.is_none_or(|role| r.role == role)
                    && match filter.matched {
                        MatchedFilter::Any => true,
                        MatchedFilter::Matched => r.matched,
                        MatchedFilter::Unmatched => !r.matched,
                    }
                    && filter.department.as_ref().is_none_or(|d| {
                        program
                            .people
                            .get(*i)
                            .is_some_and(|x| x.department.trim() == d)
                    })
                    && words.iter().all(|w| r.haystack.contains(w.as_str()))
            })
            .map(|(i, _)| i)
            .collect();
        let role_rank = |r: Role| Role::ALL.iter().position(|x| *x == r).unwrap_or(0);
        let by = |a: &usize, b: &usize| -> Ordering {
            let (ra, rb) = (&self.rows[*a], &self.rows[*b]);
            let primary = match sort.key {
                SortKey::Name => Ordering::Equal,
                SortKey::Role => role_rank(ra.role).cmp(&role_rank(rb.role)),
                SortKey::Department => (ra.department.is_empty(), &ra.department)
                    .cmp(&(rb.department.is_empty(), &rb.department)),
                SortKey::Capacity => ra.capacity.cmp(&rb.capacity),
            };
            let primary = if sort.descending {
                primary.reverse()
            } else {
                primary
            };
            let name = ra.name.cmp(&rb.name);
            let name = if sort.descending && sort.key == SortKey::Name {
                name.reverse()
            } else {
                name
            };
            primary.then(name)
        };
        out.sort_by(by);
        out
    }
}

/// The departments in use, sorted, for the department filter.
pub fn departments(program: &Program) -> Vec<String> {
    let set: std::collections::BTreeSet<&str> = program
        .people
        .iter()
        .map(|x| x.department.trim())
        .filter(|d| !d.is_empty())
        .collect();
    set.into_iter().map(str::to_owned).collect()
}

/// People who can take a mentee now (role mentor or either, capacity above 0) as
/// (id, name), by name: the choices of every "pick a mentor" menu.
pub fn mentors_with_places(p: &Program) -> Vec<(PersonId, String)> {
    by_name(
        p.people
            .iter()
            .filter(|x| x.role != Role::Mentee && x.capacity > 0),
    )
}

/// People who can be mentored (role mentee or either) as (id, name), by name: the choices
/// of every "pick a mentee" menu.
pub fn possible_mentees(p: &Program) -> Vec<(PersonId, String)> {
    by_name(p.people.iter().filter(|x| x.role != Role::Mentor))
}

fn by_name<'a>(
    people: impl Iterator<Item = &'a crate::core::model::Person>,
) -> Vec<(PersonId, String)> {
    let mut v: Vec<(PersonId, String)> = people.map(|x| (x.id.clone(), x.name.clone())).collect();
    v.sort_by(|a, b| a.1.cmp(&b.1));
    v
}
