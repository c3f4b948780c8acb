//! Lenient reading: bytes → text → `serde_json::Value`, with every problem found on the way
//! recorded as a positioned [`LoadIssue`] instead of aborting.
//!
//! Strategy (measured; see BENCHMARKS.md): serde_json is the strict validity gate
//! and the fast path; when it refuses a file, jsonc-parser re-reads it leniently, every
//! non-standard construct is reported with its exact position, and the recovered tree is used
//! so linting continues.

use jsonc_parser::ast;
use jsonc_parser::tokens::Token;
use jsonc_parser::{CollectOptions, CommentCollectionStrategy};
use serde_json::{Map, Number, Value};

use super::codes::IssueKind;
use super::position::lenient_options;

/// What went wrong while reading a file. `kind` is reported by its rule in `rules::files`;
/// the position is a byte offset into the decoded text.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadIssue {
    pub(crate) kind: IssueKind,
    pub(crate) offset: Option<usize>,
    pub(crate) pointer: Option<String>,
    pub(crate) message: String,
}

impl LoadIssue {
    fn at(kind: IssueKind, offset: usize, message: impl Into<String>) -> Self {
        LoadIssue {
            kind,
            offset: Some(offset),
            pointer: None,
            message: message.into(),
        }
    }
}

/// Maximum nesting accepted before a document is refused (serde_json's own limit is 128;
/// the lenient parser has none, so we check depth before recursing on its tree).
pub(crate) const MAX_DEPTH: usize = 256;

/// Decode raw bytes to text. A UTF-8 BOM is dropped silently (Microsoft's tools accept it);
/// UTF-16 is detected, reported and decoded; invalid UTF-8 is reported with its byte offset
/// and decoded lossily so the rest of the file can still be checked.
pub(crate) fn decode(bytes: &[u8], issues: &mut Vec<LoadIssue>) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return decode_utf8(rest, issues);
    }
    let utf16 = match bytes {
        [0xFF, 0xFE, rest @ ..] => Some((rest, true)),
        [0xFE, 0xFF, rest @ ..] => Some((rest, false)),
        _ => None,
    };
    if let Some((rest, le)) = utf16 {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|c| {
                let pair = [c[0], *c.get(1).unwrap_or(&0)];
                if le {
                    u16::from_le_bytes(pair)
                } else {
                    u16::from_be_bytes(pair)
                }
            })
            .collect();
        issues.push(LoadIssue::at(
            IssueKind::FileEncodingNotUtf8,
            0,
            format!(
                "file is encoded as UTF-16 ({}); Microsoft's tools read UTF-8: re-save it as UTF-8",
                if le { "little-endian" } else { "big-endian" }
            ),
        ));
        return String::from_utf16_lossy(&units);
    }
    decode_utf8(bytes, issues)
}

fn decode_utf8(bytes: &[u8], issues: &mut Vec<LoadIssue>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) => {
            let offset = e.valid_up_to();
            let count = String::from_utf8_lossy(bytes).matches('\u{FFFD}').count();
            let text = String::from_utf8_lossy(bytes).into_owned();
            // Offsets in the lossy text equal byte offsets up to the first bad byte.
            issues.push(LoadIssue::at(
                IssueKind::FileEncodingNotUtf8,
                offset,
                format!(
                    "invalid UTF-8 at byte offset {offset} (byte 0x{:02X}){}; re-save the file as UTF-8",
                    bytes[offset],
                    if count > 1 { format!(", {count} invalid sequences in all") } else { String::new() }
                ),
            ));
            text
        }
    }
}

/// Parse JSON text leniently. Returns the value when the text can be understood (strictly or
/// after recovery) and appends one issue per non-standard construct.
pub(crate) fn parse_json(text: &str, issues: &mut Vec<LoadIssue>) -> Option<Value> {
    let strict = match strict_json(text) {
        Ok((v, duplicates)) => {
            if duplicates {
                find_duplicate_keys(text, issues);
            }
            return Some(v);
        }
        Err(e) => e,
    };
    if nesting_exceeds(text, MAX_DEPTH) {
        issues.push(LoadIssue::at(
            IssueKind::JsonSyntaxError,
            0,
            format!("document nests deeper than {MAX_DEPTH} levels; not analysed further"),
        ));
        return None;
    }
    let collect = CollectOptions {
        comments: CommentCollectionStrategy::AsTokens,
        tokens: true,
    };
    match jsonc_parser::parse_to_ast(text, &collect, &lenient_options()) {
        Ok(parsed) => {
            let before = issues.len();
            if let Some(tokens) = &parsed.tokens {
                report_token_issues(text, tokens, issues);
            }
            if issues.len() == before {
                // Something serde_json rejects that the lenient scanner accepts silently
                // (raw control characters, Unicode whitespace, several top-level values…).
                issues.push(serde_issue(text, &strict));
            }
            let value = parsed.value.as_ref()?;
            if depth_exceeds(value, MAX_DEPTH) {
                issues.push(LoadIssue::at(
                    IssueKind::JsonSyntaxError,
                    0,
                    format!("document nests deeper than {MAX_DEPTH} levels; not analysed further"),
                ));
                return None;
            }
            let mut dups = Vec::new();
            let v = to_value(value, "", &mut dups);
            for (offset, key) in dups {
                issues.push(LoadIssue::at(
                    IssueKind::JsonDuplicateKey,
                    offset,
                    format!("duplicate key \"{key}\": the last one wins and the earlier value is ignored"),
                ));
            }
            Some(v)
        }
        Err(e) => {
            // Report serde_json's position when it comes first: it is the strict reading.
            let mut issue = serde_issue(text, &strict);
            let jr = e.range();
            if issue.offset.is_none_or(|o| jr.start < o) {
                issue = LoadIssue::at(
                    IssueKind::JsonSyntaxError,
                    jr.start,
                    format!("invalid JSON: {}", e.kind()),
                );
            }
            issue
                .message
                .push_str("; the file could not be read further");
            issues.push(issue);
            None
        }
    }
}

fn serde_issue(text: &str, e: &serde_json::Error) -> LoadIssue {
    let offset = offset_of_line_col(text, e.line(), e.column());
    let msg = e.to_string();
    // serde_json appends " at line X column Y"; the position is reported separately.
    let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
    let kind = if msg.contains("control character") {
        IssueKind::JsonControlCharacter
    } else {
        IssueKind::JsonSyntaxError
    };
    LoadIssue::at(kind, offset, format!("invalid JSON: {msg}"))
}

/// serde_json reports 1-based line and column (column in bytes, pointing at the last byte
/// read); convert back to a byte offset.
fn offset_of_line_col(text: &str, line: usize, column: usize) -> usize {
    let mut off = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return (off + column.saturating_sub(1)).min(text.len());
        }
        off += l.len();
    }
    text.len()
}

fn report_token_issues(
    text: &str,
    tokens: &[jsonc_parser::tokens::TokenAndRange<'_>],
    issues: &mut Vec<LoadIssue>,
) {
    let mut prev: Option<&Token<'_>> = None;
    let mut prev_end = 0usize;
    for t in tokens {
        let raw = &text[t.range.start..t.range.end.min(text.len())];
        match &t.token {
            Token::CommentLine(_) | Token::CommentBlock(_) => {
                issues.push(LoadIssue::at(
                    IssueKind::JsonComment,
                    t.range.start,
                    "comments are not allowed in JSON",
                ));
                continue;
            }
            Token::CloseBrace | Token::CloseBracket if matches!(prev, Some(Token::Comma)) => {
                issues.push(LoadIssue::at(
                    IssueKind::JsonTrailingComma,
                    prev_end.saturating_sub(1),
                    "trailing comma before the closing bracket is not allowed in JSON",
                ));
            }
            Token::String(_) if raw.starts_with('\'') => {
                issues.push(LoadIssue::at(
                    IssueKind::JsonNonStandardSyntax,
                    t.range.start,
                    "single-quoted string; JSON strings use double quotes",
                ));
            }
            Token::Word(w) => {
                issues.push(LoadIssue::at(
                    IssueKind::JsonNonStandardSyntax,
                    t.range.start,
                    format!(
                        "unquoted word `{w}`; JSON property names and strings must be double-quoted"
                    ),
                ));
            }
            Token::Number(n)
                if n.starts_with('+')
                    || n.starts_with('.')
                    || n.ends_with('.')
                    || n.contains(['x', 'X'])
                    || n.contains("Infinity")
                    || *n == "NaN" =>
            {
                issues.push(LoadIssue::at(
                    IssueKind::JsonNonStandardSyntax,
                    t.range.start,
                    format!("`{n}` is not a JSON number"),
                ));
            }
            _ => {}
        }
        if let Token::String(_) = &t.token
            && let Some(i) = raw.bytes().position(|b| b < 0x20)
        {
            issues.push(LoadIssue::at(
                IssueKind::JsonControlCharacter,
                t.range.start + i,
                format!(
                    "raw control character U+{:04X} inside a string; escape it (e.g. \\t, \\n)",
                    raw.as_bytes()[i]
                ),
            ));
        }
        let starts_value = matches!(
            t.token,
            Token::String(_)
                | Token::Number(_)
                | Token::Boolean(_)
                | Token::Null
                | Token::Word(_)
                | Token::OpenBrace
                | Token::OpenBracket
        );
        let ends_value = matches!(
            prev,
            Some(
                Token::String(_)
                    | Token::Number(_)
                    | Token::Boolean(_)
                    | Token::Null
                    | Token::Word(_)
                    | Token::CloseBrace
                    | Token::CloseBracket
            )
        );
        if starts_value && ends_value {
            issues.push(LoadIssue::at(
                IssueKind::JsonMissingComma,
                prev_end,
                "missing comma between two values",
            ));
        }
        prev = Some(&t.token);
        prev_end = t.range.end;
    }
}

/// Byte scan for bracket depth (strings skipped), run before any recursive parser sees the
/// text: the lenient parser recurses per level and must not be handed a 100k-deep file.
pub(crate) fn nesting_exceeds(text: &str, max: usize) -> bool {
    let b = text.as_bytes();
    let (mut depth, mut i, mut in_str) = (0usize, 0usize, false);
    while i < b.len() {
        let c = b[i];
        if in_str {
            if c == b'\\' {
                i += 1;
            } else if c == b'"' {
                in_str = false;
            }
        } else {
            match c {
                b'"' => in_str = true,
                b'{' | b'[' => {
                    depth += 1;
                    if depth > max {
                        return true;
                    }
                }
                b'}' | b']' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        i += 1;
    }
    false
}

fn depth_exceeds(v: &ast::Value<'_>, max: usize) -> bool {
    // Iterative, so a 10,000-deep document cannot overflow our stack here.
    let mut stack = vec![(v, 1usize)];
    while let Some((v, d)) = stack.pop() {
        if d > max {
            return true;
        }
        match v {
            ast::Value::Object(o) => stack.extend(o.properties.iter().map(|p| (&p.value, d + 1))),
            ast::Value::Array(a) => stack.extend(a.elements.iter().map(|e| (e, d + 1))),
            _ => {}
        }
    }
    false
}

fn to_value(v: &ast::Value<'_>, _path: &str, dups: &mut Vec<(usize, String)>) -> Value {
    match v {
        ast::Value::StringLit(s) => Value::String(s.value.to_string()),
        ast::Value::NumberLit(n) => parse_number(n.value),
        ast::Value::BooleanLit(b) => Value::Bool(b.value),
        ast::Value::NullKeyword(_) => Value::Null,
        ast::Value::Array(a) => Value::Array(
            a.elements
                .iter()
                .map(|e| to_value(e, _path, dups))
                .collect(),
        ),
        ast::Value::Object(o) => {
            let mut m = Map::with_capacity(o.properties.len());
            for p in &o.properties {
                let key = p.name.as_str().to_string();
                let val = to_value(&p.value, _path, dups);
                if m.insert(key.clone(), val).is_some() {
                    dups.push((p.range.start, key));
                }
            }
            Value::Object(m)
        }
    }
}

fn parse_number(raw: &str) -> Value {
    if let Ok(n) = serde_json::from_str::<Number>(raw) {
        return Value::Number(n);
    }
    let t = raw.trim_start_matches('+');
    if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X"))
        && let Ok(i) = i64::from_str_radix(h, 16)
    {
        return Value::from(i);
    }
    t.parse::<f64>()
        .ok()
        .and_then(Number::from_f64)
        .map(Value::Number)
        .unwrap_or(Value::Null)
}

/// Duplicate keys are legal for serde_json (the last wins) but almost always a mistake.
/// [`strict_json`] says whether a file has one; only then is the AST built to say where.
fn find_duplicate_keys(text: &str, issues: &mut Vec<LoadIssue>) {
    if nesting_exceeds(text, MAX_DEPTH) {
        return;
    }
    let collect = CollectOptions {
        comments: CommentCollectionStrategy::Off,
        tokens: false,
    };
    if let Ok(parsed) = jsonc_parser::parse_to_ast(text, &collect, &lenient_options())
        && let Some(v) = parsed.value.as_ref()
    {
        let mut dups = Vec::new();
        let _ = to_value(v, "", &mut dups);
        for (offset, key) in dups {
            issues.push(LoadIssue::at(
                IssueKind::JsonDuplicateKey,
                offset,
                format!(
                    "duplicate key \"{key}\": the last one wins and the earlier value is ignored"
                ),
            ));
        }
    }
}

/// `serde_json::from_str::<Value>`, giving the same value or error, and whether an object
/// had a key twice (its insert replaced a value). Knowing that from the parse itself spares
/// the second pass over the text that counted colons against members, a fifth of the load
/// time. Objects are built with their final capacity (members are gathered first, in a
/// buffer reused across objects), so their maps never grow and rehash.
pub(crate) fn strict_json(text: &str) -> Result<(Value, bool), serde_json::Error> {
    use serde::de::DeserializeSeed;
    let state = SeedState::default();
    let mut de = serde_json::Deserializer::from_str(text);
    let value = ValueSeed(&state).deserialize(&mut de)?;
    de.end()?;
    Ok((value, state.duplicates.get()))
}

#[derive(Default)]
struct SeedState {
    duplicates: std::cell::Cell<bool>,
    /// Member buffers, one per open object level, reused by the next object at that level.
    buffers: std::cell::RefCell<Vec<Vec<(String, Value)>>>,
}

/// Builds a `Value` exactly as serde_json's own `Deserialize for Value` does (same visitor
/// answers; the deserializer, and so its errors and recursion limit, is serde_json's).
#[derive(Clone, Copy)]
struct ValueSeed<'s>(&'s SeedState);

impl<'de> serde::de::DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any valid JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        serde::de::DeserializeSeed::deserialize(self, d)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut vec = Vec::new();
        while let Some(v) = seq.next_element_seed(self)? {
            vec.push(v);
        }
        Ok(Value::Array(vec))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = self.0.buffers.borrow_mut().pop().unwrap_or_default();
        let read = (|| {
            while let Some(key) = map.next_key::<String>()? {
                let value = map.next_value_seed(self)?;
                members.push((key, value));
            }
            Ok(())
        })();
        let mut out = Map::with_capacity(members.len());
        for (k, v) in members.drain(..) {
            if out.insert(k, v).is_some() {
                self.0.duplicates.set(true);
            }
        }
        self.0.buffers.borrow_mut().push(members);
        read.map(|()| Value::Object(out))
    }
}

/// Where YAML flow nesting (`[` and `{`) first goes deeper than `max`, by a linear scan.
/// Outside flow collections an opener counts only where a node can start (line start, after
/// `- `, `: ` or `? `), so brackets inside plain text do not; quoted scalars and comments are
/// skipped. Errs on the side of counting: a refusal needs `max` unclosed openers.
pub(crate) fn yaml_nesting_exceeds(text: &str, max: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut depth = 0usize;
    // Whether a node may start here: after a line start, indicator or flow punctuation.
    let mut node_start = true;
    let mut i = 0usize;
    while i < b.len() {
        let c = b[i];
        match c {
            b'\n' => {
                node_start = true;
                i += 1;
                continue;
            }
            b' ' | b'\t' | b'\r' => {
                i += 1;
                continue;
            }
            b'#' if i == 0 || matches!(b[i - 1], b' ' | b'\t' | b'\n' | b'\r') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'[' | b'{' if depth > 0 || node_start => {
                depth += 1;
                if depth > max {
                    return Some(i);
                }
                node_start = true;
            }
            b']' | b'}' if depth > 0 => {
                depth -= 1;
                node_start = false;
            }
            b',' if depth > 0 => node_start = true,
            b'-' | b'?' | b':' if b.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()) => {
                node_start = true;
            }
            b':' if depth > 0 => node_start = true,
            b'"' | b'\'' if node_start => {
                // A quoted scalar: skip to its end (`\"` escapes in double quotes, `''` in
                // single quotes).
                i += 1;
                while i < b.len() {
                    if c == b'"' && b[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if b[i] == c {
                        if c == b'\'' && b.get(i + 1) == Some(&b'\'') {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i += 1;
                }
                node_start = false;
            }
            _ => node_start = false,
        }
        i += 1;
    }
    None
}

/// Parse YAML (Swagger definitions are sometimes written in YAML). A document whose flow
/// collections nest deeper than [`MAX_DEPTH`] is refused before the YAML parser sees it (its
/// scanner slows down with every open level: 75,000 `[` took 22 s).
pub(crate) fn parse_yaml(text: &str, issues: &mut Vec<LoadIssue>) -> Option<Value> {
    if let Some(offset) = yaml_nesting_exceeds(text, MAX_DEPTH) {
        issues.push(LoadIssue::at(
            IssueKind::YamlSyntaxError,
            offset,
            format!("document nests deeper than {MAX_DEPTH} levels; not analysed further"),
        ));
        return None;
    }
    match serde_yaml::from_str::<Value>(text) {
        Ok(v) => Some(v),
        Err(e) => {
            let offset = e.location().map(|l| l.index()).unwrap_or(0);
            issues.push(LoadIssue::at(
                IssueKind::YamlSyntaxError,
                offset,
                format!("invalid YAML: {e}"),
            ));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (Option<Value>, Vec<LoadIssue>) {
        let mut issues = Vec::new();
        let v = parse_json(text, &mut issues);
        (v, issues)
    }

    #[test]
    fn strict_json_has_no_issues() {
        let (v, i) = run(r#"{"a": [1, 2], "b": {"c": null}}"#);
        assert!(i.is_empty(), "{i:?}");
        assert_eq!(v.unwrap()["a"][1], 2);
    }

    #[test]
    fn trailing_comma_is_reported_and_recovered() {
        let text = "{\n  \"a\": 1,\n  \"b\": [1, 2,],\n}";
        let (v, i) = run(text);
        let codes: Vec<_> = i.iter().map(|x| x.kind).collect();
        assert_eq!(
            codes,
            vec![IssueKind::JsonTrailingComma, IssueKind::JsonTrailingComma]
        );
        assert_eq!(&text[i[0].offset.unwrap()..=i[0].offset.unwrap()], ",");
        assert_eq!(v.unwrap()["b"][1], 2);
    }

    #[test]
    fn missing_comma_and_comments() {
        let text = "{\n  \"a\": 1 // one\n  \"b\": 2\n}";
        let (v, i) = run(text);
        let codes: Vec<_> = i.iter().map(|x| x.kind).collect();
        assert_eq!(
            codes,
            vec![IssueKind::JsonComment, IssueKind::JsonMissingComma]
        );
        assert_eq!(v.unwrap()["b"], 2);
    }

    #[test]
    fn control_character_in_string() {
        let text = "{\"a\": \"x\ty\"}";
        let (v, i) = run(text);
        assert_eq!(i.len(), 1);
        assert_eq!(i[0].kind, IssueKind::JsonControlCharacter);
        assert_eq!(i[0].offset, Some(8));
        assert_eq!(v.unwrap()["a"], "x\ty");
    }

    #[test]
    fn unrecoverable_text_gives_one_syntax_error() {
        let (v, i) = run("{\"a\": }}");
        assert!(v.is_none());
        assert_eq!(i.len(), 1);
        assert_eq!(i[0].kind, IssueKind::JsonSyntaxError);
    }

    #[test]
    fn duplicate_keys_last_wins() {
        let (v, i) = run("{\"a\": 1, \"b\": {\"a\": 3}, \"a\": 2}");
        assert_eq!(v.unwrap()["a"], 2);
        assert_eq!(i.len(), 1, "{i:?}");
        assert_eq!(i[0].kind, IssueKind::JsonDuplicateKey);
        assert_eq!(i[0].offset, Some(24));
    }

    #[test]
    fn strict_parse_gives_serde_jsons_value_and_errors() {
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let cases = [
            r#"{"b": 1, "a": [true, null, -3, 18446744073709551615, 1.5e300, "x\u00e9\n"], "c": {}}"#,
            r#"{"a": 1, "a": {"a": 2, "b": [], "a": 3}, "z": -0.0, "k": 1e400}"#,
            r#"[{"a": 1}, {"a": 2}, [], {}, "", 0]"#,
            "  \"s\"  ",
            r#"{"a": 1,}"#,
            r#"{"a": 1} x"#,
            r#"{"a" 1}"#,
            "",
            &deep,
        ];
        for text in cases {
            let theirs = serde_json::from_str::<Value>(text);
            match (strict_json(text), theirs) {
                (Ok((ours, _)), Ok(theirs)) => {
                    assert_eq!(ours, theirs, "{text}");
                    // Same key order too (preserve_order).
                    assert_eq!(ours.to_string(), theirs.to_string(), "{text}");
                }
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{text}"),
                (a, b) => panic!("{text}: {:?} vs {:?}", a.map(|x| x.0), b),
            }
        }
        let dup = |t: &str| strict_json(t).unwrap().1;
        assert!(dup(r#"{"a": 1, "a": 2}"#));
        assert!(dup(r#"[{"x": {"a": 1, "b": 2, "a": 3}}]"#));
        assert!(!dup(r#"{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}]}"#));
    }

    #[test]
    fn same_key_in_sibling_objects_is_fine() {
        let (_, i) = run("[{\"a\": 1}, {\"a\": 2}]");
        assert!(i.is_empty());
    }

    #[test]
    fn decode_handles_bom_utf16_and_bad_bytes() {
        let mut i = Vec::new();
        assert_eq!(decode(b"\xEF\xBB\xBF{}", &mut i), "{}");
        assert!(i.is_empty());
        let mut utf16 = vec![0xFF, 0xFE];
        for u in "{}".encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&utf16, &mut i), "{}");
        assert_eq!(i.pop().unwrap().kind, IssueKind::FileEncodingNotUtf8);
        let t = decode(b"{\"a\": \"\xE9\"}", &mut i);
        assert_eq!(i[0].offset, Some(7));
        assert!(t.contains('\u{FFFD}'));
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let text = "[".repeat(10_000) + &"]".repeat(10_000);
        let (v, i) = run(&text);
        assert!(v.is_none());
        assert!(!i.is_empty());
    }

    #[test]
    fn deep_yaml_flow_nesting_is_refused_before_parsing() {
        let text = format!(
            "swagger: '2.0'\nx: {}{}\n",
            "[".repeat(75_000),
            "]".repeat(75_000)
        );
        let mut i = Vec::new();
        assert!(parse_yaml(&text, &mut i).is_none());
        assert_eq!(i[0].kind, IssueKind::YamlSyntaxError);
        assert!(i[0].message.contains("nests deeper"), "{}", i[0].message);
        let text = format!("x: {}1{}\n", "{a: ".repeat(300), "}".repeat(300));
        assert!(yaml_nesting_exceeds(&text, MAX_DEPTH).is_some());
        // Brackets in text, quotes and comments are not nesting.
        let text = format!(
            "a: see [docs] {}\nb: '{}'\nc: \"{}\"\n# {}\nd: [[1, 2], {{e: [3]}}]\n",
            "[".repeat(400),
            "[".repeat(400),
            "{".repeat(400),
            "[".repeat(400)
        );
        assert_eq!(yaml_nesting_exceeds(&text, MAX_DEPTH), None);
        let v = parse_yaml(&text, &mut i).unwrap();
        assert_eq!(v["d"][1]["e"][0], 3);
    }

    #[test]
    fn yaml_is_accepted() {
        let mut i = Vec::new();
        let v = parse_yaml("swagger: '2.0'\ninfo:\n  title: X\n", &mut i).unwrap();
        assert_eq!(v["swagger"], "2.0");
        assert!(i.is_empty());
    }
}
