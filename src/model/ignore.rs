//! The inline `x-connkit-ignore` extension as written in a definition: where it sits, the
//! codes it lists and its reason. Read here once; the lint session applies it
//! (`crate::suppress`) and `SuppressionReasonMissing` reports entries without a reason.

use serde_json::Value;

use super::parse::MAX_DEPTH;
use super::walk::{Visit, walk};

/// The extension's key.
pub(crate) const KEY: &str = "x-connkit-ignore";

/// One `x-connkit-ignore` as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct InlineEntry {
    /// The object carrying the key.
    pub(crate) pointer: String,
    pub(crate) codes: Vec<String>,
    /// The non-blank `reason`, when there is one.
    pub(crate) reason: Option<String>,
}

fn reason_of(v: &Value) -> Option<String> {
    v.get("reason")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_string)
}

/// Every `x-connkit-ignore` of a parsed file, with or without a reason.
pub(crate) fn entries_in(root: &Value) -> Vec<InlineEntry> {
    let mut out = Vec::new();
    walk(root, MAX_DEPTH, &mut |path, v| {
        if path.key() == Some(KEY) {
            return Visit::Skip;
        }
        if let Some(ig) = v.as_object().and_then(|o| o.get(KEY)) {
            out.push(InlineEntry {
                pointer: path.pointer(),
                codes: codes_of(ig),
                reason: reason_of(ig),
            });
        }
        Visit::Descend
    });
    out
}

fn codes_of(v: &Value) -> Vec<String> {
    let list = match v {
        Value::Array(a) => a.as_slice(),
        Value::Object(o) => match o.get("codes") {
            Some(Value::Array(a)) => a.as_slice(),
            Some(Value::String(s)) => return vec![s.clone()],
            _ => &[],
        },
        Value::String(s) => return vec![s.clone()],
        _ => &[],
    };
    list.iter()
        .filter_map(Value::as_str)
        .map(str::to_string)
        .collect()
}
