//! Breaking-change detection between two revisions of a connector (`connkit diff`).
//!
//! Layer beside `rules`: it uses only `model` (DataFile for text read from files or git, the
//! Swagger index for operations, parameters and `$ref` resolution, `locate_all` for
//! positions). Operations are matched by operationId (Microsoft's model); schemas are compared
//! structurally through `$ref`, so a renamed but identical definition is no change.

pub(crate) mod accept;
pub(crate) mod compare;
pub(crate) mod rules;
pub(crate) mod source;

use serde::Serialize;
use serde_json::Value;

use crate::model::DataFile;
use crate::model::pointer;
use crate::model::swagger::Swagger;
use compare::{Comparer, RawChange, Which};
pub(crate) use rules::DiffRule;

/// How serious a change is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum DiffSeverity {
    Info,
    Warning,
    Breaking,
}

impl DiffSeverity {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            DiffSeverity::Breaking => "breaking",
            DiffSeverity::Warning => "warning",
            DiffSeverity::Info => "info",
        }
    }
}

/// One revision of a connector: its definition and/or apiProperties.json.
#[derive(Debug, Default)]
pub struct Side {
    /// How the user named it (`old.json`, `origin/dev:certified-connectors/Foo`).
    pub label: String,
    pub definition: Option<DataFile>,
    pub properties: Option<DataFile>,
}

/// Where a change is, in one of the two files.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Loc {
    /// File as shown to the user (label + file name).
    #[serde(skip)]
    pub file: String,
    pub pointer: String,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone)]
pub struct Change {
    pub rule: &'static DiffRule,
    /// The operationId (or `METHOD /path`), empty for connector-level changes.
    pub operation: String,
    pub old: Option<Loc>,
    pub new: Option<Loc>,
    pub message: String,
    /// The reason from the accepted-changes file, when this change was accepted.
    pub(crate) accepted: Option<String>,
}

impl Change {
    pub fn severity(&self) -> DiffSeverity {
        self.rule.severity
    }
}

#[derive(Debug, Default)]
pub struct DiffReport {
    pub(crate) old_label: String,
    pub(crate) new_label: String,
    pub changes: Vec<Change>,
}

#[derive(Debug, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub breaking: usize,
    pub warning: usize,
    pub info: usize,
    pub accepted: usize,
}

impl DiffReport {
    /// Counts of changes not accepted, per severity, and the number accepted.
    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        for c in &self.changes {
            if c.accepted.is_some() {
                s.accepted += 1;
                continue;
            }
            match c.severity() {
                DiffSeverity::Breaking => s.breaking += 1,
                DiffSeverity::Warning => s.warning += 1,
                DiffSeverity::Info => s.info += 1,
            }
        }
        s
    }

    /// Whether a change at or above `level` remains (not accepted).
    pub fn has_at_least(&self, level: DiffSeverity) -> bool {
        self.changes
            .iter()
            .any(|c| c.accepted.is_none() && c.severity() >= level)
    }
}

/// Compare two revisions. Never fails: a side without a readable definition simply has no
/// operations (the CLI refuses that case before calling).
pub fn diff(old: &Side, new: &Side) -> DiffReport {
    let raw = raw_changes(old, new);
    let changes = locate(old, new, raw);
    DiffReport {
        old_label: old.label.clone(),
        new_label: new.label.clone(),
        changes,
    }
}

/// The changes before positions are resolved (for benchmarks: compare cost alone).
///
/// *For connkit's own benchmarks and tests.*
pub fn raw_changes(old: &Side, new: &Side) -> Vec<(Which, RawChange)> {
    static NULL: Value = Value::Null;
    let ov = old.definition.as_ref().and_then(|d| d.value.as_ref());
    let nv = new.definition.as_ref().and_then(|d| d.value.as_ref());
    let mut raw: Vec<(Which, RawChange)> = Vec::new();
    if ov.is_some() || nv.is_some() {
        let (os, ns) = (
            Swagger::new(ov.unwrap_or(&NULL)),
            Swagger::new(nv.unwrap_or(&NULL)),
        );
        let mut c = Comparer::new(&os, &ns);
        c.definitions();
        raw = c.out;
    }
    if let (Some(a), Some(b)) = (
        old.properties.as_ref().and_then(|d| d.value.as_ref()),
        new.properties.as_ref().and_then(|d| d.value.as_ref()),
    ) {
        compare::properties(a, b, &mut raw);
    }
    raw
}

/// The deepest prefix of `ptr` that exists in `v` (so a deletion still points somewhere in
/// the new file, for annotations).
pub(crate) fn nearest_existing(v: &Value, ptr: &str) -> String {
    let mut p = ptr.to_string();
    loop {
        if v.pointer(&p).is_some() || p.is_empty() {
            return p;
        }
        match pointer::parent(&p) {
            Some(parent) => p = parent.to_string(),
            None => return String::new(),
        }
    }
}

fn file_of(side: &Side, which: Which) -> Option<&DataFile> {
    match which {
        Which::Definition => side.definition.as_ref(),
        Which::Properties => side.properties.as_ref(),
    }
}

/// Resolve positions: per file, one batch `locate_all` of every pointer; the two sides in
/// parallel (each is one parse of a file that may be a megabyte).
fn locate(old: &Side, new: &Side, raw: Vec<(Which, RawChange)>) -> Vec<Change> {
    let (a, b) = rayon::join(|| locate_side(old, 0, &raw), || locate_side(new, 1, &raw));
    let mut locs: Vec<[Option<Loc>; 2]> = vec![[None, None]; raw.len()];
    for (side_no, found) in [(0, a), (1, b)] {
        for (i, loc) in found {
            if let Some(slot) = locs.get_mut(i).and_then(|l| l.get_mut(side_no)) {
                *slot = Some(loc);
            }
        }
    }
    raw.into_iter()
        .zip(locs)
        .map(|((_, c), [o, n])| Change {
            rule: c.rule,
            operation: c.operation,
            old: o,
            new: n,
            message: c.message,
            accepted: None,
        })
        .collect()
}

fn locate_side(side: &Side, side_no: usize, raw: &[(Which, RawChange)]) -> Vec<(usize, Loc)> {
    let mut out = Vec::new();
    for which in [Which::Definition, Which::Properties] {
        let Some(file) = file_of(side, which) else {
            continue;
        };
        let Some(value) = file.value.as_ref() else {
            continue;
        };
        let mut idx = Vec::new();
        let mut ptrs = Vec::new();
        for (i, (w, c)) in raw.iter().enumerate() {
            let p = if side_no == 0 { &c.old } else { &c.new };
            if let (true, Some(p)) = (*w == which, p) {
                idx.push(i);
                ptrs.push(nearest_existing(value, p));
            }
        }
        if idx.is_empty() {
            continue;
        }
        let refs: Vec<&str> = ptrs.iter().map(String::as_str).collect();
        // The model's one-pass locator (the same one lint uses) skips every subtree that is
        // not on a wanted path, so a megabyte file costs a few milliseconds.
        let spans: Vec<Option<usize>> = file
            .locate_all(&refs)
            .into_iter()
            .map(|s| s.map(|s| s.start))
            .collect();
        let shown = if side.label.ends_with(&file.rel_path) {
            side.label.clone()
        } else {
            report_path(&side.label, &file.rel_path)
        };
        for ((i, p), span) in idx.into_iter().zip(ptrs).zip(spans) {
            let lc = span
                .map(|s| file.lines().line_col(&file.text, s))
                .unwrap_or_default();
            out.push((
                i,
                Loc {
                    file: shown.clone(),
                    pointer: p,
                    line: lc.line,
                    column: lc.column,
                },
            ));
        }
    }
    out
}

fn report_path(label: &str, file: &str) -> String {
    let sep = if label.ends_with('/') || label.ends_with(':') || label.is_empty() {
        ""
    } else {
        "/"
    };
    format!("{label}{sep}{file}")
}

#[cfg(test)]
pub(crate) mod testing;
#[cfg(test)]
mod tests;
