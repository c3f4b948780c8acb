//! The editor's unsaved text over the files on disk, and linting one connector from it with
//! its `connkit.toml` applied as `connkit lint` applies it.
//!
//! *For connkit's own benchmarks and tests.*

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::config::{self, ConfigError, Effective};
use crate::model::{Connector, DataFile, FileKind, TextFile, discover};
use crate::rules::Finding;

/// Which connector file a name is (case-insensitive, as discovery does).
pub(crate) fn kind_of(name: &str) -> Option<FileKind> {
    let lower = name.to_ascii_lowercase();
    Some(match lower.as_str() {
        "apiproperties.json" => FileKind::Properties,
        "settings.json" => FileKind::Settings,
        "script.csx" => FileKind::Script,
        "readme.md" => FileKind::Readme,
        "intro.md" => FileKind::Intro,
        "icon.png" => FileKind::Icon,
        _ if lower == "apidefinition.swagger.json"
            || lower.ends_with(".swagger.json")
            || lower.ends_with(".swagger.yaml")
            || lower.ends_with(".swagger.yml") =>
        {
            FileKind::Definition
        }
        _ => return None,
    })
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Open documents: path → text, as the editor has it.
#[derive(Default)]
pub struct Overlay {
    docs: HashMap<PathBuf, String>,
}

impl Overlay {
    pub fn set(&mut self, path: PathBuf, text: String) {
        self.docs.insert(path, text);
    }

    pub(crate) fn remove(&mut self, path: &Path) {
        self.docs.remove(path);
    }

    pub(crate) fn get(&self, path: &Path) -> Option<&str> {
        self.docs.get(path).map(String::as_str)
    }

    /// The open documents in `dir` (not below it).
    pub(crate) fn in_dir<'a>(
        &'a self,
        dir: &'a Path,
    ) -> impl Iterator<Item = (&'a PathBuf, &'a str)> {
        self.docs
            .iter()
            .filter(move |(p, _)| p.parent() == Some(dir))
            .map(|(p, t)| (p, t.as_str()))
    }

    /// Every open document's path.
    pub(crate) fn paths(&self) -> impl Iterator<Item = &PathBuf> {
        self.docs.keys()
    }

    /// Text of a file: the editor's when open, else the disk's (lossy UTF-8).
    pub(crate) fn text(&self, path: &Path) -> Option<String> {
        if let Some(t) = self.get(path) {
            return Some(t.to_string());
        }
        let bytes = crate::model::read_bounded(path).ok()?;
        let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(&bytes);
        Some(String::from_utf8_lossy(bytes).into_owned())
    }
}

/// What each file of a lint was read from: the editor's text, or these bytes on disk. The
/// next lint of the same connector takes over a file whose source is unchanged instead of
/// decoding and parsing it again (typing in the definition leaves apiProperties.json, the
/// readme and the script as they were; typing in apiProperties.json leaves an 850 KB
/// definition, its parse and its line index as they were).
#[derive(Default)]
pub struct Sources(HashMap<PathBuf, Source>);

#[derive(PartialEq, Eq)]
enum Source {
    /// The overlay's text (which the file's own `text` holds).
    Open,
    Disk(Vec<u8>),
}

/// Load a connector folder, each file from the overlay when it is open there.
#[cfg(test)]
pub(crate) fn load(dir: &Path, overlay: &Overlay) -> Connector {
    load_reusing(dir, overlay, None).0
}

/// Load a connector folder (each file from the overlay when it is open there), taking over
/// from `previous` (the last lint of the same folder) every file whose source did not change.
/// The connector is the same as a fresh load's: a file is taken over only when the text or
/// bytes it was made from are equal, and loading is deterministic.
pub fn load_reusing(
    dir: &Path,
    overlay: &Overlay,
    previous: Option<(Connector, Sources)>,
) -> (Connector, Sources) {
    let mut c = Connector {
        dir: dir.to_path_buf(),
        display: dir.to_string_lossy().into_owned(),
        ..Default::default()
    };
    let mut files = discover::connector_files(dir, &mut c.folder_issues);
    // Open documents that are not on disk yet (a new, unsaved file) still count.
    for (path, _) in overlay.in_dir(dir) {
        let slot = match kind_of(&file_name(path)) {
            Some(FileKind::Definition) => &mut files.definition,
            Some(FileKind::Properties) => &mut files.properties,
            Some(FileKind::Settings) => &mut files.settings,
            Some(FileKind::Script) => &mut files.script,
            Some(FileKind::Readme) => &mut files.readme,
            Some(FileKind::Intro) => &mut files.intro,
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(path.clone());
        }
    }
    let (mut old, old_sources) = previous.unwrap_or_default();
    let old_sources = old_sources.0;
    let mut sources = Sources::default();
    // The previous file at `p`, when it was made from the same source as `now`.
    let unchanged = |p: &Path, now: &Source| old_sources.get(p) == Some(now);
    let mut data = |p: &Path, previous: Option<DataFile>| {
        let previous = previous.filter(|d| d.path == p);
        let (file, source) = match overlay.get(p) {
            Some(text) => {
                let reuse = previous.filter(|d| d.text == text && unchanged(p, &Source::Open));
                let file = reuse.unwrap_or_else(|| {
                    DataFile::from_text(
                        p.to_path_buf(),
                        file_name(p),
                        text.to_string(),
                        Vec::new(),
                        false,
                    )
                });
                (file, Some(Source::Open))
            }
            None => match crate::model::read_bounded(p) {
                Ok(bytes) => {
                    let source = Source::Disk(bytes);
                    let file = match previous.filter(|_| unchanged(p, &source)) {
                        Some(d) => d,
                        None => data_file_of_bytes(p, file_name(p), source.bytes()),
                    };
                    (file, Some(source))
                }
                // Unreadable: loaded as before (the issue says why), never taken over.
                Err(_) => (DataFile::load(p, file_name(p)), None),
            },
        };
        if let Some(s) = source {
            sources.0.insert(p.to_path_buf(), s);
        }
        file
    };
    c.definition = files
        .definition
        .as_deref()
        .map(|p| data(p, old.definition.take()));
    c.properties = files
        .properties
        .as_deref()
        .map(|p| data(p, old.properties.take()));
    c.settings = files
        .settings
        .as_deref()
        .map(|p| data(p, old.settings.take()));
    c.icon = files
        .icon
        .as_deref()
        .map(|p| crate::model::BinaryFile::load(p, file_name(p)));
    let mut textf = |p: &Path, previous: Option<TextFile>| {
        let previous = previous.filter(|t| t.path == p);
        let (file, source) = match overlay.get(p) {
            Some(text) => {
                let reuse = previous.filter(|t| t.text == text && unchanged(p, &Source::Open));
                let file = reuse.unwrap_or_else(|| {
                    TextFile::from_text(
                        p.to_path_buf(),
                        file_name(p),
                        text.to_string(),
                        text.len() as u64,
                        Vec::new(),
                    )
                });
                (file, Some(Source::Open))
            }
            None => match crate::model::read_bounded(p) {
                Ok(bytes) => {
                    let source = Source::Disk(bytes);
                    let file = match previous.filter(|_| unchanged(p, &source)) {
                        Some(t) => t,
                        None => text_file_of_bytes(p, file_name(p), source.bytes()),
                    };
                    (file, Some(source))
                }
                Err(_) => (TextFile::load(p, file_name(p)), None),
            },
        };
        if let Some(s) = source {
            sources.0.insert(p.to_path_buf(), s);
        }
        file
    };
    c.script = files.script.as_deref().map(|p| textf(p, old.script.take()));
    c.readme = files.readme.as_deref().map(|p| textf(p, old.readme.take()));
    c.intro = files.intro.as_deref().map(|p| textf(p, old.intro.take()));
    (c, sources)
}

impl Source {
    fn bytes(&self) -> &[u8] {
        match self {
            Source::Disk(b) => b,
            Source::Open => &[],
        }
    }
}

/// [`DataFile::load`] from bytes already read (the same decoding and parse).
fn data_file_of_bytes(path: &Path, rel_path: String, bytes: &[u8]) -> DataFile {
    let mut issues = Vec::new();
    let text = crate::model::parse::decode(bytes, &mut issues);
    let unreadable = issues.first().is_some_and(|i| {
        matches!(
            i.kind,
            crate::model::codes::IssueKind::FileUnreadable
                | crate::model::codes::IssueKind::FileTooLarge
        )
    });
    DataFile::from_text(path.to_path_buf(), rel_path, text, issues, unreadable)
}

/// [`TextFile::load`] from bytes already read.
fn text_file_of_bytes(path: &Path, rel_path: String, bytes: &[u8]) -> TextFile {
    let mut issues = Vec::new();
    let text = crate::model::parse::decode(bytes, &mut issues);
    TextFile::from_text(
        path.to_path_buf(),
        rel_path,
        text,
        bytes.len() as u64,
        issues,
    )
}

/// The configuration that applies to a connector folder, parsed from the overlay when
/// `connkit.toml` is open.
pub fn configuration(
    dir: &Path,
    overlay: &Overlay,
) -> (Option<PathBuf>, Result<Effective, ConfigError>) {
    let Some(file) = config::find_upward(dir) else {
        // An unsaved connkit.toml open beside the connector still counts.
        let beside = dir.join(config::FILE_NAME);
        return match overlay.get(&beside) {
            Some(text) => {
                let r = config::parse(text, &beside).map(|l| l.for_connector(dir));
                (Some(beside), r)
            }
            None => (None, Ok(Effective::default())),
        };
    };
    // find_upward answers with an absolute path; the editor may name it another way.
    let open = overlay
        .paths()
        .find(|p| {
            p.file_name().is_some_and(|n| n == config::FILE_NAME)
                && std::fs::canonicalize(p).ok() == std::fs::canonicalize(&file).ok()
        })
        .cloned();
    let loaded = match open.as_deref().and_then(|p| overlay.get(p)) {
        Some(text) => config::parse(text, &file),
        None => config::load(&file),
    };
    (
        Some(open.unwrap_or(file)),
        loaded.map(|l| l.for_connector(dir)),
    )
}

/// One lint of a connector: what the editor shows.
pub struct Linted {
    pub connector: Connector,
    pub findings: Vec<Finding>,
    /// What the connector's files were read from (see [`load_reusing`]).
    pub sources: Sources,
}

/// Lint a connector as `connkit lint DIR` would, through the same session
/// ([`crate::app::lint::lint_loaded`]): its configuration's profile and levels, then
/// `[[ignore]]` entries and inline `x-connkit-ignore`. A configuration with errors is
/// reported and the connector is linted with the defaults (the command line stops instead;
/// an editor is better served by findings).
///
/// `previous` is the last lint of the same folder: its unchanged files are taken over
/// ([`load_reusing`]). The rules run one after the other: spreading them over rayon's pool
/// (`rules::lint_parallel`) was no faster on the shared 2-core machine and kept ~30 MB more
/// resident in the workers' allocator heaps (BENCHMARKS.md, "Language server").
pub(crate) fn lint(dir: &Path, overlay: &Overlay, previous: Option<Linted>) -> Linted {
    // A configuration with errors is reported on connkit.toml itself (`lsp::config_diagnostics`).
    let eff = configuration(dir, overlay).1.unwrap_or_default();
    let (connector, sources) =
        load_reusing(dir, overlay, previous.map(|l| (l.connector, l.sources)));
    let (profile, _) = config::resolve_profile(None, eff.profile, dir);
    // The session `connkit lint` runs, on this one connector (every gate, rules in turn).
    let findings = crate::app::lint::lint_loaded(&connector, profile, &eff, false, &[]).findings;
    Linted {
        connector,
        findings,
        sources,
    }
}

/// The connector folder a file belongs to: its own folder for connector files; for
/// `connkit.toml`, `None` (it configures every connector below it).
pub(crate) fn connector_dir_of(path: &Path) -> Option<PathBuf> {
    let name = file_name(path);
    kind_of(&name)?;
    path.parent().map(Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEF: &str = r#"{"swagger": "2.0", "info": {"title": "T", "version": "1.0", "description": "d"},
 "host": "example.com", "basePath": "/", "schemes": ["https"],
 "paths": {"/a": {"get": {"operationId": "GetA", "summary": "Get a",
   "responses": {"200": {"description": "ok"}}}}}}"#;
    const PROPS: &str = r#"{"properties": {"publisher": "Contoso", "stackOwner": "Contoso"}}"#;

    fn key(f: &Finding) -> (String, &'static str, String, usize, usize, String) {
        (
            f.file.clone(),
            f.code,
            f.pointer.clone(),
            f.line,
            f.column,
            f.message.clone(),
        )
    }

    #[test]
    fn unchanged_files_are_taken_over_and_the_findings_are_those_of_a_fresh_lint() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("Conn");
        std::fs::create_dir(&dir).unwrap();
        let def = dir.join("apiDefinition.swagger.json");
        let props = dir.join("apiProperties.json");
        std::fs::write(&def, DEF).unwrap();
        // A byte-order mark: decoded as `DataFile::load` decodes it.
        std::fs::write(&props, format!("\u{feff}{PROPS}")).unwrap();
        std::fs::write(dir.join("readme.md"), "# T\n").unwrap();
        let mut overlay = Overlay::default();
        overlay.set(def.clone(), DEF.replace("\"d\"", "\"dx\""));
        let first = lint(&dir, &overlay, None);
        let fresh = load(&dir, &overlay);
        for (a, b) in [
            (&first.connector.properties, &fresh.properties),
            (&first.connector.definition, &fresh.definition),
        ] {
            let (a, b) = (a.as_ref().unwrap(), b.as_ref().unwrap());
            assert_eq!((&a.text, &a.value), (&b.text, &b.value));
            let codes = |d: &DataFile| d.issues.iter().map(|i| i.kind).collect::<Vec<_>>();
            assert_eq!(codes(a), codes(b));
        }
        // Two chains of lints over the same edits: `marked` marks each file of its previous
        // lint (a file taken over keeps the mark; findings name files by `rel_path`, so the
        // marks change them), `plain` is compared with a fresh lint after each edit.
        let mark = |mut l: Linted| {
            let c = &mut l.connector;
            for d in [&mut c.definition, &mut c.properties].into_iter().flatten() {
                d.rel_path = "taken over".into();
            }
            if let Some(t) = &mut c.readme {
                t.rel_path = "taken over".into();
            }
            l
        };
        let taken = |d: &Option<DataFile>| d.as_ref().unwrap().rel_path == "taken over";
        let keys = |l: &Linted| l.findings.iter().map(key).collect::<Vec<_>>();
        let mut marked = mark(lint(&dir, &overlay, None));
        let mut plain = first;

        // An edit of the definition: apiProperties.json and the readme are taken over.
        overlay.set(def.clone(), DEF.to_string());
        marked = lint(&dir, &overlay, Some(marked));
        plain = lint(&dir, &overlay, Some(plain));
        let c = &marked.connector;
        assert!(taken(&c.properties));
        assert_eq!(c.readme.as_ref().unwrap().rel_path, "taken over");
        assert!(!taken(&c.definition));
        assert_eq!(c.definition.as_ref().unwrap().text, DEF);
        assert_eq!(keys(&plain), keys(&lint(&dir, &overlay, None)));

        // apiProperties.json changed on disk: read again; the unchanged open definition is
        // taken over.
        std::fs::write(&props, r#"{"properties": {}}"#).unwrap();
        marked = lint(&dir, &overlay, Some(mark(marked)));
        plain = lint(&dir, &overlay, Some(plain));
        let c = &marked.connector;
        assert!(taken(&c.definition));
        assert!(!taken(&c.properties));
        assert_eq!(c.properties.as_ref().unwrap().text, r#"{"properties": {}}"#);
        assert_eq!(keys(&plain), keys(&lint(&dir, &overlay, None)));

        // The definition closed: the disk's text counts again, even where it is the same.
        overlay.remove(&def);
        marked = lint(&dir, &overlay, Some(mark(marked)));
        plain = lint(&dir, &overlay, Some(plain));
        assert!(!taken(&marked.connector.definition));
        assert_eq!(plain.connector.definition.as_ref().unwrap().text, DEF);
        assert_eq!(keys(&plain), keys(&lint(&dir, &overlay, None)));
    }
}
