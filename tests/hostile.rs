//! Hostile input: every case ends with findings or a clear error, never a crash, and with
//! bounded work (huge files are refused by size, deep nesting by depth, cycles by detection).

#[path = "support/skip.rs"]
mod skip;

use std::path::Path;

use assert_cmd::Command;
use serde_json::{Value, json};

fn lint_json(path: &Path) -> (Value, i32, String) {
    let out = Command::cargo_bin("connkit")
        .unwrap()
        .arg("lint")
        .arg(path)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let code = out.status.code().unwrap_or(-1);
    assert_ne!(
        code,
        101,
        "panicked: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (v, code, String::from_utf8_lossy(&out.stderr).into_owned())
}

fn codes(v: &Value) -> Vec<String> {
    v["connectors"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|c| c["findings"].as_array().cloned().unwrap_or_default())
        .map(|f| f["code"].as_str().unwrap_or("").to_string())
        .collect()
}

fn write_def(dir: &Path, v: &Value) -> std::path::PathBuf {
    let p = dir.join("apiDefinition.swagger.json");
    std::fs::write(&p, serde_json::to_vec_pretty(v).unwrap()).unwrap();
    p
}

fn base() -> Value {
    json!({"swagger": "2.0", "info": {"title": "T", "version": "1"}, "host": "x.com", "paths": {}})
}

#[test]
fn a_100_mb_definition_is_refused_by_size_without_reading_it() {
    let d = tempfile::tempdir().unwrap();
    let f = std::fs::File::create(d.path().join("apiDefinition.swagger.json")).unwrap();
    f.set_len(100 * 1024 * 1024).unwrap(); // sparse: costs no disk
    let (v, code, _) = lint_json(d.path());
    assert_eq!(code, 1);
    assert!(
        codes(&v).contains(&"FileTooLarge".to_string()),
        "{:?}",
        codes(&v)
    );
}

#[test]
fn ten_thousand_levels_of_nesting() {
    let d = tempfile::tempdir().unwrap();
    let mut text = String::from("{\"swagger\": \"2.0\", \"x\": ");
    text.push_str(&"{\"a\": ".repeat(10_000));
    text.push('1');
    text.push_str(&"}".repeat(10_000));
    text.push('}');
    std::fs::write(d.path().join("apiDefinition.swagger.json"), text).unwrap();
    let (v, code, _) = lint_json(d.path());
    assert_eq!(code, 1);
    assert!(codes(&v).contains(&"JsonSyntaxError".to_string()));
}

#[test]
fn ref_cycles_direct_indirect_and_through_parameters() {
    let d = tempfile::tempdir().unwrap();
    let mut def = base();
    def["definitions"] = json!({
        "Self": {"$ref": "#/definitions/Self"},
        "A": {"$ref": "#/definitions/B"},
        "B": {"$ref": "#/definitions/A"},
        "Tree": {"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": "#/definitions/Tree"}}}}
    });
    def["parameters"] = json!({"P": {"$ref": "#/parameters/Q"}, "Q": {"$ref": "#/parameters/P"}});
    def["paths"] = json!({"/a": {"get": {
        "operationId": "GetA",
        "parameters": [{"$ref": "#/parameters/P"}],
        "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/A"}}, "201": {"description": "ok", "schema": {"$ref": "#/definitions/Tree"}}}
    }}});
    write_def(d.path(), &def);
    let (v, _, _) = lint_json(d.path());
    let c = codes(&v);
    assert!(
        c.iter().filter(|x| *x == "SchemaRefLoopNotAllowed").count() >= 3,
        "{c:?}"
    );
    assert!(
        c.contains(&"ParameterRefLoopNotAllowed".to_string()),
        "{c:?}"
    );
    assert!(!c.contains(&"InternalError".to_string()), "{c:?}");
}

#[test]
fn a_hundred_thousand_operations() {
    let d = tempfile::tempdir().unwrap();
    let mut def = base();
    let paths: serde_json::Map<String, Value> = (0..100_000)
        .map(|i| (format!("/r{i}"), json!({"get": {"operationId": format!("Op{i}"), "responses": {"200": {"description": "ok"}}}})))
        .collect();
    def["paths"] = Value::Object(paths);
    write_def(d.path(), &def);
    let (v, _, _) = lint_json(d.path());
    assert_eq!(v["summary"]["connectors"], 1);
    assert!(!codes(&v).contains(&"InternalError".to_string()));
}

/// A minified definition is one line: findings show an excerpt of it around their column,
/// not a copy of the whole document each (which made memory quadratic: a million operations
/// on one line took 24 GB before this was bounded).
#[test]
fn findings_on_a_minified_one_line_definition_show_excerpts() {
    let d = tempfile::tempdir().unwrap();
    let mut def = base();
    let paths: serde_json::Map<String, Value> = (0..3_000)
        .map(|i| (format!("/r{i}"), json!({"get": {"summary": "é"}})))
        .collect();
    def["paths"] = Value::Object(paths);
    let text = serde_json::to_string(&def).unwrap();
    assert!(!text.contains('\n'));
    std::fs::write(d.path().join("apiDefinition.swagger.json"), &text).unwrap();
    let out = Command::cargo_bin("connkit")
        .unwrap()
        .arg("lint")
        .arg(d.path())
        .args(["--format", "text", "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let longest = stdout.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(longest < 400, "an output line of {longest} characters");
    // The caret still points at the finding: the excerpt line and the caret line line up on
    // the last operation's key.
    let lines: Vec<&str> = stdout.lines().collect();
    let i = lines
        .iter()
        .position(|l| l.contains("pointer: /paths/~1r2999/get"))
        .expect("a finding on the last operation");
    let (src, carets) = (lines[i - 2], lines[i - 1]);
    let col = carets.find('^').expect("carets"); // the caret line is ASCII
    let under: String = src.chars().skip(col).take(5).collect();
    assert_eq!(under, "\"get\"", "{src}\n{carets}");
}

#[test]
fn duplicate_keys_last_wins_and_are_reported() {
    let d = tempfile::tempdir().unwrap();
    let text = r#"{"swagger": "2.0", "info": {"title": "T", "version": "1"}, "paths": {
      "/a": {"get": {"operationId": "First", "operationId": "Second", "responses": {"200": {"description": "ok"}}}},
      "/b": {"get": {"operationId": "Second", "responses": {"200": {"description": "ok"}}}}}}"#;
    std::fs::write(d.path().join("apiDefinition.swagger.json"), text).unwrap();
    let (v, _, _) = lint_json(d.path());
    let c = codes(&v);
    assert!(c.contains(&"JsonDuplicateKey".to_string()), "{c:?}");
    // "Second" won on /a, so it now collides with /b.
    assert!(c.contains(&"OperationIdNotUnique".to_string()), "{c:?}");
}

#[test]
fn nul_bytes_and_utf16() {
    let d = tempfile::tempdir().unwrap();
    let nul = d.path().join("nul");
    std::fs::create_dir(&nul).unwrap();
    std::fs::write(nul.join("apiDefinition.swagger.json"), b"{\"swagger\": \"2.0\", \"info\": {\"title\": \"a\x00b\", \"version\": \"1\"}, \"paths\": {}}").unwrap();
    let (v, _, _) = lint_json(&nul);
    assert!(
        codes(&v).contains(&"JsonControlCharacter".to_string()),
        "{:?}",
        codes(&v)
    );

    let u = d.path().join("utf16");
    std::fs::create_dir(&u).unwrap();
    let text = r#"{"swagger": "2.0", "info": {"title": "T", "version": "1"}, "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}}}}}}"#;
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    std::fs::write(u.join("apiDefinition.swagger.json"), bytes).unwrap();
    let (v, _, _) = lint_json(&u);
    let c = codes(&v);
    assert!(c.contains(&"FileEncodingNotUtf8".to_string()), "{c:?}");
    // Decoded and checked all the same.
    assert!(c.contains(&"OperationIdRequired".to_string()), "{c:?}");
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_not_followed() {
    let d = tempfile::tempdir().unwrap();
    let conn = d.path().join("repo/Conn");
    std::fs::create_dir_all(&conn).unwrap();
    write_def(&conn, &base());
    std::os::unix::fs::symlink(d.path().join("repo"), d.path().join("repo/loop")).unwrap();
    std::os::unix::fs::symlink("self", d.path().join("repo/self")).unwrap();
    let (v, _, _) = lint_json(&d.path().join("repo"));
    assert_eq!(v["summary"]["connectors"], 1);
}

#[cfg(unix)]
#[test]
fn unreadable_folder_is_an_io_error_and_others_continue() {
    use std::os::unix::fs::PermissionsExt;
    let d = tempfile::tempdir().unwrap();
    let ok = d.path().join("a/Good");
    let locked = d.path().join("b");
    std::fs::create_dir_all(&ok).unwrap();
    std::fs::create_dir_all(locked.join("Hidden")).unwrap();
    write_def(&ok, &base());
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read_dir(&locked).is_ok() {
        skip::skipped("permissions are not enforced for this user (root)");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        return;
    }
    let (v, code, stderr) = lint_json(d.path());
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(code, 2);
    assert!(
        stderr.contains("Permission denied") || stderr.contains("denied"),
        "{stderr}"
    );
    assert_eq!(v["summary"]["connectors"], 1);
}

#[test]
fn a_path_to_a_file_of_another_kind() {
    let d = tempfile::tempdir().unwrap();
    let png = d.path().join("icon.png");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n").unwrap();
    let out = Command::cargo_bin("connkit")
        .unwrap()
        .arg("lint")
        .arg(&png)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a connector definition"));
}

#[cfg(unix)]
#[test]
fn a_fifo_named_like_a_definition_does_not_block() {
    let d = tempfile::tempdir().unwrap();
    let fifo = d.path().join("apiDefinition.swagger.json");
    let status = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !status.is_ok_and(|s| s.success()) {
        skip::skipped("mkfifo unavailable");
        return;
    }
    let (v, _, _) = lint_json(d.path());
    assert!(
        codes(&v).contains(&"FileUnreadable".to_string()),
        "{:?}",
        codes(&v)
    );
}

#[test]
fn twenty_thousand_inline_suppressions_are_indexed_not_multiplied() {
    let d = tempfile::tempdir().unwrap();
    let mut def = base();
    let mut defs = serde_json::Map::new();
    for i in 0..20_000 {
        defs.insert(
            format!("D{i}"),
            json!({
                "type": "object",
                "properties": {"p": {"$ref": format!("#/definitions/Missing{i}")}},
                "x-connkit-ignore": {"codes": ["SchemaReferenceNotFound"], "reason": "r"}
            }),
        );
    }
    def["definitions"] = Value::Object(defs);
    write_def(d.path(), &def);
    let (v, code, err) = lint_json(d.path());
    assert!(code == 0 || code == 1, "{err}");
    assert!(!codes(&v).contains(&"SchemaReferenceNotFound".to_string()));
    assert_eq!(v["summary"]["suppressed"], 20_000, "{}", v["summary"]);
}

fn deep_yaml() -> String {
    format!(
        "swagger: '2.0'\ninfo:\n  title: T\n  version: '1'\nx: {}{}\n",
        "[".repeat(75_000),
        "]".repeat(75_000)
    )
}

#[test]
fn seventy_five_thousand_levels_of_yaml_flow_nesting_are_refused_by_lint() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("apiDefinition.swagger.yaml"), deep_yaml()).unwrap();
    let (v, code, err) = lint_json(d.path());
    assert_eq!(code, 1, "{err}");
    let findings = &v["connectors"][0]["findings"];
    let f = findings
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "YamlSyntaxError")
        .unwrap_or_else(|| panic!("{findings}"));
    assert!(
        f["message"]
            .as_str()
            .unwrap()
            .contains("nests deeper than 256"),
        "{f}"
    );
    assert_eq!(f["line"], 5, "{f}");
}

#[test]
fn seventy_five_thousand_levels_of_yaml_flow_nesting_are_refused_by_diff() {
    let d = tempfile::tempdir().unwrap();
    let old = d.path().join("old.swagger.yaml");
    let new = d.path().join("new.swagger.yaml");
    std::fs::write(
        &old,
        "swagger: '2.0'\ninfo:\n  title: T\n  version: '1'\npaths: {}\n",
    )
    .unwrap();
    std::fs::write(&new, deep_yaml()).unwrap();
    let out = Command::cargo_bin("connkit")
        .unwrap()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["status"], "error", "{v}");
    let msg = v["error"]["message"].as_str().unwrap();
    assert!(msg.contains("nests deeper than 256"), "{msg}");
}

#[test]
fn a_yaml_definition_with_ten_thousand_findings_has_a_position_for_each() {
    let d = tempfile::tempdir().unwrap();
    let mut text =
        String::from("swagger: '2.0'\ninfo:\n  title: T\n  version: '1'\nhost: x.com\npaths:\n");
    for i in 0..10_000 {
        text.push_str(&format!(
            "  /p{i}:\n    get:\n      responses:\n        '200':\n          description: ok\n"
        ));
    }
    std::fs::write(d.path().join("apiDefinition.swagger.yaml"), text).unwrap();
    let (v, code, err) = lint_json(d.path());
    assert_eq!(code, 1, "{err}");
    let findings = v["connectors"][0]["findings"].as_array().unwrap();
    assert!(findings.len() >= 10_000, "{}", findings.len());
    // Each operation's missing operationId is reported on its own `get:` line.
    let op_ids: Vec<_> = findings
        .iter()
        .filter(|f| f["code"] == "OperationIdRequired")
        .collect();
    assert_eq!(op_ids.len(), 10_000);
    let last = op_ids
        .iter()
        .find(|f| f["pointer"] == "/paths/~1p9999/get")
        .unwrap();
    assert_eq!(last["line"], 7 + 5 * 9_999 + 1, "{last}");
}

/// 40 definitions, each using the previous one twice as properties and once through allOf:
/// 3^40 paths through a 10 KB document.
fn doubling_definitions() -> Value {
    let mut def = base();
    let mut defs = serde_json::Map::new();
    defs.insert(
        "D0".into(),
        json!({"type": "object", "properties": {"x": {"type": "string"}}}),
    );
    for k in 1..40 {
        let r = json!({"$ref": format!("#/definitions/D{}", k - 1)});
        defs.insert(
            format!("D{k}"),
            json!({"type": "object", "required": ["a", "b"], "properties": {"a": r, "b": r},
                   "allOf": [r], "x-ms-dynamic-values": {"operationId": "Fan"}}),
        );
    }
    def["definitions"] = Value::Object(defs);
    def["paths"]["/fan"] = json!({"post": {
        "operationId": "Fan", "summary": "Fan out", "description": "Fans out.",
        "consumes": ["application/json"],
        "parameters": [{"name": "body", "in": "body", "required": true,
                        "schema": {"$ref": "#/definitions/D39"}}],
        "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/D39"}}}
    }});
    def
}

#[test]
fn definitions_that_use_each_other_twice_per_level_are_expanded_in_bounds() {
    let d = tempfile::tempdir().unwrap();
    write_def(d.path(), &doubling_definitions());
    let (v, code, err) = lint_json(d.path());
    assert_eq!(code, 1, "{err}");
    let c = codes(&v);
    assert!(!c.contains(&"InternalError".to_string()), "{c:?}");
    assert!(
        c.contains(&"BodySchemaCountExceedsMaxAllowed".to_string()),
        "{c:?}"
    );
    // One finding per written place, not one per path.
    assert!(c.len() < 500, "{} findings", c.len());
}

#[test]
fn diff_of_definitions_that_use_each_other_twice_per_level_is_bounded() {
    let d = tempfile::tempdir().unwrap();
    let old = doubling_definitions();
    let mut new = old.clone();
    new["definitions"]["D0"]["properties"]["y"] = json!({"type": "integer"});
    new["definitions"]["D0"]["properties"]["x"] = json!({"type": "integer"});
    let (o, n) = (d.path().join("old.json"), d.path().join("new.json"));
    std::fs::write(&o, serde_json::to_vec(&old).unwrap()).unwrap();
    std::fs::write(&n, serde_json::to_vec(&new).unwrap()).unwrap();
    let out = Command::cargo_bin("connkit")
        .unwrap()
        .arg("diff")
        .arg(&o)
        .arg(&n)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let changes = v["changes"].as_array().unwrap();
    let of = |code: &str| changes.iter().filter(|c| c["code"] == code).count();
    // The breaking type change and the added input are found (along the first paths that
    // reach them), and the report stays bounded instead of one entry per path (3^39).
    assert!(of("OutputTypeChanged") >= 1, "{}", v["summary"]);
    assert!(of("InputTypeChanged") >= 1, "{}", v["summary"]);
    assert!(of("OptionalInputAdded") >= 1, "{}", v["summary"]);
    assert!(changes.len() < 50_000, "{} changes", changes.len());
}

#[test]
fn thirty_thousand_parameters_in_one_operation() {
    let d = tempfile::tempdir().unwrap();
    let mut def = base();
    let mut params: Vec<Value> = (0..30_000)
        .map(|i| json!({"name": format!("p{i}"), "in": "query", "type": "string"}))
        .collect();
    // Three exact copies (one with its keys in another order) and a same-name parameter.
    params.push(json!({"name": "p7", "in": "query", "type": "string"}));
    params.push(json!({"type": "string", "in": "query", "name": "p8"}));
    params.push(json!({"name": "p9", "in": "query", "type": "string"}));
    params.push(json!({"name": "p10", "in": "query", "type": "integer"}));
    def["paths"]["/many"] = json!({"get": {
        "operationId": "Many", "summary": "Many", "description": "Many parameters.",
        "parameters": params,
        "responses": {"200": {"description": "ok"}}
    }});
    write_def(d.path(), &def);
    let (v, code, err) = lint_json(d.path());
    assert_eq!(code, 1, "{err}");
    let findings = v["connectors"][0]["findings"].as_array().unwrap();
    let dup: Vec<&str> = findings
        .iter()
        .filter(|f| f["code"] == "OperationParametersAreNotUnique")
        .map(|f| f["pointer"].as_str().unwrap())
        .collect();
    assert_eq!(
        dup,
        [
            "/paths/~1many/get/parameters/30000",
            "/paths/~1many/get/parameters/30001",
            "/paths/~1many/get/parameters/30002"
        ],
        "{:?}",
        codes(&v)
    );
    assert!(!codes(&v).contains(&"InternalError".to_string()));
}

#[test]
fn a_hundred_thousand_link_ref_chain_is_capped_with_one_finding() {
    let d = tempfile::tempdir().unwrap();
    let mut def = base();
    let mut defs = serde_json::Map::new();
    for k in 0..99_999 {
        defs.insert(
            format!("A{k}"),
            json!({"$ref": format!("#/definitions/A{}", k + 1)}),
        );
    }
    defs.insert("A99999".into(), json!({"type": "object"}));
    def["definitions"] = Value::Object(defs);
    def["paths"]["/chain"] = json!({"post": {
        "operationId": "Chain", "summary": "Chain", "description": "A long chain.",
        "consumes": ["application/json"],
        "parameters": [{"name": "body", "in": "body", "schema": {"$ref": "#/definitions/A0"}}],
        "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/A0"}}}
    }});
    write_def(d.path(), &def);
    let (v, code, err) = lint_json(d.path());
    assert_eq!(code, 1, "{err}");
    let findings = v["connectors"][0]["findings"].as_array().unwrap();
    let loops: Vec<&Value> = findings
        .iter()
        .filter(|f| f["code"] == "SchemaRefLoopNotAllowed")
        .collect();
    assert_eq!(loops.len(), 1, "{loops:?}");
    assert_eq!(loops[0]["pointer"], "/definitions/A0/$ref");
    assert!(
        loops[0]["message"]
            .as_str()
            .unwrap()
            .contains("more than 64 references"),
        "{}",
        loops[0]
    );
    assert!(!codes(&v).contains(&"InternalError".to_string()));
}

#[test]
fn lint_of_a_missing_path_is_one_json_error_document() {
    let d = tempfile::tempdir().unwrap();
    let missing = d.path().join("absent");
    let out = Command::cargo_bin("connkit")
        .unwrap()
        .arg("lint")
        .arg(&missing)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["status"], "error", "{v}");
    assert_eq!(v["error"]["kind"], "io", "{v}");
    assert!(v.get("connectors").is_none(), "{v}");
    assert!(
        v["error"]["message"].as_str().unwrap().contains("absent"),
        "{v}"
    );
}

/// Millions of bad values of one kind: one rule lists at most `MAX_FINDINGS_PER_RULE` of them,
/// then says how many more it left out, instead of millions of findings (an 8 MB definition
/// gave 4 million: 1.3 GB of JSON and 4.4 GB of memory).
#[test]
fn millions_of_bad_values_are_listed_up_to_the_cap_then_counted() {
    let d = tempfile::tempdir().unwrap();
    let cap = connkit::rules::MAX_FINDINGS_PER_RULE;
    let mut def = base();
    def["tags"] = Value::from(vec![1; cap + 500]);
    let p = d.path().join("apiDefinition.swagger.json");
    std::fs::write(&p, serde_json::to_vec(&def).unwrap()).unwrap();
    let (v, code, err) = lint_json(d.path());
    assert_eq!(code, 1, "{err}");
    let findings = v["connectors"][0]["findings"].as_array().unwrap();
    let typed: Vec<&Value> = findings
        .iter()
        .filter(|f| f["code"] == "JsonTypeIncorrect")
        .collect();
    assert_eq!(
        typed.len(),
        cap + 1,
        "the cap, plus the one that counts the rest"
    );
    let rest: Vec<&&Value> = typed
        .iter()
        .filter(|f| f["message"].as_str().unwrap().contains("are not listed"))
        .collect();
    assert_eq!(rest.len(), 1);
    assert_eq!(rest[0]["severity"], "error");
    assert!(
        rest[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("at least 1 more JsonTypeIncorrect"),
        "{}",
        rest[0]
    );
    // The listed ones are the first in the document.
    assert!(typed.iter().any(|f| f["pointer"] == "/tags/0"));
    assert!(
        !typed
            .iter()
            .any(|f| f["pointer"] == format!("/tags/{}", cap + 499))
    );
}
