//! CLI contract tests: exit codes, the exact JSON shape, text output, samples.

#[path = "support/skip.rs"]
mod skip;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn connkit() -> Command {
    let mut c = Command::cargo_bin("connkit").unwrap();
    c.env("NO_COLOR", "1")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn json_of(args: &[&str]) -> (Value, i32) {
    let out = connkit().args(args).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not one JSON document: {e}\n{}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    (v, out.status.code().unwrap())
}

const GOOD: [&str; 3] = [
    "connectors/certified-connectors/ContosoTasks",
    "connectors/independent-publisher-connectors/HolidayCalendar",
    "connectors/custom-connectors/EchoTools",
];

#[test]
fn good_samples_are_clean_and_exit_zero() {
    for s in GOOD {
        let (v, code) = json_of(&["lint", s, "--format", "json"]);
        assert_eq!(code, 0, "{s}: {v:#}");
        assert_eq!(v["connectors"][0]["findings"], serde_json::json!([]), "{s}");
        assert_eq!(v["summary"]["errors"], 0);
    }
}

#[test]
fn profile_auto_follows_path_segments() {
    let (v, _) = json_of(&["lint", GOOD[0], GOOD[1], GOOD[2], "--format", "json"]);
    let profiles: Vec<_> = v["connectors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["profile"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(profiles, ["certified", "independent-publisher", "custom"]);
    let (v, _) = json_of(&[
        "lint",
        GOOD[2],
        "--format",
        "json",
        "--profile",
        "certified",
    ]);
    assert_eq!(v["connectors"][0]["profile"], "certified");
}

#[test]
fn json_document_has_the_contract_shape() {
    let (v, code) = json_of(&[
        "lint",
        "connectors/broken/structural-errors",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    let keys: Vec<_> = v.as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, ["schema_version", "tool", "connectors", "summary"]);
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["tool"]["name"], "connkit");
    assert_eq!(v["tool"]["version"], env!("CARGO_PKG_VERSION"));
    let c = &v["connectors"][0];
    assert_eq!(c["path"], "connectors/broken/structural-errors");
    let f = c["findings"].as_array().unwrap();
    assert!(!f.is_empty());
    for finding in f {
        let keys: Vec<_> = finding.as_object().unwrap().keys().cloned().collect();
        assert_eq!(
            keys,
            [
                "code", "severity", "gate", "file", "pointer", "line", "column", "message"
            ]
        );
        assert!(
            ["pipeline", "review", "platform", "advice"]
                .contains(&finding["gate"].as_str().unwrap())
        );
        assert!(finding["line"].as_u64().unwrap() >= 1);
        assert!(finding["column"].as_u64().unwrap() >= 1);
    }
    let dup = f
        .iter()
        .find(|x| x["code"] == "OperationIdNotUnique")
        .expect("duplicate operationId reported");
    assert_eq!(dup["file"], "apiDefinition.swagger.json");
    assert_eq!(dup["pointer"], "/paths/~1tasks~1{id}/get/operationId");
    // The pointer's line really holds that key.
    let text =
        std::fs::read_to_string("connectors/broken/structural-errors/apiDefinition.swagger.json")
            .unwrap();
    let line = text
        .lines()
        .nth(dup["line"].as_u64().unwrap() as usize - 1)
        .unwrap();
    assert_eq!(
        &line[dup["column"].as_u64().unwrap() as usize - 1..],
        "\"operationId\": \"gettask\","
    );
    let s = &v["summary"];
    assert_eq!(s["connectors"], 1);
    assert_eq!(
        s["errors"].as_u64().unwrap() as usize,
        f.iter().filter(|x| x["severity"] == "error").count()
    );
}

#[test]
fn json_with_no_findings_is_still_one_document() {
    let (v, code) = json_of(&["lint", GOOD[2], "--format", "json"]);
    assert_eq!(code, 0);
    let zero = serde_json::json!({"errors": 0, "warnings": 0, "infos": 0});
    assert_eq!(
        v["summary"],
        serde_json::json!({"connectors": 1, "errors": 0, "warnings": 0, "infos": 0,
            "by_gate": {"pipeline": zero, "review": zero, "platform": zero, "advice": zero},
            "suppressed": 0, "baselined": 0})
    );
}

#[test]
fn fail_on_controls_exit_code() {
    connkit()
        .args(["lint", "connectors/broken/invalid-json"])
        .assert()
        .code(1);
    connkit()
        .args([
            "lint",
            "connectors/broken/invalid-json",
            "--fail-on",
            "never",
        ])
        .assert()
        .code(0);
    let d = tempfile::tempdir().unwrap();
    let def = serde_json::json!({"swagger": "2.0", "info": {"title": "T", "version": "1"}, "paths": {}, "x-a": 1, "x-b": 2});
    let text = serde_json::to_string(&def)
        .unwrap()
        .replace("\"x-b\":2", "\"x-a\":2");
    std::fs::write(d.path().join("apiDefinition.swagger.json"), text).unwrap();
    // JsonDuplicateKey is a warning: passes at the default level, fails with --fail-on warning.
    let file = d.path().join("apiDefinition.swagger.json");
    connkit().arg("lint").arg(&file).assert().code(0);
    connkit()
        .arg("lint")
        .arg(&file)
        .args(["--fail-on", "warning"])
        .assert()
        .code(1);
}

#[test]
fn usage_and_io_errors_exit_two() {
    connkit().args(["lint", "--format", "xml"]).assert().code(2);
    connkit().args(["lint", "no/such/dir"]).assert().code(2);
    connkit().args(["nonsense"]).assert().code(2);
    let d = tempfile::tempdir().unwrap();
    connkit()
        .arg("lint")
        .arg(d.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no connector found"));
    connkit().args(["explain", "NoSuchRule"]).assert().code(2);
}

#[test]
fn invalid_json_is_reported_at_the_right_line() {
    let (v, _) = json_of(&["lint", "connectors/broken/invalid-json", "--format", "json"]);
    let f = v["connectors"][0]["findings"].as_array().unwrap();
    let tc = f.iter().find(|x| x["code"] == "JsonTrailingComma").unwrap();
    assert_eq!(
        (tc["line"].as_u64(), tc["column"].as_u64()),
        (Some(5), Some(21))
    );
    let mc = f.iter().find(|x| x["code"] == "JsonMissingComma").unwrap();
    assert_eq!(mc["line"], 10);
    // Recovered: the rest of the file was still checked (no 'cannot be read' error).
    assert!(f.iter().all(|x| x["code"] != "JsonSyntaxError"));
}

#[test]
fn text_output_is_rustc_like() {
    let out = connkit()
        .args(["lint", "connectors/broken/structural-errors"])
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("error[OperationIdNotUnique]: operationId 'gettask' is already used by GET /tasks/{taskId}\n"));
    assert!(s.contains("   --> connectors/broken/structural-errors/apiDefinition.swagger.json:"));
    assert!(s.contains("|         ^^^^^^^^^^^^^\n"));
    // The summary, one line per gate with findings, then (once, last) where the
    // explanations are.
    let last = s.lines().last().unwrap();
    let code = last
        .strip_prefix(
            "Why a rule exists and how to fix it: `connkit explain CODE` (e.g. `connkit explain ",
        )
        .and_then(|r| r.strip_suffix("`)."))
        .unwrap_or_else(|| panic!("no explain hint last: {last}"));
    assert!(
        s.starts_with(&format!("error[{code}]")),
        "the first error's code: {code}"
    );
    assert_eq!(s.matches("connkit explain").count(), 2, "one hint line");
    let tail: Vec<&str> = s
        .lines()
        .rev()
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .collect();
    assert!(!tail.is_empty() && tail.iter().any(|l| l.starts_with("  pipeline ")));
    let found = s.lines().rev().nth(tail.len() + 1).unwrap();
    assert!(found.starts_with("Found "), "{found}");
    assert!(s.contains("\nProfile: custom (default: "));
    assert!(!s.contains('\u{1b}'), "no colour when not a terminal");
}

#[test]
fn single_definition_file_and_yaml() {
    let d = tempfile::tempdir().unwrap();
    let y = d.path().join("api.swagger.yaml");
    std::fs::write(&y, "swagger: '2.0'\ninfo:\n  title: T\n  version: '1'\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n").unwrap();
    let (v, code) = json_of(&["lint", y.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 1);
    let f = &v["connectors"][0]["findings"][0];
    assert_eq!(f["code"], "OperationIdRequired");
    assert_eq!(f["line"], 7);
}

#[test]
fn a_repository_of_connectors_is_walked() {
    let (v, _) = json_of(&["lint", "connectors", "--format", "json"]);
    let paths: Vec<_> = v["connectors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(paths.len(), 6, "{paths:?}");
    assert!(paths.contains(&"connectors/broken/invalid-json".to_string()));
}

#[test]
fn hostile_files_never_crash() {
    let d = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("deep", format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes()),
        ("nul", b"{\"swagger\": \"2.0\x00\"}".to_vec()),
        ("utf16", {
            let mut b = vec![0xFF, 0xFE];
            for u in "{\"swagger\":\"2.0\"}".encode_utf16() {
                b.extend(u.to_le_bytes());
            }
            b
        }),
        ("latin1", b"{\"swagger\": \"2.0\", \"info\": {\"title\": \"Caf\xE9\"}}".to_vec()),
        ("empty", Vec::new()),
        ("array", b"[1, 2, 3]".to_vec()),
        ("types", br#"{"swagger": "2.0", "paths": {"/a": {"get": {"parameters": 5, "responses": []}, "parameters": "x"}}, "definitions": [], "security": {}}"#.to_vec()),
    ];
    for (name, bytes) in &cases {
        let dir = d.path().join(name);
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(dir.join("apiDefinition.swagger.json"), bytes).unwrap();
    }
    let out = connkit()
        .arg("lint")
        .arg(d.path())
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_ne!(
        out.status.code(),
        Some(101),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["connectors"], cases.len());
    let codes: Vec<String> = v["connectors"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| {
            c["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["code"].as_str().unwrap().to_string())
        })
        .collect();
    assert!(codes.contains(&"FileEncodingNotUtf8".to_string()));
    assert!(codes.iter().all(|c| c != "InternalError"), "{codes:?}");
}

#[test]
fn rules_and_explain() {
    let (v, code) = json_of(&["rules", "--format", "json"]);
    assert_eq!(code, 0);
    let rules = v["rules"].as_array().unwrap();
    assert!(rules.len() > 40);
    for r in rules {
        for k in [
            "code",
            "severity",
            "profiles",
            "summary",
            "explanation",
            "source",
        ] {
            assert!(r.get(k).is_some(), "{k} missing in {r}");
        }
        assert!(
            r["explanation"].as_str().unwrap().len() > 20,
            "{}",
            r["code"]
        );
    }
    let out = connkit()
        .args(["explain", "operationidnotunique"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("OperationIdNotUnique\n")
    );
}

/// The public corpus is not part of the product; the check runs only when it is present.
fn corpus() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/connectors");
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
fn whole_corpus_lints_without_panic_into_one_document() {
    let Some(dir) = corpus() else { return };
    let out = connkit()
        .arg("lint")
        .arg(&dir)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["summary"]["connectors"].as_u64().unwrap() > 500);
    let internal = v["connectors"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["findings"].as_array().unwrap())
        .filter(|f| f["code"] == "InternalError")
        .count();
    assert_eq!(internal, 0);
}

#[test]
fn other_connector_files_are_linted_with_positions() {
    let (v, code) = json_of(&["lint", "tests/fixtures/artifact-errors", "--format", "json"]);
    assert_eq!(code, 1);
    let f = v["connectors"][0]["findings"].as_array().unwrap();
    let find = |c: &str| {
        f.iter()
            .find(|x| x["code"] == c)
            .unwrap_or_else(|| panic!("{c} not reported: {v:#}"))
    };
    let schema = find("PropertiesSchemaViolation");
    assert_eq!(schema["file"], "apiProperties.json");
    assert_eq!(
        schema["pointer"],
        "/properties/connectionParameters/api-key/uiDefinition/constraints/required"
    );
    assert_eq!(
        (schema["line"].as_u64(), schema["column"].as_u64()),
        (Some(10), Some(13))
    );
    let ns = find("ScriptNamespaceNotAllowed");
    assert_eq!(ns["file"], "script.csx");
    assert_eq!(
        (ns["line"].as_u64(), ns["column"].as_u64()),
        (Some(3), Some(7))
    );
    assert_eq!(find("SettingsValueNotValid")["file"], "settings.json");
    assert_eq!(
        find("ScriptOperationNotFound")["pointer"],
        "/properties/scriptOperations/1"
    );
}

/// `connkit rules` (and `--all`, `--gate`) fits a 100-column terminal, every code and
/// summary still there.
#[test]
fn the_rules_listing_fits_100_columns() {
    for args in [
        &["rules"][..],
        &["rules", "--all"],
        &["rules", "--gate", "pipeline"],
    ] {
        let o = connkit().args(args).output().unwrap();
        assert!(o.status.success());
        let s = String::from_utf8(o.stdout).unwrap();
        let long: Vec<&str> = s.lines().filter(|l| l.chars().count() > 100).collect();
        assert!(long.is_empty(), "{args:?}: {long:#?}");
        assert!(s.contains("OperationIdNotUnique"), "{args:?}");
    }
    let (v, _) = json_of(&["rules", "--format", "json"]);
    let o = connkit().arg("rules").output().unwrap();
    let text = String::from_utf8(o.stdout).unwrap();
    for r in v["rules"].as_array().unwrap() {
        let code = r["code"].as_str().unwrap();
        assert!(
            text.lines()
                .any(|l| l == code || l.starts_with(&format!("{code}  "))),
            "{code} has no line of its own"
        );
    }
}

/// An `--output-*` file in a folder that does not exist: a clear error naming the file and
/// the folder (exit 2), not the random temporary path the atomic write would have used.
#[test]
fn an_output_into_a_missing_folder_says_so() {
    let d = tempfile::tempdir().unwrap();
    let target = d.path().join("no/such/dir/c.sarif");
    let o = connkit()
        .args([
            "lint",
            "connectors/custom-connectors/EchoTools",
            "--output-sarif",
        ])
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("does not exist; create it first"), "{err}");
    assert!(err.contains("c.sarif"), "{err}");
    assert!(!err.contains(".connkit-"), "no temporary file named: {err}");
}

/// Script findings carry `script.csx:line:column` in every output format (issue 26).
#[test]
fn script_findings_have_their_position_in_every_format() {
    let dir = "tests/fixtures/artifact-errors";
    let expect: [(&str, &str); 7] = [
        ("text", "artifact-errors/script.csx:3:7"),
        ("json", "\"file\": \"script.csx\""),
        ("sarif", "script.csx"),
        ("github", "artifact-errors/script.csx,line=3,col=7"),
        (
            "azure",
            "artifact-errors/script.csx;linenumber=3;columnnumber=7",
        ),
        ("junit", "artifact-errors/script.csx:3:7"),
        ("markdown", "`script.csx` | 3:7"),
    ];
    for (format, needle) in expect {
        let out = connkit()
            .args(["lint", dir, "--format", format])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("ScriptNamespaceNotAllowed"),
            "{format}: {text}"
        );
        assert!(text.contains(needle), "{format}: no `{needle}` in\n{text}");
    }
    // SARIF: the region of the script finding.
    let (v, _) = json_of(&["lint", dir, "--format", "sarif"]);
    let results = v["runs"][0]["results"].as_array().unwrap();
    let r = results
        .iter()
        .find(|r| r["ruleId"] == "ScriptNamespaceNotAllowed")
        .unwrap();
    let loc = &r["locations"][0]["physicalLocation"];
    assert!(
        loc["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .ends_with("script.csx")
    );
    assert_eq!(loc["region"]["startLine"], 3);
    assert_eq!(loc["region"]["startColumn"], 7);
}

/// The corpus history (merged versions, with their scripts), when present next to the
/// repository or next to its worktree.
fn history() -> Option<PathBuf> {
    let base = Path::new(env!("CARGO_MANIFEST_DIR"));
    let found = ["../shared/corpus/history", "../../shared/corpus/history"]
        .iter()
        .map(|p| base.join(p))
        .find(|p| p.join("index.json").is_file());
    if found.is_none() {
        let _ = std::io::Write::write_fmt(
            &mut std::io::stderr(),
            format_args!("skipped: no ../shared/corpus/history next to the repository\n"),
        );
    }
    found
}

/// Issue 26: no script Microsoft merged gets an error from the script rules (none of the
/// 118 merged versions is known not to compile).
#[test]
fn merged_scripts_lint_without_an_error() {
    use connkit::rules::{self, Profile, Severity};
    let Some(root) = history() else { return };
    let index: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("index.json")).unwrap()).unwrap();
    let mut checked = 0;
    let mut errors = Vec::new();
    for rec in index.as_array().unwrap() {
        let dir = root.join(rec["dir"].as_str().unwrap());
        if !dir.join("script.csx").is_file() {
            continue;
        }
        let c = connkit::model::Connector::load_dir(&dir, String::new());
        let cx = rules::Context::new(&c, Profile::Certified);
        let raw: Vec<_> = rules::area("script")
            .iter()
            .flat_map(|r| rules::run_rule(r, r.severity, &cx))
            .collect();
        checked += 1;
        for f in rules::locate(&c, raw) {
            if f.severity == Severity::Error {
                errors.push(format!(
                    "{}: {}:{} {} {}",
                    dir.display(),
                    f.line,
                    f.column,
                    f.code,
                    f.message
                ));
            }
        }
    }
    assert!(checked >= 100, "only {checked} merged scripts found");
    assert!(errors.is_empty(), "{errors:#?}");
}
