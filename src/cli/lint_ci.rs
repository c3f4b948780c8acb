//! `connkit lint` with everything CI needs: configuration, suppression, baselines,
//! `--changed-since`, several output formats at once; and `completions` / `man`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::CommandFactory;
use rayon::prelude::*;

use super::{Cli, EXIT_ERROR, EXIT_FINDINGS, Format, LintArgs, print};
use crate::baseline::Baseline;
use crate::config::{self, Effective};
use crate::core::ProfileSource;
use crate::model::Connector;
use crate::model::discover::{self, Target};
use crate::report::run::{ConnectorRun, RunInfo};
use crate::report::{self, ConnectorReport, LintReport};
use crate::rules::{self, LintOptions, Profile, Severity};
use crate::safe_eprintln;
use crate::suppress;

fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

/// The connector files of a target (what an output must never replace).
fn input_files(t: &Target) -> Vec<PathBuf> {
    match t {
        Target::File(p) => vec![p.clone()],
        Target::Folder(d) => {
            let f = discover::connector_files(d, &mut Vec::new());
            [
                f.definition,
                f.properties,
                f.settings,
                f.icon,
                f.script,
                f.readme,
                f.intro,
            ]
            .into_iter()
            .flatten()
            .collect()
        }
    }
}

/// The folder a target's configuration is looked up from (and its connector folder).
fn target_dir(t: &Target) -> PathBuf {
    match t {
        Target::Folder(p) => p.clone(),
        Target::File(p) => p
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from(".")),
    }
}

pub(crate) fn rules_run(profile: Profile, options: &LintOptions) -> Vec<&'static str> {
    rules::registry()
        .iter()
        .filter(|r| r.profiles.contains(profile))
        .filter(|r| {
            options
                .overrides
                .get(r.code)
                .copied()
                .unwrap_or(Some(r.severity))
                .is_some()
        })
        .map(|r| r.code)
        .collect()
}

/// Lint one target with its configuration; suppressed findings are removed and counted.
/// Also returns which of the configuration's `[[ignore]]` entries removed a finding.
fn lint_one(
    target: &Target,
    (profile, profile_source): (Profile, ProfileSource),
    eff: &Effective,
    parallel_rules: bool,
    gates: &[crate::core::Gate],
) -> (ConnectorReport, ConnectorRun, Vec<usize>) {
    let display = target.path().to_string_lossy().into_owned();
    let connector = match target {
        Target::Folder(p) => Connector::load_dir(p, display.clone()),
        Target::File(p) => Connector::load_file(p, display.clone()),
    };
    let mut findings = if parallel_rules {
        rules::lint_parallel(&connector, profile, &eff.options)
    } else {
        rules::lint(&connector, profile, &eff.options)
    };
    if !gates.is_empty() {
        findings.retain(|f| gates.contains(&f.gate));
    }
    let mut sups = eff.ignores.clone();
    sups.extend(suppress::inline(&connector));
    let (suppressed, used) = suppress::apply_tracked(&mut findings, &sups);
    let used_ignores = eff
        .ignore_index
        .iter()
        .zip(&used)
        .filter(|(_, u)| **u)
        .map(|(i, _)| *i)
        .collect();
    (
        ConnectorReport {
            path: display,
            profile,
            profile_source,
            findings,
        },
        ConnectorRun {
            rules_run: rules_run(profile, &eff.options),
            suppressed,
            baselined: 0,
        },
        used_ignores,
    )
}

fn render(format: Format, report: &LintReport, run: &RunInfo, color: bool) -> String {
    match format {
        Format::Json => report::json::render(report, run),
        Format::Text => report::text::render(report, color) + &run.text_line(),
        Format::Sarif => report::sarif::render(report, run),
        Format::Github => report::github::render(report, run),
        Format::Azure => report::azure::render(report, run),
        Format::Junit => report::junit::render(report, run),
        Format::Markdown => report::markdown::render(report, run),
    }
}

pub fn run(args: LintArgs, color: bool) -> ExitCode {
    // Compile the rules' JSON Schemas on another thread while this one finds and parses the
    // connectors (the rules wait for it only if they get there first).
    std::thread::spawn(rules::prepare);
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    // With --format json, an error that stops the run is one JSON error document on stdout.
    let json = args.format == Format::Json;
    // Inputs that can be wrong are checked before any linting.
    let baseline = match &args.baseline {
        Some(p) => match Baseline::load(p) {
            Ok(b) => Some(b),
            Err(e) => return super::fail_with("baseline", &e.to_string(), json),
        },
        None => None,
    };
    let explicit_config = match &args.config {
        Some(p) => match config::load(p) {
            Ok(c) => Some(Arc::new(c)),
            Err(e) => return super::fail_with("config", &e.to_string(), json),
        },
        None => None,
    };

    let mut targets = Vec::new();
    let mut io_error = false;
    let mut io_messages = Vec::new();
    for p in &paths {
        let (t, errors) = discover::discover(p);
        for e in &errors {
            io_messages.push(format!("{}: {}", e.path.display(), e.message));
        }
        if t.is_empty() && errors.is_empty() {
            io_messages.push(format!(
                "{}: no connector found (no apiDefinition.swagger.json or apiProperties.json)",
                p.display()
            ));
        }
        targets.extend(t);
    }
    for m in &io_messages {
        safe_eprintln!("error: {m}");
        io_error = true;
    }
    if targets.is_empty() && io_error {
        // Nothing to lint: the run is a usage/I-O error, and JSON readers get one error
        // document (as for every other command) instead of an empty report.
        if json {
            super::print_json(&super::error_document("io", &io_messages.join("\n")));
        }
        return ExitCode::from(EXIT_ERROR);
    }

    if let Some(rev) = &args.changed_since {
        let from = paths
            .first()
            .map(|p| {
                if p.is_dir() {
                    p.clone()
                } else {
                    p.parent().map(Path::to_path_buf).unwrap_or_default()
                }
            })
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or_else(|| PathBuf::from("."));
        match crate::changed::changed_connectors(&from, rev) {
            Ok(dirs) => {
                let before = targets.len();
                targets.retain(|t| dirs.contains(&canonical(&target_dir(t))));
                safe_eprintln!(
                    "connkit: {} of {before} connectors changed since {rev}",
                    targets.len()
                );
            }
            Err(e) => {
                return super::fail_with("usage", &format!("--changed-since: {e}"), json);
            }
        }
    }

    // Configuration per target: explicit, or the nearest connkit.toml (each file loaded once).
    let mut loaded: HashMap<PathBuf, Option<Arc<config::Loaded>>> = HashMap::new();
    let mut lookups = HashMap::new();
    let mut settings = Vec::with_capacity(targets.len());
    let mut config_errors: Vec<String> = Vec::new();
    for t in &targets {
        let dir = target_dir(t);
        let cfg = match &explicit_config {
            Some(c) => Some(c.clone()),
            None => match config::find_upward_cached(&dir, &mut lookups) {
                Some(file) => loaded
                    .entry(file.clone())
                    .or_insert_with(|| match config::load(&file) {
                        Ok(c) => Some(Arc::new(c)),
                        Err(e) => {
                            config_errors.push(e.to_string());
                            None
                        }
                    })
                    .clone(),
                None => None,
            },
        };
        let eff = cfg
            .as_ref()
            .map(|c| c.for_connector(&dir))
            .unwrap_or_default();
        let cfg_of_target = cfg;
        let (profile, source) = match (args.profile, eff.profile) {
            (Some(super::ProfileArg::Auto), _) | (None, Some(config::ProfileSetting::Auto)) => {
                let p = Profile::detect(t.path());
                (p, ProfileSource::detected(p))
            }
            (Some(p), _) => (p.resolve(t.path()), ProfileSource::Flag),
            (None, Some(p)) => (p.resolve(t.path()), ProfileSource::Config),
            (None, None) => {
                let p = Profile::detect(t.path());
                (p, ProfileSource::detected(p))
            }
        };
        settings.push(((profile, source), eff, cfg_of_target));
    }
    if !config_errors.is_empty() {
        if json {
            super::print_json(&super::error_document("config", &config_errors.join("\n")));
        }
        for e in &config_errors {
            safe_eprintln!("error: {e}");
        }
        return ExitCode::from(EXIT_ERROR);
    }
    if args.fix {
        // Safe fixes first (each written atomically), then lint what is left.
        let profiles: Vec<Profile> = settings.iter().map(|(p, _, _)| p.0).collect();
        let index = |t: &Target| targets.iter().position(|x| x == t).unwrap_or(0);
        if !super::convert::fix_targets(&targets, |t| {
            profiles.get(index(t)).copied().unwrap_or(Profile::Custom)
        }) {
            // A fix that could not be written is a failure, whatever the lint finds next.
            io_error = true;
        }
    }

    // Fewer connectors than cores: spread each connector's rules over the cores instead.
    let parallel_rules = targets.len() < rayon::current_num_threads();
    let results: Vec<(ConnectorReport, ConnectorRun, Vec<usize>)> = targets
        .par_iter()
        .zip(settings.par_iter())
        .map(|(t, (profile, eff, _))| lint_one(t, *profile, eff, parallel_rules, &args.gate))
        .collect();
    let mut connectors = Vec::with_capacity(results.len());
    let mut runs = Vec::with_capacity(results.len());
    // [[ignore]] entries that applied to a linted connector but removed nothing are stale.
    let mut applicable: Vec<(Arc<config::Loaded>, usize)> = Vec::new();
    let mut seen: HashSet<(PathBuf, usize)> = HashSet::new();
    let mut used: HashSet<(PathBuf, usize)> = HashSet::new();
    for ((c, r, u), (_, eff, cfg)) in results.into_iter().zip(&settings) {
        if let Some(cfg) = cfg {
            for i in &eff.ignore_index {
                if seen.insert((cfg.path.clone(), *i)) {
                    applicable.push((cfg.clone(), *i));
                }
            }
            used.extend(u.into_iter().map(|i| (cfg.path.clone(), i)));
        }
        connectors.push(c);
        runs.push(r);
    }
    for (cfg, i) in &applicable {
        if used.contains(&(cfg.path.clone(), *i)) {
            continue;
        }
        let at = cfg
            .ignore_position(*i)
            .map(|(l, c)| format!(":{l}:{c}"))
            .unwrap_or_default();
        safe_eprintln!(
            "warning: {}{at}: [[ignore]] {} matched no finding; remove it if the finding is fixed",
            cfg.path.display(),
            cfg.ignore_code(*i).unwrap_or("")
        );
    }
    let mut report = LintReport { connectors };
    let mut run = RunInfo {
        connectors: runs,
        stale_baseline: None,
    };

    // Outputs never replace a file this run reads: connector files, configuration, baseline.
    let mut inputs: Vec<PathBuf> = targets.iter().flat_map(input_files).collect();
    inputs.extend(args.config.iter().cloned());
    inputs.extend(args.baseline.iter().cloned());
    inputs.extend(loaded.keys().cloned());
    if let Some(path) = &args.write_baseline {
        let b = Baseline::from_report(&report);
        if let Err(e) = crate::fsx::write_output(path, b.to_json().as_bytes(), &inputs) {
            return super::fail_with("io", &format!("cannot write baseline: {e}"), json);
        }
        safe_eprintln!(
            "connkit: wrote {} baseline entries to {}",
            b.entries.len(),
            path.display()
        );
    }
    if let Some(b) = &baseline {
        let mut per = vec![0; report.connectors.len()];
        let outcome = b.filter(&mut report, &mut per);
        for (r, n) in run.connectors.iter_mut().zip(per) {
            r.baselined = n;
        }
        run.stale_baseline = Some(outcome.stale);
        if !matches!(args.format, Format::Text) {
            safe_eprintln!(
                "connkit: {} findings in baseline, {} baseline entries no longer occur",
                outcome.matched,
                outcome.stale
            );
        }
    }

    print(&render(args.format, &report, &run, color));
    let outputs = [
        (&args.output_json, Format::Json),
        (&args.output_sarif, Format::Sarif),
        (&args.output_junit, Format::Junit),
        (&args.output_markdown, Format::Markdown),
    ];
    for (path, format) in outputs {
        let Some(path) = path else { continue };
        let rendered = render(format, &report, &run, false);
        let text = crate::safe::redact(&rendered);
        if let Err(e) = crate::fsx::write_output(path, text.as_bytes(), &inputs) {
            safe_eprintln!("error: cannot write report: {e}");
            io_error = true;
        }
    }

    if io_error {
        return ExitCode::from(EXIT_ERROR);
    }
    if args.write_baseline.is_some() {
        // Recording a baseline accepts what was found.
        return ExitCode::SUCCESS;
    }
    let failed = report
        .connectors
        .iter()
        .zip(&settings)
        .any(|(c, (_, eff, _))| {
            let level = match args.fail_on {
                Some(f) => f.level(),
                None => eff
                    .fail_on
                    .map(|f| f.level())
                    .unwrap_or(Some(Severity::Error)),
            };
            level.is_some_and(|l| c.findings.iter().any(|f| f.severity >= l))
        });
    if failed {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

/// `connkit completions SHELL`.
pub fn completions(shell: clap_complete::Shell) -> ExitCode {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "connkit", &mut buf);
    print(&String::from_utf8_lossy(&buf));
    ExitCode::SUCCESS
}

/// `connkit man`: the man page (roff) on stdout.
pub fn man() -> ExitCode {
    let mut buf = Vec::new();
    if let Err(e) = clap_mangen::Man::new(Cli::command()).render(&mut buf) {
        safe_eprintln!("error: cannot render the man page: {e}");
        return ExitCode::from(EXIT_ERROR);
    }
    print(&String::from_utf8_lossy(&buf));
    ExitCode::SUCCESS
}
