//! What a lint run knows besides findings, for the CI formats: which rules ran on each
//! connector, how many findings were suppressed or matched a baseline.

/// Per connector, in the order of `LintReport::connectors`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ConnectorRun {
    /// Codes of the rules that ran (registry order).
    pub(crate) rules_run: Vec<&'static str>,
    /// Findings removed by `[[ignore]]` or `x-connkit-ignore`.
    pub(crate) suppressed: usize,
    /// Findings removed because the baseline has them.
    pub(crate) baselined: usize,
    /// The level at which this connector's findings fail the run (`--fail-on`/`fail-on`).
    pub(crate) fail_at: FailAt,
}

/// The level at or above which a finding fails the run; `FailAt(None)` for `never`.
/// Default: errors fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FailAt(pub(crate) Option<crate::rules::Severity>);

impl Default for FailAt {
    fn default() -> Self {
        FailAt(Some(crate::rules::Severity::Error))
    }
}

impl FailAt {
    /// Whether a finding of this severity fails the run.
    pub(crate) fn fails(self, s: crate::rules::Severity) -> bool {
        self.0.is_some_and(|l| s >= l)
    }
}

/// GitHub code scanning keeps 5,000 results per run (and rejects more than 25,000).
pub(crate) const SARIF_MAX_RESULTS: usize = 5_000;
/// GitHub's job summary holds 1 MiB (1,048,576 bytes): stay clearly below it.
pub(crate) const MARKDOWN_MAX_BYTES: usize = 1_000_000;

/// The size limits of the hosts the reports go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Limits {
    /// SARIF results kept (errors first).
    pub(crate) sarif_max_results: usize,
    /// Bytes of the Markdown report.
    pub(crate) markdown_max_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            sarif_max_results: SARIF_MAX_RESULTS,
            markdown_max_bytes: MARKDOWN_MAX_BYTES,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct RunInfo {
    pub(crate) connectors: Vec<ConnectorRun>,
    /// With `--baseline`: entries that no longer occur.
    pub(crate) stale_baseline: Option<usize>,
    /// Size limits of the reports.
    pub(crate) limits: Limits,
    /// Findings hidden by `--min-level`.
    pub(crate) hidden: usize,
    /// `--sarif-category`: the SARIF `automationDetails.id` category (default `connkit/lint`).
    pub(crate) sarif_category: Option<String>,
}

impl RunInfo {
    pub(crate) fn get(&self, i: usize) -> Option<&ConnectorRun> {
        self.connectors.get(i)
    }
    pub(crate) fn suppressed(&self) -> usize {
        self.connectors.iter().map(|c| c.suppressed).sum()
    }
    pub(crate) fn baselined(&self) -> usize {
        self.connectors.iter().map(|c| c.baselined).sum()
    }

    /// One line for text output, empty when nothing was suppressed or baselined.
    pub(crate) fn text_line(&self) -> String {
        let mut parts = Vec::new();
        if self.suppressed() > 0 || self.baselined() > 0 || self.stale_baseline.is_some() {
            parts.push(format!("{} suppressed", self.suppressed()));
        }
        if self.stale_baseline.is_some() || self.baselined() > 0 {
            parts.push(format!("{} in baseline", self.baselined()));
        }
        if let Some(n) = self.stale_baseline {
            parts.push(format!(
                "{n} baseline {} no longer {}",
                if n == 1 { "entry" } else { "entries" },
                if n == 1 { "occurs" } else { "occur" }
            ));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("{}.\n", parts.join(", "))
        }
    }
}

/// A finding's file as a repository-relative path with `/` (for annotations and SARIF).
/// Absolute paths under the current directory become relative to it (CI tools resolve paths
/// against the checkout).
pub(crate) fn ci_path(connector: &str, file: &str) -> String {
    let shown = super::display_path(connector, file);
    let path = std::path::Path::new(&shown);
    let relative = if path.is_absolute() {
        std::env::current_dir()
            .ok()
            .and_then(|cwd| path.strip_prefix(&cwd).ok().map(|r| r.to_path_buf()))
    } else {
        None
    };
    let p = match relative {
        Some(r) => r.to_string_lossy().replace('\\', "/"),
        None => shown.replace('\\', "/"),
    };
    let mut s = p.as_str();
    while let Some(rest) = s.strip_prefix("./") {
        s = rest;
    }
    s.to_string()
}

/// "1 error", "2 errors".
pub(crate) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// "connkit: 2 errors, 0 warnings, 1 info in 3 connectors."
pub(crate) fn summary_line(report: &super::LintReport) -> String {
    let s = report.summary();
    format!(
        "connkit: {}, {}, {} in {}.",
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.infos, "info"),
        plural(s.connectors, "connector")
    )
}
