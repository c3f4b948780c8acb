//! The syntax model on real-shaped scripts, and its bounds on hostile input.

use super::*;

const SCRIPT: &str = r#"#r "Newtonsoft.Json"
using System;
using static System.Math;
using Json = Newtonsoft.Json.Linq;

public class Script : ScriptBase
{
    private readonly string OP_CONVERT = "Convert";

    public override async Task<HttpResponseMessage> ExecuteAsync()
    {
        string operationId = this.Context.OperationId;
        switch (this.Context.OperationId)
        {
            case "GetTask":
            case "ListTasks" when true:
                break;
        }
        if (operationId == OP_CONVERT) { }
        if ("Other".Equals(this.Context.OperationId, StringComparison.OrdinalIgnoreCase)) { }
        var x = this.Context.OperationId.ToLower() switch { "lower" => 1, _ => 2 };
        while (more) { await this.Context.SendAsync(null, default); }
        Thread.Sleep(TimeSpan.FromSeconds(6));
        var t = System.Globalization.CultureInfo.InvariantCulture;
        return new HttpResponseMessage();
    }

    private class Nested : Other { void M(int a, int b) { } }
}
"#;

#[test]
fn the_model_of_a_real_shaped_script() {
    let s = parse(SCRIPT);
    assert!(s.parsed);
    assert!(s.errors.is_empty(), "{:?}", s.errors);
    assert_eq!(s.directives.len(), 1);
    assert_eq!(s.directives[0].argument, "Newtonsoft.Json");
    let usings: Vec<_> = s
        .usings
        .iter()
        .map(|u| (u.target.as_str(), u.is_static, u.alias.as_deref()))
        .collect();
    assert_eq!(
        usings,
        vec![
            ("System", false, None),
            ("System.Math", true, None),
            ("Newtonsoft.Json.Linq", false, Some("Json")),
        ]
    );
    assert_eq!(s.classes.len(), 2);
    let c = &s.classes[0];
    assert_eq!(
        (c.name.as_str(), c.bases.as_slice()),
        ("Script", &["ScriptBase".to_string()][..])
    );
    assert_eq!(c.methods.len(), 1);
    let m = &c.methods[0];
    assert_eq!(m.name, "ExecuteAsync");
    assert_eq!(m.returns, "Task<HttpResponseMessage>");
    assert!(m.modifiers.contains(&"override".to_string()));
    assert!(s.classes[1].nested);
    assert_eq!(s.classes[1].methods[0].parameters, 2);
    let ops: Vec<_> = s
        .dispatch
        .iter()
        .map(|d| (d.operation.as_str(), d.ignore_case))
        .collect();
    assert_eq!(
        ops,
        vec![
            ("GetTask", false),
            ("ListTasks", false),
            ("Convert", false),
            ("Other", true),
            ("lower", true),
        ]
    );
    assert_eq!(s.loops.len(), 1);
    assert_eq!(s.loops[0].sends.len(), 1);
    let sleep = s
        .invocations
        .iter()
        .find(|i| i.callee == "Thread.Sleep")
        .unwrap();
    assert_eq!(sleep.millis, vec![Some(6000)]);
    assert!(
        s.names
            .iter()
            .any(|n| n.path == "System.Globalization.CultureInfo.InvariantCulture")
    );
}

#[test]
fn offsets_survive_blanked_directives() {
    let s = parse("#r \"A\"\n#load \"b.csx\"\nclass X : ScriptBase {}\n");
    assert!(s.errors.is_empty(), "{:?}", s.errors);
    assert_eq!(
        s.classes[0].offset,
        "#r \"A\"\n#load \"b.csx\"\nclass ".len()
    );
}

#[test]
fn deep_nesting_is_walked_without_recursion() {
    // 10,000 nested parentheses and blocks: the walk keeps its stack on the heap.
    let depth = 10_000;
    let text = format!(
        "class Script : ScriptBase {{ void M() {{ var x = {}1{}; {}{} }} }}",
        "(".repeat(depth),
        ")".repeat(depth),
        "{".repeat(depth),
        "}".repeat(depth)
    );
    let s = parse(&text);
    assert!(s.parsed);
    assert_eq!(s.classes.len(), 1);
    assert!(s.errors.is_empty());
}

#[test]
fn a_parse_that_takes_too_long_is_abandoned() {
    // 100,000 levels: tree-sitter's time grows faster than the depth; the deadline stops
    // it, and the model says the script was not parsed (ScriptSyntaxDoubt reports that).
    let depth = 100_000;
    let text = format!(
        "class Script : ScriptBase {{ void M() {{ var x = {}1{}; {}{} }} }}",
        "(".repeat(depth),
        ")".repeat(depth),
        "{".repeat(depth),
        "}".repeat(depth)
    );
    let t = std::time::Instant::now();
    let s = parse(&text);
    assert!(t.elapsed() < PARSE_DEADLINE * 3, "{:?}", t.elapsed());
    if !s.parsed {
        assert!(s.classes.is_empty() && s.errors.is_empty());
    }
}

#[test]
fn huge_literals_and_too_large_scripts_are_bounded() {
    let lit = format!(
        "class Script : ScriptBase {{ string s = \"{}\"; void M() {{ if (this.Context.OperationId == s) {{ }} }} }}",
        "a".repeat(1_000_000)
    );
    let s = parse(&lit);
    assert!(s.parsed);
    // The constant is too long to keep: no dispatch on it.
    assert!(s.dispatch.is_empty());
    let big = " ".repeat(MAX_PARSE_BYTES + 1);
    assert!(!parse(&big).parsed);
}

#[test]
fn invalid_utf8_replaced_text_and_binary_noise_parse() {
    // What the loader makes of invalid UTF-8 (U+FFFD), and control bytes.
    let text = "class Script : ScriptBase { string s = \"\u{FFFD}\u{FFFD}\"; }\u{0}\u{1}\u{FFFD}";
    let s = parse(text);
    assert!(s.parsed);
    assert!(!s.errors.is_empty());
    let noise: String = (0..50_000u32)
        .map(|i| char::from_u32(i % 0x2FF + 1).unwrap_or('x'))
        .collect();
    assert!(parse(&noise).parsed);
}
