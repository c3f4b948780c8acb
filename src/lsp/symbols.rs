//! Document symbols of a definition: operations (method, path, summary), definitions,
//! shared parameters.

use lsp_types::{DocumentSymbol, Range, SymbolKind};
use serde_json::Value;

use super::text;
use crate::model::{DataFile, pointer};

use crate::model::swagger::METHODS;

#[allow(deprecated)] // `deprecated` is a required field of the struct.
fn symbol(name: String, detail: Option<String>, kind: SymbolKind, range: Range) -> DocumentSymbol {
    DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range,
        selection_range: range,
        children: None,
    }
}

/// The outline of a definition file.
pub(crate) fn symbols(df: &DataFile) -> Vec<DocumentSymbol> {
    let Some(root) = df.value.as_ref() else {
        return Vec::new();
    };
    // (name, detail, kind, pointer, group)
    let mut items: Vec<(String, Option<String>, SymbolKind, String, usize)> = Vec::new();
    if let Some(paths) = root.get("paths").and_then(Value::as_object) {
        for (path, item) in paths {
            for (method, op) in item.as_object().into_iter().flatten() {
                if !METHODS.contains(&method.as_str()) {
                    continue;
                }
                let id = op.get("operationId").and_then(Value::as_str);
                let summary = op.get("summary").and_then(Value::as_str);
                let detail = match (id, summary) {
                    (Some(i), Some(s)) => Some(format!("{i}: {s}")),
                    (Some(i), None) => Some(i.to_string()),
                    (None, s) => s.map(str::to_string),
                };
                let ptr = pointer::join(&pointer::join("/paths", path), method);
                items.push((
                    format!("{} {path}", method.to_uppercase()),
                    detail,
                    SymbolKind::METHOD,
                    ptr,
                    0,
                ));
            }
        }
    }
    for (group, kind) in [
        ("definitions", SymbolKind::STRUCT),
        ("parameters", SymbolKind::VARIABLE),
    ] {
        for (name, _) in root
            .get(group)
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let ptr = pointer::join(&format!("/{group}"), name);
            let g = if group == "definitions" { 1 } else { 2 };
            items.push((name.clone(), None, kind, ptr, g));
        }
    }
    let ptrs: Vec<&str> = items.iter().map(|i| i.3.as_str()).collect();
    let spans = df.locate_all(&ptrs);
    let range_of = |span: Option<crate::model::Span>| {
        span.map(|s| {
            Range::new(
                text::position_of_offset_indexed(&df.text, df.lines(), s.start),
                text::position_of_offset_indexed(&df.text, df.lines(), s.end.max(s.start)),
            )
        })
        .unwrap_or_default()
    };
    let mut groups: [Vec<DocumentSymbol>; 3] = Default::default();
    for (item, span) in items.into_iter().zip(spans) {
        groups[item.4].push(symbol(item.0, item.1, item.2, range_of(span)));
    }
    let [ops, defs, params] = groups;
    let mut out = ops;
    for (name, kind, children, ptr) in [
        ("definitions", SymbolKind::NAMESPACE, defs, "/definitions"),
        ("parameters", SymbolKind::NAMESPACE, params, "/parameters"),
    ] {
        if children.is_empty() {
            continue;
        }
        let r = range_of(df.locate_all(&[ptr]).into_iter().next().flatten());
        let mut s = symbol(name.to_string(), None, kind, r);
        s.children = Some(children);
        out.push(s);
    }
    out
}
