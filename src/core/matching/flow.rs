//! Exact many-to-one assignment on a sparse candidate graph: min-cost flow by successive
//! shortest paths (Dijkstra with potentials), with mentors as capacitated nodes.
//!
//! # Model
//! Every mentee unit must go somewhere: to a mentor (cost `c(score)`, one unit per pair) or
//! to the mentee's own "unmatched" column (cost `dummy`). Mentor columns have capacities.
//! The costs decide the objective (see [`Objective`]); all are non-negative, so zero
//! potentials start valid.
//!
//! Each augmentation runs Dijkstra from one free mentee unit on the residual graph with
//! reduced costs and stops at the first column with room (the sink). Potentials are updated
//! as `pi(v) += d(v) - D` for settled nodes (`D` the sink's distance), which keeps every
//! residual reduced cost non-negative. At the end the potentials are a dual solution:
//! `u_i = pi(sink) - pi(mentee i)`, `v_j = max(0, pi(sink) - pi(column j))`, which the check
//! uses to prove optimality on pairs outside the candidate graph (see `mod.rs`).

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// What the costs optimise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Objective {
    /// Highest total score, then most pairs: `c = M (100 - s)`, `dummy = 100 M + 1`,
    /// `M = units + 1`, so total cost `= 100 M R - M S + U`.
    Score { m: i64 },
    /// Most mentee units matched, then highest total: `c = 100 - s`,
    /// `dummy = 100 R + 101` (one more match always beats any score difference).
    Participation { big: i64 },
}

impl Objective {
    pub(crate) fn for_units(participation: bool, units: u64) -> Objective {
        let units = units as i64;
        if participation {
            Objective::Participation {
                big: 100 * units + 101,
            }
        } else {
            Objective::Score { m: units + 1 }
        }
    }

    #[inline]
    pub(crate) fn cost(self, score: u8) -> i64 {
        let s = i64::from(score.min(100));
        match self {
            Objective::Score { m } => m * (100 - s),
            Objective::Participation { .. } => 100 - s,
        }
    }

    #[inline]
    pub(crate) fn dummy(self) -> i64 {
        match self {
            Objective::Score { m } => 100 * m + 1,
            Objective::Participation { big } => big,
        }
    }
}

/// The candidate graph and the current flow.
pub(crate) struct Solver<'a> {
    n: usize,
    m: usize,
    obj: Objective,
    /// Per mentee: (mentor, score), any order.
    cand: &'a [Vec<(u32, u8)>],
    /// Units each mentee must place.
    slots: &'a [u32],
    /// Mentor capacities.
    cap: &'a [u32],
    /// Mentors each mentee is assigned to.
    pub(crate) assigned: Vec<Vec<u32>>,
    /// Mentees (with score) each mentor holds.
    pub(crate) members: Vec<Vec<(u32, u8)>>,
    /// Units of each mentee left unmatched.
    pub(crate) dummy_units: Vec<u32>,
    /// Node potentials: mentees `0..n`, mentors `n..n+m`, dummies `n+m..2n+m`, sink last.
    pub(crate) pot: Vec<i64>,
    dist: Vec<i64>,
    /// Path length in edges: among equally short paths the one displacing fewer earlier
    /// mentees wins, so on ties mentees placed first (lower ids) keep their mentors.
    hops: Vec<u32>,
    stamp: Vec<u32>,
    done: Vec<u32>,
    parent: Vec<u32>,
    epoch: u32,
    settled: Vec<u32>,
    heap: BinaryHeap<Reverse<(i64, u32, u32)>>,
    /// Augmentations so far.
    pub(crate) augmentations: u64,
}

const NONE: u32 = u32::MAX;

impl<'a> Solver<'a> {
    pub(crate) fn new(
        obj: Objective,
        cand: &'a [Vec<(u32, u8)>],
        slots: &'a [u32],
        cap: &'a [u32],
    ) -> Solver<'a> {
        let (n, m) = (slots.len(), cap.len());
        let nodes = 2 * n + m + 1;
        Solver {
            n,
            m,
            obj,
            cand,
            slots,
            cap,
            assigned: vec![Vec::new(); n],
            members: vec![Vec::new(); m],
            dummy_units: vec![0; n],
            pot: vec![0; nodes],
            dist: vec![0; nodes],
            hops: vec![0; nodes],
            stamp: vec![0; nodes],
            done: vec![0; nodes],
            parent: vec![NONE; nodes],
            epoch: 0,
            settled: Vec::new(),
            heap: BinaryHeap::new(),
            augmentations: 0,
        }
    }

    /// Starts from the potentials of an earlier solve (with no flow), made valid for the
    /// empty flow and the current edges: the sink goes down to the lowest column potential
    /// (every column has room again), and each mentee goes up until none of its edges has
    /// a negative reduced cost. Later solves then retrace the earlier optimum in short
    /// searches instead of exploring from scratch.
    pub(crate) fn warm_start(&mut self, mut pot: Vec<i64>) {
        if pot.len() != self.pot.len() {
            return;
        }
        let (n, m, sink) = (self.n, self.m, self.sink());
        let lowest = pot[n..sink].iter().copied().min().unwrap_or(0);
        pot[sink] = pot[sink].min(lowest);
        for i in 0..n {
            let mut p = pot[i].max(pot[n + m + i] - self.obj.dummy());
            for &(j, score) in &self.cand[i] {
                p = p.max(pot[n + j as usize] - self.obj.cost(score));
            }
            pot[i] = p;
        }
        self.pot = pot;
    }

    fn sink(&self) -> usize {
        2 * self.n + self.m
    }

    /// Places one more unit of mentee `s` along a shortest augmenting path.
    pub(crate) fn augment(&mut self, s: usize) {
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            self.stamp.iter_mut().for_each(|x| *x = 0);
            self.done.iter_mut().for_each(|x| *x = 0);
            self.epoch = 1;
        }
        self.settled.clear();
        self.heap.clear();
        let (n, m, sink) = (self.n, self.m, self.sink());
        self.relax(s, 0, 0, NONE);
        let mut final_dist = 0;
        while let Some(Reverse((d, h, v))) = self.heap.pop() {
            let v = v as usize;
            if self.done[v] == self.epoch || (d, h) > (self.dist[v], self.hops[v]) {
                continue;
            }
            let h = h + 1;
            self.done[v] = self.epoch;
            self.settled.push(v as u32);
            if v == sink {
                final_dist = d;
                break;
            }
            let pv = self.pot[v];
            if v < n {
                // Mentee: forward edges to candidate mentors it is not assigned to, and to
                // its dummy column while it has units not parked there.
                let i = v;
                for &(j, score) in &self.cand[i] {
                    if self.assigned[i].contains(&j) {
                        continue;
                    }
                    let w = n + j as usize;
                    let nd = d + self.obj.cost(score) + pv - self.pot[w];
                    self.relax(w, nd, h, v as u32);
                }
                if self.dummy_units[i] < self.slots[i] {
                    let w = n + m + i;
                    let nd = d + self.obj.dummy() + pv - self.pot[w];
                    self.relax(w, nd, h, v as u32);
                }
            } else if v < n + m {
                let j = v - n;
                if (self.members[j].len() as u32) < self.cap[j] {
                    let nd = d + pv - self.pot[sink];
                    self.relax(sink, nd, h, v as u32);
                }
                for k in 0..self.members[j].len() {
                    let (i, score) = self.members[j][k];
                    let w = i as usize;
                    let nd = d - self.obj.cost(score) + pv - self.pot[w];
                    self.relax(w, nd, h, v as u32);
                }
            } else {
                let i = v - n - m;
                if self.dummy_units[i] < self.slots[i] {
                    let nd = d + pv - self.pot[sink];
                    self.relax(sink, nd, h, v as u32);
                }
                if self.dummy_units[i] > 0 {
                    let nd = d - self.obj.dummy() + pv - self.pot[i];
                    self.relax(i, nd, h, v as u32);
                }
            }
        }
        for k in 0..self.settled.len() {
            let v = self.settled[k] as usize;
            self.pot[v] += self.dist[v] - final_dist;
        }
        // Walk the path back from the sink and flip it.
        let mut col = self.parent[sink] as usize;
        loop {
            let i = self.parent[col] as usize;
            // Mentee i takes column `col`.
            if col < n + m {
                let j = col - n;
                let score = self.cand[i]
                    .iter()
                    .find(|c| c.0 as usize == j)
                    .map_or(0, |c| c.1);
                self.assigned[i].push(j as u32);
                self.members[j].push((i as u32, score));
            } else {
                self.dummy_units[i] += 1;
            }
            let prev = self.parent[i];
            if prev == NONE {
                break;
            }
            // Mentee i leaves column `prev`.
            let prev = prev as usize;
            if prev < n + m {
                let j = prev - n;
                self.assigned[i].retain(|&x| x as usize != j);
                self.members[j].retain(|&(x, _)| x as usize != i);
            } else {
                self.dummy_units[i] -= 1;
            }
            col = prev;
            // The mentee who held `prev` before is the parent of `prev`.
        }
        self.augmentations += 1;
    }

    #[inline]
    fn relax(&mut self, w: usize, nd: i64, hops: u32, from: u32) {
        if self.stamp[w] != self.epoch || (nd, hops) < (self.dist[w], self.hops[w]) {
            if self.done[w] == self.epoch {
                return;
            }
            self.stamp[w] = self.epoch;
            self.dist[w] = nd;
            self.hops[w] = hops;
            self.parent[w] = from;
            self.heap.push(Reverse((nd, hops, w as u32)));
        }
    }

    /// The potential of a row, a column, the sink and a row's dummy column.
    pub(crate) fn row_pot(&self, i: usize) -> i64 {
        self.pot[i]
    }
    pub(crate) fn col_pot(&self, j: usize) -> i64 {
        self.pot[self.n + j]
    }
    pub(crate) fn sink_pot(&self) -> i64 {
        self.pot[self.sink()]
    }
    pub(crate) fn dummy_pot(&self, i: usize) -> i64 {
        self.pot[self.n + self.m + i]
    }

    /// The objective's cost of the current flow.
    pub(crate) fn cost(&self) -> i64 {
        let real: i64 = self
            .members
            .iter()
            .flatten()
            .map(|&(_, s)| self.obj.cost(s))
            .sum();
        let dummy: i64 = self.dummy_units.iter().map(|&u| i64::from(u)).sum();
        real + dummy * self.obj.dummy()
    }
}
