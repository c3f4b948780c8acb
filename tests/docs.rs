//! The README a newcomer reads first (issue 24): short, leading with what works from a clone,
//! its links resolving, and the reference material in docs/ where the tests that used to read
//! it in the README now read it.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(p: &str) -> String {
    std::fs::read_to_string(root().join(p)).unwrap_or_else(|e| panic!("{p}: {e}"))
}

/// Documents other branches add; the README links them already (their rows say "coming").
const COMING: &[&str] = &[
    "docs/policy-templates.md",
    "docs/test.md",
    "docs/preview.md",
    "docs/scripts.md",
];

#[test]
fn the_readme_is_short_and_starts_with_what_works_from_a_clone() {
    let readme = read("README.md");
    let lines: Vec<&str> = readme.lines().collect();
    assert!(lines.len() <= 350, "{} lines", lines.len());
    let top = lines[..lines.len().min(60)].join("\n");
    for want in [
        "git clone https://github.com/connkit/connkit",
        "cargo install --locked --path .",
        "cargo build --release",
        "cargo run --release -- lint connectors/certified-connectors/ContosoTasks",
        "cargo test",
    ] {
        assert!(top.contains(want), "not in the first 60 lines: {want}");
    }
    // Routes that do not work yet are not presented as working.
    let install =
        &readme[readme.find("## Install").unwrap()..readme.find("## Quick start").unwrap()];
    assert!(install.contains("No release is tagged yet"), "{install}");
    assert!(
        !install.contains("curl -fsSL"),
        "no curl | sh before a release exists"
    );
    // The optional tools of the full suite are listed.
    for tool in [
        "xmllint",
        "nvim",
        "node",
        "shellcheck",
        "actionlint",
        "../shared/corpus",
    ] {
        assert!(readme.contains(tool), "README does not list {tool}");
    }
    assert!(
        readme.contains("SKIPPED"),
        "the README shows what a skip looks like"
    );
}

/// The quick start's first command really ends clean on the shipped sample.
#[test]
fn the_quick_start_sample_lints_clean() {
    let o = Command::cargo_bin("connkit")
        .unwrap()
        .args(["lint", "connectors/certified-connectors/ContosoTasks"])
        .env("NO_COLOR", "1")
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        read("README.md").contains(out.trim_end()),
        "README shows:\n{out}"
    );
}

/// Every relative link of the README and docs/ resolves; the only exceptions are the
/// documents other branches add.
#[test]
fn every_relative_link_resolves() {
    let link = regex::Regex::new(r"\]\(([^)\s]+)\)").unwrap();
    let mut docs: Vec<PathBuf> = vec![root().join("README.md")];
    for e in std::fs::read_dir(root().join("docs")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "md") {
            docs.push(p);
        }
    }
    let mut missing = Vec::new();
    for doc in &docs {
        let text = std::fs::read_to_string(doc).unwrap();
        for c in link.captures_iter(&text) {
            let target = &c[1];
            if target.starts_with("http")
                || target.starts_with('#')
                || target.starts_with("mailto:")
            {
                continue;
            }
            let file = target.split('#').next().unwrap();
            let resolved = doc.parent().unwrap().join(file);
            if !resolved.exists() {
                let rel = resolved
                    .strip_prefix(root())
                    .map(|p| p.to_string_lossy().replace("/docs/../", "/"))
                    .unwrap_or_default();
                missing.push(format!("{}: {target} ({rel})", doc.display()));
            }
        }
    }
    let unexpected: Vec<&String> = missing
        .iter()
        .filter(|m| !COMING.iter().any(|c| m.ends_with(&format!("({c})"))))
        .collect();
    assert!(unexpected.is_empty(), "{unexpected:#?}");
    // The README links every reference document that moved out of it.
    let readme = read("README.md");
    for doc in [
        "docs/install.md",
        "docs/lint.md",
        "docs/ci.md",
        "docs/configuration.md",
        "docs/diff.md",
        "docs/convert.md",
        "docs/packaging.md",
        "docs/submission.md",
        "docs/editors.md",
        "docs/security.md",
        "docs/architecture.md",
        "docs/rules.md",
    ] {
        assert!(
            readme.contains(&format!("]({doc})")),
            "README does not link {doc}"
        );
        assert!(root().join(doc).is_file(), "{doc}");
    }
    for c in COMING {
        assert!(
            readme.contains(&format!("]({c})")),
            "README does not link {c}"
        );
    }
}

/// pre-commit examples pin an immutable rev (a tag or a commit), never a branch (pre-commit
/// warns on `rev: main`).
#[test]
fn the_pre_commit_examples_pin_a_tag() {
    let tag = regex::Regex::new(r"^v\d+\.\d+\.\d+$|^[0-9a-f]{40}$").unwrap();
    let mut seen = 0;
    for doc in ["README.md", "docs/ci.md"] {
        for line in read(doc).lines() {
            if let Some(rev) = line.trim_start().strip_prefix("rev: ") {
                let rev = rev.split('#').next().unwrap().trim();
                assert!(
                    tag.is_match(rev),
                    "{doc}: rev {rev:?} is not a tag or a commit"
                );
                seen += 1;
            }
        }
    }
    assert!(seen >= 2, "{seen} pre-commit examples");
}

/// The SARIF category shown is the one that works: the Action's `sarif-category` input (the
/// file's `automationDetails.id`), not an upload-sarif `category` the file overrides.
#[test]
fn the_documented_sarif_category_is_the_real_one() {
    assert!(read("docs/ci.md").contains("sarif-category:"));
    for doc in ["README.md", "docs/ci.md"] {
        let text = read(doc);
        assert!(
            !text
                .lines()
                .any(|l| l.trim_start().starts_with("category:")),
            "{doc}: an upload-sarif `category` has no effect"
        );
    }
}
