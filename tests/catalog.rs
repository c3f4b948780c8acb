//! The catalog of codes: every code connkit can print is found by `explain`, `rules --all`
//! lists every family, and docs/rules.md is generated from it (`CONNKIT_BLESS=1 cargo test
//! --test catalog` regenerates it after a change).

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn connkit() -> Command {
    let mut c = Command::cargo_bin("connkit").unwrap();
    c.env("NO_COLOR", "1").current_dir(root());
    c
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Codes named where connkit declares them: `code: "…"` fields (every `declare_code!`; the
/// model's load issues are kinds, `model::IssueKind`, whose codes their rules declare). Unit
/// tests (after `#[cfg(test)]`) are left out.
fn codes_in_source() -> Vec<(String, String)> {
    let patterns = [regex::Regex::new(r#"\bcode:\s*"([A-Z][A-Za-z0-9-]{3,})""#).unwrap()];
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut out = Vec::new();
    for f in files {
        let rel = f
            .strip_prefix(root())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(&f).unwrap();
        let text = text.split("#[cfg(test)]").next().unwrap_or("");
        for re in &patterns {
            for c in re.captures_iter(text) {
                out.push((rel.clone(), c[1].to_string()));
            }
        }
    }
    out
}

#[test]
fn every_code_in_the_source_is_in_the_catalog() {
    let codes = codes_in_source();
    assert!(codes.len() > 200, "the scan finds codes: {}", codes.len());
    // A file, or a folder of one file per code.
    for family in [
        "src/package/verify/checks/",
        "src/convert/notes/",
        "src/diff/rules/",
        "src/rules/",
    ] {
        assert!(
            codes.iter().any(|(f, _)| f.starts_with(family)),
            "no code found in {family}"
        );
    }
    let missing: Vec<_> = codes
        .iter()
        .filter(|(_, c)| connkit::catalog::all().all(|e| e.code != c))
        .collect();
    assert!(
        missing.is_empty(),
        "codes connkit prints but cannot explain: {missing:?}"
    );
}

#[test]
fn explain_knows_every_family() {
    for code in [
        "OperationIdNotUnique",
        "OperationDeleted",
        "PackageDefinitionMismatch",
        "PackageConnectorMismatch",
        "PackageRootNotSingleMdAndZip",
        "JsonSyntaxError",
    ] {
        let o = connkit().args(["explain", code]).output().unwrap();
        assert!(
            o.status.success(),
            "explain {code}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(String::from_utf8_lossy(&o.stdout).starts_with(code));
    }
    let o = connkit()
        .args(["explain", "PathParameterMissingEncoding"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&o.stdout).contains("### Fix\n`lint --fix`: "));
    connkit().args(["explain", "NoSuchCode"]).assert().code(2);
}

#[test]
fn rules_all_lists_every_family() {
    let o = connkit()
        .args(["rules", "--all", "--format", "json"])
        .output()
        .unwrap();
    assert!(o.status.success());
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let rules = v["rules"].as_array().unwrap();
    assert_eq!(rules.len(), connkit::catalog::all().count());
    for family in ["lint", "diff", "package"] {
        assert!(rules.iter().any(|r| r["family"] == family), "{family}");
    }
    // The lint-only listing says its family too.
    let o = connkit()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        v["rules"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["family"] == "lint")
    );
    let o = connkit().args(["rules", "--all"]).output().unwrap();
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("PackageDefinitionMismatch") && text.contains("OperationDeleted"));
}

#[test]
fn docs_rules_md_is_generated_from_the_catalog() {
    let path = root().join("docs/rules.md");
    let fresh = connkit::catalog::markdown();
    if std::env::var_os("CONNKIT_BLESS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path)
        .unwrap_or_default()
        .replace("\r\n", "\n");
    assert!(
        committed == fresh,
        "docs/rules.md is stale: regenerate it with `CONNKIT_BLESS=1 cargo test --test catalog`"
    );
}

#[test]
fn every_diff_source_is_explained_in_docs_breaking_changes() {
    let doc = std::fs::read_to_string(root().join("docs/breaking-changes.md")).unwrap();
    for e in connkit::catalog::all().filter(|e| e.family == connkit::catalog::Family::Diff) {
        for id in e.source.split(',').map(str::trim) {
            assert!(
                doc.contains(&format!("| {id} |")) || doc.contains(&format!("**{id}**")),
                "{}: source {id} is not in docs/breaking-changes.md",
                e.code
            );
        }
    }
}
