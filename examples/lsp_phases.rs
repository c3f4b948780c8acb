//! Where the language server's time goes after an edit (a benchmark aid, not a test): the
//! steps of one lint of a connector as `connkit lsp` runs it, each timed in CPU time of this
//! thread (robust on a loaded machine), fastest of RUNS (default 20). Each run edits the
//! definition (as `lsp_latency` does) and takes over the other files from the run before, as
//! the server does; the rules run one after the other here, so that each can be timed.
//!
//! cargo run --release --example lsp_phases -- ../shared/corpus/connectors/certified-connectors/Entersoft

use std::time::Duration;

use connkit::lsp::{diagnostics, workspace};
use connkit::rules::{self, Context, LintOptions};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: a valid pointer to a timespec.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpus/connectors/certified-connectors/Entersoft".into());
    let dir = std::path::absolute(&dir).unwrap();
    let def = dir.join("apiDefinition.swagger.json");
    let text = std::fs::read_to_string(&def).expect("a definition");
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let names = [
        "config",
        "load",
        "context",
        "rules",
        "locate",
        "suppress",
        "diagnostics",
        "serialize",
    ];
    let mut best = vec![Duration::MAX; names.len()];
    let mut per_rule: std::collections::HashMap<&str, Duration> = Default::default();
    rules::prepare();
    // The previous lint's files, taken over when unchanged (as the server does).
    let mut previous = None;
    for i in 0..runs {
        let mut overlay = workspace::Overlay::default();
        let body = if i % 2 == 0 {
            text.replacen("\"description\": \"", "\"description\": \"x", 1)
        } else {
            text.clone()
        };
        overlay.set(def.clone(), body);
        let mut t = vec![cpu()];
        let (_, eff) = workspace::configuration(&dir, &overlay);
        let eff = eff.unwrap_or_default();
        t.push(cpu());
        let (connector, sources) = workspace::load_reusing(&dir, &overlay, previous.take());
        t.push(cpu());
        let (profile, _) = connkit::config::resolve_profile(None, eff.profile, &dir);
        let cx = Context::new(&connector, profile);
        t.push(cpu());
        let mut raw = Vec::new();
        for r in rules::registry() {
            if r.profiles.contains(profile) {
                let s = cpu();
                raw.extend(rules::run_rule(r, r.severity, &cx));
                let e = per_rule.entry(r.code).or_insert(Duration::MAX);
                *e = (*e).min(cpu() - s);
            }
        }
        drop(cx);
        t.push(cpu());
        let mut findings = rules::locate(&connector, raw);
        t.push(cpu());
        let mut sups = eff.ignores.clone();
        sups.extend(connkit::suppress::inline(&connector));
        connkit::suppress::apply(&mut findings, &sups);
        t.push(cpu());
        let linted = workspace::Linted {
            connector,
            findings,
            sources,
        };
        let lists = diagnostics::by_file(&linted, &overlay);
        t.push(cpu());
        let mut bytes = 0;
        for (path, list) in lists {
            let params = lsp_types::PublishDiagnosticsParams {
                uri: connkit::lsp::text::path_to_uri(&path).unwrap(),
                diagnostics: list,
                version: None,
            };
            bytes += serde_json::to_string(&serde_json::to_value(params).unwrap())
                .unwrap()
                .len();
        }
        t.push(cpu());
        for (k, w) in t.windows(2).enumerate() {
            best[k] = best[k].min(w[1] - w[0]);
        }
        if i == 0 {
            println!(
                "{} findings, {bytes} bytes of diagnostics",
                linted.findings.len()
            );
        }
    }
    let _ = LintOptions::default();
    let total: Duration = best.iter().sum();
    for (n, d) in names.iter().zip(&best) {
        println!("{n:<12} {:>7.2} ms", d.as_secs_f64() * 1e3);
    }
    println!("{:<12} {:>7.2} ms", "total", total.as_secs_f64() * 1e3);
    let mut v: Vec<_> = per_rule.into_iter().collect();
    v.sort_by_key(|x| std::cmp::Reverse(x.1));
    for (code, d) in v.iter().take(15) {
        println!("  {code:<45} {:>6.2} ms", d.as_secs_f64() * 1e3);
    }
}
