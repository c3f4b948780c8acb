//! Time `connkit preview` on every connector of a corpus: the command's whole session (load,
//! lint, build the preview, render, write the page), per connector.
//!
//! cargo run --release --example preview_corpus -- ../shared/corpus/connectors
//!
//! Prints the count, the median, the 99th percentile and the slowest connectors, and exits 1
//! when a connector with a definition fails to preview.

use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let corpus = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/corpus/connectors"));
    if !corpus.is_dir() {
        eprintln!("skipped: {} not found", corpus.display());
        return;
    }
    let t = tempfile::tempdir().expect("temp dir");
    let out = t.path().join("p.html");
    let mut times: Vec<(f64, String, usize)> = Vec::new();
    let mut failed = 0;
    let mut kinds: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .expect("corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    kinds.sort();
    for kind in kinds {
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(&kind)
            .expect("kind")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
            .collect();
        dirs.sort();
        for dir in dirs {
            let req = connkit::app::preview::PreviewRequest {
                dir: dir.clone(),
                output: out.clone(),
                lint: true,
            };
            let start = Instant::now();
            let r = connkit::app::preview::run(&req);
            let ms = start.elapsed().as_secs_f64() * 1e3;
            match r {
                Ok(o) => times.push((ms, dir.display().to_string(), o.bytes)),
                Err(connkit::app::preview::PreviewError::NoDefinition(_)) => {}
                Err(e) => {
                    failed += 1;
                    eprintln!("FAILED {}: {e}", dir.display());
                }
            }
        }
    }
    times.sort_by(|a, b| a.0.total_cmp(&b.0));
    let n = times.len();
    if n == 0 {
        eprintln!("no connector previewed");
        std::process::exit(1);
    }
    let pct = |p: f64| times[((n as f64 - 1.0) * p).round() as usize].0;
    let total: f64 = times.iter().map(|t| t.0).sum();
    println!(
        "{n} connectors previewed: median {:.1} ms, p99 {:.1} ms, max {:.1} ms, total {:.2} s",
        pct(0.5),
        pct(0.99),
        times[n - 1].0,
        total / 1e3
    );
    for (ms, dir, bytes) in times.iter().rev().take(5) {
        println!("  {ms:7.1} ms  {:5} KB  {dir}", bytes / 1024);
    }
    if failed > 0 {
        std::process::exit(1);
    }
}
