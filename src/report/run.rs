//! What a lint run knows besides findings, for the CI formats: which rules ran on each
//! connector, how many findings were suppressed or matched a baseline.

/// Per connector, in the order of `LintReport::connectors`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConnectorRun {
    /// Codes of the rules that ran (registry order).
    pub rules_run: Vec<&'static str>,
    /// Findings removed by `[[ignore]]` or `x-connkit-ignore`.
    pub suppressed: usize,
    /// Findings removed because the baseline has them.
    pub baselined: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunInfo {
    pub connectors: Vec<ConnectorRun>,
    /// With `--baseline`: entries that no longer occur.
    pub stale_baseline: Option<usize>,
}

impl RunInfo {
    pub fn get(&self, i: usize) -> Option<&ConnectorRun> {
        self.connectors.get(i)
    }
    pub fn suppressed(&self) -> usize {
        self.connectors.iter().map(|c| c.suppressed).sum()
    }
    pub fn baselined(&self) -> usize {
        self.connectors.iter().map(|c| c.baselined).sum()
    }

    /// One line for text output, empty when nothing was suppressed or baselined.
    pub fn text_line(&self) -> String {
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
pub fn ci_path(connector: &str, file: &str) -> String {
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
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// "connkit: 2 errors, 0 warnings, 1 info in 3 connectors."
pub fn summary_line(report: &super::LintReport) -> String {
    let s = report.summary();
    format!(
        "connkit: {}, {}, {} in {}.",
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.infos, "info"),
        plural(s.connectors, "connector")
    )
}
