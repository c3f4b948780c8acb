//! Benchmark (not a test): `connkit diff` over every revision pair of the corpus.
//!
//! cargo run --release --example diff_corpus [-- DIR]   (default: ../shared/corpus/revisions)
//!
//! Loads both files (read + lenient parse), compares, resolves positions, as the CLI does, and
//! prints total time, the slowest and the largest pair, pairs with breaking changes and the
//! most frequent codes. Peak memory: run it under `/usr/bin/time -v` (scripts/bench-diff.sh).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use connkit::diff::{self, DiffSeverity, Side};
use connkit::model::DataFile;

fn load(dir: &Path, label: &str, name: &str) -> Side {
    let p = dir.join(name);
    Side {
        label: format!("{label}/{name}"),
        definition: Some(DataFile::load(&p, name.to_string())),
        properties: None,
    }
}

fn main() {
    let root = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/revisions")
        });
    let Ok(rd) = std::fs::read_dir(&root) else {
        eprintln!(
            "skipped: {} not found (the corpus is not part of this repository)",
            root.display()
        );
        return;
    };
    let mut dirs: Vec<PathBuf> = rd
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let mut total = Duration::ZERO;
    let mut slowest = (Duration::ZERO, String::new(), 0u64);
    let mut largest = (0u64, String::new(), Duration::ZERO);
    let mut with_breaking = 0;
    let mut with_any = 0;
    let mut panics = Vec::new();
    let mut code_changes: BTreeMap<&str, usize> = BTreeMap::new();
    let mut code_pairs: BTreeMap<&str, usize> = BTreeMap::new();
    let mut per_pair = Vec::new();
    let wall = Instant::now();
    for d in &dirs {
        let id = d
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let size = ["old.swagger.json", "new.swagger.json"]
            .iter()
            .map(|n| std::fs::metadata(d.join(n)).map(|m| m.len()).unwrap_or(0))
            .sum::<u64>();
        let t = Instant::now();
        let result = std::panic::catch_unwind(|| {
            let old = load(d, &id, "old.swagger.json");
            let new = load(d, &id, "new.swagger.json");
            diff::diff(&old, &new)
        });
        let el = t.elapsed();
        total += el;
        let Ok(report) = result else {
            panics.push(id);
            continue;
        };
        if el > slowest.0 {
            slowest = (el, id.clone(), size);
        }
        if size > largest.0 {
            largest = (size, id.clone(), el);
        }
        if !report.changes.is_empty() {
            with_any += 1;
        }
        if report.has_at_least(DiffSeverity::Breaking) {
            with_breaking += 1;
        }
        let mut seen = std::collections::BTreeSet::new();
        for c in &report.changes {
            *code_changes.entry(c.rule.code).or_default() += 1;
            if seen.insert(c.rule.code) {
                *code_pairs.entry(c.rule.code).or_default() += 1;
            }
        }
        let s = report.summary();
        per_pair.push((id, s.breaking, s.warning, s.info));
    }
    let wall = wall.elapsed();
    // The same work spread over the machine's cores (how a CI job over many pairs would run).
    let t = Instant::now();
    let breaking_par = {
        use rayon::prelude::*;
        dirs.par_iter()
            .filter(|d| {
                let id = d
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                std::panic::catch_unwind(|| {
                    let old = load(d, &id, "old.swagger.json");
                    let new = load(d, &id, "new.swagger.json");
                    diff::diff(&old, &new).has_at_least(DiffSeverity::Breaking)
                })
                .unwrap_or(false)
            })
            .count()
    };
    let par = t.elapsed();
    if std::env::var_os("DIFF_CORPUS_PAIRS").is_some() {
        for (id, b, w, i) in &per_pair {
            println!("pair {id}: {b} breaking, {w} warning, {i} info");
        }
    }
    println!(
        "pairs: {} ({} panicked: {:?})",
        dirs.len(),
        panics.len(),
        panics
    );
    println!(
        "total: {:.3} s (load + parse + compare + positions, one thread; wall {:.3} s)",
        total.as_secs_f64(),
        wall.as_secs_f64()
    );
    println!(
        "parallel over {} threads: {:.3} s wall ({breaking_par} pairs with breaking changes)",
        rayon::current_num_threads(),
        par.as_secs_f64()
    );
    println!(
        "slowest pair: {} ({} bytes) {:.1} ms",
        slowest.1,
        slowest.2,
        slowest.0.as_secs_f64() * 1e3
    );
    println!(
        "largest pair: {} ({} bytes) {:.1} ms",
        largest.1,
        largest.0,
        largest.2.as_secs_f64() * 1e3
    );
    println!("pairs with any change: {with_any}; with breaking changes: {with_breaking}");
    let mut top: Vec<_> = code_pairs.iter().collect();
    top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    println!("codes (pairs with it / changes):");
    for (code, pairs) in top {
        println!(
            "  {code:<36} {pairs:>4} / {}",
            code_changes.get(code).copied().unwrap_or(0)
        );
    }
}
