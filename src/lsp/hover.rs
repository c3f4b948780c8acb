//! Hover: a finding's explanation on its range; what an `x-ms-*` extension does on its key;
//! on an operation (its method key, its `operationId`, or an operationId another operation
//! calls), the card the designer shows for it (`connkit preview`'s card as Markdown).

use std::path::Path;

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position, Range};

use super::diagnostics;
use super::workspace::Linted;
use super::{extensions, navigate, text};
use crate::model::Span;

fn contains(r: &Range, p: Position) -> bool {
    (r.start.line, r.start.character) <= (p.line, p.character)
        && (p.line, p.character) <= (r.end.line, r.end.character)
}

/// The word (letters, digits, `-`, `_`, `$`) around a byte offset, with its byte range.
pub(crate) fn word_at(text: &str, offset: usize) -> (usize, usize) {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '$';
    let mut start = offset.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = start;
    while let Some(c) = text[..start].chars().next_back().filter(|c| is_word(*c)) {
        start -= c.len_utf8();
    }
    while let Some(c) = text[end..].chars().next().filter(|c| is_word(*c)) {
        end += c.len_utf8();
    }
    (start, end)
}

/// The explanation of a rule, as markdown (from the catalog's lint entry).
pub(crate) fn rule_markdown(code: &str, message: &str) -> Option<String> {
    let entry = crate::catalog::find_in(crate::catalog::Family::Lint, code)?;
    let r = entry.lint_rule()?;
    let fix = entry
        .fix
        .map(|f| format!("\n\nQuick fix available: {f}."))
        .unwrap_or_default();
    Some(format!(
        "**{}** ({}, gate: {}: {})\n\n{message}\n\n*{}*\n\n{}{fix}\n\n[Documentation]({})",
        r.code,
        r.severity.as_str(),
        r.gate.as_str(),
        r.gate.meaning(r.severity),
        r.summary,
        r.explanation,
        r.source
    ))
}

/// The hover at `pos` in `path` (whose current text is `doc`).
pub(crate) fn hover(
    linted: Option<&Linted>,
    path: &Path,
    doc: &str,
    pos: Position,
) -> Option<Hover> {
    let mut parts = Vec::new();
    let mut range = None;
    if let Some(l) = linted {
        for f in &l.findings {
            if diagnostics::target_file(l, f).as_deref() != Some(path) {
                continue;
            }
            let r = diagnostics::range(l, f, path);
            if contains(&r, pos)
                && let Some(md) = rule_markdown(f.code, &f.message)
            {
                parts.push(md);
                range.get_or_insert(r);
            }
        }
    }
    let off = text::offset(doc, pos);
    if let Some(l) = linted
        && let Some((md, span)) = operation_card(l, path, off)
    {
        parts.push(md);
        range.get_or_insert(Range::new(
            text::position_of_offset(doc, span.start),
            text::position_of_offset(doc, span.end),
        ));
    }
    let (s, e) = word_at(doc, off);
    if let Some(ext) = extensions::find(&doc[s..e]) {
        parts.push(extensions::markdown(ext));
        range.get_or_insert(Range::new(
            text::position_of_offset(doc, s),
            text::position_of_offset(doc, e),
        ));
    }
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    if super::workspace::kind_of(&name) == Some(crate::model::FileKind::Properties)
        && let Some((md, s, e)) = super::policies::hover(doc, off)
    {
        parts.push(md);
        range.get_or_insert(Range::new(
            text::position_of_offset(doc, s),
            text::position_of_offset(doc, e),
        ));
    }
    if parts.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: parts.join("\n\n---\n\n"),
        }),
        range,
    })
}

/// The designer card of the operation at byte `off` of the definition: on a method key
/// (`"get":`), on an `operationId` (its own, or one an `x-ms-dynamic-*` extension calls).
/// Internal operations have no card.
pub(crate) fn operation_card(l: &Linted, path: &Path, off: usize) -> Option<(String, Span)> {
    let def = l.connector.definition.as_ref().filter(|d| d.path == path)?;
    let root = def.value.as_ref()?;
    let inside = |s: &Span| s.start <= off && off <= s.end;
    let sites = navigate::sites(&l.connector);
    let by_id = navigate::site_at(&sites, path, off).and_then(|site| match &site.name {
        navigate::Name::Operation(id) => Some((id.clone(), site.hit)),
        navigate::Name::Pointer(_) => None,
    });
    let (pointer_or_id, span) = match by_id {
        Some((id, hit)) => (Err(id), hit),
        None => {
            let sw = crate::model::swagger::Swagger::new(root);
            let pointers: Vec<&str> = sw.operations.iter().map(|o| o.pointer.as_str()).collect();
            let spans = def.locate_all(&pointers);
            let (i, span) = spans
                .iter()
                .enumerate()
                .find_map(|(i, s)| s.filter(inside).map(|s| (i, s)))?;
            (Ok(sw.operations[i].pointer.clone()), span)
        }
    };
    let preview = crate::preview::build(&l.connector);
    let card = preview.cards.iter().find(|c| match &pointer_or_id {
        Ok(p) => &c.pointer == p,
        Err(id) => c.id.eq_ignore_ascii_case(id),
    })?;
    Some((crate::report::preview::card_markdown(card), span))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hover_on_an_operation_shows_its_designer_card() {
        let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/preview/Showcase");
        let linted = super::super::workspace::lint(&dir, &Default::default(), None);
        let path = linted.connector.definition.as_ref().unwrap().path.clone();
        let doc = std::fs::read_to_string(&path).unwrap();
        let at = |needle: &str, skip: usize| {
            let off = doc.find(needle).unwrap() + skip;
            text::position_of_offset(&doc, off)
        };
        let value = |h: Option<Hover>| match h.map(|h| h.contents) {
            Some(HoverContents::Markup(m)) => m.value,
            other => panic!("{other:?}"),
        };
        // On the operationId.
        let md = value(hover(Some(&linted), &path, &doc, at("\"CreateTicket\"", 3)));
        assert!(md.starts_with("**Create a ticket** (action"), "{md}");
        assert!(md.contains("`body/requester/email`"), "{md}");
        // On the method key (GET /tickets follows POST /tickets in the file).
        let md = value(hover(Some(&linted), &path, &doc, at("\"get\": {", 2)));
        assert!(md.starts_with("**List tickets**"), "{md}");
        // On an operationId a dynamic dropdown calls: ListQueues is internal, so no card.
        let h = hover(
            Some(&linted),
            &path,
            &doc,
            at(
                "\"operationId\": \"ListQueues\",\n              \"value-path\"",
                18,
            ),
        );
        assert!(h.is_none_or(|h| !format!("{h:?}").contains("List queues")));
        // Elsewhere: no card.
        let h = hover(Some(&linted), &path, &doc, at("\"swagger\"", 2));
        assert!(h.is_none_or(|h| !format!("{h:?}").contains("(action")));
    }

    #[test]
    fn word_at_finds_extension_keys() {
        let t = r#"{"x-ms-visibility": "internal"}"#;
        let (s, e) = word_at(t, 5);
        assert_eq!(&t[s..e], "x-ms-visibility");
        let (s, e) = word_at(t, 0);
        assert_eq!(&t[s..e], "");
        let t = "é x-ms-summary";
        let (s, e) = word_at(t, t.len());
        assert_eq!(&t[s..e], "x-ms-summary");
    }
}
