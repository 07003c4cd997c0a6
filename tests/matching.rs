//! Property and behaviour tests of scoring and matching.
//!
//! Random instances come from a small seeded PRNG (`synthetic::Rng`), so every failure is
//! reproducible from the printed seed; brute force checks optimality and stability on
//! instances of up to 6 mentees x 4 mentors.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a panic is a failure.

// Brute force reads best with index loops over parallel arrays.
#![allow(clippy::needless_range_loop)]

use std::collections::{HashMap, HashSet};

use mentorkit::core::matching::scoring::{
    explain, score_all, Cohort, ExclusionReason, ExclusionRule,
};
use mentorkit::core::matching::{
    self, apply, run, run_with, stable, suggestions, synthetic, synthetic::Rng, Control,
    MatchError, Options, Proposal, UnmatchedReason, UnmatchedRole,
};
use mentorkit::core::model::*;

fn id(s: &str) -> PersonId {
    PersonId::from(s)
}

/// A random small program: `n` mentees (`e0`..), `m` mentors (`r0`..), random attributes,
/// criteria (sometimes a must-have), rules, forbidden pairs, pins and earlier cycles.
fn random_program(rng: &mut Rng, n: usize, m: usize, mentee_max: u8) -> Program {
    let mut p = Program::new(ProgramId::from("t"), "t");
    for k in 0..6 {
        p.skills.push(Skill {
            id: SkillId(format!("s{k}")),
            name: format!("Skill {k}"),
            cluster: format!("c{}", k / 3),
        });
    }
    p.profile_fields.push(ProfileField {
        id: FieldId::from("f1"),
        label: "Office".into(),
        kind: FieldKind::MultipleChoice {
            options: vec!["a".into(), "b".into(), "c".into()],
        },
        sensitive: false,
        use_for_matching: true,
        asked_of: AskedOf::Everyone,
    });
    let zones = [
        "Europe/Berlin",
        "America/New_York",
        "Asia/Tokyo",
        "",
        "UTC+1",
        "Europe/London",
    ];
    let langs = ["en", "de", "fr"];
    let goals = ["g1", "g2", "g3"];
    for k in 0..n + m {
        let mentor = k >= n;
        let name = if mentor {
            format!("r{}", k - n)
        } else {
            format!("e{k}")
        };
        let mut x = Person::new(
            id(&name),
            &name,
            if mentor { Role::Mentor } else { Role::Mentee },
        );
        x.team = ["t1", "t2", "t3", ""][rng.below(4)].into();
        x.department = ["d1", "d2", ""][rng.below(3)].into();
        x.manager = ["m1", "m2", "m3", "", "r0"][rng.below(5)].into();
        x.seniority = if rng.chance(85) {
            Some(1 + rng.below(8) as u8)
        } else {
            None
        };
        x.time_zone = zones[rng.below(zones.len())].into();
        for l in langs {
            if rng.chance(40) {
                x.languages.push(l.into());
            }
        }
        for g in goals {
            if rng.chance(40) {
                x.goals.push(g.into());
            }
        }
        for s in 0..6 {
            if rng.chance(30) {
                let lvl = SkillLevel {
                    skill: SkillId(format!("s{s}")),
                    level: 1 + rng.below(5) as u8,
                };
                if mentor {
                    x.skills_offered.push(lvl);
                } else {
                    x.skills_wanted.push(lvl);
                }
            }
        }
        if rng.chance(80) {
            let v: Vec<String> = ["a", "b", "c"]
                .iter()
                .filter(|_| rng.chance(50))
                .map(|s| s.to_string())
                .collect();
            x.answers.insert(FieldId::from("f1"), Answer::Many(v));
        }
        x.capacity = if mentor { rng.below(4) as u16 } else { 0 };
        p.people.push(x);
    }
    let kinds = [
        CriterionKind::Skills,
        CriterionKind::Goals,
        CriterionKind::SeniorityGap { min: 1, max: 3 },
        CriterionKind::Department {
            prefer: Preference::Different,
        },
        CriterionKind::TimeZone,
        CriterionKind::Language,
        CriterionKind::Field {
            field: FieldId::from("f1"),
            prefer: Preference::Overlap,
        },
    ];
    p.matching.criteria = kinds
        .iter()
        .map(|k| Criterion {
            kind: k.clone(),
            weight: if rng.chance(8) {
                10
            } else {
                rng.below(10) as u8
            },
        })
        .collect();
    let r = &mut p.matching.rules;
    r.exclude_same_team = rng.chance(50);
    r.exclude_same_manager = rng.chance(50);
    r.exclude_same_department = rng.chance(20);
    r.max_time_zone_hours = if rng.chance(30) { Some(6) } else { None };
    r.min_score = if rng.chance(30) {
        rng.below(50) as u8
    } else {
        0
    };
    r.mentee_max_mentors = mentee_max;
    for _ in 0..rng.below(3) {
        if n > 0 && m > 0 {
            r.forbidden_pairs.push(PairRef {
                mentor: id(&format!("r{}", rng.below(m))),
                mentee: id(&format!("e{}", rng.below(n))),
            });
        }
    }
    p.cycle = 2;
    // An earlier cycle's relationship and sometimes a pin in this cycle.
    if n > 0 && m > 0 && rng.chance(50) {
        let mid = p.new_match_id();
        let mut old = Match::proposed(
            mid,
            id(&format!("r{}", rng.below(m))),
            id(&format!("e{}", rng.below(n))),
            None,
            1,
        );
        old.status = MatchStatus::Completed;
        p.matches.push(old);
    }
    if n > 0 && m > 0 && rng.chance(40) {
        let mid = p.new_match_id();
        let mut pin = Match::proposed(
            mid,
            id(&format!("r{}", rng.below(m))),
            id(&format!("e{}", rng.below(n))),
            None,
            2,
        );
        pin.locked = true;
        p.matches.push(pin);
    }
    // A stale unlocked proposal that a run replaces.
    if n > 0 && m > 0 && rng.chance(40) {
        let mid = p.new_match_id();
        p.matches.push(Match::proposed(
            mid,
            id(&format!("r{}", rng.below(m))),
            id(&format!("e{}", rng.below(n))),
            Some(1),
            2,
        ));
    }
    for k in 0..n + m {
        let others: Vec<String> = if k >= n {
            (0..n).map(|i| format!("e{i}")).collect()
        } else {
            (0..m).map(|j| format!("r{j}")).collect()
        };
        for o in others {
            if rng.chance(40) {
                p.people[k].preferences.push(id(&o));
            }
        }
        // Shuffle a little.
        let len = p.people[k].preferences.len();
        if len > 1 {
            let a = rng.below(len);
            let b = rng.below(len);
            p.people[k].preferences.swap(a, b);
        }
    }
    p
}

/// What brute force needs: remaining capacities, places, and allowed open pairs' scores.
struct Instance {
    cohort: Cohort,
    cap: Vec<u32>,
    slots: Vec<u32>,
    /// score[i][j]: Some(score) if the pair may be newly proposed.
    score: Vec<Vec<Option<u8>>>,
}

fn instance(p: &Program) -> Instance {
    let (cohort, matrix) = score_all(p);
    let (n, m) = (cohort.mentee_count(), cohort.mentor_count());
    let mut cap: Vec<u32> = cohort
        .mentor_people
        .iter()
        .map(|&k| u32::from(p.people[k].capacity))
        .collect();
    let limit = u32::from(p.matching.rules.mentee_max_mentors.max(1));
    let mut slots = vec![limit; n];
    let mut kept = HashSet::new();
    for mt in p.current_matches() {
        if mt.locked || mt.status != MatchStatus::Proposed {
            if let (Some(i), Some(j)) = (
                cohort.mentee_index(&mt.mentee),
                cohort.mentor_index(&mt.mentor),
            ) {
                slots[i] = slots[i].saturating_sub(1);
                cap[j] = cap[j].saturating_sub(1);
                kept.insert((i, j));
            }
        }
    }
    let score = (0..n)
        .map(|i| {
            (0..m)
                .map(|j| {
                    if kept.contains(&(i, j)) || cap[j] == 0 || slots[i] == 0 {
                        None
                    } else {
                        matrix.score(i, j)
                    }
                })
                .collect()
        })
        .collect();
    Instance {
        cohort,
        cap,
        slots,
        score,
    }
}

/// A visitor of a set of (mentee, mentor) pairs.
type Visit<'a> = dyn FnMut(&[(usize, usize)]) + 'a;

/// Every feasible set of new pairs: calls `f(pairs)` for each.
fn for_each_assignment(inst: &Instance, f: &mut Visit) {
    fn go(
        inst: &Instance,
        i: usize,
        load: &mut Vec<u32>,
        pairs: &mut Vec<(usize, usize)>,
        f: &mut Visit,
    ) {
        if i == inst.slots.len() {
            f(pairs);
            return;
        }
        let m = inst.cap.len();
        // Subsets of mentors of size <= slots[i].
        let options: Vec<usize> = (0..m).filter(|&j| inst.score[i][j].is_some()).collect();
        let mut chosen = Vec::new();
        subsets(inst, i, &options, 0, &mut chosen, load, pairs, f);
    }
    #[allow(clippy::too_many_arguments)]
    fn subsets(
        inst: &Instance,
        i: usize,
        options: &[usize],
        from: usize,
        chosen: &mut Vec<usize>,
        load: &mut Vec<u32>,
        pairs: &mut Vec<(usize, usize)>,
        f: &mut Visit,
    ) {
        go(inst, i + 1, load, pairs, f);
        if chosen.len() as u32 >= inst.slots[i] {
            return;
        }
        for k in from..options.len() {
            let j = options[k];
            if load[j] >= inst.cap[j] {
                continue;
            }
            load[j] += 1;
            chosen.push(j);
            pairs.push((i, j));
            subsets(inst, i, options, k + 1, chosen, load, pairs, f);
            pairs.pop();
            chosen.pop();
            load[j] -= 1;
        }
    }
    let mut load = vec![0; inst.cap.len()];
    let mut pairs = Vec::new();
    go(inst, 0, &mut load, &mut pairs, f);
}

fn new_pairs(inst: &Instance, proposal: &Proposal) -> Vec<(usize, usize, u8)> {
    proposal
        .new_pairs()
        .map(|p| {
            (
                inst.cohort.mentee_index(&p.mentee).expect("mentee"),
                inst.cohort.mentor_index(&p.mentor).expect("mentor"),
                p.score,
            )
        })
        .collect()
}

/// Capacities, places, pins, forbidden pairs, rules: every proposal must respect them.
fn assert_feasible(p: &Program, inst: &Instance, proposal: &Proposal, seed: u64) {
    let pairs = new_pairs(inst, proposal);
    let mut load = vec![0u32; inst.cap.len()];
    let mut got = vec![0u32; inst.slots.len()];
    let mut seen = HashSet::new();
    for &(i, j, s) in &pairs {
        assert_eq!(inst.score[i][j], Some(s), "seed {seed}: pair not allowed");
        assert!(seen.insert((i, j)), "seed {seed}: duplicate pair");
        load[j] += 1;
        got[i] += 1;
    }
    for j in 0..load.len() {
        assert!(load[j] <= inst.cap[j], "seed {seed}: capacity exceeded");
    }
    for i in 0..got.len() {
        assert!(
            got[i] <= inst.slots[i],
            "seed {seed}: mentee limit exceeded"
        );
    }
    for f in &p.matching.rules.forbidden_pairs {
        assert!(
            !proposal
                .new_pairs()
                .any(|x| x.mentor == f.mentor && x.mentee == f.mentee),
            "seed {seed}: forbidden pair proposed"
        );
    }
    // Every kept (pinned) match is in the proposal, locked.
    for mt in p.current_matches() {
        if mt.locked {
            assert!(
                proposal
                    .pairs
                    .iter()
                    .any(|x| x.locked && x.mentor == mt.mentor && x.mentee == mt.mentee),
                "seed {seed}: pin lost"
            );
        }
    }
    let total: u64 = proposal.pairs.iter().map(|x| u64::from(x.score)).sum();
    assert_eq!(total, proposal.total_score);
}

#[test]
fn optimal_total_is_never_beaten_by_any_feasible_assignment() {
    for seed in 0..300u64 {
        let mut rng = Rng::new(seed);
        let (n, m) = (1 + rng.below(6), 1 + rng.below(4));
        let limit = if n <= 4 && rng.chance(30) { 2 } else { 1 };
        let p = random_program(&mut rng, n, m, limit);
        let inst = instance(&p);
        let proposal = run(&p, Algorithm::Optimal).expect("run");
        assert_feasible(&p, &inst, &proposal, seed);
        let got = new_pairs(&inst, &proposal);
        let got_total: u64 = got.iter().map(|x| u64::from(x.2)).sum();
        let mut best = (0u64, 0usize);
        for_each_assignment(&inst, &mut |pairs| {
            let t: u64 = pairs
                .iter()
                .map(|&(i, j)| u64::from(inst.score[i][j].unwrap_or(0)))
                .sum();
            best = best.max((t, pairs.len()));
        });
        assert_eq!(
            (got_total, got.len()),
            best,
            "seed {seed}: optimal (total, pairs) differs from brute force"
        );
        assert!(proposal.stats.proven_optimal, "seed {seed}");
        assert_eq!(proposal.stats.score_upper_bound, Some(got_total));
    }
}

#[test]
fn participation_matches_the_most_people_then_the_highest_total() {
    for seed in 1000..1300u64 {
        let mut rng = Rng::new(seed);
        let (n, m) = (1 + rng.below(6), 1 + rng.below(4));
        let limit = if n <= 4 && rng.chance(30) { 2 } else { 1 };
        let p = random_program(&mut rng, n, m, limit);
        let inst = instance(&p);
        let proposal = run(&p, Algorithm::Participation).expect("run");
        assert_feasible(&p, &inst, &proposal, seed);
        let got = new_pairs(&inst, &proposal);
        let got_total: u64 = got.iter().map(|x| u64::from(x.2)).sum();
        let mut best = (0usize, 0u64);
        for_each_assignment(&inst, &mut |pairs| {
            let t: u64 = pairs
                .iter()
                .map(|&(i, j)| u64::from(inst.score[i][j].unwrap_or(0)))
                .sum();
            best = best.max((pairs.len(), t));
        });
        assert_eq!((got.len(), got_total), best, "seed {seed}");
    }
}

/// The sparse solve with one candidate per mentee must still reach the optimum by adding
/// the pairs the dual check finds, round after round.
#[test]
fn sparse_candidates_are_completed_by_the_optimality_check() {
    let options = Options {
        candidates: 1,
        max_rounds: 100,
        dense_limit: 0,
        as_of: None,
    };
    for seed in 2000..2200u64 {
        let mut rng = Rng::new(seed);
        let (n, m) = (1 + rng.below(6), 1 + rng.below(4));
        let mut p = random_program(&mut rng, n, m, 1);
        // Candidates are at least `top_n`.
        p.matching.top_n = 1;
        let inst = instance(&p);
        let proposal =
            run_with(&p, Algorithm::Optimal, &options, &mut |_| Control::Continue).expect("run");
        assert_feasible(&p, &inst, &proposal, seed);
        let exact = run(&p, Algorithm::Optimal).expect("run");
        let a: u64 = proposal.new_pairs().map(|x| u64::from(x.score)).sum();
        let b: u64 = exact.new_pairs().map(|x| u64::from(x.score)).sum();
        assert_eq!(a, b, "seed {seed}");
        assert!(proposal.stats.proven_optimal, "seed {seed}");
    }
}

/// When the rounds run out, the reported upper bound must still bound the true optimum.
#[test]
fn stopping_early_reports_a_valid_upper_bound() {
    let options = Options {
        candidates: 1,
        max_rounds: 1,
        dense_limit: usize::MAX,
        as_of: None,
    };
    let mut gaps = 0;
    for seed in 3000..3300u64 {
        let mut rng = Rng::new(seed);
        let (n, m) = (2 + rng.below(5), 2 + rng.below(3));
        let mut p = random_program(&mut rng, n, m, 1);
        p.matching.top_n = 1;
        let proposal =
            run_with(&p, Algorithm::Optimal, &options, &mut |_| Control::Continue).expect("run");
        let exact = run(&p, Algorithm::Optimal).expect("run");
        let best: u64 = exact.new_pairs().map(|x| u64::from(x.score)).sum();
        let got: u64 = proposal.new_pairs().map(|x| u64::from(x.score)).sum();
        let ub = proposal.stats.score_upper_bound.expect("bound");
        assert!(
            got <= best && best <= ub,
            "seed {seed}: {got} <= {best} <= {ub}"
        );
        if !proposal.stats.proven_optimal {
            gaps += 1;
        } else {
            assert_eq!(got, best, "seed {seed}");
        }
    }
    assert!(gaps > 0, "the early stop was never exercised");
}

/// A stable matching: no mentee and mentor, acceptable to each other, who both prefer
/// each other to what they have; and mentee-optimal: no stable matching gives any mentee a
/// mentor they like better.
#[test]
fn stable_matching_has_no_blocking_pair_and_is_mentee_optimal() {
    for seed in 4000..4300u64 {
        let mut rng = Rng::new(seed);
        let (n, m) = (1 + rng.below(6), 1 + rng.below(4));
        let p = random_program(&mut rng, n, m, 1);
        let inst = instance(&p);
        let proposal = run(&p, Algorithm::Stable).expect("run");
        assert_feasible(&p, &inst, &proposal, seed);
        let lists = stable::preference_lists(&p, &Options::default());
        let rank = |i: usize, j: usize| -> Option<usize> {
            lists.mentee_lists[i].iter().position(|x| x.0 as usize == j)
        };
        let is_stable = |pairs: &[(usize, usize)]| -> bool {
            let mut partner = vec![None; n];
            let mut held: Vec<Vec<usize>> = vec![Vec::new(); m];
            for &(i, j) in pairs {
                partner[i] = Some(j);
                held[j].push(i);
            }
            for i in 0..inst.slots.len() {
                for &(j, s) in &lists.mentee_lists[i] {
                    let j = j as usize;
                    let better = match partner[i] {
                        None => true,
                        Some(cur) => rank(i, j) < rank(i, cur),
                    };
                    if !better {
                        continue;
                    }
                    let key = lists.mentor_key(j, i, s);
                    let mentor_wants = (held[j].len() as u32) < inst.cap[j]
                        || held[j].iter().any(|&h| {
                            let hs = inst.score[h][j].unwrap_or(0);
                            lists.mentor_key(j, h, hs) > key
                        });
                    if mentor_wants {
                        return false;
                    }
                }
            }
            true
        };
        let got: Vec<(usize, usize)> = new_pairs(&inst, &proposal)
            .iter()
            .map(|x| (x.0, x.1))
            .collect();
        for &(i, j) in &got {
            assert!(rank(i, j).is_some(), "seed {seed}: partner not on the list");
        }
        assert!(is_stable(&got), "seed {seed}: blocking pair");
        let mut partner = vec![None; inst.slots.len()];
        for &(i, j) in &got {
            partner[i] = Some(j);
        }
        for_each_assignment(&inst, &mut |pairs| {
            if pairs.iter().any(|&(i, j)| rank(i, j).is_none()) || !is_stable(pairs) {
                return;
            }
            for &(i, j) in pairs {
                let ours = partner[i].and_then(|c| rank(i, c));
                let theirs = rank(i, j);
                assert!(
                    ours.is_some() && ours <= theirs,
                    "seed {seed}: another stable matching is better for mentee {i}"
                );
            }
        });
    }
}

#[test]
fn every_algorithm_respects_capacities_pins_and_forbidden_pairs() {
    for seed in 5000..5200u64 {
        let mut rng = Rng::new(seed);
        let (n, m) = (rng.below(8), rng.below(5));
        let limit = 1 + rng.below(2) as u8;
        let p = random_program(&mut rng, n, m, limit);
        let inst = instance(&p);
        for algorithm in [
            Algorithm::Optimal,
            Algorithm::Participation,
            Algorithm::Stable,
            Algorithm::Groups,
        ] {
            let proposal = run(&p, algorithm).expect("run");
            assert_feasible(&p, &inst, &proposal, seed);
        }
    }
}

#[test]
fn runs_are_deterministic_and_independent_of_the_order_people_are_listed_in() {
    for seed in 6000..6060u64 {
        let mut rng = Rng::new(seed);
        let p = random_program(&mut rng, 6, 4, 1);
        let mut q = p.clone();
        q.people.reverse();
        for algorithm in Algorithm::ALL {
            let a = run(&p, algorithm).expect("run");
            let b = run(&p, algorithm).expect("run");
            let c = run(&q, algorithm).expect("run");
            assert_eq!(a, b, "seed {seed} {algorithm:?}");
            assert_eq!(
                a, c,
                "seed {seed} {algorithm:?}: depends on the people order"
            );
        }
    }
    let big = synthetic::program(300, 160, 7);
    let a = run(&big, Algorithm::Optimal).expect("run");
    let b = run(&big, Algorithm::Optimal).expect("run");
    assert_eq!(a, b);
}

#[test]
fn explanation_contributions_sum_to_the_score_and_match_the_matrix() {
    for seed in 7000..7100u64 {
        let mut rng = Rng::new(seed);
        let p = random_program(&mut rng, 5, 4, 1);
        let (cohort, matrix) = score_all(&p);
        for i in 0..cohort.mentee_count() {
            for j in 0..cohort.mentor_count() {
                let x = explain(&p, &cohort.mentee_ids[i], &cohort.mentor_ids[j]).expect("ids");
                let sum: u32 = x.contributions.iter().map(|c| u32::from(c.points)).sum();
                assert_eq!(sum, u32::from(x.raw_score), "seed {seed}");
                assert_eq!(x.raw_score, cohort.raw_score(i, j));
                assert_eq!(matrix.score(i, j), x.score, "seed {seed} ({i},{j})\n{x}");
                if let Some(code) = matrix.code(i, j) {
                    if let mentorkit::core::matching::scoring::PairCode::Excluded(rule) =
                        cohort.decode(code)
                    {
                        assert!(
                            x.excluded_by.iter().any(|r| r.rule() == rule),
                            "seed {seed}: matrix rule {rule:?} not in {:?}",
                            x.excluded_by
                        );
                    }
                }
                for c in &x.contributions {
                    assert!(c.points <= c.max_points, "seed {seed}: {x}");
                }
            }
        }
    }
}

/// The row scorer (column loops, tables, exact masks) and the single-pair scorer must
/// agree on every pair, including kinds with more than 64 distinct values (inexact masks).
#[test]
fn row_scores_equal_single_pair_scores() {
    for seed in 7500..7560u64 {
        let mut rng = Rng::new(seed);
        let mut p = random_program(&mut rng, 6, 5, 1);
        if seed % 2 == 0 {
            // Over 64 distinct goals and languages: masks become filters only.
            for (k, x) in p.people.iter_mut().enumerate() {
                for g in 0..40 {
                    if rng.chance(20) {
                        x.goals.push(format!("goal {}", (g * 7 + k) % 90));
                        x.languages.push(format!("lang {}", (g * 3 + k) % 80));
                    }
                }
            }
        }
        let (cohort, matrix) = score_all(&p);
        for i in 0..cohort.mentee_count() {
            for j in 0..cohort.mentor_count() {
                assert_eq!(
                    matrix.code(i, j),
                    Some(cohort.pair_code(i, j)),
                    "seed {seed} ({i},{j})"
                );
                let x = explain(&p, &cohort.mentee_ids[i], &cohort.mentor_ids[j]).expect("ids");
                assert_eq!(matrix.score(i, j), x.score, "seed {seed} ({i},{j})");
            }
        }
    }
}

#[test]
fn row_scores_equal_single_pair_scores_on_synthetic_programs() {
    let p = synthetic::program(120, 70, 5);
    let (cohort, matrix) = score_all(&p);
    for i in 0..cohort.mentee_count() {
        for j in 0..cohort.mentor_count() {
            assert_eq!(
                matrix.code(i, j),
                Some(cohort.pair_code(i, j)),
                "({i},{j})\n{}",
                explain(&p, &cohort.mentee_ids[i], &cohort.mentor_ids[j]).expect("ids")
            );
        }
    }
}

fn two_person(mentee: Person, mentor: Person) -> Program {
    let mut p = Program::new(ProgramId::from("t"), "t");
    p.people = vec![mentee, mentor];
    p
}

#[test]
fn explanation_names_every_rule_that_excludes_a_pair() {
    let mut e = Person::new(id("a"), "Ann", Role::Mentee);
    let mut r = Person::new(id("b"), "Bo", Role::Mentor);
    e.team = "Core".into();
    r.team = " core ".into();
    e.manager = "bo".into();
    e.time_zone = "America/Los_Angeles".into();
    r.time_zone = "Asia/Tokyo".into();
    let mut p = two_person(e, r);
    p.matching.rules.max_time_zone_hours = Some(4);
    p.matching.rules.min_score = 90;
    p.matching.rules.forbidden_pairs.push(PairRef {
        mentor: id("b"),
        mentee: id("a"),
    });
    let x = explain(&p, &id("a"), &id("b")).expect("ids");
    let rules: Vec<ExclusionRule> = x.excluded_by.iter().map(|r| r.rule()).collect();
    assert_eq!(
        rules,
        vec![
            ExclusionRule::Forbidden,
            ExclusionRule::SameManager,
            ExclusionRule::SameTeam,
            ExclusionRule::TimeZoneTooFar,
            ExclusionRule::BelowMinScore
        ]
    );
    assert_eq!(x.score, None);
    let text = x.to_string();
    assert!(text.contains("excluded"), "{text}");
    assert!(explain(&p, &id("a"), &id("zz")).is_err());
    let selfie = explain(&p, &id("a"), &id("a")).expect("ids");
    assert!(selfie.excluded_by.contains(&ExclusionReason::SamePerson));
}

/// Bad input 43: an unknown or malformed time zone is neutral, never a panic or exclusion.
#[test]
fn unknown_time_zone_is_neutral_and_never_excludes() {
    let mut e = Person::new(id("a"), "Ann", Role::Mentee);
    let r = Person::new(id("b"), "Bo", Role::Mentor);
    e.time_zone = "Mars/Olympus\u{202E}".into();
    let mut p = two_person(e, r);
    p.matching.criteria = vec![Criterion {
        kind: CriterionKind::TimeZone,
        weight: 10,
    }];
    p.matching.rules.max_time_zone_hours = Some(0);
    let x = explain(&p, &id("a"), &id("b")).expect("ids");
    assert_eq!(x.score, Some(50));
    assert_eq!(x.contributions[0].similarity, None);
}

#[test]
fn must_have_criterion_excludes_pairs_that_miss_it() {
    let mut e = Person::new(id("a"), "Ann", Role::Mentee);
    let mut r = Person::new(id("b"), "Bo", Role::Mentor);
    e.languages = vec!["English".into()];
    r.languages = vec!["German".into()];
    let mut p = two_person(e, r);
    p.matching.criteria = vec![Criterion {
        kind: CriterionKind::Language,
        weight: MUST_HAVE,
    }];
    let proposal = run(&p, Algorithm::Optimal).expect("run");
    assert!(proposal.pairs.is_empty());
    assert_eq!(
        proposal.unmatched[0].reason,
        UnmatchedReason::AllExcluded {
            rules: vec![(ExclusionRule::MustHave(0), 1)]
        }
    );
    p.people[1].languages.push("english".into());
    let proposal = run(&p, Algorithm::Optimal).expect("run");
    assert_eq!(proposal.pairs.len(), 1);
    assert_eq!(proposal.pairs[0].score, 100);
}

fn simple(n: usize, m: usize, cap: u16) -> Program {
    let mut p = Program::new(ProgramId::from("t"), "t");
    for i in 0..n {
        p.people.push(Person::new(
            id(&format!("e{i}")),
            format!("E{i}"),
            Role::Mentee,
        ));
    }
    for j in 0..m {
        let mut r = Person::new(id(&format!("r{j}")), format!("R{j}"), Role::Mentor);
        r.capacity = cap;
        p.people.push(r);
    }
    p
}

/// Bad input 43: no mentors, no mentees, all pairs forbidden, too little capacity: a clear
/// reason for everyone unmatched, never a hang or panic.
#[test]
fn everyone_unmatched_gets_a_reason() {
    let p = simple(3, 0, 1);
    for algorithm in Algorithm::ALL {
        let proposal = run(&p, algorithm).expect("run");
        assert_eq!(proposal.unmatched.len(), 3);
        assert!(proposal
            .unmatched
            .iter()
            .all(|u| u.reason == UnmatchedReason::NoMentors));
    }

    let p = simple(0, 2, 1);
    let proposal = run(&p, Algorithm::Optimal).expect("run");
    assert!(proposal
        .unmatched
        .iter()
        .all(|u| u.role == UnmatchedRole::Mentor && u.reason == UnmatchedReason::NoMentees));

    let mut p = simple(2, 2, 1);
    for e in ["e0", "e1"] {
        for r in ["r0", "r1"] {
            p.matching.rules.forbidden_pairs.push(PairRef {
                mentor: id(r),
                mentee: id(e),
            });
        }
    }
    for algorithm in Algorithm::ALL {
        let proposal = run(&p, algorithm).expect("run");
        let mentees: Vec<_> = proposal
            .unmatched
            .iter()
            .filter(|u| u.role == UnmatchedRole::Mentee)
            .collect();
        assert_eq!(mentees.len(), 2, "{algorithm:?}");
        for u in mentees {
            assert_eq!(
                u.reason,
                UnmatchedReason::AllExcluded {
                    rules: vec![(ExclusionRule::Forbidden, 2)]
                }
            );
        }
    }

    let p = simple(5, 2, 2);
    let proposal = run(&p, Algorithm::Optimal).expect("run");
    assert_eq!(proposal.pairs.len(), 4);
    assert_eq!(proposal.unmatched.len(), 1);
    assert_eq!(
        proposal.unmatched[0].reason,
        UnmatchedReason::NoCapacityLeft
    );
    assert_eq!(proposal.unmatched[0].person, id("e4"), "ties go by id");

    let mut p = simple(2, 2, 0);
    p.people[2].capacity = 0;
    let proposal = run(&p, Algorithm::Optimal).expect("run");
    assert!(proposal.pairs.is_empty());
    assert!(proposal
        .unmatched
        .iter()
        .filter(|u| u.role == UnmatchedRole::Mentor)
        .all(|u| u.reason == UnmatchedReason::NotAvailable));
    assert!(proposal
        .unmatched
        .iter()
        .filter(|u| u.role == UnmatchedRole::Mentee)
        .all(|u| u.reason == UnmatchedReason::NoCapacityLeft));

    let mut p = simple(1, 1, 1);
    p.matching.rules.min_score = 80;
    let proposal = run(&p, Algorithm::Optimal).expect("run");
    assert_eq!(
        proposal.unmatched[0].reason,
        UnmatchedReason::AllExcluded {
            rules: vec![(ExclusionRule::BelowMinScore, 1)]
        }
    );
}

#[test]
fn either_people_take_one_role_and_are_never_matched_with_themselves() {
    let mut p = Program::new(ProgramId::from("t"), "t");
    let mut x = Person::new(id("x"), "X", Role::Either);
    x.capacity = 2;
    let mut y = Person::new(id("y"), "Y", Role::Either);
    y.capacity = 0;
    let z = Person::new(id("z"), "Z", Role::Mentee);
    p.people = vec![x, y, z];
    let cohort = Cohort::new(&p);
    assert_eq!(cohort.mentor_ids, vec![id("x")]);
    assert_eq!(cohort.mentee_ids, vec![id("y"), id("z")]);
    let proposal = run(&p, Algorithm::Optimal).expect("run");
    assert_eq!(proposal.pairs.len(), 2);
    assert!(proposal.pairs.iter().all(|q| q.mentor == id("x")));
    assert!(proposal.pairs.iter().all(|q| q.mentor != q.mentee));

    // A locked match naming an Either person as mentee makes them a mentee, whatever their
    // capacity.
    let mut w = Person::new(id("w"), "W", Role::Mentor);
    w.capacity = 1;
    p.people.push(w);
    let mid = p.new_match_id();
    let mut pin = Match::proposed(mid, id("w"), id("x"), None, p.cycle);
    pin.locked = true;
    p.matches.push(pin);
    let cohort = Cohort::new(&p);
    assert!(cohort.mentee_ids.contains(&id("x")));
    assert!(!cohort.mentor_ids.contains(&id("x")));
    let proposal = run(&p, Algorithm::Optimal).expect("run");
    assert!(proposal
        .pairs
        .iter()
        .any(|q| q.locked && q.mentee == id("x") && q.mentor == id("w")));
}

#[test]
fn pinned_pairs_are_kept_and_use_capacity() {
    let mut p = simple(3, 1, 2);
    let mid = p.new_match_id();
    let mut pin = Match::proposed(mid, id("r0"), id("e2"), None, p.cycle);
    pin.locked = true;
    p.matches.push(pin);
    // The pin is kept even against a rule that now forbids it.
    p.matching.rules.forbidden_pairs.push(PairRef {
        mentor: id("r0"),
        mentee: id("e2"),
    });
    let proposal = run(&p, Algorithm::Optimal).expect("run");
    assert_eq!(proposal.pairs.len(), 2);
    assert!(proposal.pairs[0].locked && proposal.pairs[0].mentee == id("e2"));
    assert_eq!(proposal.new_pairs().count(), 1);
    assert_eq!(proposal.unmatched.len(), 1);
}

#[test]
fn repeat_pairs_from_earlier_cycles_are_excluded() {
    let mut p = simple(1, 2, 1);
    p.cycle = 2;
    let mid = p.new_match_id();
    let mut old = Match::proposed(mid, id("r0"), id("e0"), None, 1);
    old.status = MatchStatus::Completed;
    p.matches.push(old);
    let proposal = run(&p, Algorithm::Optimal).expect("run");
    assert_eq!(proposal.pairs.len(), 1);
    assert_eq!(proposal.pairs[0].mentor, id("r1"));
    let x = explain(&p, &id("e0"), &id("r0")).expect("ids");
    assert_eq!(
        x.excluded_by,
        vec![ExclusionReason::RepeatPair { cycle: 1 }]
    );
    p.matching.rules.no_repeat_pairs = false;
    assert!(explain(&p, &id("e0"), &id("r0"))
        .expect("ids")
        .excluded_by
        .is_empty());
}

#[test]
fn apply_replaces_unlocked_proposals_and_keeps_the_rest() {
    let mut p = simple(3, 2, 2);
    let a = p.new_match_id();
    let mut pin = Match::proposed(a, id("r0"), id("e0"), None, p.cycle);
    pin.locked = true;
    p.matches.push(pin);
    let b = p.new_match_id();
    p.matches.push(Match::proposed(
        b.clone(),
        id("r1"),
        id("e0"),
        Some(3),
        p.cycle,
    ));
    let c = p.new_match_id();
    let mut active = Match::proposed(c, id("r1"), id("e1"), None, p.cycle);
    active.status = MatchStatus::Active;
    p.matches.push(active);
    let proposal = run(&p, Algorithm::Optimal).expect("run");
    apply(&mut p, &proposal);
    assert!(
        p.matches.iter().all(|m| m.id != b),
        "stale proposal removed"
    );
    assert_eq!(p.current_matches().count(), 3);
    assert!(p
        .current_matches()
        .any(|m| m.mentee == id("e2") && m.status == MatchStatus::Proposed));
    // Applying again is idempotent in shape.
    let again = run(&p, Algorithm::Optimal).expect("run");
    apply(&mut p, &again);
    assert_eq!(p.current_matches().count(), 3);
    assert!(mentorkit::core::program::validate::validate(&p).is_ok());
}

#[test]
fn groups_form_circles_no_larger_than_the_group_size() {
    let mut p = simple(10, 2, 6);
    p.matching.group_size = 4;
    let proposal = run(&p, Algorithm::Groups).expect("run");
    assert_eq!(proposal.new_pairs().count(), 10);
    let mut sizes: HashMap<(PersonId, u32), usize> = HashMap::new();
    for q in proposal.new_pairs() {
        let c = q.circle.expect("circle");
        *sizes.entry((q.mentor.clone(), c)).or_default() += 1;
    }
    assert!(sizes.values().all(|&s| (1..=4).contains(&s)));
    let circles: HashSet<u32> = sizes.keys().map(|k| k.1).collect();
    assert_eq!(
        circles.len(),
        sizes.len(),
        "circle numbers are unique per mentor"
    );
}

#[test]
fn top_n_suggests_the_best_mentors_with_room() {
    let mut p = synthetic::program(40, 20, 3);
    p.matching.top_n = 3;
    let s = suggestions(&p, 3);
    assert!(!s.is_empty());
    let (cohort, matrix) = score_all(&p);
    for (mentee, list) in &s {
        assert!(list.len() <= 3);
        assert!(list.windows(2).all(|w| w[0].1 >= w[1].1));
        let i = cohort.mentee_index(mentee).expect("mentee");
        for (mentor, score) in list {
            let j = cohort.mentor_index(mentor).expect("mentor");
            assert_eq!(matrix.score(i, j), Some(*score));
        }
    }
    let proposal = run(&p, Algorithm::TopN).expect("run");
    assert_eq!(proposal.new_pairs().count(), 0);
    assert_eq!(proposal.suggestions.len(), s.len());
}

#[test]
fn a_cancelled_run_returns_cancelled() {
    let p = synthetic::program(200, 100, 1);
    let mut calls = 0;
    let r = run_with(&p, Algorithm::Optimal, &Options::default(), &mut |_| {
        calls += 1;
        if calls > 1 {
            Control::Cancel
        } else {
            Control::Continue
        }
    });
    assert_eq!(r, Err(MatchError::Cancelled));
}

#[test]
fn streamed_scores_give_the_same_proposal_as_the_dense_matrix() {
    let p = synthetic::program(400, 220, 11);
    let dense = run(&p, Algorithm::Optimal).expect("run");
    let streamed = run_with(
        &p,
        Algorithm::Optimal,
        &Options {
            dense_limit: 0,
            ..Options::default()
        },
        &mut |_| Control::Continue,
    )
    .expect("run");
    assert!(dense.stats.dense && !streamed.stats.dense);
    assert_eq!(dense.pairs, streamed.pairs);
    assert!(streamed.stats.proven_optimal);
    let _ = matching::Stats::default();
}

/// Bad input 41 (values out of range reaching matching, e.g. from an unvalidated import):
/// weights above 10, a reversed seniority range, a limit of 0 mentors, circles of 0,
/// a minimum score above 100, unknown skills and fields, capacities above the maximum:
/// clamped or ignored, never a panic.
#[test]
fn out_of_range_settings_are_clamped_never_a_panic() {
    let mut rng = Rng::new(99);
    let mut p = random_program(&mut rng, 5, 3, 1);
    p.matching.criteria.push(Criterion {
        kind: CriterionKind::SeniorityGap { min: 5, max: -5 },
        weight: 200,
    });
    p.matching.criteria.push(Criterion {
        kind: CriterionKind::Field {
            field: FieldId::from("nope"),
            prefer: Preference::Same,
        },
        weight: 5,
    });
    p.matching.rules.mentee_max_mentors = 0;
    p.matching.rules.min_score = 250;
    p.matching.rules.max_time_zone_hours = Some(255);
    p.matching.group_size = 0;
    p.matching.top_n = 0;
    p.people[0].skills_wanted.push(SkillLevel {
        skill: SkillId::from("unknown"),
        level: 0,
    });
    p.people[6].capacity = u16::MAX;
    p.people[1].seniority = Some(u8::MAX);
    for algorithm in Algorithm::ALL {
        let proposal = run(&p, algorithm).expect("run");
        // A minimum above 100 excludes every new pair.
        assert_eq!(proposal.new_pairs().count(), 0, "{algorithm:?}");
    }
    p.matching.rules.min_score = 0;
    for algorithm in Algorithm::ALL {
        run(&p, algorithm).expect("run");
    }
    let (cohort, _) = score_all(&p);
    let x = explain(&p, &cohort.mentee_ids[0], &cohort.mentor_ids[0]).expect("ids");
    let sum: u32 = x.contributions.iter().map(|c| u32::from(c.points)).sum();
    assert_eq!(sum, u32::from(x.raw_score));
    assert!(x.contributions.iter().all(|c| c.weight <= 10));
}

/// On larger synthetic cohorts (too big for brute force): every algorithm keeps the rules,
/// participation matches at least as many as optimal, optimal scores at least as much as
/// participation, and stable matching has no blocking pair.
#[test]
fn synthetic_cohorts_keep_rules_and_orders_between_algorithms() {
    for (n, m, seed) in [(300, 160, 1u64), (400, 120, 2), (150, 200, 3)] {
        let mut p = synthetic::program(n, m, seed);
        p.matching.rules.min_score = 40;
        p.matching.rules.max_time_zone_hours = Some(8);
        let inst = instance(&p);
        let mut results = HashMap::new();
        for algorithm in [
            Algorithm::Optimal,
            Algorithm::Participation,
            Algorithm::Stable,
            Algorithm::Groups,
        ] {
            let proposal = run(&p, algorithm).expect("run");
            assert_feasible(&p, &inst, &proposal, seed);
            if algorithm != Algorithm::Stable {
                assert!(proposal.stats.proven_optimal, "{algorithm:?} {n}x{m}");
            }
            let pairs = new_pairs(&inst, &proposal);
            let total: u64 = pairs.iter().map(|x| u64::from(x.2)).sum();
            results.insert(algorithm, (pairs.len(), total, pairs));
        }
        let (opt_n, opt_total, _) = &results[&Algorithm::Optimal];
        let (par_n, par_total, _) = &results[&Algorithm::Participation];
        assert!(par_n >= opt_n && opt_total >= par_total, "{n}x{m}");
        assert_eq!(results[&Algorithm::Groups].1, *opt_total);

        let lists = stable::preference_lists(&p, &Options::default());
        let stable_pairs = &results[&Algorithm::Stable].2;
        let mut partner = vec![None; inst.slots.len()];
        let mut held: Vec<Vec<usize>> = vec![Vec::new(); inst.cap.len()];
        for &(i, j, _) in stable_pairs {
            partner[i] = Some(j);
            held[j].push(i);
        }
        let rank =
            |i: usize, j: usize| lists.mentee_lists[i].iter().position(|x| x.0 as usize == j);
        for i in 0..inst.slots.len() {
            for &(j, s) in &lists.mentee_lists[i] {
                let j = j as usize;
                if partner[i].is_some_and(|c| rank(i, c) <= rank(i, j)) {
                    continue;
                }
                let key = lists.mentor_key(j, i, s);
                let free = (held[j].len() as u32) < inst.cap[j];
                let prefers = held[j]
                    .iter()
                    .any(|&h| lists.mentor_key(j, h, inst.score[h][j].unwrap_or(0)) > key);
                assert!(!free && !prefers, "{n}x{m}: blocking pair ({i},{j})");
            }
        }
    }
}
