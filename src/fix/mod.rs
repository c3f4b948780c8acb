//! `lint --fix` and `fmt`: safe, mechanical rewrites that change only the bytes they must.
//!
//! Fixes are registered by rule code in [`FIXES`] (the `Rule` struct stays as it is): a fix
//! gets the file's parsed value and the finding's pointer and returns whether it changed
//! anything. Changed values are written back with [`jsontext::splice`], which keeps every other
//! byte of the file. Files with syntax errors are never touched.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::model::jsontext;

use crate::model::pointer;

/// A safe fix for the findings of one rule code.
pub struct Fix {
    pub code: &'static str,
    /// What the fix does (shown by `connkit rules`).
    pub summary: &'static str,
    pub apply: fn(&mut Value, &str) -> bool,
}

/// Every fix, by rule code.
pub static FIXES: &[Fix] = &[
    Fix {
        code: "PathParameterMissingEncoding",
        summary: "add \"x-ms-url-encoding\": \"single\"",
        apply: fix_url_encoding,
    },
    Fix {
        code: "PathParameterMustBeRequired",
        summary: "set \"required\": true",
        apply: fix_path_required,
    },
    Fix {
        code: "RequiredPropertyArrayEmpty",
        summary: "remove the empty \"required\": []",
        apply: fix_empty_required,
    },
    Fix {
        code: "ValueMustEndWithAlphanumeric",
        summary: "trim trailing spaces (only when that is the whole problem)",
        apply: fix_trim_trailing,
    },
    Fix {
        code: "RequiredPropertyMissing",
        summary: "add a missing parameter x-ms-summary derived from its name (other cases: no fix)",
        apply: fix_param_summary,
    },
    Fix {
        code: "SecurityRequirementMustHaveEmptyValue",
        summary: "empty the scope list of a non-OAuth security requirement",
        apply: fix_empty_requirement,
    },
    Fix {
        code: "QueryParameterEncodingNotSupported",
        summary: "remove x-ms-url-encoding from the query parameter",
        apply: fix_remove_query_encoding,
    },
];

/// The fix for a rule code, if there is one.
pub fn find(code: &str) -> Option<&'static Fix> {
    FIXES.iter().find(|f| f.code == code)
}

/// The object a finding is about: the pointer itself or, when it names a key inside an
/// object (e.g. `/…/parameters/0/x-ms-summary`), its parent.
fn target<'v>(
    doc: &'v mut Value,
    ptr: &str,
    key: &str,
) -> Option<&'v mut serde_json::Map<String, Value>> {
    let p = match pointer::last_token(ptr) {
        Some(t) if t == key => pointer::parent(ptr).unwrap_or(ptr).to_string(),
        _ => ptr.to_string(),
    };
    doc.pointer_mut(&p)?.as_object_mut()
}

fn fix_url_encoding(doc: &mut Value, ptr: &str) -> bool {
    let Some(o) = target(doc, ptr, "x-ms-url-encoding") else {
        return false;
    };
    if o.get("in").and_then(Value::as_str) != Some("path") || o.contains_key("x-ms-url-encoding") {
        return false;
    }
    o.insert("x-ms-url-encoding".into(), Value::String("single".into()));
    true
}

fn fix_path_required(doc: &mut Value, ptr: &str) -> bool {
    let Some(o) = target(doc, ptr, "required") else {
        return false;
    };
    if o.get("in").and_then(Value::as_str) != Some("path")
        || o.get("required") == Some(&Value::Bool(true))
    {
        return false;
    }
    o.insert("required".into(), Value::Bool(true));
    true
}

fn fix_empty_required(doc: &mut Value, ptr: &str) -> bool {
    let Some(o) = target(doc, ptr, "required") else {
        return false;
    };
    if o.get("required")
        .and_then(Value::as_array)
        .is_some_and(Vec::is_empty)
    {
        o.remove("required");
        return true;
    }
    false
}

fn fix_trim_trailing(doc: &mut Value, ptr: &str) -> bool {
    let Some(v) = doc.pointer_mut(ptr) else {
        return false;
    };
    let Some(s) = v.as_str() else { return false };
    let t = s.trim_end();
    // Only when trimming is enough: what is left ends with a letter or digit.
    if t != s && t.chars().last().is_some_and(char::is_alphanumeric) {
        *v = Value::String(t.to_string());
        return true;
    }
    false
}

fn fix_param_summary(doc: &mut Value, ptr: &str) -> bool {
    // Only for parameters (a `name` and an `in`), never for other missing properties.
    let Some(o) = target(doc, ptr, "x-ms-summary") else {
        return false;
    };
    if o.contains_key("x-ms-summary") || !o.get("in").is_some_and(Value::is_string) {
        return false;
    }
    let Some(name) = o.get("name").and_then(Value::as_str) else {
        return false;
    };
    let t = crate::model::names::title_case(name);
    if t.is_empty() {
        return false;
    }
    o.insert("x-ms-summary".into(), Value::String(t));
    true
}

fn fix_empty_requirement(doc: &mut Value, ptr: &str) -> bool {
    match doc.pointer_mut(ptr) {
        Some(Value::Array(a)) if !a.is_empty() => {
            a.clear();
            true
        }
        _ => false,
    }
}

fn fix_remove_query_encoding(doc: &mut Value, ptr: &str) -> bool {
    let Some(o) = target(doc, ptr, "x-ms-url-encoding") else {
        return false;
    };
    if o.get("in").and_then(Value::as_str) == Some("query") {
        return o.remove("x-ms-url-encoding").is_some();
    }
    false
}

/// Split raw bytes into (has BOM, text). Not UTF-8 → `None` (never rewritten).
pub fn decode(bytes: &[u8]) -> Option<(bool, &str)> {
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
pub enum FmtOutcome {
    Unchanged,
    /// The new bytes.
    Changed(Vec<u8>),
}

/// Format one JSON file's bytes (BOM and line ending kept).
/// Why `fmt` left a file alone, with the 1-based line and column of the problem (columns
/// count characters, as lint's do).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FmtError {
    pub line: usize,
    pub column: usize,
    pub message: String,
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

pub fn fmt_bytes(bytes: &[u8]) -> Result<FmtOutcome, FmtError> {
    fmt_bytes_with(bytes, None)
}

/// [`fmt_bytes`] with `indent` instead of the file's own indentation.
pub fn fmt_bytes_with(
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
    let out = jsontext::format(text, layout)
        .map_err(|e| fmt_error(text, e.offset, format!("not valid JSON: {}", e.message)))?;
    let new = encode(bom, &out);
    if new == bytes {
        Ok(FmtOutcome::Unchanged)
    } else {
        Ok(FmtOutcome::Changed(new))
    }
}

/// The JSON files of a connector folder (or a file given directly) that `fmt` handles.
pub fn json_files(path: &Path) -> Vec<PathBuf> {
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
pub fn fix_bytes(bytes: &[u8], findings: &[(&str, &str)]) -> Option<(Vec<u8>, usize)> {
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
    use serde_json::json;

    #[test]
    fn fix_registry_codes_are_unique() {
        let mut c: Vec<_> = FIXES.iter().map(|f| f.code).collect();
        let n = c.len();
        c.sort();
        c.dedup();
        assert_eq!(c.len(), n);
    }

    #[test]
    fn url_encoding_fix_adds_single_only_on_path_parameters() {
        let mut d = json!({"p": [{"name": "id", "in": "path"}, {"name": "q", "in": "query"}]});
        assert!(fix_url_encoding(&mut d, "/p/0"));
        assert_eq!(d["p"][0]["x-ms-url-encoding"], "single");
        assert!(
            !fix_url_encoding(&mut d, "/p/0"),
            "second run changes nothing"
        );
        assert!(!fix_url_encoding(&mut d, "/p/1"));
        assert!(d["p"][1].get("x-ms-url-encoding").is_none());
    }

    #[test]
    fn empty_required_is_removed_but_not_a_filled_one() {
        let mut d = json!({"a": {"required": []}, "b": {"required": ["x"]}});
        assert!(fix_empty_required(&mut d, "/a/required"));
        assert!(d["a"].get("required").is_none());
        assert!(!fix_empty_required(&mut d, "/b"));
    }

    #[test]
    fn summary_fixes() {
        let mut d = json!({"t": "Tasks ", "u": "Tasks ."});
        assert!(fix_trim_trailing(&mut d, "/t"));
        assert_eq!(d["t"], "Tasks");
        assert!(
            !fix_trim_trailing(&mut d, "/u"),
            "trimming would not fix the '.'"
        );
        let mut p = json!({"x": {"name": "taskId", "in": "path"}, "y": {"name": "z"}});
        assert!(fix_param_summary(&mut p, "/x/x-ms-summary"));
        assert_eq!(p["x"]["x-ms-summary"], "Task ID");
        assert!(!fix_param_summary(&mut p, "/y"), "not a parameter");
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
        let e = fmt_bytes(b"{\n  \"a\":1,\n}").unwrap_err();
        assert_eq!((e.line, e.column), (3, 1), "{e}");
        let e = fmt_bytes(b"{\"a\":\n \"\xC3\xA9\xFF\"}").unwrap_err();
        assert_eq!((e.line, e.column), (2, 4), "{e}");
        assert!(e.message.contains("0xFF"), "{e}");
    }
}
