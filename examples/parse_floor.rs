//! The physical floor for linting: read every JSON file of every connector and parse it once
//! with serde_json, in parallel, nothing else. `scripts/bench.sh` compares lint against it.
//!
//! cargo run --release --example parse_floor -- ../shared/corpus/connectors

use rayon::prelude::*;

fn main() {
    let root = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpus/connectors".into());
    let files: Vec<_> = walkdir::WalkDir::new(&root)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "json"))
        .filter(|e| e.file_name() != "index.json")
        .map(|e| e.into_path())
        .collect();
    let t = std::time::Instant::now();
    let (bytes, ok): (usize, usize) = files
        .par_iter()
        .map(|p| {
            let b = std::fs::read(p).unwrap_or_default();
            let b = b.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(&b);
            let ok = serde_json::from_slice::<serde_json::Value>(b).is_ok() as usize;
            (b.len(), ok)
        })
        .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    println!(
        "files {} ({} parse)  bytes {:.1} MB  time {:.1} ms",
        files.len(),
        ok,
        bytes as f64 / 1e6,
        t.elapsed().as_secs_f64() * 1e3
    );
}
