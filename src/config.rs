//! `connkit.toml`: the project configuration for `connkit lint`.
//!
//! Found upward from each connector folder (the nearest `connkit.toml` wins), or given with
//! `--config FILE` for every connector. Unknown keys are errors with their position, as are
//! unknown rule codes, invalid globs and `[[ignore]]` entries without a reason. The JSON Schema
//! in `schemas/connkit.schema.json` is generated from these types (`json_schema`).
//!
//! ```toml
//! fail-on = "warning"
//! profile = "certified"
//!
//! [rules]
//! OperationIdNotUnique = "warning"
//! ReadmeMissing = "off"
//!
//! [[overrides]]
//! connectors = ["legacy/**"]
//! rules = { ParameterMissingSummary = "off" }
//!
//! [[ignore]]
//! code = "OperationIdNotUnique"
//! connector = "certified-connectors/Contoso"
//! pointer = "/paths/~1tasks/get/operationId"
//! reason = "kept for compatibility with flows built in 2019"
//! ```

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use crate::model::position::LineIndex;
use crate::rules::{self, LintOptions, Profile, Severity};

/// The file name looked for in each connector folder and its parents.
pub(crate) const FILE_NAME: &str = "connkit.toml";

/// The whole file.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(
    title = "connkit.toml",
    description = "Configuration of `connkit lint` for the connectors in this folder and below."
)]
pub(crate) struct Config {
    /// Exit with 1 when a finding at or above this level remains. `--fail-on` wins.
    pub(crate) fail_on: Option<FailLevel>,
    /// The profile used when `--profile` is not given (default: auto, from the path).
    pub(crate) profile: Option<ProfileSetting>,
    /// Severity per rule code: "error", "warning", "info", or "off" to disable the rule.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, RuleLevel>")]
    pub(crate) rules: BTreeMap<Spanned<String>, RuleLevel>,
    /// Settings for connectors whose folder matches a glob (relative to this file's folder).
    /// Later entries win over earlier ones and over `[rules]`.
    #[serde(default)]
    pub(crate) overrides: Vec<Override>,
    /// Findings accepted on purpose, each with the reason it is acceptable.
    #[serde(default)]
    pub(crate) ignore: Vec<Ignore>,
}

/// `fail-on` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub(crate) enum FailLevel {
    Error,
    Warning,
    Never,
}

impl FailLevel {
    pub(crate) fn level(self) -> Option<Severity> {
        match self {
            FailLevel::Error => Some(Severity::Error),
            FailLevel::Warning => Some(Severity::Warning),
            FailLevel::Never => None,
        }
    }
}

/// `profile` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ProfileSetting {
    Auto,
    Custom,
    Certified,
    IndependentPublisher,
}

/// The profile a connector at `path` is linted with, and why: the command line's setting
/// wins over connkit.toml's; `auto` (or nothing) decides from the folder names. One place for
/// the command line and the language server.
pub fn resolve_profile(
    flag: Option<ProfileSetting>,
    config: Option<ProfileSetting>,
    path: &Path,
) -> (Profile, crate::core::ProfileSource) {
    use crate::core::ProfileSource;
    match (flag, config) {
        (Some(ProfileSetting::Auto), _) | (None, Some(ProfileSetting::Auto) | None) => {
            let p = Profile::detect(path);
            (p, ProfileSource::detected(p))
        }
        (Some(p), _) => (p.resolve(path), ProfileSource::Flag),
        (None, Some(p)) => (p.resolve(path), ProfileSource::Config),
    }
}

impl ProfileSetting {
    pub(crate) fn resolve(self, path: &Path) -> Profile {
        match self {
            ProfileSetting::Auto => Profile::detect(path),
            ProfileSetting::Custom => Profile::Custom,
            ProfileSetting::Certified => Profile::Certified,
            ProfileSetting::IndependentPublisher => Profile::IndependentPublisher,
        }
    }
}

/// A rule's level in `[rules]` and overrides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub(crate) enum RuleLevel {
    Error,
    Warning,
    Info,
    Off,
}

impl RuleLevel {
    fn severity(self) -> Option<Severity> {
        match self {
            RuleLevel::Error => Some(Severity::Error),
            RuleLevel::Warning => Some(Severity::Warning),
            RuleLevel::Info => Some(Severity::Info),
            RuleLevel::Off => None,
        }
    }
}

/// `[[overrides]]`: settings for some connectors.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Override {
    /// Globs matched against connector folder paths relative to this file's folder, with `/`
    /// (`*` stays within one folder, `**` crosses folders), e.g. `independent-publisher-connectors/*`.
    #[schemars(with = "Vec<String>")]
    pub(crate) connectors: Spanned<Vec<String>>,
    /// The profile for these connectors when `--profile` is not given.
    pub(crate) profile: Option<ProfileSetting>,
    /// `fail-on` for these connectors. `--fail-on` wins.
    pub(crate) fail_on: Option<FailLevel>,
    /// Severity per rule code for these connectors.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, RuleLevel>")]
    pub(crate) rules: BTreeMap<Spanned<String>, RuleLevel>,
}

/// `[[ignore]]`: one accepted finding (or all findings of a code below a pointer).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Ignore {
    /// The rule code.
    #[schemars(with = "String")]
    pub(crate) code: Spanned<String>,
    /// Glob of the connector folder, relative to this file's folder (default: every connector).
    pub(crate) connector: Option<String>,
    /// The file in the connector folder, e.g. `apiProperties.json` (default: any file).
    pub(crate) file: Option<String>,
    /// RFC 6901 JSON pointer: findings at it or below it are ignored (default: the whole file).
    pub(crate) pointer: Option<String>,
    /// Why this finding is acceptable (required, shown in reviews).
    #[schemars(with = "String", length(min = 1))]
    pub(crate) reason: Spanned<String>,
}

/// A configuration error with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub(crate) path: PathBuf,
    /// 1-based line and column (characters), when known.
    pub(crate) position: Option<(usize, usize)>,
    pub(crate) message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.position {
            Some((l, c)) => write!(f, "{}:{l}:{c}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

/// A suppression of findings for one connector (from `[[ignore]]` or `x-connkit-ignore`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    pub(crate) code: String,
    /// The file name as findings report it; `None` for any file.
    pub(crate) file: Option<String>,
    /// Findings at this pointer or below it; `""` for the whole file.
    pub(crate) pointer: String,
}

/// What a configuration decides for one connector.
#[derive(Debug, Clone, Default)]
pub struct Effective {
    pub(crate) fail_on: Option<FailLevel>,
    pub profile: Option<ProfileSetting>,
    pub(crate) options: LintOptions,
    pub ignores: Vec<Suppression>,
    /// For each of `ignores`: its index among the file's `[[ignore]]` entries.
    pub(crate) ignore_index: Vec<usize>,
}

/// A loaded, validated configuration file.
#[derive(Debug)]
pub struct Loaded {
    pub(crate) path: PathBuf,
    /// The folder globs are relative to.
    dir: PathBuf,
    config: Config,
    overrides: Vec<GlobSet>,
    ignores: Vec<(Option<GlobSet>, Suppression)>,
    /// Line and column of each `[[ignore]]` entry's `code`.
    ignore_positions: Vec<(usize, usize)>,
}

/// Line and column (1-based, characters) of a byte offset, through one line index per file:
/// a file of 20,000 `[[ignore]]` entries asks 20,000 times, and counting the newlines from
/// the start each time was quadratic (18.6 s; issue 23).
fn line_col(index: &LineIndex, text: &str, offset: usize) -> (usize, usize) {
    let lc = index.line_col(text, offset);
    (lc.line, lc.column)
}

fn glob(pattern: &str) -> Result<Glob, globset::Error> {
    GlobBuilder::new(pattern.trim_end_matches('/'))
        .literal_separator(true)
        .build()
}

/// Parse and validate configuration text. `path` is only used in messages and for the folder
/// globs are relative to.
pub fn parse(text: &str, path: &Path) -> Result<Loaded, ConfigError> {
    let lines = LineIndex::new(text);
    let err = |span: Option<std::ops::Range<usize>>, message: String| ConfigError {
        path: path.to_path_buf(),
        position: span.map(|s| line_col(&lines, text, s.start)),
        message,
    };
    let config: Config = toml::from_str(text).map_err(|e| {
        // toml's message repeats the snippet over several lines; keep its first line.
        let msg = e
            .message()
            .lines()
            .next()
            .unwrap_or("invalid TOML")
            .to_string();
        err(e.span(), msg)
    })?;
    let check_code = |code: &Spanned<String>| -> Result<(), ConfigError> {
        if rules::registry().iter().any(|r| r.code == code.get_ref()) {
            return Ok(());
        }
        let hint = rules::find(code.get_ref())
            .map(|r| format!(" (did you mean '{}'?)", r.code))
            .unwrap_or_else(|| " (list them with `connkit rules`)".to_string());
        Err(err(
            Some(code.span()),
            format!("unknown rule code '{}'{hint}", code.get_ref()),
        ))
    };
    for code in config.rules.keys() {
        check_code(code)?;
    }
    let mut overrides = Vec::new();
    for o in &config.overrides {
        for code in o.rules.keys() {
            check_code(code)?;
        }
        let mut b = GlobSetBuilder::new();
        if o.connectors.get_ref().is_empty() {
            return Err(err(
                Some(o.connectors.span()),
                "`connectors` needs at least one glob".into(),
            ));
        }
        for g in o.connectors.get_ref() {
            b.add(glob(g).map_err(|e| err(Some(o.connectors.span()), e.to_string()))?);
        }
        overrides.push(
            b.build()
                .map_err(|e| err(Some(o.connectors.span()), e.to_string()))?,
        );
    }
    let mut ignores = Vec::new();
    let mut ignore_positions = Vec::new();
    for i in &config.ignore {
        check_code(&i.code)?;
        if i.reason.get_ref().trim().is_empty() {
            return Err(err(
                Some(i.reason.span()),
                "`reason` must say why the finding is acceptable".into(),
            ));
        }
        let pointer = i.pointer.clone().unwrap_or_default();
        if !pointer.is_empty() && !pointer.starts_with('/') {
            return Err(err(
                Some(i.code.span()),
                format!("`pointer` '{pointer}' is not a JSON pointer (it must start with '/')"),
            ));
        }
        let set = match &i.connector {
            Some(g) => {
                let mut b = GlobSetBuilder::new();
                b.add(glob(g).map_err(|e| err(Some(i.code.span()), e.to_string()))?);
                Some(
                    b.build()
                        .map_err(|e| err(Some(i.code.span()), e.to_string()))?,
                )
            }
            None => None,
        };
        ignore_positions.push(line_col(&lines, text, i.code.span().start));
        ignores.push((
            set,
            Suppression {
                code: i.code.get_ref().clone(),
                file: i.file.clone(),
                pointer,
            },
        ));
    }
    Ok(Loaded {
        path: path.to_path_buf(),
        dir: folder_of(path),
        config,
        overrides,
        ignores,
        ignore_positions,
    })
}

/// The folder a configuration file's globs are relative to: the file's own folder, whatever
/// the spelling of its path. A bare file name (`--config ov.toml`) has the empty parent `""`,
/// which is the current folder, not a folder no connector is under (issue 23).
fn folder_of(path: &Path) -> PathBuf {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    absolute(dir)
}

/// Read and parse a configuration file.
pub(crate) fn load(path: &Path) -> Result<Loaded, ConfigError> {
    let text = crate::fsx::read_capped(path, crate::fsx::MAX_TEXT_BYTES)
        .map_err(|e| e.to_string())
        .and_then(|b| String::from_utf8(b).map_err(|_| "not UTF-8 text".to_string()))
        .map_err(|e| ConfigError {
            path: path.to_path_buf(),
            position: None,
            message: format!("cannot read configuration: {e}"),
        })?;
    parse(&text, path)
}

fn absolute(p: &Path) -> PathBuf {
    std::fs::canonicalize(p)
        .or_else(|_| std::path::absolute(p))
        .unwrap_or_else(|_| p.to_path_buf())
}

/// The nearest `connkit.toml` in `dir` or its parents (one lookup; the language server's).
pub(crate) fn find_upward(dir: &Path) -> Option<PathBuf> {
    find_upward_cached(dir, &mut HashMap::new())
}

/// [`find_upward`] remembering the answer for every folder it looked at: linting a
/// repository looks up hundreds of sibling folders that share all their ancestors.
pub(crate) fn find_upward_cached(
    dir: &Path,
    cache: &mut HashMap<PathBuf, Option<PathBuf>>,
) -> Option<PathBuf> {
    let start = absolute(dir);
    let mut visited = Vec::new();
    let mut found = None;
    for d in start.ancestors() {
        if let Some(known) = cache.get(d) {
            found = known.clone();
            break;
        }
        visited.push(d.to_path_buf());
        let candidate = d.join(FILE_NAME);
        if candidate.is_file() {
            found = Some(candidate);
            break;
        }
    }
    for d in visited {
        cache.insert(d, found.clone());
    }
    found
}

impl Loaded {
    /// The connector folder relative to this file's folder, with `/` (None when outside it).
    fn relative(&self, connector_dir: &Path) -> Option<String> {
        let abs = absolute(connector_dir);
        let rel = abs.strip_prefix(&self.dir).ok()?;
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        Some(parts.join("/"))
    }

    /// The settings for the connector in `connector_dir`.
    pub(crate) fn for_connector(&self, connector_dir: &Path) -> Effective {
        let rel = self.relative(connector_dir);
        let matches = |set: &GlobSet| rel.as_deref().is_some_and(|r| set.is_match(r));
        let mut eff = Effective {
            fail_on: self.config.fail_on,
            profile: self.config.profile,
            ..Default::default()
        };
        let mut levels: HashMap<String, Option<Severity>> = self
            .config
            .rules
            .iter()
            .map(|(k, v)| (k.get_ref().clone(), v.severity()))
            .collect();
        for (o, set) in self.config.overrides.iter().zip(&self.overrides) {
            if !matches(set) {
                continue;
            }
            eff.fail_on = o.fail_on.or(eff.fail_on);
            eff.profile = o.profile.or(eff.profile);
            for (k, v) in &o.rules {
                levels.insert(k.get_ref().clone(), v.severity());
            }
        }
        eff.options = LintOptions { overrides: levels };
        for (i, (set, s)) in self.ignores.iter().enumerate() {
            if set.as_ref().is_none_or(matches) {
                eff.ignores.push(s.clone());
                eff.ignore_index.push(i);
            }
        }
        eff
    }

    /// Where the `[[ignore]]` entry number `index` is, for messages.
    pub(crate) fn ignore_position(&self, index: usize) -> Option<(usize, usize)> {
        self.ignore_positions.get(index).copied()
    }

    /// The `[[ignore]]` entries (indices) whose `connector` glob matches no connector folder
    /// below this file's folder: a misspelled or removed connector.
    pub(crate) fn ignores_naming_no_connector(&self) -> Vec<usize> {
        if self.ignores.iter().all(|(set, _)| set.is_none()) {
            return Vec::new();
        }
        let (targets, _) = crate::model::discover::discover(&self.dir);
        let rels: Vec<String> = targets
            .iter()
            .filter_map(|t| self.relative(t.path()))
            .collect();
        self.ignores
            .iter()
            .enumerate()
            .filter(|(_, (set, _))| {
                set.as_ref()
                    .is_some_and(|set| !rels.iter().any(|r| set.is_match(r)))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The `connector` glob of the `[[ignore]]` entry number `index`.
    pub(crate) fn ignore_connector(&self, index: usize) -> Option<&str> {
        self.config
            .ignore
            .get(index)
            .and_then(|i| i.connector.as_deref())
    }

    /// The code of the `[[ignore]]` entry number `index`.
    pub(crate) fn ignore_code(&self, index: usize) -> Option<&str> {
        self.ignores.get(index).map(|(_, s)| s.code.as_str())
    }
}

/// The JSON Schema of `connkit.toml`, as committed in `schemas/connkit.schema.json`.
#[cfg(test)]
pub(crate) fn json_schema() -> String {
    // Draft 7: what editors (VS Code, Taplo / Even Better TOML) understand best.
    let schema = schemars::generate::SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<Config>();
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_comes_from_the_flag_then_the_config_then_the_folder() {
        use crate::core::ProfileSource as S;
        let cert = Path::new("repo/certified-connectors/X");
        let plain = Path::new("repo/X");
        let c = Some(ProfileSetting::Custom);
        let ip = Some(ProfileSetting::IndependentPublisher);
        assert_eq!(resolve_profile(c, ip, cert), (Profile::Custom, S::Flag));
        assert_eq!(
            resolve_profile(None, ip, cert),
            (Profile::IndependentPublisher, S::Config)
        );
        assert_eq!(
            resolve_profile(None, None, cert),
            (Profile::Certified, S::Folder)
        );
        assert_eq!(
            resolve_profile(Some(ProfileSetting::Auto), ip, cert),
            (Profile::Certified, S::Folder)
        );
        assert_eq!(
            resolve_profile(None, Some(ProfileSetting::Auto), plain),
            (Profile::Custom, S::Default)
        );
        assert_eq!(
            resolve_profile(None, None, plain),
            (Profile::Custom, S::Default)
        );
    }

    fn p(text: &str) -> Result<Loaded, ConfigError> {
        parse(text, Path::new("dir/connkit.toml"))
    }

    #[test]
    fn full_config_parses_and_applies_per_connector() {
        let c = p(r#"
fail-on = "warning"
profile = "custom"
[rules]
OperationIdNotUnique = "warning"
ReadmeMissing = "off"
[[overrides]]
connectors = ["legacy/*"]
fail-on = "never"
rules = { OperationIdNotUnique = "info" }
[[ignore]]
code = "JsonComment"
connector = "legacy/A"
pointer = "/paths"
reason = "vendor file"
"#)
        .unwrap();
        let base = c.dir.clone();
        let other = c.for_connector(&base.join("new/B"));
        assert_eq!(other.fail_on, Some(FailLevel::Warning));
        assert_eq!(other.profile, Some(ProfileSetting::Custom));
        assert_eq!(
            other.options.overrides.get("OperationIdNotUnique"),
            Some(&Some(Severity::Warning))
        );
        assert_eq!(other.options.overrides.get("ReadmeMissing"), Some(&None));
        assert!(other.ignores.is_empty());
        let legacy = c.for_connector(&base.join("legacy/A"));
        assert_eq!(legacy.fail_on, Some(FailLevel::Never));
        assert_eq!(
            legacy.options.overrides.get("OperationIdNotUnique"),
            Some(&Some(Severity::Info))
        );
        assert_eq!(
            legacy.ignores,
            [Suppression {
                code: "JsonComment".into(),
                file: None,
                pointer: "/paths".into()
            }]
        );
        // `*` does not cross folders.
        let deep = c.for_connector(&base.join("legacy/A/sub"));
        assert_eq!(deep.fail_on, Some(FailLevel::Warning));
    }

    #[test]
    fn unknown_key_is_an_error_with_position() {
        let e = p("[[ignore]]\ncode = \"JsonComment\"\nreason = \"r\"\nextra = 1\n").unwrap_err();
        assert_eq!(e.position, Some((4, 1)), "{e}");
        assert!(e.message.contains("extra"), "{e}");
        let e = p("[rules]\nOperationIdNotUnique = 1\n").unwrap_err();
        assert_eq!(e.position.map(|p| p.0), Some(2), "{e}");
        let e = p("fail-on = \"error\"\nfial-on = \"x\"\n").unwrap_err();
        assert_eq!(e.position.map(|p| p.0), Some(2), "{e}");
        assert!(e.message.contains("fial-on"), "{e}");
        assert!(e.to_string().starts_with("dir/connkit.toml:2:"), "{e}");
    }

    #[test]
    fn unknown_code_and_missing_reason_are_errors() {
        let e = p("[rules]\noperationidnotunique = \"off\"\n").unwrap_err();
        assert_eq!(e.position, Some((2, 1)));
        assert!(
            e.message.contains("did you mean 'OperationIdNotUnique'"),
            "{e}"
        );
        let e = p("[[ignore]]\ncode = \"OperationIdNotUnique\"\n").unwrap_err();
        assert!(e.message.contains("reason"), "{e}");
        let e = p("[[ignore]]\ncode = \"OperationIdNotUnique\"\nreason = \"  \"\n").unwrap_err();
        assert_eq!(e.position.map(|p| p.0), Some(3), "{e}");
        let e = p("fail-on = \"sometimes\"\n").unwrap_err();
        assert_eq!(e.position.map(|p| p.0), Some(1), "{e}");
        let e = p("[[overrides]]\nconnectors = [\"a/[\"]\n").unwrap_err();
        assert_eq!(e.position.map(|p| p.0), Some(2), "{e}");
        assert!(p("").is_ok());
    }

    /// 20,000 `[[ignore]]` entries (issue 23: 18.6 s when each position counted the newlines
    /// from the start of the file). Every entry keeps its own line and column; the time is
    /// in BENCHMARKS.md ("Hostile inputs: resource bounds"), not asserted here.
    #[test]
    fn twenty_thousand_ignores_keep_their_positions() {
        const N: usize = 20_000;
        let mut text = String::from("# many\n");
        for i in 0..N {
            text.push_str(&format!(
                "[[ignore]]\ncode = \"OperationIdNotUnique\"\nconnector = \"c{i}\"\nreason = \"r\"\n"
            ));
        }
        let c = p(&text).unwrap();
        assert_eq!(c.ignores.len(), N);
        for i in [0, 1, 9_999, N - 1] {
            assert_eq!(c.ignore_position(i), Some((3 + 4 * i, 8)), "entry {i}");
            assert_eq!(c.ignore_connector(i), Some(format!("c{i}").as_str()));
        }
        // A non-ASCII character before the code on its line: the column counts characters.
        let c = p("ignore = [{reason = \"é\", code = \"OperationIdNotUnique\"}]\n").unwrap();
        assert_eq!(c.ignore_position(0), Some((1, 33)));
    }

    /// `--config ov.toml` (a bare file name) is relative to the current folder, as
    /// `./ov.toml` is: its globs match the same connectors (issue 23).
    #[test]
    fn a_bare_file_name_is_resolved_from_its_own_folder() {
        let text = "[[overrides]]\nconnectors = [\"legacy/*\"]\nfail-on = \"never\"\n";
        let bare = parse(text, Path::new("connkit.toml")).unwrap();
        let dotted = parse(text, Path::new("./connkit.toml")).unwrap();
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(bare.dir, dotted.dir);
        assert_eq!(bare.dir, absolute(&cwd));
        for loaded in [&bare, &dotted] {
            let eff = loaded.for_connector(&cwd.join("legacy/A"));
            assert_eq!(eff.fail_on, Some(FailLevel::Never));
            let rel = loaded.for_connector(Path::new("legacy/A"));
            assert_eq!(rel.fail_on, Some(FailLevel::Never));
        }
    }

    #[test]
    fn committed_schema_is_current() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/connkit.schema.json");
        let generated = json_schema();
        if std::env::var_os("CONNKIT_BLESS").is_some() {
            std::fs::write(&path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "schemas/connkit.schema.json is stale; regenerate with CONNKIT_BLESS=1 cargo test --lib config"
        );
        let v: serde_json::Value = serde_json::from_str(&generated).unwrap();
        assert!(v["properties"]["ignore"].is_object());
        assert_eq!(v["$schema"], "http://json-schema.org/draft-07/schema#");
    }
}
