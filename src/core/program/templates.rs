//! Templates: a new program pre-filled for its purpose.
//!
//! Coordinators pick a purpose first (onboarding, reverse mentoring, ...); the template then
//! fills in what programs of that kind usually have: a description, goals with measurable
//! targets, a timeline of milestones relative to the match date, profile questions, a skills
//! vocabulary, the format, a typical duration, and matching weights and rules that suit the
//! purpose. Everything stays editable; a template is a starting point, not a policy.
//!
//! Targets are the kind mentoring platforms and HR teams commonly quote (e.g. new-hire
//! 12-month retention of 90 %); they are meant to be adjusted to the company's own baseline.

use crate::core::date::Date;
use crate::core::model::*;

/// A new program for `purpose`, pre-filled by its template.
///
/// `start` is the program's first day; when given, the end date is `start` plus the
/// purpose's typical duration ([`typical_duration_days`]). Without a start, both dates stay
/// empty. The result passes [`crate::core::program::validate::validate`] as long as `name` is within
/// the short-text limit.
///
/// ```
/// use mentorkit::core::program::templates::new_from_template;
/// use mentorkit::core::{Date, ProgramId, Purpose};
///
/// let start = Date::from_ymd(2027, 3, 1).ok();
/// let p = new_from_template(Purpose::Onboarding, ProgramId::from("p1"), "Onboarding 2027", start);
/// assert_eq!(p.purpose, Purpose::Onboarding);
/// assert!(!p.goals.is_empty());
/// assert_eq!(p.end_date, Date::from_ymd(2027, 8, 28).ok());
/// ```
pub fn new_from_template(
    purpose: Purpose,
    id: ProgramId,
    name: &str,
    start: Option<Date>,
) -> Program {
    let t = template(purpose);
    let mut p = Program::new(id, name);
    p.purpose = purpose;
    p.description = t.description.to_owned();
    p.format = t.format;
    p.start_date = start;
    p.end_date = start.map(|s| s.add_days(i64::from(t.duration_days)));

    add_goals(&mut p, t.goals);
    for &(name, offset_days) in t.milestones {
        let id = MilestoneId(p.next_id(IdKind::Milestone));
        p.milestones.push(Milestone {
            id,
            name: name.to_owned(),
            offset_days,
        });
    }
    let mut field_ids = Vec::with_capacity(t.fields.len());
    for f in t.fields {
        let id = FieldId(p.next_id(IdKind::Field));
        field_ids.push(id.clone());
        p.profile_fields.push(ProfileField {
            id,
            label: f.label.to_owned(),
            kind: f.kind.to_kind(),
            sensitive: f.sensitive,
            use_for_matching: f.use_for_matching,
            asked_of: f.asked_of,
        });
    }
    for &(name, cluster) in t.skills {
        let id = SkillId(p.next_id(IdKind::Skill));
        p.skills.push(Skill {
            id,
            name: name.to_owned(),
            cluster: cluster.to_owned(),
        });
    }

    p.matching = MatchingConfig {
        algorithm: t.algorithm,
        criteria: t
            .criteria
            .iter()
            .filter_map(|&(c, weight)| {
                let kind = match c {
                    Crit::Skills => CriterionKind::Skills,
                    Crit::Goals => CriterionKind::Goals,
                    Crit::Seniority(min, max) => CriterionKind::SeniorityGap { min, max },
                    Crit::Department(prefer) => CriterionKind::Department { prefer },
                    Crit::TimeZone => CriterionKind::TimeZone,
                    Crit::Language => CriterionKind::Language,
                    // An index past the template's questions is a template bug; the unit
                    // tests below catch it, and dropping it keeps the program valid.
                    Crit::Field(i, prefer) => CriterionKind::Field {
                        field: field_ids.get(i)?.clone(),
                        prefer,
                    },
                };
                Some(Criterion { kind, weight })
            })
            .collect(),
        rules: t.rules.clone(),
        group_size: t.group_size,
        top_n: 3,
    };
    p
}

/// One sentence describing a purpose's template, for the purpose picker.
pub fn template_summary(purpose: Purpose) -> &'static str {
    match purpose {
        Purpose::Onboarding => {
            "Pair each new hire with an experienced colleague nearby for their first six \
             months, to settle in faster and stay longer."
        }
        Purpose::LeadershipDevelopment => {
            "A year of cross-department mentoring from senior leaders for people stepping \
             up to lead."
        }
        Purpose::HighPotential => {
            "Nine months of mentoring and sponsorship from senior leaders to accelerate \
             high-potential employees."
        }
        Purpose::DiversityInclusion => {
            "Mentoring and sponsorship across departments for people from under-represented \
             groups, with sensitive data kept private."
        }
        Purpose::EmployeeResourceGroup => {
            "A year of one-to-one and group-circle mentoring run by an employee resource \
             group for its members and allies."
        }
        Purpose::InternsNewGraduates => {
            "A 13-week buddy and mentor for each intern or new graduate, aimed at a great \
             experience and return offers."
        }
        Purpose::NewManager => {
            "Six months with an experienced manager from another department for people in \
             their first management role."
        }
        Purpose::ReverseMentoring => {
            "Junior colleagues mentor senior leaders on new technology and fresh \
             perspectives for six months."
        }
        Purpose::TechnicalSkills => {
            "Six months of one-to-one mentoring matched mainly on the technical skills \
             mentees want and mentors offer."
        }
        Purpose::KnowledgeSharing => {
            "Four months of small group circles that spread know-how across teams and \
             departments."
        }
        Purpose::Custom => {
            "A blank six-month one-to-one program with default matching, to shape as you \
             need."
        }
    }
}

/// How long a program of this purpose usually runs, in days (its end date is the start
/// plus this).
pub fn typical_duration_days(purpose: Purpose) -> u32 {
    template(purpose).duration_days
}

/// A template's profile question kind (static, so templates can be tables).
#[derive(Clone, Copy)]
enum Q {
    Single(&'static [&'static str]),
    Multi(&'static [&'static str]),
    Scale(i32, i32),
    Number,
    Text,
}

impl Q {
    fn to_kind(self) -> FieldKind {
        let options = |list: &[&str]| list.iter().map(|o| (*o).to_owned()).collect();
        match self {
            Q::Single(list) => FieldKind::SingleChoice {
                options: options(list),
            },
            Q::Multi(list) => FieldKind::MultipleChoice {
                options: options(list),
            },
            Q::Scale(min, max) => FieldKind::Scale { min, max },
            Q::Number => FieldKind::Number,
            Q::Text => FieldKind::ShortText,
        }
    }
}

struct FieldSpec {
    label: &'static str,
    kind: Q,
    sensitive: bool,
    use_for_matching: bool,
    asked_of: AskedOf,
}

const fn field(label: &'static str, kind: Q, use_for_matching: bool) -> FieldSpec {
    FieldSpec {
        label,
        kind,
        sensitive: false,
        use_for_matching,
        asked_of: AskedOf::Everyone,
    }
}

const fn mentee_field(label: &'static str, kind: Q) -> FieldSpec {
    FieldSpec {
        label,
        kind,
        sensitive: false,
        use_for_matching: false,
        asked_of: AskedOf::Mentees,
    }
}

/// Sensitive questions are optional, never shown in shared views, and off for matching
/// until the coordinator deliberately turns them on.
const fn sensitive_field(label: &'static str, kind: Q) -> FieldSpec {
    FieldSpec {
        label,
        kind,
        sensitive: true,
        use_for_matching: false,
        asked_of: AskedOf::Everyone,
    }
}

const MEETING_FORMAT: FieldSpec = field(
    "Preferred meeting format",
    Q::Single(&["Video call", "In person", "No preference"]),
    true,
);

/// A goal as written in the template and demo tables.
pub(crate) struct GoalSpec {
    pub(crate) title: &'static str,
    pub(crate) metric: &'static str,
    pub(crate) comparison: Comparison,
    pub(crate) target: f64,
    pub(crate) unit: MetricUnit,
    pub(crate) baseline: Option<f64>,
}

/// Adds goals from a table, with fresh ids.
pub(crate) fn add_goals(p: &mut Program, specs: &[GoalSpec]) {
    for g in specs {
        let id = GoalId(p.next_id(IdKind::Goal));
        p.goals.push(Goal {
            id,
            title: g.title.to_owned(),
            metric: g.metric.to_owned(),
            comparison: g.comparison,
            target: g.target,
            unit: g.unit,
            baseline: g.baseline,
        });
    }
}

const fn goal(
    title: &'static str,
    metric: &'static str,
    comparison: Comparison,
    target: f64,
    unit: MetricUnit,
) -> GoalSpec {
    GoalSpec {
        title,
        metric,
        comparison,
        target,
        unit,
        baseline: None,
    }
}

const fn match_rate(target: f64) -> GoalSpec {
    goal(
        "Match everyone who signs up",
        "Mentees matched to a mentor",
        Comparison::AtLeast,
        target,
        MetricUnit::Percent,
    )
}

const fn sentiment(target: f64) -> GoalSpec {
    goal(
        "Relationships feel worthwhile",
        "Average pulse-survey sentiment (1-5)",
        Comparison::AtLeast,
        target,
        MetricUnit::Points,
    )
}

use Comparison::{AtLeast, DecreaseBy, IncreaseBy};
use MetricUnit::{Count, Percent, Points};

/// A matching criterion of a template; `Field` names a question by its index in the
/// template's `fields`.
#[derive(Clone, Copy)]
enum Crit {
    Skills,
    Goals,
    Seniority(i8, i8),
    Department(Preference),
    TimeZone,
    Language,
    Field(usize, Preference),
}

use Preference::{Different, Overlap, Same};

struct Template {
    description: &'static str,
    format: ProgramFormat,
    duration_days: u32,
    goals: &'static [GoalSpec],
    milestones: &'static [(&'static str, u32)],
    fields: &'static [FieldSpec],
    skills: &'static [(&'static str, &'static str)],
    algorithm: Algorithm,
    criteria: &'static [(Crit, u8)],
    rules: Rules,
    group_size: u8,
}

const SIX_MONTH_MILESTONES: &[(&str, u32)] = &[
    ("Mentoring agreement signed", 7),
    ("First meeting", 14),
    ("First pulse survey", 30),
    ("Mid-cycle check-in", 90),
    ("Closure and retrospective", 180),
];

fn template(purpose: Purpose) -> &'static Template {
    match purpose {
        Purpose::Onboarding => &ONBOARDING,
        Purpose::LeadershipDevelopment => &LEADERSHIP_DEVELOPMENT,
        Purpose::HighPotential => &HIGH_POTENTIAL,
        Purpose::DiversityInclusion => &DIVERSITY_INCLUSION,
        Purpose::EmployeeResourceGroup => &EMPLOYEE_RESOURCE_GROUP,
        Purpose::InternsNewGraduates => &INTERNS_NEW_GRADUATES,
        Purpose::NewManager => &NEW_MANAGER,
        Purpose::ReverseMentoring => &REVERSE_MENTORING,
        Purpose::TechnicalSkills => &TECHNICAL_SKILLS,
        Purpose::KnowledgeSharing => &KNOWLEDGE_SHARING,
        Purpose::Custom => &CUSTOM,
    }
}

/// Rules most templates share: never pair people of the same team or manager, never repeat
/// a pair, one mentor per mentee.
const fn rules(exclude_same_department: bool, max_time_zone_hours: Option<u8>) -> Rules {
    Rules {
        exclude_same_team: true,
        exclude_same_manager: true,
        exclude_same_department,
        max_time_zone_hours,
        min_score: 0,
        no_repeat_pairs: true,
        mentee_max_mentors: 1,
        forbidden_pairs: Vec::new(),
    }
}

static ONBOARDING: Template = Template {
    description: "Every new hire is paired with an experienced colleague outside their \
        team for their first six months: someone to ask the questions they would not \
        ask their manager, who knows how things really get done here. Mentors are \
        matched close in time zone and language, ideally in the same department.",
    format: ProgramFormat::OneToOne,
    duration_days: 180,
    goals: &[
        goal(
            "Keep the people we hire",
            "New-hire 12-month retention",
            AtLeast,
            90.0,
            Percent,
        ),
        GoalSpec {
            baseline: Some(100.0),
            ..goal(
                "Get new hires productive sooner",
                "Time to productivity, as % of today's average",
                DecreaseBy,
                20.0,
                Percent,
            )
        },
        goal(
            "Nobody waits for a mentor",
            "New hires matched within their first two weeks",
            AtLeast,
            95.0,
            Percent,
        ),
        sentiment(4.0),
    ],
    milestones: &[
        ("Welcome meeting", 3),
        ("Onboarding plan agreed", 7),
        ("30-day check-in", 30),
        ("90-day check-in", 90),
        ("Closure and retrospective", 180),
    ],
    fields: &[
        MEETING_FORMAT,
        field(
            "Where do you mostly work?",
            Q::Single(&["Office", "Hybrid", "Remote"]),
            true,
        ),
        field(
            "What would help most in your first months?",
            Q::Multi(&[
                "Tools and processes",
                "Meeting the right people",
                "Company culture",
                "Technical onboarding",
                "Career paths here",
            ]),
            true,
        ),
        mentee_field("How settled do you feel so far? (1-5)", Q::Scale(1, 5)),
        field("Years of experience before joining", Q::Number, false),
    ],
    skills: &[
        ("Internal tools", "Company knowledge"),
        ("Processes and ways of working", "Company knowledge"),
        ("Product knowledge", "Company knowledge"),
        ("Navigating the organisation", "Company knowledge"),
        ("Customer understanding", "Company knowledge"),
        ("Remote collaboration", "Working well"),
        ("Time management", "Working well"),
        ("Building relationships", "Working well"),
    ],
    algorithm: Algorithm::Optimal,
    criteria: &[
        (Crit::Skills, 5),
        (Crit::Goals, 3),
        (Crit::Seniority(1, 4), 3),
        (Crit::Department(Same), 5),
        (Crit::TimeZone, 7),
        (Crit::Language, 6),
        (Crit::Field(1, Same), 4),
        (Crit::Field(2, Overlap), 3),
    ],
    rules: rules(false, Some(4)),
    group_size: 4,
};

static LEADERSHIP_DEVELOPMENT: Template = Template {
    description: "A year-long program pairing people stepping up to lead with a \
        senior leader from another department. Pairs agree a leadership development \
        plan, work through real situations the mentee faces, and review progress at \
        mid-year.",
    format: ProgramFormat::OneToOne,
    duration_days: 365,
    goals: &[
        goal(
            "Promote from within",
            "Mentees promoted within 18 months",
            IncreaseBy,
            15.0,
            Percent,
        ),
        goal(
            "Fill leadership roles internally",
            "Leadership roles filled by internal candidates",
            AtLeast,
            60.0,
            Percent,
        ),
        goal(
            "Keep future leaders",
            "12-month retention of mentees",
            AtLeast,
            95.0,
            Percent,
        ),
        sentiment(4.0),
    ],
    milestones: &[
        ("Mentoring agreement signed", 14),
        ("First meeting", 21),
        ("Leadership development plan agreed", 45),
        ("Mid-year review", 180),
        ("Closure and retrospective", 365),
    ],
    fields: &[
        MEETING_FORMAT,
        field(
            "Leadership areas to develop",
            Q::Multi(&[
                "Strategic thinking",
                "Leading through change",
                "Coaching others",
                "Executive presence",
                "Decision making",
                "Building teams",
            ]),
            true,
        ),
        field(
            "People-management experience",
            Q::Single(&[
                "None yet",
                "Lead without direct reports",
                "1-5 direct reports",
                "6 or more direct reports",
            ]),
            false,
        ),
        field("Years in a leadership role", Q::Number, false),
        mentee_field("Readiness for the next step (1-5)", Q::Scale(1, 5)),
    ],
    skills: &[
        ("Strategic thinking", "Leadership"),
        ("Leading change", "Leadership"),
        ("Coaching", "Leadership"),
        ("Executive presence", "Leadership"),
        ("Decision making", "Leadership"),
        ("Building teams", "Leadership"),
        ("Influencing without authority", "Influence"),
        ("Managing conflict", "Influence"),
        ("Stakeholder management", "Influence"),
        ("Financial acumen", "Business"),
        ("Prioritisation", "Business"),
    ],
    algorithm: Algorithm::Optimal,
    criteria: &[
        (Crit::Skills, 8),
        (Crit::Goals, 6),
        (Crit::Seniority(2, 5), 6),
        (Crit::Department(Different), 5),
        (Crit::TimeZone, 3),
        (Crit::Language, 5),
        (Crit::Field(1, Overlap), 5),
    ],
    rules: rules(true, None),
    group_size: 4,
};

static HIGH_POTENTIAL: Template = Template {
    description: "Nine months of mentoring and sponsorship for employees identified \
        as high-potential. Each is paired with a senior leader outside their \
        department who helps them find a stretch assignment, gain visibility and \
        plan their next move.",
    format: ProgramFormat::OneToOne,
    duration_days: 270,
    goals: &[
        goal(
            "Accelerate careers",
            "Participants promoted within 12 months",
            AtLeast,
            40.0,
            Percent,
        ),
        goal(
            "Keep top talent",
            "12-month retention of participants",
            AtLeast,
            95.0,
            Percent,
        ),
        goal(
            "Stretch every participant",
            "Participants given a stretch assignment",
            AtLeast,
            75.0,
            Percent,
        ),
        sentiment(4.2),
    ],
    milestones: &[
        ("Mentoring agreement signed", 7),
        ("First meeting", 14),
        ("Stretch assignment agreed", 45),
        ("Mid-point review", 135),
        ("Closure and career conversation", 270),
    ],
    fields: &[
        MEETING_FORMAT,
        field(
            "Career aspiration in two to three years",
            Q::Single(&[
                "People leadership",
                "Senior individual contributor",
                "General management",
                "Not sure yet",
            ]),
            true,
        ),
        field(
            "Areas you want exposure to",
            Q::Multi(&[
                "Strategy",
                "Finance",
                "Customers and sales",
                "Operations",
                "Product",
                "International markets",
            ]),
            true,
        ),
        mentee_field("Readiness for a bigger role (1-5)", Q::Scale(1, 5)),
    ],
    skills: &[
        ("Strategic thinking", "Leadership"),
        ("Executive presence", "Leadership"),
        ("Cross-functional leadership", "Leadership"),
        ("Managing up", "Leadership"),
        ("Business acumen", "Business"),
        ("Negotiation", "Business"),
        ("Data-driven decisions", "Business"),
        ("Public speaking", "Communication"),
        ("Storytelling", "Communication"),
    ],
    algorithm: Algorithm::Optimal,
    criteria: &[
        (Crit::Skills, 7),
        (Crit::Goals, 7),
        (Crit::Seniority(3, 6), 7),
        (Crit::Department(Different), 6),
        (Crit::TimeZone, 3),
        (Crit::Language, 5),
        (Crit::Field(1, Same), 5),
        (Crit::Field(2, Overlap), 4),
    ],
    rules: rules(true, None),
    group_size: 4,
};

static DIVERSITY_INCLUSION: Template = Template {
    description: "Mentoring and sponsorship for people from under-represented \
        groups, with mentors from other departments who can open doors and \
        advocate for them. Identity questions are optional, marked sensitive and \
        only ever reported in aggregate.",
    format: ProgramFormat::OneToOne,
    duration_days: 270,
    goals: &[
        goal(
            "Close the promotion gap",
            "Promotion rate of mentees",
            IncreaseBy,
            15.0,
            Percent,
        ),
        goal(
            "Keep diverse talent",
            "12-month retention of mentees",
            AtLeast,
            90.0,
            Percent,
        ),
        goal(
            "Strengthen belonging",
            "Mentees' belonging score (1-5)",
            IncreaseBy,
            0.5,
            Points,
        ),
        goal(
            "Build the leadership pipeline",
            "Mentees named in succession plans",
            AtLeast,
            30.0,
            Percent,
        ),
    ],
    milestones: &[
        ("Mentoring agreement signed", 7),
        ("First meeting", 14),
        ("First pulse survey", 30),
        ("Mid-cycle check-in", 120),
        ("Closure and retrospective", 270),
    ],
    fields: &[
        MEETING_FORMAT,
        field(
            "Topics you would like to discuss",
            Q::Multi(&[
                "Career navigation",
                "Sponsorship and visibility",
                "Building a network",
                "Handling bias",
                "Confidence",
                "Work-life balance",
            ]),
            true,
        ),
        mentee_field(
            "Would you like a mentor who shares part of your background?",
            Q::Single(&["Yes", "No preference"]),
        ),
        sensitive_field(
            "Gender (optional)",
            Q::Single(&[
                "Woman",
                "Man",
                "Non-binary",
                "Prefer to self-describe",
                "Prefer not to say",
            ]),
        ),
        sensitive_field("Ethnicity, in your own words (optional)", Q::Text),
        sensitive_field(
            "Do you identify as part of an under-represented group? (optional)",
            Q::Single(&["Yes", "No", "Prefer not to say"]),
        ),
    ],
    skills: &[
        ("Career planning", "Career"),
        ("Self-advocacy", "Career"),
        ("Networking", "Career"),
        ("Negotiation", "Career"),
        ("Public speaking", "Communication"),
        ("Executive presence", "Communication"),
        ("Leading teams", "Leadership"),
        ("Strategic thinking", "Leadership"),
    ],
    algorithm: Algorithm::Optimal,
    criteria: &[
        (Crit::Skills, 6),
        (Crit::Goals, 6),
        (Crit::Seniority(2, 5), 4),
        (Crit::Department(Different), 7),
        (Crit::TimeZone, 3),
        (Crit::Language, 5),
        (Crit::Field(1, Overlap), 5),
    ],
    rules: rules(true, None),
    group_size: 4,
};

static EMPLOYEE_RESOURCE_GROUP: Template = Template {
    description: "A year of mentoring run by an employee resource group, for its \
        members and allies: one-to-one pairs for those who want them, small circles \
        for those who prefer a group. Membership can be sensitive, so that question \
        is marked sensitive.",
    format: ProgramFormat::Both,
    duration_days: 365,
    goals: &[
        match_rate(80.0),
        goal(
            "Grow the community",
            "ERG members taking part",
            AtLeast,
            50.0,
            Percent,
        ),
        goal(
            "Members feel they belong",
            "Belonging score of participants (1-5)",
            AtLeast,
            4.0,
            Points,
        ),
        goal(
            "Circles keep meeting",
            "Circle sessions held per month",
            AtLeast,
            1.0,
            Count,
        ),
    ],
    milestones: &[
        ("Kick-off event", 7),
        ("First meeting", 14),
        ("Quarterly check-in", 90),
        ("Mid-year review", 180),
        ("Closure and celebration", 365),
    ],
    fields: &[
        MEETING_FORMAT,
        field(
            "How would you like to take part?",
            Q::Single(&["One-to-one mentoring", "Group circle", "Either"]),
            true,
        ),
        field(
            "Topics you would like to discuss",
            Q::Multi(&[
                "Career growth",
                "Visibility and sponsorship",
                "Networking",
                "Allyship",
                "Wellbeing",
                "Community leadership",
            ]),
            true,
        ),
        sensitive_field(
            "Are you taking part as a member or as an ally? (optional)",
            Q::Single(&["Member", "Ally", "Prefer not to say"]),
        ),
    ],
    skills: &[
        ("Career planning", "Career"),
        ("Networking", "Career"),
        ("Self-advocacy", "Career"),
        ("Allyship", "Community"),
        ("Community building", "Community"),
        ("Event organising", "Community"),
        ("Public speaking", "Communication"),
        ("Leading volunteers", "Leadership"),
    ],
    algorithm: Algorithm::Optimal,
    criteria: &[
        (Crit::Skills, 4),
        (Crit::Goals, 6),
        (Crit::Seniority(1, 5), 3),
        (Crit::Department(Different), 5),
        (Crit::TimeZone, 4),
        (Crit::Language, 5),
        (Crit::Field(1, Same), 4),
        (Crit::Field(2, Overlap), 6),
    ],
    rules: rules(false, None),
    group_size: 5,
};

static INTERNS_NEW_GRADUATES: Template = Template {
    description: "Each intern or new graduate gets a mentor for their first 13 \
        weeks: someone in the same department, close in time zone, who helps them \
        settle in, agree learning goals and prepare their final presentation.",
    format: ProgramFormat::OneToOne,
    duration_days: 91,
    goals: &[
        goal(
            "Convert interns",
            "Interns receiving a return offer",
            AtLeast,
            60.0,
            Percent,
        ),
        goal(
            "Offers are accepted",
            "Return offers accepted",
            AtLeast,
            70.0,
            Percent,
        ),
        goal(
            "A great first experience",
            "Intern experience rating (1-5)",
            AtLeast,
            4.3,
            Points,
        ),
        goal(
            "Matched from day one",
            "Interns matched before their first day",
            AtLeast,
            100.0,
            Percent,
        ),
    ],
    milestones: &[
        ("Welcome meeting", 2),
        ("Learning goals agreed", 7),
        ("Mid-point review", 42),
        ("Final presentation rehearsal", 77),
        ("Closure and feedback", 91),
    ],
    fields: &[
        MEETING_FORMAT,
        field(
            "Field of study",
            Q::Single(&[
                "Computer science",
                "Engineering",
                "Business",
                "Design",
                "Data science",
                "Other",
            ]),
            true,
        ),
        mentee_field("Graduation year", Q::Number),
        mentee_field("What do you want to get out of this?", Q::Text),
    ],
    skills: &[
        ("Programming fundamentals", "Technical"),
        ("Version control (Git)", "Technical"),
        ("Data analysis", "Technical"),
        ("Writing documentation", "Technical"),
        ("Working in a team", "Professional"),
        ("Presenting your work", "Professional"),
        ("Time management", "Professional"),
        ("Giving and receiving feedback", "Professional"),
    ],
    algorithm: Algorithm::Optimal,
    criteria: &[
        (Crit::Skills, 6),
        (Crit::Goals, 4),
        (Crit::Seniority(2, 5), 4),
        (Crit::Department(Same), 6),
        (Crit::TimeZone, 6),
        (Crit::Language, 6),
        (Crit::Field(1, Same), 3),
    ],
    rules: rules(false, Some(3)),
    group_size: 4,
};

static NEW_MANAGER: Template = Template {
    description: "People in their first management role are paired with an \
        experienced manager from another department: a safe place, outside their \
        reporting line, to work through delegation, feedback and difficult \
        conversations during their first six months.",
    format: ProgramFormat::OneToOne,
    duration_days: 180,
    goals: &[
        goal(
            "Keep new managers",
            "12-month retention of new managers",
            AtLeast,
            90.0,
            Percent,
        ),
        goal(
            "Keep their teams",
            "Attrition of new managers' direct reports",
            DecreaseBy,
            15.0,
            Percent,
        ),
        goal(
            "Engaged teams",
            "Team engagement score of new managers",
            IncreaseBy,
            10.0,
            Percent,
        ),
        sentiment(4.0),
    ],
    milestones: &[
        ("Mentoring agreement signed", 7),
        ("First meeting", 14),
        ("First one-to-ones with the team reviewed", 30),
        ("90-day review", 90),
        ("Closure and retrospective", 180),
    ],
    fields: &[
        MEETING_FORMAT,
        field(
            "Biggest challenges right now",
            Q::Multi(&[
                "Delegating",
                "Giving feedback",
                "Difficult conversations",
                "Hiring",
                "Prioritisation",
                "Managing former peers",
                "Managing up",
            ]),
            true,
        ),
        field("Number of direct reports", Q::Number, false),
        mentee_field("Confidence as a manager (1-5)", Q::Scale(1, 5)),
    ],
    skills: &[
        ("Delegation", "Managing people"),
        ("Giving feedback", "Managing people"),
        ("Difficult conversations", "Managing people"),
        ("Coaching", "Managing people"),
        ("Performance reviews", "Managing people"),
        ("Hiring and interviewing", "Building a team"),
        ("Onboarding new team members", "Building a team"),
        ("Prioritisation", "Running a team"),
        ("Managing up", "Running a team"),
    ],
    algorithm: Algorithm::Optimal,
    criteria: &[
        (Crit::Skills, 8),
        (Crit::Goals, 5),
        (Crit::Seniority(1, 4), 5),
        (Crit::Department(Different), 6),
        (Crit::TimeZone, 3),
        (Crit::Language, 5),
        (Crit::Field(1, Overlap), 6),
    ],
    rules: rules(true, None),
    group_size: 4,
};

static REVERSE_MENTORING: Template = Template {
    description: "Junior colleagues mentor senior leaders: on new tools and \
        technology, on how customers and early-career staff see the company, and on \
        inclusion. In this program the mentor is the junior person, so matching \
        prefers mentors two to eight levels below their mentee, outside their \
        reporting line.",
    format: ProgramFormat::OneToOne,
    duration_days: 180,
    goals: &[
        goal(
            "Leaders fluent in new tools",
            "Senior mentees using a new tool every week",
            AtLeast,
            75.0,
            Percent,
        ),
        goal(
            "Junior voices reach leadership",
            "Ideas from mentors adopted by leadership",
            AtLeast,
            5.0,
            Count,
        ),
        goal(
            "Keep the junior mentors",
            "12-month retention of junior mentors",
            AtLeast,
            90.0,
            Percent,
        ),
        sentiment(4.0),
    ],
    milestones: &[
        ("Mentoring agreement signed", 7),
        ("First meeting", 14),
        ("First hands-on session", 30),
        ("Mid-cycle check-in", 90),
        ("Closure and retrospective", 180),
    ],
    fields: &[
        MEETING_FORMAT,
        field(
            "Topics",
            Q::Multi(&[
                "AI tools",
                "Social media",
                "Collaboration tools",
                "Early-career perspectives",
                "Inclusion",
                "Remote and hybrid work",
            ]),
            true,
        ),
        mentee_field("Comfort with new technology (1-5)", Q::Scale(1, 5)),
        field("Years at the company", Q::Number, false),
    ],
    skills: &[
        ("Generative AI tools", "Digital"),
        ("Social media", "Digital"),
        ("Collaboration tools", "Digital"),
        ("Data literacy", "Digital"),
        ("Early-career experience", "Perspectives"),
        ("Inclusive language", "Perspectives"),
        ("Remote and hybrid work", "Perspectives"),
        ("Customer trends", "Perspectives"),
    ],
    algorithm: Algorithm::Optimal,
    criteria: &[
        (Crit::Skills, 8),
        (Crit::Goals, 4),
        // Mentor minus mentee: negative, because the mentor is the junior one.
        (Crit::Seniority(-8, -2), 7),
        (Crit::Department(Different), 6),
        (Crit::TimeZone, 3),
        (Crit::Language, 5),
        (Crit::Field(1, Overlap), 6),
    ],
    rules: rules(true, None),
    group_size: 4,
};

static TECHNICAL_SKILLS: Template = Template {
    description: "Six months of one-to-one mentoring to build specific technical \
        skills. Mentees say which skills they want and to what level; mentors say \
        what they can teach; matching weighs that above everything else.",
    format: ProgramFormat::OneToOne,
    duration_days: 180,
    goals: &[
        match_rate(80.0),
        goal(
            "Grow real skills",
            "Mentees reaching their target skill level",
            AtLeast,
            70.0,
            Percent,
        ),
        goal(
            "Share what was learnt",
            "Internal talks, guides or certifications by mentees",
            AtLeast,
            10.0,
            Count,
        ),
        sentiment(4.0),
    ],
    milestones: SIX_MONTH_MILESTONES,
    fields: &[
        MEETING_FORMAT,
        field(
            "How do you like to learn?",
            Q::Multi(&[
                "Pair programming",
                "Code review",
                "Reading and discussion",
                "Project-based",
            ]),
            true,
        ),
        field("Years in industry", Q::Number, false),
        mentee_field(
            "Confidence in the skill you want to grow (1-5)",
            Q::Scale(1, 5),
        ),
    ],
    skills: &[
        ("Python", "Languages"),
        ("Java", "Languages"),
        ("JavaScript / TypeScript", "Languages"),
        ("Go", "Languages"),
        ("System design", "Architecture"),
        ("API design", "Architecture"),
        ("Distributed systems", "Architecture"),
        ("Databases and SQL", "Architecture"),
        ("Testing", "Practice"),
        ("Code review", "Practice"),
        ("Debugging", "Practice"),
        ("Performance", "Practice"),
        ("Cloud platforms", "Operations"),
        ("CI/CD", "Operations"),
        ("Observability", "Operations"),
        ("Security", "Operations"),
    ],
    algorithm: Algorithm::Optimal,
    criteria: &[
        (Crit::Skills, 9),
        (Crit::Goals, 4),
        (Crit::Seniority(1, 4), 4),
        (Crit::Department(Different), 2),
        (Crit::TimeZone, 5),
        (Crit::Language, 6),
        (Crit::Field(1, Overlap), 3),
    ],
    rules: rules(false, None),
    group_size: 4,
};

static KNOWLEDGE_SHARING: Template = Template {
    description: "Small circles of one mentor and four or five colleagues from \
        different teams meet every two weeks for four months to share know-how, \
        then show what they learnt at a closing showcase.",
    format: ProgramFormat::Group,
    duration_days: 120,
    goals: &[
        goal(
            "Connect teams",
            "Participants with a new contact in another department",
            AtLeast,
            80.0,
            Percent,
        ),
        goal(
            "Circles keep meeting",
            "Circles meeting at least monthly",
            AtLeast,
            75.0,
            Percent,
        ),
        goal(
            "Knowledge is written down",
            "Guides or talks produced by circles",
            AtLeast,
            10.0,
            Count,
        ),
        sentiment(4.0),
    ],
    milestones: &[
        ("Circle kick-off", 7),
        ("First session", 14),
        ("Mid-point share-out", 60),
        ("Closing showcase", 120),
    ],
    fields: &[
        MEETING_FORMAT,
        field(
            "Session style you prefer",
            Q::Single(&["Talk and discussion", "Hands-on workshop", "Reading circle"]),
            true,
        ),
        field("Years at the company", Q::Number, false),
    ],
    skills: &[
        ("Product knowledge", "Domain"),
        ("Customer insight", "Domain"),
        ("Industry regulation", "Domain"),
        ("Data literacy", "Tools"),
        ("Automation", "Tools"),
        ("Process improvement", "Ways of working"),
        ("Facilitation", "Ways of working"),
        ("Writing", "Ways of working"),
    ],
    algorithm: Algorithm::Groups,
    criteria: &[
        (Crit::Skills, 7),
        (Crit::Goals, 3),
        (Crit::Seniority(0, 6), 2),
        (Crit::Department(Different), 7),
        (Crit::TimeZone, 5),
        (Crit::Language, 6),
        (Crit::Field(1, Same), 3),
    ],
    rules: rules(false, None),
    group_size: 5,
};

static CUSTOM: Template = Template {
    description: "",
    format: ProgramFormat::OneToOne,
    duration_days: 180,
    goals: &[match_rate(70.0), sentiment(4.0)],
    milestones: &[
        ("Mentoring agreement signed", 7),
        ("First meeting", 14),
        ("Mid-cycle check-in", 90),
        ("Closure and retrospective", 180),
    ],
    fields: &[MEETING_FORMAT],
    skills: &[],
    algorithm: Algorithm::Optimal,
    // The same as `MatchingConfig::default()` (a unit test keeps them equal).
    criteria: &[
        (Crit::Skills, 8),
        (Crit::Goals, 5),
        (Crit::Seniority(1, 4), 4),
        (Crit::Department(Different), 3),
        (Crit::TimeZone, 4),
        (Crit::Language, 6),
    ],
    rules: rules(false, None),
    group_size: 4,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_criterion_refers_to_one_of_its_questions() {
        for purpose in Purpose::ALL {
            let t = template(purpose);
            for (c, _) in t.criteria {
                if let Crit::Field(i, _) = c {
                    assert!(*i < t.fields.len(), "{purpose:?}: field {i}");
                    assert!(t.fields[*i].use_for_matching, "{purpose:?}: field {i}");
                }
            }
            let p = new_from_template(purpose, ProgramId::from("t"), "T", None);
            assert_eq!(p.matching.criteria.len(), t.criteria.len(), "{purpose:?}");
        }
    }

    #[test]
    fn the_custom_template_matches_with_the_default_configuration() {
        let p = new_from_template(Purpose::Custom, ProgramId::from("t"), "T", None);
        assert_eq!(p.matching, MatchingConfig::default());
    }
}
