//! Go to definition and find references across a connector's files.
//!
//! Two kinds of names link places together:
//! - local `$ref`s (`#/definitions/X`, `#/parameters/X`, `#/responses/X`, or deeper) in the
//!   definition, whose target is the pointer they name;
//! - operationIds: declared by each operation's `operationId`, used by `x-ms-dynamic-values`,
//!   `-schema`, `-list`, `-properties`, `-tree` and `x-ms-notification` in the definition,
//!   and by `x-ms-apimTemplate-operationName` (policy templates) and `scriptOperations` in
//!   `apiProperties.json`. The platform compares operationIds ignoring case; so does this.
//!
//! Every site is found in the parsed value, then all of a file's sites are placed with one
//! call of [`DataFile::locate_all`] (the position scanner the findings use).

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::model::{Connector, DataFile, Span, pointer};

use crate::model::swagger::METHODS;

/// Extensions whose nested `operationId` values call another operation.
pub(crate) const CALLERS: &[&str] = &[
    "x-ms-dynamic-values",
    "x-ms-dynamic-schema",
    "x-ms-dynamic-list",
    "x-ms-dynamic-properties",
    "x-ms-dynamic-tree",
    "x-ms-notification",
];

/// What a site names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Name {
    /// A JSON pointer into the definition (the target of a local `$ref`).
    Pointer(String),
    /// An operationId, lowercased.
    Operation(String),
}

/// A place in a connector file that declares or uses a [`Name`].
#[derive(Debug, Clone)]
pub(crate) struct Site {
    pub(crate) path: PathBuf,
    /// The pointer of the site in its file.
    pub(crate) pointer: String,
    pub(crate) name: Name,
    /// True for a declaration (a definition, parameter or response entry; an operation's
    /// own `operationId`).
    pub(crate) declaration: bool,
    /// What a location points at: the name (declarations of entries) or the value.
    pub(crate) span: Span,
    /// Where the cursor counts as on the site: the key and its value.
    pub(crate) hit: Span,
}

/// Pending site before its span is known: (pointer, name, declaration, value_of_member).
type Pending = (String, Name, bool, bool);

fn walk(v: &Value, ptr: &mut String, depth: usize, out: &mut Vec<Pending>) {
    if depth > 256 {
        return;
    }
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                let len = ptr.len();
                *ptr = pointer::join(ptr, k);
                if k == "$ref"
                    && let Some(target) = child.as_str().and_then(pointer::from_local_ref)
                {
                    out.push((ptr.clone(), Name::Pointer(target), false, true));
                } else if CALLERS.contains(&k.as_str()) {
                    operation_ids(child, ptr, depth + 1, out);
                } else {
                    walk(child, ptr, depth + 1, out);
                }
                ptr.truncate(len);
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                let len = ptr.len();
                *ptr = pointer::join_index(ptr, i);
                walk(child, ptr, depth + 1, out);
                ptr.truncate(len);
            }
        }
        _ => {}
    }
}

/// Every `operationId` string inside a calling extension (at any depth: `x-ms-dynamic-tree`
/// nests them under `open` and `browse`).
fn operation_ids(v: &Value, ptr: &mut String, depth: usize, out: &mut Vec<Pending>) {
    if depth > 256 {
        return;
    }
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                let len = ptr.len();
                *ptr = pointer::join(ptr, k);
                match child {
                    Value::String(s) if k == "operationId" => {
                        out.push((ptr.clone(), Name::Operation(s.to_lowercase()), false, true));
                    }
                    _ => operation_ids(child, ptr, depth + 1, out),
                }
                ptr.truncate(len);
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                let len = ptr.len();
                *ptr = pointer::join_index(ptr, i);
                operation_ids(child, ptr, depth + 1, out);
                ptr.truncate(len);
            }
        }
        _ => {}
    }
}

/// The definition's declarations and uses.
fn definition_sites(root: &Value) -> Vec<Pending> {
    let mut out = Vec::new();
    for group in ["definitions", "parameters", "responses"] {
        for (name, _) in root
            .get(group)
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let p = pointer::join(&format!("/{group}"), name);
            out.push((p.clone(), Name::Pointer(p), true, false));
        }
    }
    for (path, item) in root
        .get("paths")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        for (method, op) in item.as_object().into_iter().flatten() {
            if !METHODS.contains(&method.as_str()) {
                continue;
            }
            if let Some(id) = op.get("operationId").and_then(Value::as_str) {
                let p = pointer::join(
                    &pointer::join(&pointer::join("/paths", path), method),
                    "operationId",
                );
                out.push((p, Name::Operation(id.to_lowercase()), true, true));
            }
        }
    }
    walk(root, &mut String::new(), 0, &mut out);
    out
}

/// apiProperties.json's uses of operationIds: policy templates' operation lists and
/// `scriptOperations`.
fn properties_sites(root: &Value) -> Vec<Pending> {
    let mut out = Vec::new();
    let Some(props) = root.get("properties") else {
        return out;
    };
    let mut list = |base: String, v: Option<&Value>| match v {
        Some(Value::Array(a)) => {
            for (i, s) in a.iter().enumerate() {
                if let Some(s) = s.as_str() {
                    out.push((
                        pointer::join_index(&base, i),
                        Name::Operation(s.to_lowercase()),
                        false,
                        false,
                    ));
                }
            }
        }
        Some(Value::String(s)) => {
            out.push((base, Name::Operation(s.to_lowercase()), false, true));
        }
        _ => {}
    };
    for (i, inst) in props
        .get("policyTemplateInstances")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        let base = pointer::join(
            &pointer::join(
                &pointer::join_index("/properties/policyTemplateInstances", i),
                "parameters",
            ),
            "x-ms-apimTemplate-operationName",
        );
        list(
            base,
            inst.get("parameters")
                .and_then(|p| p.get("x-ms-apimTemplate-operationName")),
        );
    }
    list(
        "/properties/scriptOperations".to_string(),
        props.get("scriptOperations"),
    );
    out
}

/// The span of the value after a member name at `key` (`"k": "v"` or `k: v`); the key's
/// own span when no value follows on the usual layout.
pub(crate) fn value_after_key(text: &str, key: Span) -> Span {
    let b = text.as_bytes();
    let mut i = key.end.min(b.len());
    while i < b.len() && b[i] != b':' && b[i] != b'\n' {
        i += 1;
    }
    if b.get(i) != Some(&b':') {
        return key;
    }
    i += 1;
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\r' | b'\n') {
        i += 1;
    }
    let start = i;
    match b.get(i) {
        Some(&q @ (b'"' | b'\'')) => {
            i += 1;
            while i < b.len() && b[i] != q && b[i] != b'\n' {
                if b[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            Span {
                start,
                end: (i + 1).min(b.len()),
            }
        }
        Some(_) => {
            while i < b.len() && !matches!(b[i], b',' | b'}' | b']' | b'\n' | b'\r' | b'#') {
                i += 1;
            }
            let mut end = i;
            while end > start && b[end - 1] == b' ' {
                end -= 1;
            }
            Span { start, end }
        }
        None => key,
    }
}

fn place(df: &DataFile, pending: Vec<Pending>, out: &mut Vec<Site>) {
    let ptrs: Vec<&str> = pending.iter().map(|p| p.0.as_str()).collect();
    let spans = df.locate_all(&ptrs);
    for ((ptr, name, declaration, member_value), span) in pending.into_iter().zip(spans) {
        let Some(span) = span else { continue };
        let (span, hit) = if member_value {
            let v = value_after_key(&df.text, span);
            (
                v,
                Span {
                    start: span.start,
                    end: v.end,
                },
            )
        } else {
            (span, span)
        };
        out.push(Site {
            path: df.path.clone(),
            pointer: ptr,
            name,
            declaration,
            span,
            hit,
        });
    }
}

/// Every declaration and use in a connector's definition and apiProperties.json.
pub(crate) fn sites(c: &Connector) -> Vec<Site> {
    let mut out = Vec::new();
    if let Some(df) = c.definition.as_ref()
        && let Some(root) = df.value.as_ref()
    {
        place(df, definition_sites(root), &mut out);
    }
    if let Some(df) = c.properties.as_ref()
        && let Some(root) = df.value.as_ref()
    {
        place(df, properties_sites(root), &mut out);
    }
    out
}

/// The site under byte `offset` of `path`, if any (the innermost when they nest).
pub(crate) fn site_at<'s>(sites: &'s [Site], path: &Path, offset: usize) -> Option<&'s Site> {
    sites
        .iter()
        .filter(|s| s.path == path && s.hit.start <= offset && offset <= s.hit.end)
        .min_by_key(|s| s.hit.end - s.hit.start)
}

/// Where a name is declared: `(file, span)`. A `$ref` to a pointer that is not a
/// definitions/parameters/responses entry resolves in the definition directly.
pub(crate) fn declarations(c: &Connector, sites: &[Site], name: &Name) -> Vec<(PathBuf, Span)> {
    let found: Vec<(PathBuf, Span)> = sites
        .iter()
        .filter(|s| s.declaration && &s.name == name)
        .map(|s| (s.path.clone(), s.span))
        .collect();
    if !found.is_empty() {
        return found;
    }
    match (name, c.definition.as_ref()) {
        (Name::Pointer(p), Some(df))
            if df.value.as_ref().is_some_and(|v| v.pointer(p).is_some()) =>
        {
            df.locate_all(&[p.as_str()])
                .into_iter()
                .flatten()
                .map(|s| (df.path.clone(), s))
                .collect()
        }
        _ => Vec::new(),
    }
}

/// Every use of a name (and its declarations when asked).
pub(crate) fn references<'s>(
    sites: &'s [Site],
    name: &Name,
    include_declaration: bool,
) -> impl Iterator<Item = &'s Site> {
    sites
        .iter()
        .filter(move |s| &s.name == name && (include_declaration || !s.declaration))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn connector(def: &str, props: Option<&str>) -> Connector {
        let df = |name: &str, t: &str| {
            DataFile::from_text(
                PathBuf::from(format!("/c/{name}")),
                name.to_string(),
                t.to_string(),
                Vec::new(),
                false,
            )
        };
        Connector {
            definition: Some(df("apiDefinition.swagger.json", def)),
            properties: props.map(|p| df("apiProperties.json", p)),
            ..Default::default()
        }
    }

    #[test]
    fn refs_and_operation_ids_link_across_files() {
        let def = r##"{"paths": {"/a": {"get": {"operationId": "ListA",
  "parameters": [{"$ref": "#/parameters/p"}, {"name": "x", "in": "query",
    "x-ms-dynamic-values": {"operationId": "lista"}}],
  "responses": {"200": {"schema": {"$ref": "#/definitions/A/properties/b"}}}}}},
 "definitions": {"A": {"properties": {"b": {"x-ms-dynamic-tree": {"browse": {"operationId": "ListA"}}}}}},
 "parameters": {"p": {"name": "p"}}}"##;
        let props = r#"{"properties": {"scriptOperations": ["LISTA"],
 "policyTemplateInstances": [{"parameters": {"x-ms-apimTemplate-operationName": ["ListA", "Other"]}}]}}"#;
        let c = connector(def, Some(props));
        let s = sites(&c);
        let op = Name::Operation("lista".into());
        let uses: Vec<&str> = references(&s, &op, false)
            .map(|s| &c.definition.as_ref().unwrap().text[s.span.start..s.span.end])
            .take(2)
            .collect();
        assert_eq!(uses, ["\"lista\"", "\"ListA\""]);
        assert_eq!(references(&s, &op, false).count(), 4);
        assert_eq!(references(&s, &op, true).count(), 5);
        // The cursor on a scriptOperations entry finds the operation's operationId.
        let at = props.find("LISTA").unwrap();
        let site = site_at(&s, Path::new("/c/apiProperties.json"), at).unwrap();
        let decl = declarations(&c, &s, &site.name);
        assert_eq!(&def[decl[0].1.start..decl[0].1.end], "\"ListA\"");
        // A $ref to a parameter, and one deeper into a definition.
        let at = def.find("#/parameters/p").unwrap();
        let site = site_at(&s, Path::new("/c/apiDefinition.swagger.json"), at).unwrap();
        let decl = declarations(&c, &s, &site.name);
        assert_eq!(&def[decl[0].1.start..decl[0].1.end], "\"p\"");
        let at = def.find("#/definitions/A/").unwrap();
        let site = site_at(&s, Path::new("/c/apiDefinition.swagger.json"), at).unwrap();
        let decl = declarations(&c, &s, &site.name);
        assert_eq!(&def[decl[0].1.start..decl[0].1.end], "\"b\"");
        assert!(
            declarations(&c, &s, &Name::Operation("other".into())).is_empty(),
            "an unknown operation has no declaration"
        );
    }

    #[test]
    fn value_spans_in_yaml_and_odd_layouts() {
        let t = "a: 'x'  # c\nb:   plain value \n";
        assert_eq!(
            value_after_key(t, Span { start: 0, end: 1 }),
            Span { start: 3, end: 6 }
        );
        let at = t.find("b:").unwrap();
        let v = value_after_key(
            t,
            Span {
                start: at,
                end: at + 1,
            },
        );
        assert_eq!(&t[v.start..v.end], "plain value");
        let k = Span { start: 0, end: 1 };
        assert_eq!(value_after_key("a", k), k);
    }
}
