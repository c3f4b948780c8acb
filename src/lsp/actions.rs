//! Code actions: the fixes `lint --fix` knows, as whole-document edits, and "suppress here,
//! with a reason" (an `x-connkit-ignore` where [`crate::suppress`] reads it).

use std::collections::HashMap;
use std::path::Path;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Diagnostic, Range, TextEdit, Uri,
    WorkspaceEdit,
};
use serde_json::Value;

use super::diagnostics;
use super::text;
use super::workspace::Linted;
use crate::model::{FileKind, Format, pointer};

/// The placeholder reason of a new suppression: the author replaces it.
pub(crate) const REASON_PLACEHOLDER: &str = "TODO: why this finding is acceptable";

fn overlaps(a: &Range, b: &Range) -> bool {
    (a.start.line, a.start.character) <= (b.end.line, b.end.character)
        && (b.start.line, b.start.character) <= (a.end.line, a.end.character)
}

fn whole_document(uri: &Uri, old: &str, new: String) -> WorkspaceEdit {
    let edit = TextEdit {
        range: Range::new(lsp_types::Position::new(0, 0), text::end_position(old)),
        new_text: new,
    };
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
        ..Default::default()
    }
}

/// `text` with an `x-connkit-ignore` for `code` on the nearest object at or above `ptr`
/// (added to an existing one there). `None` when the text is not strict JSON.
pub(crate) fn suppress_edit(doc: &str, ptr: &str, code: &str) -> Option<String> {
    crate::model::jsontext::parse(doc).ok()?;
    let mut value: Value = serde_json::from_str(doc).ok()?;
    let mut at = ptr.to_string();
    while !value.pointer(&at).is_some_and(Value::is_object) {
        at = pointer::parent(&at)?.to_string();
    }
    let obj = value.pointer_mut(&at)?.as_object_mut()?;
    let entry = obj
        .entry(crate::model::ignore::KEY)
        .or_insert_with(|| serde_json::json!({"codes": [], "reason": REASON_PLACEHOLDER}));
    // The array or string forms have no reason (not applied): make them the object form.
    if !entry.is_object() {
        let codes: Vec<Value> = match entry {
            Value::Array(a) => a.clone(),
            Value::String(_) => vec![entry.clone()],
            _ => Vec::new(),
        };
        *entry = serde_json::json!({"codes": codes, "reason": REASON_PLACEHOLDER});
    }
    let o = entry.as_object_mut()?;
    let codes = o.entry("codes").or_insert_with(|| Value::Array(Vec::new()));
    if let Value::String(s) = codes {
        *codes = Value::Array(vec![Value::String(s.clone())]);
    }
    let list = codes.as_array_mut()?;
    if !list.iter().any(|c| c.as_str() == Some(code)) {
        list.push(Value::String(code.to_string()));
    }
    if o.get("reason")
        .and_then(Value::as_str)
        .is_none_or(|r| r.trim().is_empty())
    {
        o.insert("reason".into(), Value::String(REASON_PLACEHOLDER.into()));
    }
    crate::model::jsontext::splice(doc, &value)
}

/// The code actions for `range` of `path` (current text `doc`, URI `uri`).
pub(crate) fn actions(
    linted: &Linted,
    path: &Path,
    uri: &Uri,
    doc: &str,
    range: Range,
) -> Vec<CodeActionOrCommand> {
    let c = &linted.connector;
    let json_kind = [
        FileKind::Definition,
        FileKind::Properties,
        FileKind::Settings,
    ]
    .into_iter()
    .find(|k| {
        c.data_file(*k)
            .is_some_and(|d| d.path == path && d.format == Format::Json)
    });
    let is_definition = json_kind == Some(FileKind::Definition);
    let mine: Vec<_> = linted
        .findings
        .iter()
        .filter(|f| c.dir.join(&f.file) == path)
        .collect();
    let mut out = Vec::new();
    let mut fixable_all: Vec<(&str, &str)> = Vec::new();
    for f in &mine {
        if crate::fix::find(f.code).is_some() && json_kind.is_some() {
            fixable_all.push((f.code, f.pointer.as_str()));
        }
        let diag: Diagnostic = diagnostics::diagnostic(linted, f, path);
        if !overlaps(&diag.range, &range) {
            continue;
        }
        if let Some(fix) = crate::fix::find(f.code)
            && json_kind.is_some()
            && let Some((bytes, _)) = crate::fix::fix_bytes(doc.as_bytes(), &[(f.code, &f.pointer)])
            && let Ok(new) = String::from_utf8(bytes)
        {
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Fix {}: {}", f.code, fix.summary),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diag.clone()]),
                edit: Some(whole_document(uri, doc, new)),
                is_preferred: Some(true),
                ..Default::default()
            }));
        }
        if is_definition
            && !crate::rules::files::not_inline(f.code)
            && let Some(new) = suppress_edit(doc, &f.pointer, f.code)
        {
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Suppress {} here (x-connkit-ignore, with a reason)", f.code),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diag]),
                edit: Some(whole_document(uri, doc, new)),
                ..Default::default()
            }));
        }
    }
    if fixable_all.len() > 1
        && let Some((bytes, n)) = crate::fix::fix_bytes(doc.as_bytes(), &fixable_all)
        && let Ok(new) = String::from_utf8(bytes)
    {
        out.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: format!("Fix all {n} fixable connkit findings in this file"),
            kind: Some(CodeActionKind::new("source.fixAll.connkit")),
            edit: Some(whole_document(uri, doc, new)),
            ..Default::default()
        }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suppression_goes_on_the_nearest_object_and_merges() {
        let doc = "{\n  \"paths\": {\n    \"/a\": {\n      \"get\": {\n        \"operationId\": \"A\"\n      }\n    }\n  }\n}\n";
        let new = suppress_edit(doc, "/paths/~1a/get/operationId", "X").unwrap();
        let v: Value = serde_json::from_str(&new).unwrap();
        assert_eq!(
            v["paths"]["/a"]["get"]["x-connkit-ignore"],
            serde_json::json!({"codes": ["X"], "reason": REASON_PLACEHOLDER})
        );
        let again = suppress_edit(&new, "/paths/~1a/get", "Y").unwrap();
        let v: Value = serde_json::from_str(&again).unwrap();
        assert_eq!(
            v["paths"]["/a"]["get"]["x-connkit-ignore"]["codes"],
            serde_json::json!(["X", "Y"])
        );
        let entries = crate::suppress::inline_in("f", &v);
        assert_eq!(entries.len(), 2);
        // A pointer to something missing climbs to the root object.
        let root = suppress_edit(doc, "/info/title", "Z").unwrap();
        let v: Value = serde_json::from_str(&root).unwrap();
        assert_eq!(v["x-connkit-ignore"]["codes"], serde_json::json!(["Z"]));
        assert!(suppress_edit("{oops", "", "Z").is_none());
    }
}
