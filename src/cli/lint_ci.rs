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
    let inline = suppress::inline(&connector);
    // A misspelled code in x-connkit-ignore suppresses nothing: say so.
    for s in &inline {
        if rules::find(&s.code).is_none_or(|r| r.code != s.code) {
            let near = rules::registry()
                .iter()
                .find(|r| r.code.eq_ignore_ascii_case(&s.code))
                .map(|r| format!(" (did you mean {}?)", r.code))
                .unwrap_or_default();
            safe_eprintln!(
                "warning: {}: x-connkit-ignore at '{}' names unknown rule code '{}'{near}",
                crate::report::display_path(&display, s.file.as_deref().unwrap_or("")),
                s.pointer,
                s.code
            );
        }
    }
    sups.extend(inline);
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
            fail_at: Default::default(),
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
    // With --format json, an error that stops the run is one JSON error document on stdout.
    let json = args.format == Format::Json;
    let paths = if args.from_files {
        let paths = paths_of_files(&args.paths, args.baseline.as_deref());
        if paths.is_empty() && !args.quiet {
            {
                safe_eprintln!(
                    "connkit: none of the {} files belongs to a connector",
                    args.paths.len()
                );
            }
        }
        paths
    } else if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
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
    for p in &paths {
        let (t, errors) = discover::discover(p);
        for e in &errors {
            safe_eprintln!("error: {}: {}", e.path.display(), e.message);
            io_error = true;
        }
        if t.is_empty() && errors.is_empty() {
            safe_eprintln!(
                "error: {}: no connector found (no apiDefinition.swagger.json or apiProperties.json)",
                p.display()
            );
            io_error = true;
        }
        targets.extend(t);
    }
    // The same connector named twice (a folder and a file in it, two files of it) is linted once.
    let mut seen_targets = HashSet::new();
    targets.retain(|t| seen_targets.insert(canonical(t.path())));

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
        // The baseline and an explicit configuration cover every connector of the run.
        let covering: Vec<PathBuf> = args
            .baseline
            .iter()
            .chain(args.config.iter())
            .map(|p| canonical(p))
            .collect();
        match crate::changed::changed_connectors(&from, rev, &covering) {
            Ok(changed) => {
                let before = targets.len();
                targets.retain(|t| changed.includes(&canonical(&target_dir(t))));
                if !args.quiet {
                    safe_eprintln!(
                        "connkit: {} of {before} connectors changed since {rev}",
                        targets.len()
                    );
                }
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
        // Safe fixes first (each written atomically), then lint what is left; each connector
        // with its own configuration (a rule turned off there is not fixed).
        let jobs = targets
            .iter()
            .zip(&settings)
            .map(|(t, ((profile, _), eff, _))| (t, *profile, eff));
        if !crate::app::fix::fix_targets(jobs) {
            // A fix that could not be written is a failure, whatever the lint finds next.
            io_error = true;
        }
    }

    // Fewer connectors than cores: spread each connector's rules over the cores instead.
    let parallel_rules = targets.len() < rayon::current_num_threads();
    let progress = crate::app::progress::Progress::start(targets.len(), args.quiet);
    let results: Vec<(ConnectorReport, ConnectorRun, Vec<usize>)> = targets
        .par_iter()
        .zip(settings.par_iter())
        .map(|(t, (profile, eff, _))| {
            let r = lint_one(t, *profile, eff, parallel_rules, &args.gate);
            progress.tick();
            r
        })
        .collect();
    progress.finish();
    let mut connectors = Vec::with_capacity(results.len());
    let mut runs = Vec::with_capacity(results.len());
    // [[ignore]] entries that applied to a linted connector but removed nothing are stale.
    let mut applicable: Vec<(Arc<config::Loaded>, usize)> = Vec::new();
    let mut seen: HashSet<(PathBuf, usize)> = HashSet::new();
    let mut used: HashSet<(PathBuf, usize)> = HashSet::new();
    for ((c, mut r, u), (_, eff, cfg)) in results.into_iter().zip(&settings) {
        r.fail_at = crate::report::run::FailAt(match args.fail_on {
            Some(f) => f.level(),
            None => eff
                .fail_on
                .map(|f| f.level())
                .unwrap_or(Some(Severity::Error)),
        });
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
    // [[ignore]] entries naming a connector that does not exist (each configuration once).
    let mut checked: HashSet<PathBuf> = HashSet::new();
    for (_, _, cfg) in &settings {
        let Some(cfg) = cfg else { continue };
        if !checked.insert(cfg.path.clone()) {
            continue;
        }
        for i in cfg.ignores_naming_no_connector() {
            let at = cfg
                .ignore_position(i)
                .map(|(l, c)| format!(":{l}:{c}"))
                .unwrap_or_default();
            safe_eprintln!(
                "warning: {}{at}: [[ignore]] {} names connector '{}', which matches no connector folder",
                cfg.path.display(),
                cfg.ignore_code(i).unwrap_or(""),
                cfg.ignore_connector(i).unwrap_or("")
            );
        }
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
        limits: crate::report::run::Limits {
            sarif_max_results: args.sarif_max_results,
            markdown_max_bytes: args.markdown_max_bytes,
        },
        ..Default::default()
    };

    // Outputs never replace a file this run reads: connector files, configuration, baseline.
    let mut inputs: Vec<PathBuf> = targets.iter().flat_map(input_files).collect();
    inputs.extend(args.config.iter().cloned());
    inputs.extend(args.baseline.iter().cloned());
    inputs.extend(loaded.keys().cloned());
    if let Some(path) = &args.write_baseline {
        // Entries are anchored to the baseline file's folder.
        let keys = crate::baseline::keys_at(&report, path.parent().unwrap_or(Path::new(".")));
        let b = Baseline::from_report_keyed(&report, &keys);
        if let Err(e) = crate::fsx::write_output(path, b.to_json().as_bytes(), &inputs) {
            return super::fail_with("io", &format!("cannot write baseline: {e}"), json);
        }
        safe_eprintln!(
            "connkit: wrote {} baseline entries to {}",
            b.entries.len(),
            path.display()
        );
    }
    if let (Some(b), Some(file)) = (&baseline, &args.baseline) {
        let mut per = vec![0; report.connectors.len()];
        let keys = crate::baseline::keys_at(&report, file.parent().unwrap_or(Path::new(".")));
        let outcome = b.filter_keyed(&mut report, &mut per, &keys);
        for (r, n) in run.connectors.iter_mut().zip(per) {
            r.baselined = n;
        }
        run.stale_baseline = Some(outcome.stale);
        if !matches!(args.format, Format::Text) && !args.quiet {
            safe_eprintln!(
                "connkit: {} findings in baseline, {} baseline entries no longer occur",
                outcome.matched,
                outcome.stale
            );
        }
    }

    if let Some(min) = args.min_level {
        let min = min.level();
        for c in &mut report.connectors {
            let before = c.findings.len();
            c.findings.retain(|f| f.severity >= min);
            run.hidden += before - c.findings.len();
        }
    }

    let mut main_output = render(args.format, &report, &run, color);
    if args.quiet && args.format == Format::Text && report.summary().total() == 0 {
        main_output.clear();
    }
    if args.statistics {
        let table = statistics(&report);
        if args.format == Format::Text {
            main_output.push_str(&table);
        } else {
            safe_eprintln!("{}", table.trim_end());
        }
    }
    print(&main_output);
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
        .zip(&run.connectors)
        .any(|(c, r)| c.findings.iter().any(|f| r.fail_at.fails(f.severity)));
    if failed {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

/// The paths to lint for `--from-files`: each file's connector folder (once), the folder of a
/// connkit.toml (every connector below it), `.` for the baseline; other files are ignored.
fn paths_of_files(files: &[PathBuf], baseline: Option<&Path>) -> Vec<PathBuf> {
    let baseline = baseline.map(canonical);
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for f in files {
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let dir = if name == "connkit.toml" {
            Some(target_dir(&Target::File(f.clone())))
        } else if baseline.as_ref().is_some_and(|b| *b == canonical(f)) {
            Some(PathBuf::from("."))
        } else {
            crate::changed::connector_of(f, None)
        };
        if let Some(d) = dir
            && seen.insert(canonical(&d))
        {
            out.push(d);
        }
    }
    out
}

/// `--statistics`: findings per rule, most frequent first.
fn statistics(report: &LintReport) -> String {
    let mut counts: Vec<(&'static str, Severity, usize)> = Vec::new();
    for f in report.connectors.iter().flat_map(|c| &c.findings) {
        match counts.iter_mut().find(|(c, _, _)| *c == f.code) {
            Some(e) => {
                e.1 = e.1.max(f.severity);
                e.2 += 1;
            }
            None => counts.push((f.code, f.severity, 1)),
        }
    }
    counts.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
    let w = counts.iter().map(|c| c.0.len()).max().unwrap_or(4);
    let mut s = String::new();
    for (code, sev, n) in &counts {
        let summary = rules::find(code).map(|r| r.summary).unwrap_or("");
        s.push_str(&format!(
            "{n:>6}  {code:<w$}  {:<7}  {summary}\n",
            sev.as_str()
        ));
    }
    s.push_str(&format!(
        "{:>6}  findings by {} rules\n",
        counts.iter().map(|c| c.2).sum::<usize>(),
        counts.len()
    ));
    s
}

/// `connkit completions SHELL`.
pub fn completions(shell: clap_complete::Shell) -> ExitCode {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "connkit", &mut buf);
    print(&String::from_utf8_lossy(&buf));
    ExitCode::SUCCESS
}

/// Every page: the command's, then each subcommand's (named `connkit-lint`, …), depth first.
fn man_pages(cmd: clap::Command, out: &mut Vec<(String, Vec<u8>)>) -> Result<(), String> {
    let mut cmd = cmd;
    cmd.build();
    let name = cmd.get_name().to_string();
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd.clone())
        .render(&mut buf)
        .map_err(|e| e.to_string())?;
    out.push((format!("{name}.1"), buf));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        if sub.get_name() == "help" {
            continue;
        }
        let sub = sub.clone().name(format!("{name}-{}", sub.get_name()));
        man_pages(sub, out)?;
    }
    Ok(())
}

/// `connkit man`: the man page (roff) on stdout; `--dir DIR`: every page into DIR.
pub fn man(dir: Option<&Path>) -> ExitCode {
    let mut pages = Vec::new();
    if let Err(e) = man_pages(Cli::command(), &mut pages) {
        safe_eprintln!("error: cannot render the man page: {e}");
        return ExitCode::from(EXIT_ERROR);
    }
    let Some(dir) = dir else {
        let top = pages.first().map(|p| p.1.clone()).unwrap_or_default();
        print(&String::from_utf8_lossy(&top));
        return ExitCode::SUCCESS;
    };
    if let Err(e) = std::fs::create_dir_all(dir) {
        safe_eprintln!("error: cannot create {}: {e}", dir.display());
        return ExitCode::from(EXIT_ERROR);
    }
    for (name, bytes) in &pages {
        if let Err(e) = crate::fsx::write_output(&dir.join(name), bytes, &[]) {
            safe_eprintln!("error: cannot write the man page: {e}");
            return ExitCode::from(EXIT_ERROR);
        }
    }
    safe_eprintln!(
        "connkit: wrote {} man pages to {}",
        pages.len(),
        dir.display()
    );
    ExitCode::SUCCESS
}
