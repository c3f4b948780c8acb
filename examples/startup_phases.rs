//! What a one-connector `connkit lint` spends its CPU on, step by step (a benchmark aid, not a
//! test): compiling the rules' JSON Schemas, loading the connector, its rules run on this thread
//! and on rayon's pool. Each step once, in a fresh process, as the CLI does it.
//!
//! cargo run --release --example startup_phases -- DIR

use std::time::{Duration, Instant};

use connkit::model::Connector;
use connkit::rules::{self, LintOptions, Profile};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// CPU time of the process, every thread (the scheduler's count, not ticks).
fn cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: a valid pointer to a timespec.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

fn main() {
    let dir = std::env::args().nth(1).expect("a connector folder");
    let step = |name: &str, f: &mut dyn FnMut()| {
        let (c, w) = (cpu(), Instant::now());
        f();
        println!(
            "{name:<28} CPU {:>6.2} ms  wall {:>6.2} ms",
            (cpu() - c).as_secs_f64() * 1e3,
            w.elapsed().as_secs_f64() * 1e3
        );
    };
    step("clap: Cli::command()", &mut || {
        use clap::CommandFactory;
        connkit::cli::Cli::command();
    });
    step("clap: parse `lint DIR`", &mut || {
        use clap::Parser;
        let _ = connkit::cli::Cli::try_parse_from(["connkit", "lint", dir.as_str()]);
    });
    let mut c = None;
    step("load", &mut || {
        c = Some(Connector::load_dir(
            std::path::Path::new(&dir),
            String::new(),
        ))
    });
    let c = c.unwrap();
    let opts = LintOptions::default();
    step("registry", &mut || {
        rules::registry();
    });
    step("prepare (schemas)", &mut || rules::prepare());
    let mut n = 0;
    step("rules, this thread", &mut || {
        n = rules::lint(&c, Profile::Certified, &opts).len()
    });
    step("rules again, this thread", &mut || {
        n = rules::lint(&c, Profile::Certified, &opts).len()
    });
    step("rayon pool start", &mut || {
        rayon::current_num_threads();
    });
    step("rules, rayon", &mut || {
        n = rules::lint_parallel(&c, Profile::Certified, &opts).len()
    });
    println!("{n} findings");
}
