//! Source positions: byte offset ↔ line:column, and JSON pointer → source span.
//!
//! serde_json gives values but no spans, so spans come from jsonc-parser's AST. The AST is
//! built lazily, only for files that have findings, and all of a file's pointers are
//! resolved in one pass (see `locate_all`).

use jsonc_parser::ast;
use jsonc_parser::{CollectOptions, CommentCollectionStrategy, ParseOptions};

/// A 1-based line and column (column in Unicode scalar values, as editors count).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Start and end of a finding in its file, in bytes, with line:column of the start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Offsets of line starts, for offset → line:column.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 30 + 1);
        starts.push(0);
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i + 1);
            }
        }
        LineIndex { starts }
    }

    /// Line and column (both 1-based) of a byte offset. Offsets past the end clamp to it;
    /// offsets inside a multi-byte character count that character.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = offset.min(text.len());
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.starts[line];
        let mut end = offset;
        while end > start && !text.is_char_boundary(end) {
            end -= 1;
        }
        let column = text[start..end].chars().count() + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line_text<'t>(&self, text: &'t str, line: usize) -> &'t str {
        if line == 0 || line > self.starts.len() {
            return "";
        }
        let start = self.starts[line - 1];
        let end = self.starts.get(line).copied().unwrap_or(text.len());
        let end = end.min(text.len());
        if start >= end {
            return "";
        }
        text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// Byte offset of the start of a 1-based line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line.checked_sub(1)?).copied()
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

/// The most permissive options: positions must be found even in files with syntax problems.
pub fn lenient_options() -> ParseOptions {
    ParseOptions {
        allow_comments: true,
        allow_loose_object_property_names: true,
        allow_trailing_commas: true,
        allow_missing_commas: true,
        allow_single_quoted_strings: true,
        allow_hexadecimal_numbers: true,
        allow_unary_plus_numbers: true,
        allow_bare_decimal_point_numbers: true,
        allow_non_finite_numbers: true,
        allow_extended_string_escapes: true,
    }
}

/// Resolve many pointers in one JSON text. For each pointer the span of the deepest node
/// that exists: the property *name* when the pointer ends at an object member, the value
/// otherwise. `None` only when the text cannot be parsed at all.
pub fn locate_all(text: &str, pointers: &[&str]) -> Vec<Option<Span>> {
    let collect = CollectOptions {
        comments: CommentCollectionStrategy::Off,
        tokens: false,
    };
    let Ok(parsed) = jsonc_parser::parse_to_ast(text, &collect, &lenient_options()) else {
        return vec![None; pointers.len()];
    };
    let Some(root) = parsed.value.as_ref() else {
        return vec![None; pointers.len()];
    };
    pointers.iter().map(|p| Some(locate_in(root, p))).collect()
}

fn value_range(v: &ast::Value<'_>) -> jsonc_parser::common::Range {
    use jsonc_parser::common::Ranged;
    v.range()
}

fn locate_in(root: &ast::Value<'_>, pointer: &str) -> Span {
    use jsonc_parser::common::Ranged;
    let r = value_range(root);
    let mut span = Span {
        start: r.start,
        end: r.end.min(r.start + 1),
    };
    let Some(tokens) = super::pointer::tokens(pointer) else {
        return span;
    };
    let mut cur = root;
    for tok in &tokens {
        match cur {
            ast::Value::Object(obj) => {
                // Duplicate keys: the last one wins, as in serde_json and .NET.
                let Some(prop) = obj.properties.iter().rev().find(|p| p.name.as_str() == tok)
                else {
                    return span;
                };
                let nr = prop.name.range();
                span = Span {
                    start: nr.start,
                    end: nr.end,
                };
                cur = &prop.value;
            }
            ast::Value::Array(arr) => {
                let Some(el) = tok.parse::<usize>().ok().and_then(|i| arr.elements.get(i)) else {
                    return span;
                };
                let er = value_range(el);
                span = Span {
                    start: er.start,
                    end: er.end,
                };
                cur = el;
            }
            _ => return span,
        }
    }
    // For a container value reached by index, underline only its first line.
    if matches!(cur, ast::Value::Object(_) | ast::Value::Array(_))
        && !pointer_ends_at_key(&tokens, root)
    {
        span.end = span.start + 1;
    }
    span
}

fn pointer_ends_at_key(tokens: &[String], root: &ast::Value<'_>) -> bool {
    // True when the last step went through an object member (the span is its key).
    let mut cur = root;
    let mut last_was_key = false;
    for tok in tokens {
        match cur {
            ast::Value::Object(obj) => {
                match obj.properties.iter().rev().find(|p| p.name.as_str() == tok) {
                    Some(p) => {
                        cur = &p.value;
                        last_was_key = true;
                    }
                    None => return last_was_key,
                }
            }
            ast::Value::Array(arr) => {
                match tok.parse::<usize>().ok().and_then(|i| arr.elements.get(i)) {
                    Some(e) => {
                        cur = e;
                        last_was_key = false;
                    }
                    None => return last_was_key,
                }
            }
            _ => return last_was_key,
        }
    }
    last_was_key
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "{\n  \"swagger\": \"2.0\",\n  \"paths\": {\n    \"/items\": {\n      \"get\": {\"operationId\": \"X\"}\n    }\n  },\n  \"tags\": [1, {\"a\": 2}]\n}\n";

    fn lc(p: &str) -> (usize, usize) {
        let idx = LineIndex::new(DOC);
        let s = locate_all(DOC, &[p])[0].unwrap();
        let l = idx.line_col(DOC, s.start);
        (l.line, l.column)
    }

    #[test]
    fn pointers_resolve_to_keys() {
        assert_eq!(lc("/swagger"), (2, 3));
        assert_eq!(lc("/paths/~1items"), (4, 5));
        assert_eq!(lc("/paths/~1items/get/operationId"), (5, 15));
        assert_eq!(lc("/tags/1/a"), (8, 16));
        assert_eq!(lc("/tags/0"), (8, 12));
        assert_eq!(lc(""), (1, 1));
    }

    #[test]
    fn missing_tail_falls_back_to_deepest_existing() {
        assert_eq!(lc("/paths/~1items/post/responses"), (4, 5));
        assert_eq!(lc("/nope"), (1, 1));
    }

    #[test]
    fn line_col_counts_characters() {
        let t = "ab\né€x\n";
        let idx = LineIndex::new(t);
        assert_eq!(idx.line_col(t, 0), LineCol { line: 1, column: 1 });
        let x = t.find('x').unwrap();
        assert_eq!(idx.line_col(t, x), LineCol { line: 2, column: 3 });
        assert_eq!(idx.line_text(t, 2), "é€x");
        assert_eq!(idx.line_col(t, 999), LineCol { line: 3, column: 1 });
    }
}
