//! A mutational fuzzer for MentorKit's untrusted inputs, on the stable toolchain (no
//! cargo-fuzz, no nightly): `make fuzz` runs it for `FUZZ_MINUTES` per target.
//!
//! For each target (program file, participants CSV, share link; see `targets.rs`) it starts
//! from seeds made of the repository's fixtures, mutates them (`mutate.rs`) and runs every
//! input under `catch_unwind`, with a watchdog thread for hangs and a counting allocator
//! that stops an input allocating more than the memory cap. An input that reaches a new
//! feature (an error kind, a kind of repair or row error, a count of them) joins the corpus,
//! so the search follows new behaviour without compiler instrumentation.
//!
//! A crash is minimised and saved as `tests/fuzz-findings/<target>/crash-<hash>` (one per
//! panic location); a hang or a blown memory cap is saved as `hang-…` or `oom-…` and ends
//! the run. `cargo test` replays every saved finding and every seed
//! (`tests/fuzz_findings.rs`). Exit status: 0 without findings, 1 with.
//!
//! ```text
//! fuzz [--target NAME]... [--seconds N | --minutes N] [--seed N] [--timeout-ms N]
//!      [--max-mem-mib N] [--root DIR]
//! ```
//!
//! `--root` is where `tests/fuzz-findings/` is written (default: this repository).

#[cfg(not(target_arch = "wasm32"))]
mod mutate;
#[cfg(not(target_arch = "wasm32"))]
mod targets;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;
    use std::collections::{BTreeSet, HashSet};
    use std::panic::{catch_unwind, AssertUnwindSafe};
    use std::path::PathBuf;
    use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};

    use mentorkit::core::matching::synthetic::Rng;

    use crate::mutate::mutate;
    use crate::targets::{findings_dir, fnv, repo_root, run, seeds, Target};

    // -----------------------------------------------------------------------------------
    // Memory cap: a counting allocator. On the fuzzing thread, an allocation that would
    // take the live heap past the cap parks the thread for the watchdog to report (an
    // allocator must not unwind, and returning null would abort before anything is saved).

    struct Capped;

    static LIVE: AtomicUsize = AtomicUsize::new(0);
    static CAP: AtomicUsize = AtomicUsize::new(usize::MAX);
    static OVER_CAP: AtomicBool = AtomicBool::new(false);
    static ASKED: AtomicUsize = AtomicUsize::new(0);

    thread_local! {
        static GUARDED: Cell<bool> = const { Cell::new(false) };
    }

    fn check_cap(size: usize) {
        let guarded = GUARDED.try_with(Cell::get).unwrap_or(false);
        if guarded
            && LIVE.load(Ordering::Relaxed).saturating_add(size) > CAP.load(Ordering::Relaxed)
        {
            ASKED.store(size, Ordering::Relaxed);
            OVER_CAP.store(true, Ordering::SeqCst);
            loop {
                std::thread::sleep(Duration::from_secs(60));
            }
        }
    }

    // SAFETY: every call is forwarded unchanged to the system allocator; the counter only
    // observes sizes.
    unsafe impl GlobalAlloc for Capped {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            check_cap(layout.size());
            // SAFETY: forwarded unchanged.
            let p = unsafe { System.alloc(layout) };
            if !p.is_null() {
                LIVE.fetch_add(layout.size(), Ordering::Relaxed);
            }
            p
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            // SAFETY: forwarded unchanged.
            unsafe { System.dealloc(ptr, layout) };
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        }

        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            check_cap(layout.size());
            // SAFETY: forwarded unchanged.
            let p = unsafe { System.alloc_zeroed(layout) };
            if !p.is_null() {
                LIVE.fetch_add(layout.size(), Ordering::Relaxed);
            }
            p
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            if new_size > layout.size() {
                check_cap(new_size - layout.size());
            }
            // SAFETY: forwarded unchanged.
            let p = unsafe { System.realloc(ptr, layout, new_size) };
            if !p.is_null() {
                if new_size >= layout.size() {
                    LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed);
                } else {
                    LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
                }
            }
            p
        }
    }

    #[global_allocator]
    static ALLOCATOR: Capped = Capped;

    // -----------------------------------------------------------------------------------

    struct Args {
        targets: Vec<Target>,
        seconds: f64,
        seed: u64,
        timeout: Duration,
        max_mem: usize,
        findings: PathBuf,
    }

    fn parse_args() -> Result<Args, String> {
        let mut args = Args {
            targets: Vec::new(),
            seconds: 10.0,
            seed: 0,
            timeout: Duration::from_secs(10),
            max_mem: 1024 << 20,
            findings: repo_root(),
        };
        let mut it = std::env::args().skip(1);
        let number = |v: Option<String>, what: &str| -> Result<f64, String> {
            let v = v.ok_or(format!("{what} needs a number"))?;
            v.parse::<f64>()
                .ok()
                .filter(|x| x.is_finite() && *x >= 0.0)
                .ok_or(format!("{what}: {v:?} is not a number"))
        };
        while let Some(a) = it.next() {
            match a.as_str() {
                "--target" => {
                    let name = it.next().ok_or("--target needs a name")?;
                    let t = Target::from_name(&name).ok_or(format!(
                        "unknown target {name:?}: use {}",
                        Target::ALL.map(Target::name).join(", ")
                    ))?;
                    args.targets.push(t);
                }
                "--seconds" => args.seconds = number(it.next(), "--seconds")?,
                "--minutes" => args.seconds = 60.0 * number(it.next(), "--minutes")?,
                "--seed" => args.seed = number(it.next(), "--seed")? as u64,
                "--timeout-ms" => {
                    args.timeout = Duration::from_millis(number(it.next(), "--timeout-ms")? as u64)
                }
                "--max-mem-mib" => {
                    args.max_mem = (number(it.next(), "--max-mem-mib")? as usize) << 20
                }
                "--root" => {
                    args.findings = PathBuf::from(it.next().ok_or("--root needs a folder")?)
                }
                "--help" | "-h" => {
                    return Err(
                        "usage: fuzz [--target program-file|participants-csv|share-link]... \
                         [--seconds N | --minutes N] [--seed N] [--timeout-ms N] \
                         [--max-mem-mib N] [--root DIR]"
                            .into(),
                    )
                }
                other => return Err(format!("unknown argument {other:?}")),
            }
        }
        if args.targets.is_empty() {
            args.targets = Target::ALL.to_vec();
        }
        Ok(args)
    }

    /// What the watchdog needs to report the input that is running.
    struct Running {
        /// Milliseconds since `epoch` when the current input started; 0 when idle.
        started_ms: AtomicU64,
        input: Mutex<Vec<u8>>,
        target: Mutex<Option<Target>>,
    }

    fn save(root: &std::path::Path, target: Target, kind: &str, input: &[u8]) -> PathBuf {
        let dir = findings_dir(root, target);
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join(format!("{kind}-{:016x}", fnv(input)));
        if let Err(e) = std::fs::write(&path, input) {
            eprintln!("fuzz: could not save {}: {e}", path.display());
        }
        path
    }

    fn preview(input: &[u8]) -> String {
        let text = String::from_utf8_lossy(&input[..input.len().min(160)]);
        format!("{text:?}{}", if input.len() > 160 { "…" } else { "" })
    }

    /// Panics are caught; their message and location are kept here instead of printed.
    static LAST_PANIC: Mutex<String> = Mutex::new(String::new());

    fn install_panic_hook() {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // A panic of the fuzzer itself (not of an input) is printed as usual.
            if !GUARDED.try_with(Cell::get).unwrap_or(false) {
                default(info);
                return;
            }
            let location = info
                .location()
                .map_or_else(String::new, |l| format!("{}:{}", l.file(), l.line()));
            let message = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_default();
            if let Ok(mut last) = LAST_PANIC.lock() {
                *last = format!("{location}\t{message}");
            }
        }));
    }

    /// Runs one input; `Err(location, message)` when it panicked.
    fn execute(
        target: Target,
        input: &[u8],
        running: &Running,
        epoch: Instant,
    ) -> Result<Vec<u64>, (String, String)> {
        if let Ok(mut slot) = running.input.lock() {
            slot.clear();
            slot.extend_from_slice(input);
        }
        let base = LIVE.load(Ordering::Relaxed);
        CAP.store(
            base.saturating_add(ALLOC_BUDGET.load(Ordering::Relaxed)),
            Ordering::Relaxed,
        );
        running
            .started_ms
            .store(epoch.elapsed().as_millis() as u64 + 1, Ordering::SeqCst);
        GUARDED.with(|g| g.set(true));
        let result = catch_unwind(AssertUnwindSafe(|| run(target, input)));
        GUARDED.with(|g| g.set(false));
        running.started_ms.store(0, Ordering::SeqCst);
        result.map_err(|_| {
            let text = LAST_PANIC.lock().map(|s| s.clone()).unwrap_or_default();
            let (location, message) = text.split_once('\t').unwrap_or(("?", &text));
            (location.to_owned(), message.to_owned())
        })
    }

    static ALLOC_BUDGET: AtomicUsize = AtomicUsize::new(usize::MAX);

    /// Shrinks a crashing input while it still panics at the same place (a few seconds at
    /// most), so the saved finding shows the bad input plainly.
    fn minimise(
        target: Target,
        input: &[u8],
        location: &str,
        running: &Running,
        epoch: Instant,
    ) -> Vec<u8> {
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut best = input.to_vec();
        let mut chunk = best.len() / 2;
        while chunk >= 1 && Instant::now() < deadline {
            let mut at = 0;
            let mut shrunk = false;
            while at < best.len() && Instant::now() < deadline {
                let end = (at + chunk).min(best.len());
                let mut candidate = best[..at].to_vec();
                candidate.extend_from_slice(&best[end..]);
                match execute(target, &candidate, running, epoch) {
                    Err((loc, _)) if loc == location => {
                        best = candidate;
                        shrunk = true;
                    }
                    _ => at += chunk,
                }
            }
            if !shrunk {
                chunk /= 2;
            }
        }
        best
    }

    struct Stats {
        execs: u64,
        crashes: usize,
    }

    fn fuzz_target(
        args: &Args,
        target: Target,
        running: &Running,
        epoch: Instant,
        budget: Duration,
    ) -> Stats {
        if let Ok(mut t) = running.target.lock() {
            *t = Some(target);
        }
        let root = repo_root();
        let max_len = match target {
            Target::File => 256 << 10,
            Target::Csv => 128 << 10,
            Target::Share => 40 << 10,
            Target::CheckIns => 64 << 10,
        };
        let mut rng = Rng::new(args.seed ^ fnv(target.name().as_bytes()));
        let mut corpus: Vec<Vec<u8>> = Vec::new();
        let mut features: HashSet<u64> = HashSet::new();
        let mut crash_sites: BTreeSet<String> = BTreeSet::new();
        let mut stats = Stats {
            execs: 0,
            crashes: 0,
        };
        let mut on_crash = |input: &[u8], location: String, message: String, stats: &mut Stats| {
            if crash_sites.insert(location.clone()) {
                let small = minimise(target, input, &location, running, epoch);
                let path = save(&args.findings, target, "crash", &small);
                stats.crashes += 1;
                eprintln!(
                    "fuzz: {}: CRASH at {location}: {message}\n      input {} ({} bytes): {}",
                    target.name(),
                    path.display(),
                    small.len(),
                    preview(&small)
                );
            }
        };
        let seeds = seeds(&root, target);
        let seed_count = seeds.len();
        for (_, input) in seeds {
            stats.execs += 1;
            match execute(target, &input, running, epoch) {
                Ok(found) => features.extend(found),
                Err((loc, msg)) => on_crash(&input, loc, msg, &mut stats),
            }
            corpus.push(input);
        }
        if corpus.is_empty() {
            corpus.push(Vec::new());
        }
        let start = Instant::now();
        let mut report = start + Duration::from_secs(60);
        while start.elapsed() < budget {
            if Instant::now() >= report {
                // A sign of life on long runs, and of whether the corpus still finds new things.
                report += Duration::from_secs(60);
                println!(
                    "fuzz: {:<17} {:>4.0} s: {} execs, corpus {}, {} features",
                    target.name(),
                    start.elapsed().as_secs_f64(),
                    stats.execs,
                    corpus.len(),
                    features.len()
                );
            }
            let parent = rng.below(corpus.len());
            let other = rng.below(corpus.len());
            let input = mutate(&mut rng, target, &corpus[parent], &corpus[other], max_len);
            stats.execs += 1;
            match execute(target, &input, running, epoch) {
                Ok(found) => {
                    let mut new = false;
                    for f in found {
                        new |= features.insert(f);
                    }
                    if new {
                        // A new feature: keep the input to mutate further (bounded corpus).
                        if corpus.len() < 4000 {
                            corpus.push(input);
                        } else {
                            let i = seed_count + rng.below(corpus.len() - seed_count);
                            corpus[i] = input;
                        }
                    }
                }
                Err((loc, msg)) => on_crash(&input, loc, msg, &mut stats),
            }
        }
        let secs = start.elapsed().as_secs_f64().max(1e-9);
        println!(
            "fuzz: {:<17} {:>9} execs in {:>6.1} s ({:>7.0}/s), {} seeds, corpus {}, {} features, {} crash site(s)",
            target.name(),
            stats.execs,
            secs,
            stats.execs as f64 / secs,
            seed_count,
            corpus.len(),
            features.len(),
            stats.crashes
        );
        stats
    }

    /// Reports a hang or a blown memory cap (saving the input) and ends the process: the
    /// stuck thread cannot be stopped from outside.
    fn watchdog(running: Arc<Running>, epoch: Instant, timeout: Duration, root: PathBuf) {
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_millis(20));
            let started = running.started_ms.load(Ordering::SeqCst);
            let over_cap = OVER_CAP.load(Ordering::SeqCst);
            let hung = started != 0
                && epoch.elapsed().as_millis() as u64 > started - 1 + timeout.as_millis() as u64;
            if !(hung || over_cap) {
                continue;
            }
            let input = running.input.lock().map(|i| i.clone()).unwrap_or_default();
            let target = running.target.lock().ok().and_then(|t| *t);
            let Some(target) = target else { continue };
            let kind = if over_cap { "oom" } else { "hang" };
            let path = save(&root, target, kind, &input);
            if over_cap {
                eprintln!(
                    "fuzz: {}: OUT OF MEMORY CAP: an allocation of {} bytes with {} MiB live",
                    target.name(),
                    ASKED.load(Ordering::Relaxed),
                    LIVE.load(Ordering::Relaxed) >> 20
                );
            } else {
                eprintln!(
                    "fuzz: {}: HANG: one input ran for more than {} ms",
                    target.name(),
                    timeout.as_millis()
                );
            }
            eprintln!(
                "      input {} ({} bytes): {}",
                path.display(),
                input.len(),
                preview(&input)
            );
            std::process::exit(1);
        });
    }

    pub fn main() {
        let args = match parse_args() {
            Ok(a) => a,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(2);
            }
        };
        install_panic_hook();
        ALLOC_BUDGET.store(args.max_mem, Ordering::Relaxed);
        let epoch = Instant::now();
        let running = Arc::new(Running {
            started_ms: AtomicU64::new(0),
            input: Mutex::new(Vec::new()),
            target: Mutex::new(None),
        });
        watchdog(running.clone(), epoch, args.timeout, args.findings.clone());
        let budget = Duration::from_secs_f64(args.seconds);
        let mut crashes = 0;
        for &target in &args.targets {
            crashes += fuzz_target(&args, target, &running, epoch, budget).crashes;
        }
        if crashes > 0 {
            eprintln!(
                "fuzz: {crashes} crash site(s) saved under {}; `cargo test --test fuzz_findings` replays them",
                args.findings.join("tests/fuzz-findings").display()
            );
            std::process::exit(1);
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(target_arch = "wasm32")]
fn main() {}
