//! Accepted (intended) changes: `connkit-accepted.toml` beside the connector, or `--accept`.
//!
//! ```toml
//! [[accept]]
//! code = "OperationDeleted"
//! operation = "GetItemsOld"          # optional: any operation when absent
//! pointer = "/paths/~1items/get"     # optional: matches the old or new pointer, or below it
//! reason = "Deprecated since 2024-01, 30 days' notice given (issue #12)"
//! ```

use serde::Deserialize;

use super::Change;

/// The conventional file name looked for beside the connector.
pub(crate) const FILE_NAME: &str = "connkit-accepted.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AcceptFile {
    #[serde(default)]
    pub(crate) accept: Vec<Entry>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(crate) struct Entry {
    pub(crate) code: String,
    pub(crate) operation: Option<String>,
    pub(crate) pointer: Option<String>,
    /// Required: why the change is intended (shown in every report).
    pub(crate) reason: String,
}

impl Entry {
    fn matches(&self, c: &Change) -> bool {
        if !self.code.eq_ignore_ascii_case(c.rule.code) {
            return false;
        }
        if let Some(op) = &self.operation
            && op != &c.operation
        {
            return false;
        }
        if let Some(p) = &self.pointer {
            let under = |loc: &Option<super::Loc>| {
                loc.as_ref()
                    .is_some_and(|l| l.pointer == *p || l.pointer.starts_with(&format!("{p}/")))
            };
            if !under(&c.old) && !under(&c.new) {
                return false;
            }
        }
        true
    }
}

/// Parse an accepted-changes file. Every entry needs a non-empty reason.
pub(crate) fn parse(text: &str) -> Result<Vec<Entry>, String> {
    let f: AcceptFile = toml::from_str(text).map_err(|e| e.to_string())?;
    for (i, e) in f.accept.iter().enumerate() {
        if e.reason.trim().is_empty() {
            return Err(format!(
                "entry {} ({}): reason must not be empty",
                i + 1,
                e.code
            ));
        }
        if super::rules::find(&e.code).is_none() {
            return Err(format!(
                "entry {} : unknown diff rule code '{}' (see `connkit diff --list-rules`)",
                i + 1,
                e.code
            ));
        }
    }
    Ok(f.accept)
}

/// Mark matching changes as accepted. Returns the entries that matched nothing.
pub(crate) fn apply(changes: &mut [Change], entries: &[Entry]) -> Vec<Entry> {
    let mut used = vec![false; entries.len()];
    for c in changes.iter_mut() {
        if let Some((i, e)) = entries.iter().enumerate().find(|(_, e)| e.matches(c)) {
            c.accepted = Some(e.reason.clone());
            if let Some(u) = used.get_mut(i) {
                *u = true;
            }
        }
    }
    entries
        .iter()
        .zip(used)
        .filter(|(_, u)| !u)
        .map(|(e, _)| e.clone())
        .collect()
}
