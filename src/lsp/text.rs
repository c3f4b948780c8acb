//! Positions and URIs: connkit's 1-based character columns ↔ LSP's 0-based UTF-16 ones, and
//! `file://` URIs ↔ paths.
//!
//! *For connkit's own benchmarks and tests.*

use std::path::{Path, PathBuf};

use lsp_types::{Position, Uri};

use crate::model::LineIndex;

/// The text of line `line` (0-based) without its line ending; empty past the end.
pub(crate) fn line_text(text: &str, line: usize) -> &str {
    text.split('\n')
        .nth(line)
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .unwrap_or("")
}

/// UTF-16 length of the first `chars` characters of `line` (the whole line when shorter).
pub(crate) fn utf16_of_chars(line: &str, chars: usize) -> u32 {
    line.chars().take(chars).map(char::len_utf16).sum::<usize>() as u32
}

/// LSP position of a finding's 1-based line and character column.
pub(crate) fn position(text: &str, line: usize, column: usize) -> Position {
    let l = line.saturating_sub(1);
    let lt = line_text(text, l);
    Position::new(l as u32, utf16_of_chars(lt, column.saturating_sub(1)))
}

/// Byte offset of an LSP position (clamped to the line's end and to the text).
pub(crate) fn offset(text: &str, pos: Position) -> usize {
    let mut start = 0usize;
    for _ in 0..pos.line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let line = line_text(&text[start..], 0);
    let mut units = 0u32;
    for (i, c) in line.char_indices() {
        if units >= pos.character {
            return start + i;
        }
        units += c.len_utf16() as u32;
    }
    start + line.len()
}

/// The LSP position of a byte offset.
pub(crate) fn position_of_offset(text: &str, offset: usize) -> Position {
    let mut off = offset.min(text.len());
    while !text.is_char_boundary(off) {
        off -= 1;
    }
    let before = &text[..off];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let character = text[line_start..off]
        .chars()
        .map(char::len_utf16)
        .sum::<usize>();
    Position::new(line as u32, character as u32)
}

/// [`position`] with the text's line index: the line is found in O(1) instead of by a scan
/// from the top of the text (the editor loop converts every finding of an 850 KB definition
/// after each edit). Same result as `position(text, line, column)`.
pub(crate) fn position_indexed(
    text: &str,
    lines: &LineIndex,
    line: usize,
    column: usize,
) -> Position {
    let l = line.saturating_sub(1);
    let lt = indexed_line(text, lines, l);
    Position::new(l as u32, utf16_of_chars(lt, column.saturating_sub(1)))
}

/// The 0-based line `line` as [`line_text`] gives it (only the `\n` and one `\r` removed).
fn indexed_line<'t>(text: &'t str, lines: &LineIndex, line: usize) -> &'t str {
    let Some(start) = lines.line_start(line + 1) else {
        return "";
    };
    let end = lines
        .line_start(line + 2)
        .map_or(text.len(), |next| next - 1)
        .min(text.len());
    let l = text.get(start..end).unwrap_or("");
    l.strip_suffix('\r').unwrap_or(l)
}

/// [`position_of_offset`] with the text's line index (a binary search for the line instead of
/// counting newlines from the top). Same result.
pub(crate) fn position_of_offset_indexed(text: &str, lines: &LineIndex, offset: usize) -> Position {
    let mut off = offset.min(text.len());
    while !text.is_char_boundary(off) {
        off -= 1;
    }
    let lc = lines.line_col(text, off);
    let line_start = lines.line_start(lc.line).unwrap_or(0);
    let character = text[line_start..off]
        .chars()
        .map(char::len_utf16)
        .sum::<usize>();
    Position::new((lc.line - 1) as u32, character as u32)
}

/// The end of the text, as an LSP position.
pub(crate) fn end_position(text: &str) -> Position {
    position_of_offset(text, text.len())
}

/// The path of a `file://` URI (percent-decoded); `None` for other schemes.
pub(crate) fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str();
    let rest = s.strip_prefix("file://")?;
    // `file:///C:/x` (Windows) and `file:///x` (Unix); an authority other than empty or
    // localhost is a network share we do not serve.
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    if !rest.starts_with('/') {
        return None;
    }
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(Ok(b)) = rest.get(i + 1..i + 3).map(|h| u8::from_str_radix(h, 16))
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    let decoded = String::from_utf8(out).ok()?;
    if cfg!(windows) {
        let d = decoded.trim_start_matches('/');
        if d.get(1..2) == Some(":") {
            return Some(PathBuf::from(d));
        }
    }
    Some(PathBuf::from(decoded))
}

/// The `file://` URI of a path (absolute paths; others are made absolute first).
pub fn path_to_uri(path: &Path) -> Option<Uri> {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let s = abs.to_string_lossy().replace('\\', "/");
    let mut out = String::from("file://");
    if !s.starts_with('/') {
        out.push('/');
    }
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_convert_to_utf16() {
        let t = "a\n\"é😀\": 1\r\nz";
        // Column 4 (1-based chars) on line 2 is after `"é😀`: 1 + 1 + 2 UTF-16 units.
        assert_eq!(position(t, 2, 4), Position::new(1, 4));
        assert_eq!(position(t, 2, 99), Position::new(1, 8));
        assert_eq!(position(t, 9, 1), Position::new(8, 0));
        let off = offset(t, Position::new(1, 4));
        assert_eq!(&t[off..off + 1], "\"");
        assert_eq!(
            offset(t, Position::new(1, 3)),
            off,
            "inside a surrogate pair"
        );
        assert_eq!(offset(t, Position::new(1, 99)), t.find("\r\n").unwrap());
        assert_eq!(offset(t, Position::new(7, 0)), t.len());
        assert_eq!(position_of_offset(t, off), Position::new(1, 4));
        assert_eq!(end_position(t), Position::new(2, 1));
    }

    #[test]
    fn indexed_positions_match_the_scanning_ones() {
        let texts = [
            "a\n\"é😀\": 1\r\nz",
            "",
            "\n\n",
            "x\r\r\n\"€\"\r\n\r\nlast",
            "{\"a\": \"😀😀\",\n  \"b\": [1,\n 2]}\n",
        ];
        for t in texts {
            let idx = LineIndex::new(t);
            for line in 0..8 {
                for column in 0..12 {
                    assert_eq!(
                        position_indexed(t, &idx, line, column),
                        position(t, line, column),
                        "{t:?} {line}:{column}"
                    );
                }
            }
            for off in 0..=t.len() + 2 {
                assert_eq!(
                    position_of_offset_indexed(t, &idx, off),
                    position_of_offset(t, off),
                    "{t:?} @{off}"
                );
            }
        }
    }

    #[test]
    fn uris_round_trip() {
        let p = PathBuf::from("/home/user/my connector/é/apiProperties.json");
        let u = path_to_uri(&p).unwrap();
        assert_eq!(
            u.as_str(),
            "file:///home/user/my%20connector/%C3%A9/apiProperties.json"
        );
        assert_eq!(uri_to_path(&u).unwrap(), p);
        let other: Uri = "untitled:Untitled-1".parse().unwrap();
        assert!(uri_to_path(&other).is_none());
    }
}
