//! `--changed-since REV`: the connector folders with files changed since a git revision.
//!
//! Shells out to `git`: the files changed between the merge base of REV and HEAD and the
//! working tree (`git diff --name-only $(git merge-base REV HEAD)`, so committed, staged and
//! unstaged changes count), plus untracked files. Each changed file belongs to the nearest
//! folder at or above it that looks like a connector.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::model::discover;

fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let first = err.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        return Err(format!("git {} failed: {}", args.join(" "), first.trim()));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The connector folders (absolute, canonical) with changes since `rev`, for the repository
/// holding `dir`.
pub fn changed_connectors(dir: &Path, rev: &str) -> Result<BTreeSet<PathBuf>, String> {
    if rev.starts_with('-') {
        return Err(format!("'{rev}' is not a git revision"));
    }
    let top = git(dir, &["rev-parse", "--show-toplevel"])
        .map_err(|_| format!("{}: not inside a git repository", dir.display()))?;
    let top = PathBuf::from(top.trim_end_matches(['\n', '\r']));
    let base = git(dir, &["merge-base", rev, "HEAD"])
        .map_err(|e| format!("cannot compare with '{rev}': {e}"))?;
    let base = base.trim();
    let mut files = BTreeSet::new();
    for out in [
        git(&top, &["diff", "--name-only", "-z", base, "--"])?,
        git(&top, &["ls-files", "--others", "--exclude-standard", "-z"])?,
    ] {
        files.extend(out.split('\0').filter(|s| !s.is_empty()).map(String::from));
    }
    let top = std::fs::canonicalize(&top).unwrap_or(top);
    let mut dirs = BTreeSet::new();
    for f in files {
        let path = top.join(&f);
        // A deleted file still tells which connector changed, if its folder remains.
        let mut cur = path.parent();
        while let Some(d) = cur {
            if !d.starts_with(&top) {
                break;
            }
            if discover::is_connector_dir(d) {
                dirs.insert(std::fs::canonicalize(d).unwrap_or_else(|_| d.to_path_buf()));
                break;
            }
            cur = d.parent();
        }
    }
    Ok(dirs)
}
