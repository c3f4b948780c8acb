//! The connector model: find a connector's files, read them leniently, keep positions.
//!
//! Everything here reads each file exactly once; rules only ever see this model.

pub(crate) mod access;
pub(crate) mod codes;
pub mod discover;
pub(crate) mod ignore;
pub mod json_schema;
pub(crate) mod jsontext;
pub(crate) mod names;
pub(crate) mod parse;
pub mod pointer;
pub(crate) mod position;
pub(crate) mod request;
pub(crate) mod swagger;
pub(crate) mod types;
pub(crate) mod walk;

use std::path::{Path, PathBuf};

use serde_json::Value;

pub(crate) use codes::IssueKind;
pub(crate) use parse::LoadIssue;
pub(crate) use position::{LineIndex, Span};

/// Which file of a connector a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum FileKind {
    Definition,
    Properties,
    Settings,
    Icon,
    Script,
    Readme,
    Intro,
    /// The connector folder itself (a missing or ambiguous file).
    Folder,
}

impl FileKind {
    /// The conventional file name, used when the file does not exist.
    pub(crate) fn default_name(self) -> &'static str {
        match self {
            FileKind::Definition => "apiDefinition.swagger.json",
            FileKind::Properties => "apiProperties.json",
            FileKind::Settings => "settings.json",
            FileKind::Icon => "icon.png",
            FileKind::Script => "script.csx",
            FileKind::Readme => "readme.md",
            FileKind::Intro => "intro.md",
            FileKind::Folder => ".",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Json,
    Yaml,
}

/// A JSON or YAML file: its text, the parsed value (when it could be understood) and the
/// problems found while reading it.
#[derive(Debug)]
pub struct DataFile {
    /// Path relative to the connector folder, as found on disk (case preserved).
    pub(crate) rel_path: String,
    pub(crate) path: PathBuf,
    pub(crate) text: String,
    pub(crate) format: Format,
    pub(crate) value: Option<Value>,
    pub(crate) issues: Vec<LoadIssue>,
    lines: std::sync::OnceLock<LineIndex>,
    /// serde_json read the text as it is (strict JSON: no recovery was needed).
    strict: bool,
    /// Whether the JSON text holds an escape that can hide a word (see [`DataFile::has_escapes`]),
    /// found on first use: several rules ask, and each search reads the whole text.
    escapes: std::sync::OnceLock<bool>,
}

impl DataFile {
    /// Read and parse a file. Never fails: I/O errors become a `FileUnreadable` issue.
    pub fn load(path: &Path, rel_path: String) -> DataFile {
        let mut issues = Vec::new();
        let text = match read_bounded(path) {
            Ok(bytes) => parse::decode(&bytes, &mut issues),
            Err(issue) => {
                issues.push(issue);
                String::new()
            }
        };
        let unreadable = issues
            .first()
            .is_some_and(|i| matches!(i.kind, IssueKind::FileUnreadable | IssueKind::FileTooLarge));
        DataFile::from_text(path.to_path_buf(), rel_path, text, issues, unreadable)
    }

    /// Parse text already in memory (used by diff, verify-package, tests).
    pub(crate) fn from_text(
        path: PathBuf,
        rel_path: String,
        text: String,
        mut issues: Vec<LoadIssue>,
        skip_parse: bool,
    ) -> DataFile {
        let lower = rel_path.to_ascii_lowercase();
        let format = if lower.ends_with(".yaml") || lower.ends_with(".yml") {
            Format::Yaml
        } else if lower.ends_with(".json") || text.trim_start().starts_with(['{', '[']) {
            Format::Json
        } else if text.trim_start().starts_with("swagger:")
            || text.trim_start().starts_with("openapi:")
        {
            Format::Yaml
        } else {
            Format::Json
        };
        let before = issues.len();
        let value = if skip_parse {
            None
        } else if text.trim().is_empty() {
            issues.push(LoadIssue {
                kind: IssueKind::JsonSyntaxError,
                offset: Some(0),
                pointer: None,
                message: "file is empty".into(),
            });
            None
        } else {
            match format {
                Format::Json => parse::parse_json(&text, &mut issues),
                Format::Yaml => parse::parse_yaml(&text, &mut issues),
            }
        };
        // The strict reading reports nothing but duplicate keys; the lenient one always
        // reports at least one other problem.
        let strict = format == Format::Json
            && value.is_some()
            && issues[before..]
                .iter()
                .all(|i| i.kind == IssueKind::JsonDuplicateKey);
        DataFile {
            rel_path,
            path,
            text,
            format,
            value,
            issues,
            strict,
            lines: Default::default(),
            escapes: Default::default(),
        }
    }

    pub(crate) fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(&self.text))
    }

    /// Whether `word` (a key or string a rule looks for) may occur in the parsed value: false
    /// only when the JSON text has neither the word nor an escape that could spell it (`\u`,
    /// or for the lenient reader's JSON5 `\x` and line continuations). A fast pre-check (a substring search) for rules
    /// that look for a rare key across the whole tree. YAML can spell a key in too many ways
    /// to rule anything out.
    pub(crate) fn may_contain(&self, word: &str) -> bool {
        match self.format {
            // memchr's substring search (vectorized) instead of `str::contains`: these scans
            // read the whole text and ran for several rules per connector.
            Format::Json => {
                let text = self.text.as_bytes();
                memchr::memmem::find(text, word.as_bytes()).is_some() || self.has_escapes()
            }
            Format::Yaml => true,
        }
    }

    /// [`DataFile::may_contain`] for any of `words` (given in lower case) in any ASCII case:
    /// false only when the JSON text has none of them and no escape that could spell one.
    pub(crate) fn may_contain_any_ascii_case(&self, words: &[&str]) -> bool {
        match self.format {
            Format::Json => {
                let lower = self.text.to_ascii_lowercase();
                words
                    .iter()
                    .any(|w| memchr::memmem::find(lower.as_bytes(), w.as_bytes()).is_some())
                    || self.has_escapes()
            }
            Format::Yaml => true,
        }
    }

    /// Whether the text has an escape that can spell a letter, digit, `.` or `-` (`\u`, the
    /// lenient reader's `\x`) or join two pieces of text (its line continuations: a
    /// backslash before a line break), so that a word may be in the parsed value and not in
    /// the text.
    pub(crate) fn has_escapes(&self) -> bool {
        *self.escapes.get_or_init(|| {
            let text = self.text.as_bytes();
            memchr::memchr_iter(b'\\', text).any(|i| match text.get(i + 1..) {
                Some([b'u' | b'x' | b'\n' | b'\r', ..]) => true,
                // U+2028 and U+2029 (line continuations too)
                Some([0xE2, 0x80, 0xA8 | 0xA9, ..]) => true,
                _ => false,
            })
        })
    }

    /// Spans for many pointers at once (one pass of the position scanner, which bounds its
    /// own nesting). YAML files get the best line a key search can find.
    pub(crate) fn locate_all(&self, pointers: &[&str]) -> Vec<Option<Span>> {
        match self.format {
            Format::Json if self.strict => {
                position::locate_all_in_strict_json(&self.text, pointers)
            }
            Format::Json => position::locate_all(&self.text, pointers),
            Format::Yaml => {
                let index = YamlIndex::new(&self.text);
                pointers.iter().map(|p| index.locate(p)).collect()
            }
        }
    }
}

/// Best-effort YAML positions: one pass over the lines builds a tree of the block-style keys
/// and sequence entries (by indentation), then each pointer follows it down, stopping at the
/// deepest key it finds. The YAML crate has no spans; definitions in YAML are rare, so this
/// heuristic is enough to put the caret on the right key in practice. Building the index is
/// linear in the text and each lookup in the pointer's length, so a YAML file with tens of
/// thousands of findings costs no more than a JSON one (searching the text per pointer was
/// findings × file size).
struct YamlIndex {
    /// Span of each node; node 0 is the document (spans the first byte).
    spans: Vec<Span>,
    /// Sequence entries seen so far below each node.
    items: Vec<usize>,
    children: foldhash::HashMap<(usize, String), usize>,
}

impl YamlIndex {
    fn new(text: &str) -> YamlIndex {
        let mut ix = YamlIndex {
            spans: vec![Span { start: 0, end: 1 }],
            items: vec![0],
            children: Default::default(),
        };
        // Open nodes: (column, node, is a sequence entry).
        let mut stack: Vec<(usize, usize, bool)> = Vec::new();
        // Inside a block scalar (`|`, `>`) started by a key at this column.
        let mut block: Option<usize> = None;
        let mut offset = 0usize;
        for line in text.split_inclusive('\n') {
            let here = offset;
            offset += line.len();
            let content = line.trim_end_matches(['\n', '\r']);
            let body = content.trim_start_matches([' ', '\t']);
            let mut col = content.len() - body.len();
            if body.is_empty() || body.starts_with('#') {
                continue;
            }
            if let Some(b) = block {
                if col > b {
                    continue;
                }
                block = None;
            }
            if col == 0 && (body.starts_with("---") || body.starts_with("...")) {
                stack.clear();
                continue;
            }
            let mut rest = body;
            // Sequence entries, possibly several on one line (`- - a`).
            while rest == "-" || rest.starts_with("- ") || rest.starts_with("-\t") {
                while stack
                    .last()
                    .is_some_and(|&(c, _, item)| c > col || (c == col && item))
                {
                    stack.pop();
                }
                let parent = stack.last().map_or(0, |&(_, n, _)| n);
                let index = ix.items[parent];
                ix.items[parent] += 1;
                let node = ix.add(parent, index.to_string(), here + col, 1);
                stack.push((col, node, true));
                let after = rest[1..].trim_start_matches([' ', '\t']);
                col += rest.len() - after.len();
                rest = after;
            }
            let Some((key, written, value)) = yaml_key(rest) else {
                continue;
            };
            while stack.last().is_some_and(|&(c, _, _)| c >= col) {
                stack.pop();
            }
            let parent = stack.last().map_or(0, |&(_, n, _)| n);
            let node = ix.add(parent, key, here + col, written);
            stack.push((col, node, false));
            if value.starts_with(['|', '>']) {
                block = Some(col);
            }
        }
        ix
    }

    /// The node for `key` below `parent`, created at `start` if new (the first of duplicate
    /// keys keeps its place).
    fn add(&mut self, parent: usize, key: String, start: usize, len: usize) -> usize {
        let next = self.spans.len();
        let node = *self.children.entry((parent, key)).or_insert(next);
        if node == next {
            self.spans.push(Span {
                start,
                end: start + len.max(1),
            });
            self.items.push(0);
        }
        node
    }

    fn locate(&self, pointer: &str) -> Option<Span> {
        let tokens = pointer::tokens(pointer)?;
        let mut node = 0usize;
        for tok in tokens {
            match self.children.get(&(node, tok)) {
                Some(&n) => node = n,
                None => break,
            }
        }
        Some(self.spans[node])
    }
}

/// A block mapping key at the start of `s`: (the key, its length as written, the value text
/// after the colon). Quoted keys are unquoted; flow collections and plain text are not keys.
fn yaml_key(s: &str) -> Option<(String, usize, &str)> {
    let (key, written) = match s.as_bytes().first()? {
        b'"' => {
            let b = s.as_bytes();
            let mut i = 1;
            let mut key = String::new();
            loop {
                match b.get(i)? {
                    b'"' => break,
                    b'\\' => {
                        let c = s.get(i + 1..)?.chars().next()?;
                        key.push(c);
                        i += 1 + c.len_utf8();
                    }
                    _ => {
                        let c = s[i..].chars().next()?;
                        key.push(c);
                        i += c.len_utf8();
                    }
                }
            }
            (key, i + 1)
        }
        b'\'' => {
            let b = s.as_bytes();
            let mut i = 1;
            loop {
                match b.get(i)? {
                    b'\'' if b.get(i + 1) == Some(&b'\'') => i += 2,
                    b'\'' => break,
                    _ => i += 1,
                }
            }
            (s[1..i].replace("''", "'"), i + 1)
        }
        b'[' | b'{' | b'?' | b'#' | b'&' | b'*' | b'!' | b'|' | b'>' | b'%' | b'@' | b'`' => {
            return None;
        }
        _ => {
            let b = s.as_bytes();
            let end = (0..b.len()).find(|&i| {
                b[i] == b':' && b.get(i + 1).is_none_or(|c| *c == b' ' || *c == b'\t')
            })?;
            let key = s[..end].trim_end_matches([' ', '\t']);
            (key.to_string(), key.len())
        }
    };
    let after = s[written..].trim_start_matches([' ', '\t']);
    let value = after.strip_prefix(':')?;
    if !(value.is_empty() || value.starts_with([' ', '\t'])) {
        return None;
    }
    Some((key, written, value.trim_start_matches([' ', '\t'])))
}

/// Files larger than this are not read. The platform itself refuses definitions over 1 MB;
/// 32× that leaves room for every real file while keeping memory and time bounded on
/// hostile input (a 100 MB definition costs one `stat`, not a parse).
pub(crate) const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Read a connector file with [`crate::fsx::read_in_folder`]: a regular file (not a FIFO or
/// device, not a symlink out of its folder) of at most [`MAX_FILE_BYTES`]. Failures are load issues, never errors that stop the run.
pub(crate) fn read_bounded(path: &Path) -> Result<Vec<u8>, LoadIssue> {
    let issue = |kind: IssueKind, message: String| LoadIssue {
        kind,
        offset: None,
        pointer: None,
        message,
    };
    crate::fsx::read_in_folder(path, MAX_FILE_BYTES).map_err(|e| match e {
        crate::fsx::ReadError::TooLarge { size, .. } => issue(
            IssueKind::FileTooLarge,
            format!(
                "{} is {:.1} MB; connkit reads files up to {} MB (the platform accepts definitions up to 1 MB)",
                path.display(),
                size as f64 / 1e6,
                MAX_FILE_BYTES / 1024 / 1024
            ),
        ),
        e @ crate::fsx::ReadError::Io(_) => issue(
            IssueKind::FileUnreadable,
            format!("cannot read {}: {e}", path.display()),
        ),
        e => issue(IssueKind::FileUnreadable, format!("{}: {e}", path.display())),
    })
}

/// A text file (markdown, C# script).
#[derive(Debug)]
pub struct TextFile {
    pub rel_path: String,
    pub path: PathBuf,
    pub text: String,
    /// Size in bytes on disk.
    pub(crate) size: u64,
    pub(crate) issues: Vec<LoadIssue>,
    lines: std::sync::OnceLock<LineIndex>,
    /// An analysis of the text kept with it (script.csx's syntax model), so that a file the
    /// language server takes over unchanged is not analysed again.
    pub(crate) analysis: Analysis,
}

/// One analysis of a file's text, computed on first use by the layer that owns it (the
/// model cannot name its type: `scripts` sits above `model`). Whoever changes the text of a
/// [`TextFile`] in place must not have asked for it before.
#[derive(Default)]
pub(crate) struct Analysis(std::sync::OnceLock<std::sync::Arc<dyn std::any::Any + Send + Sync>>);

impl Analysis {
    /// The analysis, computed by `init` the first time; `None` if another type was stored.
    pub(crate) fn get_or_init<T: std::any::Any + Send + Sync>(
        &self,
        init: impl FnOnce() -> T,
    ) -> Option<std::sync::Arc<T>> {
        self.0
            .get_or_init(|| std::sync::Arc::new(init()))
            .clone()
            .downcast()
            .ok()
    }
}

impl std::fmt::Debug for Analysis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.get().is_some() {
            "Analysis(computed)"
        } else {
            "Analysis(empty)"
        })
    }
}

impl TextFile {
    pub(crate) fn load(path: &Path, rel_path: String) -> TextFile {
        let mut issues = Vec::new();
        let (text, size) = match read_bounded(path) {
            Ok(bytes) => (parse::decode(&bytes, &mut issues), bytes.len() as u64),
            Err(issue) => {
                issues.push(issue);
                (String::new(), 0)
            }
        };
        TextFile::from_text(path.to_path_buf(), rel_path, text, size, issues)
    }

    pub fn from_text(
        path: PathBuf,
        rel_path: String,
        text: String,
        size: u64,
        issues: Vec<LoadIssue>,
    ) -> TextFile {
        TextFile {
            rel_path,
            path,
            text,
            size,
            issues,
            lines: Default::default(),
            analysis: Analysis::default(),
        }
    }

    pub(crate) fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(&self.text))
    }
}

/// A binary file (icon.png).
#[derive(Debug)]
pub(crate) struct BinaryFile {
    pub(crate) rel_path: String,
    pub(crate) path: PathBuf,
    pub(crate) bytes: Vec<u8>,
    pub(crate) issues: Vec<LoadIssue>,
}

impl BinaryFile {
    pub(crate) fn load(path: &Path, rel_path: String) -> BinaryFile {
        let mut issues = Vec::new();
        let bytes = read_bounded(path).unwrap_or_else(|issue| {
            issues.push(issue);
            Vec::new()
        });
        BinaryFile {
            rel_path,
            path: path.to_path_buf(),
            bytes,
            issues,
        }
    }
}

/// A problem with the folder as a whole (a file found twice, a file that is a directory…).
#[derive(Debug, Clone)]
pub(crate) struct FolderIssue {
    pub(crate) kind: IssueKind,
    pub(crate) file: FileKind,
    pub(crate) message: String,
}

/// One connector: a folder with its files, each read once.
#[derive(Debug, Default)]
pub struct Connector {
    /// The folder (or, for a lone definition file, the file's folder).
    pub(crate) dir: PathBuf,
    /// How to show this connector's path to the user: as given, or as found under it.
    pub(crate) display: String,
    /// True when the user pointed at one definition file rather than a folder: the other
    /// files are then not expected.
    pub(crate) single_file: bool,
    pub(crate) definition: Option<DataFile>,
    pub(crate) properties: Option<DataFile>,
    pub(crate) settings: Option<DataFile>,
    pub(crate) icon: Option<BinaryFile>,
    pub script: Option<TextFile>,
    pub readme: Option<TextFile>,
    pub intro: Option<TextFile>,
    pub(crate) folder_issues: Vec<FolderIssue>,
}

impl Connector {
    /// Load a connector folder, finding its files case-insensitively.
    pub fn load_dir(dir: &Path, display: String) -> Connector {
        let mut c = Connector {
            dir: dir.to_path_buf(),
            display,
            ..Default::default()
        };
        let files = discover::connector_files(dir, &mut c.folder_issues);
        let rel = |p: &Path| {
            p.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        c.definition = files
            .definition
            .as_deref()
            .map(|p| DataFile::load(p, rel(p)));
        c.properties = files
            .properties
            .as_deref()
            .map(|p| DataFile::load(p, rel(p)));
        c.settings = files.settings.as_deref().map(|p| DataFile::load(p, rel(p)));
        c.icon = files.icon.as_deref().map(|p| BinaryFile::load(p, rel(p)));
        c.script = files.script.as_deref().map(|p| TextFile::load(p, rel(p)));
        c.readme = files.readme.as_deref().map(|p| TextFile::load(p, rel(p)));
        c.intro = files.intro.as_deref().map(|p| TextFile::load(p, rel(p)));
        c
    }

    /// Load a single definition file.
    pub fn load_file(path: &Path, display: String) -> Connector {
        let rel = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Connector {
            dir: path.parent().map(Path::to_path_buf).unwrap_or_default(),
            display,
            single_file: true,
            definition: Some(DataFile::load(path, rel)),
            ..Default::default()
        }
    }

    /// The parsed definition, when there is one that could be read.
    pub fn definition_value(&self) -> Option<&Value> {
        self.definition.as_ref().and_then(|d| d.value.as_ref())
    }

    /// [`DataFile::may_contain`] for the definition (false when there is none).
    pub(crate) fn definition_may_contain(&self, word: &str) -> bool {
        self.definition
            .as_ref()
            .is_some_and(|d| d.may_contain(word))
    }

    pub(crate) fn properties_value(&self) -> Option<&Value> {
        self.properties.as_ref().and_then(|d| d.value.as_ref())
    }

    /// The paths of every file loaded (the inputs no output may replace).
    pub(crate) fn file_paths(&self) -> Vec<PathBuf> {
        let data = [&self.definition, &self.properties, &self.settings];
        let text = [&self.script, &self.readme, &self.intro];
        data.into_iter()
            .flatten()
            .map(|f| f.path.clone())
            .chain(text.into_iter().flatten().map(|f| f.path.clone()))
            .chain(self.icon.iter().map(|f| f.path.clone()))
            .collect()
    }

    /// The relative path shown for a file kind (the real name when the file exists).
    pub(crate) fn file_name(&self, kind: FileKind) -> String {
        let found = match kind {
            FileKind::Definition => self.definition.as_ref().map(|f| f.rel_path.clone()),
            FileKind::Properties => self.properties.as_ref().map(|f| f.rel_path.clone()),
            FileKind::Settings => self.settings.as_ref().map(|f| f.rel_path.clone()),
            FileKind::Icon => self.icon.as_ref().map(|f| f.rel_path.clone()),
            FileKind::Script => self.script.as_ref().map(|f| f.rel_path.clone()),
            FileKind::Readme => self.readme.as_ref().map(|f| f.rel_path.clone()),
            FileKind::Intro => self.intro.as_ref().map(|f| f.rel_path.clone()),
            FileKind::Folder => None,
        };
        found.unwrap_or_else(|| kind.default_name().to_string())
    }

    pub(crate) fn data_file(&self, kind: FileKind) -> Option<&DataFile> {
        match kind {
            FileKind::Definition => self.definition.as_ref(),
            FileKind::Properties => self.properties.as_ref(),
            FileKind::Settings => self.settings.as_ref(),
            _ => None,
        }
    }

    pub(crate) fn text_file(&self, kind: FileKind) -> Option<&TextFile> {
        match kind {
            FileKind::Script => self.script.as_ref(),
            FileKind::Readme => self.readme.as_ref(),
            FileKind::Intro => self.intro.as_ref(),
            _ => None,
        }
    }

    /// Every load issue of every file, with the file it belongs to.
    pub(crate) fn load_issues(&self) -> impl Iterator<Item = (FileKind, &LoadIssue)> {
        let data = [
            (
                FileKind::Definition,
                self.definition.as_ref().map(|f| &f.issues),
            ),
            (
                FileKind::Properties,
                self.properties.as_ref().map(|f| &f.issues),
            ),
            (
                FileKind::Settings,
                self.settings.as_ref().map(|f| &f.issues),
            ),
            (FileKind::Script, self.script.as_ref().map(|f| &f.issues)),
            (FileKind::Readme, self.readme.as_ref().map(|f| &f.issues)),
            (FileKind::Intro, self.intro.as_ref().map(|f| &f.issues)),
            (FileKind::Icon, self.icon.as_ref().map(|f| &f.issues)),
        ];
        data.into_iter()
            .flat_map(|(k, v)| v.into_iter().flatten().map(move |i| (k, i)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn may_contain_is_false_only_when_the_word_cannot_be_there() {
        let file = |name: &str, text: &str| {
            DataFile::from_text(
                PathBuf::from(name),
                name.into(),
                text.into(),
                Vec::new(),
                false,
            )
        };
        let plain = file("a.json", r#"{"selectedItemValuePath": 1}"#);
        assert!(plain.may_contain("selectedItemValuePath"));
        assert!(!plain.may_contain("x-connkit-ignore"));
        // Spelled with escapes: the parsed key is the word, so the pre-check must say maybe.
        let escaped = file("b.json", r#"{"\u0078-connkit-ignore": ["A"]}"#);
        assert_eq!(
            escaped
                .value
                .as_ref()
                .and_then(|v| v.get("x-connkit-ignore")),
            Some(&serde_json::json!(["A"]))
        );
        assert!(escaped.may_contain("x-connkit-ignore"));
        // JSON5 line continuations join two pieces of a string (the lenient reader's).
        let continued = file("d.json", "{\"a\": \"x-connkit-\\\nignore\",}");
        assert_eq!(
            continued.value.as_ref().and_then(|v| v.get("a")),
            Some(&serde_json::json!("x-connkit-ignore"))
        );
        assert!(continued.may_contain("x-connkit-ignore"));
        let hosts = [".example", ".test"];
        assert!(
            file("e.json", r#"{"host": "API.Contoso.TEST"}"#).may_contain_any_ascii_case(&hosts)
        );
        assert!(
            !file("f.json", r#"{"host": "api.contoso.com"}"#).may_contain_any_ascii_case(&hosts)
        );
        assert!(
            file("g.json", r#"{"host": "api.contoso\u002etest"}"#)
                .may_contain_any_ascii_case(&hosts)
        );
        assert!(file("c.yaml", "a: 1\n").may_contain("anything"));
    }

    #[test]
    fn yaml_locate_follows_indentation() {
        let t = "swagger: '2.0'\npaths:\n  /a:\n    get:\n      operationId: A\n  /b:\n    get:\n      parameters:\n        - name: x\n        - name: y\n";
        let yaml = YamlIndex::new(t);
        let s = yaml.locate("/paths/~1b/get").unwrap();
        let idx = LineIndex::new(t);
        assert_eq!(idx.line_col(t, s.start).line, 7);
        let s = yaml.locate("/paths/~1b/get/parameters/1").unwrap();
        assert_eq!(idx.line_col(t, s.start).line, 10);
    }

    #[test]
    fn yaml_index_reads_quoted_keys_block_scalars_and_unindented_sequences() {
        let t = "paths:\n  '/a':\n    \"get\":\n      description: |\n        responses: not a key\n      responses:\n        '200':\n          description: ok\n      parameters:\n      - name: x\n        in: query\n      - name: y\n# a comment\nhost: x.com\n";
        let yaml = YamlIndex::new(t);
        let idx = LineIndex::new(t);
        let line = |p: &str| idx.line_col(t, yaml.locate(p).unwrap().start).line;
        assert_eq!(line("/paths/~1a/get"), 3);
        assert_eq!(line("/paths/~1a/get/responses"), 6);
        assert_eq!(line("/paths/~1a/get/responses/200/description"), 8);
        assert_eq!(line("/paths/~1a/get/parameters/0/in"), 11);
        assert_eq!(line("/paths/~1a/get/parameters/1"), 12);
        assert_eq!(line("/host"), 14);
        // A pointer past what is written stops at the deepest key found.
        assert_eq!(line("/paths/~1a/get/parameters/1/missing/deeper"), 12);
        assert_eq!(line("/nothing"), 1);
    }

    #[test]
    fn yaml_positions_for_many_pointers_are_one_pass() {
        let mut t = String::from("paths:\n");
        for i in 0..20_000 {
            t.push_str(&format!("  /p{i}:\n    get:\n      summary: s\n"));
        }
        let f = DataFile::from_text("a.yaml".into(), "a.yaml".into(), t, vec![], true);
        let ptrs: Vec<String> = (0..20_000).map(|i| format!("/paths/~1p{i}/get")).collect();
        let refs: Vec<&str> = ptrs.iter().map(String::as_str).collect();
        let spans = f.locate_all(&refs);
        let idx = f.lines();
        assert_eq!(
            idx.line_col(&f.text, spans[19_999].unwrap().start).line,
            3 * 19_999 + 3
        );
    }

    #[test]
    fn empty_file_is_an_issue_not_a_panic() {
        let f = DataFile::from_text(
            PathBuf::from("x.json"),
            "x.json".into(),
            "  ".into(),
            vec![],
            false,
        );
        assert!(f.value.is_none());
        assert_eq!(f.issues[0].kind, IssueKind::JsonSyntaxError);
    }
}
