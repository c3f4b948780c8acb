//! Finding connectors under the paths the user gives, and a connector's files in its folder.

use std::path::{Path, PathBuf};

use super::codes::IssueKind;
use super::{FileKind, FolderIssue};

/// What `lint PATH` resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A connector folder.
    Folder(PathBuf),
    /// A single definition file.
    File(PathBuf),
}

impl Target {
    pub fn path(&self) -> &Path {
        match self {
            Target::Folder(p) | Target::File(p) => p,
        }
    }

    /// Load the connector this target names (a folder's files, or one definition file),
    /// displayed as the path the user gave. Never fails: problems become load issues.
    pub(crate) fn load(&self) -> super::Connector {
        let display = self.path().to_string_lossy().into_owned();
        match self {
            Target::Folder(p) => super::Connector::load_dir(p, display),
            Target::File(p) => super::Connector::load_file(p, display),
        }
    }
}

/// A path that could not be used (unreadable, missing, a loop…), reported as an I/O error.
#[derive(Debug, Clone)]
pub struct DiscoverError {
    pub(crate) path: PathBuf,
    pub(crate) message: String,
}

/// The files of one connector folder.
#[derive(Debug, Default)]
pub(crate) struct ConnectorFiles {
    pub(crate) definition: Option<PathBuf>,
    pub(crate) properties: Option<PathBuf>,
    pub(crate) settings: Option<PathBuf>,
    pub(crate) icon: Option<PathBuf>,
    pub(crate) script: Option<PathBuf>,
    pub(crate) readme: Option<PathBuf>,
    pub(crate) intro: Option<PathBuf>,
}

fn is_definition_name(lower: &str) -> bool {
    lower == "apidefinition.swagger.json"
        || lower.ends_with(".swagger.json")
        || lower.ends_with(".swagger.yaml")
        || lower.ends_with(".swagger.yml")
}

/// Whether a folder looks like a connector (has a definition or apiProperties.json).
pub(crate) fn is_connector_dir(dir: &Path) -> bool {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return false;
    };
    rd.flatten().any(|e| {
        let n = e.file_name().to_string_lossy().to_ascii_lowercase();
        (is_definition_name(&n) || n == "apiproperties.json")
            && e.file_type().map(|t| !t.is_dir()).unwrap_or(false)
    })
}

/// Classify the files of a connector folder, case-insensitively.
pub(crate) fn connector_files(dir: &Path, issues: &mut Vec<FolderIssue>) -> ConnectorFiles {
    let mut files = ConnectorFiles::default();
    let mut entries: Vec<(String, PathBuf, bool)> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .flatten()
            .map(|e| {
                let is_dir = e.file_type().map(|t| t.is_dir()).unwrap_or(false);
                (
                    e.file_name().to_string_lossy().into_owned(),
                    e.path(),
                    is_dir,
                )
            })
            .collect(),
        Err(e) => {
            issues.push(FolderIssue {
                kind: IssueKind::FileUnreadable,
                file: FileKind::Folder,
                message: format!("cannot list {}: {e}", dir.display()),
            });
            return files;
        }
    };
    entries.sort();
    let mut defs: Vec<(String, PathBuf)> = Vec::new();
    for (name, path, is_dir) in entries {
        let lower = name.to_ascii_lowercase();
        if is_dir {
            continue;
        }
        let slot = match lower.as_str() {
            "apiproperties.json" => &mut files.properties,
            "settings.json" => &mut files.settings,
            "icon.png" => &mut files.icon,
            "script.csx" => &mut files.script,
            "readme.md" => &mut files.readme,
            "intro.md" => &mut files.intro,
            _ => {
                if is_definition_name(&lower) {
                    defs.push((lower, path));
                }
                continue;
            }
        };
        if let Some(prev) = slot {
            issues.push(FolderIssue {
                kind: IssueKind::FileNameAmbiguous,
                file: FileKind::Folder,
                message: format!(
                    "both `{}` and `{}` are present; file names differ only by case, which breaks on Windows and macOS checkouts",
                    prev.file_name().unwrap_or_default().to_string_lossy(),
                    name
                ),
            });
        } else {
            *slot = Some(path);
        }
    }
    // The canonical name wins; otherwise exactly one *.swagger.json is accepted.
    let canonical: Vec<_> = defs
        .iter()
        .filter(|(l, _)| l == "apidefinition.swagger.json")
        .collect();
    if let Some((_, p)) = canonical.first() {
        files.definition = Some(p.clone());
        if canonical.len() > 1 {
            issues.push(FolderIssue {
                kind: IssueKind::FileNameAmbiguous,
                file: FileKind::Folder,
                message: "several files named apiDefinition.swagger.json in different letter case"
                    .into(),
            });
        }
    } else if defs.len() == 1 {
        files.definition = Some(defs[0].1.clone());
    } else if defs.len() > 1 {
        let names: Vec<_> = defs
            .iter()
            .map(|(_, p)| {
                p.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        issues.push(FolderIssue {
            kind: IssueKind::FileNameAmbiguous,
            file: FileKind::Folder,
            message: format!("several definition files ({}); rename the one to check to apiDefinition.swagger.json", names.join(", ")),
        });
    }
    files
}

/// Resolve the user's paths to lint targets. A file is a definition; a connector folder is
/// itself; any other folder is walked for connector folders (not descending into them).
pub fn discover(path: &Path) -> (Vec<Target>, Vec<DiscoverError>) {
    let mut targets = Vec::new();
    let mut errors = Vec::new();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            errors.push(DiscoverError {
                path: path.to_path_buf(),
                message: e.to_string(),
            });
            return (targets, errors);
        }
    };
    if meta.is_file() {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if matches!(ext.as_str(), "json" | "yaml" | "yml") {
            targets.push(Target::File(path.to_path_buf()));
        } else {
            errors.push(DiscoverError {
                path: path.to_path_buf(),
                message: "not a connector definition: give a connector folder or a .json/.yaml definition file".into(),
            });
        }
        return (targets, errors);
    }
    if !meta.is_dir() {
        errors.push(DiscoverError {
            path: path.to_path_buf(),
            message: "not a file or folder".into(),
        });
        return (targets, errors);
    }
    if is_connector_dir(path) {
        targets.push(Target::Folder(path.to_path_buf()));
        return (targets, errors);
    }
    let mut it = walkdir::WalkDir::new(path)
        .follow_links(false)
        .sort_by_file_name()
        .min_depth(1)
        .into_iter();
    loop {
        let entry = match it.next() {
            None => break,
            Some(Ok(e)) => e,
            Some(Err(e)) => {
                let p = e
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| path.to_path_buf());
                errors.push(DiscoverError {
                    path: p,
                    message: e
                        .io_error()
                        .map(|io| io.to_string())
                        .unwrap_or_else(|| e.to_string()),
                });
                continue;
            }
        };
        if !entry.file_type().is_dir() {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        if name.starts_with('.') || name == "node_modules" || name == "target" {
            it.skip_current_dir();
            continue;
        }
        if is_connector_dir(entry.path()) {
            targets.push(Target::Folder(entry.path().to_path_buf()));
            it.skip_current_dir();
        }
    }
    (targets, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_files_case_insensitively_and_reports_clashes() {
        let d = tempfile::tempdir().unwrap();
        for f in [
            "ApiDefinition.Swagger.json",
            "apiProperties.json",
            "README.md",
            "Icon.PNG",
        ] {
            std::fs::write(d.path().join(f), "{}").unwrap();
        }
        let mut issues = Vec::new();
        let files = connector_files(d.path(), &mut issues);
        assert!(
            files
                .definition
                .unwrap()
                .ends_with("ApiDefinition.Swagger.json")
        );
        assert!(files.readme.unwrap().ends_with("README.md"));
        assert!(files.icon.is_some());
        assert!(issues.is_empty());
    }

    #[test]
    fn single_other_swagger_file_is_the_definition() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("CQC-Connector.swagger.json"), "{}").unwrap();
        let mut issues = Vec::new();
        assert!(connector_files(d.path(), &mut issues).definition.is_some());
        std::fs::write(d.path().join("other.swagger.json"), "{}").unwrap();
        let files = connector_files(d.path(), &mut issues);
        assert!(files.definition.is_none());
        assert_eq!(issues[0].kind, IssueKind::FileNameAmbiguous);
    }

    #[test]
    fn walks_a_repository_without_descending_into_connectors() {
        let d = tempfile::tempdir().unwrap();
        let a = d.path().join("certified-connectors/A");
        let b = d.path().join("custom-connectors/B");
        let nested = a.join("sub");
        for p in [&a, &b, &nested] {
            std::fs::create_dir_all(p).unwrap();
            std::fs::write(p.join("apiDefinition.swagger.json"), "{}").unwrap();
        }
        std::fs::create_dir_all(d.path().join(".git/x")).unwrap();
        std::fs::write(d.path().join(".git/x/apiProperties.json"), "{}").unwrap();
        let (t, e) = discover(d.path());
        assert!(e.is_empty());
        assert_eq!(t, vec![Target::Folder(a), Target::Folder(b)]);
    }

    #[test]
    fn missing_path_is_an_error() {
        let (t, e) = discover(Path::new("/definitely/not/here"));
        assert!(t.is_empty());
        assert_eq!(e.len(), 1);
    }
}
