//! The optimal algorithms: a min-cost flow on the candidate graph, then a proof that no
//! allowed pair outside it improves the result.

use crate::core::matching::scoring::MAX_SCORE;

use super::flow::{Objective, Solver};
use super::*;

use super::candidates::*;
use crate::core::matching::threads::parallel;

/// Solves the (participation-first or score-first) assignment exactly; returns new pairs
/// (mentee, mentor, score), sorted.
///
/// The flow runs from the side with fewer places ("rows"): mentees normally, mentors when
/// they have fewer places than mentees want (see [`Setup::transposed`]); the other side's
/// people are the capacitated columns. Either way the objective is the same.
pub(super) fn solve_optimal(
    setup: &Setup,
    scan: &mut Scan,
    participation: bool,
    options: &Options,
    stats: &mut Stats,
    progress: &mut dyn FnMut(Progress) -> Control,
) -> Result<Vec<(usize, usize, u8)>, MatchError> {
    let transposed = setup.transposed();
    stats.from_mentor_side = transposed;
    // Rows, their places, columns' capacities, and each row's edges.
    let (row_slots, col_cap, mut rows) = if transposed {
        let mut rows = scan.mentor_cand.take().unwrap_or_default();
        rows.resize(setup.cap.len(), Vec::new());
        // Every mentee's own best candidates are edges too, so the per-mentee bound
        // `kth` covers every pair outside the graph.
        for (i, c) in scan.cand.iter().enumerate() {
            for &(j, sc) in c {
                rows[j as usize].push((i as u32, sc));
            }
        }
        for r in &mut rows {
            r.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            r.dedup_by_key(|x| x.0);
        }
        (setup.cap.clone(), setup.slots.clone(), rows)
    } else {
        (setup.slots.clone(), setup.cap.clone(), scan.cand.clone())
    };
    let units: u64 = row_slots.iter().map(|&s| u64::from(s)).sum();
    let obj = Objective::for_units(participation, units);
    let total_units = units as usize;
    let mut round = 0;
    let mut warm: Option<Vec<i64>> = None;
    loop {
        round += 1;
        let mut solver = Solver::new(obj, &rows, &row_slots, &col_cap);
        if let Some(pot) = warm.take() {
            solver.warm_start(pot);
        }
        let mut placed = 0usize;
        for (r, &slots) in row_slots.iter().enumerate() {
            for _ in 0..slots {
                if placed.is_multiple_of(512)
                    && progress(Progress::Solving {
                        round,
                        done: placed,
                        total: total_units,
                    }) == Control::Cancel
                {
                    return Err(MatchError::Cancelled);
                }
                solver.augment(r);
                placed += 1;
            }
        }
        stats.augmentations += solver.augmentations;
        stats.rounds = round;
        stats.candidate_edges = rows.iter().map(|c| c.len() as u64).sum();

        let view = View {
            transposed,
            rows: &rows,
            row_slots: &row_slots,
            col_cap: &col_cap,
        };
        let check = check(setup, scan, &view, &solver, obj, round, progress)?;
        let primal = solver.cost();
        let mut pairs: Vec<(usize, usize, u8)> = solver
            .members
            .iter()
            .enumerate()
            .flat_map(|(c, ms)| {
                ms.iter().map(move |&(r, s)| {
                    if transposed {
                        (c, r as usize, s)
                    } else {
                        (r as usize, c, s)
                    }
                })
            })
            .collect();
        pairs.sort_unstable();
        let new_total: u64 = pairs.iter().map(|p| u64::from(p.2)).sum();
        let proven = check.violations.iter().all(|v| v.is_empty());
        if proven || round >= options.max_rounds {
            stats.proven_optimal = proven;
            debug_assert!(!proven || check.lower_bound == i128::from(primal));
            if let Objective::Score { m: big_m } = obj {
                // cost = 100 M R - M S + U with U < M, so S_opt <= ceil((100 M R - LB) / M).
                let num = 100 * i128::from(big_m) * i128::from(units as i64) - check.lower_bound;
                let den = i128::from(big_m);
                let ub = if num <= 0 { 0 } else { (num + den - 1) / den };
                stats.score_upper_bound = Some(if proven {
                    new_total
                } else {
                    (ub.max(0) as u64).max(new_total)
                });
            }
            return Ok(pairs);
        }
        warm = Some(std::mem::take(&mut solver.pot));
        drop(solver);
        for (r, add) in check.violations.into_iter().enumerate() {
            rows[r].extend(add);
        }
    }
}

/// The flow problem's rows and columns as seen by the check.
pub(super) struct View<'a> {
    pub(super) transposed: bool,
    pub(super) rows: &'a [Vec<(u32, u8)>],
    pub(super) row_slots: &'a [u32],
    pub(super) col_cap: &'a [u32],
}

pub(super) struct Check {
    pub(super) lower_bound: i128,
    /// Per row: allowed pairs outside the graph with a negative reduced cost (column, score).
    pub(super) violations: Vec<Vec<(u32, u8)>>,
}

/// Builds the dual lower bound of the full problem from the solver's potentials and finds
/// the pairs outside the graph that violate it. With `u_r = pi_T - pi_r` (rows, free),
/// `v_c = max(0, pi_T - pi_c)` (columns and dummies) and `w = max(0, u - v - cost)` per
/// pair, `LB = sum slots_r u_r - sum cap_c v_c - sum w`, a valid bound of the LP (so of
/// the optimum) whatever the potentials; it equals the cost when no pair violates.
///
/// Scores are read per mentee (the matrix's rows). A mentee row is rescored only if a pair
/// outside the graph could violate: they all score at most the mentee's `kth`, so the row
/// is skipped when `cost(kth) >= max u - v_mentee` (mentee columns) or `>= u_mentee`.
pub(super) fn check(
    setup: &Setup,
    scan: &Scan,
    view: &View<'_>,
    solver: &Solver<'_>,
    obj: Objective,
    round: u32,
    progress: &mut dyn FnMut(Progress) -> Control,
) -> Result<Check, MatchError> {
    let cohort = &setup.cohort;
    let (n, m) = (cohort.mentee_count(), cohort.mentor_count());
    let pt = solver.sink_pot();
    let u: Vec<i64> = (0..view.row_slots.len())
        .map(|r| pt - solver.row_pot(r))
        .collect();
    // A column with no place left is no variable at all: v = "infinity".
    let v: Vec<i64> = (0..view.col_cap.len())
        .map(|c| {
            if view.col_cap[c] == 0 {
                i64::MAX / 4
            } else {
                (pt - solver.col_pot(c)).max(0)
            }
        })
        .collect();
    let mut lb: i128 = 0;
    for (c, &vc) in v.iter().enumerate() {
        if view.col_cap[c] > 0 {
            lb -= i128::from(view.col_cap[c]) * i128::from(vc);
        }
    }
    for (r, &slots) in view.row_slots.iter().enumerate() {
        if slots == 0 {
            continue;
        }
        let slots = i128::from(slots);
        let vd = (pt - solver.dummy_pot(r)).max(0);
        lb += slots * i128::from(u[r]) - slots * i128::from(vd);
        lb -= i128::from((u[r] - vd - obj.dummy()).max(0));
        for &(c, s) in &view.rows[r] {
            let w = u[r] - v[c as usize] - obj.cost(s);
            if w > 0 {
                lb -= i128::from(w);
            }
        }
    }
    // Per mentee: its mentors in the graph, sorted, to tell graph pairs from the rest.
    let mut in_graph: Vec<Vec<u32>> = vec![Vec::new(); n];
    if view.transposed {
        for (j, row) in view.rows.iter().enumerate() {
            for &(i, _) in row {
                in_graph[i as usize].push(j as u32);
            }
        }
    } else {
        for (i, row) in view.rows.iter().enumerate() {
            in_graph[i] = row.iter().map(|x| x.0).collect();
        }
    }
    for g in &mut in_graph {
        g.sort_unstable();
    }
    let u_max = u.iter().copied().max().unwrap_or(0);
    let (u, v, in_graph) = (&u, &v, &in_graph);
    let mut violations = vec![Vec::new(); view.row_slots.len()];
    let block = block_rows(n);
    let mut start = 0;
    while start < n {
        let end = (start + block).min(n);
        if progress(Progress::Checking {
            round,
            done: start,
            total: n,
        }) == Control::Cancel
        {
            return Err(MatchError::Cancelled);
        }
        let parts = parallel(start..end, |mentees| {
            let mut buf = vec![0u8; m];
            let mut raw = Vec::new();
            let mut part: i128 = 0;
            let mut found = Vec::new();
            for i in mentees {
                if setup.slots[i] == 0 {
                    continue;
                }
                let Some(t) = scan.kth[i] else {
                    // Every allowed pair of this mentee is in the graph.
                    continue;
                };
                let bound = if view.transposed { u_max - v[i] } else { u[i] };
                if obj.cost(t) >= bound {
                    continue;
                }
                let row: &[u8] = match &scan.dense {
                    Some(d) => d.row(i),
                    None => {
                        cohort.score_row_with(i, &mut buf, &mut raw);
                        &buf
                    }
                };
                for (j, &code) in row.iter().enumerate() {
                    if code > MAX_SCORE {
                        continue;
                    }
                    let (r, c) = if view.transposed { (j, i) } else { (i, j) };
                    let w = u[r] - v[c] - obj.cost(code);
                    if w > 0 && setup.open(i, j) && in_graph[i].binary_search(&(j as u32)).is_err()
                    {
                        part -= i128::from(w);
                        found.push((r, c as u32, code));
                    }
                }
            }
            (part, found)
        });
        for (part, found) in parts {
            lb += part;
            for (r, c, s) in found {
                violations[r].push((c, s));
            }
        }
        start = end;
    }
    Ok(Check {
        lower_bound: lb,
        violations,
    })
}
