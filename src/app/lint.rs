//! The lint session behind `connkit lint`, as a library: find the connectors, narrow them to
//! `--changed-since`, resolve each one's configuration and profile, apply `--fix`, lint,
//! filter by gate, suppress, compare with a baseline, and hand back the report and the run
//! information. Rendering and writing the outputs is [`super::outputs`]; the CLI only turns
//! arguments into a [`LintRequest`] and a [`LintOutcome`] into an exit code.
//!
//! Warnings about the inputs (an unknown code in `x-connkit-ignore`, a stale `[[ignore]]`, how
//! many connectors changed) go to stderr through [`crate::safe`] as the session runs.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::progress::Progress;
use crate::baseline::Baseline;
use crate::config::{self, Effective, ProfileSetting};
use crate::core::{Gate, Profile, ProfileSource, Severity};
use crate::model::Connector;
use crate::model::discover::{self, Target};
use crate::report::run::{ConnectorRun, FailAt, Limits, RunInfo};
use crate::report::{ConnectorReport, LintReport};
use crate::rules::{self, Finding, LintOptions};
use crate::suppress;

use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, Say};

/// What to lint and how: everything `connkit lint` takes except the output formats.
#[derive(Debug, Clone, Default)]
pub(crate) struct LintRequest {
    /// Connector folders, definition files or folders of connectors (empty: `.`).
    pub(crate) paths: Vec<PathBuf>,
    /// `paths` are files (pre-commit): lint the connector of each, once.
    pub(crate) from_files: bool,
    /// The profile from the command line (`None`: the configuration's, or detected).
    pub(crate) profile: Option<ProfileSetting>,
    /// Keep only findings of these gates (empty: all).
    pub(crate) gates: Vec<Gate>,
    /// The fail level from the command line (`Some(None)`: never fail).
    pub(crate) fail_on: Option<Option<Severity>>,
    /// One configuration for every connector instead of the nearest `connkit.toml`.
    pub(crate) config: Option<PathBuf>,
    /// Report only findings not in this baseline.
    pub(crate) baseline: Option<PathBuf>,
    /// Record the findings as a baseline here.
    pub(crate) write_baseline: Option<PathBuf>,
    /// Lint only connectors changed since this git revision.
    pub(crate) changed_since: Option<String>,
    /// Apply the safe fixes first.
    pub(crate) fix: bool,
    /// Hide findings below this level (hidden findings do not fail the run).
    pub(crate) min_level: Option<Severity>,
    /// No progress line and no informational messages.
    pub(crate) quiet: bool,
    /// Whether the main output is text (the baseline summary then goes into it, not stderr).
    pub(crate) text_output: bool,
    /// Limits of the SARIF and Markdown renderers.
    pub(crate) limits: Limits,
    /// The SARIF category (`automationDetails.id`), default `connkit/lint`.
    pub(crate) sarif_category: Option<String>,
}

/// An error that stops the session before any report: its kind for the JSON error document
/// (`baseline`, `config`, `usage`, `io`) and one message per line of `error: …`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", messages.join("\n"))]
pub(crate) struct LintError {
    pub(crate) kind: &'static str,
    pub(crate) messages: Vec<String>,
}

impl LintError {
    fn new(kind: &'static str, message: impl Into<String>) -> LintError {
        LintError {
            kind,
            messages: vec![message.into()],
        }
    }
}

/// What a session found: the report, the run's information, and what the outputs need.
#[derive(Debug, Default)]
pub(crate) struct LintOutcome {
    pub(crate) report: LintReport,
    pub(crate) run: RunInfo,
    /// Files this run read, which no output may replace.
    pub(crate) inputs: Vec<PathBuf>,
    /// A path could not be read, a connector was not found, or a fix could not be written.
    pub(crate) io_error: bool,
    /// A baseline was recorded (the run then accepts what it found).
    pub(crate) wrote_baseline: bool,
}

impl LintOutcome {
    /// Whether a finding at or above its connector's fail level remains.
    pub(crate) fn failed(&self) -> bool {
        self.report
            .connectors
            .iter()
            .zip(&self.run.connectors)
            .any(|(c, r)| c.findings.iter().any(|f| r.fail_at.fails(f.severity)))
    }

    /// The exit status: [`EXIT_ERROR`] after an I/O error, 0 after recording a baseline,
    /// [`EXIT_FINDINGS`] when [`failed`](Self::failed), else 0.
    pub(crate) fn exit_status(&self) -> u8 {
        if self.io_error {
            EXIT_ERROR
        } else if self.wrote_baseline || !self.failed() {
            EXIT_CLEAN
        } else {
            EXIT_FINDINGS
        }
    }
}

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

/// The codes of the rules that run for a profile with these options.
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

/// One connector's findings as `connkit lint` reports them (see [`lint_loaded`]).
#[derive(Debug, Default)]
pub(crate) struct ConnectorLint {
    pub(crate) findings: Vec<Finding>,
    /// How many findings `[[ignore]]` entries and inline `x-connkit-ignore` removed.
    pub(crate) suppressed: usize,
    /// Which of the configuration's `[[ignore]]` entries removed a finding.
    pub(crate) used_ignores: Vec<usize>,
    /// Inline `x-connkit-ignore` entries that name no rule (they suppress nothing).
    pub(crate) unknown_inline: Vec<config::Suppression>,
}

/// Lint a loaded connector as `connkit lint` does, for the command line and the language
/// server alike: the rules of `profile` with the configuration's levels (spread over the
/// cores with `parallel_rules`), only the findings of `gates` (empty: all), then the
/// configuration's `[[ignore]]` entries and the connector's inline `x-connkit-ignore`.
pub(crate) fn lint_loaded(
    connector: &Connector,
    profile: Profile,
    eff: &Effective,
    parallel_rules: bool,
    gates: &[Gate],
) -> ConnectorLint {
    let mut findings = if parallel_rules {
        rules::lint_parallel(connector, profile, &eff.options)
    } else {
        rules::lint(connector, profile, &eff.options)
    };
    if !gates.is_empty() {
        findings.retain(|f| gates.contains(&f.gate));
    }
    let mut sups = eff.ignores.clone();
    let inline = suppress::inline(connector);
    // A misspelled code in x-connkit-ignore suppresses nothing.
    let unknown_inline = inline
        .iter()
        .filter(|s| rules::find(&s.code).is_none_or(|r| r.code != s.code))
        .cloned()
        .collect();
    sups.extend(inline);
    let (suppressed, used) = suppress::apply_tracked(&mut findings, &sups);
    let used_ignores = eff
        .ignore_index
        .iter()
        .zip(&used)
        .filter(|(_, u)| **u)
        .map(|(i, _)| *i)
        .collect();
    ConnectorLint {
        findings,
        suppressed,
        used_ignores,
        unknown_inline,
    }
}

/// Lint one target with its configuration; suppressed findings are removed and counted.
/// Also returns which of the configuration's `[[ignore]]` entries removed a finding.
fn lint_one(
    target: &Target,
    (profile, profile_source): (Profile, ProfileSource),
    eff: &Effective,
    parallel_rules: bool,
    gates: &[Gate],
    say: Say<'_>,
) -> (ConnectorReport, ConnectorRun, Vec<usize>) {
    let connector = target.load();
    let display = connector.display.clone();
    let lint = lint_loaded(&connector, profile, eff, parallel_rules, gates);
    // A misspelled code in x-connkit-ignore suppresses nothing: say so.
    for s in &lint.unknown_inline {
        let near = rules::registry()
            .iter()
            .find(|r| r.code.eq_ignore_ascii_case(&s.code))
            .map(|r| format!(" (did you mean {}?)", r.code))
            .unwrap_or_default();
        say(&format!(
            "warning: {}: x-connkit-ignore at '{}' names unknown rule code '{}'{near}",
            crate::report::display_path(&display, s.file.as_deref().unwrap_or("")),
            s.pointer,
            s.code
        ));
    }
    (
        ConnectorReport {
            path: display,
            profile,
            profile_source,
            findings: lint.findings,
        },
        ConnectorRun {
            rules_run: rules_run(profile, &eff.options),
            suppressed: lint.suppressed,
            baselined: 0,
            fail_at: Default::default(),
        },
        lint.used_ignores,
    )
}

/// One target's settings: its profile and why, its effective configuration, and the
/// configuration file it came from.
type Settings = (
    (Profile, ProfileSource),
    Effective,
    Option<Arc<config::Loaded>>,
);

/// Run a lint session. `Err` is an error that stops the run before any report (a bad
/// baseline or configuration, `--changed-since` outside git, a baseline that cannot be
/// written); problems with single paths set [`LintOutcome::io_error`] instead. Warnings and
/// notes go to `say` as they happen.
pub(crate) fn run_lint(req: &LintRequest, say: Say<'_>) -> Result<LintOutcome, LintError> {
    let paths = if req.from_files {
        let paths = paths_of_files(&req.paths, req.baseline.as_deref());
        if paths.is_empty() && !req.quiet {
            say(&format!(
                "connkit: none of the {} files belongs to a connector",
                req.paths.len()
            ));
        }
        paths
    } else if req.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        req.paths.clone()
    };
    // Inputs that can be wrong are checked before any linting.
    let baseline = match &req.baseline {
        Some(p) => Some(Baseline::load(p).map_err(|e| LintError::new("baseline", e.to_string()))?),
        None => None,
    };
    let explicit_config = match &req.config {
        Some(p) => Some(Arc::new(
            config::load(p).map_err(|e| LintError::new("config", e.to_string()))?,
        )),
        None => None,
    };

    let (mut targets, problems) = discover_all(&paths);
    if targets.is_empty() && !problems.is_empty() {
        // Nothing to lint: a usage/I-O error (one JSON error document with --format json).
        return Err(LintError {
            kind: "io",
            messages: problems,
        });
    }
    for m in &problems {
        say(&format!("error: {m}"));
    }
    // One small connector is linted on this thread alone: no schema-preparing thread and no
    // rayon pool, whose start (and idle workers spinning) cost more CPU than they save.
    let small = small_single(&targets);
    if !small {
        // Prepare the rules' JSON Schemas on another thread while this one parses the
        // connectors (the rules wait for it only if they get there first). Without it the
        // same work happens lazily, on first use.
        std::thread::spawn(rules::prepare);
    }
    let mut io_error = !problems.is_empty();
    if let Some(rev) = &req.changed_since {
        changed_only(req, rev, &paths, &mut targets, say)?;
    }

    let (settings, loaded) = settings_of(req, &targets, explicit_config.as_ref())?;
    if req.fix {
        // Safe fixes first (each written atomically), then lint what is left; each connector
        // with its own configuration (a rule turned off there is not fixed).
        let jobs = targets
            .iter()
            .zip(&settings)
            .map(|(t, ((profile, _), eff, _))| (t, *profile, eff));
        if !super::fix::fix_targets(jobs, say) {
            // A fix that could not be written is a failure, whatever the lint finds next.
            io_error = true;
        }
    }

    let progress = Progress::start(targets.len(), req.quiet);
    let results: Vec<(ConnectorReport, ConnectorRun, Vec<usize>)> = if small {
        // The same findings as the parallel path (`rules::lint` and `lint_parallel` agree).
        targets
            .iter()
            .zip(&settings)
            .map(|(t, (profile, eff, _))| lint_one(t, *profile, eff, false, &req.gates, say))
            .collect()
    } else {
        // Fewer connectors than cores: spread each connector's rules over the cores instead.
        let parallel_rules = targets.len() < rayon::current_num_threads();
        targets
            .par_iter()
            .zip(settings.par_iter())
            .map(|(t, (profile, eff, _))| {
                let r = lint_one(t, *profile, eff, parallel_rules, &req.gates, say);
                progress.tick();
                r
            })
            .collect()
    };
    progress.finish();
    let mut connectors = Vec::with_capacity(results.len());
    let mut runs = Vec::with_capacity(results.len());
    // [[ignore]] entries that applied to a linted connector but removed nothing are stale.
    let mut applicable: Vec<(Arc<config::Loaded>, usize)> = Vec::new();
    let mut seen: HashSet<(PathBuf, usize)> = HashSet::new();
    let mut used: HashSet<(PathBuf, usize)> = HashSet::new();
    for ((c, mut r, u), (_, eff, cfg)) in results.into_iter().zip(&settings) {
        r.fail_at = FailAt(match req.fail_on {
            Some(f) => f,
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
    warn_unused_ignores(&settings, &applicable, &used, say);
    let mut report = LintReport { connectors };
    let mut run = RunInfo {
        connectors: runs,
        limits: req.limits,
        sarif_category: req.sarif_category.clone(),
        ..Default::default()
    };

    // Outputs never replace a file this run reads: connector files, configuration, baseline.
    let mut inputs: Vec<PathBuf> = targets.iter().flat_map(input_files).collect();
    inputs.extend(req.config.iter().cloned());
    inputs.extend(req.baseline.iter().cloned());
    inputs.extend(loaded);
    if let Some(path) = &req.write_baseline {
        // Entries are anchored to the baseline file's folder.
        let keys = crate::baseline::keys_at(&report, path.parent().unwrap_or(Path::new(".")));
        let b = Baseline::from_report(&report, &keys);
        crate::fsx::write_output(path, b.to_json().as_bytes(), &inputs)
            .map_err(|e| LintError::new("io", format!("cannot write baseline: {e}")))?;
        say(&format!(
            "connkit: wrote {} baseline entries to {}",
            b.entries.len(),
            path.display()
        ));
    }
    if let (Some(b), Some(file)) = (&baseline, &req.baseline) {
        let mut per = vec![0; report.connectors.len()];
        let keys = crate::baseline::keys_at(&report, file.parent().unwrap_or(Path::new(".")));
        let outcome = b.filter(&mut report, &mut per, &keys);
        for (r, n) in run.connectors.iter_mut().zip(per) {
            r.baselined = n;
        }
        run.stale_baseline = Some(outcome.stale);
        if !req.text_output && !req.quiet {
            say(&format!(
                "connkit: {} findings in baseline, {} baseline entries no longer occur",
                outcome.matched, outcome.stale
            ));
        }
    }

    if let Some(min) = req.min_level {
        for c in &mut report.connectors {
            let before = c.findings.len();
            c.findings.retain(|f| f.severity >= min);
            run.hidden += before - c.findings.len();
        }
    }
    Ok(LintOutcome {
        report,
        run,
        inputs,
        io_error,
        wrote_baseline: req.write_baseline.is_some(),
    })
}

/// A definition below this size is "small": its rules run in a few milliseconds, less than
/// starting threads for them costs. (Entersoft, the corpus' largest, is 850 KB; the median
/// definition is about 40 KB.)
const SMALL_DEFINITION: u64 = 128 * 1024;

/// Whether the run is one connector whose definition is small (or missing): then it is linted
/// on the main thread alone. Sizes are read from the file system, before any parse.
fn small_single(targets: &[Target]) -> bool {
    let [target] = targets else {
        return false;
    };
    let definition = match target {
        Target::File(p) => Some(p.clone()),
        Target::Folder(d) => discover::connector_files(d, &mut Vec::new()).definition,
    };
    definition.is_none_or(|p| std::fs::metadata(p).is_ok_and(|m| m.len() < SMALL_DEFINITION))
}

/// The connectors under every path, each once, and the problems found on the way (each one
/// makes the run fail).
fn discover_all(paths: &[PathBuf]) -> (Vec<Target>, Vec<String>) {
    let mut targets = Vec::new();
    let mut problems = Vec::new();
    for p in paths {
        let (t, errors) = discover::discover(p);
        for e in &errors {
            problems.push(format!("{}: {}", e.path.display(), e.message));
        }
        if t.is_empty() && errors.is_empty() {
            problems.push(format!(
                "{}: no connector found (no apiDefinition.swagger.json or apiProperties.json)",
                p.display()
            ));
        }
        targets.extend(t);
    }
    // The same connector named twice (a folder and a file in it, two files of it) is linted once.
    let mut seen_targets = HashSet::new();
    targets.retain(|t| seen_targets.insert(canonical(t.path())));
    (targets, problems)
}

/// `--changed-since`: keep the targets with a file changed since `rev`.
fn changed_only(
    req: &LintRequest,
    rev: &str,
    paths: &[PathBuf],
    targets: &mut Vec<Target>,
    say: Say<'_>,
) -> Result<(), LintError> {
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
    let covering: Vec<PathBuf> = req
        .baseline
        .iter()
        .chain(req.config.iter())
        .map(|p| canonical(p))
        .collect();
    let changed = crate::changed::changed_connectors(&from, rev, &covering)
        .map_err(|e| LintError::new("usage", format!("--changed-since: {e}")))?;
    let before = targets.len();
    targets.retain(|t| changed.includes(&canonical(&target_dir(t))));
    if !req.quiet {
        say(&format!(
            "connkit: {} of {before} connectors changed since {rev}",
            targets.len()
        ));
    }
    Ok(())
}

/// Configuration and profile per target: the explicit configuration, or the nearest
/// connkit.toml (each file loaded once). Also returns the configuration files read.
fn settings_of(
    req: &LintRequest,
    targets: &[Target],
    explicit: Option<&Arc<config::Loaded>>,
) -> Result<(Vec<Settings>, Vec<PathBuf>), LintError> {
    let mut loaded: HashMap<PathBuf, Option<Arc<config::Loaded>>> = HashMap::new();
    let mut lookups = HashMap::new();
    let mut settings = Vec::with_capacity(targets.len());
    let mut config_errors: Vec<String> = Vec::new();
    for t in targets {
        let dir = target_dir(t);
        let cfg = match explicit {
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
        let (profile, source) = config::resolve_profile(req.profile, eff.profile, t.path());
        settings.push(((profile, source), eff, cfg));
    }
    if !config_errors.is_empty() {
        return Err(LintError {
            kind: "config",
            messages: config_errors,
        });
    }
    Ok((settings, loaded.into_keys().collect()))
}

/// Warn about `[[ignore]]` entries that name no connector, or applied but removed nothing.
fn warn_unused_ignores(
    settings: &[Settings],
    applicable: &[(Arc<config::Loaded>, usize)],
    used: &HashSet<(PathBuf, usize)>,
    say: Say<'_>,
) {
    // [[ignore]] entries naming a connector that does not exist (each configuration once).
    let mut checked: HashSet<PathBuf> = HashSet::new();
    for (_, _, cfg) in settings {
        let Some(cfg) = cfg else { continue };
        if !checked.insert(cfg.path.clone()) {
            continue;
        }
        for i in cfg.ignores_naming_no_connector() {
            let at = cfg
                .ignore_position(i)
                .map(|(l, c)| format!(":{l}:{c}"))
                .unwrap_or_default();
            say(&format!(
                "warning: {}{at}: [[ignore]] {} names connector '{}', which matches no connector folder",
                cfg.path.display(),
                cfg.ignore_code(i).unwrap_or(""),
                cfg.ignore_connector(i).unwrap_or("")
            ));
        }
    }
    for (cfg, i) in applicable {
        if used.contains(&(cfg.path.clone(), *i)) {
            continue;
        }
        let at = cfg
            .ignore_position(*i)
            .map(|(l, c)| format!(":{l}:{c}"))
            .unwrap_or_default();
        say(&format!(
            "warning: {}{at}: [[ignore]] {} matched no finding; remove it if the finding is fixed",
            cfg.path.display(),
            cfg.ignore_code(*i).unwrap_or("")
        ));
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
            out.push(relative_to_cwd(d));
        }
    }
    out
}

/// A connector folder found from a file (canonical) as the user would write it: relative to
/// the current directory when it is below it, so `--from-files` reports the paths a path
/// argument would (`connectors/Foo/…`, not `/home/…/connectors/Foo/…`).
fn relative_to_cwd(dir: PathBuf) -> PathBuf {
    let Ok(cwd) = std::env::current_dir().and_then(std::fs::canonicalize) else {
        return dir;
    };
    match dir.strip_prefix(&cwd) {
        Ok(rel) if rel.as_os_str().is_empty() => PathBuf::from("."),
        Ok(rel) => rel.to_path_buf(),
        Err(_) => dir,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
    }

    #[test]
    fn a_session_returns_the_report_and_its_exit_status() {
        let req = LintRequest {
            paths: vec![sample("connectors/broken/structural-errors")],
            quiet: true,
            ..Default::default()
        };
        let out = run_lint(&req, &|_| {}).unwrap();
        assert_eq!(out.report.connectors.len(), 1);
        assert!(out.failed());
        assert_eq!(out.exit_status(), EXIT_FINDINGS);
        assert!(!out.inputs.is_empty(), "the connector's files are inputs");
        // A gate filter and never failing, as data.
        let req = LintRequest {
            gates: vec![Gate::Advice],
            fail_on: Some(None),
            ..req
        };
        let out = run_lint(&req, &|_| {}).unwrap();
        assert!(
            out.report.connectors[0]
                .findings
                .iter()
                .all(|f| f.gate == Gate::Advice)
        );
        assert_eq!(out.exit_status(), 0);
    }

    #[test]
    fn warnings_go_to_the_callers_say_not_to_stderr() {
        let said = std::sync::Mutex::new(Vec::<String>::new());
        let say = |l: &str| said.lock().unwrap().push(l.to_string());
        let req = LintRequest {
            paths: vec![sample("Cargo.toml"), sample("README.md")],
            from_files: true,
            ..Default::default()
        };
        let out = run_lint(&req, &say).unwrap();
        assert!(out.report.connectors.is_empty());
        assert_eq!(
            *said.lock().unwrap(),
            ["connkit: none of the 2 files belongs to a connector"]
        );
    }

    #[test]
    fn a_bad_baseline_stops_the_session_with_its_kind() {
        let req = LintRequest {
            paths: vec![sample("connectors/broken/structural-errors")],
            baseline: Some(sample("no/such/baseline.json")),
            quiet: true,
            ..Default::default()
        };
        let e = run_lint(&req, &|_| {}).unwrap_err();
        assert_eq!(e.kind, "baseline");
    }
}
