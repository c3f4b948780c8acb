//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning (one run per invocation).
//!
//! Rules carry the summary, the explanation (full description and help) and the rule's source
//! as helpUri; results point at the file (a relative URI with `/`), line and column (columns
//! count Unicode code points, as connkit's do), with the JSON pointer as a logical location
//! and a fingerprint that does not depend on the line (unique within the run).
//!
//! Within GitHub's limits: at most `--sarif-max-results` results (errors first; the run's
//! properties and a tool notification say what was left out), results about a missing file
//! point at the connector's apiProperties.json or definition, binary files get no region.

use serde_json::{Value, json};

use super::LintReport;
use super::run::ci_path;
use crate::rules::Severity;

/// The official schema's address (the file is vendored as schemas/sarif-schema-2.1.0.json).
pub(crate) const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative path (or an absolute one as a `file:` URI), percent-encoded as a URI reference.
pub(crate) fn uri(path: &str) -> String {
    let mut out = String::new();
    let p = path.replace('\\', "/");
    let (prefix, rest) = if p.starts_with('/') {
        ("file://", p.as_str())
    } else if p.as_bytes().get(1) == Some(&b':') && p.as_bytes().get(2) == Some(&b'/') {
        ("file:///", p.as_str())
    } else {
        ("", p.as_str())
    };
    out.push_str(prefix);
    for (i, b) in rest.bytes().enumerate() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/')
            || (b == b':' && prefix == "file:///" && i == 1);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// 16 hex digits of SHA-256 over the parts (NUL-separated): stable across line moves.
fn fingerprint(parts: &[&str]) -> String {
    use sha2::{Digest, Sha256};
    let d = Sha256::digest(parts.join("\u{0}").as_bytes());
    d.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// The SARIF `automationDetails.id` (category `connkit/lint`, no run id: each run replaces
/// the previous one's alerts in GitHub code scanning).
pub(crate) const AUTOMATION_ID: &str = "connkit/lint/";

/// The `automationDetails.id` for a category given with `--sarif-category` (else
/// [`AUTOMATION_ID`]): the category followed by `/`, so GitHub reads all of it as the
/// category (the part before the last `/`) and each run replaces the previous one's alerts
/// of that category. `github/codeql-action/upload-sarif`'s own `category` input is ignored
/// when the file already has an id, so this is the way to keep two connkit runs apart.
pub(crate) fn automation_id(category: Option<&str>) -> String {
    match category.map(str::trim).filter(|c| !c.is_empty()) {
        None => AUTOMATION_ID.to_string(),
        Some(c) if c.ends_with('/') => c.to_string(),
        Some(c) => format!("{c}/"),
    }
}

/// A rule's `name`: its summary in PascalCase ("Operation IDs must be unique" →
/// `OperationIdsMustBeUnique`), distinct from the id (SARIF multitool rule SARIF2012).
pub(crate) fn rule_name(code: &str, summary: &str) -> String {
    let mut name = String::new();
    let summary = summary.replace(['\'', '\u{2019}'], "");
    for word in summary
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(10)
    {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            name.push(first.to_ascii_uppercase());
            name.extend(chars);
        }
    }
    if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        name.insert_str(0, "Check");
    }
    if name == code {
        name.insert_str(0, "Check");
    }
    name
}

/// Files with no text lines: a region would point nowhere.
fn is_binary(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    [".png", ".jpg", ".jpeg", ".gif", ".ico", ".bmp", ".zip"]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// Where a result points: the finding's file if it exists; else (a missing icon.png,
/// intro.md…) the connector's apiProperties.json or definition, whichever exists. Returns the
/// path and whether it was redirected.
fn existing_location(connector: &str, file: &str) -> (String, bool) {
    let shown = super::display_path(connector, file);
    if std::path::Path::new(&shown).exists() {
        return (ci_path(connector, file), false);
    }
    let cpath = std::path::Path::new(connector);
    if cpath.is_file() {
        return (ci_path(connector, ""), true);
    }
    for candidate in ["apiProperties.json", "apiDefinition.swagger.json"] {
        if cpath.join(candidate).is_file() {
            return (ci_path(connector, candidate), true);
        }
    }
    // Nothing of the connector exists (a report made elsewhere): keep the finding's file.
    (ci_path(connector, file), false)
}

pub(crate) fn render(report: &LintReport, run: &super::run::RunInfo) -> String {
    // Rules referenced by results, in the catalog's (registry) order, then any code outside it.
    let mut codes: Vec<&'static str> = Vec::new();
    for r in crate::catalog::family(crate::catalog::Family::Lint) {
        if report
            .connectors
            .iter()
            .flat_map(|c| &c.findings)
            .any(|f| f.code == r.code)
        {
            codes.push(r.code);
        }
    }
    for f in report.connectors.iter().flat_map(|c| &c.findings) {
        if !codes.contains(&f.code) {
            codes.push(f.code);
        }
    }
    let rule_objs: Vec<Value> = codes
        .iter()
        .map(|code| match crate::catalog::lint_rule(code) {
            Some(r) => json!({
                "id": r.code,
                "name": rule_name(r.code, r.summary),
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.explanation.text()},
                "help": {"text": r.explanation.text(), "markdown": r.explanation.text()},
                "helpUri": r.source,
                "defaultConfiguration": {"level": level(r.severity)},
                "properties": {
                    "tags": r.profiles.names(),
                    "gate": r.gate.as_str(),
                    "microsoftMessage": r.microsoft
                }
            }),
            None => json!({
                "id": code,
                "name": rule_name(code, code),
                "shortDescription": {"text": code}
            }),
        })
        .collect();
    // Errors first, then warnings, then notes (stable within a level), up to the cap.
    let mut all: Vec<(&super::ConnectorReport, &crate::rules::Finding)> = report
        .connectors
        .iter()
        .flat_map(|c| c.findings.iter().map(move |f| (c, f)))
        .collect();
    all.sort_by_key(|(_, f)| std::cmp::Reverse(f.severity));
    let cap = run.limits.sarif_max_results;
    let omitted = &all[all.len().min(cap)..];
    let count = |sev: Severity| omitted.iter().filter(|(_, f)| f.severity == sev).count();
    let (omitted_errors, omitted_warnings, omitted_notes) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let mut results = Vec::new();
    let mut seen_fingerprints = std::collections::HashMap::new();
    for (c, f) in all.iter().take(cap) {
        let index = codes.iter().position(|x| *x == f.code).unwrap_or(0);
        let (path, redirected) = existing_location(&c.path, &f.file);
        let mut physical = json!({"artifactLocation": {"uri": uri(&path)}});
        if !redirected && !is_binary(&path) {
            physical["region"] = json!({
                "startLine": f.line.max(1),
                "startColumn": f.column.max(1),
                "endColumn": f.end_column.max(f.column.max(1) + 1)
            });
        }
        let mut location = json!({ "physicalLocation": physical });
        if !f.pointer.is_empty() {
            location["logicalLocations"] = json!([{
                "fullyQualifiedName": f.pointer,
                "kind": "member"
            }]);
        }
        // Without a pointer, the position tells findings apart; identical findings get an
        // occurrence number, so no two results share a fingerprint (GitHub merges those).
        let file_key = ci_path(&c.path, &f.file);
        let base = if f.pointer.is_empty() {
            let position = format!("{}:{}", f.line, f.column);
            fingerprint(&[f.code, &file_key, &f.pointer, &f.message, &position])
        } else {
            fingerprint(&[f.code, &file_key, &f.pointer, &f.message])
        };
        let n = seen_fingerprints.entry(base.clone()).or_insert(0usize);
        *n += 1;
        let fingerprint = if *n == 1 {
            base
        } else {
            fingerprint(&[&base, &n.to_string()])
        };
        let mut properties = json!({"gate": f.gate.as_str(), "profile": c.profile.as_str()});
        if redirected {
            properties["missingFile"] = json!(f.file);
        }
        results.push(json!({
            "ruleId": f.code,
            "ruleIndex": index,
            "level": level(f.severity),
            "message": {"text": f.message},
            "locations": [location],
            "partialFingerprints": {"connkitFinding/v1": fingerprint},
            "properties": properties
        }));
    }
    let mut notifications = Vec::new();
    if !omitted.is_empty() {
        notifications.push(json!({
            "level": "warning",
            "descriptor": {"id": "ResultsCapped"},
            "message": {"text": format!(
                "{} of {} results left out (--sarif-max-results {cap}; GitHub keeps 5,000 per run): \
                 {omitted_errors} errors, {omitted_warnings} warnings, {omitted_notes} notes. \
                 Errors come first; the JSON report has every finding.",
                omitted.len(),
                all.len()
            )}
        }));
    }
    if run.hidden > 0 {
        notifications.push(json!({
            "level": "note",
            "descriptor": {"id": "BelowMinLevel"},
            "message": {"text": format!("{} findings below --min-level are not reported", run.hidden)}
        }));
    }
    let mut invocation = json!({"executionSuccessful": true});
    if !notifications.is_empty() {
        invocation["toolExecutionNotifications"] = Value::Array(notifications);
    }
    let doc = json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "connkit",
                "fullName": "connkit, the Power Platform custom connector linter",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": env!("CARGO_PKG_REPOSITORY"),
                "rules": rule_objs
            }},
            "automationDetails": {"id": automation_id(run.sarif_category.as_deref())},
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "results": results,
            // Suppressed, baselined, hidden and capped findings are not results; how many
            // there were is still part of the record.
            "properties": {
                "suppressed": run.suppressed(),
                "baselined": run.baselined(),
                "belowMinLevel": run.hidden,
                "resultsTotal": all.len(),
                "resultsOmitted": {
                    "total": omitted.len(),
                    "error": omitted_errors,
                    "warning": omitted_warnings,
                    "note": omitted_notes
                }
            }
        }]
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    crate::safe::json(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_with_slashes_or_file_uris() {
        assert_eq!(uri("a b/c#d.json"), "a%20b/c%23d.json");
        assert_eq!(uri("conn\\x.json"), "conn/x.json");
        assert_eq!(uri("/abs/x.json"), "file:///abs/x.json");
        assert_eq!(uri("C:\\x\\y.json"), "file:///C:/x/y.json");
        assert_eq!(uri("é.json"), "%C3%A9.json");
    }
}

#[cfg(test)]
mod limit_tests {
    //! Issue 16: fingerprints unique, results about missing files on a file that exists, no
    //! region on binaries, rule names distinct from ids.

    use super::*;
    use crate::core::{Gate, ProfileSource};
    use crate::report::ConnectorReport;
    use crate::report::run::RunInfo;
    use crate::rules::{Finding, Profile};

    fn finding(file: &str, pointer: &str, line: usize, message: &str) -> Finding {
        Finding {
            code: "IconMissing",
            severity: Severity::Warning,
            gate: Gate::Pipeline,
            file: file.into(),
            pointer: pointer.into(),
            line,
            column: 1,
            message: message.into(),
            end_column: 2,
            source_line: None,
            source_column: 1,
        }
    }

    fn render_one(path: &str, findings: Vec<Finding>) -> Value {
        let report = LintReport {
            connectors: vec![ConnectorReport {
                path: path.into(),
                profile: Profile::Custom,
                profile_source: ProfileSource::Default,
                findings,
            }],
        };
        serde_json::from_str(&render(&report, &RunInfo::default())).unwrap()
    }

    #[test]
    fn fingerprints_differ_without_pointers_and_for_repeats() {
        let doc = render_one(
            "c",
            vec![
                finding("readme.md", "", 3, "same"),
                finding("readme.md", "", 7, "same"),
                finding("readme.md", "", 7, "same"),
                finding("a.json", "/x", 1, "m"),
                finding("a.json", "/x", 9, "m"),
            ],
        );
        let fps: Vec<String> = doc["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["partialFingerprints"]["connkitFinding/v1"].to_string())
            .collect();
        let unique: std::collections::HashSet<_> = fps.iter().collect();
        assert_eq!(unique.len(), fps.len(), "{fps:?}");
    }

    #[test]
    fn missing_files_point_at_a_file_that_exists_and_binaries_have_no_region() {
        let dir = tempfile::tempdir().unwrap();
        let c = dir.path().join("conn");
        std::fs::create_dir(&c).unwrap();
        std::fs::write(c.join("apiProperties.json"), "{}").unwrap();
        let path = c.to_string_lossy().into_owned();
        let doc = render_one(&path, vec![finding("icon.png", "", 1, "no icon")]);
        let r = &doc["runs"][0]["results"][0];
        let loc = &r["locations"][0]["physicalLocation"];
        assert!(
            loc["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .ends_with("conn/apiProperties.json"),
            "{loc}"
        );
        assert!(loc.get("region").is_none(), "{loc}");
        assert_eq!(r["properties"]["missingFile"], "icon.png");
        // An icon that exists is pointed at, without a text region.
        std::fs::write(c.join("icon.png"), [0x89, b'P', b'N', b'G']).unwrap();
        let doc = render_one(&path, vec![finding("icon.png", "", 1, "too small")]);
        let loc = &doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
        assert!(
            loc["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .ends_with("conn/icon.png")
        );
        assert!(loc.get("region").is_none(), "{loc}");
    }

    #[test]
    fn rule_names_are_pascal_case_and_differ_from_ids() {
        assert_eq!(
            rule_name(
                "OperationIdNotUnique",
                "Two operations share an operationId"
            ),
            "TwoOperationsShareAnOperationId"
        );
        assert_eq!(
            rule_name("X", "the definition's scheme"),
            "TheDefinitionsScheme"
        );
        assert_eq!(rule_name("Abc", "abc"), "CheckAbc");
        for r in crate::rules::registry() {
            let name = rule_name(r.code, r.summary);
            assert_ne!(name, r.code);
            assert!(name.chars().all(|c| c.is_ascii_alphanumeric()), "{name}");
        }
    }
}
