//! Calibration report: lint every connector of a corpus snapshot through the library and
//! count, per rule code, on how many connectors it fires, split by profile and by the year the
//! definition last changed (from the corpus `index.json`).
//!
//! ```sh
//! cargo run --release --example corpus_report -- ../shared/corpus/connectors
//! cargo run --release --example corpus_report -- ../shared/corpus/connectors --code UrlNotValid
//! ```
//!
//! `--code CODE` lists the findings of one code on connectors changed in 2024 (the best
//! evidence of what Microsoft's current validator accepts), to read cases while calibrating;
//! `--all-years` lists them for every connector. `--disable A,B` turns codes off (to measure
//! "before" numbers).

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::ExitCode;

use connkit::model::Connector;
use connkit::rules::{self, Finding, LintOptions, Profile, Severity};
use rayon::prelude::*;
use serde_json::Value;

struct Linted {
    key: String,
    profile: Profile,
    year: String,
    parseable: bool,
    findings: Vec<Finding>,
}

const PROFILES: [Profile; 3] = [
    Profile::Certified,
    Profile::IndependentPublisher,
    Profile::Custom,
];

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut root = PathBuf::from("../shared/corpus/connectors");
    let mut code: Option<String> = None;
    let mut options = LintOptions::default();
    let mut all_years = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--code" => code = args.next(),
            "--all-years" => all_years = true,
            // Disable codes (comma-separated), e.g. to measure "before" numbers.
            "--disable" => {
                for c in args.next().unwrap_or_default().split(',') {
                    options.overrides.insert(c.trim().to_string(), None);
                }
            }
            "-h" | "--help" => {
                println!(
                    "usage: corpus_report [CORPUS/connectors] [--code CODE [--all-years]] [--disable CODE,CODE]"
                );
                return ExitCode::SUCCESS;
            }
            _ => root = PathBuf::from(a),
        }
    }
    let index_path = root.join("index.json");
    let index: Value = match std::fs::read_to_string(&index_path)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
    {
        Some(v) => v,
        None => {
            eprintln!(
                "corpus_report: no corpus at {} (expected {}); pass the path of the corpus \
                 `connectors` folder, e.g. ../shared/corpus/connectors",
                root.display(),
                index_path.display()
            );
            return ExitCode::from(2);
        }
    };
    let Some(entries) = index.as_object() else {
        eprintln!(
            "corpus_report: {} is not a JSON object",
            index_path.display()
        );
        return ExitCode::from(2);
    };

    let linted: Vec<Linted> = entries
        .iter()
        .collect::<Vec<_>>()
        .par_iter()
        .map(|(key, meta)| {
            let kind = key.split('/').next().unwrap_or("");
            let profile = match kind {
                "certified-connectors" => Profile::Certified,
                "independent-publisher-connectors" => Profile::IndependentPublisher,
                _ => Profile::Custom,
            };
            let year = meta
                .get("last_changed")
                .and_then(Value::as_str)
                .and_then(|d| d.get(..4))
                .unwrap_or("none")
                .to_string();
            let c = Connector::load_dir(&root.join(key.as_str()), key.to_string());
            let parseable = c.definition_value().is_some();
            let findings = rules::lint(&c, profile, &options);
            Linted {
                key: key.to_string(),
                profile,
                year,
                parseable,
                findings,
            }
        })
        .collect();

    if let Some(code) = code {
        for l in linted.iter().filter(|l| all_years || l.year == "2024") {
            for f in l
                .findings
                .iter()
                .filter(|f| f.code.eq_ignore_ascii_case(&code))
            {
                println!(
                    "{} [{}] {}:{}:{} {} {}: {}",
                    l.key,
                    l.profile.as_str(),
                    f.file,
                    f.line,
                    f.column,
                    f.pointer,
                    f.severity.as_str(),
                    f.message
                );
            }
        }
        return ExitCode::SUCCESS;
    }

    // code -> (severities seen, connectors per profile, cert+IP connectors per year)
    #[derive(Default)]
    struct Row {
        severities: BTreeSet<&'static str>,
        per_profile: [usize; 3],
        per_year: BTreeMap<String, usize>,
        errors_2024_cert: usize,
    }
    let mut rows: BTreeMap<&'static str, Row> = BTreeMap::new();
    let mut years: BTreeSet<String> = BTreeSet::new();
    for l in &linted {
        let cert = l.profile != Profile::Custom;
        if cert {
            years.insert(l.year.clone());
        }
        let codes: BTreeSet<&'static str> = l.findings.iter().map(|f| f.code).collect();
        for code in codes {
            let row = rows.entry(code).or_default();
            for f in l.findings.iter().filter(|f| f.code == code) {
                row.severities.insert(f.severity.as_str());
            }
            let i = PROFILES.iter().position(|p| *p == l.profile).unwrap_or(2);
            row.per_profile[i] += 1;
            if cert {
                *row.per_year.entry(l.year.clone()).or_default() += 1;
                if l.year == "2024"
                    && l.findings
                        .iter()
                        .any(|f| f.code == code && f.severity == Severity::Error)
                {
                    row.errors_2024_cert += 1;
                }
            }
        }
    }

    let count = |p: Profile| linted.iter().filter(|l| l.profile == p).count();
    println!(
        "corpus: {} connectors ({} certified, {} independent-publisher, {} custom)",
        linted.len(),
        count(Profile::Certified),
        count(Profile::IndependentPublisher),
        count(Profile::Custom)
    );
    let mut header = format!(
        "{:<52} {:<22} {:>5} {:>5} {:>5} {:>6} |",
        "code", "severity", "cert", "ip", "cust", "err24"
    );
    for y in &years {
        header.push_str(&format!(" {y:>5}"));
    }
    println!("{header}   (connectors; years = certified+IP by last_changed)");
    for (code, row) in &rows {
        let sev: Vec<_> = row.severities.iter().copied().collect();
        let mut line = format!(
            "{:<52} {:<22} {:>5} {:>5} {:>5} {:>6} |",
            code,
            sev.join(","),
            row.per_profile[0],
            row.per_profile[1],
            row.per_profile[2],
            row.errors_2024_cert
        );
        for y in &years {
            line.push_str(&format!(
                " {:>5}",
                row.per_year.get(y).copied().unwrap_or(0)
            ));
        }
        println!("{line}");
    }

    let base: Vec<&Linted> = linted
        .iter()
        .filter(|l| l.profile != Profile::Custom && l.year == "2024" && l.parseable)
        .collect();
    let with_error = base
        .iter()
        .filter(|l| l.findings.iter().any(|f| f.severity == Severity::Error))
        .count();
    let pct = if base.is_empty() {
        0.0
    } else {
        100.0 * with_error as f64 / base.len() as f64
    };
    println!(
        "\nheadline: {with_error} of {} parseable certified+IP connectors changed in 2024 have at least one error ({pct:.1}%)",
        base.len()
    );
    ExitCode::SUCCESS
}
