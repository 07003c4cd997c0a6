//! The demo program a first visit can open: "Engineering & Product Mentoring 2027" at the
//! fictional Northwind Labs, with 48 participants, goals, milestones, profile questions and
//! a skills vocabulary, but no matches (those come from running the matching engine).
//!
//! Everything is written out by hand below, so the demo is the same on every call and in
//! every browser (no randomness, no clock). People, companies and e-mail addresses are
//! invented; `northwind.example` is a reserved domain that can never reach a real inbox.

use std::collections::{BTreeMap, HashMap};

use crate::core::date::Date;
use crate::core::model::*;
use crate::core::program::templates::{add_goals, GoalSpec};

/// The demo program: a realistic, valid program with 48 participants and no matches.
///
/// Deterministic: two calls with the same `id` return equal programs. The result passes
/// [`crate::core::program::validate::validate`].
///
/// ```
/// use mentorkit::core::program::demo::demo_program;
/// use mentorkit::core::ProgramId;
///
/// let demo = demo_program(ProgramId::from("demo"));
/// assert_eq!(demo.people.len(), 48);
/// assert!(mentorkit::core::program::validate::validate(&demo).is_ok());
/// ```
pub fn demo_program(id: ProgramId) -> Program {
    let mut p = Program::new(id, "Engineering & Product Mentoring 2027");
    p.purpose = Purpose::TechnicalSkills;
    p.format = ProgramFormat::OneToOne;
    p.description = DESCRIPTION.to_owned();
    p.start_date = Date::from_ymd(2027, 2, 1).ok();
    p.end_date = Date::from_ymd(2027, 7, 31).ok();

    add_goals(&mut p, &GOALS);
    for (name, offset_days) in MILESTONES {
        let id = MilestoneId(p.next_id(IdKind::Milestone));
        p.milestones.push(Milestone {
            id,
            name: name.to_owned(),
            offset_days,
        });
    }

    let fields = add_fields(&mut p);

    let mut skill_ids = Vec::with_capacity(Sk::ALL.len());
    for s in Sk::ALL {
        let id = SkillId(p.next_id(IdKind::Skill));
        let (name, cluster) = s.name_cluster();
        skill_ids.push(id.clone());
        p.skills.push(Skill {
            id,
            name: name.to_owned(),
            cluster: cluster.to_owned(),
        });
    }
    let levels = |list: &[(Sk, u8)]| -> Vec<SkillLevel> {
        list.iter()
            .map(|&(s, level)| SkillLevel {
                skill: skill_ids[s as usize].clone(),
                level,
            })
            .collect()
    };

    for row in ROSTER.iter() {
        let id = p.new_person_id();
        let mut person = Person::new(id, row.name, row.role);
        person.email = email_of(row.name);
        person.department = row.team.department.to_owned();
        person.team = row.team.team.to_owned();
        person.manager = row.manager.to_owned();
        person.title = row.title.to_owned();
        person.seniority = Some(row.seniority);
        person.time_zone = row.time_zone.to_owned();
        person.languages = row.languages.iter().map(|l| (*l).to_owned()).collect();
        person.skills_offered = levels(row.offered);
        person.skills_wanted = levels(row.wanted);
        person.goals = row.goals.iter().map(|g| (*g).to_owned()).collect();
        person.capacity = row.capacity;
        person.answers = fields.answers(row);
        person.bio = row.bio.to_owned();
        person.availability = row.availability.to_owned();
        person.notes = row.notes.to_owned();
        p.people.push(person);
    }

    // Preferences name mentors by e-mail, as a survey export would; resolve them once
    // everybody has an id.
    let by_email: HashMap<String, PersonId> = p
        .people
        .iter()
        .map(|x| (x.email.clone(), x.id.clone()))
        .collect();
    for (person, row) in p.people.iter_mut().zip(ROSTER.iter()) {
        person.preferences = row
            .preferences
            .iter()
            .filter_map(|e| by_email.get(*e).cloned())
            .collect();
    }

    p.matching.criteria.push(Criterion {
        kind: CriterionKind::Field {
            field: fields.topics.clone(),
            prefer: Preference::Overlap,
        },
        weight: 3,
    });
    p.matching.criteria.push(Criterion {
        kind: CriterionKind::Field {
            field: fields.format.clone(),
            prefer: Preference::Same,
        },
        weight: 2,
    });
    p
}

const DESCRIPTION: &str = "Northwind Labs' first company-wide mentoring cycle for \
engineering, data, design and product. Each mentee is paired with a mentor from another team \
for six months to grow a specific skill (from Rust and Kubernetes to product discovery and \
giving feedback). Pairs agree goals in their first week, meet at least every two weeks, and \
answer a short pulse survey every month. The cycle closes with a retrospective and a report \
to the leadership team on matching, retention and how the pairs felt it went.";

const GOALS: [GoalSpec; 4] = [
    GoalSpec {
        title: "Match every mentee who signs up",
        metric: "Mentees matched to a mentor",
        comparison: Comparison::AtLeast,
        target: 80.0,
        unit: MetricUnit::Percent,
        baseline: None,
    },
    GoalSpec {
        title: "Keep pairs going to the end",
        metric: "Mentees still active at closure",
        comparison: Comparison::AtLeast,
        target: 85.0,
        unit: MetricUnit::Percent,
        baseline: None,
    },
    GoalSpec {
        title: "Pairs find it worthwhile",
        metric: "Average pulse-survey sentiment (1-5)",
        comparison: Comparison::AtLeast,
        target: 4.0,
        unit: MetricUnit::Points,
        baseline: None,
    },
    GoalSpec {
        title: "Grow people internally",
        metric: "Mentees promoted or moved role within 12 months",
        comparison: Comparison::IncreaseBy,
        target: 10.0,
        unit: MetricUnit::Percent,
        baseline: Some(14.0),
    },
];

const MILESTONES: [(&str, u32); 5] = [
    ("Mentoring agreement signed", 7),
    ("First meeting", 14),
    ("First pulse survey", 30),
    ("Mid-cycle check-in", 90),
    ("Closure and retrospective", 180),
];

const FORMAT_OPTIONS: [&str; 3] = ["Video call", "In person", "No preference"];
const TOPIC_OPTIONS: [&str; 7] = [
    "Career growth",
    "Technical depth",
    "System design",
    "Product thinking",
    "Leadership",
    "Work-life balance",
    "Public speaking",
];
const GENDER_OPTIONS: [&str; 5] = [
    "Woman",
    "Man",
    "Non-binary",
    "Prefer to self-describe",
    "Prefer not to say",
];

/// The ids of the demo's profile questions.
struct Fields {
    format: FieldId,
    topics: FieldId,
    confidence: FieldId,
    years: FieldId,
    success: FieldId,
    gender: FieldId,
}

impl Fields {
    /// A roster row's answers; questions a row leaves empty stay unanswered.
    fn answers(&self, row: &Row) -> BTreeMap<FieldId, Answer> {
        let mut a = BTreeMap::new();
        a.insert(self.format.clone(), Answer::Text(row.format.to_owned()));
        a.insert(
            self.topics.clone(),
            Answer::Many(row.topics.iter().map(|t| (*t).to_owned()).collect()),
        );
        if row.role.can_be_mentee() {
            a.insert(
                self.confidence.clone(),
                Answer::Number(f64::from(row.confidence)),
            );
            if !row.success.is_empty() {
                a.insert(self.success.clone(), Answer::Text(row.success.to_owned()));
            }
        }
        a.insert(self.years.clone(), Answer::Number(f64::from(row.years)));
        if let Some(g) = row.gender {
            a.insert(self.gender.clone(), Answer::Text(g.to_owned()));
        }
        a
    }
}

fn add_fields(p: &mut Program) -> Fields {
    fn options(list: &[&str]) -> Vec<String> {
        list.iter().map(|o| (*o).to_owned()).collect()
    }
    fn add(
        p: &mut Program,
        label: &str,
        kind: FieldKind,
        sensitive: bool,
        use_for_matching: bool,
        asked_of: AskedOf,
    ) -> FieldId {
        let id = FieldId(p.next_id(IdKind::Field));
        p.profile_fields.push(ProfileField {
            id: id.clone(),
            label: label.to_owned(),
            kind,
            sensitive,
            use_for_matching,
            asked_of,
        });
        id
    }
    Fields {
        format: add(
            p,
            "Preferred meeting format",
            FieldKind::SingleChoice {
                options: options(&FORMAT_OPTIONS),
            },
            false,
            true,
            AskedOf::Everyone,
        ),
        topics: add(
            p,
            "Topics you would like to discuss",
            FieldKind::MultipleChoice {
                options: options(&TOPIC_OPTIONS),
            },
            false,
            true,
            AskedOf::Everyone,
        ),
        confidence: add(
            p,
            "Confidence in your current role (1-5)",
            FieldKind::Scale { min: 1, max: 5 },
            false,
            false,
            AskedOf::Mentees,
        ),
        years: add(
            p,
            "Years in industry",
            FieldKind::Number,
            false,
            false,
            AskedOf::Everyone,
        ),
        success: add(
            p,
            "What would make this a success?",
            FieldKind::ShortText,
            false,
            false,
            AskedOf::Mentees,
        ),
        gender: add(
            p,
            "Gender (optional)",
            FieldKind::SingleChoice {
                options: options(&GENDER_OPTIONS),
            },
            true,
            false,
            AskedOf::Everyone,
        ),
    }
}

/// The demo's skills vocabulary; a roster row names skills through this enum so a typo
/// cannot compile.
#[derive(Clone, Copy)]
enum Sk {
    Rust,
    Go,
    DistributedSystems,
    ApiDesign,
    TypeScriptReact,
    Accessibility,
    Ios,
    Android,
    Sql,
    MachineLearning,
    Experimentation,
    DataVisualisation,
    Kubernetes,
    Observability,
    IncidentResponse,
    AppSecurity,
    ProductDiscovery,
    Roadmapping,
    UxResearch,
    InteractionDesign,
    TechnicalWriting,
    PublicSpeaking,
    GivingFeedback,
    StakeholderManagement,
}

impl Sk {
    /// Every skill, in vocabulary order (the order of `Sk`'s variants).
    const ALL: [Sk; 24] = [
        Sk::Rust,
        Sk::Go,
        Sk::DistributedSystems,
        Sk::ApiDesign,
        Sk::TypeScriptReact,
        Sk::Accessibility,
        Sk::Ios,
        Sk::Android,
        Sk::Sql,
        Sk::MachineLearning,
        Sk::Experimentation,
        Sk::DataVisualisation,
        Sk::Kubernetes,
        Sk::Observability,
        Sk::IncidentResponse,
        Sk::AppSecurity,
        Sk::ProductDiscovery,
        Sk::Roadmapping,
        Sk::UxResearch,
        Sk::InteractionDesign,
        Sk::TechnicalWriting,
        Sk::PublicSpeaking,
        Sk::GivingFeedback,
        Sk::StakeholderManagement,
    ];

    fn name_cluster(self) -> (&'static str, &'static str) {
        const BACKEND: &str = "Backend";
        const FRONTEND: &str = "Frontend & mobile";
        const DATA: &str = "Data & machine learning";
        const INFRA: &str = "Infrastructure & security";
        const PRODUCT: &str = "Product & design";
        const PEOPLE: &str = "Communication & leadership";
        match self {
            Sk::Rust => ("Rust", BACKEND),
            Sk::Go => ("Go", BACKEND),
            Sk::DistributedSystems => ("Distributed systems", BACKEND),
            Sk::ApiDesign => ("API design", BACKEND),
            Sk::TypeScriptReact => ("TypeScript & React", FRONTEND),
            Sk::Accessibility => ("Accessibility", FRONTEND),
            Sk::Ios => ("iOS (Swift)", FRONTEND),
            Sk::Android => ("Android (Kotlin)", FRONTEND),
            Sk::Sql => ("SQL & data modelling", DATA),
            Sk::MachineLearning => ("Machine learning", DATA),
            Sk::Experimentation => ("Experimentation & A/B testing", DATA),
            Sk::DataVisualisation => ("Data visualisation", DATA),
            Sk::Kubernetes => ("Kubernetes", INFRA),
            Sk::Observability => ("Observability", INFRA),
            Sk::IncidentResponse => ("Incident response", INFRA),
            Sk::AppSecurity => ("Application security", INFRA),
            Sk::ProductDiscovery => ("Product discovery", PRODUCT),
            Sk::Roadmapping => ("Roadmapping", PRODUCT),
            Sk::UxResearch => ("UX research", PRODUCT),
            Sk::InteractionDesign => ("Interaction design", PRODUCT),
            Sk::TechnicalWriting => ("Technical writing", PEOPLE),
            Sk::PublicSpeaking => ("Public speaking", PEOPLE),
            Sk::GivingFeedback => ("Giving feedback", PEOPLE),
            Sk::StakeholderManagement => ("Stakeholder management", PEOPLE),
        }
    }
}

/// The e-mail address of a demo name: `first.last@northwind.example`, lower case, accents
/// folded to ASCII, apostrophes dropped.
fn email_of(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let first = words.first().copied().unwrap_or("");
    let last = words.last().copied().unwrap_or("");
    format!(
        "{}.{}@northwind.example",
        ascii_part(first),
        ascii_part(last)
    )
}

fn ascii_part(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars().flat_map(char::to_lowercase) {
        let folded = match c {
            'á' | 'à' | 'â' | 'ã' | 'ä' | 'å' | 'ą' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'ę' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' | 'č' | 'ć' => 'c',
            'ñ' | 'ń' => 'n',
            'ł' => 'l',
            'š' | 'ś' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            c if c.is_ascii_alphanumeric() || c == '-' => c,
            _ => continue,
        };
        out.push(folded);
    }
    out
}

/// A department and team, as the roster shares them.
struct Team {
    department: &'static str,
    team: &'static str,
}

const PLATFORM: Team = Team {
    department: "Engineering",
    team: "Platform",
};
const PAYMENTS: Team = Team {
    department: "Engineering",
    team: "Payments",
};
const MOBILE: Team = Team {
    department: "Engineering",
    team: "Mobile",
};
const WEB: Team = Team {
    department: "Engineering",
    team: "Web",
};
const DESIGN_SYSTEMS: Team = Team {
    department: "Engineering",
    team: "Design Systems",
};
const MOBILE_PLATFORM: Team = Team {
    department: "Engineering",
    team: "Mobile Platform",
};
const ARCHITECTURE: Team = Team {
    department: "Engineering",
    team: "Architecture",
};
const EXPERIMENTATION: Team = Team {
    department: "Data & AI",
    team: "Experimentation Platform",
};
const ANALYTICS: Team = Team {
    department: "Data & AI",
    team: "Analytics",
};
const ML: Team = Team {
    department: "Data & AI",
    team: "Machine Learning",
};
const SRE: Team = Team {
    department: "Infrastructure",
    team: "Site Reliability",
};
const CLOUD: Team = Team {
    department: "Infrastructure",
    team: "Cloud Platform",
};
const SECURITY: Team = Team {
    department: "Security",
    team: "Application Security",
};
const PM: Team = Team {
    department: "Product",
    team: "Product Management",
};
const GROWTH: Team = Team {
    department: "Product",
    team: "Growth",
};
const DESIGN: Team = Team {
    department: "Design",
    team: "Product Design",
};
const RESEARCH: Team = Team {
    department: "Design",
    team: "User Research",
};

// The development goals people pick from, shared so that mentors' and mentees' goals can
// meet in the goals criterion.
const SENIOR: &str = "Grow into a senior role";
const TECH_LEAD: &str = "Prepare for a tech lead role";
const MANAGER: &str = "Become a people manager";
const PRESENTING: &str = "Build confidence presenting";
const DEPTH: &str = "Deepen technical expertise";
const BUSINESS: &str = "Understand the business";
const CHANGE: &str = "Navigate a career change";
const SETTLE: &str = "Settle into the company";

const VIDEO: &str = "Video call";
const IN_PERSON: &str = "In person";
const ANY: &str = "No preference";

const WOMAN: Option<&str> = Some("Woman");
const MAN: Option<&str> = Some("Man");
const NON_BINARY: Option<&str> = Some("Non-binary");
const NOT_SAID: Option<&str> = Some("Prefer not to say");

/// One participant of the demo roster.
struct Row {
    name: &'static str,
    role: Role,
    team: Team,
    manager: &'static str,
    title: &'static str,
    seniority: u8,
    time_zone: &'static str,
    languages: &'static [&'static str],
    offered: &'static [(Sk, u8)],
    wanted: &'static [(Sk, u8)],
    goals: &'static [&'static str],
    capacity: u16,
    format: &'static str,
    topics: &'static [&'static str],
    /// Scale answer, only asked of people who can be mentees.
    confidence: u8,
    years: u8,
    /// Short-text answer, only asked of people who can be mentees; empty = not answered.
    success: &'static str,
    gender: Option<&'static str>,
    /// E-mail addresses of wanted mentors, most wanted first.
    preferences: &'static [&'static str],
    bio: &'static str,
    availability: &'static str,
    notes: &'static str,
}

use Role::{Either, Mentee, Mentor};
use Sk::*;

const ROSTER: [Row; 48] = [
    // ---- Mentors ----
    Row {
        name: "Ingrid Halvorsen",
        role: Mentor,
        team: PLATFORM,
        manager: "Helena Brandt",
        title: "Director of Engineering",
        seniority: 8,
        time_zone: "Europe/Berlin",
        languages: &["English", "Norwegian", "German"],
        offered: &[
            (DistributedSystems, 5),
            (GivingFeedback, 5),
            (StakeholderManagement, 4),
        ],
        wanted: &[],
        goals: &[MANAGER, TECH_LEAD, BUSINESS],
        capacity: 2,
        format: VIDEO,
        topics: &["Leadership", "Career growth", "System design"],
        confidence: 0,
        years: 19,
        success: "",
        gender: WOMAN,
        preferences: &[],
        bio: "Leads platform engineering; started as a database engineer in Oslo and still \
              reviews the odd migration.",
        availability: "Thursday afternoons",
        notes: "",
    },
    Row {
        name: "Kwame Mensah",
        role: Mentor,
        team: PAYMENTS,
        manager: "Ingrid Halvorsen",
        title: "Engineering Manager",
        seniority: 6,
        time_zone: "Europe/London",
        languages: &["English", "Twi"],
        offered: &[(ApiDesign, 4), (Go, 4), (GivingFeedback, 4)],
        wanted: &[],
        goals: &[MANAGER, SENIOR, DEPTH],
        capacity: 2,
        format: IN_PERSON,
        topics: &["Career growth", "Leadership", "Technical depth"],
        confidence: 0,
        years: 12,
        success: "",
        gender: MAN,
        preferences: &[],
        bio: "Runs the payments team in London. Happy to talk about the jump from senior \
              engineer to manager, and back if it does not fit.",
        availability: "Monday and Wednesday mornings",
        notes: "",
    },
    Row {
        name: "Mariana Costa",
        role: Mentor,
        team: MOBILE_PLATFORM,
        manager: "Ingrid Halvorsen",
        title: "Staff Mobile Engineer",
        seniority: 6,
        time_zone: "Europe/Lisbon",
        languages: &["Portuguese", "English", "Spanish"],
        offered: &[(Ios, 5), (Android, 4), (Accessibility, 4)],
        wanted: &[],
        goals: &[DEPTH, TECH_LEAD, SENIOR],
        capacity: 2,
        format: ANY,
        topics: &["Technical depth", "System design", "Career growth"],
        confidence: 0,
        years: 11,
        success: "",
        gender: WOMAN,
        preferences: &[],
        bio: "Built the first version of the Northwind iOS app; cares a lot about \
              accessible, fast mobile interfaces.",
        availability: "Tuesday afternoons",
        notes: "",
    },
    Row {
        name: "Hiroshi Tanabe",
        role: Mentor,
        team: ML,
        manager: "Oskar Lund",
        title: "Head of Machine Learning",
        seniority: 7,
        time_zone: "Asia/Tokyo",
        languages: &["Japanese", "English"],
        offered: &[
            (MachineLearning, 5),
            (Experimentation, 4),
            (DistributedSystems, 3),
        ],
        wanted: &[],
        goals: &[DEPTH, TECH_LEAD],
        capacity: 1,
        format: VIDEO,
        topics: &["Technical depth", "System design"],
        confidence: 0,
        years: 16,
        success: "",
        gender: MAN,
        preferences: &[],
        bio: "Leads the ML team from Tokyo. Previously worked on recommendation systems \
              for e-commerce.",
        availability: "Early mornings (Tokyo time)",
        notes: "",
    },
    Row {
        name: "Priya Raghunathan",
        role: Mentor,
        team: ANALYTICS,
        manager: "Oskar Lund",
        title: "Analytics Manager",
        seniority: 6,
        time_zone: "Asia/Kolkata",
        languages: &["English", "Hindi", "Tamil"],
        offered: &[(Sql, 5), (DataVisualisation, 4), (StakeholderManagement, 4)],
        wanted: &[],
        goals: &[BUSINESS, MANAGER, PRESENTING],
        capacity: 3,
        format: VIDEO,
        topics: &["Career growth", "Product thinking", "Leadership"],
        confidence: 0,
        years: 13,
        success: "",
        gender: WOMAN,
        preferences: &[],
        bio: "Runs analytics in Bengaluru. Believes every dashboard should answer one \
              question and say so in its title.",
        availability: "Weekday afternoons (IST)",
        notes: "",
    },
    Row {
        name: "Emeka Nwosu",
        role: Mentor,
        team: SRE,
        manager: "Helena Brandt",
        title: "Senior SRE Manager",
        seniority: 7,
        time_zone: "America/Chicago",
        languages: &["English", "Igbo"],
        offered: &[(Kubernetes, 5), (Observability, 5), (IncidentResponse, 5)],
        wanted: &[],
        goals: &[DEPTH, MANAGER, SENIOR],
        capacity: 2,
        format: VIDEO,
        topics: &["Technical depth", "Leadership", "Work-life balance"],
        confidence: 0,
        years: 15,
        success: "",
        gender: MAN,
        preferences: &[],
        bio: "Looks after reliability and the on-call rota from Austin. Ask him about \
              blameless post-mortems.",
        availability: "Wednesday and Friday, 9-11 Central",
        notes: "",
    },
    Row {
        name: "Agnieszka Kowalczyk",
        role: Mentor,
        team: SECURITY,
        manager: "Helena Brandt",
        title: "Application Security Lead",
        seniority: 6,
        time_zone: "Europe/Warsaw",
        languages: &["Polish", "English", "German"],
        offered: &[(AppSecurity, 5), (ApiDesign, 3), (TechnicalWriting, 4)],
        wanted: &[],
        goals: &[DEPTH, CHANGE, SENIOR],
        capacity: 2,
        format: VIDEO,
        topics: &["Technical depth", "Career growth"],
        confidence: 0,
        years: 12,
        success: "",
        gender: WOMAN,
        preferences: &[],
        bio: "Moved from backend development into security eight years ago and leads \
              threat modelling across Northwind.",
        availability: "Tuesday and Thursday mornings",
        notes: "",
    },
    Row {
        name: "Laura Jiménez",
        role: Mentor,
        team: PM,
        manager: "Nadia Karimi",
        title: "Group Product Manager",
        seniority: 7,
        time_zone: "Europe/Madrid",
        languages: &["Spanish", "English", "Catalan"],
        offered: &[
            (ProductDiscovery, 5),
            (Roadmapping, 5),
            (StakeholderManagement, 4),
        ],
        wanted: &[],
        goals: &[BUSINESS, CHANGE, MANAGER],
        capacity: 2,
        format: ANY,
        topics: &["Product thinking", "Career growth", "Leadership"],
        confidence: 0,
        years: 14,
        success: "",
        gender: WOMAN,
        preferences: &[],
        bio: "Leads product for the core platform. Former engineer, so happy to mentor \
              anyone curious about moving into product.",
        availability: "Monday afternoons",
        notes: "",
    },
    Row {
        name: "Benjamin Adeyemi",
        role: Mentor,
        team: DESIGN_SYSTEMS,
        manager: "Ingrid Halvorsen",
        title: "Staff Frontend Engineer",
        seniority: 6,
        time_zone: "America/Toronto",
        languages: &["English", "French", "Yoruba"],
        offered: &[
            (TypeScriptReact, 5),
            (Accessibility, 4),
            (PublicSpeaking, 4),
        ],
        wanted: &[],
        goals: &[DEPTH, PRESENTING, TECH_LEAD],
        capacity: 2,
        format: VIDEO,
        topics: &["Technical depth", "Public speaking", "Career growth"],
        confidence: 0,
        years: 10,
        success: "",
        gender: MAN,
        preferences: &[],
        bio: "Leads the design system behind the web app and is a regular meetup speaker in \
              Toronto.",
        availability: "Tuesday and Thursday, 10-12 Eastern",
        notes: "",
    },
    Row {
        name: "Sofia Lindqvist",
        role: Mentor,
        team: DESIGN,
        manager: "Nadia Karimi",
        title: "Design Director",
        seniority: 8,
        time_zone: "Europe/Stockholm",
        languages: &["Swedish", "English"],
        offered: &[(InteractionDesign, 5), (UxResearch, 4), (GivingFeedback, 5)],
        wanted: &[],
        goals: &[MANAGER, SENIOR, PRESENTING],
        capacity: 1,
        format: IN_PERSON,
        topics: &["Leadership", "Product thinking", "Career growth"],
        confidence: 0,
        years: 18,
        success: "",
        gender: WOMAN,
        preferences: &[],
        bio: "Built Northwind's design team from two to twenty people.",
        availability: "Friday mornings",
        notes: "",
    },
    Row {
        name: "Wei-Ling Chen",
        role: Mentor,
        team: EXPERIMENTATION,
        manager: "Oskar Lund",
        title: "Senior Data Scientist",
        seniority: 5,
        time_zone: "Asia/Singapore",
        languages: &["English", "Mandarin", "Malay"],
        offered: &[(MachineLearning, 4), (Experimentation, 5), (Sql, 4)],
        wanted: &[],
        goals: &[DEPTH, SENIOR],
        capacity: 3,
        format: VIDEO,
        topics: &["Technical depth", "Product thinking"],
        confidence: 0,
        years: 9,
        success: "",
        gender: WOMAN,
        preferences: &[],
        bio: "Designs the experiments behind pricing and onboarding changes.",
        availability: "Weekday evenings (SGT)",
        notes: "",
    },
    Row {
        name: "Rafael Moreira",
        role: Mentor,
        team: ARCHITECTURE,
        manager: "Helena Brandt",
        title: "Principal Engineer",
        seniority: 7,
        time_zone: "America/Sao_Paulo",
        languages: &["Portuguese", "English", "Spanish"],
        offered: &[(Rust, 5), (DistributedSystems, 5), (Observability, 4)],
        wanted: &[],
        goals: &[DEPTH, TECH_LEAD],
        capacity: 2,
        format: VIDEO,
        topics: &["System design", "Technical depth"],
        confidence: 0,
        years: 17,
        success: "",
        gender: MAN,
        preferences: &[],
        bio: "Wrote much of the event pipeline in Rust. Enjoys whiteboard sessions on \
              failure modes.",
        availability: "Wednesday afternoons (BRT)",
        notes: "",
    },
    Row {
        name: "Anneke Visser",
        role: Mentor,
        team: PAYMENTS,
        manager: "Kwame Mensah",
        title: "Senior Software Engineer",
        seniority: 5,
        time_zone: "Europe/Amsterdam",
        languages: &["Dutch", "English", "German"],
        offered: &[(Go, 5), (Sql, 4), (TechnicalWriting, 4)],
        wanted: &[],
        goals: &[DEPTH, SENIOR],
        capacity: 0,
        format: ANY,
        topics: &["Technical depth", "Work-life balance"],
        confidence: 0,
        years: 9,
        success: "",
        gender: WOMAN,
        preferences: &[],
        bio: "Payments backend engineer; maintains the ledger service.",
        availability: "",
        notes: "Back from parental leave in April: keep for the next cycle, no mentees now.",
    },
    Row {
        name: "Tomás Herrera",
        role: Mentor,
        team: GROWTH,
        manager: "Nadia Karimi",
        title: "Growth Lead",
        seniority: 6,
        time_zone: "America/New_York",
        languages: &["Spanish", "English"],
        offered: &[
            (Experimentation, 4),
            (ProductDiscovery, 4),
            (PublicSpeaking, 3),
        ],
        wanted: &[],
        goals: &[BUSINESS, CHANGE, PRESENTING],
        capacity: 2,
        format: VIDEO,
        topics: &["Product thinking", "Career growth", "Public speaking"],
        confidence: 0,
        years: 10,
        success: "",
        gender: MAN,
        preferences: &[],
        bio: "Runs growth experiments from New York; came to product from consulting.",
        availability: "Monday and Thursday, 1-3 pm Eastern",
        notes: "",
    },
    Row {
        name: "Meera Iyer",
        role: Mentor,
        team: WEB,
        manager: "Ingrid Halvorsen",
        title: "Engineering Manager",
        seniority: 6,
        time_zone: "Asia/Kolkata",
        languages: &["English", "Hindi", "Marathi"],
        offered: &[
            (TypeScriptReact, 4),
            (GivingFeedback, 4),
            (StakeholderManagement, 3),
        ],
        wanted: &[],
        goals: &[MANAGER, TECH_LEAD, SENIOR],
        capacity: 2,
        format: VIDEO,
        topics: &["Leadership", "Career growth", "Work-life balance"],
        confidence: 0,
        years: 12,
        success: "",
        gender: WOMAN,
        preferences: &[],
        bio: "Manages the web team across Bengaluru and Toronto; likes helping first-time \
              tech leads find their feet.",
        availability: "Weekday mornings (IST)",
        notes: "",
    },
    Row {
        name: "Yusuf Demir",
        role: Mentor,
        team: CLOUD,
        manager: "Daniel Hofmann",
        title: "Staff Site Reliability Engineer",
        seniority: 6,
        time_zone: "Europe/Istanbul",
        languages: &["Turkish", "English", "German"],
        offered: &[
            (Kubernetes, 5),
            (IncidentResponse, 4),
            (Go, 4),
            (AppSecurity, 3),
        ],
        wanted: &[],
        goals: &[DEPTH, TECH_LEAD],
        capacity: 3,
        format: VIDEO,
        topics: &["Technical depth", "System design"],
        confidence: 0,
        years: 11,
        success: "",
        gender: MAN,
        preferences: &[],
        bio: "Keeps the Kubernetes clusters healthy and the cloud bill honest.",
        availability: "Tuesday and Friday afternoons",
        notes: "",
    },
    Row {
        name: "Claire Dubois",
        role: Mentor,
        team: RESEARCH,
        manager: "Nadia Karimi",
        title: "Principal UX Researcher",
        seniority: 7,
        time_zone: "Europe/Paris",
        languages: &["French", "English"],
        offered: &[
            (UxResearch, 5),
            (PublicSpeaking, 4),
            (StakeholderManagement, 4),
        ],
        wanted: &[],
        goals: &[PRESENTING, BUSINESS, CHANGE],
        capacity: 2,
        format: IN_PERSON,
        topics: &["Product thinking", "Public speaking", "Career growth"],
        confidence: 0,
        years: 15,
        success: "",
        gender: NOT_SAID,
        preferences: &[],
        bio: "Leads user research; trained as an anthropologist before moving into tech.",
        availability: "Wednesday mornings",
        notes: "",
    },
    Row {
        name: "Jonas Becker",
        role: Mentor,
        team: MOBILE,
        manager: "Pedro Almeida",
        title: "Senior Android Engineer",
        seniority: 5,
        time_zone: "Europe/Berlin",
        languages: &["German", "English"],
        offered: &[(Android, 5), (ApiDesign, 3), (TechnicalWriting, 4)],
        wanted: &[],
        goals: &[DEPTH, SENIOR],
        capacity: 1,
        format: IN_PERSON,
        topics: &["Technical depth", "Work-life balance"],
        confidence: 0,
        years: 8,
        success: "",
        gender: MAN,
        preferences: &[],
        bio: "Android engineer in the Berlin office; maintains the shared design-system \
              components for mobile.",
        availability: "Thursday mornings",
        notes: "",
    },
    // ---- Either ----
    Row {
        name: "Aisha Rahman",
        role: Either,
        team: ANALYTICS,
        manager: "Priya Raghunathan",
        title: "Senior Data Analyst",
        seniority: 5,
        time_zone: "Europe/London",
        languages: &["English", "Bengali"],
        offered: &[(Sql, 4), (DataVisualisation, 5)],
        wanted: &[(StakeholderManagement, 4), (PublicSpeaking, 3)],
        goals: &[PRESENTING, SENIOR],
        capacity: 1,
        format: VIDEO,
        topics: &["Public speaking", "Career growth"],
        confidence: 3,
        years: 7,
        success: "Presenting the quarterly numbers to leadership without notes.",
        gender: WOMAN,
        preferences: &["claire.dubois@northwind.example"],
        bio: "Builds the company KPI dashboards; happy to mentor on SQL, keen to learn \
              how to tell the story behind the numbers.",
        availability: "Monday and Wednesday afternoons",
        notes: "",
    },
    Row {
        name: "Nikolai Petrov",
        role: Either,
        team: PLATFORM,
        manager: "Ingrid Halvorsen",
        title: "Software Engineer II",
        seniority: 4,
        time_zone: "Europe/Berlin",
        languages: &["English", "Russian", "German"],
        offered: &[(Rust, 4), (Go, 3)],
        wanted: &[(DistributedSystems, 4), (GivingFeedback, 3)],
        goals: &[TECH_LEAD, DEPTH],
        capacity: 1,
        format: IN_PERSON,
        topics: &["System design", "Leadership"],
        confidence: 4,
        years: 6,
        success: "Leading the design review for the new job scheduler.",
        gender: MAN,
        preferences: &[],
        bio: "Platform engineer and Rust enthusiast; runs the internal Rust study group.",
        availability: "Tuesday afternoons",
        notes: "",
    },
    Row {
        name: "Camila Duarte",
        role: Either,
        team: DESIGN,
        manager: "Sofia Lindqvist",
        title: "Senior Product Designer",
        seniority: 5,
        time_zone: "America/Sao_Paulo",
        languages: &["Portuguese", "English", "Spanish"],
        offered: &[(InteractionDesign, 4), (Accessibility, 4)],
        wanted: &[(Roadmapping, 3), (StakeholderManagement, 4)],
        goals: &[BUSINESS, SENIOR],
        capacity: 1,
        format: VIDEO,
        topics: &["Product thinking", "Career growth"],
        confidence: 4,
        years: 8,
        success: "Having a say in the roadmap, not just the screens.",
        gender: WOMAN,
        preferences: &[
            "laura.jimenez@northwind.example",
            "tomas.herrera@northwind.example",
        ],
        bio: "Designs the checkout and billing flows; previously at a fintech start-up in \
              São Paulo.",
        availability: "Thursday afternoons (BRT)",
        notes: "",
    },
    Row {
        name: "Kenji Watanabe",
        role: Either,
        team: WEB,
        manager: "Meera Iyer",
        title: "Software Engineer II",
        seniority: 4,
        time_zone: "Asia/Tokyo",
        languages: &["Japanese", "English"],
        offered: &[(TypeScriptReact, 4)],
        wanted: &[(Observability, 3), (PublicSpeaking, 3)],
        goals: &[PRESENTING, DEPTH],
        capacity: 1,
        format: VIDEO,
        topics: &["Public speaking", "Technical depth"],
        confidence: 3,
        years: 5,
        success: "Giving my first talk at an internal tech forum.",
        gender: MAN,
        preferences: &[],
        bio: "Frontend engineer in Tokyo working on the analytics UI.",
        availability: "Weekday mornings (JST)",
        notes: "",
    },
    // ---- Mentees ----
    Row {
        name: "Lucía Fernández",
        role: Mentee,
        team: WEB,
        manager: "Meera Iyer",
        title: "Junior Frontend Engineer",
        seniority: 2,
        time_zone: "Europe/Madrid",
        languages: &["Spanish", "English"],
        offered: &[],
        wanted: &[(TypeScriptReact, 4), (Accessibility, 3)],
        goals: &[SENIOR, DEPTH],
        capacity: 0,
        format: VIDEO,
        topics: &["Technical depth", "Career growth"],
        confidence: 2,
        years: 1,
        success: "Shipping a feature end to end and reviewing others' code with confidence.",
        gender: WOMAN,
        preferences: &[
            "mariana.costa@northwind.example",
            "jonas.becker@northwind.example",
        ],
        bio: "Joined from a bootcamp last year; loves CSS puzzles.",
        availability: "Afternoons",
        notes: "",
    },
    Row {
        name: "Arjun Mehta",
        role: Mentee,
        team: ANALYTICS,
        manager: "Priya Raghunathan",
        title: "Data Analyst",
        seniority: 3,
        time_zone: "Asia/Kolkata",
        languages: &["English", "Hindi", "Gujarati"],
        offered: &[],
        wanted: &[(Sql, 4), (DataVisualisation, 4), (Experimentation, 3)],
        goals: &[DEPTH, BUSINESS],
        capacity: 0,
        format: VIDEO,
        topics: &["Technical depth", "Product thinking"],
        confidence: 3,
        years: 3,
        success: "Owning the experiment analysis for one product area.",
        gender: MAN,
        preferences: &["wei-ling.chen@northwind.example"],
        bio: "Analyst on the marketplace metrics; previously in supply-chain analytics.",
        availability: "Weekday evenings (IST)",
        notes: "",
    },
    Row {
        name: "Hannah Schulz",
        role: Mentee,
        team: PLATFORM,
        manager: "Ingrid Halvorsen",
        title: "Software Engineer",
        seniority: 3,
        time_zone: "Europe/Berlin",
        languages: &["German", "English"],
        offered: &[],
        wanted: &[(Rust, 4), (DistributedSystems, 3)],
        goals: &[DEPTH, SENIOR],
        capacity: 0,
        format: IN_PERSON,
        topics: &["Technical depth", "System design"],
        confidence: 3,
        years: 3,
        success: "Contributing to the event pipeline without needing hand-holding.",
        gender: WOMAN,
        preferences: &[],
        bio: "Backend engineer who switched from Java to Rust this year.",
        availability: "Monday and Thursday mornings",
        notes: "",
    },
    Row {
        name: "Oluwaseun Adebayo",
        role: Mentee,
        team: SRE,
        manager: "Emeka Nwosu",
        title: "Site Reliability Engineer",
        seniority: 3,
        time_zone: "Africa/Lagos",
        languages: &["English", "Yoruba"],
        offered: &[],
        wanted: &[(Kubernetes, 4), (IncidentResponse, 4)],
        goals: &[DEPTH, SENIOR],
        capacity: 0,
        format: VIDEO,
        topics: &["Technical depth", "Work-life balance"],
        confidence: 3,
        years: 4,
        success: "Being incident commander for a major incident.",
        gender: MAN,
        preferences: &["yusuf.demir@northwind.example"],
        bio: "SRE in the Lagos office; joined from a telecoms operator.",
        availability: "Weekday afternoons (WAT)",
        notes: "",
    },
    Row {
        name: "Mateo Rossi",
        role: Mentee,
        team: PAYMENTS,
        manager: "Kwame Mensah",
        title: "Software Engineer",
        seniority: 3,
        time_zone: "Europe/Rome",
        languages: &["Italian", "English"],
        offered: &[],
        wanted: &[(Go, 4), (ApiDesign, 4)],
        goals: &[DEPTH, TECH_LEAD],
        capacity: 0,
        format: ANY,
        topics: &["Technical depth", "System design"],
        confidence: 3,
        years: 3,
        success: "Designing the next version of the refunds API.",
        gender: MAN,
        preferences: &[],
        bio: "Payments engineer in Milan; cyclist and amateur baker.",
        availability: "Wednesday afternoons",
        notes: "",
    },
    Row {
        name: "Yuki Nakamura",
        role: Mentee,
        team: ML,
        manager: "Hiroshi Tanabe",
        title: "Junior Machine Learning Engineer",
        seniority: 2,
        time_zone: "Asia/Tokyo",
        languages: &["Japanese", "English"],
        offered: &[],
        wanted: &[(MachineLearning, 4), (Experimentation, 3)],
        goals: &[DEPTH, SETTLE],
        capacity: 0,
        format: VIDEO,
        topics: &["Technical depth", "Career growth"],
        confidence: 2,
        years: 1,
        success: "",
        gender: NON_BINARY,
        preferences: &["wei-ling.chen@northwind.example"],
        bio: "Joined the ML team straight from a master's in statistics.",
        availability: "Weekday mornings (JST)",
        notes: "",
    },
    Row {
        name: "Fatima Benali",
        role: Mentee,
        team: PM,
        manager: "Laura Jiménez",
        title: "Associate Product Manager",
        seniority: 2,
        time_zone: "Europe/Paris",
        languages: &["French", "Arabic", "English"],
        offered: &[],
        wanted: &[
            (ProductDiscovery, 4),
            (Roadmapping, 3),
            (StakeholderManagement, 3),
        ],
        goals: &[BUSINESS, SENIOR],
        capacity: 0,
        format: IN_PERSON,
        topics: &["Product thinking", "Career growth"],
        confidence: 2,
        years: 2,
        success: "Running discovery for a feature from interview to launch.",
        gender: WOMAN,
        preferences: &[
            "claire.dubois@northwind.example",
            "tomas.herrera@northwind.example",
        ],
        bio: "APM in the Paris office; studied economics and ran a student start-up.",
        availability: "Tuesday mornings",
        notes: "",
    },
    Row {
        name: "Ana Beatriz Souza",
        role: Mentee,
        team: DESIGN,
        manager: "Sofia Lindqvist",
        title: "Product Designer",
        seniority: 3,
        time_zone: "America/Sao_Paulo",
        languages: &["Portuguese", "English"],
        offered: &[],
        wanted: &[(InteractionDesign, 4), (UxResearch, 3)],
        goals: &[SENIOR, PRESENTING],
        capacity: 0,
        format: VIDEO,
        topics: &["Product thinking", "Career growth"],
        confidence: 3,
        years: 4,
        success: "Presenting my own research findings to the product trio.",
        gender: WOMAN,
        preferences: &[],
        bio: "Designer on the mobile onboarding flow.",
        availability: "Wednesday and Friday afternoons (BRT)",
        notes: "",
    },
    Row {
        name: "Samuel Osei",
        role: Mentee,
        team: PAYMENTS,
        manager: "Kwame Mensah",
        title: "Junior Software Engineer",
        seniority: 2,
        time_zone: "Europe/London",
        languages: &["English", "Twi"],
        offered: &[],
        wanted: &[(Go, 3), (Sql, 3), (TechnicalWriting, 3)],
        goals: &[SETTLE, DEPTH],
        capacity: 0,
        format: IN_PERSON,
        topics: &["Technical depth", "Career growth"],
        confidence: 2,
        years: 1,
        success: "Feeling at home in the codebase by the summer.",
        gender: MAN,
        preferences: &[],
        bio: "Graduate engineer, joined in September after a placement year at Northwind.",
        availability: "Any weekday",
        notes: "",
    },
    Row {
        name: "Zofia Nowak",
        role: Mentee,
        team: SECURITY,
        manager: "Agnieszka Kowalczyk",
        title: "Security Engineer",
        seniority: 3,
        time_zone: "Europe/Warsaw",
        languages: &["Polish", "English"],
        offered: &[],
        wanted: &[(AppSecurity, 4), (TechnicalWriting, 3)],
        goals: &[DEPTH, SENIOR],
        capacity: 0,
        format: VIDEO,
        topics: &["Technical depth"],
        confidence: 3,
        years: 3,
        success: "Publishing our secure-coding guide.",
        gender: WOMAN,
        preferences: &[],
        bio: "Security engineer focused on dependency and supply-chain risk.",
        availability: "Thursday afternoons",
        notes: "",
    },
    Row {
        name: "Rohan Kulkarni",
        role: Mentee,
        team: WEB,
        manager: "Meera Iyer",
        title: "Software Engineer II",
        seniority: 4,
        time_zone: "Asia/Kolkata",
        languages: &["English", "Hindi", "Marathi"],
        offered: &[],
        wanted: &[
            (GivingFeedback, 3),
            (StakeholderManagement, 3),
            (DistributedSystems, 3),
        ],
        goals: &[TECH_LEAD, MANAGER],
        capacity: 0,
        format: VIDEO,
        topics: &["Leadership", "System design"],
        confidence: 4,
        years: 6,
        success: "Leading a small project team for the first time.",
        gender: MAN,
        preferences: &[
            "ingrid.halvorsen@northwind.example",
            "kwame.mensah@northwind.example",
        ],
        bio: "Web engineer about to lead his first cross-team project.",
        availability: "Weekday afternoons (IST)",
        notes: "",
    },
    Row {
        name: "Grace Mwangi",
        role: Mentee,
        team: ANALYTICS,
        manager: "Priya Raghunathan",
        title: "Junior Data Analyst",
        seniority: 2,
        time_zone: "Africa/Nairobi",
        languages: &["English", "Swahili"],
        offered: &[],
        wanted: &[(Sql, 4), (DataVisualisation, 3)],
        goals: &[DEPTH, SETTLE],
        capacity: 0,
        format: VIDEO,
        topics: &["Technical depth", "Career growth"],
        confidence: 2,
        years: 1,
        success: "",
        gender: WOMAN,
        preferences: &[],
        bio: "Analyst in Nairobi supporting the customer-success team.",
        availability: "Weekday mornings (EAT)",
        notes: "",
    },
    Row {
        name: "Diego Alvarado",
        role: Mentee,
        team: MOBILE,
        manager: "Pedro Almeida",
        title: "iOS Engineer",
        seniority: 3,
        time_zone: "America/Mexico_City",
        languages: &["Spanish", "English"],
        offered: &[],
        wanted: &[(Ios, 4), (Accessibility, 3)],
        goals: &[DEPTH, SENIOR],
        capacity: 0,
        format: VIDEO,
        topics: &["Technical depth", "Career growth"],
        confidence: 3,
        years: 3,
        success: "Taking over the iOS release process.",
        gender: MAN,
        preferences: &[],
        bio: "iOS engineer in Mexico City; maintains the widgets and watch app.",
        availability: "Tuesday and Thursday afternoons",
        notes: "",
    },
    Row {
        name: "Sara Haddad",
        role: Mentee,
        team: GROWTH,
        manager: "Tomás Herrera",
        title: "Product Analyst",
        seniority: 3,
        time_zone: "Asia/Dubai",
        languages: &["Arabic", "English", "French"],
        offered: &[],
        wanted: &[(Experimentation, 4), (ProductDiscovery, 3)],
        goals: &[CHANGE, BUSINESS],
        capacity: 0,
        format: VIDEO,
        topics: &["Product thinking", "Career growth"],
        confidence: 3,
        years: 4,
        success: "A clear plan for moving from analytics into product management.",
        gender: WOMAN,
        preferences: &["laura.jimenez@northwind.example"],
        bio: "Growth analyst in Dubai; wants to move into product management.",
        availability: "Sunday to Thursday mornings",
        notes: "",
    },
    Row {
        name: "Lukas Novák",
        role: Mentee,
        team: PLATFORM,
        manager: "Ingrid Halvorsen",
        title: "Platform Engineer",
        seniority: 3,
        time_zone: "Europe/Prague",
        languages: &["Czech", "English", "German"],
        offered: &[],
        wanted: &[(Kubernetes, 3), (Observability, 4)],
        goals: &[DEPTH],
        capacity: 0,
        format: ANY,
        topics: &["Technical depth", "System design"],
        confidence: 4,
        years: 4,
        success: "Owning the tracing roll-out.",
        gender: None,
        preferences: &[],
        bio: "Platform engineer in Prague working on the internal developer portal.",
        availability: "Monday mornings",
        notes: "",
    },
    Row {
        name: "Jia Hui Tan",
        role: Mentee,
        team: ML,
        manager: "Hiroshi Tanabe",
        title: "Data Scientist",
        seniority: 3,
        time_zone: "Asia/Singapore",
        languages: &["English", "Mandarin"],
        offered: &[],
        wanted: &[(MachineLearning, 4), (Experimentation, 4)],
        goals: &[DEPTH, SENIOR],
        capacity: 0,
        format: VIDEO,
        topics: &["Technical depth", "Product thinking"],
        confidence: 3,
        years: 3,
        success: "Shipping a model to production and measuring its impact.",
        gender: WOMAN,
        preferences: &[],
        bio: "Data scientist on search ranking.",
        availability: "Weekday afternoons (SGT)",
        notes: "",
    },
    Row {
        name: "Noah Fischer",
        role: Mentee,
        team: PLATFORM,
        manager: "Ingrid Halvorsen",
        title: "Junior Software Engineer",
        seniority: 2,
        time_zone: "Europe/Zurich",
        languages: &["German", "English", "French"],
        offered: &[],
        wanted: &[(Rust, 3), (ApiDesign, 3), (TechnicalWriting, 3)],
        goals: &[SETTLE, DEPTH],
        capacity: 0,
        format: IN_PERSON,
        topics: &["Technical depth", "Career growth"],
        confidence: 2,
        years: 1,
        success: "Writing my first design document.",
        gender: MAN,
        preferences: &["rafael.moreira@northwind.example"],
        bio: "Joined the platform team in Zurich after an apprenticeship.",
        availability: "Friday afternoons",
        notes: "",
    },
    Row {
        name: "Bilal Chaudhry",
        role: Mentee,
        team: SECURITY,
        manager: "Agnieszka Kowalczyk",
        title: "Junior Security Engineer",
        seniority: 2,
        time_zone: "Asia/Karachi",
        languages: &["English", "Urdu", "Punjabi"],
        offered: &[],
        wanted: &[(AppSecurity, 4), (IncidentResponse, 3)],
        goals: &[DEPTH, SETTLE],
        capacity: 0,
        format: VIDEO,
        topics: &["Technical depth", "Career growth"],
        confidence: 2,
        years: 1,
        success: "Leading a threat-modelling session on my own.",
        gender: MAN,
        preferences: &["yusuf.demir@northwind.example"],
        bio: "Security engineer in Karachi; enjoys capture-the-flag competitions.",
        availability: "Weekday afternoons (PKT)",
        notes: "",
    },
    Row {
        name: "Emma Johansson",
        role: Mentee,
        team: RESEARCH,
        manager: "Claire Dubois",
        title: "UX Researcher",
        seniority: 3,
        time_zone: "Europe/Stockholm",
        languages: &["Swedish", "English"],
        offered: &[],
        wanted: &[(UxResearch, 4), (PublicSpeaking, 3)],
        goals: &[PRESENTING, SENIOR],
        capacity: 0,
        format: ANY,
        topics: &["Public speaking", "Product thinking"],
        confidence: 3,
        years: 4,
        success: "Presenting a research read-out to the whole product org.",
        gender: WOMAN,
        preferences: &[],
        bio: "Researcher on the onboarding and activation squad.",
        availability: "Wednesday afternoons",
        notes: "",
    },
    Row {
        name: "Marcus Thompson",
        role: Mentee,
        team: PM,
        manager: "Laura Jiménez",
        title: "Product Manager",
        seniority: 4,
        time_zone: "America/New_York",
        languages: &["English"],
        offered: &[],
        wanted: &[
            (Roadmapping, 4),
            (StakeholderManagement, 4),
            (PublicSpeaking, 3),
        ],
        goals: &[SENIOR, PRESENTING],
        capacity: 0,
        format: VIDEO,
        topics: &["Product thinking", "Leadership", "Public speaking"],
        confidence: 4,
        years: 6,
        success: "Presenting the half-year roadmap to the exec team.",
        gender: MAN,
        preferences: &[],
        bio: "PM for billing and invoicing; formerly a support engineer.",
        availability: "Monday and Wednesday, 2-4 pm Eastern",
        notes: "",
    },
    Row {
        name: "Aditi Bose",
        role: Mentee,
        team: WEB,
        manager: "Meera Iyer",
        title: "Junior Frontend Engineer",
        seniority: 2,
        time_zone: "Asia/Kolkata",
        languages: &["English", "Bengali", "Hindi"],
        offered: &[],
        wanted: &[(TypeScriptReact, 4), (Accessibility, 3)],
        goals: &[SETTLE, DEPTH],
        capacity: 0,
        format: VIDEO,
        topics: &["Technical depth", "Career growth"],
        confidence: 2,
        years: 1,
        success: "",
        gender: WOMAN,
        preferences: &["benjamin.adeyemi@northwind.example"],
        bio: "Frontend engineer who joined through the graduate programme in Bengaluru.",
        availability: "Weekday mornings (IST)",
        notes: "",
    },
    Row {
        name: "Felipe Ramírez",
        role: Mentee,
        team: SRE,
        manager: "Emeka Nwosu",
        title: "Junior Site Reliability Engineer",
        seniority: 2,
        time_zone: "America/Bogota",
        languages: &["Spanish", "English"],
        offered: &[],
        wanted: &[(IncidentResponse, 4), (Observability, 3), (Kubernetes, 3)],
        goals: &[DEPTH, SETTLE],
        capacity: 0,
        format: VIDEO,
        topics: &["Technical depth", "Work-life balance"],
        confidence: 2,
        years: 2,
        success: "Joining the on-call rota feeling prepared.",
        gender: MAN,
        preferences: &[
            "rafael.moreira@northwind.example",
            "yusuf.demir@northwind.example",
        ],
        bio: "SRE in Bogotá; moved from network operations last spring.",
        availability: "Tuesday and Thursday mornings",
        notes: "",
    },
    Row {
        name: "Chloé Martin",
        role: Mentee,
        team: PAYMENTS,
        manager: "Kwame Mensah",
        title: "Software Engineer II",
        seniority: 4,
        time_zone: "Europe/Paris",
        languages: &["French", "English"],
        offered: &[],
        wanted: &[
            (DistributedSystems, 4),
            (TechnicalWriting, 3),
            (GivingFeedback, 3),
        ],
        goals: &[TECH_LEAD, SENIOR],
        capacity: 0,
        format: IN_PERSON,
        topics: &["System design", "Leadership"],
        confidence: 4,
        years: 5,
        success: "Being ready for a tech lead role by the end of the year.",
        gender: WOMAN,
        preferences: &[
            "rafael.moreira@northwind.example",
            "ingrid.halvorsen@northwind.example",
        ],
        bio: "Payments engineer in Paris; owns the reconciliation jobs.",
        availability: "Monday mornings",
        notes: "",
    },
    Row {
        name: "Seo-yeon Park",
        role: Mentee,
        team: WEB,
        manager: "Meera Iyer",
        title: "Software Engineer",
        seniority: 3,
        time_zone: "Asia/Seoul",
        languages: &["Korean", "English"],
        offered: &[],
        wanted: &[(TypeScriptReact, 3), (PublicSpeaking, 4)],
        goals: &[PRESENTING, SENIOR],
        capacity: 0,
        format: VIDEO,
        topics: &["Public speaking", "Career growth"],
        confidence: 3,
        years: 3,
        success: "Running the team's demo day.",
        gender: WOMAN,
        preferences: &[],
        bio: "Web engineer in Seoul working on internationalisation.",
        availability: "Weekday mornings (KST)",
        notes: "",
    },
    Row {
        name: "Liam O'Connor",
        role: Mentee,
        team: SRE,
        manager: "Emeka Nwosu",
        title: "Site Reliability Engineer",
        seniority: 3,
        time_zone: "America/Chicago",
        languages: &["English"],
        offered: &[],
        wanted: &[(Observability, 4), (IncidentResponse, 3)],
        goals: &[DEPTH, TECH_LEAD],
        capacity: 0,
        format: IN_PERSON,
        topics: &["Technical depth", "System design"],
        confidence: 3,
        years: 5,
        success: "Cutting our alert noise in half.",
        gender: MAN,
        preferences: &[],
        bio: "SRE in Austin; maintains the alerting rules and dashboards.",
        availability: "Wednesday afternoons",
        notes: "",
    },
    Row {
        name: "Linh Nguyen",
        role: Mentee,
        team: ML,
        manager: "Hiroshi Tanabe",
        title: "Machine Learning Engineer",
        seniority: 4,
        time_zone: "Asia/Ho_Chi_Minh",
        languages: &["Vietnamese", "English"],
        offered: &[],
        wanted: &[(MachineLearning, 4), (DistributedSystems, 3)],
        goals: &[DEPTH, TECH_LEAD],
        capacity: 0,
        format: VIDEO,
        topics: &["Technical depth", "System design"],
        confidence: 4,
        years: 5,
        success: "Designing the feature store for real-time models.",
        gender: NOT_SAID,
        preferences: &[],
        bio: "ML engineer in Ho Chi Minh City working on model serving.",
        availability: "Weekday afternoons (ICT)",
        notes: "",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_roster_preference_names_a_mentor_of_the_roster() {
        let demo = demo_program(ProgramId::from("demo"));
        for (person, row) in demo.people.iter().zip(ROSTER.iter()) {
            assert_eq!(
                person.preferences.len(),
                row.preferences.len(),
                "an e-mail in {}'s preferences is not in the roster",
                row.name
            );
            for id in &person.preferences {
                let mentor = demo.person(id).map(|m| m.role.can_mentor());
                assert_eq!(mentor, Some(true), "{} prefers a non-mentor", row.name);
            }
        }
    }

    #[test]
    fn the_skill_table_lists_skills_in_variant_order() {
        // `demo_program` finds a skill's id by `Sk as usize`, which needs this order.
        for (i, s) in Sk::ALL.into_iter().enumerate() {
            assert_eq!(s as usize, i);
        }
    }

    #[test]
    fn e_mails_fold_accents_and_drop_apostrophes() {
        assert_eq!(
            email_of("Lucía Fernández"),
            "lucia.fernandez@northwind.example"
        );
        assert_eq!(email_of("Liam O'Connor"), "liam.oconnor@northwind.example");
        assert_eq!(email_of("Wei-Ling Chen"), "wei-ling.chen@northwind.example");
        assert_eq!(email_of("Ana Beatriz Souza"), "ana.souza@northwind.example");
    }
}
