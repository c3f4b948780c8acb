//! The editor's unsaved text over the files on disk, and linting one connector from it with
//! its `connkit.toml` applied as `connkit lint` applies it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::config::{self, ConfigError, Effective};
use crate::model::{Connector, DataFile, FileKind, TextFile, discover};
use crate::rules::{self, Finding, Profile};
use crate::suppress;

/// Which connector file a name is (case-insensitive, as discovery does).
pub fn kind_of(name: &str) -> Option<FileKind> {
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

    pub fn remove(&mut self, path: &Path) {
        self.docs.remove(path);
    }

    pub fn get(&self, path: &Path) -> Option<&str> {
        self.docs.get(path).map(String::as_str)
    }

    /// The open documents in `dir` (not below it).
    pub fn in_dir<'a>(&'a self, dir: &'a Path) -> impl Iterator<Item = (&'a PathBuf, &'a str)> {
        self.docs
            .iter()
            .filter(move |(p, _)| p.parent() == Some(dir))
            .map(|(p, t)| (p, t.as_str()))
    }

    /// Every open document's path.
    pub fn paths(&self) -> impl Iterator<Item = &PathBuf> {
        self.docs.keys()
    }

    /// Text of a file: the editor's when open, else the disk's (lossy UTF-8).
    pub fn text(&self, path: &Path) -> Option<String> {
        if let Some(t) = self.get(path) {
            return Some(t.to_string());
        }
        let bytes = crate::model::read_bounded(path).ok()?;
        let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(&bytes);
        Some(String::from_utf8_lossy(bytes).into_owned())
    }
}

/// Load a connector folder, each file from the overlay when it is open there.
pub fn load(dir: &Path, overlay: &Overlay) -> Connector {
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
    let data = |p: &Path| match overlay.get(p) {
        Some(text) => DataFile::from_text(
            p.to_path_buf(),
            file_name(p),
            text.to_string(),
            Vec::new(),
            false,
        ),
        None => DataFile::load(p, file_name(p)),
    };
    let textf = |p: &Path| match overlay.get(p) {
        Some(text) => TextFile::from_text(
            p.to_path_buf(),
            file_name(p),
            text.to_string(),
            text.len() as u64,
            Vec::new(),
        ),
        None => TextFile::load(p, file_name(p)),
    };
    c.definition = files.definition.as_deref().map(data);
    c.properties = files.properties.as_deref().map(data);
    c.settings = files.settings.as_deref().map(data);
    c.icon = files
        .icon
        .as_deref()
        .map(|p| crate::model::BinaryFile::load(p, file_name(p)));
    c.script = files.script.as_deref().map(textf);
    c.readme = files.readme.as_deref().map(textf);
    c.intro = files.intro.as_deref().map(textf);
    c
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
    pub profile: Profile,
    /// The configuration file used, and its error when it could not be read.
    pub config: Option<PathBuf>,
    pub config_error: Option<ConfigError>,
}

/// Lint a connector as `connkit lint DIR` would: its configuration's profile and levels,
/// then `[[ignore]]` entries and inline `x-connkit-ignore`. A configuration with errors is
/// reported and the connector is linted with the defaults (the command line stops instead;
/// an editor is better served by findings).
pub fn lint(dir: &Path, overlay: &Overlay) -> Linted {
    let (config_path, eff) = configuration(dir, overlay);
    let (eff, config_error) = match eff {
        Ok(e) => (e, None),
        Err(e) => (Effective::default(), Some(e)),
    };
    let connector = load(dir, overlay);
    let (profile, _) = config::resolve_profile(None, eff.profile, dir);
    let mut findings = rules::lint(&connector, profile, &eff.options);
    let mut sups = eff.ignores.clone();
    sups.extend(suppress::inline(&connector));
    suppress::apply(&mut findings, &sups);
    Linted {
        connector,
        findings,
        profile,
        config: config_path,
        config_error,
    }
}

/// The connector folder a file belongs to: its own folder for connector files; for
/// `connkit.toml`, `None` (it configures every connector below it).
pub fn connector_dir_of(path: &Path) -> Option<PathBuf> {
    let name = file_name(path);
    kind_of(&name)?;
    path.parent().map(Path::to_path_buf)
}
