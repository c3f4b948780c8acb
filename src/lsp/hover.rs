//! Hover: a finding's explanation on its range; what an `x-ms-*` extension does on its key.

use std::path::Path;

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position, Range};

use super::diagnostics;
use super::workspace::Linted;
use super::{extensions, text};

fn contains(r: &Range, p: Position) -> bool {
    (r.start.line, r.start.character) <= (p.line, p.character)
        && (p.line, p.character) <= (r.end.line, r.end.character)
}

/// The word (letters, digits, `-`, `_`, `$`) around a byte offset, with its byte range.
pub fn word_at(text: &str, offset: usize) -> (usize, usize) {
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
pub fn rule_markdown(code: &str, message: &str) -> Option<String> {
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
pub fn hover(linted: Option<&Linted>, path: &Path, doc: &str, pos: Position) -> Option<Hover> {
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
    let (s, e) = word_at(doc, off);
    if let Some(ext) = extensions::find(&doc[s..e]) {
        parts.push(extensions::markdown(ext));
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

#[cfg(test)]
mod tests {
    use super::*;

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
