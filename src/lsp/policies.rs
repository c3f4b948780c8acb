//! Policy templates in apiProperties.json: completion of template ids, of the parameter keys
//! the instance's template takes and of their enumerated values; hover on an id or a key with
//! what [`crate::policies::catalog`] says and the page that documents it.
//!
//! Positions are found on the text as typed (it may not parse): the string under the cursor,
//! and the objects that enclose it by brace matching outside strings.

use lsp_types::{CompletionItem, CompletionItemKind, Documentation, MarkupContent, MarkupKind};

use crate::policies::catalog::{self, Kind, Param, Template};

/// The innermost open objects before `offset`: their byte offsets (outermost first).
fn open_objects(text: &str, offset: usize) -> Vec<usize> {
    let mut stack = Vec::new();
    let mut in_str = false;
    let mut escaped = false;
    for (i, c) in text[..offset].char_indices() {
        if in_str {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '{' | '[' => stack.push(i),
            '}' | ']' => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack
}

/// The end of the object opened at `start` (or the text's end).
fn object_end(text: &str, start: usize) -> usize {
    let mut depth = 0i32;
    let mut in_str = false;
    let mut escaped = false;
    for (i, c) in text[start..].char_indices() {
        if in_str {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '{' | '[' => depth += 1,
            '}' | ']' => {
                depth -= 1;
                if depth == 0 {
                    return start + i + 1;
                }
            }
            _ => {}
        }
    }
    text.len()
}

/// The key written just before the object opened at `at` (`"parameters": {`).
fn key_before(text: &str, at: usize) -> Option<&str> {
    let before = text[..at].trim_end().strip_suffix(':')?.trim_end();
    let before = before.strip_suffix('"')?;
    let start = before.rfind('"')?;
    Some(&before[start + 1..])
}

/// The `templateId` written directly in the object spanning `range` (nested objects skipped).
fn template_id_in(text: &str, start: usize) -> Option<&str> {
    let end = object_end(text, start);
    let body = &text[start..end];
    let mut from = 0;
    while let Some(i) = body[from..].find("\"templateId\"") {
        let at = from + i;
        // Only at the instance's own level.
        if open_objects(body, at).len() == 1 {
            let rest = body[at + "\"templateId\"".len()..].trim_start();
            let rest = rest.strip_prefix(':')?.trim_start().strip_prefix('"')?;
            return rest.find('"').map(|e| &rest[..e]);
        }
        from = at + 1;
    }
    None
}

/// Where the cursor is, for policy purposes.
#[derive(Debug)]
enum Spot<'t> {
    /// Typing the value of `templateId`.
    TemplateId,
    /// Typing a key inside an instance's `parameters` (the template when known).
    ParameterKey(Option<&'static Template>),
    /// Typing the value of a parameter key.
    ParameterValue(Option<&'static Template>, &'t str),
}

fn spot(text: &str, offset: usize) -> Option<Spot<'_>> {
    if !text.contains("policyTemplateInstances") {
        return None;
    }
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..offset];
    let objects = open_objects(text, offset);
    let innermost = *objects.last()?;
    // `"key": "partial` on this line?
    let value_key = before.rfind(':').and_then(|c| {
        let v = before[c + 1..].trim_start();
        let typed = v.strip_prefix('"')?;
        (!typed.contains('"')).then_some(())?;
        let k = before[..c].trim_end().strip_suffix('"')?;
        let s = k.rfind('"')?;
        Some(&k[s + 1..])
    });
    if value_key == Some("templateId") {
        return Some(Spot::TemplateId);
    }
    if key_before(text, innermost) == Some("parameters") && objects.len() >= 2 {
        let instance = objects[objects.len() - 2];
        let template = template_id_in(text, instance).and_then(catalog::find);
        return Some(match value_key {
            Some(k) => Spot::ParameterValue(template, k),
            None => Spot::ParameterKey(template),
        });
    }
    None
}

fn doc(md: String) -> Option<Documentation> {
    Some(Documentation::MarkupContent(MarkupContent {
        kind: MarkupKind::Markdown,
        value: md,
    }))
}

/// A template, as Markdown: name, summary, parameters, sections, page.
pub(crate) fn template_markdown(t: &Template) -> String {
    let mut s = format!("**{}** (`{}`)", t.name, t.id);
    if t.preview {
        s.push_str(" — preview");
    }
    s.push_str(&format!("\n\n{}\n", t.summary));
    if !t.params.is_empty() {
        s.push('\n');
        for p in t.params {
            s.push_str(&format!("- {}\n", param_line(p)));
        }
    }
    if !t.sections.is_empty() {
        let names: Vec<&str> = t.sections.iter().map(|x| x.as_str()).collect();
        s.push_str(&format!("\nSections: {}.\n", names.join(", ")));
    }
    if t.scope == catalog::Scope::NamedOperations {
        s.push_str(&format!(
            "\nName the operations it applies to in `{}`.\n",
            catalog::OPERATION_NAME
        ));
    }
    s.push_str(&format!("\n[Documentation]({})", t.citation()));
    s
}

fn param_line(p: &Param) -> String {
    let mut s = format!(
        "`{}` ({}){}",
        p.name,
        if p.required { "required" } else { "optional" },
        if p.doc.is_empty() {
            String::new()
        } else {
            format!(": {}", p.doc)
        }
    );
    if !p.values.is_empty() {
        s.push_str(&format!(" One of: {}.", p.values.join(", ")));
    }
    if let Some(d) = p.default {
        s.push_str(&format!(" Default: {d}."));
    }
    s
}

/// Completion items for apiProperties.json at `offset`.
pub(crate) fn complete(text: &str, offset: usize) -> Vec<CompletionItem> {
    match spot(text, offset) {
        Some(Spot::TemplateId) => catalog::documented()
            .map(|t| CompletionItem {
                label: t.id.to_string(),
                kind: Some(CompletionItemKind::CLASS),
                detail: Some(t.name.to_string()),
                documentation: doc(template_markdown(t)),
                ..Default::default()
            })
            .collect(),
        Some(Spot::ParameterKey(Some(t))) => {
            let mut items: Vec<CompletionItem> = t
                .params
                .iter()
                .map(|p| CompletionItem {
                    label: format!("{}{}", catalog::PARAM_PREFIX, p.name),
                    kind: Some(CompletionItemKind::PROPERTY),
                    detail: Some(format!(
                        "{} ({})",
                        t.id,
                        if p.required { "required" } else { "optional" }
                    )),
                    documentation: doc(param_line(p)),
                    ..Default::default()
                })
                .collect();
            items.push(CompletionItem {
                label: catalog::OPERATION_NAME.into(),
                kind: Some(CompletionItemKind::PROPERTY),
                detail: Some("the operationIds it applies to (absent: all)".into()),
                ..Default::default()
            });
            if !t.sections.is_empty() {
                items.push(CompletionItem {
                    label: catalog::POLICY_SECTION.into(),
                    kind: Some(CompletionItemKind::PROPERTY),
                    detail: Some(
                        t.sections
                            .iter()
                            .map(|s| s.as_str())
                            .collect::<Vec<_>>()
                            .join(" | "),
                    ),
                    ..Default::default()
                });
            }
            items
        }
        Some(Spot::ParameterValue(Some(t), key)) => {
            let values: Vec<&str> = if key == catalog::POLICY_SECTION {
                t.sections.iter().map(|s| s.as_str()).collect()
            } else {
                t.param_for_key(key)
                    .filter(|p| p.kind == Kind::Enum)
                    .map(|p| p.values.to_vec())
                    .unwrap_or_default()
            };
            values
                .into_iter()
                .map(|v| CompletionItem {
                    label: v.to_string(),
                    kind: Some(CompletionItemKind::ENUM_MEMBER),
                    detail: Some(key.to_string()),
                    ..Default::default()
                })
                .collect()
        }
        _ => Vec::new(),
    }
}

/// The JSON string under the cursor (on its line), with its byte range (quotes excluded).
fn string_at(text: &str, offset: usize) -> Option<(usize, usize)> {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let line = &text[line_start..line_end];
    let mut quotes = Vec::new();
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quotes.push(line_start + i),
            _ => {}
        }
    }
    quotes
        .chunks(2)
        .filter(|p| p.len() == 2)
        .find(|p| p[0] < offset && offset <= p[1])
        .map(|p| (p[0] + 1, p[1]))
}

/// Hover Markdown for a template id or a template parameter key at `offset`, with the byte
/// range it covers.
pub(crate) fn hover(text: &str, offset: usize) -> Option<(String, usize, usize)> {
    if !text.contains("policyTemplateInstances") {
        return None;
    }
    let (s, e) = string_at(text, offset)?;
    let word = &text[s..e];
    let after = text[e + 1..].trim_start();
    let is_key = after.starts_with(':');
    if !is_key {
        let before = text[..s - 1].trim_end().strip_suffix(':')?.trim_end();
        if before.ends_with("\"templateId\"") {
            let t = catalog::find(word)?;
            return Some((template_markdown(t), s, e));
        }
        return None;
    }
    let name = word.strip_prefix(catalog::PARAM_PREFIX)?;
    let objects = open_objects(text, s);
    let template = (objects.len() >= 2)
        .then(|| template_id_in(text, objects[objects.len() - 2]))
        .flatten()
        .and_then(catalog::find);
    let (t, p) = match template {
        Some(t) => (t, t.param(name)?),
        None => catalog::TEMPLATES
            .iter()
            .find_map(|t| t.param(name).map(|p| (t, p)))?,
    };
    Some((
        format!(
            "{} of **{}** (`{}`)\n\n[Documentation]({})",
            param_line(p),
            t.name,
            t.id,
            t.citation()
        ),
        s,
        e,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"{"properties": {"policyTemplateInstances": [
  {"parameters": {
      "x-ms-apimTemplateParameter.existsAction": "|",
      |
  },
  "templateId": "setheader"},
  {"templateId": "|"}
]}}"#;

    fn at(n: usize) -> (String, usize) {
        let mut marks = DOC.match_indices('|').map(|(i, _)| i);
        let off = marks.nth(n).unwrap() - n;
        (DOC.replace('|', ""), off)
    }

    fn labels(text: &str, off: usize) -> Vec<String> {
        complete(text, off).into_iter().map(|i| i.label).collect()
    }

    #[test]
    fn completes_values_keys_and_ids_from_the_catalog() {
        let (t, off) = at(0);
        assert_eq!(labels(&t, off), ["override", "skip", "append"]);
        let (t, off) = at(1);
        let keys = labels(&t, off);
        assert!(keys.contains(&"x-ms-apimTemplateParameter.name".to_string()));
        assert!(keys.contains(&"x-ms-apimTemplate-policySection".to_string()));
        assert!(!keys.contains(&"x-ms-apimTemplateParameter.urlTemplate".to_string()));
        let (t, off) = at(2);
        let ids = labels(&t, off);
        assert_eq!(ids.len(), 13);
        assert!(ids.contains(&"routerequesttoendpoint".to_string()));
        assert!(complete("{\"a\": \"|", 7).is_empty());
    }

    #[test]
    fn hovers_ids_and_keys_with_their_page() {
        let t = DOC.replace('|', "");
        let off = t.find("setheader").unwrap() + 2;
        let (md, s, e) = hover(&t, off).unwrap();
        assert_eq!(&t[s..e], "setheader");
        assert!(md.contains("**Set HTTP header**"), "{md}");
        assert!(md.contains(
            "https://learn.microsoft.com/en-us/connectors/custom-connectors/policy-templates/setheader/setheader"
        ));
        let off = t.find("existsAction").unwrap();
        let (md, _, _) = hover(&t, off).unwrap();
        assert!(md.starts_with("`existsAction` (optional)"), "{md}");
        assert!(md.contains("One of: override, skip, append."), "{md}");
        assert!(hover("{\"a\": \"b\"}", 7).is_none());
    }
}
