//! Source positions: byte offset ↔ line:column, and JSON pointer → source span.
//!
//! serde_json gives values but no spans, so spans come from a one-pass scanner over the
//! text, run only for files that have findings, resolving all of a file's pointers at once
//! (see `locate_all`).

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use jsonc_parser::ParseOptions;

/// A 1-based line and column (column in Unicode scalar values, as editors count).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub(crate) struct LineCol {
    pub(crate) line: usize,
    pub(crate) column: usize,
}

/// Start and end of a finding in its file, in bytes, with line:column of the start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Span {
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// Offsets of line starts, for offset → line:column.
///
/// Columns count characters, which on a non-ASCII line means counting from the line start.
/// A minified document is one line of many megabytes with thousands of findings, so columns
/// must not cost the line's length each: ASCII lines answer in O(1), and long non-ASCII lines
/// keep a character count every `CHECKPOINT` bytes.
#[derive(Debug, Clone)]
pub(crate) struct LineIndex {
    starts: Vec<usize>,
    /// Lines (0-based) that contain a non-ASCII byte, with their checkpoints: the number of
    /// characters before each multiple of `CHECKPOINT` bytes from the line start.
    non_ascii: HashMap<usize, Vec<usize>>,
}

/// Characters in UTF-8 bytes, counted as the bytes that do not continue a sequence (so any
/// byte range counts the characters that start in it).
fn lead_bytes(b: &[u8]) -> usize {
    b.iter().filter(|&&c| (c as i8) >= -0x40).count()
}

/// Bytes between character-count checkpoints on long non-ASCII lines.
const CHECKPOINT: usize = 4096;

impl LineIndex {
    pub(crate) fn new(text: &str) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 30 + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut non_ascii = HashMap::new();
        if !text.is_ascii() {
            let b = text.as_bytes();
            for (line, &start) in starts.iter().enumerate() {
                let end = starts.get(line + 1).copied().unwrap_or(b.len());
                let bytes = &b[start..end];
                if bytes.is_ascii() {
                    continue;
                }
                let mut checkpoints = Vec::new();
                let mut chars = 0;
                let mut at = 0;
                while at < bytes.len() {
                    checkpoints.push(chars);
                    let next = (at + CHECKPOINT).min(bytes.len());
                    chars += lead_bytes(&bytes[at..next]);
                    at = next;
                }
                non_ascii.insert(line, checkpoints);
            }
        }
        LineIndex { starts, non_ascii }
    }

    /// Line and column (both 1-based) of a byte offset. Offsets past the end clamp to it;
    /// offsets inside a multi-byte character count that character.
    pub(crate) fn line_col(&self, text: &str, offset: usize) -> LineCol {
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
        let column = match self.non_ascii.get(&line) {
            None => end - start + 1,
            Some(checkpoints) => {
                let k = ((end - start) / CHECKPOINT).min(checkpoints.len().saturating_sub(1));
                let from = start + k * CHECKPOINT;
                let before = checkpoints.get(k).copied().unwrap_or(0);
                // `from` need not be a character boundary: count lead bytes, as `new` did.
                before + lead_bytes(&text.as_bytes()[from..end]) + 1
            }
        };
        LineCol {
            line: line + 1,
            column,
        }
    }

    /// At most about `width` bytes of the line around `offset` (the whole line when it is
    /// short), and the 1-based column where that excerpt starts. Keeps findings on minified
    /// one-line documents from copying the whole document each.
    pub(crate) fn excerpt<'t>(
        &self,
        text: &'t str,
        offset: usize,
        width: usize,
    ) -> (&'t str, usize) {
        let lc = self.line_col(text, offset);
        let line = self.line_text(text, lc.line);
        if line.len() <= width {
            return (line, 1);
        }
        let line_start = self.starts[lc.line - 1];
        let at = offset.clamp(line_start, line_start + line.len()) - line_start;
        let mut from = at.saturating_sub(width / 4);
        let mut to = (from + width).min(line.len());
        while from > 0 && !line.is_char_boundary(from) {
            from -= 1;
        }
        while to < line.len() && !line.is_char_boundary(to) {
            to += 1;
        }
        let column = self.line_col(text, line_start + from).column;
        (&line[from..to], column)
    }

    /// The text of a 1-based line, without its line ending.
    pub(crate) fn line_text<'t>(&self, text: &'t str, line: usize) -> &'t str {
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
    pub(crate) fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line.checked_sub(1)?).copied()
    }
}

/// The most permissive options: the lenient re-read of files with syntax problems.
pub(crate) fn lenient_options() -> ParseOptions {
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
/// otherwise. `None` only when the text holds no value at all.
///
/// Why not jsonc-parser's AST here (it is used for lenient recovery): resolving positions
/// needs no tree. Building one re-parses every file that has a finding, which profiling put
/// at a third of the whole lint time on the public corpus. This scanner makes one pass,
/// descends only into members that lie on a wanted path, skips everything else by bracket
/// matching, and allocates only the pointer strings it compares. It tolerates the same
/// non-standard syntax the lenient reader recovers from (comments, trailing or missing
/// commas, single quotes, bare words), since positions are wanted for those files too.
pub(crate) fn locate_all(text: &str, pointers: &[&str]) -> Vec<Option<Span>> {
    locate(text, pointers, false)
}

/// [`locate_all`] for a text serde_json accepted (strict JSON, no comments or single
/// quotes outside strings): a skipped container is matched by counting only its own kind of
/// bracket, found with a vectorized search for three bytes (the quote and the two
/// brackets), instead of looking at every byte. Balanced brackets make that the same match.
pub(crate) fn locate_all_in_strict_json(text: &str, pointers: &[&str]) -> Vec<Option<Span>> {
    locate(text, pointers, true)
}

fn locate(text: &str, pointers: &[&str], strict: bool) -> Vec<Option<Span>> {
    let mut want: HashSet<&str> = HashSet::with_capacity(pointers.len() * 4);
    for p in pointers {
        let mut end = p.len();
        loop {
            if !want.insert(&p[..end]) {
                break;
            }
            match p[..end].rfind('/') {
                Some(i) => end = i,
                None => break,
            }
        }
    }
    let mut sc = Scanner {
        b: text.as_bytes(),
        i: 0,
        want: &want,
        found: HashMap::new(),
        cur: String::new(),
        strict,
    };
    sc.skip_ws();
    if sc.i >= sc.b.len() {
        return vec![None; pointers.len()];
    }
    let start = sc.i;
    sc.found.insert(
        String::new(),
        Span {
            start,
            end: start + 1,
        },
    );
    sc.value(0);
    pointers
        .iter()
        .map(|p| {
            let mut end = p.len();
            loop {
                if let Some(s) = sc.found.get(&p[..end]) {
                    return Some(*s);
                }
                end = p[..end].rfind('/')?;
            }
        })
        .collect()
}

/// The bytes `skip_value` must look at: quotes, brackets and `/` (comments).
static STRUCTURAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    let set = *b"\"'{}[]/";
    while i < set.len() {
        t[set[i] as usize] = true;
        i += 1;
    }
    t
};

struct Scanner<'t, 'w> {
    b: &'t [u8],
    i: usize,
    want: &'w HashSet<&'w str>,
    found: HashMap<String, Span>,
    cur: String,
    /// The text is strict JSON (see [`locate_all_in_strict_json`]).
    strict: bool,
}

impl Scanner<'_, '_> {
    fn skip_ws(&mut self) {
        while self.i < self.b.len() {
            match self.b[self.i] {
                b' ' | b'\t' | b'\n' | b'\r' => self.i += 1,
                b'/' if self.b.get(self.i + 1) == Some(&b'/') => {
                    while self.i < self.b.len() && self.b[self.i] != b'\n' {
                        self.i += 1;
                    }
                }
                b'/' if self.b.get(self.i + 1) == Some(&b'*') => {
                    self.i += 2;
                    while self.i + 1 < self.b.len()
                        && !(self.b[self.i] == b'*' && self.b[self.i + 1] == b'/')
                    {
                        self.i += 1;
                    }
                    self.i = (self.i + 2).min(self.b.len());
                }
                // Non-ASCII bytes outside strings can only be Unicode whitespace (U+00A0,
                // U+2003, U+FEFF…), which the lenient reader tolerates: skip them too.
                c if c >= 0x80 => self.i += 1,
                _ => return,
            }
        }
    }

    /// Skip a quoted string starting at `self.i` (the quote); returns (start, end) including
    /// quotes.
    fn string(&mut self) -> (usize, usize) {
        let q = self.b[self.i];
        let start = self.i;
        self.i += 1;
        while let Some(k) = self
            .b
            .get(self.i..)
            .and_then(|rest| memchr::memchr2(q, b'\\', rest))
        {
            self.i += k;
            if self.b[self.i] == q {
                self.i += 1;
                return (start, self.i);
            }
            self.i += 2; // an escape: skip the backslash and the escaped byte
        }
        self.i = self.b.len();
        (start, self.i)
    }

    /// A bare scalar (number, true, word…): up to the next delimiter.
    fn scalar(&mut self) -> (usize, usize) {
        let start = self.i;
        while self.i < self.b.len()
            && !matches!(
                self.b[self.i],
                b',' | b'}'
                    | b']'
                    | b':'
                    | b' '
                    | b'\t'
                    | b'\n'
                    | b'\r'
                    | b'/'
                    | b'{'
                    | b'['
                    | b'"'
            )
        {
            self.i += 1;
        }
        if self.i == start {
            self.i += 1; // never stall on an unexpected byte
        }
        (start, self.i)
    }

    /// Skip one value without looking inside (strings aware).
    fn skip_value(&mut self) {
        self.skip_ws();
        let Some(&c) = self.b.get(self.i) else { return };
        if c != b'{' && c != b'[' {
            if c == b'"' || c == b'\'' {
                self.string();
            } else {
                self.scalar();
            }
            return;
        }
        if self.strict {
            let close = if c == b'{' { b'}' } else { b']' };
            let mut depth = 0usize;
            while let Some(k) = memchr::memchr3(b'"', c, close, &self.b[self.i..]) {
                self.i += k;
                match self.b[self.i] {
                    b'"' => {
                        self.string();
                        continue;
                    }
                    x if x == c => depth += 1,
                    _ => {
                        depth -= 1;
                        if depth == 0 {
                            self.i += 1;
                            return;
                        }
                    }
                }
                self.i += 1;
            }
            self.i = self.b.len();
            return;
        }
        let mut depth = 0usize;
        while self.i < self.b.len() {
            // Most bytes between the structural ones are whitespace and scalars.
            while self.i < self.b.len() && !STRUCTURAL[usize::from(self.b[self.i])] {
                self.i += 1;
            }
            if self.i >= self.b.len() {
                break;
            }
            match self.b[self.i] {
                b'"' | b'\'' => {
                    self.string();
                    continue;
                }
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth -= 1;
                    if depth == 0 {
                        self.i += 1;
                        return;
                    }
                }
                b'/' => {
                    let before = self.i;
                    self.skip_ws();
                    if self.i != before {
                        continue;
                    }
                }
                _ => {}
            }
            self.i += 1;
        }
    }

    /// Scan the value at `self.i`, whose pointer is `self.cur` (which is wanted).
    fn value(&mut self, depth: usize) {
        self.skip_ws();
        if depth > super::parse::MAX_DEPTH {
            self.skip_value();
            return;
        }
        match self.b.get(self.i) {
            Some(b'{') => {
                self.i += 1;
                let base = self.cur.len();
                loop {
                    self.skip_ws();
                    match self.b.get(self.i) {
                        None => return,
                        Some(b'}') => {
                            self.i += 1;
                            return;
                        }
                        Some(b',') => {
                            self.i += 1;
                            continue;
                        }
                        Some(b']') => {
                            // Mismatched close: treat as the end of this object.
                            self.i += 1;
                            return;
                        }
                        _ => {}
                    }
                    let (ks, ke) = match self.b[self.i] {
                        b'"' | b'\'' => self.string(),
                        _ => self.scalar(),
                    };
                    self.skip_ws();
                    if self.b.get(self.i) == Some(&b':') {
                        self.i += 1;
                    }
                    self.cur.truncate(base);
                    self.cur.push('/');
                    push_key(&mut self.cur, &self.b[ks..ke]);
                    if self.want.contains(self.cur.as_str()) {
                        // Duplicate keys: the last one wins, as in serde_json and .NET.
                        self.found
                            .insert(self.cur.clone(), Span { start: ks, end: ke });
                        self.value(depth + 1);
                    } else {
                        self.skip_value();
                    }
                }
            }
            Some(b'[') => {
                self.i += 1;
                let base = self.cur.len();
                let mut index = 0usize;
                loop {
                    self.skip_ws();
                    match self.b.get(self.i) {
                        None => return,
                        Some(b']') | Some(b'}') => {
                            self.i += 1;
                            return;
                        }
                        Some(b',') => {
                            self.i += 1;
                            continue;
                        }
                        _ => {}
                    }
                    self.cur.truncate(base);
                    self.cur.push('/');
                    let _ = std::fmt::Write::write_fmt(&mut self.cur, format_args!("{index}"));
                    index += 1;
                    if self.want.contains(self.cur.as_str()) {
                        let start = self.i;
                        let c = self.b[self.i];
                        let end = if c == b'{' || c == b'[' {
                            start + 1
                        } else {
                            let save = self.i;
                            self.skip_value();
                            let e = self.i;
                            self.i = save;
                            e
                        };
                        self.found.insert(self.cur.clone(), Span { start, end });
                        self.value(depth + 1);
                    } else {
                        self.skip_value();
                    }
                }
            }
            Some(_) => self.skip_value(),
            None => {}
        }
    }
}

/// Append a raw key (with its quotes, if any) to a pointer, unescaped then pointer-escaped.
fn push_key(cur: &mut String, raw: &[u8]) {
    let quoted =
        raw.len() >= 2 && (raw[0] == b'"' || raw[0] == b'\'') && raw[raw.len() - 1] == raw[0];
    let inner = if quoted { &raw[1..raw.len() - 1] } else { raw };
    if !inner.contains(&b'\\')
        && let Ok(key) = std::str::from_utf8(inner)
    {
        cur.push_str(&super::pointer::escape(key));
        return;
    }
    let inner = String::from_utf8_lossy(inner);
    let key = if inner.contains('\\') {
        serde_json::from_str::<String>(&format!("\"{inner}\""))
            .unwrap_or_else(|_| inner.to_string())
    } else {
        inner.into_owned()
    };
    cur.push_str(&super::pointer::escape(&key));
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
    fn columns_on_long_non_ascii_lines_match_a_character_count() {
        // Several checkpoints long, with 2-, 3- and 4-byte characters, plus a short line.
        let line: String = (0..9000)
            .map(|i| ["a", "é", "€", "😀", "b"][i % 5])
            .collect();
        let text = format!("x\n{line}\nz");
        let idx = LineIndex::new(&text);
        let start = 2;
        for off in (start..start + line.len())
            .step_by(997)
            .chain([text.len() - 1])
        {
            let mut end = off;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let want = if off >= start + line.len() {
                LineCol { line: 3, column: 1 }
            } else {
                LineCol {
                    line: 2,
                    column: text[start..end].chars().count() + 1,
                }
            };
            assert_eq!(idx.line_col(&text, off), want, "offset {off}");
        }
        // An excerpt is short, starts on a character boundary, and knows its column.
        let off = start + line.len() / 2;
        let (ex, col) = idx.excerpt(&text, off, 240);
        assert!(ex.len() <= 248 && line.contains(ex));
        let ex_start = ex.as_ptr() as usize - text.as_ptr() as usize;
        assert!(ex_start <= off && off < ex_start + ex.len());
        assert_eq!(col, idx.line_col(&text, ex_start).column);
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

#[cfg(test)]
mod scanner_tests {
    use super::*;
    use proptest::prelude::*;

    fn at(text: &str, p: &str) -> String {
        let s = locate_all(text, &[p])[0].unwrap();
        text[s.start..s.end].to_string()
    }

    #[test]
    fn tolerates_lenient_syntax() {
        let t = "{ // c\n 'a': {b: [1, 2,], /* x */ \"c\": 3,}, \"d\": 4 \"e\": 5 }";
        assert_eq!(at(t, "/a"), "'a'");
        assert_eq!(at(t, "/a/b"), "b");
        assert_eq!(at(t, "/a/b/1"), "2");
        assert_eq!(at(t, "/a/c"), "\"c\"");
        assert_eq!(at(t, "/e"), "\"e\"");
    }

    #[test]
    fn escaped_keys_and_duplicates() {
        let t = r#"{"a\/b": 1, "x": 1, "x": {"y": 2}}"#;
        assert_eq!(at(t, "/a~1b"), r#""a\/b""#);
        let s = locate_all(t, &["/x/y"])[0].unwrap();
        assert_eq!(&t[s.start..s.end], "\"y\"");
    }

    #[test]
    fn truncated_input_never_panics() {
        let t = r#"{"a": {"b": [1, {"c": "unterminated"#;
        for cut in 0..t.len() {
            let _ = locate_all(&t[..cut], &["/a/b/1/c", "/a", ""]);
        }
    }

    /// Every pointer of a serde_json value resolves to the key or element the AST-free
    /// scanner finds, for pretty and compact renderings.
    fn all_pointers(v: &serde_json::Value, at: String, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, c) in m {
                    let p = crate::model::pointer::join(&at, k);
                    out.push(p.clone());
                    all_pointers(c, p, out);
                }
            }
            serde_json::Value::Array(a) => {
                for (i, c) in a.iter().enumerate() {
                    let p = format!("{at}/{i}");
                    out.push(p.clone());
                    all_pointers(c, p, out);
                }
            }
            _ => {}
        }
    }

    fn arb_json() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<i32>().prop_map(serde_json::Value::from),
            "[a-z/~\"\\\\ é]{0,6}".prop_map(serde_json::Value::from),
        ];
        leaf.prop_recursive(4, 40, 5, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..5).prop_map(serde_json::Value::from),
                proptest::collection::btree_map("[a-z/~\"é]{0,4}", inner, 0..5)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn pointer_to_position_round_trip(v in arb_json(), pretty in any::<bool>()) {
            let text = if pretty { serde_json::to_string_pretty(&v).unwrap() } else { serde_json::to_string(&v).unwrap() };
            let mut ptrs = Vec::new();
            all_pointers(&v, String::new(), &mut ptrs);
            let refs: Vec<&str> = ptrs.iter().map(String::as_str).collect();
            let spans = locate_all(&text, &refs);
            prop_assert_eq!(&spans, &locate_all_in_strict_json(&text, &refs));
            for (p, s) in ptrs.iter().zip(spans) {
                let s = s.unwrap();
                let parent = crate::model::pointer::parent(p).unwrap();
                let pv = v.pointer(parent).unwrap();
                let piece = &text[s.start..s.end];
                if pv.is_object() {
                    // The span is the member's key: parse it back.
                    let key: String = serde_json::from_str(piece).unwrap();
                    prop_assert_eq!(Some(key), crate::model::pointer::last_token(p));
                } else {
                    // The span starts the element's value.
                    let mut de = serde_json::Deserializer::from_str(&text[s.start..]);
                    let got = <serde_json::Value as serde::Deserialize>::deserialize(&mut de).unwrap();
                    prop_assert_eq!(&got, v.pointer(p).unwrap());
                }
            }
        }
    }
}
