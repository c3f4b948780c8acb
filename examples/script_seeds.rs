//! Seeding experiment for the script.csx checks (issue 26), over the merged scripts of the
//! corpus history.
//!
//! ```sh
//! cargo run --example script_seeds -- ../shared/corpus/history
//! cargo run --example script_seeds -- ../shared/corpus/history --verbose
//! cargo run --example script_seeds -- ../shared/corpus/history --list ScriptSyntaxDoubt
//! cargo run --release --example script_seeds -- ../shared/corpus/history --time
//! ```
//!
//! `--time` measures instead what a script adds to a lint: tree-sitter alone, the syntax model
//! (parse and walk), and the 14 script rules once the model is kept with the file, fastest of 5, for the largest merged script, the median one, and
//! a synthetic 1 MB script (the platform's limit) made of the largest one repeated.
//!
//! For every merged script version, it first lints the script as merged (the script rules
//! with the connector's own definition and apiProperties) and lists every error: the promise
//! is no error on a merged script unless it really cannot compile. Then it seeds one defect of
//! each kind into the script, one at a time, and counts a detection when the expected code
//! fires at the line of the defect:
//!
//! | kind | seeded | expected |
//! |---|---|---|
//! | syntax | `var seeded = ;` as ExecuteAsync's first statement | ScriptSyntaxError on that line |
//! | brace | the file's last `}` removed | ScriptSyntaxError from the last code line to the end |
//! | namespace | `using System.Text.Json;` as the first line | ScriptNamespaceNotAllowed on line 1 |
//! | operation | `if (this.Context.OperationId == "SeededUnknownOperation") …` | ScriptUnknownOperationId on that line |
//! | sleep | `Thread.Sleep(6000);` | ScriptDelayExceedsLimit on that line |
//! | result | `…ReadAsStringAsync().Result;` | ScriptBlockingCall on that line |
//!
//! The seeder finds ExecuteAsync's body by text (the `{` after `override … ExecuteAsync(`),
//! not with connkit's parser, so a script the parser misreads is not excused.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use connkit::model::{Connector, TextFile};
use connkit::rules::{self, Finding, Profile, Severity};
use serde_json::Value;

/// The script rules only, with the connector's other files (definition, apiProperties).
fn lint_script(c: &Connector, profile: Profile) -> Vec<Finding> {
    let cx = rules::Context::new(c, profile);
    let raw: Vec<_> = rules::area("script")
        .iter()
        .filter(|r| r.profiles.contains(profile))
        .flat_map(|r| rules::run_rule(r, r.severity, &cx))
        .collect();
    rules::locate(c, raw)
}

fn set_script(c: &mut Connector, text: String) {
    let old = c.script.take().expect("a script");
    c.script = Some(TextFile::from_text(
        old.path.clone(),
        old.rel_path.clone(),
        text.clone(),
        text.len() as u64,
        Vec::new(),
    ));
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

/// Where ExecuteAsync's body opens: the byte after its `{`.
fn body_start(text: &str) -> Option<usize> {
    let at = text
        .match_indices("ExecuteAsync(")
        .map(|(i, _)| i)
        .find(|&i| {
            let line_start = text[..i].rfind('\n').map_or(0, |s| s + 1);
            text[line_start..i].contains("override")
        })
        .or_else(|| text.find("ExecuteAsync("))?;
    Some(at + text[at..].find('{')? + 1)
}

struct Seed {
    kind: &'static str,
    code: &'static str,
    text: String,
    lines: (usize, usize),
}

fn seeds(text: &str) -> Vec<Seed> {
    let mut out = Vec::new();
    let insert = |stmt: &str, kind: &'static str, code: &'static str| {
        let at = body_start(text)?;
        let seeded = format!("{}\n        {stmt}{}", &text[..at], &text[at..]);
        let line = line_of(text, at) + 1;
        Some(Seed {
            kind,
            code,
            text: seeded,
            lines: (line, line),
        })
    };
    out.extend(insert("var seeded = ;", "syntax", "ScriptSyntaxError"));
    if let Some(i) = text.rfind('}') {
        let seeded = format!("{}{}", &text[..i], &text[i + 1..]);
        let last_code = seeded.trim_end().len();
        out.push(Seed {
            kind: "brace",
            code: "ScriptSyntaxError",
            lines: (line_of(&seeded, last_code), line_of(&seeded, seeded.len())),
            text: seeded,
        });
    }
    out.push(Seed {
        kind: "namespace",
        code: "ScriptNamespaceNotAllowed",
        text: format!("using System.Text.Json;\n{text}"),
        lines: (1, 1),
    });
    out.extend(insert(
        "if (this.Context.OperationId == \"SeededUnknownOperation\") { return new HttpResponseMessage(HttpStatusCode.BadRequest); }",
        "operation",
        "ScriptUnknownOperationId",
    ));
    out.extend(insert(
        "Thread.Sleep(6000);",
        "sleep",
        "ScriptDelayExceedsLimit",
    ));
    out.extend(insert(
        "var seededBody = this.Context.Request.Content.ReadAsStringAsync().Result;",
        "result",
        "ScriptBlockingCall",
    ));
    out
}

const KINDS: [&str; 6] = [
    "syntax",
    "brace",
    "namespace",
    "operation",
    "sleep",
    "result",
];

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut root = PathBuf::from("../shared/corpus/history");
    let mut verbose = false;
    // `--time`: parse and script-rule times instead of the seeding.
    let mut time = false;
    // `--list CODE`: print that code's findings on the scripts as merged.
    let mut list: Vec<String> = Vec::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--verbose" | "-v" => verbose = true,
            "--time" => time = true,
            "--list" => list.extend(args.next()),
            _ => root = PathBuf::from(a),
        }
    }
    let index: Value = match std::fs::read_to_string(root.join("index.json"))
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
    {
        Some(v) => v,
        None => {
            eprintln!(
                "no index.json under {}: the corpus is absent, nothing measured",
                root.display()
            );
            return ExitCode::from(2);
        }
    };
    if time {
        timing(&root, &index);
        return ExitCode::SUCCESS;
    }
    let mut versions = 0;
    let mut connectors = BTreeSet::new();
    // kind -> (detected, seeded), and the misses.
    let mut tally: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut misses: Vec<String> = Vec::new();
    let mut not_seedable: BTreeMap<&str, usize> = BTreeMap::new();
    // code -> (versions, connectors) on scripts as merged.
    let mut fired: BTreeMap<&str, (usize, BTreeSet<String>)> = BTreeMap::new();
    let mut merged_errors: Vec<String> = Vec::new();
    let mut unique = BTreeSet::new();
    // Errors of other codes that a seed brought (findings the defect should not cause).
    let mut collateral: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for rec in index.as_array().into_iter().flatten() {
        let dir = rec["dir"].as_str().unwrap_or_default();
        let path = root.join(dir);
        if !Path::new(&path).join("script.csx").is_file() {
            continue;
        }
        let name = rec["name"].as_str().unwrap_or_default().to_string();
        let profile = match rec["kind"].as_str() {
            Some("certified-connectors") => Profile::Certified,
            Some("independent-publisher-connectors") => Profile::IndependentPublisher,
            _ => Profile::Custom,
        };
        let mut c = Connector::load_dir(&path, dir.to_string());
        let Some(text) = c.script.as_ref().map(|s| s.text.clone()) else {
            continue;
        };
        versions += 1;
        connectors.insert(name.clone());
        unique.insert(text.clone());
        let base = lint_script(&c, profile);
        let mut codes_here = BTreeSet::new();
        for f in &base {
            codes_here.insert(f.code);
            if list.iter().any(|c| c == f.code) {
                println!(
                    "{dir}/{}:{}:{}: {} {}",
                    f.file, f.line, f.column, f.code, f.message
                );
            }
            if f.severity == Severity::Error {
                merged_errors.push(format!(
                    "{dir}/script.csx:{}:{}: {} {}",
                    f.line, f.column, f.code, f.message
                ));
            }
        }
        for code in codes_here {
            let e = fired.entry(code).or_default();
            e.0 += 1;
            e.1.insert(name.clone());
        }
        let made = seeds(&text);
        for kind in KINDS {
            if !made.iter().any(|s| s.kind == kind) {
                *not_seedable.entry(kind).or_default() += 1;
            }
        }
        for seed in made {
            set_script(&mut c, seed.text.clone());
            let found = lint_script(&c, profile);
            let hit = found
                .iter()
                .any(|f| f.code == seed.code && f.line >= seed.lines.0 && f.line <= seed.lines.1);
            let before: BTreeSet<&str> = base
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .map(|f| f.code)
                .collect();
            for f in &found {
                if f.severity == Severity::Error && f.code != seed.code && !before.contains(f.code)
                {
                    *collateral.entry((seed.kind, f.code)).or_default() += 1;
                }
            }
            let t = tally.entry(seed.kind).or_default();
            t.1 += 1;
            if hit {
                t.0 += 1;
            } else {
                let got: Vec<String> = found
                    .iter()
                    .filter(|f| f.code == seed.code)
                    .map(|f| format!("{}@{}", f.code, f.line))
                    .collect();
                misses.push(format!(
                    "{} {dir}: expected {} at lines {}..={}, got {got:?}",
                    seed.kind, seed.code, seed.lines.0, seed.lines.1
                ));
            }
            set_script(&mut c, text.clone());
        }
    }
    println!(
        "merged script versions: {versions} ({} distinct texts) of {} connectors",
        unique.len(),
        connectors.len()
    );
    println!("\nseeded defects found at the right line:");
    let (mut all_hit, mut all_n) = (0, 0);
    for kind in KINDS {
        let (hit, n) = tally.get(kind).copied().unwrap_or_default();
        all_hit += hit;
        all_n += n;
        let skipped = not_seedable.get(kind).copied().unwrap_or_default();
        println!(
            "  {kind:<10} {hit:>4}/{n:<4} {:>6.1}%{}",
            100.0 * hit as f64 / n.max(1) as f64,
            if skipped > 0 {
                format!("  ({skipped} scripts without a place to seed)")
            } else {
                String::new()
            }
        );
    }
    println!(
        "  {:<10} {all_hit:>4}/{all_n:<4} {:>6.1}%",
        "all",
        100.0 * all_hit as f64 / all_n.max(1) as f64
    );
    println!("\nother errors the seeds brought (kind, code: findings):");
    if collateral.is_empty() {
        println!("  none");
    }
    for ((kind, code), n) in &collateral {
        println!("  {kind:<10} {code:<28} {n}");
    }
    println!("\nscript codes on the scripts as merged (versions, connectors):");
    for (code, (v, cs)) in &fired {
        println!("  {code:<32} {v:>4} {:>4}", cs.len());
    }
    println!("\nerrors on merged scripts: {}", merged_errors.len());
    for e in &merged_errors {
        println!("  {e}");
    }
    if verbose || misses.len() <= 40 {
        println!("\nmisses: {}", misses.len());
        for m in &misses {
            println!("  {m}");
        }
    } else {
        println!("\nmisses: {} (--verbose lists them)", misses.len());
    }
    ExitCode::SUCCESS
}

/// Fastest of 5 runs of `f`, in milliseconds.
fn fastest(mut f: impl FnMut()) -> f64 {
    (0..5)
        .map(|_| {
            let t = std::time::Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::INFINITY, f64::min)
}

fn timing(root: &Path, index: &Value) {
    let mut scripts: Vec<(usize, PathBuf)> = Vec::new();
    for rec in index.as_array().into_iter().flatten() {
        let path = root.join(rec["dir"].as_str().unwrap_or_default());
        if let Ok(m) = std::fs::metadata(path.join("script.csx")) {
            scripts.push((m.len() as usize, path));
        }
    }
    scripts.sort();
    let Some((_, largest)) = scripts.last().cloned() else {
        println!("no scripts");
        return;
    };
    let (_, median) = scripts[scripts.len() / 2].clone();
    let mut one_mb = Connector::load_dir(&largest, "1MB".into());
    let body = one_mb
        .script
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    // The largest script's class repeated under other names, up to 1 MB.
    let mut big = body.clone();
    let mut n = 0;
    while big.len() + body.len() < 1024 * 1024 {
        n += 1;
        big.push_str(&body.replace("class Script", &format!("class Script{n}")));
    }
    set_script(&mut one_mb, big);
    let mut all_ms = 0.0;
    for (size, path) in &scripts {
        let c = Connector::load_dir(path, String::new());
        let text = c
            .script
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default();
        let _ = size;
        all_ms += fastest(|| {
            std::hint::black_box(connkit::scripts::parse(&text));
        });
    }
    println!(
        "parse of all {} merged scripts, one after the other: {all_ms:.1} ms",
        scripts.len()
    );
    for (label, c) in [
        ("median", Connector::load_dir(&median, String::new())),
        ("largest", Connector::load_dir(&largest, String::new())),
        ("1 MB", one_mb),
    ] {
        let text = c
            .script
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default();
        let parse = fastest(|| {
            std::hint::black_box(connkit::scripts::parse(&text));
        });
        let grammar = fastest(|| {
            let mut p = tree_sitter::Parser::new();
            p.set_language(&tree_sitter_c_sharp::LANGUAGE.into()).ok();
            std::hint::black_box(p.parse(&text, None));
        });
        let rules = fastest(|| {
            std::hint::black_box(lint_script(&c, Profile::Certified));
        });
        println!(
            "{label:>8}: {:>8} bytes  tree-sitter {grammar:>7.2} ms  model (parse + walk) {parse:>7.2} ms  script rules on the kept model {rules:>7.2} ms",
            text.len()
        );
    }
}
