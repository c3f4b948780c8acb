//! `--format json`: exactly one JSON document, schema_version 1.

use serde::Serialize;

use super::run::RunInfo;
use super::{ConnectorReport, LintReport, Summary};

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Document<'a> {
    schema_version: u32,
    tool: Tool,
    connectors: &'a [ConnectorReport],
    summary: FullSummary,
}

/// The summary with what the run removed: every report says how much was hidden.
#[derive(Serialize)]
struct FullSummary {
    #[serde(flatten)]
    counts: Summary,
    /// Findings removed by `[[ignore]]` or `x-connkit-ignore`.
    suppressed: usize,
    /// Findings removed because the baseline has them.
    baselined: usize,
}

/// The `error` object of a JSON error document: `{"kind", "message"}`. Kinds: `usage`
/// (arguments), `io` (a file could not be read or written), `config` (connkit.toml),
/// `baseline`, `parse` (an input that is not JSON/YAML), `refused` (a package refused as
/// unsafe or corrupt), `service` (a network or server failure), `rejected` (the service
/// rejected the package or submission), `verify` (`submit` refused a package that fails
/// `verify-package`).
pub(crate) fn error_object(kind: &str, message: &str) -> serde_json::Value {
    serde_json::json!({"kind": kind, "message": message})
}

/// `{"schema_version": 1, "tool": …, "status": "error", "error": {"kind", "message"}}`.
pub(crate) fn error_document(kind: &str, message: &str) -> serde_json::Value {
    serde_json::json!({
        "schema_version": 1,
        "tool": tool(),
        "status": "error",
        "error": error_object(kind, message),
    })
}

pub(crate) fn tool() -> impl Serialize {
    Tool {
        name: "connkit",
        version: env!("CARGO_PKG_VERSION"),
    }
}

pub(crate) fn render(report: &LintReport, run: &RunInfo) -> String {
    let doc = Document {
        schema_version: 1,
        tool: Tool {
            name: "connkit",
            version: env!("CARGO_PKG_VERSION"),
        },
        connectors: &report.connectors,
        summary: FullSummary {
            counts: report.summary(),
            suppressed: run.suppressed(),
            baselined: run.baselined(),
        },
    };
    let mut s =
        serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    s.push('\n');
    crate::safe::json(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Finding, Profile, Severity};

    #[test]
    fn shape_is_exact() {
        let r = LintReport {
            connectors: vec![ConnectorReport {
                path: "c".into(),
                profile: Profile::IndependentPublisher,
                profile_source: crate::core::ProfileSource::Default,
                findings: vec![Finding {
                    code: "X",
                    severity: Severity::Warning,
                    gate: crate::core::Gate::Pipeline,
                    file: "apiDefinition.swagger.json".into(),
                    pointer: "/a".into(),
                    line: 2,
                    column: 3,
                    message: "m".into(),
                    end_column: 9,
                    source_line: Some("secret".into()),
                    source_column: 1,
                }],
            }],
        };
        let run = RunInfo {
            connectors: vec![crate::report::run::ConnectorRun {
                suppressed: 2,
                ..Default::default()
            }],
            ..Default::default()
        };
        let v: serde_json::Value = serde_json::from_str(&render(&r, &run)).unwrap();
        assert_eq!(v["schema_version"], 1);
        assert_eq!(v["tool"]["name"], "connkit");
        assert_eq!(v["connectors"][0]["profile"], "independent-publisher");
        let f = &v["connectors"][0]["findings"][0];
        let keys: Vec<_> = f.as_object().unwrap().keys().cloned().collect();
        assert_eq!(
            keys,
            [
                "code", "severity", "gate", "file", "pointer", "line", "column", "message"
            ]
        );
        assert_eq!(v["connectors"][0]["profile_source"], "default");
        assert_eq!(v["summary"]["warnings"], 1);
        assert_eq!(
            v["summary"]["by_gate"]["pipeline"],
            serde_json::json!({"errors": 0, "warnings": 1, "infos": 0})
        );
        assert_eq!(v["summary"]["suppressed"], 2);
        assert_eq!(v["summary"]["baselined"], serde_json::json!(0));
        assert_eq!(v["summary"]["by_gate"]["review"]["warnings"], 0);
    }
}
