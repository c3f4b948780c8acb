//! The connector model: find a connector's files, read them leniently, keep positions.
//!
//! Everything here reads each file exactly once; rules only ever see this model.

pub mod access;
pub mod codes;
pub mod discover;
pub mod parse;
pub mod pointer;
pub mod position;
pub mod swagger;
pub mod walk;

use std::path::{Path, PathBuf};

use serde_json::Value;

pub use parse::LoadIssue;
pub use position::{LineCol, LineIndex, Span};

/// Which file of a connector a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileKind {
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
    pub fn default_name(self) -> &'static str {
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
pub enum Format {
    Json,
    Yaml,
}

/// A JSON or YAML file: its text, the parsed value (when it could be understood) and the
/// problems found while reading it.
#[derive(Debug)]
pub struct DataFile {
    /// Path relative to the connector folder, as found on disk (case preserved).
    pub rel_path: String,
    pub path: PathBuf,
    pub text: String,
    pub format: Format,
    pub value: Option<Value>,
    pub issues: Vec<LoadIssue>,
    lines: std::sync::OnceLock<LineIndex>,
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
            .is_some_and(|i| matches!(i.code, codes::FILE_UNREADABLE | codes::FILE_TOO_LARGE));
        DataFile::from_text(path.to_path_buf(), rel_path, text, issues, unreadable)
    }

    /// Parse text already in memory (used by diff, verify-package, tests).
    pub fn from_text(
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
        let value = if skip_parse {
            None
        } else if text.trim().is_empty() {
            issues.push(LoadIssue {
                code: codes::JSON_SYNTAX_ERROR,
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
        DataFile {
            rel_path,
            path,
            text,
            format,
            value,
            issues,
            lines: Default::default(),
        }
    }

    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(&self.text))
    }

    /// Whether `word` (a key or string a rule looks for) may occur in the parsed value: false
    /// only when the JSON text has neither the word nor any `\u` (or, for the lenient reader's
    /// JSON5, `\x`) escape that could spell it. A fast pre-check (a substring search) for rules
    /// that look for a rare key across the whole tree. YAML can spell a key in too many ways
    /// to rule anything out.
    pub fn may_contain(&self, word: &str) -> bool {
        match self.format {
            Format::Json => {
                self.text.contains(word) || self.text.contains("\\u") || self.text.contains("\\x")
            }
            Format::Yaml => true,
        }
    }

    /// Spans for many pointers at once (one pass of the position scanner, which bounds its
    /// own nesting). YAML files get the best line a key search can find.
    pub fn locate_all(&self, pointers: &[&str]) -> Vec<Option<Span>> {
        match self.format {
            Format::Json => position::locate_all(&self.text, pointers),
            Format::Yaml => pointers
                .iter()
                .map(|p| yaml_locate(&self.text, p))
                .collect(),
        }
    }
}

/// Best-effort YAML position: follow the pointer's keys down by indentation. The YAML crate
/// has no spans; definitions in YAML are rare, so this heuristic is enough to put the caret
/// on the right key in practice.
fn yaml_locate(text: &str, pointer: &str) -> Option<Span> {
    let tokens = pointer::tokens(pointer)?;
    let mut offset = 0usize;
    let mut min_indent: i64 = -1;
    let mut found = Span { start: 0, end: 1 };
    'tok: for tok in tokens {
        if tok.parse::<usize>().is_ok() {
            // Array index: find the n-th "- " entry below the current indent.
            let n: usize = tok.parse().ok()?;
            let mut seen = 0;
            let mut off = offset;
            for line in text[offset..].split_inclusive('\n') {
                let indent = (line.len() - line.trim_start().len()) as i64;
                if line.trim_start().starts_with("- ") || line.trim() == "-" {
                    if indent > min_indent {
                        if seen == n {
                            found = Span {
                                start: off + indent as usize,
                                end: off + indent as usize + 1,
                            };
                            offset = off;
                            min_indent = indent;
                            continue 'tok;
                        }
                        seen += 1;
                    }
                } else if indent <= min_indent && !line.trim().is_empty() && off != offset {
                    return Some(found);
                }
                off += line.len();
            }
            return Some(found);
        }
        let mut off = offset;
        for line in text[offset..].split_inclusive('\n') {
            let trimmed = line.trim_start().trim_start_matches("- ");
            let indent = (line.len() - trimmed.len()) as i64;
            let key_match = trimmed.strip_prefix(tok.as_str()).or_else(|| {
                trimmed
                    .strip_prefix(&format!("\"{tok}\""))
                    .or_else(|| trimmed.strip_prefix(&format!("'{tok}'")))
            });
            if indent > min_indent && key_match.is_some_and(|r| r.trim_start().starts_with(':')) {
                found = Span {
                    start: off + indent as usize,
                    end: off + indent as usize + tok.len(),
                };
                offset = off + line.len();
                min_indent = indent;
                continue 'tok;
            }
            if indent <= min_indent && !line.trim().is_empty() && off != offset {
                return Some(found);
            }
            off += line.len();
        }
        return Some(found);
    }
    Some(found)
}

/// Files larger than this are not read. The platform itself refuses definitions over 1 MB;
/// 32× that leaves room for every real file while keeping memory and time bounded on
/// hostile input (a 100 MB definition costs one `stat`, not a parse).
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Read a connector file with [`crate::fsx::read_in_folder`]: a regular file (not a FIFO or
/// device, not a symlink out of its folder) of at most [`MAX_FILE_BYTES`]. Failures are load issues, never errors that stop the run.
pub fn read_bounded(path: &Path) -> Result<Vec<u8>, LoadIssue> {
    let issue = |code: &'static str, message: String| LoadIssue {
        code,
        offset: None,
        pointer: None,
        message,
    };
    crate::fsx::read_in_folder(path, MAX_FILE_BYTES).map_err(|e| match e {
        crate::fsx::ReadError::TooLarge { size, .. } => issue(
            codes::FILE_TOO_LARGE,
            format!(
                "{} is {:.1} MB; connkit reads files up to {} MB (the platform accepts definitions up to 1 MB)",
                path.display(),
                size as f64 / 1e6,
                MAX_FILE_BYTES / 1024 / 1024
            ),
        ),
        e @ crate::fsx::ReadError::Io(_) => issue(
            codes::FILE_UNREADABLE,
            format!("cannot read {}: {e}", path.display()),
        ),
        e => issue(codes::FILE_UNREADABLE, format!("{}: {e}", path.display())),
    })
}

/// A text file (markdown, C# script).
#[derive(Debug)]
pub struct TextFile {
    pub rel_path: String,
    pub path: PathBuf,
    pub text: String,
    /// Size in bytes on disk.
    pub size: u64,
    pub issues: Vec<LoadIssue>,
    lines: std::sync::OnceLock<LineIndex>,
}

impl TextFile {
    pub fn load(path: &Path, rel_path: String) -> TextFile {
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
        }
    }

    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(&self.text))
    }
}

/// A binary file (icon.png).
#[derive(Debug)]
pub struct BinaryFile {
    pub rel_path: String,
    pub path: PathBuf,
    pub bytes: Vec<u8>,
    pub issues: Vec<LoadIssue>,
}

impl BinaryFile {
    pub fn load(path: &Path, rel_path: String) -> BinaryFile {
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
pub struct FolderIssue {
    pub code: &'static str,
    pub file: FileKind,
    pub message: String,
}

/// One connector: a folder with its files, each read once.
#[derive(Debug, Default)]
pub struct Connector {
    /// The folder (or, for a lone definition file, the file's folder).
    pub dir: PathBuf,
    /// How to show this connector's path to the user: as given, or as found under it.
    pub display: String,
    /// True when the user pointed at one definition file rather than a folder: the other
    /// files are then not expected.
    pub single_file: bool,
    pub definition: Option<DataFile>,
    pub properties: Option<DataFile>,
    pub settings: Option<DataFile>,
    pub icon: Option<BinaryFile>,
    pub script: Option<TextFile>,
    pub readme: Option<TextFile>,
    pub intro: Option<TextFile>,
    pub folder_issues: Vec<FolderIssue>,
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
    pub fn definition_may_contain(&self, word: &str) -> bool {
        self.definition
            .as_ref()
            .is_some_and(|d| d.may_contain(word))
    }

    pub fn properties_value(&self) -> Option<&Value> {
        self.properties.as_ref().and_then(|d| d.value.as_ref())
    }

    /// The paths of every file loaded (the inputs no output may replace).
    pub fn file_paths(&self) -> Vec<PathBuf> {
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
    pub fn file_name(&self, kind: FileKind) -> String {
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

    pub fn data_file(&self, kind: FileKind) -> Option<&DataFile> {
        match kind {
            FileKind::Definition => self.definition.as_ref(),
            FileKind::Properties => self.properties.as_ref(),
            FileKind::Settings => self.settings.as_ref(),
            _ => None,
        }
    }

    pub fn text_file(&self, kind: FileKind) -> Option<&TextFile> {
        match kind {
            FileKind::Script => self.script.as_ref(),
            FileKind::Readme => self.readme.as_ref(),
            FileKind::Intro => self.intro.as_ref(),
            _ => None,
        }
    }

    /// Every load issue of every file, with the file it belongs to.
    pub fn load_issues(&self) -> impl Iterator<Item = (FileKind, &LoadIssue)> {
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
        assert!(file("c.yaml", "a: 1\n").may_contain("anything"));
    }

    #[test]
    fn yaml_locate_follows_indentation() {
        let t = "swagger: '2.0'\npaths:\n  /a:\n    get:\n      operationId: A\n  /b:\n    get:\n      parameters:\n        - name: x\n        - name: y\n";
        let s = yaml_locate(t, "/paths/~1b/get").unwrap();
        let idx = LineIndex::new(t);
        assert_eq!(idx.line_col(t, s.start).line, 7);
        let s = yaml_locate(t, "/paths/~1b/get/parameters/1").unwrap();
        assert_eq!(idx.line_col(t, s.start).line, 10);
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
        assert_eq!(f.issues[0].code, "JsonSyntaxError");
    }
}
