//! `lint --fix` and `fmt`: safe, mechanical rewrites that change only the bytes they must.
//!
//! A rule declares its fix beside its check (`Rule::fix`, found here with [`find`]): a fix
//! gets the file's parsed value and the finding's pointer and returns whether it changed
//! anything. Changed values are written back with [`jsontext::splice`], which keeps every other
//! byte of the file. Files with syntax errors are never touched.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::model::jsontext;

use crate::rules::Fix;

/// The fix for a rule code, if there is one.
pub(crate) fn find(code: &str) -> Option<&'static Fix> {
    crate::rules::find(code)
        .filter(|r| r.code == code)
        .and_then(|r| r.fix)
}

/// Split raw bytes into (has BOM, text). Not UTF-8 → `None` (never rewritten).
pub(crate) fn decode(bytes: &[u8]) -> Option<(bool, &str)> {
    match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => std::str::from_utf8(rest).ok().map(|s| (true, s)),
        None => std::str::from_utf8(bytes).ok().map(|s| (false, s)),
    }
}

fn encode(bom: bool, text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + 3);
    if bom {
        out.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
    }
    out.extend_from_slice(text.as_bytes());
    out
}

/// What `fmt` would do to a file.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum FmtOutcome {
    Unchanged,
    /// The new bytes.
    Changed(Vec<u8>),
}

/// Format one JSON file's bytes (BOM and line ending kept).
/// Why `fmt` left a file alone, with the 1-based line and column of the problem (columns
/// count characters, as lint's do).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FmtError {
    pub(crate) line: usize,
    pub(crate) column: usize,
    pub(crate) message: String,
}

impl std::fmt::Display for FmtError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

fn fmt_error(text: &str, offset: usize, message: String) -> FmtError {
    let lc = crate::model::LineIndex::new(text).line_col(text, offset);
    FmtError {
        line: lc.line,
        column: lc.column,
        message,
    }
}

pub(crate) fn fmt_bytes(bytes: &[u8]) -> Result<FmtOutcome, FmtError> {
    fmt_bytes_with(bytes, None)
}

/// [`fmt_bytes`] with `indent` instead of the file's own indentation.
pub(crate) fn fmt_bytes_with(
    bytes: &[u8],
    indent: Option<jsontext::Indent>,
) -> Result<FmtOutcome, FmtError> {
    let Some((bom, text)) = decode(bytes) else {
        let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
        if body.starts_with(&[0xFF, 0xFE]) || body.starts_with(&[0xFE, 0xFF]) {
            return Err(fmt_error(
                "",
                0,
                "the file is UTF-16; fmt only rewrites UTF-8".into(),
            ));
        }
        // The valid prefix locates the first invalid byte.
        let valid = std::str::from_utf8(body)
            .err()
            .map(|e| e.valid_up_to())
            .unwrap_or(0);
        let prefix = std::str::from_utf8(&body[..valid]).unwrap_or("");
        let bad = body.get(valid).copied().unwrap_or(0);
        return Err(fmt_error(
            prefix,
            valid,
            format!("not UTF-8 text (invalid byte 0x{bad:02X})"),
        ));
    };
    let mut layout = jsontext::Layout::of(text, bom);
    if let Some(i) = indent {
        layout.indent = i;
    }
    let out = match jsontext::format(text, layout) {
        Ok(out) => out,
        Err(e) => {
            // Trailing commas are what lint calls advice (JsonTrailingComma): the platform
            // reads the file as if they were not there, so fmt drops them, and refuses only
            // what still is not JSON without them (reported where the original has it).
            let stripped = strip_trailing_commas(text);
            match stripped.as_deref().map(|t| jsontext::format(t, layout)) {
                Some(Ok(out)) => out,
                _ => {
                    return Err(fmt_error(
                        text,
                        e.offset,
                        format!("not valid JSON: {}", e.message),
                    ));
                }
            }
        }
    };
    let new = encode(bom, &out);
    if new == bytes {
        Ok(FmtOutcome::Unchanged)
    } else {
        Ok(FmtOutcome::Changed(new))
    }
}

/// `text` without its trailing commas (a `,` followed, after whitespace, by `}` or `]`),
/// found outside strings; `None` when it has none. Everything else is kept byte for byte.
pub(crate) fn strip_trailing_commas(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let mut drop = Vec::new();
    let (mut in_string, mut escaped) = (false, false);
    for (i, &c) in b.iter().enumerate() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            b'"' => in_string = true,
            b',' => {
                let next = b[i + 1..]
                    .iter()
                    .find(|c| !matches!(c, b' ' | b'\t' | b'\r' | b'\n'));
                if matches!(next, Some(b'}' | b']')) {
                    drop.push(i);
                }
            }
            _ => {}
        }
    }
    if drop.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for i in drop {
        out.push_str(&text[from..i]);
        from = i + 1;
    }
    out.push_str(&text[from..]);
    Some(out)
}

/// The JSON files of a connector folder (or a file given directly) that `fmt` handles.
pub(crate) fn json_files(path: &Path) -> Vec<PathBuf> {
    // A path that is not a folder is taken as given: reading it says why it is not a file.
    if !path.is_dir() {
        return vec![path.to_path_buf()];
    }
    let mut issues = Vec::new();
    let files = crate::model::discover::connector_files(path, &mut issues);
    [files.definition, files.properties, files.settings]
        .into_iter()
        .flatten()
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        })
        .collect()
}

/// Apply the registered fixes for `findings` (code, pointer) to one file's bytes.
/// Returns the new bytes and how many fixes applied, or `None` when nothing changed or the
/// file cannot be rewritten safely (not strict JSON).
pub(crate) fn fix_bytes(bytes: &[u8], findings: &[(&str, &str)]) -> Option<(Vec<u8>, usize)> {
    let (bom, text) = decode(bytes)?;
    jsontext::parse(text).ok()?;
    let mut value: Value = serde_json::from_str(text).ok()?;
    let mut applied = 0;
    for (code, ptr) in findings {
        if let Some(f) = find(code)
            && (f.apply)(&mut value, ptr)
        {
            applied += 1;
        }
    }
    if applied == 0 {
        return None;
    }
    let out = jsontext::splice(text, &value)?;
    Some((encode(bom, &out), applied))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fmt_drops_trailing_commas_as_the_platform_reads_them_and_keeps_strings() {
        let text = "{\n    \"a\": [1, 2,],\n    \"b\": \"x,]\",\n}\n";
        let Ok(FmtOutcome::Changed(out)) = fmt_bytes(text.as_bytes()) else {
            panic!("not formatted");
        };
        let out = String::from_utf8(out).unwrap();
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v, serde_json::json!({"a": [1, 2], "b": "x,]"}));
        assert_eq!(strip_trailing_commas("{\"a\": 1}"), None);
        // Still not JSON without the comma (a comment): refused where the original is wrong.
        let bad = "{\"a\": 1, // c\n}";
        let e = fmt_bytes(bad.as_bytes()).err().unwrap();
        assert_eq!((e.line, e.column), (1, 10), "{e}");
    }

    #[test]
    fn fix_bytes_keeps_bom_and_other_bytes_and_refuses_syntax_errors() {
        let text = "\u{feff}{\r\n  \"p\": {\r\n    \"name\": \"id\",\r\n    \"in\": \"path\"\r\n  },\r\n  \"n\": 1.50\r\n}";
        let (out, n) =
            fix_bytes(text.as_bytes(), &[("PathParameterMissingEncoding", "/p")]).unwrap();
        assert_eq!(n, 1);
        let s = String::from_utf8(out).unwrap();
        assert_eq!(
            s,
            "\u{feff}{\r\n  \"p\": {\r\n    \"name\": \"id\",\r\n    \"in\": \"path\",\r\n    \"x-ms-url-encoding\": \"single\"\r\n  },\r\n  \"n\": 1.50\r\n}"
        );
        assert!(
            fix_bytes(
                b"{\"p\": {\"in\": \"path\"},}",
                &[("PathParameterMissingEncoding", "/p")]
            )
            .is_none()
        );
        assert!(fix_bytes(text.as_bytes(), &[("NoSuchCode", "/p")]).is_none());
    }

    #[test]
    fn fmt_bytes_keeps_bom_and_crlf_and_reports_unchanged() {
        let src = "\u{feff}{\"a\":1}\r\n";
        let FmtOutcome::Changed(out) = fmt_bytes(src.as_bytes()).unwrap() else {
            panic!()
        };
        assert_eq!(out, "\u{feff}{\r\n    \"a\": 1\r\n}\r\n".as_bytes());
        assert_eq!(fmt_bytes(&out).unwrap(), FmtOutcome::Unchanged);
        // A trailing comma is dropped, as the platform reads it (lint: JsonTrailingComma).
        let Ok(FmtOutcome::Changed(out)) = fmt_bytes(b"{\n  \"a\":1,\n}") else {
            panic!("a trailing comma is formatted away")
        };
        assert_eq!(out, b"{\n  \"a\": 1\n}");
        let e = fmt_bytes(b"{\n  \"a\":1,\n  x}").unwrap_err();
        assert_eq!((e.line, e.column), (3, 3), "{e}");
        let e = fmt_bytes(b"{\"a\":\n \"\xC3\xA9\xFF\"}").unwrap_err();
        assert_eq!((e.line, e.column), (2, 4), "{e}");
        assert!(e.message.contains("0xFF"), "{e}");
    }
}
