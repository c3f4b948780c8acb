//! Rendering lint results. Renderers only format: they never look at files again.

pub mod azure;
pub mod github;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod run;
pub mod sarif;
pub mod text;

use serde::Serialize;

use crate::rules::{Finding, Profile, Severity};

/// The findings of one connector.
#[derive(Debug, Clone, Serialize)]
pub struct ConnectorReport {
    /// The connector's path as given on the command line or found under it.
    pub path: String,
    pub profile: Profile,
    pub findings: Vec<Finding>,
}

/// Counts by severity.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub connectors: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

/// A whole lint run.
#[derive(Debug, Clone, Default)]
pub struct LintReport {
    pub connectors: Vec<ConnectorReport>,
}

impl LintReport {
    pub fn summary(&self) -> Summary {
        let mut s = Summary {
            connectors: self.connectors.len(),
            ..Default::default()
        };
        for f in self.connectors.iter().flat_map(|c| &c.findings) {
            match f.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
        }
        s
    }

    /// Whether any finding is at or above `level`.
    pub fn has_at_least(&self, level: Severity) -> bool {
        self.connectors
            .iter()
            .flat_map(|c| &c.findings)
            .any(|f| f.severity >= level)
    }
}

/// `dir` + `/` + `file`, without doubling separators (for display).
pub fn display_path(connector: &str, file: &str) -> String {
    if file.is_empty() || file == "." {
        return connector.to_string();
    }
    let p = std::path::Path::new(connector);
    let is_file = p.extension().is_some_and(|e| {
        e.eq_ignore_ascii_case("json")
            || e.eq_ignore_ascii_case("yaml")
            || e.eq_ignore_ascii_case("yml")
    }) && p.file_name().is_some_and(|n| n.to_string_lossy() == file);
    if is_file {
        return connector.to_string();
    }
    let sep = if connector.ends_with('/') || connector.ends_with('\\') {
        ""
    } else {
        "/"
    };
    format!("{connector}{sep}{file}")
}
