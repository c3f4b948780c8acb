//! The results of a lint run, as the renderers (`crate::report`), baselines and the language
//! server read them: findings per connector, with the profile that ran and the counts.

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

impl Summary {
    /// Findings of every severity.
    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
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
