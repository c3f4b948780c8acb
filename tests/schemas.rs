//! The JSON Schemas in schemas/ work where users use them (VS Code, ajv, Python's
//! jsonschema): every `pattern` and `patternProperties` key is an ECMA-262 regular
//! expression without the features other engines lack (inline flags such as `(?i)`,
//! lookbehind, atomic groups, `\A`/`\Z`, possessive quantifiers, Python-style named groups).
//! With node installed, each pattern is also compiled by a real ECMAScript engine.

#[path = "support/skip.rs"]
mod skip;

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
        skip::skipped("node is not installed (the ECMA-262 subset check above still ran)");
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

// --- settings.schema.json: paconn's settings.json -------------------------------------------

fn settings_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schemas/settings.schema.json")).unwrap(),
    )
    .unwrap();
    jsonschema::draft7::new(&schema).expect("settings.schema.json compiles as draft-07")
}

/// The instance paths the schema refuses in `doc` (empty: valid).
fn settings_errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{} ({e})", e.instance_path().as_str()))
        .collect()
}

/// Every `settings.json` under `dir` (any depth), sorted.
fn settings_files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.file_name().is_some_and(|n| n == "settings.json") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Parse as connkit does: a UTF-8 BOM is tolerated.
fn read_json(p: &Path) -> Value {
    let text = std::fs::read_to_string(p).unwrap();
    serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

const GOOD_SETTINGS: &str = r#"{
  "connectorId": "shared_contoso-20tasks-5f1e2d3c4b5a6978",
  "environment": "7d9e2c1a-0b7e-4c55-9d1e-2f3a4b5c6d7e",
  "apiProperties": "apiProperties.json",
  "apiDefinition": "apiDefinition.swagger.json",
  "icon": "icon.png",
  "script": "script.csx",
  "powerAppsUrl": "https://api.powerapps.com",
  "powerAppsApiVersion": "2016-11-01",
  "flowUrl": "https://api.flow.microsoft.com",
  "flowApiVersion": "2016-11-01"
}"#;

#[test]
fn settings_schema_accepts_the_shipped_settings_files_and_a_full_one() {
    let v = settings_validator();
    let good: Value = serde_json::from_str(GOOD_SETTINGS).unwrap();
    assert_eq!(settings_errors(&v, &good), Vec::<String>::new());
    // paconn's minimal file (only what `paconn create` writes back) is valid too.
    let minimal = serde_json::json!({"connectorId": "shared_x", "environment": "7d9e2c1a-0b7e-4c55-9d1e-2f3a4b5c6d7e"});
    assert_eq!(settings_errors(&v, &minimal), Vec::<String>::new());

    let shipped = settings_files_under(&root().join("connectors"));
    for p in &shipped {
        let errors = settings_errors(&v, &read_json(p));
        assert!(errors.is_empty(), "{}: {errors:?}", p.display());
    }
    eprintln!(
        "settings.schema.json: {} settings.json under connectors/ validated",
        shipped.len()
    );
}

#[test]
fn settings_schema_rejects_the_broken_fixture_and_each_bad_value() {
    let v = settings_validator();
    // The fixture the CLI tests use for SettingsValueNotValid: `environment` is a name.
    let fixture = read_json(&root().join("tests/fixtures/artifact-errors/settings.json"));
    let errors = settings_errors(&v, &fixture);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with("/environment "), "{errors:?}");

    let good: Value = serde_json::from_str(GOOD_SETTINGS).unwrap();
    let bad: &[(&str, Value, &str)] = &[
        (
            "environment",
            "7D9E2C1A-0B7E-4C55-9D1E-2F3A4B5C6D7E".into(),
            "/environment",
        ),
        ("environment", "Default-1234".into(), "/environment"),
        ("powerAppsUrl", "api.powerapps.com".into(), "/powerAppsUrl"),
        (
            "flowUrl",
            "https://api.flow microsoft.com".into(),
            "/flowUrl",
        ),
        ("flowUrl", "ftp://api.flow.microsoft.com".into(), "/flowUrl"),
        (
            "powerAppsApiVersion",
            "2020-01-01".into(),
            "/powerAppsApiVersion",
        ),
        ("flowApiVersion", 20161101.into(), "/flowApiVersion"),
        ("apiDefinition", 1.into(), "/apiDefinition"),
        ("enviroment", "x".into(), ""),
    ];
    for (key, value, at) in bad {
        let mut doc = good.clone();
        doc[*key] = value.clone();
        let errors = settings_errors(&v, &doc);
        assert!(
            errors.iter().any(|e| e.starts_with(&format!("{at} "))),
            "{key} = {value} should be refused at '{at}': {errors:?}"
        );
    }
    assert!(!settings_errors(&v, &serde_json::json!(["not", "an", "object"])).is_empty());
}

/// The schema and connkit's settings rules agree: a document is schema-valid exactly when
/// `connkit lint` reports neither SettingsKeyUnknown nor SettingsValueNotValid on it.
#[test]
fn settings_schema_agrees_with_the_settings_rules() {
    let v = settings_validator();
    let good: Value = serde_json::from_str(GOOD_SETTINGS).unwrap();
    let mut cases: Vec<Value> = vec![good.clone(), serde_json::json!({})];
    for (key, value) in [
        ("environment", Value::from("Default-1234")),
        (
            "environment",
            Value::from("7D9E2C1A-0B7E-4C55-9D1E-2F3A4B5C6D7E"),
        ),
        ("powerAppsUrl", Value::from("api.powerapps.com")),
        ("flowUrl", Value::from("http://localhost:8080/x")),
        ("flowApiVersion", Value::from("2016-11-02")),
        ("icon", Value::Null),
        ("script", Value::from(false)),
        ("connectorid", Value::from("shared_x")),
    ] {
        let mut doc = good.clone();
        doc[key] = value;
        cases.push(doc);
    }
    let sample = root().join("connectors/custom-connectors/EchoTools");
    let (mut accepted, mut refused) = (0, 0);
    for doc in cases {
        let tmp = tempfile::tempdir().unwrap();
        for e in std::fs::read_dir(&sample).unwrap().flatten() {
            std::fs::copy(e.path(), tmp.path().join(e.file_name())).unwrap();
        }
        std::fs::write(
            tmp.path().join("settings.json"),
            serde_json::to_string_pretty(&doc).unwrap(),
        )
        .unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_connkit"))
            .args(["lint", "--format", "json"])
            .arg(tmp.path())
            .output()
            .unwrap();
        let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!("{e}: {}", String::from_utf8_lossy(&out.stdout));
        });
        let settings_findings: Vec<&Value> = report["connectors"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["code"] == "SettingsKeyUnknown" || f["code"] == "SettingsValueNotValid")
            .collect();
        let schema_errors = settings_errors(&v, &doc);
        assert_eq!(
            schema_errors.is_empty(),
            settings_findings.is_empty(),
            "schema and rules disagree on {doc}:\nschema: {schema_errors:?}\nrules: {settings_findings:?}"
        );
        if schema_errors.is_empty() {
            accepted += 1;
        } else {
            refused += 1;
        }
    }
    // Both sides of the agreement were exercised.
    assert_eq!((accepted, refused), (4, 6));
}

/// The real-world corpus beside the repository (`../shared/corpus`), when it is there.
#[test]
fn settings_schema_accepts_the_corpus_settings_files() {
    let corpus = root().join("../shared/corpus/connectors");
    if !corpus.is_dir() {
        skip::skipped("../shared/corpus is absent (settings.json of real connectors)");
        return;
    }
    let files = settings_files_under(&corpus);
    if files.is_empty() {
        skip::skipped("../shared/corpus holds no settings.json");
        return;
    }
    let v = settings_validator();
    let bad: Vec<String> = files
        .iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).ok()?;
            let doc: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).ok()?;
            let errors = settings_errors(&v, &doc);
            (!errors.is_empty()).then(|| format!("{}: {errors:?}", p.display()))
        })
        .collect();
    eprintln!("corpus: {} settings.json checked", files.len());
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
