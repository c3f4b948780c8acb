//! Policy template expressions, parsed (not matched with patterns): text with `@name(args)`
//! calls, `@{…}` and `{@…}` interpolations, and body paths (`@body().a[0]['b']`).
//!
//! What the pages document (spec/policy-templates.md §2): `@headers('h')` (also `@header`,
//! which Microsoft's worked examples use), `@queryParameters('q')`,
//! `@connectionParameters('c')`, each with an optional second argument, the default when the
//! value is absent; `@body()`, `@item()` and `@triggerBody()` with property steps; literals in
//! single quotes only. An `@` not followed by `name(` is text (`@odata.nextLink`,
//! `@Request.OriginalHTTPMethod`), and so are parentheses outside a call. Function names
//! compare ignoring case (a merged certified connector writes `@ConnectionParameters`).
//!
//! Hand-written: the grammar is this small, and errors need byte offsets and
//! suggestions a parser generator would not give for free.

use std::ops::Range;

use serde_json::Value;

/// What a function reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// A request header.
    Header,
    /// A request query parameter.
    Query,
    /// A connection parameter.
    Connection,
    /// An environment variable of the solution (preview; not simulated).
    Environment,
    /// The request or response body.
    Body,
    /// The current element when a parent path is a collection.
    Item,
    /// A polling trigger's last result.
    TriggerBody,
}

impl Role {
    /// Whether property steps (`.a`, `[0]`, `['a']`) may follow a call.
    fn has_steps(self) -> bool {
        matches!(self, Role::Body | Role::Item | Role::TriggerBody)
    }
}

/// A function expressions may call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Function {
    pub(crate) name: &'static str,
    pub(crate) min_args: usize,
    pub(crate) max_args: usize,
    pub(crate) role: Role,
    pub(crate) doc: &'static str,
}

/// Every function the pages document (and `environmentVariables`, which the overview
/// mentions for solutions).
pub(crate) const FUNCTIONS: &[Function] = &[
    Function {
        name: "headers",
        min_args: 1,
        max_args: 2,
        role: Role::Header,
        doc: "`@headers('name')`, `@headers('name', 'default')`: a request header",
    },
    Function {
        name: "header",
        min_args: 1,
        max_args: 2,
        role: Role::Header,
        doc: "`@header('name')`: a request header (the spelling of Microsoft's worked examples)",
    },
    Function {
        name: "queryParameters",
        min_args: 1,
        max_args: 2,
        role: Role::Query,
        doc: "`@queryParameters('name')`, `@queryParameters('name', 'default')`: a query parameter of the request",
    },
    Function {
        name: "connectionParameters",
        min_args: 1,
        max_args: 2,
        role: Role::Connection,
        doc: "`@connectionParameters('name')`, `@connectionParameters('name', 'default')`: a connection parameter",
    },
    Function {
        name: "environmentVariables",
        min_args: 1,
        max_args: 1,
        role: Role::Environment,
        doc: "`@environmentVariables('name')`: an environment variable of the solution (preview)",
    },
    Function {
        name: "body",
        min_args: 0,
        max_args: 0,
        role: Role::Body,
        doc: "`@body()`, `@body().a.b`: the body",
    },
    Function {
        name: "item",
        min_args: 0,
        max_args: 0,
        role: Role::Item,
        doc: "`@item()`: each element when the parent path is a collection",
    },
    Function {
        name: "triggerBody",
        min_args: 0,
        max_args: 0,
        role: Role::TriggerBody,
        doc: "`@triggerBody()`: the polling trigger's last result",
    },
];

/// The function a name calls (ignoring case).
pub(crate) fn function(name: &str) -> Option<&'static Function> {
    FUNCTIONS.iter().find(|f| f.name.eq_ignore_ascii_case(name))
}

/// The known function nearest to a misspelled name (at most 3 edits), for "did you mean".
pub(crate) fn suggest(name: &str) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    FUNCTIONS
        .iter()
        .map(|f| (edit_distance(&lower, &f.name.to_ascii_lowercase()), f.name))
        .filter(|(d, _)| *d <= 3)
        .min_by_key(|(d, _)| *d)
        .map(|(_, n)| n)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// A property step after a body call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    /// `.name` or `['name']`
    Key(String),
    /// `[0]`
    Index(usize),
}

/// An argument of a call.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Arg {
    /// `'text'` (`''` inside stands for one quote).
    Str(String),
    /// A number, written as is.
    Num(String),
    /// A nested call (`body()` inside another call).
    Call(Box<Call>),
}

/// `@name(args)steps`, possibly inside `@{…}` or `{…}`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Call {
    /// As written.
    pub(crate) name: String,
    /// The function, when the name is known.
    pub(crate) function: Option<&'static Function>,
    pub(crate) args: Vec<Arg>,
    pub(crate) steps: Vec<Step>,
    /// Bytes of the text it covers (braces included).
    pub(crate) span: Range<usize>,
    /// Written inside `@{…}` or `{@…}`.
    pub(crate) braced: bool,
}

impl Call {
    /// The first argument, when it is a string (the header, parameter or variable name).
    pub(crate) fn name_arg(&self) -> Option<&str> {
        match self.args.first() {
            Some(Arg::Str(s)) => Some(s),
            _ => None,
        }
    }

    /// The second argument, when it is a string (the default).
    pub(crate) fn default_arg(&self) -> Option<&str> {
        match self.args.get(1) {
            Some(Arg::Str(s)) => Some(s),
            _ => None,
        }
    }
}

/// A piece of a parsed value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Part {
    Text(String),
    Call(Call),
}

/// What is wrong with an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ErrorKind {
    /// `@name(` with a name no page documents.
    UnknownFunction,
    /// A quote, parenthesis, bracket or brace that is never closed, double quotes, an
    /// argument that is not a quoted string, the wrong number of arguments.
    Syntax,
}

/// A problem in an expression, at a byte offset of the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ExprError {
    pub(crate) kind: ErrorKind,
    pub(crate) at: usize,
    pub(crate) message: String,
}

/// A parsed value: its parts and every problem found.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Parsed {
    pub(crate) parts: Vec<Part>,
    pub(crate) errors: Vec<ExprError>,
}

impl Parsed {
    /// Every call, nested arguments included.
    pub(crate) fn calls(&self) -> Vec<&Call> {
        fn walk<'a>(c: &'a Call, out: &mut Vec<&'a Call>) {
            out.push(c);
            for a in &c.args {
                if let Arg::Call(inner) = a {
                    walk(inner, out);
                }
            }
        }
        let mut out = Vec::new();
        for p in &self.parts {
            if let Part::Call(c) = p {
                walk(c, &mut out);
            }
        }
        out
    }

    /// True when the value has no call at all (plain text).
    #[cfg(test)]
    pub(crate) fn is_literal(&self) -> bool {
        self.parts.iter().all(|p| matches!(p, Part::Text(_)))
    }
}

/// Values longer than this are not parsed (a bound for hostile input; real values are
/// under a kilobyte).
pub(crate) const MAX_LEN: usize = 64 * 1024;
/// Nested calls deeper than this are refused.
const MAX_DEPTH: usize = 16;

struct Parser<'s> {
    s: &'s str,
    b: &'s [u8],
    i: usize,
    errors: Vec<ExprError>,
}

fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

impl<'s> Parser<'s> {
    fn err(&mut self, kind: ErrorKind, at: usize, message: String) {
        self.errors.push(ExprError { kind, at, message });
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(|c| c == b' ' || c == b'\t') {
            self.i += 1;
        }
    }

    /// An identifier followed by `(` at `at`: its end.
    fn call_name_at(&self, at: usize) -> Option<usize> {
        let b = self.b;
        if !b.get(at).copied().is_some_and(is_ident_start) {
            return None;
        }
        let mut j = at;
        while b.get(j).copied().is_some_and(is_ident) {
            j += 1;
        }
        (b.get(j) == Some(&b'(')).then_some(j)
    }

    /// A call whose name starts at `self.i` (the `@`, if any, already skipped); `start` is
    /// where its text begins.
    fn call(&mut self, start: usize, depth: usize) -> Option<Call> {
        let name_end = self.call_name_at(self.i)?;
        let name = self.s[self.i..name_end].to_string();
        let name_at = self.i;
        self.i = name_end + 1; // past '('
        let function = function(&name);
        if function.is_none() {
            let hint = suggest(&name)
                .map(|n| format!(" (did you mean '{n}'?)"))
                .unwrap_or_default();
            self.err(
                ErrorKind::UnknownFunction,
                name_at,
                format!("'{name}' is not a policy expression function{hint}"),
            );
        }
        let mut args = Vec::new();
        let open = name_end;
        let mut closed = false;
        self.skip_ws();
        if self.peek() == Some(b')') {
            self.i += 1;
            closed = true;
        } else {
            while self.i < self.b.len() {
                self.skip_ws();
                let arg_at = self.i;
                match self.peek() {
                    Some(b'\'') => match self.quoted(b'\'') {
                        Some(s) => args.push(Arg::Str(s)),
                        None => return self.unclosed_quote(arg_at, name, function, args, start),
                    },
                    Some(b'"') => {
                        self.err(
                            ErrorKind::Syntax,
                            arg_at,
                            format!("'{name}': use single quotes, not double quotes"),
                        );
                        match self.quoted(b'"') {
                            Some(s) => args.push(Arg::Str(s)),
                            None => {
                                return self.unclosed_quote(arg_at, name, function, args, start);
                            }
                        }
                    }
                    Some(c) if c.is_ascii_digit() || c == b'-' => {
                        let j = self.i;
                        self.i += 1;
                        while self.peek().is_some_and(|c| c.is_ascii_digit() || c == b'.') {
                            self.i += 1;
                        }
                        args.push(Arg::Num(self.s[j..self.i].to_string()));
                    }
                    Some(_) if self.call_name_at(self.i).is_some() && depth < MAX_DEPTH => {
                        match self.call(arg_at, depth + 1) {
                            Some(c) => args.push(Arg::Call(Box::new(c))),
                            None => return None,
                        }
                    }
                    _ => {
                        // An unquoted word: say so and skip to the next separator.
                        let j = self.i;
                        while self
                            .peek()
                            .is_some_and(|c| !matches!(c, b',' | b')' | b'\'' | b'"'))
                        {
                            self.i += 1;
                        }
                        if self.i > j {
                            let word = self.s[j..self.i].trim().to_string();
                            self.err(
                                ErrorKind::Syntax,
                                j,
                                format!(
                                    "'{name}': the argument {word} must be in single quotes ('{word}')"
                                ),
                            );
                            args.push(Arg::Str(word));
                        }
                    }
                }
                self.skip_ws();
                match self.peek() {
                    Some(b',') => self.i += 1,
                    Some(b')') => {
                        self.i += 1;
                        closed = true;
                        break;
                    }
                    Some(_) => {
                        let at = self.i;
                        self.err(
                            ErrorKind::Syntax,
                            at,
                            format!("'{name}(': expected ',' or ')' here"),
                        );
                        // Resynchronize at the next ')'.
                        match self.s[self.i..].find(')') {
                            Some(k) => {
                                self.i += k + 1;
                                closed = true;
                            }
                            None => self.i = self.b.len(),
                        }
                        break;
                    }
                    None => break,
                }
            }
        }
        if !closed {
            self.err(
                ErrorKind::Syntax,
                open,
                format!("'{name}(' is never closed with ')'"),
            );
        }
        if closed
            && let Some(f) = function
            && (args.len() < f.min_args || args.len() > f.max_args)
        {
            let want = if f.min_args == f.max_args {
                format!("{}", f.min_args)
            } else {
                format!("{} or {}", f.min_args, f.max_args)
            };
            self.err(
                ErrorKind::Syntax,
                name_at,
                format!(
                    "'{}' takes {want} argument{}, not {}",
                    f.name,
                    if f.max_args == 1 { "" } else { "s" },
                    args.len()
                ),
            );
        }
        if closed
            && let Some(f) = function
            && matches!(
                f.role,
                Role::Header | Role::Query | Role::Connection | Role::Environment
            )
            && args.iter().any(|a| !matches!(a, Arg::Str(_)))
        {
            self.err(
                ErrorKind::Syntax,
                name_at,
                format!("'{}' takes quoted names: '{}('name')'", f.name, f.name),
            );
        }
        let mut steps = Vec::new();
        if closed && function.is_none_or(|f| f.role.has_steps()) {
            self.steps(&mut steps);
        }
        Some(Call {
            name,
            function,
            args,
            steps,
            span: start..self.i,
            braced: false,
        })
    }

    fn unclosed_quote(
        &mut self,
        at: usize,
        name: String,
        function: Option<&'static Function>,
        args: Vec<Arg>,
        start: usize,
    ) -> Option<Call> {
        self.err(
            ErrorKind::Syntax,
            at,
            format!("'{name}(': the quote opened here is never closed"),
        );
        self.i = self.b.len();
        Some(Call {
            name,
            function,
            args,
            steps: Vec::new(),
            span: start..self.i,
            braced: false,
        })
    }

    /// A quoted string starting at `self.i` (the doubled quote stands for one); `None` when
    /// it never closes.
    fn quoted(&mut self, q: u8) -> Option<String> {
        let mut out = String::new();
        let mut j = self.i + 1;
        loop {
            let rest = self.s.get(j..)?;
            let k = rest.find(q as char)?;
            out.push_str(&rest[..k]);
            j += k + 1;
            if self.b.get(j) == Some(&q) {
                out.push(q as char);
                j += 1;
            } else {
                self.i = j;
                return Some(out);
            }
        }
    }

    /// `.name`, `?.name`, `[0]`, `['name']` steps.
    fn steps(&mut self, out: &mut Vec<Step>) {
        loop {
            let save = self.i;
            if self.peek() == Some(b'?') {
                self.i += 1;
            }
            match self.peek() {
                Some(b'.') => {
                    let j = self.i + 1;
                    let mut k = j;
                    while self
                        .b
                        .get(k)
                        .is_some_and(|c| is_ident(*c) || matches!(c, b'-' | b'$' | b'@'))
                    {
                        k += 1;
                    }
                    if k == j {
                        self.i = save;
                        return;
                    }
                    out.push(Step::Key(self.s[j..k].to_string()));
                    self.i = k;
                }
                Some(b'[') => {
                    let at = self.i;
                    self.i += 1;
                    self.skip_ws();
                    match self.peek() {
                        Some(b'\'') => match self.quoted(b'\'') {
                            Some(s) => out.push(Step::Key(s)),
                            None => {
                                self.err(
                                    ErrorKind::Syntax,
                                    self.i,
                                    "the quote opened here is never closed".into(),
                                );
                                self.i = self.b.len();
                                return;
                            }
                        },
                        Some(c) if c.is_ascii_digit() => {
                            let j = self.i;
                            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                                self.i += 1;
                            }
                            out.push(Step::Index(self.s[j..self.i].parse().unwrap_or(0)));
                        }
                        _ => {
                            self.err(
                                ErrorKind::Syntax,
                                at,
                                "'[' takes a quoted name or an index: ['name'] or [0]".into(),
                            );
                        }
                    }
                    self.skip_ws();
                    if self.peek() == Some(b']') {
                        self.i += 1;
                    } else {
                        self.err(ErrorKind::Syntax, at, "'[' is never closed with ']'".into());
                        match self.s[self.i..].find(']') {
                            Some(k) => self.i += k + 1,
                            None => {
                                self.i = self.b.len();
                                return;
                            }
                        }
                    }
                }
                _ => {
                    self.i = save;
                    return;
                }
            }
        }
    }
}

/// Parse a value: text, calls and interpolations, with every problem found.
pub(crate) fn parse(s: &str) -> Parsed {
    if s.len() > MAX_LEN {
        return Parsed {
            parts: vec![Part::Text(s.to_string())],
            errors: vec![ExprError {
                kind: ErrorKind::Syntax,
                at: 0,
                message: format!("the value is longer than {MAX_LEN} bytes and was not read"),
            }],
        };
    }
    let mut p = Parser {
        s,
        b: s.as_bytes(),
        i: 0,
        errors: Vec::new(),
    };
    let mut parts: Vec<Part> = Vec::new();
    let mut text_start = 0;
    let flush = |parts: &mut Vec<Part>, from: usize, to: usize| {
        if to > from {
            match parts.last_mut() {
                Some(Part::Text(t)) => t.push_str(&s[from..to]),
                _ => parts.push(Part::Text(s[from..to].to_string())),
            }
        }
    };
    while p.i < p.b.len() {
        let c = p.b[p.i];
        let start = p.i;
        if c == b'@' && p.b.get(p.i + 1) == Some(&b'@') {
            p.i += 2;
            continue;
        }
        if c == b'@' && p.b.get(p.i + 1) == Some(&b'{') {
            // `@{expr}`
            p.i += 2;
            p.skip_ws();
            if p.call_name_at(p.i).is_none() {
                let at = p.i;
                p.err(
                    ErrorKind::Syntax,
                    at,
                    "'@{' must hold a function call, e.g. @{triggerBody().id}".into(),
                );
                match s[p.i..].find('}') {
                    Some(k) => p.i += k + 1,
                    None => p.i = p.b.len(),
                }
                continue;
            }
            flush(&mut parts, text_start, start);
            if let Some(mut call) = p.call(start, 0) {
                p.skip_ws();
                if p.peek() == Some(b'}') {
                    p.i += 1;
                } else {
                    p.err(
                        ErrorKind::Syntax,
                        start,
                        "'@{' is never closed with '}'".into(),
                    );
                }
                call.span = start..p.i;
                call.braced = true;
                parts.push(Part::Call(call));
            }
            text_start = p.i;
            continue;
        }
        if c == b'{' && p.b.get(p.i + 1) == Some(&b'@') && p.call_name_at(p.i + 2).is_some() {
            // `{@expr}`
            flush(&mut parts, text_start, start);
            p.i += 2;
            if let Some(mut call) = p.call(start, 0) {
                if p.peek() == Some(b'}') {
                    p.i += 1;
                } else {
                    p.err(
                        ErrorKind::Syntax,
                        start,
                        "'{@' is never closed with '}'".into(),
                    );
                }
                call.span = start..p.i;
                call.braced = true;
                parts.push(Part::Call(call));
            }
            text_start = p.i;
            continue;
        }
        if c == b'@' && p.call_name_at(p.i + 1).is_some() {
            flush(&mut parts, text_start, start);
            p.i += 1;
            if let Some(call) = p.call(start, 0) {
                parts.push(Part::Call(call));
            }
            text_start = p.i;
            continue;
        }
        p.i += 1;
        // Stay on character boundaries.
        while p.i < p.b.len() && !s.is_char_boundary(p.i) {
            p.i += 1;
        }
    }
    flush(&mut parts, text_start, p.b.len());
    Parsed {
        parts,
        errors: p.errors,
    }
}

/// Where a body path starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Base {
    /// `@body()`: the whole body.
    Body,
    /// `@item()`: the current element of a collection parent.
    Item,
    /// `@triggerBody()`
    TriggerBody,
    /// No call: relative to the parent element.
    Relative,
}

/// A body path: a base and property steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BodyPath {
    pub(crate) base: Base,
    pub(crate) steps: Vec<Step>,
}

/// Parse a body path (`@body().a[0]['b']`, `@item().x`, or a bare `a.b`). Anything else
/// (text around the call, a request function) is an error.
pub(crate) fn body_path(s: &str) -> Result<BodyPath, ExprError> {
    let t = s.trim();
    if !t.starts_with('@') {
        if t.contains(['(', ')', '{', '}', '\'']) {
            return Err(ExprError {
                kind: ErrorKind::Syntax,
                at: 0,
                message: format!("'{t}' is neither a relative path (a.b) nor @body()…"),
            });
        }
        let steps = t
            .split('.')
            .filter(|x| !x.is_empty())
            .map(|x| Step::Key(x.to_string()))
            .collect();
        return Ok(BodyPath {
            base: Base::Relative,
            steps,
        });
    }
    let parsed = parse(t);
    if let Some(e) = parsed.errors.into_iter().next() {
        return Err(e);
    }
    match parsed.parts.as_slice() {
        [Part::Call(c)] if !c.braced => {
            let base = match c.function.map(|f| f.role) {
                Some(Role::Body) => Base::Body,
                Some(Role::Item) => Base::Item,
                Some(Role::TriggerBody) => Base::TriggerBody,
                _ => {
                    return Err(ExprError {
                        kind: ErrorKind::Syntax,
                        at: 0,
                        message: format!(
                            "a body path starts with @body() or @item(), not @{}()",
                            c.name
                        ),
                    });
                }
            };
            Ok(BodyPath {
                base,
                steps: c.steps.clone(),
            })
        }
        _ => Err(ExprError {
            kind: ErrorKind::Syntax,
            at: 0,
            message: format!(
                "'{t}' is not a body path: write @body().name (with the parentheses) or @item().name"
            ),
        }),
    }
}

/// The value behind a path in a JSON value.
pub(crate) fn lookup<'v>(v: &'v Value, steps: &[Step]) -> Option<&'v Value> {
    let mut cur = v;
    for s in steps {
        cur = match s {
            Step::Key(k) => cur.get(k.as_str())?,
            Step::Index(i) => cur.get(*i)?,
        };
    }
    Some(cur)
}

/// What expressions read when they are evaluated.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Scope<'a> {
    pub(crate) headers: &'a [(String, String)],
    pub(crate) query: &'a [(String, String)],
    pub(crate) connections: &'a [(String, String)],
    /// The body `@body()` reads.
    pub(crate) body: Option<&'a Value>,
    /// The element `@item()` reads.
    pub(crate) item: Option<&'a Value>,
}

/// Why a value could not be evaluated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum EvalError {
    #[error("the policy needs connection parameter '{0}': give --connection {0}=VALUE")]
    MissingConnection(String),
    #[error("'{0}' is not evaluated by connkit ({1})")]
    NotSimulated(String, &'static str),
    #[error("the expression is not valid: {0}")]
    Invalid(String),
}

fn lookup_pair<'a>(
    pairs: &'a [(String, String)],
    name: &str,
    ignore_case: bool,
) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .or_else(|| {
            ignore_case
                .then(|| pairs.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)))
                .flatten()
        })
        .map(|(_, v)| v.as_str())
}

/// JSON inserted into text: strings as they are, other values as JSON.
fn as_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Evaluate one call to text. `notes` collects what a reader should know (an absent header
/// read as empty).
pub(crate) fn eval_call(
    c: &Call,
    scope: &Scope<'_>,
    notes: &mut Vec<String>,
) -> Result<String, EvalError> {
    let Some(f) = c.function else {
        return Err(EvalError::Invalid(format!(
            "'{}' is not a policy expression function",
            c.name
        )));
    };
    let name = c.name_arg().unwrap_or_default();
    let default = c.default_arg();
    let found = match f.role {
        Role::Header => lookup_pair(scope.headers, name, true),
        Role::Query => lookup_pair(scope.query, name, true),
        Role::Connection => lookup_pair(scope.connections, name, true),
        Role::Environment => {
            return Err(EvalError::NotSimulated(
                format!("@{}('{name}')", c.name),
                "environment variables are not simulated",
            ));
        }
        Role::Body | Role::Item => {
            let base = if f.role == Role::Body {
                scope.body
            } else {
                scope.item.or(scope.body)
            };
            let v = base.and_then(|b| lookup(b, &c.steps));
            return Ok(v.map(as_text).unwrap_or_default());
        }
        Role::TriggerBody => {
            return Err(EvalError::NotSimulated(
                format!("@{}()", c.name),
                "a polling trigger's state is not simulated",
            ));
        }
    };
    match (found, default) {
        (Some(v), _) => Ok(v.to_string()),
        (None, Some(d)) => Ok(d.to_string()),
        (None, None) if f.role == Role::Connection => {
            Err(EvalError::MissingConnection(name.to_string()))
        }
        (None, None) => {
            notes.push(format!(
                "{} '{name}' is not in the request: @{}('{name}') is empty",
                if f.role == Role::Header {
                    "header"
                } else {
                    "query parameter"
                },
                c.name
            ));
            Ok(String::new())
        }
    }
}

/// Evaluate a parsed value to text.
pub(crate) fn eval(
    parsed: &Parsed,
    scope: &Scope<'_>,
    notes: &mut Vec<String>,
) -> Result<String, EvalError> {
    if let Some(e) = parsed.errors.first() {
        return Err(EvalError::Invalid(e.message.clone()));
    }
    let mut out = String::new();
    for p in &parsed.parts {
        match p {
            Part::Text(t) => out.push_str(t),
            Part::Call(c) => out.push_str(&eval_call(c, scope, notes)?),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn calls(s: &str) -> Vec<(String, Vec<Arg>)> {
        parse(s)
            .calls()
            .into_iter()
            .map(|c| (c.name.clone(), c.args.clone()))
            .collect()
    }

    #[test]
    fn calls_text_and_interpolations() {
        let p = parse("https://@header('test').abc.xyz:@header('port')");
        assert!(p.errors.is_empty());
        assert_eq!(p.parts.len(), 4);
        assert_eq!(p.parts[2], Part::Text(".abc.xyz:".into()));
        assert_eq!(
            calls("@connectionParameters('dog', 'default')"),
            vec![(
                "connectionParameters".into(),
                vec![Arg::Str("dog".into()), Arg::Str("default".into())]
            )]
        );
        let p = parse("{@body().firstName} {@body().lastName}");
        assert!(p.errors.is_empty());
        let c = p.calls();
        assert!(c[0].braced && c[1].braced);
        assert_eq!(c[0].steps, vec![Step::Key("firstName".into())]);
        let p = parse("@{triggerBody().data[0].id}");
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(
            p.calls()[0].steps,
            vec![
                Step::Key("data".into()),
                Step::Index(0),
                Step::Key("id".into())
            ]
        );
        let p = parse("{@body()['@odata.id']}");
        assert_eq!(p.calls()[0].steps, vec![Step::Key("@odata.id".into())]);
        // Quotes doubled inside a literal.
        assert_eq!(
            calls("@headers('it''s')")[0].1,
            vec![Arg::Str("it's".into())]
        );
    }

    #[test]
    fn text_that_only_looks_like_an_expression() {
        for s in [
            "@odata.nextLink",
            "@Request.OriginalHTTPMethod",
            "user@contoso.com",
            "and(eq(state, '{x}'), true)",
            "groupTypes/any(c:c eq 'Unified')",
            "@@id@@",
            "{not an expression}",
            "[\"matter.updated\"]",
        ] {
            let p = parse(s);
            assert!(p.errors.is_empty(), "{s}: {:?}", p.errors);
            assert!(p.is_literal(), "{s}");
        }
    }

    #[test]
    fn misspelled_functions_are_named_with_a_suggestion() {
        let p = parse("@queryParamters('version')");
        assert_eq!(p.errors.len(), 1);
        assert_eq!(p.errors[0].kind, ErrorKind::UnknownFunction);
        assert_eq!(
            p.errors[0].message,
            "'queryParamters' is not a policy expression function (did you mean 'queryParameters'?)"
        );
        // Case does not matter (a merged certified connector writes it so).
        assert!(parse("@ConnectionParameters('x')").errors.is_empty());
    }

    #[test]
    fn broken_quoting_and_arguments() {
        let cases = [
            ("@headers('x)", "the quote opened here is never closed"),
            ("@headers('x'", "is never closed with ')'"),
            ("@headers(\"x\")", "use single quotes"),
            ("@headers(x)", "must be in single quotes"),
            ("@headers()", "takes 1 or 2 arguments, not 0"),
            ("@body('x')", "takes 0 arguments, not 1"),
            ("@{triggerBody().id", "'@{' is never closed"),
            ("{@body().a", "'{@' is never closed"),
            ("@body()['a'", "never closed with ']'"),
            ("@headers('a' 'b')", "expected ',' or ')'"),
            ("@{nope}", "must hold a function call"),
        ];
        for (s, want) in cases {
            let p = parse(s);
            assert!(
                p.errors.iter().any(|e| e.message.contains(want)),
                "{s}: {:?}",
                p.errors
            );
            assert!(p.errors.iter().all(|e| e.kind == ErrorKind::Syntax), "{s}");
        }
    }

    #[test]
    fn hostile_values_stay_bounded() {
        let deep = "@body(".repeat(10_000);
        let p = parse(&deep);
        assert!(!p.errors.is_empty());
        let long = "a".repeat(MAX_LEN + 1);
        assert_eq!(parse(&long).errors.len(), 1);
        for s in [
            "@",
            "@{",
            "{@",
            "@h(",
            "é@headers('é",
            "@body()[",
            "@body().",
            "@body()?",
        ] {
            let _ = parse(s);
            let _ = body_path(s);
        }
    }

    #[test]
    fn body_paths() {
        assert_eq!(
            body_path("@body().people").unwrap(),
            BodyPath {
                base: Base::Body,
                steps: vec![Step::Key("people".into())]
            }
        );
        assert_eq!(body_path("@item().id").unwrap().base, Base::Item);
        assert_eq!(
            body_path("people.age").unwrap(),
            BodyPath {
                base: Base::Relative,
                steps: vec![Step::Key("people".into()), Step::Key("age".into())]
            }
        );
        // The stringtoarray page's typo: no parentheses.
        assert!(body_path("@body.peopleObject.XYZ.Age").is_err());
        assert!(body_path("@headers('x')").is_err());
    }

    #[test]
    fn evaluation_reads_the_scope_and_defaults() {
        let headers = vec![("test".to_string(), "foo".to_string())];
        let conns = vec![("cat".to_string(), "bar".to_string())];
        let scope = Scope {
            headers: &headers,
            connections: &conns,
            ..Default::default()
        };
        let mut notes = vec![];
        let ev = |s: &str, notes: &mut Vec<String>| eval(&parse(s), &scope, notes);
        assert_eq!(ev("@headers('test')moo", &mut notes).unwrap(), "foomoo");
        assert_eq!(ev("@header('TEST')", &mut notes).unwrap(), "foo");
        assert_eq!(
            ev("@connectionParameters('dog', 'default')", &mut notes).unwrap(),
            "default"
        );
        assert_eq!(
            ev("@connectionParameters('dog')", &mut notes).unwrap_err(),
            EvalError::MissingConnection("dog".into())
        );
        assert!(notes.is_empty());
        assert_eq!(ev("x@headers('nope')", &mut notes).unwrap(), "x");
        assert_eq!(notes.len(), 1);
        let body = json!({"firstName": "John", "n": 3});
        let scope = Scope {
            body: Some(&body),
            ..Default::default()
        };
        assert_eq!(
            eval(
                &parse("{@body().firstName}-{@body().n}"),
                &scope,
                &mut notes
            )
            .unwrap(),
            "John-3"
        );
    }
}
