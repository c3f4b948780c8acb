//! The JSON Schemas in schemas/ work where users use them (VS Code, ajv, Python's
//! jsonschema): every `pattern` and `patternProperties` key is an ECMA-262 regular
//! expression without the features other engines lack (inline flags such as `(?i)`,
//! lookbehind, atomic groups, `\A`/`\Z`, possessive quantifiers, Python-style named groups).
//! With node installed, each pattern is also compiled by a real ECMAScript engine.

use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn schema_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("schemas"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn collect(v: &Value, at: &str, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                let here = format!("{at}/{k}");
                if k == "pattern"
                    && let Some(p) = child.as_str()
                {
                    out.push((here.clone(), p.to_string()));
                }
                if k == "patternProperties"
                    && let Some(props) = child.as_object()
                {
                    for key in props.keys() {
                        out.push((format!("{here}/{key}"), key.clone()));
                    }
                }
                collect(child, &here, out);
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                collect(child, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// Why `p` is outside the portable ECMA-262 subset, if it is.
fn non_ecma(p: &str) -> Option<&'static str> {
    let bad: &[(&str, &str)] = &[
        ("(?i", "inline flag"),
        ("(?m", "inline flag"),
        ("(?s", "inline flag"),
        ("(?x", "inline flag"),
        ("(?u", "inline flag"),
        ("(?-", "inline flag"),
        ("(?<=", "lookbehind"),
        ("(?<!", "lookbehind"),
        ("(?>", "atomic group"),
        ("(?P", "Python-style group"),
        ("(?#", "comment group"),
        ("\\A", "\\A anchor"),
        ("\\Z", "\\Z anchor"),
        ("\\z", "\\z anchor"),
        ("*+", "possessive quantifier"),
        ("++", "possessive quantifier"),
        ("?+", "possessive quantifier"),
        ("[[:", "POSIX class"),
    ];
    bad.iter().find(|(s, _)| p.contains(s)).map(|(_, why)| *why)
}

fn all_patterns() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for f in schema_files() {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        collect(&v, &name, &mut out);
    }
    out
}

#[test]
fn every_schema_pattern_is_portable_ecma_262() {
    let patterns = all_patterns();
    assert!(patterns.len() > 3, "{patterns:?}");
    let bad: Vec<String> = patterns
        .iter()
        .filter_map(|(at, p)| non_ecma(p).map(|why| format!("{at}: {p} ({why})")))
        .collect();
    assert!(
        bad.is_empty(),
        "patterns other engines refuse:\n{}",
        bad.join("\n")
    );
    // And Rust's regex crate (connkit's own validation) accepts them.
    for (at, p) in &patterns {
        assert!(regex::Regex::new(p).is_ok(), "{at}: {p}");
    }
}

#[test]
fn the_checker_catches_what_ajv_and_python_refuse() {
    assert_eq!(non_ecma("^(?i)propertyname$"), Some("inline flag"));
    assert_eq!(non_ecma("(?<=a)b"), Some("lookbehind"));
    assert_eq!(non_ecma("^[Pp]ropertyname$"), None);
}

#[test]
fn every_schema_pattern_compiles_in_an_ecmascript_engine() {
    let patterns: Vec<String> = all_patterns().into_iter().map(|(_, p)| p).collect();
    let script = "const ps = JSON.parse(require('fs').readFileSync(0, 'utf8'));\
                  const bad = [];\
                  for (const p of ps) { try { new RegExp(p, 'u'); } catch (e) { bad.push(p + ': ' + e.message); } }\
                  if (bad.length) { console.error(bad.join('\\n')); process.exit(1); }";
    let child = std::process::Command::new("node")
        .args(["-e", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        eprintln!("skipped: node is not installed (the ECMA-262 subset check above still ran)");
        return;
    };
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(serde_json::to_string(&patterns).unwrap().as_bytes())
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
