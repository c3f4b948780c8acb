//! `connkit diff` CLI tests: inputs (files, folders, git specs, --base), formats, exit codes,
//! accepted changes. Git tests create their own repository and skip when git is missing.

#[path = "support/skip.rs"]
mod skip;

use std::path::{Path, PathBuf};
use std::process::Command as Std;

use assert_cmd::Command;
use serde_json::{Value, json};

fn connkit() -> Command {
    let mut c = Command::cargo_bin("connkit").unwrap();
    c.env("NO_COLOR", "1")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

const SAMPLE: &str = "connectors/certified-connectors/ContosoTasks";

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE)
}

fn definition() -> Value {
    let text = std::fs::read_to_string(sample().join("apiDefinition.swagger.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// A temp copy of the sample connector folder, with the definition replaced by `def`.
fn folder_with(def: &Value) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["apiDefinition.swagger.json", "apiProperties.json"] {
        std::fs::copy(sample().join(name), dir.path().join(name)).unwrap();
    }
    std::fs::write(
        dir.path().join("apiDefinition.swagger.json"),
        serde_json::to_string_pretty(def).unwrap(),
    )
    .unwrap();
    dir
}

/// The sample with its first operation removed, and that operation's id.
fn without_first_operation() -> (Value, String) {
    let mut d = definition();
    let paths = d["paths"].as_object_mut().unwrap();
    let first = paths.keys().next().unwrap().clone();
    let item = paths.get_mut(&first).unwrap().as_object_mut().unwrap();
    let method = item
        .keys()
        .find(|k| ["get", "post", "put", "patch", "delete"].contains(&k.as_str()))
        .unwrap()
        .clone();
    let id = item[&method]["operationId"].as_str().unwrap().to_string();
    item.remove(&method);
    (d, id)
}

fn json_out(cmd: &mut Command) -> (Value, i32) {
    let out = cmd.output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON: {e}\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (v, out.status.code().unwrap())
}

#[test]
fn identical_folders_have_no_changes_and_exit_zero() {
    let (v, code) = json_out(connkit().args(["diff", SAMPLE, SAMPLE, "--format", "json"]));
    assert_eq!(code, 0);
    assert_eq!(v["changes"], json!([]));
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["summary"]["breaking"], 0);
}

#[test]
fn reformatted_and_reordered_definition_gives_no_changes() {
    let d = definition();
    let dir = tempfile::tempdir().unwrap();
    // Compact, keys sorted: a different text, the same document.
    let sorted: Value = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
    let mut keys: Vec<(String, Value)> = sorted.as_object().unwrap().clone().into_iter().collect();
    keys.reverse();
    let reordered = Value::Object(keys.into_iter().collect());
    let f = dir.path().join("new.swagger.json");
    std::fs::write(&f, serde_json::to_string(&reordered).unwrap()).unwrap();
    let old = sample().join("apiDefinition.swagger.json");
    let (v, code) = json_out(
        connkit()
            .arg("diff")
            .arg(&old)
            .arg(&f)
            .args(["--format", "json"]),
    );
    assert_eq!((code, &v["changes"]), (0, &json!([])));
    // And a real change is seen in the same setup.
    let (changed, _) = without_first_operation();
    std::fs::write(&f, serde_json::to_string(&changed).unwrap()).unwrap();
    let (v, code) = json_out(
        connkit()
            .arg("diff")
            .arg(&old)
            .arg(&f)
            .args(["--format", "json"]),
    );
    assert_eq!(code, 1);
    assert_eq!(v["changes"][0]["code"], "OperationDeleted");
}

#[test]
fn deleted_operation_fails_with_positions_in_both_files() {
    let (d, id) = without_first_operation();
    let new = folder_with(&d);
    let (v, code) = json_out(
        connkit()
            .args(["diff", SAMPLE])
            .arg(new.path())
            .args(["--format", "json"]),
    );
    assert_eq!(code, 1, "{v:#}");
    let c = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "OperationDeleted")
        .unwrap();
    assert_eq!(c["operation"], id.as_str());
    assert_eq!(c["severity"], "breaking");
    assert!(c["old"]["line"].as_u64().unwrap() > 1);
    assert!(c["new"]["line"].as_u64().unwrap() >= 1);
    assert!(c["old"]["pointer"].as_str().unwrap().starts_with("/paths/"));
    // Text: grouped by operation, with Microsoft's wording.
    let out = connkit()
        .args(["diff", SAMPLE])
        .arg(new.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(&format!("operation {id}")), "{text}");
    assert!(text.contains("breaking[OperationDeleted]"), "{text}");
    assert!(
        text.contains("Microsoft: \"The operation has been deleted.\""),
        "{text}"
    );
    // --fail-on never: exit 0 with the same findings.
    connkit()
        .args(["diff", SAMPLE])
        .arg(new.path())
        .args(["--fail-on", "never"])
        .assert()
        .code(0);
}

#[test]
fn fail_on_levels() {
    let mut d = definition();
    d["info"]["description"] = json!("Another description of the tasks API.");
    let new = folder_with(&d);
    // Text change only: info.
    connkit()
        .args(["diff", SAMPLE])
        .arg(new.path())
        .assert()
        .code(0);
    connkit()
        .args(["diff", SAMPLE])
        .arg(new.path())
        .args(["--fail-on", "warning"])
        .assert()
        .code(0);
    connkit()
        .args(["diff", SAMPLE])
        .arg(new.path())
        .args(["--fail-on", "info"])
        .assert()
        .code(1);
}

#[test]
fn accepted_changes_file_beside_the_connector() {
    let (d, id) = without_first_operation();
    let new = folder_with(&d);
    let accept = new.path().join("connkit-accepted.toml");
    std::fs::write(&accept, format!("[[accept]]\ncode = \"OperationDeleted\"\noperation = \"{id}\"\nreason = \"deprecated for 90 days\"\n")).unwrap();
    let (v, code) = json_out(
        connkit()
            .args(["diff", SAMPLE])
            .arg(new.path())
            .args(["--format", "json"]),
    );
    assert_eq!(code, 0, "{v:#}");
    let c = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "OperationDeleted")
        .unwrap();
    assert_eq!(c["accepted"]["reason"], "deprecated for 90 days");
    assert_eq!(v["summary"]["accepted"], 1);
    // A missing reason is a usage error.
    std::fs::write(&accept, "[[accept]]\ncode = \"OperationDeleted\"\n").unwrap();
    connkit()
        .args(["diff", SAMPLE])
        .arg(new.path())
        .assert()
        .code(2);
    // --accept FILE elsewhere works the same.
    std::fs::remove_file(&accept).unwrap();
    let other = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(
        other.path(),
        "[[accept]]\ncode = \"OperationDeleted\"\nreason = \"intended\"\n",
    )
    .unwrap();
    connkit()
        .args(["diff", SAMPLE])
        .arg(new.path())
        .assert()
        .code(1);
    connkit()
        .args(["diff", SAMPLE])
        .arg(new.path())
        .arg("--accept")
        .arg(other.path())
        .assert()
        .code(0);
}

#[test]
fn formats_markdown_github_azure_and_text_diff() {
    let (d, id) = without_first_operation();
    let new = folder_with(&d);
    let run = |fmt: &str, extra: &[&str]| {
        let out = connkit()
            .args(["diff", SAMPLE])
            .arg(new.path())
            .args(["--format", fmt])
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8(out.stdout).unwrap()
    };
    let md = run("markdown", &[]);
    assert!(
        md.contains("### connkit diff: Breaking changes found"),
        "{md}"
    );
    assert!(md.contains(&format!("`{id}`")), "{md}");
    let gh = run("github", &[]);
    assert!(
        gh.lines()
            .any(|l| l.starts_with("::error file=") && l.contains("title=OperationDeleted")),
        "{gh}"
    );
    let az = run("azure", &[]);
    assert!(
        az.lines().any(
            |l| l.starts_with("##vso[task.logissue type=error;sourcepath=")
                && l.contains("code=OperationDeleted;")
        ),
        "{az}"
    );
    let text = run("text", &["--text"]);
    assert!(
        text.contains("\n--- ") && text.contains("\n+++ ") && text.contains("\n-"),
        "{text}"
    );
}

#[test]
fn usage_and_io_errors_exit_two() {
    connkit()
        .args(["diff", SAMPLE, "does/not/exist"])
        .assert()
        .code(2);
    connkit().args(["diff", SAMPLE]).assert().code(2);
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("x.swagger.json");
    std::fs::write(&bad, "not json at all {").unwrap();
    connkit().args(["diff", SAMPLE]).arg(&bad).assert().code(2);
}

#[test]
fn list_rules_and_explain() {
    let out = connkit().args(["diff", "--list-rules"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("OperationDeleted") && text.contains("breaking"));
    let n: usize = text
        .lines()
        .last()
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(n >= 40, "{n} rules");
    let out = connkit()
        .args(["explain", "InputBecameRequired"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("changed from optional to required"));
    connkit()
        .args(["explain", "NoSuchDiffOrLintRule"])
        .assert()
        .code(2);
}

fn git_available() -> bool {
    let ok = Std::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        skip::skipped("git is not installed");
    }
    ok
}

fn git(dir: &Path, args: &[&str]) {
    let out = Std::new("git")
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A repository with the sample at `certified-connectors/Contoso`, committed twice: the
/// second commit deletes an operation.
fn repo() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("certified-connectors/Contoso");
    std::fs::create_dir_all(&c).unwrap();
    for name in ["apiDefinition.swagger.json", "apiProperties.json"] {
        std::fs::copy(sample().join(name), c.join(name)).unwrap();
    }
    git(dir.path(), &["init", "-q", "-b", "main"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-qm", "one"]);
    let (d, id) = without_first_operation();
    std::fs::write(
        c.join("apiDefinition.swagger.json"),
        serde_json::to_string_pretty(&d).unwrap(),
    )
    .unwrap();
    git(dir.path(), &["commit", "-qam", "two"]);
    (dir, id)
}

#[test]
fn git_specs_folders_and_files() {
    if !git_available() {
        return;
    }
    let (dir, id) = repo();
    let run = |args: &[&str]| {
        let mut c = Command::cargo_bin("connkit").unwrap();
        c.env("NO_COLOR", "1").current_dir(dir.path()).args(args);
        json_out(&mut c)
    };
    let (v, code) = run(&[
        "diff",
        "HEAD~1:certified-connectors/Contoso",
        "HEAD:certified-connectors/Contoso",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1, "{v:#}");
    assert!(
        v["changes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["code"] == "OperationDeleted" && c["operation"] == id.as_str())
    );
    let (v, code) = run(&[
        "diff",
        "HEAD~1:certified-connectors/Contoso/apiDefinition.swagger.json",
        "certified-connectors/Contoso/apiDefinition.swagger.json",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1, "{v:#}");
    // Same revision on both sides: nothing.
    let (v, code) = run(&[
        "diff",
        "HEAD:certified-connectors/Contoso",
        "certified-connectors/Contoso",
        "--format",
        "json",
    ]);
    assert_eq!((code, &v["changes"]), (0, &json!([])));
}

#[test]
fn git_base_mode_and_errors() {
    if !git_available() {
        return;
    }
    let (dir, id) = repo();
    let mut c = Command::cargo_bin("connkit").unwrap();
    c.env("NO_COLOR", "1").current_dir(dir.path());
    let (v, code) = json_out(c.args([
        "diff",
        "--base",
        "HEAD~1",
        "certified-connectors/Contoso",
        "--format",
        "json",
    ]));
    assert_eq!(code, 1, "{v:#}");
    assert!(
        v["changes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["operation"] == id.as_str())
    );
    // Unknown revision: a clear usage error.
    let mut c = Command::cargo_bin("connkit").unwrap();
    let out = c
        .current_dir(dir.path())
        .args([
            "diff",
            "nosuchrev:certified-connectors/Contoso",
            "certified-connectors/Contoso",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a revision"));
    // A connector that did not exist at the base revision: nothing to compare, exit 0.
    std::fs::create_dir_all(dir.path().join("certified-connectors/New")).unwrap();
    std::fs::copy(
        sample().join("apiDefinition.swagger.json"),
        dir.path()
            .join("certified-connectors/New/apiDefinition.swagger.json"),
    )
    .unwrap();
    let mut c = Command::cargo_bin("connkit").unwrap();
    let out = c
        .current_dir(dir.path())
        .args(["diff", "--base", "HEAD", "certified-connectors/New"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("no previous revision"));
}

#[test]
fn corpus_revision_pairs_run_without_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/revisions");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        // Outside the test harness's capture (eprintln! is captured for passing tests), so
        // the skip is visible in `cargo test` output rather than a silent `ok`.
        skip::skipped(&format!("{} not found", dir.display()));
        return;
    };
    let mut pairs: Vec<PathBuf> = rd
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    pairs.sort();
    // Every pair in-process (fast), as the CLI compares them.
    let mut breaking = 0;
    for p in &pairs {
        let side = |name: &str| connkit::diff::Side {
            label: name.into(),
            definition: Some(connkit::model::DataFile::load(&p.join(name), name.into())),
            properties: None,
        };
        let r = connkit::diff::diff(&side("old.swagger.json"), &side("new.swagger.json"));
        for c in &r.changes {
            assert!(
                c.old.is_some() || c.new.is_some(),
                "{}: {} has no position",
                p.display(),
                c.rule.code
            );
        }
        breaking += usize::from(r.has_at_least(connkit::diff::DiffSeverity::Breaking));
    }
    eprintln!("{} pairs, {breaking} with breaking changes", pairs.len());
    assert!(!pairs.is_empty());
    // A few through the CLI: one JSON document, exit 0 or 1.
    for p in pairs.iter().step_by(50) {
        let out = connkit()
            .arg("diff")
            .arg(p.join("old.swagger.json"))
            .arg(p.join("new.swagger.json"))
            .args(["--format", "json"])
            .output()
            .unwrap();
        assert!(
            matches!(out.status.code(), Some(0) | Some(1)),
            "{}",
            p.display()
        );
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["schema_version"], 1);
    }
}

#[test]
fn missing_git_is_a_clear_usage_error() {
    let out = connkit()
        .env("PATH", "")
        .args([
            "diff",
            "HEAD:connectors/certified-connectors/ContosoTasks",
            SAMPLE,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot run git"));
    // The same comparison with local paths needs no git.
    connkit()
        .env("PATH", "")
        .args(["diff", SAMPLE, SAMPLE])
        .assert()
        .code(0);
}
