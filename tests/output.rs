//! Issue 14: untrusted text never escapes into a CI log or terminal, in any command or format;
//! usage and I/O errors give positions and, with `--format json`, one JSON error document.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::{Value, json};

/// Terminal escapes, an Azure logging command, a GitHub workflow command after a newline, a
/// mention, an image and HTML; then lines that would pass for connkit's own ([`FORGED`]) after
/// `\n`, `\r`, U+2028 and U+2029 (issue 23).
const HOSTILE: &str = "\u{1b}]0;pwned\u{7}\u{9b}31m ##vso[task.setvariable variable=LEAK]1\n::error::PWNED @admin ![i](https://e.example/p.png) <img src=x>\
     \nFORGED: a\rFORGED: b\u{2028}FORGED: c\u{2029}FORGED: d\n##vso[task.complete result=Succeeded]e";

/// The start of every line [`HOSTILE`] tries to forge.
const FORGED: &str = "FORGED";

fn connkit(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("connkit").unwrap();
    c.current_dir(dir).env("NO_COLOR", "1");
    c
}

fn run(dir: &Path, args: &[&str]) -> (Output, String, String) {
    let o = connkit(dir).args(args).output().unwrap();
    assert_ne!(o.status.code(), Some(101), "panicked");
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    (o, out, err)
}

/// No raw control character; no `##[`; lines that are commands only where connkit writes its
/// own (`own` prefixes), with exactly one marker each.
fn assert_inert(what: &str, out: &str, own: &[&str]) -> usize {
    for c in ['\u{1b}', '\u{9b}', '\u{7}', '\r', '\u{2028}', '\u{2029}'] {
        assert!(!out.contains(c), "{what}: raw {c:?}:\n{out}");
    }
    assert!(!out.contains("##["), "{what}:\n{out}");
    let mut commands = 0;
    for line in out.lines() {
        let l = line.trim_start();
        // No line of untrusted text: in every format, each starts with connkit's own words
        // (or, in a Markdown table or XML, its own markup).
        let bare = l.trim_start_matches(['|', '<', ' ', '-', '*', '>', '`']);
        assert!(
            !bare.starts_with(FORGED),
            "{what}: untrusted text started a line: {line:?}\n{out}"
        );
        if l.starts_with("::") || l.to_lowercase().contains("##vso[") {
            assert!(
                own.iter().any(|p| l.starts_with(p)),
                "{what}: untrusted text made a command line: {line:?}"
            );
            assert!(l.to_lowercase().matches("##vso[").count() <= 1, "{line:?}");
            commands += 1;
        }
    }
    commands
}

fn hostile_definition(op: &str) -> Value {
    json!({
        "swagger": "2.0",
        "info": {"title": "T", "version": "1", "description": HOSTILE},
        "host": "x.example", "basePath": "/", "schemes": ["https"],
        "paths": {
            "/a": {"get": {"operationId": op, "summary": HOSTILE,
                "responses": {"200": {"description": "ok"}}}},
            "/b": {"get": {"operationId": op, "summary": HOSTILE,
                "responses": {"200": {"description": "ok"}}}}
        }
    })
}

/// A connector folder whose own name holds a newline and a workflow command.
fn hostile_connector(root: &Path) -> PathBuf {
    let dir = root.join(format!(
        "c\n::error::DIR\u{1b}[31m##vso[task.complete]{HOSTILE}"
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let text = serde_json::to_string_pretty(&hostile_definition(&format!("op{HOSTILE}"))).unwrap();
    std::fs::write(dir.join("apiDefinition.swagger.json"), text).unwrap();
    dir
}

#[test]
fn lint_every_format_with_a_hostile_connector() {
    let t = tempfile::tempdir().unwrap();
    hostile_connector(t.path());
    // A second connector whose definition holds raw control bytes (shown as an excerpt).
    let raw = t.path().join("raw");
    std::fs::create_dir(&raw).unwrap();
    std::fs::write(
        raw.join("apiDefinition.swagger.json"),
        "{\"swagger\": \"2.0\", \"x\": \"\u{1b}]0;t\u{7} \u{9b}2J ##vso[a]b\",\n::error::x\n}",
    )
    .unwrap();
    let (_, json_out, _) = run(t.path(), &["lint", ".", "--format", "json"]);
    let v: Value = serde_json::from_str(&json_out).unwrap();
    let findings: Vec<&Value> = v["connectors"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["findings"].as_array().unwrap())
        .collect();
    let count = |sev: &str| findings.iter().filter(|f| f["severity"] == sev).count();
    assert!(count("error") > 0 && count("warning") > 0, "{v}");
    // The JSON report keeps the data exactly.
    assert!(json_out.contains("op\\u001b]0;pwned") || v.to_string().contains("op\u{1b}]0;pwned"));

    let spans = regex::Regex::new("`[^`\n]*`").unwrap();
    for (format, own, expected) in [
        ("text", &[][..], 0),
        ("json", &[], 0),
        ("sarif", &[], 0),
        ("junit", &[], 0),
        ("markdown", &[], 0),
        (
            "github",
            &["::error file=", "::warning file=", "::notice file="][..],
            findings.len(),
        ),
        (
            "azure",
            &[
                "##vso[task.logissue type=error;",
                "##vso[task.logissue type=warning;",
            ][..],
            count("error") + count("warning"),
        ),
    ] {
        let (o, out, err) = run(t.path(), &["lint", ".", "--format", format]);
        assert_eq!(o.status.code(), Some(1), "{format}: {err}");
        assert_eq!(
            assert_inert(format, &out, own),
            expected,
            "{format}:\n{out}"
        );
        assert_inert(format, &err, &[]);
        if format == "markdown" {
            let live = spans.replace_all(&out, "");
            assert!(!out.contains("@admin"), "{out}");
            assert!(!live.contains("![") && !live.contains("<img"), "{out}");
        }
    }
}

#[test]
fn diff_every_format_with_hostile_operations() {
    let t = tempfile::tempdir().unwrap();
    let old = t.path().join("old.swagger.json");
    let new = t.path().join("new.swagger.json");
    let mut a = hostile_definition("x");
    a["paths"]["/a"]["get"]["operationId"] = json!(format!("gone{HOSTILE}"));
    a["paths"]["/b"]["get"]["operationId"] = json!(format!("kept{HOSTILE}"));
    let mut b = a.clone();
    b["paths"].as_object_mut().unwrap().remove("/a");
    b["paths"]["/b"]["get"]["summary"] = json!(format!("changed {HOSTILE}"));
    std::fs::write(&old, serde_json::to_string_pretty(&a).unwrap()).unwrap();
    std::fs::write(&new, serde_json::to_string_pretty(&b).unwrap()).unwrap();
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    for (format, own) in [
        ("text", &[][..]),
        ("json", &[]),
        ("markdown", &[]),
        (
            "github",
            &["::error file=", "::warning file=", "::notice file="][..],
        ),
        (
            "azure",
            &[
                "##vso[task.logissue type=error;",
                "##vso[task.logissue type=warning;",
            ][..],
        ),
    ] {
        let (o, out, err) = run(t.path(), &["diff", old, new, "--text", "--format", format]);
        assert_eq!(o.status.code(), Some(1), "{format}: {err}\n{out}");
        let n = assert_inert(format, &out, own);
        if !own.is_empty() {
            assert!(n >= 1, "{format}: connkit's own annotation is kept:\n{out}");
        }
        assert_inert(format, &err, &[]);
        if format == "markdown" {
            assert!(!out.contains("@admin"), "{out}");
        }
        if format == "json" {
            let v: Value = serde_json::from_str(&out).unwrap();
            let gone = format!("gone{HOSTILE}");
            assert!(
                v["changes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|c| c["operation"] == gone),
                "the JSON keeps the data: {v}"
            );
        }
    }
}

#[test]
fn verify_package_and_fmt_show_hostile_names_escaped() {
    let t = tempfile::tempdir().unwrap();
    // A package whose entries carry hostile names.
    let name = format!(
        "pkg{}.zip",
        "\u{1b}]0;t\u{7}##vso[task.setvariable variable=A]b"
    );
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    for entry in [
        format!("intro{HOSTILE}.md"),
        "x\u{9b}2J::error::e.txt".to_string(),
    ] {
        w.start_file(entry, opts).unwrap();
        std::io::Write::write_all(&mut w, b"hello").unwrap();
    }
    let bytes = w.finish().unwrap().into_inner();
    std::fs::write(t.path().join(&name), bytes).unwrap();
    for format in ["text", "json"] {
        let (o, out, err) = run(t.path(), &["verify-package", &name, "--format", format]);
        assert!(matches!(o.status.code(), Some(1 | 2)), "{err}");
        assert_inert(format, &out, &[]);
        assert_inert(format, &err, &[]);
        if format == "json" {
            serde_json::from_str::<Value>(&out).expect("one JSON document");
        }
    }
    // fmt names the file it rewrote or refused, escaped, with a position.
    let f = "api\u{1b}[2J##vso[x]y.json";
    // (A trailing comma is formatted away now; a stray word is still refused.)
    std::fs::write(t.path().join(f), "{\n  \"a\": 1,\n  x\n}\n").unwrap();
    let (o, out, err) = run(t.path(), &["fmt", f]);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_inert("fmt", &format!("{out}{err}"), &[]);
    assert!(err.contains(":3:3: not formatted"), "{err}");
}

#[test]
fn fmt_reports_encoding_errors_with_line_and_column() {
    let t = tempfile::tempdir().unwrap();
    std::fs::write(
        t.path().join("a.json"),
        b"{\n  \"k\": \"caf\xC3\xA9 \xFF\"\n}\n",
    )
    .unwrap();
    let (o, _, err) = run(t.path(), &["fmt", "a.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err.contains("a.json:2:14: not formatted: not UTF-8 text"),
        "{err}"
    );
    std::fs::write(t.path().join("b.json"), b"\xFF\xFE{\x00}\x00").unwrap();
    let (o, _, err) = run(t.path(), &["fmt", "b.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err.contains("b.json:1:1: not formatted: the file is UTF-16"),
        "{err}"
    );
}

#[test]
fn diff_refusals_have_positions_and_json_error_documents() {
    let t = tempfile::tempdir().unwrap();
    let good = t.path().join("good.swagger.json");
    std::fs::write(
        &good,
        serde_json::to_string(&hostile_definition("a")).unwrap(),
    )
    .unwrap();
    let cases: [(&str, &[u8], &str); 3] = [
        (
            "bad.swagger.json",
            b"{\n  \"swagger\": \"2.0\",\n  \"paths\": {\n    \"a\" 1\n  }\n}\n",
            "bad.swagger.json:4:",
        ),
        (
            "bad.swagger.yaml",
            b"swagger: '2.0'\npaths:\n  a: [1, 2\n",
            "bad.swagger.yaml:",
        ),
        (
            "nested.swagger.json",
            &[b'['; 5000],
            "nested.swagger.json:1:",
        ),
    ];
    for (name, text, at) in cases {
        let p = t.path().join(name);
        std::fs::write(&p, text).unwrap();
        let args = ["diff", good.to_str().unwrap(), p.to_str().unwrap()];
        let (o, out, err) = run(t.path(), &args);
        assert_eq!(o.status.code(), Some(2), "{name}");
        assert!(out.is_empty());
        let line = err.lines().next().unwrap_or("");
        assert!(line.contains(at), "{name}: {err}");
        // line:column follow the path: "name:L:C: cannot be read".
        let after = &line[line.find(name).unwrap() + name.len()..];
        let nums: Vec<&str> = after.split(':').skip(1).take(2).collect();
        assert!(
            nums.len() == 2 && nums.iter().all(|n| n.parse::<usize>().is_ok()),
            "{name}: {line}"
        );
        let (o, out, _) = run(t.path(), &[&args[..], &["--format", "json"]].concat());
        assert_eq!(o.status.code(), Some(2));
        let v: Value = serde_json::from_str(&out).expect("a JSON error document");
        assert_eq!(v["status"], "error");
        assert_eq!(v["error"]["kind"], "parse", "{v}");
        assert!(v["error"]["message"].as_str().unwrap().contains(at), "{v}");
    }
    // Usage and I/O errors of diff and verify-package, as JSON documents.
    let g = good.to_str().unwrap();
    for (args, kind) in [
        (vec!["diff", g, "absent.json"], "io"),
        (vec!["diff", g], "usage"),
        (vec!["diff", g, g, "--accept", "absent.toml"], "io"),
        (vec!["verify-package", "absent.zip"], "io"),
        (
            vec!["verify-package", "x.zip", "--against", "absent"],
            "usage",
        ),
    ] {
        let (o, out, err) = run(t.path(), &[&args[..], &["--format", "json"]].concat());
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        let v: Value = serde_json::from_str(&out)
            .unwrap_or_else(|e| panic!("{args:?}: not one JSON document ({e}): {out:?}"));
        assert_eq!(v["error"]["kind"], kind, "{args:?}: {v}");
        assert!(err.starts_with("error: "), "{err}");
    }
}

/// A zip holding one entry named `name` (stored; any bytes in the name), written by hand: the
/// zip crate will not write some of these names.
fn zip_with_entry(name: &str) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    w.start_file(name, zip::write::SimpleFileOptions::default())
        .unwrap();
    std::io::Write::write_all(&mut w, b"x").unwrap();
    w.finish().unwrap().into_inner()
}

/// Issue 23: a refusal of verify-package names the entry it refused. An entry name holding a
/// line break (`\n`, `\r`, `\r\n`, U+2028, U+2029) and then text that passes for connkit's own
/// line, a workflow command or an Azure logging command stays on connkit's one line, escaped,
/// in text and in JSON (where the data is kept exactly).
#[test]
fn verify_package_refusals_forge_no_line() {
    let t = tempfile::tempdir().unwrap();
    let lines = [
        "\nFORGED: verify-package found no problem",
        "\r::error::FORGED",
        "\r\n##vso[task.complete result=Succeeded]FORGED",
        "\u{2028}FORGED: u2028",
        "\u{2029}::warning::FORGED",
        "\u{1b}]0;title\u{7}\u{1b}[2K\rFORGED: ansi",
    ];
    for (i, tail) in lines.iter().enumerate() {
        // A name refused for its parent folder (always), and one refused for its control
        // characters (a name with only U+2028 is not refused: its findings name it).
        for (name, refused) in [
            (format!("../x{tail}.md"), true),
            (format!("intro{tail}.md"), !tail.starts_with('\u{2028}')),
        ] {
            let file = format!("p{i}.zip");
            std::fs::write(t.path().join(&file), zip_with_entry(&name)).unwrap();
            for format in ["text", "json"] {
                let (o, out, err) = run(t.path(), &["verify-package", &file, "--format", format]);
                assert_inert(format, &out, &[]);
                assert_inert(format, &err, &[]);
                if !refused {
                    assert!(matches!(o.status.code(), Some(1 | 2)), "{name:?}: {err}");
                    continue;
                }
                assert_eq!(o.status.code(), Some(2), "{name:?}: {err}");
                assert_eq!(err.lines().count(), 1, "{name:?}: one line:\n{err}");
                assert!(err.starts_with("error: refusing the package: "), "{err}");
                if format == "json" {
                    let v: Value = serde_json::from_str(&out).expect("one JSON document");
                    assert_eq!(v["error"]["kind"], "refused", "{v}");
                    let at = v["error"]["path_in_package"].as_str().unwrap();
                    assert!(at.ends_with(&name), "the data is kept: {at:?} {name:?}");
                }
            }
        }
    }
}

/// Issue 23: a package that is accepted but whose entry names hold line breaks: the findings
/// and the summary name them escaped.
#[test]
fn verify_package_findings_forge_no_line() {
    let t = tempfile::tempdir().unwrap();
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for entry in [
        format!("intro{}.md", "\u{2028}FORGED: x"),
        "readme.md".into(),
    ] {
        w.start_file(entry, zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut w, b"hello").unwrap();
    }
    let bytes = w.finish().unwrap().into_inner();
    let name = "pkg\u{2028}FORGED: name.zip";
    std::fs::write(t.path().join(name), bytes).unwrap();
    for format in ["text", "json"] {
        let (o, out, err) = run(t.path(), &["verify-package", name, "--format", format]);
        assert!(matches!(o.status.code(), Some(1 | 2)), "{err}");
        assert_inert(format, &out, &[]);
        assert_inert(format, &err, &[]);
    }
}

/// Issue 23: with `--format json`, an argument clap refuses (an unknown flag, a missing
/// required argument, a bad value) is one JSON error document on stdout (`kind` "usage", as
/// every other error), with clap's own message on stderr and exit status 2; `--help` is not
/// an error.
#[test]
fn usage_errors_under_format_json_are_json_documents() {
    let t = tempfile::tempdir().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &["lint", "--format", "json", "--no-such-flag"],
            "--no-such-flag",
        ),
        (
            &["lint", "--format=json", "--fail-on", "sometimes"],
            "sometimes",
        ),
        (&["verify-package", "--format", "json"], "<FILE>"),
        (&["rules", "--format", "json", "--nope"], "--nope"),
        (&["diff", "--format", "json"], "required"),
        (&["submit", "x.zip", "--format", "json"], "--product-id"),
        (
            &["lint", "--no-such-flag", "--format", "json"],
            "--no-such-flag",
        ),
    ];
    for (args, words) in cases {
        let (o, out, err) = run(t.path(), args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        let v: Value = serde_json::from_str(&out)
            .unwrap_or_else(|e| panic!("{args:?}: not one JSON document ({e}): {out:?}"));
        assert_eq!(v["schema_version"], 1, "{v}");
        assert_eq!(v["status"], "error", "{v}");
        assert_eq!(v["error"]["kind"], "usage", "{v}");
        let m = v["error"]["message"].as_str().unwrap();
        assert!(m.contains(words), "{args:?}: {m}");
        assert!(!m.starts_with("error:"), "{m}");
        assert!(
            err.starts_with("error: "),
            "clap's message stays on stderr: {err}"
        );
    }
    // Without JSON, clap's message alone; --help is not an error.
    let (o, out, err) = run(t.path(), &["lint", "--no-such-flag"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        out.is_empty() && err.contains("--no-such-flag"),
        "{out}{err}"
    );
    let (o, out, _) = run(t.path(), &["lint", "--format", "json", "--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(out.contains("Usage:"), "{out}");
}
