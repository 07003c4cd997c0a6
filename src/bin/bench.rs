//! Matching benchmark: seeded synthetic programs, scoring time, solve time and peak memory.
//!
//! Run with `cargo run --profile bench --bin bench` (the release profile optimises the wasm
//! app for size; `bench` inherits it at opt-level 3). Options:
//! - `--sizes 1000,2000` mentee counts (mentors are 55 % of mentees); default
//!   1000,2000,5000,20000;
//! - `--algorithms optimal,participation,stable,groups,top_n` (default `optimal`);
//! - `--large` also runs 50,000 mentees x 10,000 mentors (streamed scores);
//! - `--candidates K` candidate mentors per mentee for the sparse solve (default 24);
//! - `--seed N`;
//! - `--write-program MENTEESxMENTORS FILE` writes that synthetic program as a program file
//!   and exits (the browser benchmark, `make bench-browser`, imports it).
//!
//! `cpu_s` is the process CPU time of the run (user + system, all threads): on a shared
//! machine it shows the work done when wall times are inflated by other load.
//! Peak memory is the peak of live heap bytes during the run (a counting allocator), and
//! the process's `VmHWM` (peak resident set) from `/proc/self/status` where available.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use mentorkit::core::matching::suggestions;
use mentorkit::core::matching::{self, synthetic, Control, Options, Progress};
use mentorkit::core::model::Algorithm;

/// Counts live heap bytes and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged to the system allocator.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged to the system allocator.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded unchanged to the system allocator.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let live = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size
                    - layout.size();
                PEAK.fetch_max(live, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn vm_hwm_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// CPU seconds (user + system) used by the process so far, from `/proc/self/stat`.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start after the last ')'.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn secs(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64())
}

struct Args {
    /// `--write-program`: the size and where to write it.
    write: Option<((usize, usize), String)>,
    options: Options,
    sizes: Vec<(usize, usize)>,
    algorithms: Vec<Algorithm>,
    seed: u64,
}

fn parse_args() -> Result<Args, String> {
    let mut sizes: Vec<(usize, usize)> = [1000, 2000, 5000, 20000]
        .iter()
        .map(|&n| (n, n * 55 / 100))
        .collect();
    let mut algorithms = vec![Algorithm::Optimal];
    let mut seed = 42;
    let mut large = false;
    let mut options = Options::default();
    let mut write = None;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--sizes" => {
                let v = it.next().ok_or("--sizes needs a list")?;
                sizes = v
                    .split(',')
                    .map(|s| {
                        s.trim()
                            .parse::<usize>()
                            .map(|n| (n, n * 55 / 100))
                            .map_err(|e| format!("bad size {s:?}: {e}"))
                    })
                    .collect::<Result<_, _>>()?;
            }
            "--algorithms" => {
                let v = it.next().ok_or("--algorithms needs a list")?;
                algorithms = v
                    .split(',')
                    .map(|s| Algorithm::from_key(s.trim()).ok_or(format!("unknown algorithm {s:?}")))
                    .collect::<Result<_, _>>()?;
            }
            "--seed" => {
                let v = it.next().ok_or("--seed needs a number")?;
                seed = v.parse().map_err(|e| format!("bad seed: {e}"))?;
            }
            "--large" => large = true,
            "--write-program" => {
                let size = it.next().ok_or("--write-program needs MENTEESxMENTORS FILE")?;
                let file = it.next().ok_or("--write-program needs MENTEESxMENTORS FILE")?;
                let parsed = size
                    .split_once('x')
                    .and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)))
                    .ok_or(format!("bad size {size:?}: write it like 5000x2750"))?;
                write = Some((parsed, file));
            }
            "--candidates" => {
                let v = it.next().ok_or("--candidates needs a number")?;
                options.candidates = v.parse().map_err(|e| format!("bad --candidates: {e}"))?;
            }
            "--help" | "-h" => {
                return Err("usage: bench [--sizes 1000,5000] [--algorithms optimal,stable] [--large] [--candidates K] [--seed N] [--write-program 5000x2750 FILE]".into())
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if large {
        sizes.push((50_000, 10_000));
    }
    Ok(Args {
        write,
        options,
        sizes,
        algorithms,
        seed,
    })
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    if let Some(((n, m), file)) = &args.write {
        write_program(*n, *m, args.seed, file);
        return;
    }
    println!(
        "threads available: {}",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!(
        "{:>7} {:>7} {:>14} {:>9} {:>9} {:>9} {:>7} {:>8} {:>10} {:>8} {:>6} {:>6} {:>5} {:>9} {:>9}",
        "mentees",
        "mentors",
        "algorithm",
        "scoring_s",
        "solve_s",
        "total_s",
        "cpu_s",
        "matched",
        "total",
        "edges",
        "rounds",
        "proven",
        "side",
        "heap_MiB",
        "hwm_MiB"
    );
    for &(n, m) in &args.sizes {
        let program = synthetic::program(n, m, args.seed);
        for &algorithm in &args.algorithms {
            LIVE.load(Ordering::Relaxed);
            PEAK.store(LIVE.load(Ordering::Relaxed), Ordering::Relaxed);
            let before = LIVE.load(Ordering::Relaxed);
            let cpu_start = cpu_seconds();
            let start = Instant::now();
            let mut scoring_done: Option<Instant> = None;
            let mut progress = |p: Progress| {
                if !matches!(p, Progress::Scoring { .. }) && scoring_done.is_none() {
                    scoring_done = Some(Instant::now());
                }
                Control::Continue
            };
            let result = matching::run_with(&program, algorithm, &args.options, &mut progress);
            let end = Instant::now();
            let cpu_end = cpu_seconds().zip(cpu_start).map(|(b, a)| b - a);
            let peak = PEAK.load(Ordering::Relaxed).saturating_sub(before);
            let scoring_end = scoring_done.unwrap_or(end);
            match result {
                Ok(p) => {
                    let matched =
                        p.new_pairs().count() + p.pairs.iter().filter(|x| x.locked).count();
                    println!(
                        "{:>7} {:>7} {:>14} {:>9} {:>9} {:>9} {:>7} {:>8} {:>10} {:>8} {:>6} {:>6} {:>5} {:>9.1} {:>9}",
                        n,
                        m,
                        algorithm.key(),
                        secs(scoring_end - start),
                        secs(end - scoring_end),
                        secs(end - start),
                        cpu_end.map_or("-".into(), |c| format!("{c:.2}")),
                        matched,
                        p.total_score,
                        p.stats.candidate_edges,
                        p.stats.rounds,
                        p.stats.proven_optimal,
                        if p.stats.from_mentor_side { "mentor" } else { "mentee" },
                        mib(peak),
                        vm_hwm_mib().map_or("-".into(), |h| format!("{h:.1}")),
                    );
                    if let Some(ub) = p.stats.score_upper_bound {
                        let new_total: u64 = p.new_pairs().map(|x| u64::from(x.score)).sum();
                        if ub != new_total {
                            println!(
                                "        gap: new pairs total {new_total}, proven upper bound {ub}"
                            );
                        }
                    }
                }
                Err(e) => println!("{n:>7} {m:>7} {:>14} error: {e}", algorithm.key()),
            }
        }
    }
    if let Some(&(n, m)) = args
        .sizes
        .iter()
        .find(|s| s.0 >= 5_000)
        .or(args.sizes.last())
    {
        suggestion_lists(n, m, args.seed);
    }
    relationship_health(5_000, 20, args.seed);
}

/// What the Relationships page computes on every change: the health of every relationship
/// (with its reasons) and the table's rows, counts and filter, as of one day.
fn relationship_health(n: usize, check_ins: usize, seed: u64) {
    use mentorkit::core::relationships::health::health;
    use mentorkit::core::relationships::summary::{self, Counts, Filter};
    use mentorkit::core::Date;
    let Ok(as_of) = Date::from_ymd(2027, 6, 1) else {
        return;
    };
    let program = mentorkit::core::relationships::synthetic::program(n, check_ins, as_of, seed);
    let best = |f: &mut dyn FnMut() -> usize| {
        (0..5)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(f());
                start.elapsed()
            })
            .min()
            .unwrap_or_default()
    };
    let health_all = best(&mut || {
        program
            .matches
            .iter()
            .filter_map(|m| health(&program, m, as_of))
            .count()
    });
    let mut rows = Vec::new();
    let table = best(&mut || {
        rows = summary::rows(&program, as_of);
        Counts::of(&program, &rows).health.iter().sum()
    });
    let search = Filter {
        text: "an".into(),
        ..Filter::default()
    };
    let filter = best(&mut || search.apply(&program, &rows).len());
    println!(
        "relationships: {n} x {check_ins} check-ins: health of all {:.1} ms, table rows and counts {:.1} ms, a search {:.1} ms (best of 5)",
        health_all.as_secs_f64() * 1000.0,
        table.as_secs_f64() * 1000.0,
        filter.as_secs_f64() * 1000.0
    );
}

/// Writes the synthetic program of `n` mentees and `m` mentors as a program file (the same
/// program the table above matches, for the browser benchmark to import).
fn write_program(n: usize, m: usize, seed: u64, file: &str) {
    let program = synthetic::program(n, m, seed);
    let text = match mentorkit::core::exchange::file_format::export_program(
        &program,
        "2027-01-01T00:00:00Z",
    ) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("bench: the synthetic program does not export: {e}");
            std::process::exit(1);
        }
    };
    if let Err(e) = std::fs::write(file, text.as_bytes()) {
        eprintln!("bench: could not write {file}: {e}");
        std::process::exit(1);
    }
    println!(
        "wrote {file}: {n} mentees x {m} mentors, {} bytes",
        text.len()
    );
}

/// What the Matching page does for a mentee-chooses program after a top-N run: build every
/// mentee's list (again after each recorded choice) and explain one page of it.
fn suggestion_lists(n: usize, m: usize, seed: u64) {
    let program = synthetic::program(n, m, seed);
    let start = Instant::now();
    let raw = matching::suggestions(&program, 3);
    let run = start.elapsed();
    let start = Instant::now();
    let mut all = suggestions::lists(&program, &raw);
    let lists = start.elapsed();
    let start = Instant::now();
    let page = all.len().min(20);
    suggestions::add_reasons(&program, &mut all[..page]);
    let reasons = start.elapsed();
    println!(
        "top-N lists for {n} mentees x {m} mentors: run {}, all lists {:.1} ms, reasons for a page of {page} {:.1} ms",
        secs(run),
        lists.as_secs_f64() * 1000.0,
        reasons.as_secs_f64() * 1000.0
    );
}
