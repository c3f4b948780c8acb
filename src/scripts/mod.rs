//! `script.csx` (a connector's C# custom code), parsed with a real C# grammar.
//!
//! [`parse`] runs tree-sitter with tree-sitter-c-sharp over the script and keeps a small
//! syntax model, every item with its byte offset: C# script directives (`#r`, `#load`),
//! `using` directives, classes with their base types and methods, dotted names rooted at a
//! namespace (`System.Globalization.CultureInfo`), member accesses, invocations with the
//! constant durations of their arguments, object creations, string constants, the
//! comparisons of `this.Context.OperationId` with operation names (`==`, `switch`/`case`,
//! `Equals`, through constants and local copies), loops with the requests sent inside them,
//! and the grammar's syntax errors. The rules in `rules/script/` read only this model.
//!
//! It is a parser, not a compiler: names are not bound to types, overloads are not resolved,
//! and nothing is compiled (docs/scripts.md says what follows from that).
//!
//! Bounded on hostile input: texts over `MAX_PARSE_BYTES` are not parsed, a parse stops
//! after `PARSE_DEADLINE`, the walk over the tree is iterative (a cursor and an explicit
//! stack: nesting depth costs heap, never native stack), every helper that looks below a node
//! stops after a fixed number of nodes, and every text kept is capped.

use std::collections::{HashMap, HashSet};
use std::ops::ControlFlow;
use std::time::{Duration, Instant};

use tree_sitter::{Node, Parser, TreeCursor};

/// The largest script that is parsed (the platform's own limit is 1 MB; larger scripts are
/// reported by `ScriptTooLarge` and not parsed).
pub(crate) const MAX_PARSE_BYTES: usize = 2 * 1024 * 1024;

/// How long one parse may take before it is abandoned (a 1 MB script parses in ~10 ms).
pub(crate) const PARSE_DEADLINE: Duration = Duration::from_secs(2);

/// The longest text kept for a name, a callee or a string constant.
const MAX_TEXT: usize = 256;

/// The most nodes a helper visits below one node (case labels, constant expressions).
const MAX_LOCAL_NODES: usize = 2_000;

/// The most items of each list kept in the model (a hostile script of a million calls).
const MAX_ITEMS: usize = 200_000;

/// The syntax model of one script.
#[derive(Debug, Default, Clone)]
pub struct Syntax {
    /// False when the script was not parsed (too large, or the parse was abandoned): the
    /// lists are then empty and say nothing about the script.
    pub(crate) parsed: bool,
    /// C# script directives (`#r "…"`, `#load "…"`), which the grammar does not know: they
    /// are blanked before parsing (same length, so offsets stay valid). No rule reads them
    /// yet; the tests do.
    #[allow(dead_code)]
    pub(crate) directives: Vec<Directive>,
    pub(crate) usings: Vec<Using>,
    pub(crate) classes: Vec<Class>,
    /// Dotted names rooted at a namespace root (`System`, `Microsoft`, `Newtonsoft`,
    /// `Azure`), outside `using` directives and namespace declarations: the outermost chain.
    pub(crate) names: Vec<Dotted>,
    pub(crate) invocations: Vec<Invocation>,
    pub(crate) member_accesses: Vec<MemberAccess>,
    pub(crate) creations: Vec<Dotted>,
    /// Comparisons of the operation id with a name, constants and copies resolved.
    pub(crate) dispatch: Vec<Dispatch>,
    pub(crate) loops: Vec<Loop>,
    pub(crate) errors: Vec<SyntaxError>,
    /// `-`, `*`, `/`, `%` between two string literals (offset of the operator, operator):
    /// valid syntax that never compiles (CS0019), as a stray `/` between two literals.
    pub(crate) string_arithmetic: Vec<(usize, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Directive {
    /// `r` or `load`.
    pub(crate) kind: String,
    pub(crate) argument: String,
    pub(crate) offset: usize,
}

/// `using X;`, `using static X.Y;`, `using A = X.Y;`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Using {
    /// The name imported (the target of an alias), without `global::`.
    pub(crate) target: String,
    pub(crate) is_static: bool,
    pub(crate) alias: Option<String>,
    /// Where the target name starts.
    pub(crate) offset: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Class {
    pub(crate) name: String,
    /// Offset of the name.
    pub(crate) offset: usize,
    /// Base types as written, generic arguments removed (`ScriptBase`).
    pub(crate) bases: Vec<String>,
    pub(crate) methods: Vec<Method>,
    /// Nested in another type.
    pub(crate) nested: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Method {
    pub(crate) name: String,
    pub(crate) offset: usize,
    /// `public`, `override`, `async`, …
    pub(crate) modifiers: Vec<String>,
    /// The return type as written, whitespace removed.
    pub(crate) returns: String,
    pub(crate) parameters: usize,
}

/// A dotted name (`System.Text.Json.JsonSerializer`, `this.Context.SendAsync`, `HttpClient`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Dotted {
    pub(crate) path: String,
    pub(crate) offset: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Invocation {
    /// The callee as a dotted path (`Thread.Sleep`, `this.Context.SendAsync`); a segment
    /// that is not a name (a call, an index) is `…`.
    pub(crate) callee: String,
    pub(crate) offset: usize,
    /// Per argument, its value as a duration in milliseconds when it is a constant one: an
    /// integer (taken as milliseconds), `TimeSpan.FromSeconds(6)`, `new TimeSpan(0, 0, 6)`.
    pub(crate) millis: Vec<Option<i64>>,
    /// Argument texts, each capped (to recognise `StringComparison.OrdinalIgnoreCase`).
    pub(crate) args: Vec<String>,
}

/// `receiver.Name`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MemberAccess {
    pub(crate) name: String,
    /// Offset of the name.
    pub(crate) offset: usize,
    /// When the receiver is a call, the called method's name (`ReadAsStringAsync`).
    pub(crate) receiver_call: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Dispatch {
    pub(crate) operation: String,
    /// Offset of the literal (or constant name) that names the operation.
    pub(crate) offset: usize,
    /// The comparison ignores case (`OrdinalIgnoreCase`, `ToLower()`).
    pub(crate) ignore_case: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Loop {
    /// `while`, `do`, `for`.
    pub(crate) kind: &'static str,
    pub(crate) offset: usize,
    /// Requests sent inside it (`SendAsync`, `GetAsync`, …), by offset, when this is the
    /// innermost loop without a fixed bound around them.
    pub(crate) sends: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub(crate) offset: usize,
    pub(crate) end: usize,
    pub(crate) kind: ErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ErrorKind {
    /// The grammar expected this token here (`}`, `;`, `)`).
    Missing(String),
    /// Text the grammar could not place (its first line, capped).
    Unexpected(String),
}

/// The root names of namespaces whose dotted uses are collected.
const ROOTS: [&str; 4] = ["System", "Microsoft", "Newtonsoft", "Azure"];

/// Methods that send an HTTP request.
pub(crate) const REQUEST_METHODS: [&str; 6] = [
    "SendAsync",
    "GetAsync",
    "PostAsync",
    "PutAsync",
    "DeleteAsync",
    "PatchAsync",
];

/// Parse a script. Never panics; bounded in time and memory (module docs).
pub fn parse(text: &str) -> Syntax {
    if text.len() > MAX_PARSE_BYTES {
        return Syntax::default();
    }
    let (bytes, directives) = blank_directives(text);
    let mut parser = Parser::new();
    if parser
        .set_language(&tree_sitter_c_sharp::LANGUAGE.into())
        .is_err()
    {
        return Syntax::default();
    }
    let start = Instant::now();
    let mut progress = |_: &tree_sitter::ParseState| {
        if start.elapsed() > PARSE_DEADLINE {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    };
    let len = bytes.len();
    let tree = parser.parse_with_options(
        &mut |i, _| if i < len { &bytes[i..] } else { &[][..] },
        None,
        Some(tree_sitter::ParseOptions::new().progress_callback(&mut progress)),
    );
    let Some(tree) = tree else {
        return Syntax::default();
    };
    let mut w = Walker {
        src: &bytes,
        syntax: Syntax {
            parsed: true,
            directives,
            ..Default::default()
        },
        frames: Vec::new(),
        kinds: Vec::new(),
        loops: Vec::new(),
        classes: Vec::new(),
        in_error: 0,
        braces: (0, 0),
        constants: HashMap::new(),
        aliases: HashSet::new(),
        pending: Vec::new(),
    };
    w.walk(tree.walk());
    w.resolve();
    w.unclosed_braces();
    w.syntax
}

/// Blank `#r "…"` and `#load "…"` lines (C# script directives the grammar lacks) with
/// spaces, keeping every offset and line.
fn blank_directives(text: &str) -> (Vec<u8>, Vec<Directive>) {
    let mut bytes = text.as_bytes().to_vec();
    let mut directives = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        let line = &bytes[start..end];
        let indent = line
            .iter()
            .take_while(|b| matches!(b, b' ' | b'\t' | b'\r'))
            .count();
        let rest = &line[indent..];
        let kind = if rest.starts_with(b"#r") && !rest.get(2).is_some_and(u8::is_ascii_alphanumeric)
        {
            Some("r")
        } else if rest.starts_with(b"#load") && !rest.get(5).is_some_and(u8::is_ascii_alphanumeric)
        {
            Some("load")
        } else {
            None
        };
        if let Some(kind) = kind {
            let arg = &rest[1 + kind.len()..];
            let argument = String::from_utf8_lossy(arg)
                .trim()
                .trim_matches('"')
                .chars()
                .take(MAX_TEXT)
                .collect();
            directives.push(Directive {
                kind: kind.to_string(),
                argument,
                offset: start + indent,
            });
            for b in &mut bytes[start..end] {
                if *b != b'\r' {
                    *b = b' ';
                }
            }
        }
        start = end + 1;
    }
    (bytes, directives)
}

/// One side of a comparison.
#[derive(Debug, Clone)]
enum Operand {
    /// The operation id (`this.Context.OperationId`, or `.ToLower()` of it).
    OpId {
        ignore_case: bool,
    },
    Str {
        value: String,
        offset: usize,
    },
    /// A name: a constant, or a local copy of the operation id.
    Ident {
        name: String,
        offset: usize,
    },
    Other,
}

/// What a node of the walk opened, closed when the walk leaves it.
#[derive(Clone, Copy)]
enum Frame {
    None,
    /// A loop (its place on `Walker::loops`).
    Loop,
    /// A class (its place on `Walker::classes`).
    Class,
    Error,
}

struct Walker<'s> {
    src: &'s [u8],
    syntax: Syntax,
    frames: Vec<Frame>,
    /// The kinds of the nodes on the path from the root, for the parent's kind.
    kinds: Vec<&'static str>,
    /// Enclosing loops, innermost last.
    loops: Vec<Option<usize>>,
    /// Enclosing classes (index into `syntax.classes`), innermost last.
    classes: Vec<usize>,
    in_error: usize,
    /// `{` and `}` tokens seen (not the grammar's MISSING ones).
    braces: (usize, usize),
    /// String constants by name (`None`: several values).
    constants: HashMap<String, Option<String>>,
    /// Local copies of the operation id.
    aliases: HashSet<String>,
    /// Comparisons waiting for constants and copies: (operation side, name side, ignore case).
    pending: Vec<(Operand, Operand, bool)>,
}

impl<'s> Walker<'s> {
    fn text(&self, n: Node<'_>) -> &'s str {
        let src: &'s [u8] = self.src;
        std::str::from_utf8(&src[n.start_byte().min(src.len())..n.end_byte().min(src.len())])
            .unwrap_or("")
    }

    /// Text without whitespace, capped (`None` when longer).
    fn compact(&self, n: Node<'_>) -> Option<String> {
        if n.end_byte() - n.start_byte() > MAX_TEXT * 4 {
            return None;
        }
        let s: String = self
            .text(n)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        (s.len() <= MAX_TEXT).then_some(s)
    }

    fn walk(&mut self, mut cursor: TreeCursor<'_>) {
        'outer: loop {
            let node = cursor.node();
            let field = cursor.field_name();
            let parent = self.kinds.last().copied().unwrap_or("");
            let frame = self.enter(node, field, parent);
            self.frames.push(frame);
            self.kinds.push(node.kind());
            if cursor.goto_first_child() {
                continue;
            }
            loop {
                self.leave();
                if cursor.goto_next_sibling() {
                    continue 'outer;
                }
                if !cursor.goto_parent() {
                    break 'outer;
                }
            }
        }
    }

    fn leave(&mut self) {
        self.kinds.pop();
        match self.frames.pop() {
            Some(Frame::Loop) => {
                self.loops.pop();
            }
            Some(Frame::Class) => {
                self.classes.pop();
            }
            Some(Frame::Error) => self.in_error -= 1,
            _ => {}
        }
    }

    /// Record what `n` is; `field` is its field in its parent, `parent` the parent's kind
    /// (`Node::parent` walks down from the root, O(depth): the walk passes both along).
    fn enter(&mut self, n: Node<'_>, field: Option<&'static str>, parent: &'static str) -> Frame {
        if n.is_error() {
            if self.in_error == 0 {
                self.error(n);
            }
            self.in_error += 1;
            return Frame::Error;
        }
        if n.is_missing() {
            if self.in_error == 0 && self.syntax.errors.len() < MAX_ITEMS {
                self.syntax.errors.push(SyntaxError {
                    offset: n.start_byte(),
                    end: n.end_byte(),
                    kind: ErrorKind::Missing(n.kind().to_string()),
                });
            }
            return Frame::None;
        }
        if !n.is_named() {
            match n.kind() {
                "{" => self.braces.0 += 1,
                "}" => self.braces.1 += 1,
                _ => {}
            }
            return Frame::None;
        }
        match n.kind() {
            "using_directive" => self.using(n),
            "class_declaration" => return self.class(n),
            "method_declaration" => self.method(n),
            "variable_declarator" => self.declarator(n),
            "assignment_expression" => self.assignment(n),
            "qualified_name" | "member_access_expression" => {
                if n.kind() == "member_access_expression" {
                    self.member_access(n);
                }
                self.dotted(n, field, parent);
            }
            "invocation_expression" => self.invocation(n),
            "object_creation_expression" => {
                if let Some(t) = n.child_by_field_name("type")
                    && let Some(path) = self.path(t)
                    && self.syntax.creations.len() < MAX_ITEMS
                {
                    self.syntax.creations.push(Dotted {
                        path,
                        offset: t.start_byte(),
                    });
                }
            }
            "binary_expression" => {
                let op = n.child_by_field_name("operator").map(|o| o.kind());
                let is_string = |x: Option<Node<'_>>| {
                    x.is_some_and(|x| {
                        matches!(
                            x.kind(),
                            "string_literal"
                                | "verbatim_string_literal"
                                | "raw_string_literal"
                                | "interpolated_string_expression"
                        )
                    })
                };
                if let Some(o @ ("-" | "*" | "/" | "%")) = op
                    && is_string(n.child_by_field_name("left"))
                    && is_string(n.child_by_field_name("right"))
                    && self.syntax.string_arithmetic.len() < MAX_ITEMS
                {
                    let at = n
                        .child_by_field_name("operator")
                        .map_or(n.start_byte(), |x| x.start_byte());
                    self.syntax.string_arithmetic.push((at, o.to_string()));
                }
                if matches!(op, Some("==" | "!="))
                    && let (Some(l), Some(r)) = (
                        n.child_by_field_name("left"),
                        n.child_by_field_name("right"),
                    )
                {
                    let (l, r) = (self.operand(l), self.operand(r));
                    self.compare(l, r, false);
                }
            }
            "switch_statement" => {
                if let Some(v) = n.child_by_field_name("value") {
                    let op = self.operand(v);
                    if let Some(body) = n.child_by_field_name("body") {
                        self.switch_labels(op, body);
                    }
                }
            }
            "switch_expression" => {
                if let Some(v) = n.named_child(0) {
                    let op = self.operand(v);
                    self.switch_labels(op, n);
                }
            }
            "while_statement" | "do_statement" => return self.open_loop(n, true),
            "for_statement" => {
                let unbounded = n.child_by_field_name("condition").is_none();
                return self.open_loop(n, unbounded);
            }
            "foreach_statement" => return self.open_loop(n, false),
            _ => {}
        }
        Frame::None
    }

    fn open_loop(&mut self, n: Node<'_>, unbounded: bool) -> Frame {
        let idx = (unbounded && self.syntax.loops.len() < MAX_ITEMS).then(|| {
            self.syntax.loops.push(Loop {
                kind: match n.kind() {
                    "while_statement" => "while",
                    "do_statement" => "do",
                    _ => "for",
                },
                offset: n.start_byte(),
                sends: Vec::new(),
            });
            self.syntax.loops.len() - 1
        });
        self.loops.push(idx);
        Frame::Loop
    }

    fn error(&mut self, n: Node<'_>) {
        if self.syntax.errors.len() >= MAX_ITEMS {
            return;
        }
        // The first token the grammar could not place: the ERROR node's first leaf that is
        // not inside a complete construct it kept (a statement it recovered). For a stray
        // token this is the token itself.
        let (offset, end) = first_unplaced(n);
        let text = self.text_range(offset, end);
        let first_line: String = text.lines().next().unwrap_or("").chars().take(40).collect();
        self.syntax.errors.push(SyntaxError {
            offset,
            end,
            kind: ErrorKind::Unexpected(first_line),
        });
    }

    fn text_range(&self, a: usize, b: usize) -> &'s str {
        let src: &'s [u8] = self.src;
        let b = b.min(src.len()).min(a + 400);
        let a = a.min(b);
        // Cut at char boundaries.
        let mut s = &src[a..b];
        while !s.is_empty() && std::str::from_utf8(s).is_err() {
            s = &s[..s.len() - 1];
        }
        std::str::from_utf8(s).unwrap_or("")
    }

    fn using(&mut self, n: Node<'_>) {
        let mut is_static = false;
        let mut alias = n
            .child_by_field_name("name")
            .map(|a| self.text(a).to_string());
        let mut target = None;
        let mut after_eq = alias.is_none();
        let mut c = n.walk();
        for ch in n.children(&mut c) {
            match ch.kind() {
                "static" => is_static = true,
                "=" => after_eq = true,
                _ if ch.is_named() && after_eq && target.is_none() => target = Some(ch),
                _ => {}
            }
        }
        // `using A = B;` without a `name` field in some grammar versions.
        if target.is_none() {
            alias = None;
        }
        if let Some(t) = target
            && let Some(path) = self.compact(t)
        {
            let path = strip_generics(path.trim_start_matches("global::"));
            self.syntax.usings.push(Using {
                target: path,
                is_static,
                alias,
                offset: t.start_byte(),
            });
        }
    }

    fn class(&mut self, n: Node<'_>) -> Frame {
        let Some(name) = n.child_by_field_name("name") else {
            return Frame::None;
        };
        let mut bases = Vec::new();
        let mut c = n.walk();
        for ch in n.children(&mut c) {
            if ch.kind() == "base_list" {
                let mut c2 = ch.walk();
                for b in ch.named_children(&mut c2) {
                    if b.kind() != "argument_list"
                        && let Some(t) = self.compact(b)
                    {
                        bases.push(strip_generics(t.trim_start_matches("global::")));
                    }
                }
            }
        }
        if self.syntax.classes.len() >= MAX_ITEMS {
            return Frame::None;
        }
        self.syntax.classes.push(Class {
            name: self.text(name).chars().take(MAX_TEXT).collect(),
            offset: name.start_byte(),
            bases,
            methods: Vec::new(),
            nested: !self.classes.is_empty(),
        });
        let idx = self.syntax.classes.len() - 1;
        self.classes.push(idx);
        Frame::Class
    }

    fn method(&mut self, n: Node<'_>) {
        let Some(&class) = self.classes.last() else {
            return;
        };
        let Some(name) = n.child_by_field_name("name") else {
            return;
        };
        let mut modifiers = Vec::new();
        let mut c = n.walk();
        for ch in n.children(&mut c) {
            if ch.kind() == "modifier" {
                modifiers.push(self.text(ch).to_string());
            }
        }
        let returns = n
            .child_by_field_name("returns")
            .and_then(|r| self.compact(r))
            .unwrap_or_default();
        let parameters = n.child_by_field_name("parameters").map_or(0, |p| {
            let mut c = p.walk();
            p.named_children(&mut c)
                .filter(|x| x.kind() == "parameter")
                .count()
        });
        let name_text: String = self.text(name).chars().take(MAX_TEXT).collect();
        let methods = &mut self.syntax.classes[class].methods;
        if methods.len() < MAX_ITEMS {
            methods.push(Method {
                name: name_text,
                offset: name.start_byte(),
                modifiers,
                returns,
                parameters,
            });
        }
    }

    /// `name = value` in a declaration: string constants and copies of the operation id.
    fn declarator(&mut self, n: Node<'_>) {
        let Some(name) = n.child_by_field_name("name") else {
            return;
        };
        let count = n.named_child_count();
        let Some(value) = (count > 1)
            .then(|| n.named_child(count as u32 - 1))
            .flatten()
        else {
            return;
        };
        let name = self.text(name).to_string();
        self.bind(name, value);
    }

    fn assignment(&mut self, n: Node<'_>) {
        if let (Some(l), Some(r)) = (
            n.child_by_field_name("left"),
            n.child_by_field_name("right"),
        ) && l.kind() == "identifier"
        {
            let name = self.text(l).to_string();
            self.bind(name, r);
        }
    }

    fn bind(&mut self, name: String, value: Node<'_>) {
        match self.operand(value) {
            Operand::OpId { .. } => {
                self.aliases.insert(name);
            }
            Operand::Str { value, .. } if self.constants.len() < MAX_ITEMS => {
                self.constants
                    .entry(name)
                    .and_modify(|v| {
                        if v.as_deref() != Some(value.as_str()) {
                            *v = None;
                        }
                    })
                    .or_insert(Some(value));
            }
            _ => {}
        }
    }

    /// Dotted names rooted at a namespace: the outermost chain only.
    fn dotted(&mut self, n: Node<'_>, field: Option<&'static str>, pk: &'static str) {
        // The chain continues in the parent: only the outermost is kept.
        if (pk == "member_access_expression" && field == Some("expression"))
            || (pk == "qualified_name" && field == Some("qualifier"))
            || pk == "using_directive"
            || matches!(
                pk,
                "namespace_declaration" | "file_scoped_namespace_declaration"
            )
        {
            return;
        }
        let Some(path) = self.path(n) else { return };
        let path = path.trim_start_matches("global::").to_string();
        let root = path.split('.').next().unwrap_or("");
        if ROOTS.contains(&root) && self.syntax.names.len() < MAX_ITEMS {
            self.syntax.names.push(Dotted {
                path,
                offset: n.start_byte(),
            });
        }
    }

    fn member_access(&mut self, n: Node<'_>) {
        let Some(name) = n.child_by_field_name("name") else {
            return;
        };
        let receiver_call = n
            .child_by_field_name("expression")
            .filter(|e| e.kind() == "invocation_expression")
            .and_then(|e| e.child_by_field_name("function"))
            .and_then(|f| self.path(f))
            .map(|p| last_segment(&p).to_string());
        if self.syntax.member_accesses.len() < MAX_ITEMS {
            self.syntax.member_accesses.push(MemberAccess {
                name: self.text(name).chars().take(MAX_TEXT).collect(),
                offset: name.start_byte(),
                receiver_call,
            });
        }
    }

    /// A dotted path: names joined by `.`, `…` for a segment that is not a name. Iterative,
    /// at most 32 segments.
    fn path(&self, n: Node<'_>) -> Option<String> {
        let mut segs: Vec<String> = Vec::new();
        let mut cur = n;
        for _ in 0..32 {
            match cur.kind() {
                "member_access_expression" => {
                    let name = cur.child_by_field_name("name")?;
                    segs.push(simple_name(self.text(name)));
                    cur = cur.child_by_field_name("expression")?;
                }
                "qualified_name" => {
                    let name = cur.child_by_field_name("name")?;
                    segs.push(simple_name(self.text(name)));
                    cur = cur.child_by_field_name("qualifier")?;
                }
                "identifier" | "this_expression" | "this" | "predefined_type" | "generic_name"
                | "base_expression" => {
                    segs.push(simple_name(self.text(cur)));
                    break;
                }
                "alias_qualified_name" => {
                    segs.push(
                        self.compact(cur)?
                            .trim_start_matches("global::")
                            .to_string(),
                    );
                    break;
                }
                _ => {
                    segs.push("…".to_string());
                    break;
                }
            }
        }
        if segs.iter().any(|s| s.len() > MAX_TEXT) {
            return None;
        }
        segs.reverse();
        Some(segs.join("."))
    }

    fn invocation(&mut self, n: Node<'_>) {
        let Some(function) = n.child_by_field_name("function") else {
            return;
        };
        let Some(callee) = self.path(function) else {
            return;
        };
        let mut millis = Vec::new();
        let mut args = Vec::new();
        let mut arg_nodes = Vec::new();
        if let Some(list) = n.child_by_field_name("arguments") {
            let mut c = list.walk();
            for a in list
                .named_children(&mut c)
                .filter(|a| a.kind() == "argument")
            {
                let expr = a.named_child(a.named_child_count().saturating_sub(1) as u32);
                millis.push(expr.and_then(|e| self.millis(e)));
                args.push(self.text(a).chars().take(MAX_TEXT).collect::<String>());
                arg_nodes.push(expr);
            }
        }
        let method = last_segment(&callee).to_string();
        if REQUEST_METHODS.contains(&method.as_str())
            && let Some(Some(idx)) = self.loops.iter().rev().find(|l| l.is_some()).copied()
        {
            self.syntax.loops[idx].sends.push(n.start_byte());
        }
        // `"Op".Equals(this.Context.OperationId, …)`, `string.Equals(a, b, …)`.
        if method == "Equals" {
            let ignore_case = args.iter().any(|a| a.contains("IgnoreCase"));
            let receiver = function
                .child_by_field_name("expression")
                .filter(|_| function.kind() == "member_access_expression");
            let is_static = receiver.is_some_and(|r| matches!(self.text(r), "string" | "String"));
            match (receiver, arg_nodes.first().copied().flatten()) {
                (Some(_), _) if is_static && arg_nodes.len() >= 2 => {
                    if let (Some(a), Some(b)) = (arg_nodes[0], arg_nodes[1]) {
                        let (a, b) = (self.operand(a), self.operand(b));
                        self.compare(a, b, ignore_case);
                    }
                }
                (Some(r), Some(a)) if !is_static => {
                    let (r, a) = (self.operand(r), self.operand(a));
                    self.compare(r, a, ignore_case);
                }
                _ => {}
            }
        }
        if self.syntax.invocations.len() < MAX_ITEMS {
            self.syntax.invocations.push(Invocation {
                callee,
                offset: n.start_byte(),
                millis,
                args,
            });
        }
    }

    /// A constant duration in milliseconds: a number (taken as milliseconds), `*`/`+`/`-` of
    /// constants, `TimeSpan.FromMilliseconds/FromSeconds/FromMinutes/FromHours(c)`,
    /// `new TimeSpan(h, m, s)`. Iterative, over at most [`MAX_LOCAL_NODES`] nodes.
    fn millis(&self, n: Node<'_>) -> Option<i64> {
        enum Op<'t> {
            Eval(Node<'t>),
            Combine(&'static str),
            Scale(f64),
        }
        let mut work = vec![Op::Eval(n)];
        let mut values: Vec<f64> = Vec::new();
        let mut budget = MAX_LOCAL_NODES;
        while let Some(op) = work.pop() {
            budget = budget.checked_sub(1)?;
            match op {
                Op::Combine(o) => {
                    let b = values.pop()?;
                    let a = values.pop()?;
                    values.push(match o {
                        "*" => a * b,
                        "+" => a + b,
                        _ => a - b,
                    });
                }
                Op::Scale(k) => {
                    let v = values.pop()?;
                    values.push(v * k);
                }
                Op::Eval(cur) => match cur.kind() {
                    "integer_literal" | "real_literal" => {
                        let t: String = self.text(cur).chars().filter(|c| *c != '_').collect();
                        let v = if let Some(h) =
                            t.strip_prefix("0x").or_else(|| t.strip_prefix("0X"))
                        {
                            i64::from_str_radix(h.trim_end_matches(['u', 'U', 'l', 'L']), 16)
                                .ok()? as f64
                        } else {
                            t.trim_end_matches(['u', 'U', 'l', 'L', 'd', 'D', 'f', 'F', 'm', 'M'])
                                .parse::<f64>()
                                .ok()?
                        };
                        values.push(v);
                    }
                    "parenthesized_expression" | "checked_expression" => {
                        work.push(Op::Eval(cur.named_child(0)?));
                    }
                    "binary_expression" => {
                        let o = match cur.child_by_field_name("operator")?.kind() {
                            "*" => "*",
                            "+" => "+",
                            "-" => "-",
                            _ => return None,
                        };
                        work.push(Op::Combine(o));
                        work.push(Op::Eval(cur.child_by_field_name("right")?));
                        work.push(Op::Eval(cur.child_by_field_name("left")?));
                    }
                    "invocation_expression" => {
                        let f = self.path(cur.child_by_field_name("function")?)?;
                        let k = match f.trim_start_matches("System.") {
                            "TimeSpan.FromMilliseconds" => 1.0,
                            "TimeSpan.FromSeconds" => 1_000.0,
                            "TimeSpan.FromMinutes" => 60_000.0,
                            "TimeSpan.FromHours" => 3_600_000.0,
                            _ => return None,
                        };
                        let arg = cur.child_by_field_name("arguments")?.named_child(0)?;
                        work.push(Op::Scale(k));
                        work.push(Op::Eval(
                            arg.named_child(arg.named_child_count().checked_sub(1)? as u32)?,
                        ));
                    }
                    "object_creation_expression" => {
                        let t = self.path(cur.child_by_field_name("type")?)?;
                        if t.trim_start_matches("System.") != "TimeSpan" {
                            return None;
                        }
                        let list = cur.child_by_field_name("arguments")?;
                        let mut c = list.walk();
                        let args: Vec<Node<'_>> = list
                            .named_children(&mut c)
                            .filter(|a| a.kind() == "argument")
                            .filter_map(|a| a.named_child(0))
                            .collect();
                        // (hours, minutes, seconds) or (days, hours, minutes, seconds[, ms]).
                        let scales: &[f64] = match args.len() {
                            3 => &[3_600_000.0, 60_000.0, 1_000.0],
                            4 => &[86_400_000.0, 3_600_000.0, 60_000.0, 1_000.0],
                            5 => &[86_400_000.0, 3_600_000.0, 60_000.0, 1_000.0, 1.0],
                            _ => return None,
                        };
                        // In execution order (a0 k0 a1 k1 + a2 k2 +), pushed reversed.
                        let mut seq = Vec::new();
                        for (i, (a, k)) in args.iter().zip(scales).enumerate() {
                            seq.push(Op::Eval(*a));
                            seq.push(Op::Scale(*k));
                            if i > 0 {
                                seq.push(Op::Combine("+"));
                            }
                        }
                        work.extend(seq.into_iter().rev());
                    }
                    _ => return None,
                },
            }
        }
        // One value is left when the whole expression was evaluated.
        match values.as_slice() {
            [v] if v.is_finite() && v.abs() < 1e15 => Some(*v as i64),
            _ => None,
        }
    }

    /// One side of a comparison. Iterative over parentheses and `.ToLower()` chains.
    fn operand(&self, n: Node<'_>) -> Operand {
        let mut cur = n;
        let mut ignore_case = false;
        for _ in 0..16 {
            match cur.kind() {
                "parenthesized_expression" => match cur.named_child(0) {
                    Some(c) => cur = c,
                    None => return Operand::Other,
                },
                "member_access_expression" => {
                    let Some(name) = cur.child_by_field_name("name") else {
                        return Operand::Other;
                    };
                    let name_text = self.text(name);
                    if name_text == "OperationId" {
                        return Operand::OpId { ignore_case };
                    }
                    // `Constants.GetTask`, `this.OpGetTask`: a constant by its name.
                    return Operand::Ident {
                        name: name_text.to_string(),
                        offset: name.start_byte(),
                    };
                }
                "invocation_expression" => {
                    let Some(f) = cur.child_by_field_name("function") else {
                        return Operand::Other;
                    };
                    if f.kind() != "member_access_expression" {
                        return Operand::Other;
                    }
                    let m = f.child_by_field_name("name").map(|x| self.text(x));
                    match m {
                        Some("ToLower" | "ToLowerInvariant" | "ToUpper" | "ToUpperInvariant") => {
                            ignore_case = true
                        }
                        Some("Trim" | "ToString") => {}
                        _ => return Operand::Other,
                    }
                    match f.child_by_field_name("expression") {
                        Some(e) => cur = e,
                        None => return Operand::Other,
                    }
                }
                "identifier" => {
                    let name = self.text(cur).to_string();
                    if ignore_case && self.aliases.contains(&name) {
                        return Operand::OpId { ignore_case };
                    }
                    return Operand::Ident {
                        name,
                        offset: cur.start_byte(),
                    };
                }
                "string_literal" | "verbatim_string_literal" => {
                    return match string_value(self.text(cur)) {
                        Some(value) => Operand::Str {
                            value,
                            offset: cur.start_byte(),
                        },
                        None => Operand::Other,
                    };
                }
                _ => return Operand::Other,
            }
        }
        Operand::Other
    }

    fn compare(&mut self, a: Operand, b: Operand, ignore_case: bool) {
        if matches!(a, Operand::Other) || matches!(b, Operand::Other) {
            return;
        }
        if self.pending.len() < MAX_ITEMS {
            self.pending.push((a, b, ignore_case));
        }
    }

    /// The names in a switch's case labels (statement) or arms (expression).
    fn switch_labels(&mut self, op: Operand, body: Node<'_>) {
        if matches!(op, Operand::Other | Operand::Str { .. }) {
            return;
        }
        let mut labels = Vec::new();
        let mut c = body.walk();
        for section in body.named_children(&mut c) {
            match section.kind() {
                "switch_section" => {
                    let mut c2 = section.walk();
                    for ch in section.children(&mut c2) {
                        if ch.kind() == ":" {
                            break;
                        }
                        if ch.is_named() {
                            labels.push(ch);
                        }
                    }
                }
                "switch_expression_arm" => {
                    if let Some(p) = section.named_child(0) {
                        labels.push(p);
                    }
                }
                _ => {}
            }
            if labels.len() > MAX_LOCAL_NODES {
                break;
            }
        }
        for label in labels {
            // Literals and constant names in the label (`"A"`, `"A" or "B"`, `Ops.A`), but
            // not inside a `when` clause.
            let mut seen = 0;
            let mut c = label.walk();
            'desc: loop {
                let node = c.node();
                seen += 1;
                let descend = match node.kind() {
                    "string_literal" | "verbatim_string_literal" => {
                        let o = self.operand(node);
                        self.compare(op.clone(), o, false);
                        false
                    }
                    "identifier" | "member_access_expression" => {
                        let o = self.operand(node);
                        if let Operand::Ident { .. } = o {
                            self.compare(op.clone(), o, false);
                        }
                        false
                    }
                    "when_clause" => false,
                    _ => true,
                };
                if seen > MAX_LOCAL_NODES {
                    break;
                }
                if descend && c.goto_first_child() {
                    continue;
                }
                loop {
                    if c.node() == label {
                        break 'desc;
                    }
                    if c.goto_next_sibling() {
                        continue 'desc;
                    }
                    if !c.goto_parent() {
                        break 'desc;
                    }
                }
            }
        }
    }

    /// More `{` than `}`: the compiler reports "`}` expected" at the end of the file, where
    /// the grammar's recovery often wraps the unclosed class in an ERROR from its first
    /// line. The end of the file is reported instead of such errors reaching it.
    fn unclosed_braces(&mut self) {
        let (open, close) = self.braces;
        let errors = &mut self.syntax.errors;
        // The same place reported twice (nested recoveries): once.
        errors.sort_by_key(|e| e.offset);
        errors.dedup_by_key(|e| e.offset);
        if open <= close {
            return;
        }
        let end = self.src.len()
            - self
                .src
                .iter()
                .rev()
                .take_while(|b| b.is_ascii_whitespace())
                .count();
        errors.retain(|e| match &e.kind {
            ErrorKind::Unexpected(_) => e.end < end,
            ErrorKind::Missing(t) => t != "}",
        });
        errors.push(SyntaxError {
            offset: end,
            end,
            kind: ErrorKind::Missing("}".to_string()),
        });
    }

    /// Comparisons resolved now that every constant and copy is known.
    fn resolve(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        for (a, b, ic) in pending {
            for (op, name) in [(&a, &b), (&b, &a)] {
                let op_ic = match op {
                    Operand::OpId { ignore_case } => Some(*ignore_case),
                    Operand::Ident { name, .. } if self.aliases.contains(name) => Some(false),
                    _ => None,
                };
                let Some(op_ic) = op_ic else { continue };
                let value = match name {
                    Operand::Str { value, offset } => Some((value.clone(), *offset)),
                    Operand::Ident { name, offset } if !self.aliases.contains(name) => self
                        .constants
                        .get(name)
                        .cloned()
                        .flatten()
                        .map(|v| (v, *offset)),
                    _ => None,
                };
                if let Some((operation, offset)) = value {
                    self.syntax.dispatch.push(Dispatch {
                        operation,
                        offset,
                        ignore_case: ic || op_ic,
                    });
                    break;
                }
            }
        }
    }
}

/// The first token of an ERROR node the grammar did not fold into a complete construct:
/// its first leaf, skipping leading complete statements and declarations it kept.
fn first_unplaced(n: Node<'_>) -> (usize, usize) {
    let mut c = n.walk();
    if c.goto_first_child() {
        loop {
            let ch = c.node();
            let complete = ch.is_named()
                && !ch.has_error()
                && (ch.kind().ends_with("_statement")
                    || ch.kind().ends_with("_declaration")
                    || ch.kind().ends_with("_directive")
                    || ch.kind() == "comment"
                    || ch.kind().starts_with("preproc_"));
            if !complete {
                // Its first leaf.
                let mut leaf = ch;
                let mut lc = ch.walk();
                let mut budget = MAX_LOCAL_NODES;
                while lc.goto_first_child() && budget > 0 {
                    leaf = lc.node();
                    budget -= 1;
                }
                return (leaf.start_byte(), leaf.end_byte());
            }
            if !c.goto_next_sibling() {
                break;
            }
        }
    }
    (n.start_byte(), n.end_byte())
}

fn simple_name(s: &str) -> String {
    strip_generics(s.trim())
}

/// `List<string>` → `List`.
fn strip_generics(s: &str) -> String {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    match s.find('<') {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

fn last_segment(path: &str) -> &str {
    path.rsplit('.').next().unwrap_or(path)
}

/// The value of a plain or verbatim string literal (not interpolated), capped.
fn string_value(lit: &str) -> Option<String> {
    if lit.len() > MAX_TEXT + 3 {
        return None;
    }
    if let Some(body) = lit.strip_prefix("@\"").and_then(|s| s.strip_suffix('"')) {
        return Some(body.replace("\"\"", "\""));
    }
    let body = lit
        .strip_suffix("u8")
        .unwrap_or(lit)
        .strip_prefix('"')?
        .strip_suffix('"')?;
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(ch) = chars.next() {
        if ch != '\\' {
            out.push(ch);
            continue;
        }
        match chars.next()? {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            '0' => out.push('\0'),
            c @ ('\\' | '"' | '\'') => out.push(c),
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests;
