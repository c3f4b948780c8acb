//! Output safety: everything connkit prints that came from outside (a connector's text, a
//! file or zip entry name, a server's answer) passes through here, and everything printed at
//! all passes through [`redact`].
//!
//! The hosts that read connkit's output execute some of what they read:
//! - Azure Pipelines runs `##vso[…]` wherever it appears in a log line (and `##[…]`
//!   formatting commands at the start of a line);
//! - GitHub Actions runs `::command::` and the older `##[command]` at the start of a line
//!   (leading whitespace ignored);
//! - terminals run ESC/CSI/OSC sequences (C0 and C1 controls), and bidirectional overrides
//!   reorder what a reviewer sees.
//!
//! So each untrusted field is made inert for the format it lands in:
//! - [`text`] for one field of a log or terminal line: control characters escaped visibly
//!   (`\n`, `\r`, `\x1b`, `\u{9b}`, `\u{202e}`; a field never breaks a line), and a zero-width
//!   space (U+200B) put between the two characters of `##…[` and of a leading `::`;
//! - [`markdown`] and [`markdown_code`] for pull-request comments: also no table breaks, no
//!   HTML, no links or images, no `@mentions`;
//! - [`json`] for a serialized JSON document: the same characters written as `\uXXXX`
//!   escapes, so a consumer decodes exactly the original data while the log line holds
//!   neither a command nor a control character;
//! - [`lines()`] for whole messages connkit builds for stderr, line by line.
//!
//! Secrets: every [`crate::submit::http::Secret`] registers its value here when it is made,
//! and [`redact`] replaces every registered value (and its percent- and JSON-encoded forms),
//! every SAS `sig=` value and every `client_secret=` value in anything printed.
//!
//! Hand-written: the rules are specific to these hosts (no crate covers Azure's or GitHub's
//! command syntax), and a character loop keeps the common case (nothing to change) a copy.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::sync::{OnceLock, RwLock};

/// Inserted to break a command marker; invisible in logs, never whitespace to a runner.
pub(crate) const BREAK: char = '\u{200B}';

/// Characters escaped in every format: C0 controls (tab excepted), DEL, C1 controls, the
/// bidirectional overrides and isolates, and the Unicode line and paragraph separators.
fn must_escape(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{a}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{61c}')
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        c if (c as u32) < 0x80 => {
            let _ = write!(out, "\\x{:02x}", c as u32);
        }
        c => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
}

/// Whether `s` holds something [`text`] would change.
fn needs_text(s: &str) -> bool {
    s.chars().any(must_escape) || s.contains("##") || s.trim_start().starts_with("::")
}

/// One field of a log or terminal line (a message, a path, a name, an excerpt). The result
/// holds no control character, no line break, no `##vso[` / `##[`, and does not start with
/// `::` (after leading whitespace).
pub(crate) fn text(s: &str) -> Cow<'_, str> {
    if !needs_text(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if must_escape(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    let out = break_hash_commands(&out, &BREAK.to_string());
    Cow::Owned(break_leading_colons(out))
}

/// `#` + BREAK + `#…[` for every `##[` and `##vso[` (any case).
fn break_hash_commands(s: &str, with: &str) -> String {
    if !s.contains("##") {
        return s.to_string();
    }
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| regex::Regex::new(r"(?i)#(#(?:vso)?\[)").expect("constant"));
    re.replace_all(s, |c: &regex::Captures| format!("#{with}{}", &c[1]))
        .into_owned()
}

fn break_leading_colons(mut s: String) -> String {
    let lead = s.len() - s.trim_start().len();
    if s[lead..].starts_with("::") {
        s.insert(lead + 1, BREAK);
    }
    s
}

/// Whether `needle` (ASCII) occurs in `hay`, ignoring ASCII case.
fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// One line of a message for stderr: the whole of `s` made safe as [`text`] (so a line break
/// inside it, whoever wrote it, is shown as `\n` and never starts a new line), then redacted.
/// Messages interpolate untrusted text (a zip entry name, a server's `error` field, a file
/// name) and nothing after formatting can tell its line breaks from connkit's: so a message
/// is one line, and a message of several lines is given as its lines ([`lines()`]).
pub(crate) fn line(s: &str) -> String {
    // A secret holding `\n` or `\r` is still found: its JSON-escaped form, registered with
    // it, is what `text` writes for them.
    redact(&text(s)).into_owned()
}

/// Several lines for stderr, each given separately and each made safe as [`line()`]: the only
/// line breaks in the result are the ones between `lines`, which connkit lays out itself.
pub(crate) fn lines<I, S>(lines: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let safe: Vec<String> = lines.into_iter().map(|l| line(l.as_ref())).collect();
    safe.join("\n")
}

/// Text for a Markdown table cell or paragraph: [`text`], then no table break (`|`), no HTML
/// (`<`, `>`, `&`), no code span (`` ` ``), no link or image (`[`, `]`), no escape of these
/// escapes (`\`), no `@mention` (a zero-width space after `@`).
pub(crate) fn markdown(s: &str) -> String {
    let t = text(s);
    let mut out = String::with_capacity(t.len() + 8);
    for c in t.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '|' => out.push_str("\\|"),
            '[' => out.push_str("\\["),
            ']' => out.push_str("\\]"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '`' => out.push('\''),
            '@' => {
                out.push('@');
                out.push(BREAK);
            }
            c => out.push(c),
        }
    }
    out
}

/// Text inside a Markdown code span (`` `…` ``) in a table: [`text`], no backtick (it would
/// end the span), `|` escaped for the table. Links and HTML are inert in a span; `@` still
/// gets its zero-width space, in case a span is ever dropped.
pub(crate) fn markdown_code(s: &str) -> String {
    text(s)
        .replace('`', "'")
        .replace('|', "\\|")
        .replace('@', "@\u{200B}")
}

/// A serialized JSON document made safe for a log: characters [`text`] escapes and the `[` of
/// `##[` / `##vso[` are written as `\uXXXX` escapes. Only valid on serializer output (these
/// characters can only occur inside strings there), and decoding gives the same data.
pub(crate) fn json(doc: String) -> String {
    let escape = |c: char| must_escape(c) && c != '\n' && c != '\r';
    // Escaping adds no `#` and removes none, so the marker test can come first.
    let markers = memchr::memmem::find(doc.as_bytes(), b"##").is_some();
    let out = match find_char(&doc, escape) {
        None => doc,
        Some(first) => {
            // Unchanged runs are copied whole.
            let mut out = String::with_capacity(doc.len() + 16);
            let mut copied = 0;
            let mut at = first;
            while let Some(k) = find_char(&doc[at..], escape) {
                let i = at + k;
                let c = doc[i..].chars().next().unwrap_or_default();
                out.push_str(&doc[copied..i]);
                let _ = write!(out, "\\u{:04x}", c as u32);
                copied = i + c.len_utf8();
                at = copied;
            }
            out.push_str(&doc[copied..]);
            out
        }
    };
    if !markers {
        return out;
    }
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| regex::Regex::new(r"(?i)(##(?:vso)?)\[").expect("constant"));
    match re.replace_all(&out, "${1}\\u005b") {
        Cow::Borrowed(_) => out,
        Cow::Owned(replaced) => replaced,
    }
}

/// The byte offset of the first character of `s` that `pred` accepts. `pred` must accept no
/// printable ASCII character (`' '..='~'`): those bytes, most of any output, are skipped
/// without decoding (a `chars()` scan of a 4 MB report was a fifth of a corpus run's
/// output time).
fn find_char(s: &str, pred: impl Fn(char) -> bool) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if (0x20..0x7f).contains(&b[i]) {
            i += 1;
            continue;
        }
        // `i` is at a character boundary: printable ASCII bytes are whole characters.
        let c = s[i..].chars().next()?;
        if pred(c) {
            return Some(i);
        }
        i += c.len_utf8();
    }
    None
}

/// The last pass over anything written to a terminal or log: control characters other than
/// newline, tab and the SGR colour sequences connkit writes itself (`ESC [ digits ; m`) are
/// escaped, and so are the Unicode line and paragraph separators (U+2028, U+2029: connkit
/// never writes them, some log viewers break lines at them). Fields were already made safe;
/// this catches what a renderer forgot.
pub(crate) fn terminal(s: &str) -> Cow<'_, str> {
    let stray = |c: char| {
        (c < ' ' && c != '\n' && c != '\t')
            || ('\u{7f}'..='\u{9f}').contains(&c)
            || c == '\u{2028}'
            || c == '\u{2029}'
    };
    if find_char(s, stray).is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if c == '\u{1b}' {
            let sgr = rest[1..].strip_prefix('[').and_then(|r| {
                let n = r
                    .bytes()
                    .take_while(|b| b.is_ascii_digit() || *b == b';')
                    .count();
                (r.as_bytes().get(n) == Some(&b'm')).then_some(n + 3)
            });
            if let Some(len) = sgr {
                out.push_str(&rest[..len]);
                rest = &rest[len..];
                continue;
            }
        }
        if stray(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    Cow::Owned(out)
}

// ---- secrets ----

fn registry() -> &'static RwLock<Vec<String>> {
    static R: OnceLock<RwLock<Vec<String>>> = OnceLock::new();
    R.get_or_init(|| RwLock::new(Vec::new()))
}

/// Values shorter than this are not registered: replacing every occurrence of two or three
/// characters would garble the output, and no real secret is that short.
pub(crate) const MIN_SECRET_LEN: usize = 4;

fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Remember a secret value: from now on [`redact`] replaces it, its percent-encoded and
/// form-encoded forms, its JSON-escaped forms, and, for a URL, its `sig` value (raw and
/// decoded), wherever they appear.
pub(crate) fn register_secret(value: &str) {
    let mut forms = vec![value.to_string()];
    forms.push(percent_encode(value));
    forms.push(percent_encode(value).replace("%20", "+"));
    if let Ok(j) = serde_json::to_string(value) {
        let inner = j.trim_matches('"').to_string();
        forms.push(inner.replace('/', "\\/"));
        forms.push(inner);
    }
    for (i, _) in value.match_indices("sig=") {
        let v = &value[i + 4..];
        let v = &v[..v.find(['&', '#']).unwrap_or(v.len())];
        forms.push(v.to_string());
        forms.push(
            percent_encoding::percent_decode_str(v)
                .decode_utf8_lossy()
                .into_owned(),
        );
    }
    let Ok(mut r) = registry().write() else {
        return;
    };
    for f in forms {
        if f.chars().count() >= MIN_SECRET_LEN && !r.contains(&f) {
            r.push(f);
        }
    }
    // Longest first: a value that contains another is replaced whole.
    r.sort_by_key(|s| std::cmp::Reverse(s.len()));
}

/// Replace every registered secret with `***`, every `sig=` value (a SAS signature, also
/// `sig%3D`, `"sig":"…"`) and every `client_secret=` value with `REDACTED`.
pub(crate) fn redact(s: &str) -> Cow<'_, str> {
    let mut out = Cow::Borrowed(s);
    if let Ok(r) = registry().read() {
        for secret in r.iter() {
            if out.contains(secret.as_str()) {
                out = Cow::Owned(out.replace(secret.as_str(), "***"));
            }
        }
    }
    // Building the regex costs more than a small lint's whole output: only text that names
    // one of the two keys needs it. (`(?i)` folds Unicode too: `ſ`, U+017F, is an `s`.)
    let may_name_a_key = contains_ignore_ascii_case(&out, "sig")
        || contains_ignore_ascii_case(&out, "client_secret")
        || out.contains('\u{17F}');
    if !may_name_a_key {
        return out;
    }
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r#"(?i)(\b(?:sig|client_secret)(?:=|%3D|\\?"\s*:\s*\\?"))[^&\s"'<>\\#]+"#)
            .expect("constant")
    });
    if re.is_match(&out) {
        out = Cow::Owned(re.replace_all(&out, "${1}REDACTED").into_owned());
    }
    out
}

/// Write a message to stderr as one line through [`line()`] (line breaks, control characters,
/// command markers, secrets). A closed stderr is ignored.
pub(crate) fn eprint_message(s: &str) {
    eprint_lines([s]);
}

/// Write several lines to stderr through [`lines()`], one write. A closed stderr is ignored.
pub(crate) fn eprint_lines<I, S>(ls: I)
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    use std::io::Write;
    let mut e = std::io::stderr().lock();
    let _ = writeln!(e, "{}", lines(ls));
}

/// `eprintln!` for connkit: the message goes through `eprint_message`, as one line.
#[macro_export]
macro_rules! safe_eprintln {
    ($($arg:tt)*) => {
        $crate::safe::eprint_message(&format!($($arg)*))
    };
}

/// XML text/attribute escaping, for every XML connkit writes (JUnit reports, solution files);
/// characters XML 1.0 cannot hold become U+FFFD. A carriage return is written `&#13;`: a raw
/// one is turned into a line feed by every XML parser (end-of-line handling), so it would
/// reach the reader as a line break nobody wrote. (Untrusted text in reports goes through
/// [`text`] first, which leaves no line break at all.)
pub(crate) fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Text or an attribute value for HTML (`connkit preview`): `&`, `<`, `>`, `"` and `'` as
/// character references, so connector text is never markup and never ends an attribute;
/// control characters, bidirectional overrides/isolates and the other characters [`text`]
/// escapes are written visibly the same way (`\u{202e}`), except tab, line feed, form feed
/// and carriage return, which HTML reads as whitespace.
pub(crate) fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\u{c}' | '\r' => out.push(c),
            c if must_escape(c) => push_escaped(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The character-by-character versions `json` and `terminal` replaced (kept here as the
    /// reference their faster scans must agree with).
    fn json_reference(doc: String) -> String {
        let risky = doc.contains("##")
            || doc
                .chars()
                .any(|c| must_escape(c) && c != '\n' && c != '\r');
        if !risky {
            return doc;
        }
        let mut out = String::with_capacity(doc.len() + 16);
        for c in doc.chars() {
            if must_escape(c) && c != '\n' && c != '\r' {
                let _ = write!(out, "\\u{:04x}", c as u32);
            } else {
                out.push(c);
            }
        }
        let re = regex::Regex::new(r"(?i)(##(?:vso)?)\[").unwrap();
        re.replace_all(&out, "${1}\\u005b").into_owned()
    }

    #[test]
    fn fast_scans_agree_with_the_character_loops() {
        let pieces = [
            "plain",
            "\t",
            "\n",
            "\r",
            "\u{0}",
            "\u{1b}[31m",
            "\u{7f}",
            "\u{85}",
            "\u{9f}",
            "\u{a0}",
            "é",
            "\u{200b}",
            "\u{200e}",
            "\u{2028}",
            "\u{2029}",
            "\u{202e}",
            "\u{2066}",
            "\u{61c}",
            "##",
            "##[",
            "##vso[",
            "##VSO[x]",
            "#",
            "[",
            "😀",
            "\\u",
        ];
        let mut samples = vec![String::new()];
        for a in pieces {
            samples.push(a.to_string());
            for b in pieces {
                samples.push(format!("{a}x{b}"));
                samples.push(format!("{a}{b}{a}"));
            }
        }
        for s in samples {
            assert_eq!(json(s.clone()), json_reference(s.clone()), "{s:?}");
            let stray = |c: char| {
                (c < ' ' && c != '\n' && c != '\t')
                    || ('\u{7f}'..='\u{9f}').contains(&c)
                    || c == '\u{2028}'
                    || c == '\u{2029}'
            };
            assert_eq!(
                matches!(terminal(&s), Cow::Borrowed(_)),
                !s.chars().any(stray),
                "{s:?}"
            );
        }
    }

    #[test]
    fn html_escapes_markup_quotes_and_invisible_controls() {
        assert_eq!(
            html("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(html("a\tb\nc"), "a\tb\nc");
        assert_eq!(
            html("rtl \u{202e}x\u{2066}\u{1b}[1m\u{0}\u{85}"),
            "rtl \\u{202e}x\\u{2066}\\x1b[1m\\x00\\u{85}"
        );
    }

    #[test]
    fn xml_escapes_markup_and_replaces_what_xml_cannot_hold() {
        assert_eq!(
            xml("a<&>\"'\u{1}\tb\u{FFFE}"),
            "a&lt;&amp;&gt;&quot;&apos;\u{FFFD}\tb\u{FFFD}"
        );
        assert_eq!(xml("a\r\nb\rc"), "a&#13;\nb&#13;c");
    }
    #[test]
    fn text_escapes_controls_and_breaks_commands() {
        assert_eq!(text("plain"), "plain");
        assert_eq!(
            text("a\nb\r\u{1b}[31m\u{9b}\u{7}"),
            "a\\nb\\r\\x1b[31m\\u{9b}\\x07"
        );
        assert_eq!(text("tab\tkept"), "tab\tkept");
        assert_eq!(
            text("x ##vso[task.setvariable]"),
            "x #\u{200B}#vso[task.setvariable]"
        );
        assert_eq!(
            text("##VsO[a] ##[group]"),
            "#\u{200B}#VsO[a] #\u{200B}#[group]"
        );
        assert_eq!(text("  ::error::x"), "  :\u{200B}:error::x");
        assert_eq!(text("a::b"), "a::b");
        assert_eq!(text("rtl \u{202e}gnp"), "rtl \\u{202e}gnp");
        // A newline decoded from the input cannot start a new line with a command.
        assert!(!text("ok\n::error::x").contains('\n'));
    }

    /// Issue 23: a message is one line whatever it interpolated; several lines only when
    /// given as several.
    #[test]
    fn a_message_never_gains_a_line() {
        let forged = "refusing the package: a\nerror: FAKE found no problem\r::error::x\u{2028}y\u{2029}\u{1b}[2K##vso[task.complete]";
        let l = line(forged);
        assert!(
            !l.contains(['\n', '\r', '\u{2028}', '\u{2029}', '\u{1b}']),
            "{l}"
        );
        assert_eq!(
            l,
            "refusing the package: a\\nerror: FAKE found no problem\\r::error::x\\u{2028}y\\u{2029}\\x1b[2K#\u{200B}#vso[task.complete]"
        );
        let ls = lines(["first", "  ::error::second\nthird"]);
        assert_eq!(ls, "first\n  :\u{200B}:error::second\\nthird");
        assert_eq!(ls.lines().count(), 2);
        register_secret("line-secret-value");
        assert_eq!(line("x line-secret-value\ny"), "x ***\\ny");
        register_secret("multi\nline-secret");
        assert_eq!(line("a multi\nline-secret b"), "a *** b");
    }

    #[test]
    fn markdown_neutralises_mentions_links_html_and_tables() {
        let m = markdown("@admin ![x](https://t/p.png) <img src=x> a|b `c` \\|");
        assert!(!m.contains("@a"), "{m}");
        assert!(!m.contains("!["), "{m}");
        assert!(!m.contains('<') && !m.contains('`'), "{m}");
        assert!(m.contains("a\\|b") && m.contains("\\\\\\|"), "{m}");
        assert_eq!(markdown_code("a`b|c\n"), "a'b\\|c\\n");
    }

    #[test]
    fn json_keeps_the_data_and_loses_the_commands() {
        let v = serde_json::json!({"m": "##vso[task.setvariable variable=x]1 \u{9b}31m ##[group] \u{1b}"});
        let doc = json(serde_json::to_string_pretty(&v).unwrap());
        assert!(
            !doc.to_lowercase().contains("##vso[") && !doc.contains("##["),
            "{doc}"
        );
        assert!(!doc.contains('\u{9b}') && !doc.contains('\u{1b}'), "{doc}");
        let back: serde_json::Value = serde_json::from_str(&doc).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn terminal_keeps_colours_and_escapes_the_rest() {
        assert_eq!(
            terminal("\u{1b}[1;31merror\u{1b}[0m\n"),
            "\u{1b}[1;31merror\u{1b}[0m\n"
        );
        assert_eq!(
            terminal("\u{1b}]8;;x\u{7}\r\u{9b}"),
            "\\x1b]8;;x\\x07\\x0d\\u{9b}".replace("\\x0d", "\\r")
        );
        assert_eq!(terminal("a\u{2028}b\u{2029}c"), "a\\u{2028}b\\u{2029}c");
    }

    #[test]
    fn redaction_covers_registered_values_and_signatures() {
        register_secret("hunter2-secret/+=");
        let s = "a hunter2-secret/+= b hunter2-secret%2F%2B%3D c hunter2-secret\\/+=";
        assert_eq!(redact(s), "a *** b *** c ***");
        register_secret("https://acct.blob/c/p.zip?sv=1&sig=AbC%2Bdef&se=2");
        assert!(!redact("echo AbC+def and AbC%2Bdef").contains("AbC"));
        assert_eq!(
            redact("x?sv=1&sig=XYZ123&se=1 sig%3DQQQ \"sig\": \"RRR\" client_secret=zz"),
            "x?sv=1&sig=REDACTED&se=1 sig%3DREDACTED \"sig\": \"REDACTED\" client_secret=REDACTED"
        );
        assert_eq!(redact("signal=1 design=2"), "signal=1 design=2");
        // Any case, and the long s that `(?i)` folds to `s`: the quick pre-check lets them all
        // through to the regex.
        assert_eq!(
            redact("SIG=a Client_Secret=b ſig=c"),
            "SIG=REDACTED Client_Secret=REDACTED ſig=REDACTED"
        );
        register_secret("ab");
        assert_eq!(redact("ab"), "ab");
    }
}
