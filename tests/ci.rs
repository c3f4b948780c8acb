//! CI surfaces of `connkit lint`: output formats (golden files), several outputs at once,
//! connkit.toml, inline `x-connkit-ignore`, baselines, `--changed-since`, completions and man.
//!
//! Golden files live in tests/golden/. When output changes on purpose (e.g. a new rule fires
//! on the broken sample), regenerate them with `CONNKIT_BLESS=1 cargo test --test ci` and
//! review the diff.

#[path = "support/skip.rs"]
mod skip;

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

const BROKEN: &str = "connectors/broken/structural-errors";
const CLEAN: &str = "connectors/custom-connectors/EchoTools";
const CERTIFIED: &str = "connectors/certified-connectors/ContosoTasks";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn connkit() -> Command {
    let mut c = Command::cargo_bin("connkit").unwrap();
    c.env("NO_COLOR", "1")
        .env_remove("GITHUB_STEP_SUMMARY")
        .current_dir(root());
    c
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    let mut c = Command::cargo_bin("connkit").unwrap();
    c.env("NO_COLOR", "1").current_dir(dir).args(args);
    c.output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

// ---------------------------------------------------------------- golden files per format

fn golden(name: &str, actual: &str) {
    let path = root().join("tests/golden").join(name);
    let version = env!("CARGO_PKG_VERSION");
    let normalized = actual.replace(&format!("\"{version}\""), "\"<VERSION>\"");
    if std::env::var_os("CONNKIT_BLESS").is_some() {
        std::fs::write(&path, &normalized).unwrap();
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (create it with CONNKIT_BLESS=1)", path.display()));
    if expected != normalized {
        let diff = similar::TextDiff::from_lines(&expected, &normalized)
            .unified_diff()
            .header("expected", "actual")
            .to_string();
        panic!("{name} differs from its golden file (CONNKIT_BLESS=1 to accept):\n{diff}");
    }
}

fn check_format(format: &str, ext: &str) {
    // The configuration makes one finding a warning and one an info.
    let o = connkit()
        .args(["lint", BROKEN, "--format", format])
        .args(["--config", "tests/golden/connkit.toml"])
        .output()
        .unwrap();
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    golden(&format!("{format}-findings.{ext}"), &stdout(&o));
    let o = connkit()
        .args(["lint", CLEAN, "--format", format])
        .output()
        .unwrap();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    golden(&format!("{format}-clean.{ext}"), &stdout(&o));
}

#[test]
fn golden_sarif() {
    check_format("sarif", "sarif");
}

#[test]
fn golden_github() {
    check_format("github", "txt");
}

#[test]
fn golden_azure() {
    check_format("azure", "txt");
}

#[test]
fn golden_junit() {
    check_format("junit", "xml");
}

#[test]
fn golden_markdown() {
    check_format("markdown", "md");
}

#[test]
fn golden_json() {
    check_format("json", "json");
}

// ---------------------------------------------------------------- SARIF validity

fn sarif_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schemas/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

fn sarif_of(path: &str) -> Value {
    let o = connkit()
        .args(["lint", path, "--format", "sarif"])
        .output()
        .unwrap();
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn sarif_is_valid_against_the_schema_and_rule_indices_match() {
    let v = sarif_validator();
    for path in [BROKEN, CLEAN, "connectors/broken/invalid-json"] {
        let doc = sarif_of(path);
        let errors: Vec<String> = v.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{path}: {errors:#?}");
        let run = &doc["runs"][0];
        assert_eq!(run["columnKind"], "unicodeCodePoints");
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        for r in run["results"].as_array().unwrap() {
            let i = r["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[i]["id"], r["ruleId"], "{path}");
            let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap();
            assert!(
                uri.starts_with("connectors/") && !uri.contains('\\'),
                "{uri}"
            );
        }
        for r in rules {
            assert!(r["helpUri"].as_str().unwrap().starts_with("http"));
            assert!(!r["fullDescription"]["text"].as_str().unwrap().is_empty());
        }
    }
    let doc = sarif_of(BROKEN);
    assert_eq!(doc["runs"].as_array().unwrap().len(), 1);
    assert!(!doc["runs"][0]["results"].as_array().unwrap().is_empty());
}

#[test]
fn the_sarif_schema_rejects_what_sarif_forbids() {
    let v = sarif_validator();
    let doc = sarif_of(BROKEN);
    assert!(v.is_valid(&doc));
    let mut bad = doc.clone();
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    assert!(!v.is_valid(&bad), "startLine 0");
    let mut bad = doc.clone();
    bad["version"] = "2.0.0".into();
    assert!(!v.is_valid(&bad), "version");
    let mut bad = doc.clone();
    bad["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!v.is_valid(&bad), "level");
    let mut bad = doc.clone();
    bad["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"] = "not a uri".into();
    assert!(!v.is_valid(&bad), "helpUri");
    // What the old hand-written schema accepted and the official one does not.
    let mut bad = doc.clone();
    bad["runs"][0]["results"] = Value::Null;
    assert!(!v.is_valid(&bad), "results: null");
    let mut bad = doc.clone();
    bad["runs"] = Value::Null;
    assert!(!v.is_valid(&bad), "runs: null");
    // A region without a start: the schema has no `required` on regions, the specification
    // does (§3.30.2: startLine, charOffset or byteOffset), so the test checks it itself.
    let mut bad = doc.clone();
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"] =
        serde_json::json!({"endColumn": 4});
    assert!(
        !sarif_spec_problems(&bad).is_empty(),
        "region without a start"
    );
    assert!(sarif_spec_problems(&doc).is_empty());
}

/// Rules of the SARIF specification the JSON schema cannot express, and GitHub's needs.
fn sarif_spec_problems(doc: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    for run in doc["runs"].as_array().into_iter().flatten() {
        let mut fingerprints = std::collections::HashSet::new();
        for r in run["results"].as_array().into_iter().flatten() {
            for l in r["locations"].as_array().into_iter().flatten() {
                let region = &l["physicalLocation"]["region"];
                if region.is_object()
                    && region.get("startLine").is_none()
                    && region.get("charOffset").is_none()
                    && region.get("byteOffset").is_none()
                {
                    problems.push(format!("region without a start: {region}"));
                }
            }
            let fp = r["partialFingerprints"].to_string();
            if !fingerprints.insert(fp.clone()) {
                problems.push(format!("duplicate fingerprint {fp}"));
            }
        }
        for rule in run["tool"]["driver"]["rules"]
            .as_array()
            .into_iter()
            .flatten()
        {
            if rule["name"] == rule["id"] {
                problems.push(format!("rule name equals its id: {}", rule["id"]));
            }
        }
        if run["automationDetails"]["id"].as_str().is_none() {
            problems.push("no automationDetails.id".into());
        }
        if run["tool"]["driver"]["fullName"].as_str().is_none() {
            problems.push("no tool.driver.fullName".into());
        }
    }
    problems
}

#[test]
fn sarif_meets_githubs_and_azures_needs() {
    for path in [BROKEN, CLEAN, CERTIFIED, "connectors/broken/invalid-json"] {
        let doc = sarif_of(path);
        assert_eq!(sarif_spec_problems(&doc), Vec::<String>::new(), "{path}");
        for rule in doc["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
        {
            let name = rule["name"].as_str().unwrap();
            assert!(
                name.starts_with(|c: char| c.is_ascii_uppercase())
                    && name.chars().all(|c| c.is_ascii_alphanumeric()),
                "{name}"
            );
        }
    }
}

#[test]
fn sarif_results_are_capped_errors_first_and_the_rest_is_counted() {
    let all = sarif_of(BROKEN);
    let total = all["runs"][0]["results"].as_array().unwrap().len();
    assert!(total > 3, "{total}");
    let o = connkit()
        .args([
            "lint",
            BROKEN,
            "--format",
            "sarif",
            "--sarif-max-results",
            "2",
        ])
        .args(["--config", "tests/golden/connkit.toml"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(sarif_validator().is_valid(&doc));
    let run = &doc["runs"][0];
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    assert!(
        results.iter().all(|r| r["level"] == "error"),
        "{results:#?}"
    );
    assert_eq!(run["properties"]["resultsTotal"], total);
    assert_eq!(run["properties"]["resultsOmitted"]["total"], total - 2);
    let note = run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
        .as_str()
        .unwrap();
    assert!(
        note.contains(&format!("{} of {total} results left out", total - 2)),
        "{note}"
    );
    // --min-level hides notes and warnings everywhere, and says so.
    let o = connkit()
        .args(["lint", BROKEN, "--format", "sarif", "--min-level", "error"])
        .args(["--config", "tests/golden/connkit.toml"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    let results = doc["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().all(|r| r["level"] == "error"));
    assert!(
        doc["runs"][0]["properties"]["belowMinLevel"]
            .as_u64()
            .unwrap()
            > 0
    );
}

#[test]
fn absolute_paths_under_the_checkout_become_relative_uris() {
    let abs = root().join(BROKEN);
    let o = connkit()
        .args(["lint", "--format", "sarif"])
        .arg(&abs)
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    let uri = &doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"];
    assert_eq!(
        uri,
        "connectors/broken/structural-errors/apiDefinition.swagger.json"
    );
    // Outside the current directory an absolute path stays absolute, as a file: URI. (A fresh
    // empty folder as the working directory: the checkout itself may live under the temp dir.)
    let elsewhere = tempfile::tempdir().unwrap();
    let o = Command::cargo_bin("connkit")
        .unwrap()
        .args(["lint", "--format", "sarif"])
        .arg(&abs)
        .current_dir(elsewhere.path())
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    let uri = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(uri.starts_with("file:///"), "{uri}");
    assert!(sarif_validator().is_valid(&doc));
}

/// The public corpus (not part of the repository): `../shared/corpus/connectors`, or
/// `CONNKIT_CORPUS`. Tests using it skip when it is absent.
fn corpus() -> Option<std::path::PathBuf> {
    let p = std::env::var_os("CONNKIT_CORPUS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/corpus/connectors"));
    if p.is_dir() {
        Some(p)
    } else {
        // Outside the test harness's capture (eprintln! is captured for passing tests), so
        // the skip is visible in `cargo test` output rather than a silent `ok`.
        skip::skipped(&format!("{} not found", p.display()));
        None
    }
}

#[test]
fn corpus_sarif_is_valid_and_matches_the_json_report() {
    let Some(dir) = corpus() else { return };
    let t = tempfile::tempdir().unwrap();
    let json = t.path().join("r.json");
    let junit = t.path().join("r.xml");
    let o = connkit()
        .args([
            "lint",
            "--format",
            "sarif",
            "--fail-on",
            "never",
            "--output-json",
        ])
        .arg(&json)
        .arg("--output-junit")
        .arg(&junit)
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    let errors: Vec<String> = sarif_validator()
        .iter_errors(&doc)
        .take(5)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let j: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let s = &j["summary"];
    let total = s["errors"].as_u64().unwrap()
        + s["warnings"].as_u64().unwrap()
        + s["infos"].as_u64().unwrap();
    // Within GitHub's limit of 5,000 results; the run says how many there were.
    assert_eq!(
        doc["runs"][0]["results"].as_array().unwrap().len() as u64,
        total.min(5_000)
    );
    assert_eq!(doc["runs"][0]["properties"]["resultsTotal"], total);
    assert_eq!(sarif_spec_problems(&doc), Vec::<String>::new());
    let xml = std::fs::read_to_string(&junit).unwrap();
    assert_eq!(
        xml.matches("<testsuite ").count() as u64,
        s["connectors"].as_u64().unwrap()
    );
}

// ---------------------------------------------------------------- several outputs at once

#[test]
fn one_run_feeds_annotations_and_artifacts() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("report.json");
    let sarif = dir.path().join("report.sarif");
    let junit = dir.path().join("junit.xml");
    let md = dir.path().join("summary.md");
    let o = connkit()
        .args(["lint", BROKEN, "--format", "github", "--output-json"])
        .arg(&json)
        .arg("--output-sarif")
        .arg(&sarif)
        .arg("--output-junit")
        .arg(&junit)
        .arg("--output-markdown")
        .arg(&md)
        .output()
        .unwrap();
    assert_eq!(code(&o), 1);
    assert!(stdout(&o).starts_with("::error file="), "{}", stdout(&o));
    let j: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let n = j["summary"]["errors"].as_u64().unwrap();
    assert!(n > 0);
    assert_eq!(
        stdout(&o)
            .lines()
            .filter(|l| l.starts_with("::error"))
            .count() as u64,
        n
    );
    let s: Value = serde_json::from_str(&std::fs::read_to_string(&sarif).unwrap()).unwrap();
    let all = ["errors", "warnings", "infos"]
        .iter()
        .map(|k| j["summary"][k].as_u64().unwrap())
        .sum::<u64>();
    assert_eq!(
        s["runs"][0]["results"].as_array().unwrap().len() as u64,
        all
    );
    assert!(
        std::fs::read_to_string(&junit)
            .unwrap()
            .contains("<testsuite ")
    );
    assert!(
        std::fs::read_to_string(&md)
            .unwrap()
            .contains("| Severity |")
    );
    // An output file that cannot be written is an I/O error.
    let o = connkit()
        .args(["lint", CLEAN, "--output-json"])
        .arg(dir.path().join("missing/dir/x.json"))
        .output()
        .unwrap();
    assert_eq!(code(&o), 2);
}

// ---------------------------------------------------------------- fixtures in temp folders

fn copy_connector(from: &str, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(root().join(from)).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

fn codes(v: &Value) -> Vec<String> {
    v["connectors"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["findings"].as_array().unwrap())
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

fn json_in(dir: &Path, args: &[&str]) -> (Value, i32, String) {
    let mut all = vec!["lint"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let o = run_in(dir, &all);
    let v = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", stdout(&o), stderr(&o)));
    (v, code(&o), stderr(&o))
}

// ---------------------------------------------------------------- connkit.toml

#[test]
fn config_is_discovered_upward_and_applied() {
    let t = tempfile::tempdir().unwrap();
    let conn = t.path().join("repo/connectors/Broken");
    copy_connector(BROKEN, &conn);
    let (v, c, _) = json_in(t.path(), &["repo"]);
    assert_eq!(c, 1);
    let before = codes(&v);
    assert!(before.contains(&"OperationIdNotUnique".to_string()));

    std::fs::write(
        t.path().join("repo/connkit.toml"),
        r#"
fail-on = "never"
[rules]
OperationIdNotUnique = "off"
SchemaReferenceNotFound = "warning"
"#,
    )
    .unwrap();
    let (v, c, _) = json_in(t.path(), &["repo/connectors/Broken"]);
    assert_eq!(c, 0, "fail-on = never from the config");
    let after = codes(&v);
    assert!(!after.contains(&"OperationIdNotUnique".to_string()));
    assert_eq!(after.len(), before.len() - 1);
    let sev = v["connectors"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "SchemaReferenceNotFound")
        .unwrap()["severity"]
        .clone();
    assert_eq!(sev, "warning");
    // The command line's --fail-on wins over the file.
    let (_, c, _) = json_in(t.path(), &["repo", "--fail-on", "error"]);
    assert_eq!(c, 1);
    // Contract: the summary keys do not change with a configuration.
    let keys: Vec<_> = v["summary"].as_object().unwrap().keys().cloned().collect();
    assert_eq!(
        keys,
        [
            "connectors",
            "errors",
            "warnings",
            "infos",
            "by_gate",
            "suppressed",
            "baselined"
        ]
    );
}

/// `lint --fix` fixes with each connector's configuration: a rule turned off in connkit.toml
/// (or a finding ignored there) is neither reported nor fixed, and its bytes stay as they are.
#[test]
fn lint_fix_follows_the_configuration() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("c");
    std::fs::create_dir(&dir).unwrap();
    let def = "{\n  \"swagger\": \"2.0\",\n  \"info\": {\"title\": \"T\", \"version\": \"1\"},\n  \"host\": \"a.example.com\",\n  \"paths\": {\n    \"/x/{id}\": {\n      \"get\": {\n        \"operationId\": \"GetX\",\n        \"parameters\": [\n          {\n            \"name\": \"id\",\n            \"in\": \"path\",\n            \"type\": \"string\"\n          }\n        ],\n        \"responses\": {\"200\": {\"description\": \"OK\"}}\n      }\n    }\n  }\n}\n";
    std::fs::write(dir.join("apiDefinition.swagger.json"), def).unwrap();
    std::fs::write(
        dir.join("apiProperties.json"),
        "{\"properties\": {\"iconBrandColor\": \"#007ee5\"}}",
    )
    .unwrap();
    std::fs::write(
        t.path().join("connkit.toml"),
        "[rules]\nPathParameterMissingEncoding = \"off\"\n",
    )
    .unwrap();
    let o = run_in(t.path(), &["lint", "c", "--profile", "custom", "--fix"]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    let after = std::fs::read_to_string(dir.join("apiDefinition.swagger.json")).unwrap();
    assert!(
        !after.contains("x-ms-url-encoding"),
        "a rule turned off in connkit.toml is not fixed:\n{after}"
    );
    assert!(
        after.contains("\"required\": true"),
        "other fixes apply:\n{after}"
    );
}

#[test]
fn config_overrides_and_ignores_by_path_and_pointer() {
    let t = tempfile::tempdir().unwrap();
    copy_connector(BROKEN, &t.path().join("legacy/A"));
    copy_connector(BROKEN, &t.path().join("new/B"));
    std::fs::write(
        t.path().join("connkit.toml"),
        r#"
[[overrides]]
connectors = ["legacy/*"]
rules = { DuplicateOperationPath = "off" }

[[ignore]]
code = "OperationIdNotUnique"
connector = "new/B"
pointer = "/paths/~1tasks~1{id}"
reason = "the duplicate is kept for flows built before 2020"
"#,
    )
    .unwrap();
    let (v, _, _) = json_in(t.path(), &["legacy/A", "new/B"]);
    let per = |i: usize| -> Vec<String> {
        v["connectors"][i]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_string())
            .collect()
    };
    let (a, b) = (per(0), per(1));
    assert!(!a.contains(&"DuplicateOperationPath".into()));
    assert!(a.contains(&"OperationIdNotUnique".into()));
    assert!(b.contains(&"DuplicateOperationPath".into()));
    assert!(!b.contains(&"OperationIdNotUnique".into()));
    // Text output counts what was suppressed.
    let o = run_in(t.path(), &["lint", "legacy/A", "new/B"]);
    assert!(stdout(&o).contains("1 suppressed"), "{}", stdout(&o));
    assert!(!stderr(&o).contains("matched no finding"), "{}", stderr(&o));

    // Once the finding is fixed, the entry is reported as stale (with its position).
    let def = t.path().join("new/B/apiDefinition.swagger.json");
    edit_json(&def, |v| {
        v["paths"]["/tasks/{id}"]["get"]["operationId"] = "GetTaskById".into();
    });
    let o = run_in(t.path(), &["lint", "legacy/A", "new/B"]);
    assert!(stdout(&o).contains("0 suppressed") || !stdout(&o).contains("suppressed"));
    assert!(
        stderr(&o).contains("connkit.toml:7:8: [[ignore]] OperationIdNotUnique matched no finding"),
        "{}",
        stderr(&o)
    );
    // An entry whose connector was not linted is not reported.
    let o = run_in(t.path(), &["lint", "legacy/A"]);
    assert!(!stderr(&o).contains("matched no finding"), "{}", stderr(&o));
}

/// Issue 23: `--config ov.toml` (a bare file name) resolves the globs of `[[overrides]]` and
/// `[[ignore]]` from the file's own folder, as `./ov.toml`, `sub/../ov.toml` and the absolute
/// path do; before, the bare name's folder was "" and every glob silently matched nothing.
/// Also from another folder: `--config ../ov.toml` from `legacy/`.
#[test]
fn a_config_path_is_resolved_from_its_file_whatever_its_spelling() {
    let t = tempfile::tempdir().unwrap();
    copy_connector(BROKEN, &t.path().join("legacy/A"));
    copy_connector(BROKEN, &t.path().join("new/B"));
    std::fs::write(
        t.path().join("ov.toml"),
        r#"
[[overrides]]
connectors = ["legacy/*"]
rules = { DuplicateOperationPath = "off" }

[[ignore]]
code = "OperationIdNotUnique"
connector = "new/B"
reason = "kept for flows built before 2020"
"#,
    )
    .unwrap();
    let codes = |v: &Value, i: usize| -> Vec<String> {
        v["connectors"][i]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_string())
            .collect()
    };
    let abs = t.path().join("ov.toml");
    let abs = abs.to_str().unwrap();
    for config in ["ov.toml", "./ov.toml", "new/../ov.toml", abs] {
        let (v, _, err) = json_in(t.path(), &["legacy/A", "new/B", "--config", config]);
        let (a, b) = (codes(&v, 0), codes(&v, 1));
        assert!(
            !a.contains(&"DuplicateOperationPath".into()),
            "{config}: {a:?}"
        );
        assert!(
            b.contains(&"DuplicateOperationPath".into()),
            "{config}: {b:?}"
        );
        assert!(
            !b.contains(&"OperationIdNotUnique".into()),
            "{config}: {b:?}"
        );
        assert!(!err.contains("matched no"), "{config}: {err}");
    }
    let (v, _, _) = json_in(&t.path().join("legacy"), &["A", "--config", "../ov.toml"]);
    assert!(
        !codes(&v, 0).contains(&"DuplicateOperationPath".into()),
        "{v}"
    );
}

#[test]
fn bad_config_is_a_clear_error_with_position_and_exit_two() {
    let t = tempfile::tempdir().unwrap();
    copy_connector(CLEAN, &t.path().join("C"));
    let cases = [
        (
            "fail-on = \"error\"\nfail_on = \"warning\"\n",
            "connkit.toml:2:1:",
            "fail_on",
        ),
        (
            "[rules]\nNoSuchRule = \"off\"\n",
            "connkit.toml:2:1:",
            "unknown rule code 'NoSuchRule'",
        ),
        (
            "[[ignore]]\ncode = \"OperationIdNotUnique\"\n",
            "connkit.toml:1:1:",
            "reason",
        ),
        ("fail-on = [\n", "connkit.toml:", "connkit.toml"),
    ];
    for (text, position, words) in cases {
        std::fs::write(t.path().join("connkit.toml"), text).unwrap();
        let o = run_in(t.path(), &["lint", "C", "--format", "json"]);
        assert_eq!(code(&o), 2, "{text}");
        let err = stderr(&o);
        assert!(
            err.contains(position) && err.contains(words),
            "{text}: {err}"
        );
        // No report; with --format json, one error document instead (issue 14).
        let v: Value = serde_json::from_slice(&o.stdout).expect("one JSON error document");
        assert_eq!(v["status"], "error", "{v}");
        assert_eq!(v["error"]["kind"], "config", "{v}");
        assert!(
            v["error"]["message"].as_str().unwrap().contains(position),
            "{v}"
        );
        assert!(
            v.get("connectors").is_none(),
            "no report when the configuration is wrong"
        );
    }
    // A good file passes; --config FILE is used instead of discovery.
    std::fs::write(t.path().join("connkit.toml"), "fail-on = \"warning\"\n").unwrap();
    assert_eq!(code(&run_in(t.path(), &["lint", "C"])), 0);
    std::fs::write(t.path().join("other.toml"), "bogus = 1\n").unwrap();
    let o = run_in(t.path(), &["lint", "C", "--config", "other.toml"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("other.toml:1:1:"), "{}", stderr(&o));
    let o = run_in(t.path(), &["lint", "C", "--config", "absent.toml"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("absent.toml"), "{}", stderr(&o));
    assert!(o.stdout.is_empty(), "text format: nothing on stdout");
    let o = run_in(
        t.path(),
        &["lint", "C", "--config", "absent.toml", "--format", "json"],
    );
    assert_eq!(code(&o), 2);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["error"]["kind"], "config", "{v}");
}

#[test]
fn committed_config_schema_accepts_a_sample_and_rejects_unknown_keys() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schemas/connkit.schema.json")).unwrap(),
    )
    .unwrap();
    let v = jsonschema::validator_for(&schema).unwrap();
    let good = serde_json::json!({
        "fail-on": "warning",
        "rules": {"OperationIdNotUnique": "off"},
        "overrides": [{"connectors": ["a/*"], "rules": {"ReadmeMissing": "info"}}],
        "ignore": [{"code": "JsonComment", "pointer": "/paths", "reason": "vendor"}]
    });
    assert!(v.is_valid(&good));
    assert!(!v.is_valid(&serde_json::json!({"fail_on": "warning"})));
    assert!(!v.is_valid(&serde_json::json!({"ignore": [{"code": "X"}]})));
    assert!(!v.is_valid(&serde_json::json!({"rules": {"X": "loud"}})));
}

#[test]
fn readme_config_example_is_valid() {
    // The connkit.toml example moved from the README to docs/configuration.md (issue 24).
    let readme = std::fs::read_to_string(root().join("docs/configuration.md")).unwrap();
    let section = &readme[readme.find("## connkit.toml").unwrap()..];
    let start = section.find("```toml\n").unwrap() + "```toml\n".len();
    let body = &section[start..];
    let example: String = body[..body.find("```").unwrap()]
        .lines()
        .map(|l| l.trim_start())
        .collect::<Vec<_>>()
        .join("\n");
    let parsed = connkit::config::parse(&example, Path::new("connkit.toml"));
    assert!(parsed.is_ok(), "{:?}\n{example}", parsed.err());
    // And the check is real: a typo in it would fail.
    let typo = example.replace("ReadmeMissing", "ReadmeMising");
    assert!(connkit::config::parse(&typo, Path::new("connkit.toml")).is_err());
}

// ---------------------------------------------------------------- inline x-connkit-ignore

fn edit_json(path: &Path, f: impl FnOnce(&mut Value)) {
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    f(&mut v);
    std::fs::write(path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
}

#[test]
fn inline_ignore_suppresses_at_and_below_its_object() {
    let t = tempfile::tempdir().unwrap();
    let conn = t.path().join("C");
    copy_connector(BROKEN, &conn);
    let (v, _, _) = json_in(t.path(), &["C"]);
    let before = codes(&v);
    let def = conn.join("apiDefinition.swagger.json");
    edit_json(&def, |v| {
        v["paths"]["/tasks/{id}"]["get"]["x-connkit-ignore"] = serde_json::json!({
            "codes": ["OperationIdNotUnique", "SchemaReferenceNotFound"],
            "reason": "legacy duplicate"
        });
        v["x-connkit-ignore"] = serde_json::json!({
            "codes": ["SecurityRequirementMustBeDefined"],
            "reason": "no auth on the test API"
        });
    });
    let (v, _, _) = json_in(t.path(), &["C"]);
    let after = codes(&v);
    for gone in [
        "OperationIdNotUnique",
        "SchemaReferenceNotFound",
        "SecurityRequirementMustBeDefined",
    ] {
        assert!(before.contains(&gone.to_string()), "{gone} fired before");
        assert!(!after.contains(&gone.to_string()), "{gone} still reported");
    }
    // Not listed, or outside the object: still reported.
    assert!(after.contains(&"DuplicateOperationPath".to_string()));
    assert!(after.contains(&"OperationMissingPathParameter".to_string()));
    assert_eq!(after.len(), before.len() - 3);
    let o = run_in(t.path(), &["lint", "C"]);
    assert!(stdout(&o).contains("3 suppressed"), "{}", stdout(&o));
    let o = run_in(t.path(), &["lint", "C", "--format", "markdown"]);
    assert!(stdout(&o).contains("3 suppressed"), "{}", stdout(&o));
    // Every report carries the count: JSON summary, SARIF run properties.
    assert_eq!(v["summary"]["suppressed"], 3, "{v:#}");
    let o = run_in(t.path(), &["lint", "C", "--format", "sarif"]);
    let s: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(s["runs"][0]["properties"]["suppressed"], 3);
}

#[test]
fn inline_ignore_needs_a_reason_and_never_hides_syntax() {
    let t = tempfile::tempdir().unwrap();
    let conn = t.path().join("C");
    copy_connector(BROKEN, &conn);
    let def = conn.join("apiDefinition.swagger.json");
    // Without a reason: reported, and nothing is suppressed.
    edit_json(&def, |v| {
        v["x-connkit-ignore"] = serde_json::json!(["OperationIdNotUnique"]);
    });
    let (v, _, _) = json_in(t.path(), &["C"]);
    let after = codes(&v);
    assert!(after.contains(&"OperationIdNotUnique".to_string()));
    assert!(
        after.contains(&"SuppressionReasonMissing".to_string()),
        "{after:?}"
    );
    assert_eq!(v["summary"]["suppressed"], 0);
    // Syntax findings: not hidden by the file they are about, even with a reason.
    let text = r#"{
  // a comment
  "swagger": "2.0",
  "info": {"title": "T", "version": "1.0",},
  "x-connkit-ignore": {"codes": ["JsonComment", "JsonTrailingComma"], "reason": "because"},
  "paths": {}
}"#;
    std::fs::write(&def, text).unwrap();
    let (v, code, _) = json_in(t.path(), &["C"]);
    let after = codes(&v);
    assert_eq!(code, 1);
    for c in [
        "JsonComment",
        "JsonTrailingComma",
        "SuppressionReasonMissing",
    ] {
        assert!(after.contains(&c.to_string()), "{c}: {after:?}");
    }
    assert_eq!(v["summary"]["suppressed"], 0);
}

#[test]
fn x_connkit_ignore_passes_our_own_rules() {
    // On a clean certified connector the extension, anywhere, adds no finding.
    let t = tempfile::tempdir().unwrap();
    let conn = t.path().join("certified-connectors/ContosoTasks");
    copy_connector(CERTIFIED, &conn);
    let (v, c, _) = json_in(t.path(), &["certified-connectors/ContosoTasks"]);
    assert_eq!((c, codes(&v).len()), (0, 0));
    edit_json(&conn.join("apiDefinition.swagger.json"), |v| {
        let ig = serde_json::json!({"codes": ["OperationIdNotUnique"], "reason": "r"});
        v["x-connkit-ignore"] = ig.clone();
        v["info"]["x-connkit-ignore"] = ig.clone();
        if let Some(paths) = v["paths"].as_object_mut() {
            for (_, item) in paths.iter_mut() {
                if let Some(ops) = item.as_object_mut() {
                    for (_, op) in ops.iter_mut() {
                        if let Some(o) = op.as_object_mut() {
                            o.insert("x-connkit-ignore".into(), ig.clone());
                        }
                    }
                }
            }
        }
        if let Some(defs) = v["definitions"].as_object_mut() {
            for (_, d) in defs.iter_mut() {
                if let Some(o) = d.as_object_mut() {
                    o.insert("x-connkit-ignore".into(), ig.clone());
                }
            }
        }
    });
    let (v, c, _) = json_in(t.path(), &["certified-connectors/ContosoTasks"]);
    assert_eq!(codes(&v), Vec::<String>::new(), "{v:#}");
    assert_eq!(c, 0);
}

// ---------------------------------------------------------------- baselines

#[test]
fn baseline_reports_only_new_findings_and_counts_stale_entries() {
    let t = tempfile::tempdir().unwrap();
    let conn = t.path().join("C");
    copy_connector(BROKEN, &conn);
    // As many entries as findings before the baseline.
    let (before, _, _) = json_in(t.path(), &["C"]);
    let n = codes(&before).len();
    assert!(n > 0);
    let o = run_in(
        t.path(),
        &["lint", "C", "--write-baseline", "baseline.json"],
    );
    assert_eq!(code(&o), 0, "writing a baseline accepts the findings");
    assert!(
        stderr(&o).contains(&format!("wrote {n} baseline entries")),
        "{}",
        stderr(&o)
    );
    let b: Value =
        serde_json::from_str(&std::fs::read_to_string(t.path().join("baseline.json")).unwrap())
            .unwrap();
    assert_eq!(b["version"], 1);
    assert_eq!(b["entries"].as_array().unwrap().len(), n);

    let (v, c, _) = json_in(t.path(), &["C", "--baseline", "baseline.json"]);
    assert_eq!((c, codes(&v).len()), (0, 0));

    // Lines move (blank lines at the top, pretty-printing changes): still nothing new.
    let def = conn.join("apiDefinition.swagger.json");
    let text = std::fs::read_to_string(&def).unwrap();
    std::fs::write(&def, format!("\n\n\n{text}")).unwrap();
    let (v, c, _) = json_in(t.path(), &["C", "--baseline", "baseline.json"]);
    assert_eq!((c, codes(&v).len()), (0, 0));

    // One finding fixed, one new: the new one is reported, the fixed one counted as stale.
    edit_json(&def, |v| {
        v["paths"]["/tasks/{id}"]["get"]["responses"]["200"]["schema"] =
            serde_json::json!({"type": "object"});
        v["security"] = serde_json::json!([{"nope": []}]);
    });
    // (SecurityRequirementMustBeDefined is a warning: fail on warnings to see it fail.)
    let o = run_in(
        t.path(),
        &[
            "lint",
            "C",
            "--baseline",
            "baseline.json",
            "--fail-on",
            "warning",
        ],
    );
    let text = stdout(&o);
    assert_eq!(code(&o), 1, "{text}");
    assert!(text.contains("SecurityRequirementMustBeDefined"), "{text}");
    assert!(text.contains("'nope'"), "{text}");
    assert!(!text.contains("SchemaReferenceNotFound"), "{text}");
    assert!(!text.contains("OperationIdNotUnique"), "{text}");
    assert!(text.contains("no longer occur"), "{text}");
    let (v, _, err) = json_in(t.path(), &["C", "--baseline", "baseline.json"]);
    assert_eq!(codes(&v), ["SecurityRequirementMustBeDefined"]);
    assert!(err.contains("baseline entries no longer occur"), "{err}");
}

#[test]
fn corrupt_or_missing_baseline_is_an_error() {
    let t = tempfile::tempdir().unwrap();
    copy_connector(CLEAN, &t.path().join("C"));
    for (content, words) in [
        ("{\"version\": 1, \"entries\": [", "not a connkit baseline"),
        ("[1, 2, 3]", "not a connkit baseline"),
        (
            "{\"version\": 9, \"tool\": \"connkit\", \"entries\": []}",
            "version 9",
        ),
        ("\u{0}\u{1}binary", "not a connkit baseline"),
    ] {
        std::fs::write(t.path().join("b.json"), content).unwrap();
        let o = run_in(t.path(), &["lint", "C", "--baseline", "b.json"]);
        assert_eq!(code(&o), 2, "{content}");
        assert!(stderr(&o).contains(words), "{content}: {}", stderr(&o));
        assert!(stderr(&o).contains("b.json"), "{}", stderr(&o));
    }
    let o = run_in(t.path(), &["lint", "C", "--baseline", "absent.json"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("cannot read baseline"),
        "{}",
        stderr(&o)
    );
    // With --format json: one JSON error document on stdout, same exit code.
    for file in ["b.json", "absent.json"] {
        let o = run_in(
            t.path(),
            &["lint", "C", "--baseline", file, "--format", "json"],
        );
        assert_eq!(code(&o), 2);
        let v: Value = serde_json::from_slice(&o.stdout).expect("a JSON error document");
        assert_eq!(v["schema_version"], 1);
        assert_eq!(v["error"]["kind"], "baseline", "{v}");
        assert!(
            v["error"]["message"].as_str().unwrap().contains(file),
            "{v}"
        );
    }
}

// ---------------------------------------------------------------- --changed-since

fn git(dir: &Path, args: &[&str]) -> bool {
    std::process::Command::new("git")
        .args([
            "-c",
            "user.name=connkit",
            "-c",
            "user.email=ci@connkit.invalid",
        ])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn paths_of(v: &Value) -> Vec<String> {
    let mut p: Vec<String> = v["connectors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["path"].as_str().unwrap().replace('\\', "/"))
        .collect();
    p.sort();
    p
}

#[test]
fn changed_since_lints_only_changed_connectors() {
    let t = tempfile::tempdir().unwrap();
    let repo = t.path().join("repo");
    std::fs::create_dir_all(&repo).unwrap();
    if !git(&repo, &["init", "-q"]) {
        skip::skipped("git is not available");
        return;
    }
    copy_connector(CLEAN, &repo.join("connectors/A"));
    copy_connector(CLEAN, &repo.join("connectors/B"));
    copy_connector(CLEAN, &repo.join("connectors/C"));
    assert!(git(&repo, &["add", "-A"]));
    assert!(git(&repo, &["commit", "-q", "-m", "base"]));
    assert!(git(&repo, &["branch", "base"]));
    // A: committed change on the branch; B: untouched; D: new, untracked; C: unstaged edit.
    let readme = repo.join("connectors/A/readme.md");
    std::fs::write(
        &readme,
        std::fs::read_to_string(&readme).unwrap() + "\nMore.\n",
    )
    .unwrap();
    assert!(git(&repo, &["commit", "-q", "-am", "change A"]));
    copy_connector(CLEAN, &repo.join("connectors/D"));
    let c_def = repo.join("connectors/C/apiDefinition.swagger.json");
    std::fs::write(&c_def, std::fs::read_to_string(&c_def).unwrap() + "\n").unwrap();

    let (v, c, err) = json_in(&repo, &["connectors", "--changed-since", "base"]);
    assert_eq!(c, 0, "{err}");
    assert_eq!(
        paths_of(&v),
        ["connectors/A", "connectors/C", "connectors/D"],
        "{err}"
    );
    assert!(
        err.contains("3 of 4 connectors changed since base"),
        "{err}"
    );
    // Nothing changed since HEAD except C and D.
    assert!(git(&repo, &["add", "-A"]));
    assert!(git(&repo, &["commit", "-q", "-m", "all"]));
    let (v, c, _) = json_in(&repo, &["--changed-since", "HEAD"]);
    assert_eq!((paths_of(&v).len(), c), (0, 0));
    // A bad revision is an error.
    let o = run_in(&repo, &["lint", "--changed-since", "no-such-rev"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("no-such-rev"), "{}", stderr(&o));
}

#[test]
fn changed_since_outside_a_git_repository_is_an_error() {
    let t = tempfile::tempdir().unwrap();
    copy_connector(CLEAN, &t.path().join("C"));
    let o = std::process::Command::new(assert_cmd::cargo::cargo_bin("connkit"))
        .args(["lint", "C", "--changed-since", "HEAD"])
        .env(
            "GIT_CEILING_DIRECTORIES",
            t.path().parent().unwrap_or(t.path()),
        )
        .current_dir(t.path())
        .output()
        .unwrap();
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("not inside a git repository"),
        "{}",
        stderr(&o)
    );
}

// ---------------------------------------------------------------- completions, man, integrations

#[test]
fn completions_and_man_page() {
    let o = connkit().args(["completions", "bash"]).output().unwrap();
    assert_eq!(code(&o), 0);
    let s = stdout(&o);
    assert!(
        s.contains("connkit") && s.contains("--changed-since"),
        "{s}"
    );
    let o = connkit().args(["completions", "zsh"]).output().unwrap();
    assert!(stdout(&o).contains("#compdef connkit"));
    let o = connkit().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(code(&o), 2);
    let o = connkit().arg("man").output().unwrap();
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).starts_with(".ie") || stdout(&o).contains(".TH connkit"));
    assert!(stdout(&o).contains("lint"));
}

#[test]
fn shipped_integrations_are_well_formed() {
    let action: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(root().join("action.yml")).unwrap()).unwrap();
    assert_eq!(action["runs"]["using"], "composite");
    let steps = serde_yaml::to_string(&action["runs"]["steps"]).unwrap();
    assert!(steps.contains("cargo install --locked"), "{steps}");
    assert!(steps.contains("--format github"), "{steps}");
    assert!(steps.contains("actions/cache"), "{steps}");
    let hooks: serde_yaml::Value = serde_yaml::from_str(
        &std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap(),
    )
    .unwrap();
    let first = &hooks[0];
    assert_eq!(first["id"], "connkit-lint");
    assert_eq!(first["language"], "rust");
    assert!(first["entry"].as_str().unwrap().starts_with("connkit lint"));
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(readme.contains("## Use in CI"));
    assert!(
        readme.contains("##vso")
            || readme.contains("AzurePipelines")
            || readme.contains("azure-pipelines")
    );
}

// ---------------------------------------------------------------- pre-commit

/// The `connkit-lint` hook of .pre-commit-hooks.yaml: its entry (words) and `files` regex.
fn pre_commit_hook() -> (Vec<String>, regex::Regex, Value) {
    let text = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    let hooks: Value = serde_yaml::from_str(&text).unwrap();
    let hook = hooks
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["id"] == "connkit-lint")
        .unwrap()
        .clone();
    let entry = hook["entry"]
        .as_str()
        .unwrap()
        .split_whitespace()
        .map(String::from)
        .collect();
    // pre-commit matches `files` with Python's re.search; this pattern means the same here.
    let files = regex::Regex::new(hook["files"].as_str().unwrap()).unwrap();
    (entry, files, hook)
}

/// Run the hook as pre-commit does: the entry, then the selected files as arguments.
fn run_hook(repo: &Path, files: &[String]) -> Output {
    let (entry, _, _) = pre_commit_hook();
    assert_eq!(entry[0], "connkit");
    let mut c = Command::cargo_bin("connkit").unwrap();
    c.env("NO_COLOR", "1")
        .current_dir(repo)
        .args(&entry[1..])
        .args(files);
    c.output().unwrap()
}

#[test]
fn pre_commit_hook_lints_the_connectors_of_the_files_it_is_given() {
    let (_, pattern, hook) = pre_commit_hook();
    assert_eq!(hook["pass_filenames"], true, "{hook:?}");
    let t = tempfile::tempdir().unwrap();
    let repo = t.path().join("repo");
    std::fs::create_dir_all(&repo).unwrap();
    if !git(&repo, &["init", "-q"]) {
        skip::skipped("git is not available");
        return;
    }
    copy_connector(BROKEN, &repo.join("connectors/My Broken"));
    copy_connector(CLEAN, &repo.join("connectors/Clean One"));
    std::fs::write(repo.join("README.md"), "# connectors\n").unwrap();
    assert!(git(&repo, &["add", "-A"]));
    assert!(git(&repo, &["commit", "-q", "-m", "base"]));
    // `pre-commit run --all-files`: every tracked file the `files` pattern selects. Nothing
    // is changed against HEAD, which is what the old hook (--changed-since HEAD) looked at.
    let listed = std::process::Command::new("git")
        .args(["ls-files", "-z"])
        .current_dir(&repo)
        .output()
        .unwrap();
    let all: Vec<String> = String::from_utf8_lossy(&listed.stdout)
        .split('\0')
        .filter(|f| !f.is_empty() && pattern.is_match(f))
        .map(String::from)
        .collect();
    assert!(
        all.iter().any(|f| f.starts_with("connectors/My Broken/")),
        "{all:?}"
    );
    let o = run_hook(&repo, &all);
    assert_eq!(code(&o), 1, "{}\n{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("My Broken"), "{out}");
    // Paths as a path argument prints them: relative to where connkit runs, never absolute.
    assert!(
        out.contains(" --> connectors/My Broken/apiDefinition.swagger.json:"),
        "{out}"
    );
    let canonical_repo = repo.canonicalize().unwrap();
    assert!(
        !out.contains(&*canonical_repo.to_string_lossy())
            && !out.contains(&*repo.to_string_lossy()),
        "absolute paths in:\n{out}"
    );
    // Each connector once, however many of its files were passed.
    assert!(out.contains("in 2 connectors"), "{out}");
    // `--from-ref/--to-ref` or a commit touching only the clean connector: passes.
    let clean: Vec<String> = all
        .iter()
        .filter(|f| f.starts_with("connectors/Clean One/"))
        .cloned()
        .collect();
    let o = run_hook(&repo, &clean);
    assert_eq!(code(&o), 0, "{}\n{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("1 connector,"), "{}", stdout(&o));
    // One file of the broken connector is enough to lint all of it.
    let o = run_hook(
        &repo,
        &["connectors/My Broken/apiProperties.json".to_string()],
    );
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    // Files outside any connector: nothing to lint, success.
    let o = run_hook(&repo, &["README.md".to_string()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("belongs to a connector"),
        "{}",
        stderr(&o)
    );
    // A connkit.toml stands for every connector below it.
    std::fs::write(
        repo.join("connectors/connkit.toml"),
        "fail-on = \"error\"\n",
    )
    .unwrap();
    let o = run_hook(&repo, &["connectors/connkit.toml".to_string()]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stdout(&o).contains("in 2 connectors"), "{}", stdout(&o));
}

#[test]
fn changed_since_counts_configuration_and_baseline_changes() {
    let t = tempfile::tempdir().unwrap();
    let repo = t.path().join("repo");
    std::fs::create_dir_all(&repo).unwrap();
    if !git(&repo, &["init", "-q"]) {
        skip::skipped("git is not available");
        return;
    }
    copy_connector(CLEAN, &repo.join("connectors/A"));
    copy_connector(CLEAN, &repo.join("connectors/B"));
    copy_connector(CLEAN, &repo.join("other/C"));
    std::fs::write(repo.join("connectors/connkit.toml"), "").unwrap();
    std::fs::write(
        repo.join("baseline.json"),
        "{\"version\": 1, \"tool\": \"connkit\", \"entries\": []}\n",
    )
    .unwrap();
    assert!(git(&repo, &["add", "-A"]));
    assert!(git(&repo, &["commit", "-q", "-m", "base"]));
    // A configuration-only change: every connector it covers is linted.
    std::fs::write(
        repo.join("connectors/connkit.toml"),
        "fail-on = \"warning\"\n",
    )
    .unwrap();
    let (v, c, err) = json_in(&repo, &["--changed-since", "HEAD"]);
    assert_eq!(c, 0, "{err}");
    assert_eq!(paths_of(&v), ["./connectors/A", "./connectors/B"], "{err}");
    assert!(git(&repo, &["commit", "-q", "-am", "config"]));
    // A baseline change: everything the baseline covers.
    std::fs::write(
        repo.join("baseline.json"),
        "{\"version\": 1, \"tool\": \"connkit\", \"entries\": [] }\n",
    )
    .unwrap();
    let (v, _, err) = json_in(
        &repo,
        &["--changed-since", "HEAD", "--baseline", "baseline.json"],
    );
    assert_eq!(paths_of(&v).len(), 3, "{err}");
    let (v, _, err) = json_in(&repo, &["--changed-since", "HEAD"]);
    assert_eq!(paths_of(&v).len(), 0, "{err}");
}

// ---------------------------------------------------------------- everyday use (issue 16)

#[test]
fn baselines_match_from_another_directory() {
    let t = tempfile::tempdir().unwrap();
    copy_connector(BROKEN, &t.path().join("C"));
    std::fs::create_dir(t.path().join("ci")).unwrap();
    let o = run_in(t.path(), &["lint", "C", "--write-baseline", "ci/b.json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    // From the baseline's folder, and from the connector's: same connector, no new findings.
    for (dir, path, baseline) in [
        (t.path().join("ci"), "../C", "b.json"),
        (t.path().join("C"), ".", "../ci/b.json"),
        (t.path().to_path_buf(), "C", "ci/b.json"),
    ] {
        let (v, c, err) = json_in(&dir, &[path, "--baseline", baseline]);
        assert_eq!((c, codes(&v).len()), (0, 0), "{path}: {err}");
    }
}

#[test]
fn suppressions_that_cannot_match_are_reported() {
    let t = tempfile::tempdir().unwrap();
    copy_connector(CLEAN, &t.path().join("C"));
    std::fs::write(
        t.path().join("connkit.toml"),
        "[[ignore]]\ncode = \"OperationIdNotUnique\"\nconnector = \"Nope\"\nreason = \"legacy\"\n",
    )
    .unwrap();
    let def = t.path().join("C/apiDefinition.swagger.json");
    edit_json(&def, |v| {
        v["x-connkit-ignore"] =
            serde_json::json!({"codes": ["OperationIdNotUniqe"], "reason": "typo"});
    });
    let o = run_in(t.path(), &["lint", "C"]);
    let err = stderr(&o);
    assert!(
        err.contains("names connector 'Nope', which matches no connector folder"),
        "{err}"
    );
    assert!(
        err.contains("names unknown rule code 'OperationIdNotUniqe'"),
        "{err}"
    );
}

#[test]
fn quiet_and_statistics() {
    let o = connkit().args(["lint", CLEAN, "--quiet"]).output().unwrap();
    assert_eq!(code(&o), 0);
    assert_eq!(stdout(&o), "", "quiet prints nothing when clean");
    let o = connkit()
        .args(["lint", BROKEN, "--statistics"])
        .output()
        .unwrap();
    let out = stdout(&o);
    let _line = out
        .lines()
        .find(|l| {
            l.contains("OperationIdNotUnique") && l.trim_start().starts_with(char::is_numeric)
        })
        .unwrap_or_else(|| panic!("{out}"));
    assert!(out.contains("findings by"), "{out}");
    // Machine formats stay machine-readable: the table goes to stderr.
    let o = connkit()
        .args(["lint", BROKEN, "--statistics", "--format", "json"])
        .output()
        .unwrap();
    assert!(serde_json::from_slice::<Value>(&o.stdout).is_ok());
    assert!(stderr(&o).contains("findings by"), "{}", stderr(&o));
    // No progress line when stderr is not a terminal.
    assert!(!stderr(&o).contains("linted "), "{}", stderr(&o));
}

#[test]
fn fmt_walks_folders_and_keeps_each_files_indentation() {
    let t = tempfile::tempdir().unwrap();
    copy_connector(CLEAN, &t.path().join("connectors/A"));
    let props = t.path().join("connectors/A/apiProperties.json");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&props).unwrap()).unwrap();
    // Two-space indentation, as most merged connectors use.
    let two = serde_json::to_string_pretty(&v).unwrap() + "\n";
    std::fs::write(&props, &two).unwrap();
    let o = run_in(t.path(), &["fmt", "."]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let after = std::fs::read_to_string(&props).unwrap();
    assert!(after.lines().nth(1).unwrap().starts_with("  \""), "{after}");
    assert!(!after.lines().nth(1).unwrap().starts_with("   "), "{after}");
    let o = run_in(t.path(), &["fmt", "--check", "."]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    // --indent 4: told to use four spaces.
    let o = run_in(t.path(), &["fmt", "--indent", "4", "connectors"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let after = std::fs::read_to_string(&props).unwrap();
    assert!(
        after.lines().nth(1).unwrap().starts_with("    \""),
        "{after}"
    );
}

#[test]
fn man_writes_every_subcommand_page_and_is_listed_in_help() {
    let help = connkit().arg("--help").output().unwrap();
    assert!(stdout(&help).contains("  man "), "{}", stdout(&help));
    let t = tempfile::tempdir().unwrap();
    let o = connkit()
        .args(["man", "--dir"])
        .arg(t.path())
        .output()
        .unwrap();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    for page in [
        "connkit.1",
        "connkit-lint.1",
        "connkit-fmt.1",
        "connkit-diff.1",
    ] {
        let text = std::fs::read_to_string(t.path().join(page)).unwrap();
        assert!(text.contains(".TH"), "{page}");
    }
    let lint = std::fs::read_to_string(t.path().join("connkit-lint.1")).unwrap();
    assert!(lint.contains("from\\-files"), "{lint}");
}

#[test]
fn the_action_takes_one_path_per_line_with_spaces() {
    let text = std::fs::read_to_string(root().join("action.yml")).unwrap();
    let action: Value = serde_yaml::from_str(&text).unwrap();
    let step = action["runs"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Lint connectors")
        .unwrap();
    let script = step["run"].as_str().unwrap();
    let t = tempfile::tempdir().unwrap();
    // A stand-in connkit that prints its arguments, one per line.
    let bin = t.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let fake = bin.join("connkit");
    std::fs::write(
        &fake,
        "#!/bin/sh\nfor a in \"$@\"; do echo \"[$a]\"; done\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let o = std::process::Command::new("bash")
        .args(["-c", script])
        .env("PATH", path)
        .env(
            "INPUT_PATHS",
            "connectors/My Folder\r\n\n  \nother/Two Words\n",
        )
        .env("INPUT_SARIF", "connkit.sarif")
        .env("INPUT_JSON", "connkit.json")
        .env_remove("GITHUB_STEP_SUMMARY")
        .output();
    let Ok(o) = o else {
        skip::skipped("bash is not installed");
        return;
    };
    let out = stdout(&o);
    assert!(
        out.starts_with("[lint]\n[connectors/My Folder]\n[other/Two Words]\n[--format]"),
        "{out}{}",
        stderr(&o)
    );
}

/// The SARIF category is real: `--sarif-category` (the action's `sarif-category` input) sets
/// the run's `automationDetails.id`, which is what GitHub files the alerts under
/// (upload-sarif's own `category` is ignored once the file carries an id).
#[test]
fn the_sarif_category_sets_the_automation_id_and_the_action_passes_it() {
    let t = tempfile::tempdir().unwrap();
    let sarif = t.path().join("c.sarif");
    let id = |extra: &[&str]| {
        let mut args = vec!["lint", CLEAN, "--output-sarif", sarif.to_str().unwrap()];
        args.extend_from_slice(extra);
        let o = connkit().args(&args).output().unwrap();
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&sarif).unwrap()).unwrap();
        doc["runs"][0]["automationDetails"]["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(id(&[]), "connkit/lint/");
    assert_eq!(
        id(&["--sarif-category", "connkit-certified"]),
        "connkit-certified/"
    );
    assert_eq!(id(&["--sarif-category", "a/b/"]), "a/b/");

    let text = std::fs::read_to_string(root().join("action.yml")).unwrap();
    let action: Value = serde_yaml::from_str(&text).unwrap();
    assert!(action["inputs"]["sarif-category"].is_object());
    let step = action["runs"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Lint connectors")
        .unwrap();
    assert_eq!(
        step["env"]["INPUT_SARIF_CATEGORY"],
        "${{ inputs.sarif-category }}"
    );
    let script = step["run"].as_str().unwrap();
    assert!(
        script.contains(r#"args+=(--sarif-category "$INPUT_SARIF_CATEGORY")"#),
        "{script}"
    );
}

// ---------------------------------------------------------------- GitHub annotation limits

#[test]
fn github_annotations_stay_within_the_per_step_cap_without_changing_the_exit_status() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("Many");
    std::fs::create_dir_all(&dir).unwrap();
    copy_connector(CLEAN, &dir);
    let def_path = dir.join("apiDefinition.swagger.json");
    let mut def: Value =
        serde_json::from_str(&std::fs::read_to_string(&def_path).unwrap()).unwrap();
    // 25 operations sharing one operationId: 24 OperationIdNotUnique errors.
    let op = def["paths"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|p| p.as_object().unwrap().values())
        .find(|o| o.get("operationId").is_some())
        .unwrap()
        .clone();
    for i in 0..25 {
        let mut o = op.clone();
        o["operationId"] = Value::from("Same");
        def["paths"][format!("/many{i}")] = serde_json::json!({ "get": o });
    }
    std::fs::write(&def_path, serde_json::to_vec_pretty(&def).unwrap()).unwrap();
    let json = t.path().join("r.json");
    let o = run_in(
        t.path(),
        &[
            "lint",
            "Many",
            "--format",
            "github",
            "--output-json",
            json.to_str().unwrap(),
        ],
    );
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let out = stdout(&o);
    let j: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let errors = j["summary"]["errors"].as_u64().unwrap() as usize;
    assert!(errors > 20, "{errors}");
    let annotated: Vec<&str> = out.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(
        annotated
            .iter()
            .filter(|l| l.starts_with("::error "))
            .count(),
        10,
        "{out}"
    );
    // Errors first.
    assert!(
        annotated[..10].iter().all(|l| l.starts_with("::error ")),
        "{out}"
    );
    let note = out
        .lines()
        .find(|l| l.contains("not shown as annotations"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(!note.starts_with("::"));
    assert!(note.contains(&format!("{} errors", errors - 10)), "{note}");
    assert!(note.contains("--output-json"), "{note}");
    assert!(out.contains(&format!("connkit: {errors} errors")), "{out}");
    // The exit status follows --fail-on over every finding, not the annotations printed.
    let o = run_in(
        t.path(),
        &["lint", "Many", "--format", "github", "--fail-on", "never"],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

#[test]
fn every_pre_commit_hook_parses_and_names_an_existing_lint_mode() {
    let text = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    let hooks: Value = serde_yaml::from_str(&text).unwrap();
    let hooks = hooks.as_array().unwrap();
    let by_id = |id: &str| {
        hooks
            .iter()
            .find(|h| h["id"] == id)
            .unwrap_or_else(|| panic!("no hook {id}: {hooks:?}"))
    };
    let (rust, system) = (by_id("connkit-lint"), by_id("connkit-system"));
    assert_eq!(rust["language"], "rust");
    assert_eq!(system["language"], "system");
    // The system hook is the rust hook with connkit from PATH: same command, files, mode.
    for key in ["entry", "files", "pass_filenames", "require_serial"] {
        assert_eq!(rust[key], system[key], "{key}");
    }
    assert_eq!(system["pass_filenames"], true);
    assert!(system["entry"].as_str().unwrap().contains("--from-files"));
    let help = connkit().args(["lint", "--help"]).output().unwrap();
    assert_eq!(code(&help), 0);
    let help = stdout(&help);
    let t = tempfile::tempdir().unwrap();
    std::fs::write(t.path().join("README.md"), "# not a connector\n").unwrap();
    copy_connector(CLEAN, &t.path().join("Clean"));
    for h in hooks {
        let id = h["id"].as_str().unwrap();
        for key in ["name", "entry", "language"] {
            assert!(h[key].is_string(), "{id}: {key}");
        }
        if let Some(files) = h["files"].as_str() {
            regex::Regex::new(files).unwrap_or_else(|e| panic!("{id}: {e}"));
        }
        let words: Vec<&str> = h["entry"].as_str().unwrap().split_whitespace().collect();
        assert_eq!(words[..2], ["connkit", "lint"], "{id}");
        for flag in words[2..].iter().filter(|w| w.starts_with("--")) {
            assert!(help.contains(flag), "{id}: lint has no {flag}");
        }
        // Run as pre-commit would, with the files it passes when pass_filenames is true.
        let mut args: Vec<String> = words[1..].iter().map(|w| w.to_string()).collect();
        if h["pass_filenames"] != false {
            args.push("Clean/apiDefinition.swagger.json".into());
            args.push("README.md".into());
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = run_in(t.path(), &args);
        assert_eq!(code(&o), 0, "{id}: {}\n{}", stdout(&o), stderr(&o));
        assert!(stdout(&o).contains("1 connector"), "{id}: {}", stdout(&o));
    }
}

// ---------------------------------------------------------------- missing files

/// IconMissing, IntroMissing and ReadmeMissing name a file that does not exist; each format
/// anchors them to the connector's apiProperties.json (which exists, so GitHub can place the
/// annotation), the same way in text, JSON, GitHub and Azure output.
#[test]
fn findings_on_missing_files_point_at_a_file_that_exists_in_every_format() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("certified-connectors/Contoso");
    copy_connector(CERTIFIED, &dir);
    for f in ["icon.png", "intro.md", "readme.md"] {
        std::fs::remove_file(dir.join(f)).unwrap();
    }
    let missing = ["IconMissing", "IntroMissing", "ReadmeMissing"];
    let (v, _, err) = json_in(t.path(), &["certified-connectors/Contoso"]);
    let findings: Vec<&Value> = v["connectors"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| missing.contains(&f["code"].as_str().unwrap()))
        .collect();
    assert_eq!(findings.len(), 3, "{v:#}\n{err}");
    for f in &findings {
        assert_eq!(f["file"], "apiProperties.json", "{f}");
        assert_eq!(
            (f["line"].as_u64(), f["column"].as_u64()),
            (Some(1), Some(1))
        );
    }
    let text = stdout(&run_in(t.path(), &["lint", "certified-connectors/Contoso"]));
    for gone in ["icon.png:", "intro.md:", "readme.md:"] {
        assert!(!text.contains(gone), "{gone} in:\n{text}");
    }
    assert!(
        text.contains("--> certified-connectors/Contoso/apiProperties.json:1:1"),
        "{text}"
    );
    for (format, key) in [("github", "file="), ("azure", "sourcepath=")] {
        let out = stdout(&run_in(
            t.path(),
            &["lint", "certified-connectors/Contoso", "--format", format],
        ));
        let lines: Vec<&str> = out
            .lines()
            .filter(|l| missing.iter().any(|c| l.contains(c)))
            .collect();
        assert_eq!(lines.len(), 3, "{format}:\n{out}");
        for l in lines {
            // Azure prints infos as plain `path:line:col: …` lines, not logging commands.
            let at = l.find(key).map(|i| i + key.len()).unwrap_or(0);
            let path: String = l[at..]
                .chars()
                .take_while(|c| *c != ',' && *c != ';' && *c != ':')
                .collect();
            assert!(
                t.path().join(&path).is_file(),
                "{format}: {path} does not exist: {l}"
            );
        }
    }
}
