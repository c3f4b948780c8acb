//! Rendering lint results. Renderers only format: they never look at files again.

pub(crate) mod azure;
pub(crate) mod catalog;
pub(crate) mod diff;
pub(crate) mod github;
pub(crate) mod json;
pub(crate) mod junit;
pub(crate) mod markdown;
pub(crate) mod out;
pub(crate) mod package;
pub mod preview;
pub(crate) mod request;
pub(crate) mod run;
pub(crate) mod sarif;
pub(crate) mod style;
pub(crate) mod submit;
pub(crate) mod test;
pub(crate) mod text;

use serde::Serialize;

use crate::core::{Gate, ProfileSource};
use crate::rules::{Finding, Profile, Severity};

/// The formats a lint report renders to (`lint --format`, the `--output-*` files).
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    /// rustc-like text.
    Text,
    /// One JSON document (schema_version 1).
    Json,
    /// SARIF 2.1.0 (GitHub code scanning).
    Sarif,
    /// GitHub Actions annotations.
    Github,
    /// Azure DevOps logging commands.
    Azure,
    /// JUnit XML.
    Junit,
    /// Markdown summary (PR comment, $GITHUB_STEP_SUMMARY).
    Markdown,
}

/// Output formats of the commands that print either a report or a JSON document.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TextOrJson {
    Text,
    Json,
}

/// The findings of one connector.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ConnectorReport {
    /// The connector's path as given on the command line or found under it.
    pub(crate) path: String,
    pub(crate) profile: Profile,
    /// Why this profile (flag, connkit.toml, folder name or default).
    pub(crate) profile_source: ProfileSource,
    pub(crate) findings: Vec<Finding>,
}

/// Counts by severity.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub(crate) struct Summary {
    pub(crate) connectors: usize,
    pub(crate) errors: usize,
    pub(crate) warnings: usize,
    pub(crate) infos: usize,
    /// The same counts per gate: what fails the PR pipeline, what reviewers ask about, what
    /// the platform refuses, and advice.
    pub(crate) by_gate: ByGate,
}

impl Summary {
    /// Findings of every severity.
    pub(crate) fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

/// Findings per severity for one gate.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub(crate) struct GateCounts {
    pub(crate) errors: usize,
    pub(crate) warnings: usize,
    pub(crate) infos: usize,
}

impl GateCounts {
    pub(crate) fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

/// [`GateCounts`] for each gate, in [`Gate::ALL`] order.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub(crate) struct ByGate {
    pub(crate) pipeline: GateCounts,
    pub(crate) review: GateCounts,
    pub(crate) platform: GateCounts,
    pub(crate) advice: GateCounts,
}

impl ByGate {
    pub(crate) fn get(&self, gate: Gate) -> &GateCounts {
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
pub(crate) struct LintReport {
    pub(crate) connectors: Vec<ConnectorReport>,
}

impl LintReport {
    pub(crate) fn summary(&self) -> Summary {
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
    pub(crate) fn has_at_least(&self, level: Severity) -> bool {
        self.connectors
            .iter()
            .flat_map(|c| &c.findings)
            .any(|f| f.severity >= level)
    }
}

/// `dir` + `/` + `file`, without doubling separators (for display).
pub(crate) fn display_path(connector: &str, file: &str) -> String {
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

#[cfg(test)]
mod hostile_tests {
    //! Issue 14: a report whose every field is hostile stays inert in every format.

    use super::run::{ConnectorRun, RunInfo};
    use super::*;
    use crate::core::{Gate, ProfileSource};
    use crate::rules::{Finding, Profile, Severity};

    /// Terminal escapes (OSC title, 8-bit CSI, BEL, bidi override), an Azure logging command,
    /// a GitHub workflow command after a newline, a mention, an image and HTML.
    /// Then lines that would pass for connkit's own after `\n`, `\r`, U+2028 and U+2029.
    const HOSTILE: &str = "\u{1b}]0;t\u{7}\u{9b}31m\u{202e} ##vso[task.setvariable variable=LEAK]1\r\n::error::PWNED ##[group]x @admin ![i](https://e/p.png) <img src=x> | `c`\
         \nFORGED a\rFORGED b\u{2028}FORGED c\u{2029}FORGED d";

    fn report() -> (LintReport, RunInfo) {
        let f = |severity| Finding {
            code: "OperationIdNotUnique",
            severity,
            gate: Gate::Pipeline,
            file: format!("api{HOSTILE}.json"),
            pointer: format!("/paths/{HOSTILE}"),
            line: 3,
            column: 2,
            message: format!("operationId '{HOSTILE}' is used twice"),
            end_column: 9,
            source_line: Some(format!("  \"x\": \"{HOSTILE}\"")),
            source_column: 1,
        };
        let r = LintReport {
            connectors: vec![ConnectorReport {
                // A connector folder name can hold a newline and start a line.
                path: format!("::error::{HOSTILE}"),
                profile: Profile::Custom,
                profile_source: ProfileSource::Default,
                findings: vec![f(Severity::Error), f(Severity::Warning), f(Severity::Info)],
            }],
        };
        let run = RunInfo {
            connectors: vec![ConnectorRun {
                rules_run: vec!["OperationIdNotUnique"],
                ..Default::default()
            }],
            ..Default::default()
        };
        (r, run)
    }

    /// `own`: how many lines connkit itself starts with `prefix` (its annotations).
    fn assert_inert(name: &str, out: &str, own: Option<(&[&str], usize)>) {
        for c in [
            '\u{1b}', '\u{9b}', '\u{7}', '\u{202e}', '\r', '\u{2028}', '\u{2029}',
        ] {
            assert!(!out.contains(c), "{name}: raw {c:?}:\n{out}");
        }
        assert!(!out.contains("##["), "{name}:\n{out}");
        let mut commands = 0;
        for line in out.lines() {
            let l = line.trim_start();
            assert!(
                !l.trim_start_matches(['|', '<', ' ', '-', '*', '>', '`'])
                    .starts_with("FORGED"),
                "{name}: untrusted text started a line: {line:?}"
            );
            let is_command = l.starts_with("::") || l.to_lowercase().contains("##vso[");
            if !is_command {
                continue;
            }
            let (prefixes, _) = own.unwrap_or((&[], 0));
            assert!(
                prefixes.iter().any(|p| l.starts_with(p)),
                "{name}: a line untrusted text turned into a command: {line:?}"
            );
            // connkit's own command, with only one command marker on the line.
            assert_eq!(
                l.to_lowercase().matches("##vso[").count(),
                l.starts_with("##") as usize
            );
            commands += 1;
        }
        assert_eq!(commands, own.map(|o| o.1).unwrap_or(0), "{name}:\n{out}");
    }

    #[test]
    fn every_lint_format_is_inert() {
        let (r, run) = report();
        let gh: &[&str] = &["::error file=", "::warning file=", "::notice file="];
        let az: &[&str] = &[
            "##vso[task.logissue type=error;",
            "##vso[task.logissue type=warning;",
        ];
        assert_inert("text", &text::render(&r, false), None);
        // Colour: connkit's own SGR sequences are the only escapes.
        let coloured = text::render(&r, true);
        let sgr = regex::Regex::new("\u{1b}\\[[0-9;]*m").unwrap();
        assert_inert("text+colour", &sgr.replace_all(&coloured, ""), None);
        assert_inert("github", &github::render(&r, &run), Some((gh, 3)));
        assert_inert("azure", &azure::render(&r, &run), Some((az, 2)));
        assert_inert("junit", &junit::render(&r, &run), None);
        let md = markdown::render(&r, &run);
        assert_inert("markdown", &md, None);
        assert!(!md.contains("@admin") && !md.contains("`c`"), "{md}");
        // Outside code spans (where Markdown is live): no image, link or HTML.
        let spans = regex::Regex::new("`[^`\n]*`").unwrap();
        let live = spans.replace_all(&md, "");
        for bad in ["![", "<img"] {
            assert!(!live.contains(bad), "markdown passes {bad:?}:\n{md}");
        }
        for (name, doc) in [
            ("json", json::render(&r, &run)),
            ("sarif", sarif::render(&r, &run)),
        ] {
            assert_inert(name, &doc, None);
            // The data itself is intact for consumers.
            let v: serde_json::Value = serde_json::from_str(&doc).unwrap();
            assert!(v.to_string().contains("##vso[task.setvariable"), "{name}");
        }
        let v: serde_json::Value = serde_json::from_str(&json::render(&r, &run)).unwrap();
        assert_eq!(
            v["connectors"][0]["findings"][0]["message"],
            format!("operationId '{HOSTILE}' is used twice")
        );
    }
}
