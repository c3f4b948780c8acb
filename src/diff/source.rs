//! Reading one side of a diff: a definition file, a connector folder, or a git spec
//! `REV:PATH` (through `git show` / `git ls-tree`; git is never linked, only run).

use std::path::{Path, PathBuf};
use std::process::Command;

use super::Side;
use crate::model::discover;
use crate::model::{DataFile, parse};

/// Why a side could not be read (exit code 2).
#[derive(Debug)]
pub(crate) struct SourceError {
    pub(crate) message: String,
    /// `io` (missing, unreadable, not a connector, git failed) or `parse` (not JSON/YAML).
    pub(crate) kind: &'static str,
}

impl SourceError {
    fn io(message: String) -> Self {
        SourceError {
            message,
            kind: "io",
        }
    }
}

impl std::fmt::Display for SourceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// A parsed git spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct GitSpec {
    pub(crate) rev: String,
    pub(crate) path: String,
}

/// `REV:PATH` when `spec` is not an existing local path and looks like one (a Windows drive
/// letter `C:\` is a path, not a revision).
pub(crate) fn parse_git_spec(spec: &str) -> Option<GitSpec> {
    if Path::new(spec).exists() {
        return None;
    }
    let (rev, path) = spec.split_once(':')?;
    if rev.is_empty() || (rev.len() == 1 && path.starts_with(['\\', '/'])) {
        return None;
    }
    Some(GitSpec {
        rev: rev.to_string(),
        path: path.to_string(),
    })
}

/// Load a side from a local path or a git spec. `Ok(None)`: the git path does not exist at
/// that revision (a connector new in this change).
pub(crate) fn load(spec: &str) -> Result<Option<Side>, SourceError> {
    match parse_git_spec(spec) {
        Some(g) => load_git(&g, spec),
        None => load_local(Path::new(spec), spec).map(Some),
    }
}

fn load_local(path: &Path, label: &str) -> Result<Side, SourceError> {
    let meta =
        std::fs::metadata(path).map_err(|e| SourceError::io(format!("{}: {e}", path.display())))?;
    let mut side = Side {
        label: label.to_string(),
        ..Default::default()
    };
    if meta.is_dir() {
        let mut issues = Vec::new();
        let files = discover::connector_files(path, &mut issues);
        let rel = |p: &Path| {
            p.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        side.definition = files
            .definition
            .as_deref()
            .map(|p| DataFile::load(p, rel(p)));
        side.properties = files
            .properties
            .as_deref()
            .map(|p| DataFile::load(p, rel(p)));
        if side.definition.is_none() && side.properties.is_none() {
            return Err(SourceError::io(format!(
                "{}: no connector found (no apiDefinition.swagger.json or apiProperties.json)",
                path.display()
            )));
        }
    } else {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let file = DataFile::load(path, name.clone());
        if name.eq_ignore_ascii_case("apiProperties.json") {
            side.properties = Some(file);
        } else {
            side.definition = Some(file);
        }
    }
    check_readable(&side)?;
    Ok(side)
}

/// A side whose files could not be read or understood at all is an input error, reported at
/// `file:line:column` like lint's JsonSyntaxError (the first positioned problem).
fn check_readable(side: &Side) -> Result<(), SourceError> {
    for f in [&side.definition, &side.properties].into_iter().flatten() {
        if f.value.is_none() {
            let first = f
                .issues
                .iter()
                .find(|i| i.offset.is_some())
                .or(f.issues.first());
            let why = first
                .map(|i| i.message.clone())
                .unwrap_or_else(|| "not JSON or YAML".into());
            let at = first
                .and_then(|i| i.offset)
                .map(|o| {
                    let lc = f.lines().line_col(&f.text, o);
                    format!(":{}:{}", lc.line, lc.column)
                })
                .unwrap_or_default();
            let unreadable =
                first.is_some_and(|i| i.kind == crate::model::codes::IssueKind::FileUnreadable);
            return Err(SourceError {
                message: format!("{}{at}: cannot be read: {why}", f.path.display()),
                kind: if unreadable { "io" } else { "parse" },
            });
        }
    }
    Ok(())
}

fn git(args: &[&str]) -> Result<std::process::Output, SourceError> {
    Command::new("git").args(args).output().map_err(|e| {
        SourceError::io(format!(
            "cannot run git ({e}); is git installed and on PATH?"
        ))
    })
}

/// Verify the revision exists (clear message for a typo), then read blob or tree.
fn load_git(g: &GitSpec, label: &str) -> Result<Option<Side>, SourceError> {
    let commit = format!("{}^{{commit}}", g.rev);
    let out = git(&["rev-parse", "--verify", "--quiet", &commit])?;
    if !out.status.success() {
        return Err(SourceError::io(format!(
            "{label}: '{}' is not a revision git knows here{}",
            g.rev,
            stderr_note(&out)
        )));
    }
    let path = g.path.trim_end_matches('/');
    let object = format!("{}:{}", g.rev, path);
    let kind = git(&["cat-file", "-t", &object])?;
    if !kind.status.success() {
        return Ok(None);
    }
    let mut side = Side {
        label: label.trim_end_matches('/').to_string(),
        ..Default::default()
    };
    match String::from_utf8_lossy(&kind.stdout).trim() {
        "blob" => {
            let name = path.rsplit(['/', '\\']).next().unwrap_or(path).to_string();
            let file = git_file(&object, &name)?;
            if name.eq_ignore_ascii_case("apiProperties.json") {
                side.properties = Some(file);
            } else {
                side.definition = Some(file);
            }
        }
        "tree" => {
            let ls = git(&["ls-tree", "--name-only", &object])?;
            if !ls.status.success() {
                return Err(SourceError::io(format!(
                    "{label}: git ls-tree failed{}",
                    stderr_note(&ls)
                )));
            }
            let names: Vec<String> = String::from_utf8_lossy(&ls.stdout)
                .lines()
                .map(str::to_string)
                .collect();
            let lower = |n: &String| n.to_ascii_lowercase();
            let def = names
                .iter()
                .find(|n| lower(n) == "apidefinition.swagger.json")
                .or_else(|| {
                    names.iter().find(|n| {
                        let l = lower(n);
                        l.ends_with(".swagger.json")
                            || l.ends_with(".swagger.yaml")
                            || l.ends_with(".swagger.yml")
                    })
                });
            let props = names.iter().find(|n| lower(n) == "apiproperties.json");
            if let Some(d) = def {
                side.definition = Some(git_file(&format!("{object}/{d}"), d)?);
            }
            if let Some(p) = props {
                side.properties = Some(git_file(&format!("{object}/{p}"), p)?);
            }
            if side.definition.is_none() && side.properties.is_none() {
                return Err(SourceError::io(format!(
                    "{label}: no connector found at that revision (no apiDefinition.swagger.json or apiProperties.json)"
                )));
            }
        }
        other => {
            return Err(SourceError::io(format!(
                "{label}: is a git {other}, not a file or folder"
            )));
        }
    }
    check_readable(&side)?;
    Ok(Some(side))
}

fn git_file(object: &str, name: &str) -> Result<DataFile, SourceError> {
    let out = git(&["show", object])?;
    if !out.status.success() {
        return Err(SourceError::io(format!(
            "git show {object} failed{}",
            stderr_note(&out)
        )));
    }
    let mut issues = Vec::new();
    let text = parse::decode(&out.stdout, &mut issues);
    Ok(DataFile::from_text(
        PathBuf::from(object),
        name.to_string(),
        text,
        issues,
        false,
    ))
}

fn stderr_note(out: &std::process::Output) -> String {
    let e = String::from_utf8_lossy(&out.stderr);
    let e = e.trim();
    if e.is_empty() {
        String::new()
    } else {
        format!(" (git: {e})")
    }
}

/// `--base REV PATH`: the same path at REV, relative to the current directory (`REV:./PATH`).
pub(crate) fn base_spec(rev: &str, path: &Path) -> String {
    let p = path.to_string_lossy().replace('\\', "/");
    if p.starts_with('/') {
        // Absolute: make it relative to the repository root.
        if let Ok(out) = git(&["rev-parse", "--show-toplevel"])
            && out.status.success()
        {
            let top = String::from_utf8_lossy(&out.stdout).trim().to_string();
            let canon = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            let top_canon = std::fs::canonicalize(&top).unwrap_or_else(|_| PathBuf::from(&top));
            if let Ok(rel) = canon.strip_prefix(&top_canon) {
                return format!("{rev}:{}", rel.to_string_lossy().replace('\\', "/"));
            }
        }
        return format!("{rev}:{p}");
    }
    let p = p.trim_start_matches("./");
    format!("{rev}:./{p}")
}
