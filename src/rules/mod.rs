//! The rule engine and registry.
//!
//! A rule is a `static Rule` declared with [`crate::declare_code!`], clippy-style: its doc
//! comments are the summary and the documentation (`### Why`, `### Example`, `### Evidence`),
//! its fields the code, default severity, gate, Microsoft's wording, profiles, file, source,
//! check function and fix. Each rule has its own file,
//! named after its code in snake case, in the folder of its area
//! (`rules/properties/publisher_required.rs`): its declaration, its own check and the tests
//! that target it alone. The area's `mod.rs` keeps what several of its rules share, declares
//! the rule files and exports `RULES`; [`registry`] concatenates the areas. Adding a rule
//! touches its area only (a new file, its `mod` and `pub use` lines and its line in the area's
//! `RULES`); `AREAS` lists the areas with their folders.
//!
//! Checks receive a [`Context`] (the loaded connector plus shared, lazily-computed analyses)
//! and a `Sink` to emit findings by JSON pointer. Positions are resolved afterwards, once
//! per file, only for files that have findings.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;
use serde_json::Value;

use crate::core::Doc;
use crate::model::swagger::Swagger;
use crate::model::{Connector, FileKind};

pub(crate) mod dynamic;
pub(crate) mod files;
pub(crate) mod operations;
pub(crate) mod operations_more;
pub(crate) mod opkit;
pub(crate) mod parameters;
pub(crate) mod references;
pub(crate) mod schema;
pub(crate) mod schema_validation;
pub(crate) mod security;
pub(crate) mod structure;
// Certification content, apiProperties and the other artifacts (issue 3).
pub(crate) mod content;
pub(crate) mod docs;
pub(crate) mod icon;
pub(crate) mod properties;
pub(crate) mod script;
pub(crate) mod settings;
pub(crate) mod versioning;
pub(crate) mod webhooks;

#[cfg(test)]
mod fidelity;
#[cfg(test)]
mod robustness;
#[cfg(test)]
pub(crate) mod testing;

pub(crate) use crate::core::{Gate, Profiles};
pub use crate::core::{Profile, Severity};

/// What every rule file imports besides its area's helpers: the declaration's vocabulary and
/// the check's signature types.
pub(crate) mod prelude {
    pub(crate) use super::opkit::{EXT, SV};
    pub(crate) use super::{Context, Fix, Sink};
    pub(crate) use crate::core::{Gate, Profiles, Severity};
    pub(crate) use crate::model::FileKind;
}

/// A rule's declaration.
pub struct Rule {
    /// The official Swagger Validator code where one exists, else our own PascalCase name.
    pub code: &'static str,
    pub severity: Severity,
    /// Who stops a submission over it (see `Gate`). Only `pipeline` and `platform` rules
    /// (and `review` rules a reviewer would certainly refuse) may default to error.
    pub gate: Gate,
    /// The wording of Microsoft's own message for this check, where one was seen on a real
    /// pull request or import, so users can match PR-check output to connkit.
    pub(crate) microsoft: Option<&'static str>,
    pub profiles: Profiles,
    /// The file the rule is about (for listings and reports).
    pub(crate) file: FileKind,
    /// One line: what it reports (the first doc line of its declaration).
    pub(crate) summary: &'static str,
    /// The rest of its doc comments, in our own words, Markdown with fixed sections: `### Why`
    /// (why it matters, how to fix it), `### Example` (bad and good), `### Evidence` (what its
    /// gate and severity rest on, from calibration).
    pub(crate) explanation: Doc,
    /// Where the rule comes from (documentation URL).
    pub(crate) source: &'static str,
    pub(crate) check: fn(&Context<'_>, &mut Sink<'_>),
    /// Its safe mechanical fix, if it has one (`lint --fix`, the editor's quick fix).
    pub(crate) fix: Option<&'static Fix>,
}

/// A safe fix for a rule's findings: it gets the file's parsed value and the finding's
/// pointer, and returns whether it changed anything (`crate::fix` writes the change back).
pub(crate) struct Fix {
    /// What the fix does (shown by `connkit rules` and `explain`).
    pub(crate) summary: &'static str,
    pub(crate) apply: fn(&mut Value, &str) -> bool,
}

impl Rule {
    /// What the rule's gate and default severity rest on: the explanation's own `Evidence:`
    /// paragraph when it has one (calibrated rules), else what follows from its gate.
    pub fn evidence(&self) -> String {
        if let Some(evidence) = self.explanation.section("Evidence") {
            return evidence;
        }
        let seen = if self.microsoft.is_some() {
            " Microsoft's validator prints this message on real pull requests (below)."
        } else {
            ""
        };
        let text = match (self.gate, self.severity) {
            (Gate::Pipeline, Severity::Error) => {
                "An error: one of the official Swagger Validator checks that Microsoft's PR \
                 pipeline runs. On the visible merged history it is an error in none of the 761 \
                 versions merged through a validated pull request since 2022 (docs/calibration.md \
                 lists every code that is)."
            }
            (Gate::Pipeline, _) => {
                "Not an error: the pipeline's validator has this check, but it reports it as a \
                 warning or lets it through."
            }
            (Gate::Platform, Severity::Error) => {
                "An error: Power Platform cannot import or run a connector with this defect \
                 (the service cannot read the file, or a documented limit or shape is broken)."
            }
            (Gate::Platform, _) => {
                "Not an error: the platform accepts it, but the connector may not behave as meant."
            }
            (Gate::Review, Severity::Error) => {
                "An error: certification reviewers refuse it (a documented certification \
                 requirement); the pipeline never reads this file."
            }
            (Gate::Review, _) => {
                "Not an error: certification reviewers may ask about it; no check fails on it."
            }
            (Gate::Advice, _) => "Not an error: good practice that no gate enforces.",
        };
        format!("{text}{seen}")
    }
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule").field("code", &self.code).finish()
    }
}

/// The rule areas, each a folder `src/rules/<area>/` with its `RULES`, in registry order.
pub(crate) const AREAS: &[(&str, &[&Rule])] = &[
    ("files", files::RULES),
    ("structure", structure::RULES),
    ("operations", operations::RULES),
    ("references", references::RULES),
    ("content", content::RULES),
    ("properties", properties::RULES),
    ("icon", icon::RULES),
    ("script", script::RULES),
    ("docs", docs::RULES),
    ("settings", settings::RULES),
    ("parameters", parameters::RULES),
    ("security", security::RULES),
    ("webhooks", webhooks::RULES),
    ("versioning", versioning::RULES),
    ("operations_more", operations_more::RULES),
    ("dynamic", dynamic::RULES),
    ("schema_validation", schema_validation::RULES),
    ("schema", schema::RULES),
];

/// The rules of one area (`"script"`, `"icon"`, …: a folder of `src/rules`), empty for an
/// unknown name.
///
/// *For connkit's own benchmarks and tests.*
pub fn area(name: &str) -> &'static [&'static Rule] {
    AREAS
        .iter()
        .find(|(n, _)| *n == name)
        .map_or(&[], |(_, rules)| rules)
}

/// Every rule, in a stable order (area by area).
pub fn registry() -> &'static [&'static Rule] {
    static ALL: OnceLock<Vec<&'static Rule>> = OnceLock::new();
    ALL.get_or_init(|| {
        let all: Vec<&'static Rule> = AREAS
            .iter()
            .flat_map(|(_, rules)| rules.iter().copied())
            .collect();
        debug_assert!(
            {
                let mut codes: Vec<_> = all.iter().map(|r| r.code).collect();
                codes.sort();
                codes.windows(2).all(|w| w[0] != w[1])
            },
            "duplicate rule code in registry"
        );
        all
    })
}

/// Build what rules prepare once per process (the JSON Schemas of the definition and of
/// apiProperties, parsed and turned into nodes: about half a millisecond cold). The CLI calls
/// this on a second thread while the first one reads and parses several or large connectors;
/// without the call the same work happens lazily on first use.
///
/// *For connkit's own benchmarks and tests.*
pub fn prepare() {
    schema_validation::prepare();
    properties::prepare();
}

/// Find a rule by code (case-insensitive).
pub fn find(code: &str) -> Option<&'static Rule> {
    registry()
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code))
}

/// Everything a check can look at. Built once per connector.
///
/// *For connkit's own benchmarks and tests.*
pub struct Context<'a> {
    pub(crate) connector: &'a Connector,
    pub(crate) profile: Profile,
    /// The definition's index, when the definition could be parsed.
    pub(crate) swagger: Option<Swagger<'a>>,
    memo: Memo,
    /// Analyses that borrow from the document (see [`Borrowed`]).
    pub(crate) borrowed: Borrowed<'a>,
}

/// Per-connector analyses that keep references into the parsed document, computed on first
/// use. [`Context::shared`] cannot hold borrows (its values are keyed by `TypeId`, which needs
/// `'static`), and re-finding owned pointers in the document costs a hash lookup per segment
/// for every rule that reads them: profiling showed ~40 schema rules each rebuilding the same
/// node list. An analysis used by several rules that borrows from the document gets a field here.
#[derive(Default)]
pub(crate) struct Borrowed<'a> {
    /// Every schema, non-body parameter, parameter `items` and response header object.
    pub(crate) schema_nodes: OnceLock<Vec<schema::Node<'a>>>,
    /// The properties of each operation's request body schema (index = operation index).
    pub(crate) body_props: OnceLock<opkit::BodyPropsIndex<'a>>,
    /// Every `$ref` written in the definition.
    pub(crate) ref_sites: OnceLock<Vec<references::RefSite<'a>>>,
    /// Objects carrying a dynamic extension: (operation index, holder, pointer, on the body).
    pub(crate) dynamic_holders: OnceLock<Vec<(usize, &'a Value, String, bool)>>,
}

/// Analyses shared by several rules (schema validation results, ...), computed on first use
/// and kept for the connector. Keyed by type: each rule module defines its own key type.
#[derive(Default)]
struct Memo(std::sync::Mutex<HashMap<std::any::TypeId, std::sync::Arc<OnceLock<SharedValue>>>>);

type SharedValue = std::sync::Arc<dyn std::any::Any + Send + Sync>;

impl<'a> Context<'a> {
    pub fn new(connector: &'a Connector, profile: Profile) -> Self {
        let swagger = connector.definition_value().map(Swagger::new);
        Context {
            connector,
            profile,
            swagger,
            memo: Memo::default(),
            borrowed: Borrowed::default(),
        }
    }

    /// Compute a shared analysis once per connector: the first rule that asks runs `init`,
    /// later rules get the same value. `T` is the key, so use a type private to your module.
    /// The value must own its data (no borrows of the connector): keep pointers and messages,
    /// never a copy of the document.
    pub(crate) fn shared<T: Send + Sync + 'static>(
        &self,
        init: impl FnOnce() -> T,
    ) -> std::sync::Arc<T> {
        let id = std::any::TypeId::of::<T>();
        // The map lock is held only to find the analysis' slot; the slot's `OnceLock` makes a
        // second rule asking at the same time (parallel rules) wait instead of computing it
        // again, and `init` may itself ask for other shared analyses.
        let slot = self
            .memo
            .0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(id)
            .or_default()
            .clone();
        let mut computed = None;
        let stored = slot.get_or_init(|| {
            let v = std::sync::Arc::new(init());
            computed = Some(v.clone());
            v
        });
        if let Some(v) = computed {
            return v;
        }
        match stored.clone().downcast::<T>() {
            Ok(t) => t,
            // The slot is keyed by `T`'s TypeId, so it holds a `T`.
            Err(_) => unreachable!("shared analysis slot holds another type"),
        }
    }

    pub(crate) fn is_certification(&self) -> bool {
        self.profile != Profile::Custom
    }
}

/// A finding before its position is known.
///
/// *For connkit's own benchmarks and tests.*
#[derive(Debug, Clone)]
pub struct RawFinding {
    pub(crate) code: &'static str,
    pub(crate) severity: Severity,
    pub(crate) gate: Gate,
    pub(crate) file: FileKind,
    pub(crate) pointer: String,
    /// A byte offset into the file's text, when the finding is about text (syntax, markdown).
    pub(crate) offset: Option<usize>,
    pub(crate) message: String,
}

/// The most findings one rule lists for one connector. The corpus's most is 387
/// (UnrecognizedTypeFormat on Expensya); a hostile definition with millions of bad values
/// would otherwise print millions of findings (an 8 MB one: 4 million, 1.3 GB of JSON and
/// 4.4 GB of memory). Past it, one more finding says how many were left out ("at least":
/// an analysis shared by several rules may itself stop early, as the schema check does).
/// The cap applies before suppressions and baselines, so it is far above what a connector
/// suppresses (`tests/hostile.rs` suppresses 20,000 findings of one rule).
pub const MAX_FINDINGS_PER_RULE: usize = 100_000;

/// Where a check emits its findings; knows the rule it belongs to.
pub(crate) struct Sink<'r> {
    rule: &'r Rule,
    severity: Severity,
    out: Vec<RawFinding>,
    /// Findings past [`MAX_FINDINGS_PER_RULE`]: how many, the most severe, and the file of
    /// the first.
    left_out: Option<(usize, Severity, FileKind)>,
}

impl<'r> Sink<'r> {
    pub(crate) fn new(rule: &'r Rule, severity: Severity) -> Self {
        Sink {
            rule,
            severity,
            out: Vec::new(),
            left_out: None,
        }
    }

    /// Keep `f`, or count it once the rule has listed [`MAX_FINDINGS_PER_RULE`].
    fn push(&mut self, f: RawFinding) {
        if self.out.len() < MAX_FINDINGS_PER_RULE {
            self.out.push(f);
            return;
        }
        let (n, severity, _) = self.left_out.get_or_insert((0, f.severity, f.file));
        *n += 1;
        *severity = (*severity).max(f.severity);
    }

    pub(crate) fn code(&self) -> &'static str {
        self.rule.code
    }

    /// A finding in the rule's own file at a JSON pointer.
    pub(crate) fn emit(&mut self, pointer: impl Into<String>, message: impl Into<String>) {
        let file = self.rule.file;
        self.emit_in(file, pointer, message);
    }

    /// A finding in another file of the connector at a JSON pointer.
    pub(crate) fn emit_in(
        &mut self,
        file: FileKind,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.push(RawFinding {
            code: self.rule.code,
            severity: self.severity,
            gate: self.rule.gate,
            file,
            pointer: pointer.into(),
            offset: None,
            message: message.into(),
        });
    }

    /// A finding at a byte offset of a text file (or a data file's raw text).
    pub(crate) fn emit_at_offset(
        &mut self,
        file: FileKind,
        offset: usize,
        message: impl Into<String>,
    ) {
        self.push(RawFinding {
            code: self.rule.code,
            severity: self.severity,
            gate: self.rule.gate,
            file,
            pointer: String::new(),
            offset: Some(offset),
            message: message.into(),
        });
    }

    /// Emit with a severity other than the rule's (e.g. a softer case of the same code).
    pub(crate) fn emit_with(
        &mut self,
        severity: Severity,
        file: FileKind,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) {
        // A user override (config) of the rule's severity wins over the rule's own choice.
        let severity = if self.severity != self.rule.severity {
            self.severity
        } else {
            severity
        };
        self.push(RawFinding {
            code: self.rule.code,
            severity,
            gate: self.rule.gate,
            file,
            pointer: pointer.into(),
            offset: None,
            message: message.into(),
        });
    }

    pub(crate) fn into_findings(mut self) -> Vec<RawFinding> {
        if let Some((n, severity, file)) = self.left_out {
            self.out.push(RawFinding {
                code: self.rule.code,
                severity,
                gate: self.rule.gate,
                file,
                pointer: String::new(),
                offset: None,
                message: format!(
                    "at least {n} more {} findings are not listed (connkit lists at most \
                     {MAX_FINDINGS_PER_RULE} per rule and connector)",
                    self.rule.code
                ),
            });
        }
        self.out
    }
}

/// A finding with its position, as reported.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    /// Who would stop the submission over it (the rule's gate).
    pub(crate) gate: Gate,
    /// Relative to the connector folder.
    pub file: String,
    /// RFC 6901 pointer into the file (`""` for the whole file or text files).
    pub pointer: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// Column just past the underlined text (same line), for carets and SARIF regions.
    #[serde(skip)]
    pub(crate) end_column: usize,
    /// The source line (an excerpt around the finding when the line is long), for text
    /// output.
    #[serde(skip)]
    pub(crate) source_line: Option<String>,
    /// The column where `source_line` starts in the real line (1 unless it is an excerpt).
    #[serde(skip)]
    pub(crate) source_column: usize,
}

/// How a lint run is configured (per connector).
#[derive(Debug, Clone, Default)]
pub struct LintOptions {
    /// Per-code severity overrides; `None` disables the rule.
    pub overrides: HashMap<String, Option<Severity>>,
}

impl LintOptions {
    fn effective(&self, rule: &Rule) -> Option<Severity> {
        match self.overrides.get(rule.code) {
            Some(o) => *o,
            None => Some(rule.severity),
        }
    }
}

/// Run every applicable rule on a loaded connector and resolve positions.
pub fn lint(connector: &Connector, profile: Profile, options: &LintOptions) -> Vec<Finding> {
    let cx = Context::new(connector, profile);
    let raw: Vec<RawFinding> = applicable(profile, options)
        .flat_map(|(rule, sev)| run_rule(rule, sev, &cx))
        .collect();
    locate(connector, raw)
}

/// [`lint`] with the rules run in parallel, for runs over fewer connectors than cores (a
/// single large connector then uses every core). Rules are independent once the context
/// exists; shared analyses are computed once, by whichever rule asks first. `collect` keeps
/// registry order, so the findings do not depend on scheduling. A repository run should
/// parallelize over connectors instead: rules waiting on each other's shared analyses would
/// idle rayon's workers.
pub fn lint_parallel(
    connector: &Connector,
    profile: Profile,
    options: &LintOptions,
) -> Vec<Finding> {
    use rayon::prelude::*;
    let cx = Context::new(connector, profile);
    let rules: Vec<_> = applicable(profile, options).collect();
    let raw: Vec<RawFinding> = rules
        .par_iter()
        .flat_map_iter(|(rule, sev)| run_rule(rule, *sev, &cx))
        .collect();
    locate(connector, raw)
}

fn applicable<'o>(
    profile: Profile,
    options: &'o LintOptions,
) -> impl Iterator<Item = (&'static Rule, Severity)> + 'o {
    registry()
        .iter()
        .copied()
        .filter(move |rule| rule.profiles.contains(profile))
        .filter_map(move |rule| options.effective(rule).map(|sev| (rule, sev)))
}

/// Run one rule, turning a panic into an `InternalError` finding so one bad rule or input
/// never stops the others.
///
/// *For connkit's own benchmarks and tests.*
pub fn run_rule(rule: &'static Rule, severity: Severity, cx: &Context<'_>) -> Vec<RawFinding> {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut sink = Sink::new(rule, severity);
        (rule.check)(cx, &mut sink);
        sink.into_findings()
    }));
    match result {
        Ok(f) => f,
        Err(_) => vec![RawFinding {
            code: files::INTERNAL_ERROR.code,
            severity: files::INTERNAL_ERROR.severity,
            gate: files::INTERNAL_ERROR.gate,
            file: rule.file,
            pointer: String::new(),
            offset: None,
            message: format!(
                "internal error in rule {}; please report it with this file",
                rule.code
            ),
        }],
    }
}

/// Attach file names and line:column to raw findings; sort them by file and position.
///
/// *For connkit's own benchmarks and tests.*
pub fn locate(connector: &Connector, raw: Vec<RawFinding>) -> Vec<Finding> {
    let mut by_file: std::collections::BTreeMap<FileKind, Vec<RawFinding>> = Default::default();
    for f in raw {
        by_file.entry(f.file).or_default().push(f);
    }
    let mut out = Vec::new();
    for (kind, list) in by_file {
        let name = connector.file_name(kind);
        if let Some(df) = connector.data_file(kind) {
            let ptrs: Vec<&str> = list
                .iter()
                .filter(|f| f.offset.is_none())
                .map(|f| f.pointer.as_str())
                .collect();
            let spans = if ptrs.is_empty() {
                Vec::new()
            } else {
                df.locate_all(&ptrs)
            };
            let mut spans = spans.into_iter();
            for f in list {
                let span = match f.offset {
                    Some(o) => Some(crate::model::Span {
                        start: o,
                        end: o + 1,
                    }),
                    None => spans.next().flatten(),
                };
                out.push(positioned(f, &name, &df.text, df.lines(), span));
            }
        } else if let Some(tf) = connector.text_file(kind) {
            for f in list {
                let span = f.offset.map(|o| crate::model::Span {
                    start: o,
                    end: o + 1,
                });
                out.push(positioned(f, &name, &tf.text, tf.lines(), span));
            }
        } else if let Some((anchor, df)) = missing_file_anchor(connector, kind) {
            // The file does not exist (IconMissing, IntroMissing, ReadmeMissing…): a finding
            // on it could not be opened or annotated. It is anchored, in every format, to the
            // start of a file the connector has; the message names the missing file.
            let anchor_name = connector.file_name(anchor);
            for f in list {
                out.push(positioned(f, &anchor_name, &df.text, df.lines(), None));
            }
        } else {
            for f in list {
                out.push(Finding {
                    code: f.code,
                    severity: f.severity,
                    gate: f.gate,
                    file: name.clone(),
                    pointer: f.pointer,
                    line: 1,
                    column: 1,
                    message: f.message,
                    end_column: 1,
                    source_line: None,
                    source_column: 1,
                });
            }
        }
    }
    out.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.code).cmp(&(&b.file, b.line, b.column, b.code))
    });
    out
}

/// Where findings on a file of `kind` go when the connector has no such file: its
/// apiProperties.json, else its definition. `None` when the file exists (a binary icon has no
/// text to point into, but it is there) or the findings are about the folder.
fn missing_file_anchor(
    connector: &Connector,
    kind: FileKind,
) -> Option<(FileKind, &crate::model::DataFile)> {
    let exists = match kind {
        FileKind::Folder => true,
        FileKind::Icon => connector.icon.is_some(),
        k => connector.data_file(k).is_some() || connector.text_file(k).is_some(),
    };
    if exists {
        return None;
    }
    [FileKind::Properties, FileKind::Definition]
        .into_iter()
        .filter(|k| *k != kind)
        .find_map(|k| connector.data_file(k).map(|df| (k, df)))
}

fn positioned(
    f: RawFinding,
    name: &str,
    text: &str,
    lines: &crate::model::LineIndex,
    span: Option<crate::model::Span>,
) -> Finding {
    let (line, column, end_column, source_line, source_column) = match span {
        Some(s) => {
            let lc = lines.line_col(text, s.start);
            let (src, src_col) = lines.excerpt(text, s.start, 240);
            let end = if s.end > s.start {
                let e = lines.line_col(text, s.end.min(text.len()));
                if e.line == lc.line {
                    e.column.max(lc.column + 1)
                } else {
                    // To the end of the line.
                    let eol = lines.line_start(lc.line).unwrap_or(0)
                        + lines.line_text(text, lc.line).len();
                    lines.line_col(text, eol).column.max(lc.column + 1)
                }
            } else {
                lc.column + 1
            };
            (lc.line, lc.column, end, Some(src.to_string()), src_col)
        }
        None => (1, 1, 2, None, 1),
    };
    Finding {
        code: f.code,
        severity: f.severity,
        gate: f.gate,
        file: name.to_string(),
        pointer: f.pointer,
        line,
        column,
        message: f.message,
        end_column,
        source_line,
        source_column,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_analyses_run_once_per_context() {
        let c = testing::connector_from(testing::minimal(), None);
        let cx = Context::new(&c, Profile::Custom);
        struct Key(usize);
        let calls = std::cell::Cell::new(0);
        let a = cx.shared(|| {
            calls.set(calls.get() + 1);
            Key(7)
        });
        let b = cx.shared(|| {
            calls.set(calls.get() + 1);
            Key(8)
        });
        assert_eq!((a.0, b.0, calls.get()), (7, 7, 1));
    }

    #[test]
    fn parallel_rules_give_the_same_findings_in_the_same_order() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("connectors");
        let mut seen = 0;
        for group in ["broken", "certified-connectors", "custom-connectors"] {
            for entry in std::fs::read_dir(root.join(group))
                .into_iter()
                .flatten()
                .flatten()
            {
                let c = Connector::load_dir(&entry.path(), String::new());
                for profile in [Profile::Custom, Profile::Certified] {
                    let opts = LintOptions::default();
                    let key = |f: &Finding| (f.code, f.pointer.clone(), f.line, f.message.clone());
                    let a: Vec<_> = lint(&c, profile, &opts).iter().map(key).collect();
                    let b: Vec<_> = lint_parallel(&c, profile, &opts).iter().map(key).collect();
                    assert_eq!(a, b, "{}", entry.path().display());
                    seen += a.len();
                }
            }
        }
        assert!(seen > 10, "the broken samples must produce findings");
    }

    #[test]
    fn shared_analyses_are_computed_once_under_contention() {
        let c = testing::connector_from(testing::minimal(), None);
        let cx = Context::new(&c, Profile::Custom);
        struct Key;
        let calls = std::sync::atomic::AtomicUsize::new(0);
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    cx.shared(|| {
                        calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        std::thread::sleep(std::time::Duration::from_millis(20));
                        Key
                    });
                });
            }
        });
        assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 1);
    }

    #[test]
    fn registry_codes_are_unique_and_documented() {
        let mut codes: Vec<_> = registry().iter().map(|r| r.code).collect();
        let n = codes.len();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), n, "duplicate codes");
        for r in registry() {
            assert!(
                !r.summary.is_empty()
                    && r.explanation.text().len() > 20
                    && r.source.starts_with("http"),
                "{}",
                r.code
            );
            assert!(
                r.code
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_uppercase())
                    && r.code.chars().all(|c| c.is_ascii_alphanumeric()),
                "{}",
                r.code
            );
        }
    }
}

/// The layout of issue 15: one file per rule under its area folder, named after its code,
/// declaring it with `declare_code!`, documented in the fixed sections and holding its own
/// cases; checked by the same [`crate::catalog::layout`] as every other code family.
#[cfg(test)]
mod layout_tests {
    #[test]
    fn every_rule_has_its_own_documented_and_tested_file() {
        let mut problems = Vec::new();
        for (area, rules) in super::AREAS {
            let codes: Vec<_> = rules.iter().map(|r| (r.code, r.explanation)).collect();
            problems.extend(crate::catalog::layout::problems(
                &format!("src/rules/{area}"),
                &codes,
            ));
        }
        assert!(problems.is_empty(), "{problems:#?}");
        let listed: usize = super::AREAS.iter().map(|(_, rules)| rules.len()).sum();
        assert_eq!(listed, super::registry().len());
    }
}
