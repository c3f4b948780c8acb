//! A small lossless JSON reader for `fmt` and `lint --fix`: every value keeps its source span
//! and scalars keep their exact text (number spelling, string escapes), so rewriting the
//! layout never changes a value, and a fix can splice only the bytes it must.

use serde_json::Value;

/// A parsed JSON value with its byte span in the source.
#[derive(Debug, Clone)]
pub(crate) enum Node<'a> {
    Object {
        members: Vec<Member<'a>>,
        start: usize,
        end: usize,
    },
    Array {
        items: Vec<Node<'a>>,
        start: usize,
        end: usize,
    },
    /// A string, number, `true`, `false` or `null`, exactly as written.
    Scalar {
        raw: &'a str,
        start: usize,
        end: usize,
    },
}

#[derive(Debug, Clone)]
pub(crate) struct Member<'a> {
    /// The key as written, quotes included.
    pub(crate) raw_key: &'a str,
    /// The decoded key.
    pub(crate) key: String,
    pub(crate) key_start: usize,
    pub(crate) value: Node<'a>,
}

impl Node<'_> {
    pub(crate) fn start(&self) -> usize {
        match self {
            Node::Object { start, .. } | Node::Array { start, .. } | Node::Scalar { start, .. } => {
                *start
            }
        }
    }
    pub(crate) fn end(&self) -> usize {
        match self {
            Node::Object { end, .. } | Node::Array { end, .. } | Node::Scalar { end, .. } => *end,
        }
    }
}

/// Why a text is not strict JSON (files with syntax errors are never rewritten).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub(crate) offset: usize,
    pub(crate) message: String,
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at byte {}", self.message, self.offset)
    }
}

const MAX_DEPTH: usize = 256;

/// Parse strict JSON (RFC 8259) into a lossless tree.
pub(crate) fn parse(text: &str) -> Result<Node<'_>, SyntaxError> {
    let mut p = Parser {
        s: text,
        b: text.as_bytes(),
        i: 0,
    };
    p.ws();
    let v = p.value(0)?;
    p.ws();
    if p.i != p.b.len() {
        return Err(p.err("unexpected text after the JSON value"));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
}

impl<'a> Parser<'a> {
    fn err(&self, m: &str) -> SyntaxError {
        SyntaxError {
            offset: self.i,
            message: m.to_string(),
        }
    }
    fn ws(&mut self) {
        while let Some(c) = self.b.get(self.i) {
            if matches!(c, b' ' | b'\t' | b'\n' | b'\r') {
                self.i += 1;
            } else {
                break;
            }
        }
    }
    fn value(&mut self, depth: usize) -> Result<Node<'a>, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.err("nesting too deep"));
        }
        let start = self.i;
        match self.b.get(self.i) {
            Some(b'{') => {
                self.i += 1;
                let mut members = Vec::new();
                self.ws();
                if self.b.get(self.i) == Some(&b'}') {
                    self.i += 1;
                    return Ok(Node::Object {
                        members,
                        start,
                        end: self.i,
                    });
                }
                loop {
                    self.ws();
                    let key_start = self.i;
                    if self.b.get(self.i) != Some(&b'"') {
                        return Err(self.err("expected a string key"));
                    }
                    self.string()?;
                    let raw_key = &self.s[key_start..self.i];
                    let key: String = serde_json::from_str(raw_key)
                        .map_err(|_| self.err("invalid string escape"))?;
                    self.ws();
                    if self.b.get(self.i) != Some(&b':') {
                        return Err(self.err("expected ':'"));
                    }
                    self.i += 1;
                    self.ws();
                    let value = self.value(depth + 1)?;
                    members.push(Member {
                        raw_key,
                        key,
                        key_start,
                        value,
                    });
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b'}') => {
                            self.i += 1;
                            return Ok(Node::Object {
                                members,
                                start,
                                end: self.i,
                            });
                        }
                        _ => return Err(self.err("expected ',' or '}'")),
                    }
                }
            }
            Some(b'[') => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.b.get(self.i) == Some(&b']') {
                    self.i += 1;
                    return Ok(Node::Array {
                        items,
                        start,
                        end: self.i,
                    });
                }
                loop {
                    self.ws();
                    items.push(self.value(depth + 1)?);
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b']') => {
                            self.i += 1;
                            return Ok(Node::Array {
                                items,
                                start,
                                end: self.i,
                            });
                        }
                        _ => return Err(self.err("expected ',' or ']'")),
                    }
                }
            }
            Some(b'"') => {
                self.string()?;
                let raw = &self.s[start..self.i];
                serde_json::from_str::<String>(raw).map_err(|_| SyntaxError {
                    offset: start,
                    message: "invalid string".into(),
                })?;
                Ok(Node::Scalar {
                    raw,
                    start,
                    end: self.i,
                })
            }
            Some(_) => {
                while let Some(c) = self.b.get(self.i) {
                    if c.is_ascii_alphanumeric() || matches!(c, b'-' | b'+' | b'.') {
                        self.i += 1;
                    } else {
                        break;
                    }
                }
                let raw = &self.s[start..self.i];
                let ok = matches!(raw, "true" | "false" | "null")
                    || (!raw.is_empty() && serde_json::from_str::<serde_json::Number>(raw).is_ok());
                if !ok || !valid_number_or_literal(raw) {
                    self.i = start;
                    return Err(self.err("expected a JSON value"));
                }
                Ok(Node::Scalar {
                    raw,
                    start,
                    end: self.i,
                })
            }
            None => Err(self.err("unexpected end of file")),
        }
    }
    fn string(&mut self) -> Result<(), SyntaxError> {
        self.i += 1;
        while let Some(&c) = self.b.get(self.i) {
            match c {
                b'"' => {
                    self.i += 1;
                    return Ok(());
                }
                b'\\' => self.i += 2,
                c if c < 0x20 => return Err(self.err("raw control character in string")),
                _ => self.i += 1,
            }
        }
        Err(self.err("unterminated string"))
    }
}

/// RFC 8259 number grammar (serde_json alone would also accept what it can round).
fn valid_number_or_literal(raw: &str) -> bool {
    if matches!(raw, "true" | "false" | "null") {
        return true;
    }
    let b = raw.as_bytes();
    let mut i = 0;
    if b.first() == Some(&b'-') {
        i += 1;
    }
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(c) if c.is_ascii_digit() => {
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
        _ => return false,
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        let s = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == s {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let s = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == s {
            return false;
        }
    }
    i == b.len()
}

/// The layout of a file: what `fmt` and fixes keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Layout {
    pub(crate) bom: bool,
    pub(crate) crlf: bool,
    pub(crate) final_newline: bool,
    /// The indentation unit (the file's own, detected from its first indented line).
    pub(crate) indent: Indent,
}

/// One level of indentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Indent {
    /// N spaces (1 to 8).
    Spaces(u8),
    Tab,
}

impl Default for Indent {
    /// The coding standards' 4 spaces.
    fn default() -> Self {
        Indent::Spaces(4)
    }
}

impl Indent {
    /// The indentation of a file: its first indented line's leading whitespace (a tab, or 1
    /// to 8 spaces); 4 spaces when no line is indented.
    pub(crate) fn of(text: &str) -> Indent {
        for line in text.lines().skip(1) {
            if line.starts_with('\t') {
                return Indent::Tab;
            }
            let n = line.bytes().take_while(|b| *b == b' ').count();
            if n > 0 && n < line.len() {
                return Indent::Spaces(n.min(8) as u8);
            }
        }
        Indent::default()
    }

    fn unit(self) -> String {
        match self {
            Indent::Spaces(n) => " ".repeat(n as usize),
            Indent::Tab => "\t".into(),
        }
    }
}

impl Layout {
    pub(crate) fn of(bytes_text: &str, bom: bool) -> Layout {
        Layout {
            bom,
            crlf: bytes_text
                .find('\n')
                .is_some_and(|i| i > 0 && bytes_text.as_bytes().get(i - 1) == Some(&b'\r')),
            final_newline: bytes_text.ends_with('\n'),
            indent: Indent::of(bytes_text),
        }
    }
    pub(crate) fn nl(&self) -> &'static str {
        if self.crlf { "\r\n" } else { "\n" }
    }
}

/// Top-level key order of a Swagger definition (the coding standards:
/// <https://learn.microsoft.com/en-us/connectors/custom-connectors/coding-standards>). Keys
/// not listed keep their relative order after the listed ones.
pub(crate) const ROOT_ORDER: &[&str] = &[
    "swagger",
    "info",
    "host",
    "basePath",
    "schemes",
    "consumes",
    "produces",
    "paths",
    "definitions",
    "parameters",
    "responses",
    "securityDefinitions",
    "security",
    "tags",
    "x-ms-connector-metadata",
];

/// Key order inside `info` (title, description, status, contact).
pub(crate) const INFO_ORDER: &[&str] = &[
    "title",
    "description",
    "version",
    "x-ms-api-annotation",
    "contact",
];

fn order_members<'n, 'a>(members: &'n [Member<'a>], order: &[&str]) -> Vec<&'n Member<'a>> {
    let mut out: Vec<&Member> = Vec::with_capacity(members.len());
    for k in order {
        out.extend(members.iter().filter(|m| m.key == *k));
    }
    out.extend(members.iter().filter(|m| !order.contains(&m.key.as_str())));
    out
}

/// Rewrite JSON text in the coding standards' layout: 4-space indent, `"key": value`,
/// Swagger key order at the root and in `info` (when the root has `swagger`), no trailing
/// whitespace. Scalars are copied byte for byte. Returns text without BOM; the caller keeps
/// the layout's BOM, line ending and final newline.
pub(crate) fn format(text: &str, layout: Layout) -> Result<String, SyntaxError> {
    let node = parse(text)?;
    let swagger =
        matches!(&node, Node::Object { members, .. } if members.iter().any(|m| m.key == "swagger"));
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    write_node(&node, 0, swagger, true, layout.nl(), &mut out);
    if layout.indent != Indent::Spaces(4) {
        out = reindent(&out, layout.indent);
    }
    if layout.final_newline {
        out.push_str(layout.nl());
    }
    Ok(out)
}

/// Replace the 4-space units [`write_node`] wrote with `unit`. Every line's leading spaces are
/// indentation: JSON scalars never span lines.
fn reindent(text: &str, indent: Indent) -> String {
    let unit = indent.unit();
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let n = line.bytes().take_while(|b| *b == b' ').count();
        for _ in 0..n / 4 {
            out.push_str(&unit);
        }
        out.push_str(&line[n - n % 4..]);
    }
    out
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("    ");
    }
}

fn write_node(
    node: &Node<'_>,
    depth: usize,
    swagger: bool,
    root: bool,
    nl: &str,
    out: &mut String,
) {
    match node {
        Node::Scalar { raw, .. } => out.push_str(raw),
        Node::Array { items, .. } => {
            if items.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push('[');
            for (i, it) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(nl);
                indent(out, depth + 1);
                write_node(it, depth + 1, false, false, nl, out);
            }
            out.push_str(nl);
            indent(out, depth);
            out.push(']');
        }
        Node::Object { members, .. } => {
            if members.is_empty() {
                out.push_str("{}");
                return;
            }
            let ordered: Vec<&Member> = if swagger && root {
                order_members(members, ROOT_ORDER)
            } else {
                members.iter().collect()
            };
            out.push('{');
            for (i, m) in ordered.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(nl);
                indent(out, depth + 1);
                out.push_str(m.raw_key);
                out.push_str(": ");
                let info = swagger && root && m.key == "info";
                match (&m.value, info) {
                    (Node::Object { members: im, .. }, true) if !im.is_empty() => {
                        out.push('{');
                        for (j, n) in order_members(im, INFO_ORDER).iter().enumerate() {
                            if j > 0 {
                                out.push(',');
                            }
                            out.push_str(nl);
                            indent(out, depth + 2);
                            out.push_str(n.raw_key);
                            out.push_str(": ");
                            write_node(&n.value, depth + 2, false, false, nl, out);
                        }
                        out.push_str(nl);
                        indent(out, depth + 1);
                        out.push('}');
                    }
                    _ => write_node(&m.value, depth + 1, false, false, nl, out),
                }
            }
            out.push_str(nl);
            indent(out, depth);
            out.push('}');
        }
    }
}

/// Serialize a value in the standard layout (used for new files and for values a fix adds).
pub(crate) fn to_pretty(value: &Value, base_depth: usize, unit: &str, nl: &str) -> String {
    let mut out = String::new();
    write_value(value, base_depth, unit, nl, &mut out);
    out
}

fn write_value(v: &Value, depth: usize, unit: &str, nl: &str, out: &mut String) {
    let pad = |out: &mut String, d: usize| {
        for _ in 0..d {
            out.push_str(unit);
        }
    };
    match v {
        Value::Array(a) if !a.is_empty() => {
            out.push('[');
            for (i, it) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(nl);
                pad(out, depth + 1);
                write_value(it, depth + 1, unit, nl, out);
            }
            out.push_str(nl);
            pad(out, depth);
            out.push(']');
        }
        Value::Object(m) if !m.is_empty() => {
            out.push('{');
            for (i, (k, it)) in m.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(nl);
                pad(out, depth + 1);
                out.push_str(&serde_json::to_string(k).unwrap_or_default());
                out.push_str(": ");
                write_value(it, depth + 1, unit, nl, out);
            }
            out.push_str(nl);
            pad(out, depth);
            out.push('}');
        }
        other => out.push_str(&serde_json::to_string(other).unwrap_or_default()),
    }
}

/// Write `new` over `text` (whose parsed value is `old`) changing as few bytes as possible:
/// added keys are inserted after the last member with the file's indentation, removed keys
/// are cut out, changed scalars are replaced in place; anything more complex re-serializes
/// only the smallest enclosing value. Returns `None` when `text` is not strict JSON.
pub(crate) fn splice(text: &str, new: &Value) -> Option<String> {
    let root = parse(text).ok()?;
    let unit = detect_unit(text);
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    diff(text, &root, new, &unit, nl, &mut edits);
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (s, e, r) in edits {
        out.replace_range(s..e, &r);
    }
    // Safety net: the result must parse to exactly the new value.
    match serde_json::from_str::<Value>(&out) {
        Ok(v) if &v == new => Some(out),
        _ => {
            let mut s = to_pretty(new, 0, &unit, nl);
            if text.ends_with('\n') {
                s.push_str(nl);
            }
            Some(s)
        }
    }
}

fn detect_unit(text: &str) -> String {
    for line in text.lines().skip(1) {
        let ws: String = line
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        if !ws.is_empty() {
            return ws;
        }
    }
    "    ".to_string()
}

/// Depth of the line holding `offset`, in indentation units.
fn depth_at(text: &str, offset: usize, unit: &str) -> usize {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let ws = text[line_start..]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .count();
    ws / unit.len().max(1)
}

fn node_value(text: &str, n: &Node<'_>) -> Option<Value> {
    serde_json::from_str(&text[n.start()..n.end()]).ok()
}

fn diff(
    text: &str,
    node: &Node<'_>,
    new: &Value,
    unit: &str,
    nl: &str,
    edits: &mut Vec<(usize, usize, String)>,
) {
    if node_value(text, node).as_ref() == Some(new) {
        return;
    }
    let replace = |edits: &mut Vec<(usize, usize, String)>| {
        let d = depth_at(text, node.start(), unit);
        edits.push((node.start(), node.end(), to_pretty(new, d, unit, nl)));
    };
    match (node, new) {
        (Node::Object { members, .. }, Value::Object(nm)) if !members.is_empty() => {
            let mut seen = std::collections::HashSet::new();
            if members.iter().any(|m| !seen.insert(m.key.as_str())) {
                return replace(edits);
            }
            let removed: Vec<usize> = (0..members.len())
                .filter(|&i| members.get(i).is_some_and(|m| !nm.contains_key(&m.key)))
                .collect();
            let added: Vec<(&String, &Value)> = nm
                .iter()
                .filter(|(k, _)| !members.iter().any(|m| &m.key == *k))
                .collect();
            if removed.len() == members.len() || (!removed.is_empty() && !added.is_empty()) {
                return replace(edits);
            }
            // The last member that stays (there is one: not everything is removed).
            let keep_last = (0..members.len()).rev().find(|j| !removed.contains(j));
            for (i, m) in members.iter().enumerate() {
                if let Some(v) = nm.get(&m.key) {
                    diff(text, &m.value, v, unit, nl, edits);
                } else if keep_last.is_some_and(|p| i < p)
                    && let Some(next) = members.get(i + 1)
                {
                    edits.push((m.key_start, next.key_start, String::new()));
                }
            }
            if let (Some(p), Some(last)) = (keep_last, members.last())
                && p + 1 < members.len()
                && let Some(kept) = members.get(p)
            {
                edits.push((kept.value.end(), last.value.end(), String::new()));
            }
            if !added.is_empty() {
                let Some(last) = members.last() else {
                    return replace(edits);
                };
                let d = depth_at(text, last.key_start, unit);
                let mut ins = String::new();
                for (k, v) in added {
                    ins.push(',');
                    ins.push_str(nl);
                    for _ in 0..d {
                        ins.push_str(unit);
                    }
                    ins.push_str(&serde_json::to_string(k).unwrap_or_default());
                    ins.push_str(": ");
                    ins.push_str(&to_pretty(v, d, unit, nl));
                }
                let at = last.value.end();
                edits.push((at, at, ins));
            }
        }
        (Node::Array { items, .. }, Value::Array(na)) if items.len() == na.len() => {
            for (it, v) in items.iter().zip(na) {
                diff(text, it, v, unit, nl, edits);
            }
        }
        _ => replace(edits),
    }
}

#[cfg(test)]
mod tests;
