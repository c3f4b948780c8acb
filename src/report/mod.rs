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

use crate::core::{Gate, ProfileSource};
use crate::rules::{Finding, Profile, Severity};

/// The findings of one connector.
#[derive(Debug, Clone, Serialize)]
pub struct ConnectorReport {
    /// The connector's path as given on the command line or found under it.
    pub path: String,
    pub profile: Profile,
    /// Why this profile (flag, connkit.toml, folder name or default).
    pub profile_source: ProfileSource,
    pub findings: Vec<Finding>,
}

/// Counts by severity.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub connectors: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// The same counts per gate: what fails the PR pipeline, what reviewers ask about, what
    /// the platform refuses, and advice.
    pub by_gate: ByGate,
}

/// Findings per severity for one gate.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct GateCounts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl GateCounts {
    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

/// [`GateCounts`] for each gate, in [`Gate::ALL`] order.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct ByGate {
    pub pipeline: GateCounts,
    pub review: GateCounts,
    pub platform: GateCounts,
    pub advice: GateCounts,
}

impl ByGate {
    pub fn get(&self, gate: Gate) -> &GateCounts {
        match gate {
            Gate::Pipeline => &self.pipeline,
            Gate::Review => &self.review,
            Gate::Platform => &self.platform,
            Gate::Advice => &self.advice,
        }
    }

    fn get_mut(&mut self, gate: Gate) -> &mut GateCounts {
        match gate {
            Gate::Pipeline => &mut self.pipeline,
            Gate::Review => &mut self.review,
            Gate::Platform => &mut self.platform,
            Gate::Advice => &mut self.advice,
        }
    }
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
            let g = s.by_gate.get_mut(f.gate);
            match f.severity {
                Severity::Error => {
                    s.errors += 1;
                    g.errors += 1;
                }
                Severity::Warning => {
                    s.warnings += 1;
                    g.warnings += 1;
                }
                Severity::Info => {
                    s.infos += 1;
                    g.infos += 1;
                }
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
