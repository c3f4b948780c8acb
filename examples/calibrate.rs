//! Fidelity calibration on the merged history: lint every merged version of the corpus
//! history and count, per code, the versions Microsoft's pipeline validated and merged on
//! which connkit reports an *error* in the file the pipeline validated.
//!
//! ```sh
//! cargo run --release --example calibrate -- ../shared/corpus/history
//! cargo run --release --example calibrate -- ../shared/corpus/history > docs/calibration.md
//! cargo run --release --example calibrate -- ../shared/corpus/history --code UrlNotValid
//! ```
//!
//! The promise being measured: an error from connkit means a gate would stop the submission.
//! A version the pipeline validated and Microsoft merged is evidence that the pipeline let its
//! validated file through, so an error there is either a real defect Microsoft overrode (it
//! happens: see the evidence in each rule's explanation) or a false error. The headline figure
//! is the share of validated versions merged since 2022 with any such error, hard JSON syntax
//! errors aside (the service cannot read those; Microsoft merged a few anyway).
//!
//! `--code CODE` lists every finding of one code on the history (all severities), to read the
//! cases; `--since YYYY` changes the first year of the headline (default 2022).
//!
//! **Held out.** A figure measured on the data the severities were fitted on says little about
//! connectors nobody has seen. The visible history is therefore split in two halves by
//! connector, with a fixed hash of `kind/name` ([`half_of`]), so that every version of one
//! connector falls in the same half: the *fitting* half, which the per-code tables and
//! `--code` listings show and which calibration decisions may be taken on, and the *held-out*
//! half, of which only the headline figures are printed. `--code` shows the fitting half only,
//! unless `--all` is given (for reading a case someone else found; a decision taken on what it
//! shows makes the held-out figure in-sample).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use connkit::model::Connector;
use connkit::rules::{self, Finding, LintOptions, Profile, Severity};
use rayon::prelude::*;
use serde_json::Value;

/// Hard syntax errors: the file cannot be read as JSON at all. Excluded from the headline as
/// the issue defines it (the service cannot read them; their few merges were overrides).
const SYNTAX: &[&str] = &["JsonMissingComma", "JsonSyntaxError", "FileEncodingNotUtf8"];

struct Version {
    dir: String,
    kind: String,
    name: String,
    date: String,
    pr: Option<u64>,
    definition_validated: bool,
    properties_validated: bool,
    repaired: bool,
}

struct Linted {
    v: Version,
    findings: Vec<Finding>,
}

impl Linted {
    /// Error codes in the files the pipeline validated at this merge.
    fn validated_errors(&self) -> BTreeSet<&'static str> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error && !SYNTAX.contains(&f.code))
            .filter(|f| self.validated(f))
            .map(|f| f.code)
            .collect()
    }

    fn validated(&self, f: &Finding) -> bool {
        let file = f.file.to_ascii_lowercase();
        (file.ends_with("swagger.json") && self.v.definition_validated)
            || (file.ends_with("apiproperties.json") && self.v.properties_validated)
    }

    fn held_out(&self) -> bool {
        half_of(&self.v.kind, &self.v.name) == Half::HeldOut
    }

    fn era(&self) -> &'static str {
        if self.v.repaired {
            "repaired"
        } else {
            "before"
        }
    }
}

/// The two halves of the visible history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Half {
    /// Shown in full: calibration decisions are taken on it.
    Fit,
    /// Only counted: nothing is derived from it.
    HeldOut,
}

/// The half a connector belongs to: FNV-1a (64 bit) of `kind/name`, even → fitting half.
/// Fixed forever, so that the held-out half stays the same from one run (and year) to the next;
/// by connector, so that no version of a held-out connector is ever seen while fitting.
fn half_of(kind: &str, name: &str) -> Half {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in kind
        .bytes()
        .chain(std::iter::once(b'/'))
        .chain(name.bytes())
    {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    if h.is_multiple_of(2) {
        Half::Fit
    } else {
        Half::HeldOut
    }
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut root = PathBuf::from("../shared/corpus/history");
    let mut code: Option<String> = None;
    let mut since = "2022".to_string();
    let mut all = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--code" => code = args.next(),
            "--all" => all = true,
            "--since" => since = args.next().unwrap_or(since),
            "-h" | "--help" => {
                println!("usage: calibrate [CORPUS/history] [--since YYYY] [--code CODE [--all]]");
                return ExitCode::SUCCESS;
            }
            _ => root = PathBuf::from(a),
        }
    }
    let versions = match read_index(&root) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("calibrate: {e}");
            return ExitCode::from(2);
        }
    };
    let linted: Vec<Linted> = versions
        .into_par_iter()
        .map(|v| {
            // The version's folder is under `<kind>/`, as in Microsoft's repository.
            let dir = root.join(&v.dir);
            let profile = Profile::detect(&dir);
            let c = Connector::load_dir(&dir, v.dir.clone());
            let findings = rules::lint(&c, profile, &LintOptions::default());
            Linted { v, findings }
        })
        .collect();

    if let Some(code) = code {
        let shown: Vec<&Linted> = linted.iter().filter(|l| all || !l.held_out()).collect();
        list_code(&shown, &code);
        return ExitCode::SUCCESS;
    }
    // Markdown, readable as text too.
    print!("{}", summary(&linted, &since));
    ExitCode::SUCCESS
}

fn read_index(root: &Path) -> Result<Vec<Version>, String> {
    let path = root.join("index.json");
    let text = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "no history at {} ({e}); pass the corpus `history` folder, e.g. ../shared/corpus/history",
            path.display()
        )
    })?;
    let value: Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let list = value
        .as_array()
        .ok_or_else(|| format!("{} is not a JSON array", path.display()))?;
    let s = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let b = |v: &Value, k: &str| v.get(k).and_then(Value::as_bool).unwrap_or(false);
    Ok(list
        .iter()
        .map(|v| Version {
            dir: s(v, "dir"),
            kind: s(v, "kind"),
            name: s(v, "name"),
            date: s(v, "date"),
            pr: v.get("pr").and_then(Value::as_u64),
            definition_validated: b(v, "definition_validated"),
            properties_validated: b(v, "properties_validated"),
            repaired: b(v, "repaired_era"),
        })
        .collect())
}

fn list_code(linted: &[&Linted], code: &str) {
    for l in linted {
        for f in l
            .findings
            .iter()
            .filter(|f| f.code.eq_ignore_ascii_case(code))
        {
            let validated = if l.validated(f) {
                "validated"
            } else {
                "not validated"
            };
            println!(
                "{} {} PR#{} [{}] {}:{}:{} {} {}: {}",
                l.v.date,
                l.v.name,
                l.v.pr.unwrap_or(0),
                validated,
                f.file,
                f.line,
                f.column,
                f.pointer,
                f.severity.as_str(),
                f.message
            );
        }
    }
}

#[derive(Default)]
struct Row {
    /// Validated versions with this code at error level, by year.
    error_versions: BTreeMap<String, usize>,
    error_connectors: BTreeSet<String>,
    error_repaired: usize,
    /// Validated versions where the code fires at any level (evidence of tolerance).
    any_versions: usize,
    any_connectors: BTreeSet<String>,
    any_repaired: usize,
}

fn summary(linted: &[Linted], since: &str) -> String {
    use std::fmt::Write;
    let validated: Vec<&Linted> = linted
        .iter()
        .filter(|l| l.v.definition_validated || l.v.properties_validated)
        .collect();
    let mut rows: BTreeMap<&'static str, Row> = BTreeMap::new();
    // (validated versions, with an error) since `since`: fitting half, held-out half.
    let mut headline = [(0usize, 0usize); 2];
    let mut by_year: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    // Per era: fitting half, held-out half.
    let mut by_era: BTreeMap<&'static str, [(usize, usize); 2]> = BTreeMap::new();
    for l in &validated {
        let year = l.v.date.get(..4).unwrap_or("?").to_string();
        let errors = l.validated_errors();
        let bad = usize::from(!errors.is_empty());
        let h = usize::from(l.held_out());
        let e = &mut by_era.entry(l.era()).or_default()[h];
        e.0 += 1;
        e.1 += bad;
        if year.as_str() >= since {
            headline[h].0 += 1;
            headline[h].1 += bad;
        }
        // Only counted: nothing about the held-out half's codes is shown or derived.
        if l.held_out() {
            continue;
        }
        let y = by_year.entry(year.clone()).or_default();
        y.0 += 1;
        y.1 += bad;
        for code in &errors {
            let row = rows.entry(code).or_default();
            *row.error_versions.entry(year.clone()).or_default() += 1;
            row.error_connectors.insert(l.v.name.clone());
            row.error_repaired += usize::from(l.v.repaired);
        }
        let fired: BTreeSet<&'static str> = l
            .findings
            .iter()
            .filter(|f| l.validated(f))
            .map(|f| f.code)
            .collect();
        for code in fired {
            let row = rows.entry(code).or_default();
            row.any_versions += 1;
            row.any_connectors.insert(l.v.name.clone());
            row.any_repaired += usize::from(l.v.repaired);
        }
    }
    let pct = |(n, bad): (usize, usize)| {
        if n == 0 {
            0.0
        } else {
            bad as f64 * 100.0 / n as f64
        }
    };
    let mut out = String::new();
    let _ = writeln!(out, "# Calibration on the merged history\n");
    let _ = writeln!(
        out,
        "Generated by `cargo run --release --example calibrate -- ../shared/corpus/history > docs/calibration.md`.\n\
         Input: {} merged versions of certified and independent-publisher connectors (2020–2024), \
         {} of them with a file the PR pipeline validated at that merge. A version counts when \
         connkit reports an **error** in a file the pipeline validated at that merge; hard JSON \
         syntax errors ({}) are left out. Versions merged without a pull request (the bulk merges of \
         2020–2022, `pr` empty in the index) count as the index marks them, although no pipeline \
         is known to have run on them.\n",
        linted.len(),
        validated.len(),
        SYNTAX.join(", ")
    );
    let connectors = |held: bool| -> BTreeSet<(&str, &str)> {
        linted
            .iter()
            .filter(|l| l.held_out() == held)
            .map(|l| (l.v.kind.as_str(), l.v.name.as_str()))
            .collect()
    };
    let (fit_connectors, held_connectors) = (connectors(false), connectors(true));
    let _ = writeln!(
        out,
        "**Held out: {} of {} validated versions merged since {since} get an error ({:.1}%; goal under 2%).** \
         In-sample (the fitting half): {} of {} ({:.1}%).\n",
        headline[1].1,
        headline[1].0,
        pct(headline[1]),
        headline[0].1,
        headline[0].0,
        pct(headline[0])
    );
    let _ = writeln!(
        out,
        "The visible history is split by connector with a fixed hash of `kind/name` (FNV-1a, \
         `half_of` in `examples/calibrate.rs`): the fitting half ({} connectors) is shown below and \
         calibration decisions are taken on it; of the held-out half ({} connectors) only the \
         headline and the era figures are printed. Decisions taken before this split (until \
         2026-12) saw both halves, so the held-out figure is an honest measure only of what was \
         decided since; the figure on the other half of the public repository, which no decision \
         has seen, is measured outside this repository (3.9% on 2026-12-06, before the decisions \
         of that day).\n",
        fit_connectors.len(),
        held_connectors.len()
    );
    let _ = writeln!(
        out,
        "Fitting half, by year of merge:\n\n| year | validated versions | with an error | share |"
    );
    let _ = writeln!(out, "|---|---:|---:|---:|");
    for (y, v) in &by_year {
        let _ = writeln!(out, "| {y} | {} | {} | {:.1}% |", v.0, v.1, pct(*v));
    }
    let _ = writeln!(
        out,
        "\n| era | fitting half: validated versions | with an error | share | held out: validated versions | with an error | share |\n|---|---:|---:|---:|---:|---:|---:|"
    );
    for (era, [fit, held]) in &by_era {
        let label = if *era == "repaired" {
            "repaired (since 2023-08-11)"
        } else {
            "before 2023-08-11"
        };
        let _ = writeln!(
            out,
            "| {label} | {} | {} | {:.1}% | {} | {} | {:.1}% |",
            fit.0,
            fit.1,
            pct(*fit),
            held.0,
            held.1,
            pct(*held)
        );
    }
    let _ = writeln!(
        out,
        "\n## Codes at error level on validated merges of the fitting half\n\n\
         Versions (by year of merge) and distinct connectors where the code is an error in the \
         validated file. Each is a real defect Microsoft overrode or a false error; the rule's \
         `connkit explain` says which and why.\n"
    );
    let years: BTreeSet<String> = rows
        .values()
        .flat_map(|r| r.error_versions.keys().cloned())
        .collect();
    let mut header = "| code | gate |".to_string();
    let mut sep = "|---|---|".to_string();
    for y in &years {
        let _ = write!(header, " {y} |");
        sep.push_str("---:|");
    }
    let _ = writeln!(
        out,
        "{header} repaired era | connectors | why it stays an error |\n{sep}---:|---:|---|"
    );
    let mut any_error = false;
    for (code, row) in rows.iter().filter(|(_, r)| !r.error_connectors.is_empty()) {
        any_error = true;
        let gate = rules::find(code)
            .map(|r| r.gate.as_str())
            .unwrap_or("(load)");
        let mut line = format!("| {code} | {gate} |");
        for y in &years {
            let _ = write!(
                line,
                " {} |",
                row.error_versions.get(y).copied().unwrap_or(0)
            );
        }
        let why = rules::find(code)
            .map(|r| r.evidence().replace('\n', " ").replace('|', "\\|"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{line} {} | {} ({}) | {why} |",
            row.error_repaired,
            row.error_connectors.len(),
            row.error_connectors
                .iter()
                .take(6)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if !any_error {
        let _ = writeln!(out, "| (none) | | |");
    }
    let _ = writeln!(
        out,
        "\n## Every code seen on validated merges of the fitting half, at any level\n\n\
         How often Microsoft merged a validated file that connkit flags: the evidence behind \
         each warning's \"tolerated on N validated merges\".\n\n\
         | code | gate | default severity | validated versions | of them repaired era | connectors |\n\
         |---|---|---|---:|---:|---:|"
    );
    let mut ranked: Vec<_> = rows.iter().filter(|(_, r)| r.any_versions > 0).collect();
    ranked.sort_by(|a, b| b.1.any_versions.cmp(&a.1.any_versions).then(a.0.cmp(b.0)));
    for (code, row) in ranked {
        let (gate, sev) = rules::find(code)
            .map(|r| (r.gate.as_str(), r.severity.as_str()))
            .unwrap_or(("(load)", "-"));
        let _ = writeln!(
            out,
            "| {code} | {gate} | {sev} | {} | {} | {} |",
            row.any_versions,
            row.any_repaired,
            row.any_connectors.len()
        );
    }
    out
}
