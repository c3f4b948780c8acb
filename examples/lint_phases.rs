//! Where lint time goes, phase by phase, over a folder of connectors (a benchmark aid, not a
//! test). Single-threaded so the phases add up.
//!
//! cargo run --release --example lint_phases -- ../shared/corpus/connectors
//!
//! RUNS=N (default 3) repeats the whole pass and keeps each phase's and each rule's fastest
//! time (the machine is shared; minima are the stable number). TOP=N rules are listed.

use std::time::{Duration, Instant};

use connkit::model::Connector;
use connkit::model::discover::{Target, discover};
use connkit::rules::{self, Context, LintOptions, Profile};

// The same allocator as the binary.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let root = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpus/connectors".into());
    let (targets, _) = discover(std::path::Path::new(&root));
    if targets.is_empty() {
        eprintln!("no connectors under {root}");
        std::process::exit(2);
    }
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let mut best: Option<(Duration, Duration, Duration)> = None;
    let mut best_rule: std::collections::HashMap<&str, Duration> = Default::default();
    let mut findings = 0;
    for _ in 0..runs.max(1) {
        let (mut load, mut check, mut locate) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
        let mut per_rule: std::collections::HashMap<&str, Duration> = Default::default();
        findings = 0;
        for t in &targets {
            let t0 = Instant::now();
            let c = match t {
                Target::Folder(p) => Connector::load_dir(p, String::new()),
                Target::File(p) => Connector::load_file(p, String::new()),
            };
            let t1 = Instant::now();
            let profile = Profile::detect(t.path());
            let cx = Context::new(&c, profile);
            let mut raw = Vec::new();
            for r in rules::registry() {
                if r.profiles.contains(profile) {
                    let s = Instant::now();
                    raw.extend(rules::run_rule(r, r.severity, &cx));
                    *per_rule.entry(r.code).or_default() += s.elapsed();
                }
            }
            let t2 = Instant::now();
            findings += rules::locate(&c, raw).len();
            let t3 = Instant::now();
            load += t1 - t0;
            check += t2 - t1;
            locate += t3 - t2;
        }
        best = Some(match best {
            None => (load, check, locate),
            Some((a, b, c)) => (a.min(load), b.min(check), c.min(locate)),
        });
        for (code, d) in per_rule {
            let e = best_rule.entry(code).or_insert(d);
            *e = (*e).min(d);
        }
    }
    let (load, check, locate) = best.unwrap_or_default();
    let per_rule = best_rule;
    let _ = LintOptions::default();
    println!("connectors {}  findings {findings}", targets.len());
    println!("load+parse {:>8.1} ms", load.as_secs_f64() * 1e3);
    println!("rules      {:>8.1} ms", check.as_secs_f64() * 1e3);
    println!("locate     {:>8.1} ms", locate.as_secs_f64() * 1e3);
    let mut v: Vec<_> = per_rule.into_iter().collect();
    v.sort_by_key(|x| std::cmp::Reverse(x.1));
    for (code, d) in v.iter().take(
        std::env::var("TOP")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(12),
    ) {
        println!("  {:<50} {:>7.1} ms", code, d.as_secs_f64() * 1e3);
    }
}
