//! Seeded synthetic programs for benchmarks and tests: departments, teams and managers,
//! 60 skills in 10 clusters, seniority, time zones, languages, goals, capacities 1-3, about
//! 1 % pinned pairs and short preference lists. The same seed always gives the same program.

use crate::core::model::{
    Match, Person, PersonId, Program, ProgramId, Role, Skill, SkillId, SkillLevel,
};

/// A small, fast, seeded pseudo-random generator (SplitMix64); not for secrets.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 if `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        ((self.next_u64() >> 11) % n as u64) as usize
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }
}

const ZONES: [&str; 12] = [
    "America/Los_Angeles",
    "America/Denver",
    "America/Chicago",
    "America/New_York",
    "America/Sao_Paulo",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Helsinki",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Australia/Sydney",
];
const LANGUAGES: [&str; 8] = [
    "English",
    "Spanish",
    "German",
    "French",
    "Portuguese",
    "Hindi",
    "Japanese",
    "Mandarin",
];
const GOALS: [&str; 15] = [
    "Career growth",
    "Leadership",
    "Technical depth",
    "Public speaking",
    "Networking",
    "Work-life balance",
    "Promotion",
    "Managing people",
    "Strategy",
    "Product sense",
    "Confidence",
    "Negotiation",
    "Writing",
    "Cross-team influence",
    "Career change",
];

/// A synthetic program with `mentees` mentees and `mentors` mentors.
pub fn program(mentees: usize, mentors: usize, seed: u64) -> Program {
    let mut rng = Rng::new(seed);
    let mut p = Program::new(ProgramId::from("synthetic"), "Synthetic");
    for c in 0..10 {
        for k in 0..6 {
            let n = c * 6 + k;
            p.skills.push(Skill {
                id: SkillId(format!("s{n}")),
                name: format!("Skill {n}"),
                cluster: format!("Cluster {c}"),
            });
        }
    }
    let departments = 12;
    let teams = (mentees + mentors).div_ceil(8).max(1);
    let total = mentees + mentors;
    let width = total.to_string().len();
    for k in 0..total {
        let is_mentor = k >= mentees;
        let id = PersonId(format!("p{k:0width$}"));
        let mut x = Person::new(
            id,
            format!("Person {k}"),
            if is_mentor {
                Role::Mentor
            } else {
                Role::Mentee
            },
        );
        x.email = format!("person{k}@example.com");
        let team = rng.below(teams);
        x.team = format!("Team {team}");
        x.department = format!("Department {}", team % departments);
        // Managers: one per team (a person outside the cohort) and sometimes a cohort mentor.
        x.manager = if rng.chance(5) && mentors > 0 {
            format!("person{}@example.com", mentees + rng.below(mentors))
        } else {
            format!("manager{team}@example.com")
        };
        x.seniority = Some(if is_mentor {
            4 + rng.below(7) as u8
        } else {
            1 + rng.below(6) as u8
        });
        // Regional clusters: most people near a home region.
        let region = team % ZONES.len();
        let zone = if rng.chance(80) {
            region
        } else {
            rng.below(ZONES.len())
        };
        x.time_zone = ZONES[zone].to_string();
        x.languages.push("English".into());
        if rng.chance(40) {
            x.languages
                .push(LANGUAGES[1 + rng.below(LANGUAGES.len() - 1)].into());
        }
        if rng.chance(5) {
            // A few people who do not speak English.
            x.languages.remove(0);
            if x.languages.is_empty() {
                x.languages
                    .push(LANGUAGES[1 + rng.below(LANGUAGES.len() - 1)].into());
            }
        }
        let cluster = rng.below(10);
        let count = 2 + rng.below(4);
        let mut skills: Vec<SkillLevel> = Vec::new();
        for _ in 0..count {
            let s = if rng.chance(70) {
                cluster * 6 + rng.below(6)
            } else {
                rng.below(60)
            };
            if skills.iter().any(|l| l.skill.0 == format!("s{s}")) {
                continue;
            }
            skills.push(SkillLevel {
                skill: SkillId(format!("s{s}")),
                level: if is_mentor {
                    2 + rng.below(4) as u8
                } else {
                    1 + rng.below(5) as u8
                },
            });
        }
        if is_mentor {
            x.skills_offered = skills;
            x.capacity = 1 + rng.below(3) as u16;
        } else {
            x.skills_wanted = skills;
            x.capacity = 0;
        }
        for _ in 0..1 + rng.below(3) {
            let g = GOALS[rng.below(GOALS.len())].to_string();
            if !x.goals.contains(&g) {
                x.goals.push(g);
            }
        }
        p.people.push(x);
    }
    // Preference lists: mentees rank 3-5 mentors, mentors rank a few mentees.
    for k in 0..total {
        let is_mentor = k >= mentees;
        let (others, base) = if is_mentor {
            (mentees, 0)
        } else {
            (mentors, mentees)
        };
        if others == 0 {
            continue;
        }
        let count = if is_mentor {
            rng.below(4)
        } else {
            3 + rng.below(3)
        };
        for _ in 0..count {
            let o = PersonId(format!("p{:0width$}", base + rng.below(others)));
            if !p.people[k].preferences.contains(&o) {
                p.people[k].preferences.push(o);
            }
        }
    }
    // About 1 % of mentees pinned to a mentor with room.
    let mut load = vec![0u16; mentors];
    if mentors > 0 {
        for k in 0..mentees {
            if !rng.chance(1) {
                continue;
            }
            let j = rng.below(mentors);
            if load[j] >= p.people[mentees + j].capacity {
                continue;
            }
            load[j] += 1;
            let id = p.new_match_id();
            let mut m = Match::proposed(
                id,
                p.people[mentees + j].id.clone(),
                p.people[k].id.clone(),
                None,
                p.cycle,
            );
            m.locked = true;
            p.matches.push(m);
        }
    }
    p
}
