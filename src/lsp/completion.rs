//! Completion in the definition: `x-ms-*` keys, the values of enumerated extensions, and
//! operationIds inside dynamic values, schemas and lists.

use lsp_types::{CompletionItem, CompletionItemKind, Documentation, MarkupContent, MarkupKind};
use serde_json::Value;

use super::extensions::{self, EXTENSIONS};

/// The dynamic extensions whose `operationId` names another operation.
const DYNAMIC: &[&str] = &[
    "x-ms-dynamic-values",
    "x-ms-dynamic-schema",
    "x-ms-dynamic-list",
    "x-ms-dynamic-properties",
];

fn doc(md: String) -> Option<Documentation> {
    Some(Documentation::MarkupContent(MarkupContent {
        kind: MarkupKind::Markdown,
        value: md,
    }))
}

/// The key whose value is being typed on this line (`"key": "partial`), if any.
fn value_of_key(before: &str) -> Option<&str> {
    let colon = before.rfind(':')?;
    let value_part = before[colon + 1..].trim_start();
    let value_part = value_part.trim_start_matches(['"', '\'']);
    if !value_part
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
    {
        return None;
    }
    let key = before[..colon].trim_end().trim_end_matches(['"', '\'']);
    let start = key
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '$'))
        .map_or(0, |i| i + 1);
    Some(&key[start..])
}

/// Whether the cursor is where an object key is typed (`"x-ms-` or `x-ms-` after indentation,
/// `{` or `,`).
fn at_key(before: &str) -> bool {
    let word_start = before
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .map_or(0, |i| i + 1);
    let rest = before[..word_start].trim_end_matches('"');
    let rest = rest.trim_end();
    rest.is_empty() || rest.ends_with('{') || rest.ends_with(',')
}

/// Which dynamic extension object encloses `offset` (the nearest one opened before it and
/// not yet closed, counted by braces; good enough for the usual layout).
fn in_dynamic(text: &str, offset: usize) -> bool {
    let before = &text[..offset];
    DYNAMIC.iter().any(|key| {
        let Some(at) = before.rfind(&format!("\"{key}\"")) else {
            return before.contains(&format!("{key}:"));
        };
        let mut depth = 0i32;
        for c in before[at..].chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
        }
        depth > 0
    })
}

/// The local reference typed so far as a `$ref` value (`"$ref": "#/defin`), with its
/// byte length.
fn ref_prefix(before: &str) -> Option<&str> {
    let colon = before.rfind(':')?;
    let key = before[..colon].trim_end().trim_end_matches(['"', '\'']);
    if !key.ends_with("$ref") {
        return None;
    }
    let v = before[colon + 1..].trim_start();
    let v = v.strip_prefix(['"', '\'']).unwrap_or(v);
    (v.is_empty() || v.starts_with('#')).then_some(v)
}

/// `$ref` targets: `#/definitions/…`, `#/parameters/…`, `#/responses/…` that start with what
/// is typed, each replacing the typed part.
fn ref_targets(
    text: &str,
    offset: usize,
    typed: &str,
    root: Option<&Value>,
) -> Vec<CompletionItem> {
    let Some(root) = root else {
        return Vec::new();
    };
    let start = super::text::position_of_offset(text, offset - typed.len());
    let end = super::text::position_of_offset(text, offset);
    let mut out = Vec::new();
    for (group, kind) in [
        ("definitions", CompletionItemKind::STRUCT),
        ("parameters", CompletionItemKind::VARIABLE),
        ("responses", CompletionItemKind::INTERFACE),
    ] {
        for (name, _) in root
            .get(group)
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let label = format!("#/{group}/{}", crate::model::pointer::escape(name));
            if !label.starts_with(typed) {
                continue;
            }
            out.push(CompletionItem {
                label: label.clone(),
                kind: Some(kind),
                detail: Some(group.to_string()),
                filter_text: Some(label.clone()),
                text_edit: Some(lsp_types::CompletionTextEdit::Edit(lsp_types::TextEdit {
                    range: lsp_types::Range::new(start, end),
                    new_text: label,
                })),
                ..Default::default()
            });
        }
    }
    out
}

/// Completion items at `offset` of a definition `text` (parsed as `root`, when it parses).
pub(crate) fn complete(text: &str, offset: usize, root: Option<&Value>) -> Vec<CompletionItem> {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..offset];
    if let Some(typed) = ref_prefix(before) {
        return ref_targets(text, offset, typed, root);
    }
    if let Some(key) = value_of_key(before) {
        if let Some(ext) = extensions::find(key).filter(|e| !e.values.is_empty()) {
            return ext
                .values
                .iter()
                .map(|v| CompletionItem {
                    label: (*v).to_string(),
                    kind: Some(CompletionItemKind::ENUM_MEMBER),
                    detail: Some(ext.key.to_string()),
                    ..Default::default()
                })
                .collect();
        }
        if key == "operationId" && in_dynamic(text, offset) {
            let Some(paths) = root.and_then(|r| r.get("paths")).and_then(Value::as_object) else {
                return Vec::new();
            };
            return paths
                .iter()
                .flat_map(|(path, item)| {
                    item.as_object()
                        .into_iter()
                        .flatten()
                        .filter_map(move |(method, op)| {
                            let id = op.get("operationId")?.as_str()?;
                            Some(CompletionItem {
                                label: id.to_string(),
                                kind: Some(CompletionItemKind::FUNCTION),
                                detail: Some(format!("{} {path}", method.to_uppercase())),
                                documentation: op
                                    .get("summary")
                                    .and_then(Value::as_str)
                                    .map(|s| Documentation::String(s.to_string())),
                                ..Default::default()
                            })
                        })
                })
                .collect();
        }
        return Vec::new();
    }
    if at_key(before) {
        return EXTENSIONS
            .iter()
            .map(|e| CompletionItem {
                label: e.key.to_string(),
                kind: Some(CompletionItemKind::PROPERTY),
                detail: Some(format!("on {}", e.on)),
                documentation: doc(extensions::markdown(e)),
                ..Default::default()
            })
            .collect();
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str, root: Option<&Value>) -> Vec<String> {
        let off = text.find('|').unwrap();
        let t = text.replace('|', "");
        complete(&t, off, root)
            .into_iter()
            .map(|i| i.label)
            .collect()
    }

    #[test]
    fn keys_values_and_operation_ids() {
        assert!(labels("{\n  \"x-ms-|", None).contains(&"x-ms-summary".to_string()));
        assert_eq!(
            labels("{\n  \"x-ms-visibility\": \"|", None),
            ["important", "advanced", "internal", "none"]
        );
        assert_eq!(labels("{\"x-ms-trigger\": \"b|", None), ["batch", "single"]);
        let root = serde_json::json!({"paths": {"/a": {"get": {"operationId": "ListA", "summary": "List"}}}});
        let t = "{\"x-ms-dynamic-values\": {\n  \"operationId\": \"|";
        assert_eq!(labels(t, Some(&root)), ["ListA"]);
        let t = "{\"x-ms-dynamic-values\": {}, \"operationId\": \"|";
        assert!(labels(t, Some(&root)).is_empty());
        assert!(labels("{\"a\": \"b c|", None).is_empty());
    }

    #[test]
    fn ref_targets_after_the_hash() {
        let root =
            serde_json::json!({"definitions": {"Task": {}, "a/b": {}}, "parameters": {"top": {}}});
        assert_eq!(
            labels("{\"$ref\": \"#/definitions/|", Some(&root)),
            ["#/definitions/Task", "#/definitions/a~1b"]
        );
        assert_eq!(
            labels("{\"$ref\": \"|", Some(&root)).len(),
            3,
            "every target when nothing is typed"
        );
        assert_eq!(
            labels("{\"$ref\": \"#/p|", Some(&root)),
            ["#/parameters/top"]
        );
        assert!(labels("{\"$ref\": \"other.json#|", Some(&root)).is_empty());
        let t = "{\"$ref\": \"#/def";
        let items = complete(t, t.len(), Some(&root));
        let Some(lsp_types::CompletionTextEdit::Edit(e)) = &items[0].text_edit else {
            panic!("a text edit");
        };
        assert_eq!(e.range.start.character as usize, t.len() - "#/def".len());
    }
}
