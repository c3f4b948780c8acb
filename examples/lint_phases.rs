//! Where lint time goes, phase by phase, over a folder of connectors (a benchmark aid, not a
//! test). Single-threaded so the phases add up.
//!
//! cargo run --release --example lint_phases -- ../shared/corpus/connectors

use std::time::{Duration, Instant};

use connkit::model::Connector;
use connkit::model::discover::{Target, discover};
use connkit::rules::{self, Context, LintOptions, Profile};

fn main() {
    let root = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpus/connectors".into());
    let (targets, _) = discover(std::path::Path::new(&root));
    if targets.is_empty() {
        eprintln!("no connectors under {root}");
        std::process::exit(2);
    }
    let (mut load, mut check, mut locate) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let mut per_rule: std::collections::HashMap<&str, Duration> = Default::default();
    let mut findings = 0;
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
    let _ = LintOptions::default();
    println!("connectors {}  findings {findings}", targets.len());
    println!("load+parse {:>8.1} ms", load.as_secs_f64() * 1e3);
    println!("rules      {:>8.1} ms", check.as_secs_f64() * 1e3);
    println!("locate     {:>8.1} ms", locate.as_secs_f64() * 1e3);
    let mut v: Vec<_> = per_rule.into_iter().collect();
    v.sort_by_key(|x| std::cmp::Reverse(x.1));
    for (code, d) in v.iter().take(std::env::var("TOP").ok().and_then(|s| s.parse().ok()).unwrap_or(12)) {
        println!("  {:<50} {:>7.1} ms", code, d.as_secs_f64() * 1e3);
    }
}
