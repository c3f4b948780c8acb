//! Time `connkit preview` on every connector of a corpus: the command's whole session (load,
//! lint, build the preview, render, write the page), per connector.
//!
//! cargo run --release --example preview_corpus -- ../shared/corpus/connectors
//!
//! Prints the count, the median, the 99th percentile and the slowest connectors (wall time and
//! this thread's CPU time: the machine is shared, and CPU time is what steal does not
//! inflate), the CPU time of building and rendering the page alone (without the lint), and
//! exits 1 when a connector with a definition fails to preview.

use std::path::PathBuf;
use std::time::Instant;

/// CPU time of the calling thread, in milliseconds (0 where there is no libc).
#[cfg(not(unix))]
fn thread_cpu_ms() -> f64 {
    0.0
}

/// CPU time of the calling thread, in milliseconds.
#[cfg(unix)]
fn thread_cpu_ms() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec into the valid pointer it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 * 1e3 + ts.tv_nsec as f64 / 1e6
}

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
    let mut times: Vec<(f64, String, usize, f64)> = Vec::new();
    let mut page_cpu: Vec<f64> = Vec::new();
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
            let cpu = thread_cpu_ms();
            let r = connkit::app::preview::run(&req);
            let cpu = thread_cpu_ms() - cpu;
            let ms = start.elapsed().as_secs_f64() * 1e3;
            match r {
                Ok(o) => {
                    times.push((ms, dir.display().to_string(), o.bytes, cpu));
                    // The page alone: build the preview and render it (the connector loaded).
                    let c = connkit::model::Connector::load_dir(&dir, String::new());
                    let cpu = thread_cpu_ms();
                    let (p, _) = connkit::app::preview::preview_of(&c, false).expect("no lint");
                    std::hint::black_box(connkit::report::preview::render(&p));
                    page_cpu.push(thread_cpu_ms() - cpu);
                }
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
    let at = |v: &[f64], p: f64| v[((v.len() as f64 - 1.0) * p).round() as usize];
    let wall: Vec<f64> = times.iter().map(|t| t.0).collect();
    let mut cpu: Vec<f64> = times.iter().map(|t| t.3).collect();
    cpu.sort_by(f64::total_cmp);
    page_cpu.sort_by(f64::total_cmp);
    println!(
        "{n} connectors previewed (load, lint, build, render, write): wall median {:.1} ms, p99 {:.1} ms, max {:.1} ms, total {:.2} s; CPU median {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        at(&wall, 0.5),
        at(&wall, 0.99),
        wall[n - 1],
        wall.iter().sum::<f64>() / 1e3,
        at(&cpu, 0.5),
        at(&cpu, 0.99),
        cpu[n - 1],
    );
    println!(
        "the page alone (build + render, no lint): CPU median {:.2} ms, p99 {:.1} ms, max {:.1} ms",
        at(&page_cpu, 0.5),
        at(&page_cpu, 0.99),
        page_cpu[page_cpu.len() - 1]
    );
    for (ms, dir, bytes, cpu) in times.iter().rev().take(5) {
        println!(
            "  {ms:7.1} ms wall {cpu:7.1} ms CPU  {:5} KB  {dir}",
            bytes / 1024
        );
    }
    if failed > 0 {
        std::process::exit(1);
    }
}
