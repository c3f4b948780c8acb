//! `--format junit` against Jenkins' JUnit schema (schemas/jenkins-junit-10.xsd, the xUnit
//! plugin's JUnit XSD): with `xmllint --schema` where it is installed, and always with a
//! structural check written here (well-formed XML, the XSD's element nesting and required
//! attributes, counts that agree). No XML crate is in Cargo.lock, so the check is local.

#[path = "support/skip.rs"]
mod skip;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::json;

const BROKEN: &str = "connectors/broken/structural-errors";
const CLEAN: &str = "connectors/custom-connectors/EchoTools";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `connkit lint ARGS --format junit` from `dir`: (stdout, exit code).
fn junit(dir: &Path, args: &[&str]) -> (String, i32) {
    let o = Command::cargo_bin("connkit")
        .unwrap()
        .env("NO_COLOR", "1")
        .current_dir(dir)
        .arg("lint")
        .args(args)
        .args(["--format", "junit"])
        .output()
        .unwrap();
    let code = o.status.code().unwrap_or(-1);
    assert!(
        code == 0 || code == 1,
        "exit {code}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    (String::from_utf8(o.stdout).unwrap(), code)
}

// ---------------------------------------------------------------- xmllint

fn xmllint() -> Option<PathBuf> {
    let ok = std::process::Command::new("xmllint")
        .arg("--version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    ok.then(|| PathBuf::from("xmllint"))
}

/// Validates against the vendored XSD with xmllint; false (and a visible note) when absent.
fn xmllint_validates(name: &str, xml: &str) -> bool {
    let Some(bin) = xmllint() else {
        skip::skipped(
            "xmllint not installed (apt-get install libxml2-utils); the structural check still ran",
        );
        return false;
    };
    let t = tempfile::tempdir().unwrap();
    let file = t.path().join(format!("{name}.xml"));
    std::fs::write(&file, xml).unwrap();
    let o = std::process::Command::new(bin)
        .args(["--noout", "--schema"])
        .arg(root().join("schemas/jenkins-junit-10.xsd"))
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "{name}: rejected by Jenkins' JUnit XSD:\n{}\n{xml}",
        String::from_utf8_lossy(&o.stderr)
    );
    true
}

// ---------------------------------------------------------------- structural check

#[derive(Debug)]
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Element>,
    text: String,
}

impl Element {
    fn attr(&self, n: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == n)
            .map(|(_, v)| v.as_str())
    }
}

fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Resolves entity and character references; errors on a bare `&` or an unknown entity.
fn unescape(s: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let end = rest[i..]
            .find(';')
            .ok_or_else(|| format!("bare & in {s:?}"))?;
        let name = &rest[i + 1..i + end];
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            n if n.starts_with("#x") => u32::from_str_radix(&n[2..], 16)
                .ok()
                .and_then(char::from_u32)
                .ok_or_else(|| format!("bad reference &{n};"))?,
            n if n.starts_with('#') => n[1..]
                .parse::<u32>()
                .ok()
                .and_then(char::from_u32)
                .ok_or_else(|| format!("bad reference &{n};"))?,
            n => return Err(format!("unknown entity &{n};")),
        };
        if !xml_char(c) {
            return Err(format!("reference to a character XML cannot hold: {c:?}"));
        }
        out.push(c);
        rest = &rest[i + end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
        && !s.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '.')
}

/// A strict parser for the subset connkit writes (a prolog, elements, attributes, text, no
/// comments, CDATA or DTD): anything else, or anything not well-formed, is an error.
fn parse(doc: &str) -> Result<Element, String> {
    if let Some(c) = doc.chars().find(|c| !xml_char(*c)) {
        return Err(format!("a character XML 1.0 cannot hold: {c:?}"));
    }
    let body = doc
        .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .ok_or("no XML declaration")?;
    let mut stack: Vec<Element> = Vec::new();
    let mut root = None;
    let mut rest = body;
    loop {
        let lt = rest.find('<');
        let text = &rest[..lt.unwrap_or(rest.len())];
        if text.contains('>') && !text.contains("&gt;") && stack.is_empty() {
            return Err(format!("stray text {text:?}"));
        }
        let text = unescape(text)?;
        match stack.last_mut() {
            Some(e) => e.text.push_str(&text),
            None if !text.trim().is_empty() => {
                return Err(format!("text outside the root: {text:?}"));
            }
            None => {}
        }
        let Some(lt) = lt else { break };
        rest = &rest[lt + 1..];
        let gt = rest.find('>').ok_or("unclosed tag")?;
        let tag = &rest[..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let e = stack.pop().ok_or("close tag without an open one")?;
            if e.name != name {
                return Err(format!("<{}> closed by </{name}>", e.name));
            }
            match stack.last_mut() {
                Some(p) => p.children.push(e),
                None => {
                    root = Some(e)
                        .filter(|_| root.is_none())
                        .ok_or("two roots")?
                        .into()
                }
            }
            continue;
        }
        let (tag, empty) = match tag.strip_suffix('/') {
            Some(t) => (t, true),
            None => (tag, false),
        };
        let name_end = tag.find(char::is_whitespace).unwrap_or(tag.len());
        let name = &tag[..name_end];
        if !is_name(name) {
            return Err(format!("bad element name {name:?}"));
        }
        let mut attrs: Vec<(String, String)> = Vec::new();
        let mut a = tag[name_end..].trim_start();
        while !a.is_empty() {
            let eq = a
                .find('=')
                .ok_or_else(|| format!("attribute without value in <{name}>"))?;
            let key = &a[..eq];
            if !is_name(key) {
                return Err(format!("bad attribute name {key:?} in <{name}>"));
            }
            let q = a[eq + 1..]
                .chars()
                .next()
                .ok_or("attribute without value")?;
            if q != '"' && q != '\'' {
                return Err(format!("unquoted attribute {key} in <{name}>"));
            }
            let v_start = eq + 2;
            let v_end = a[v_start..]
                .find(q)
                .ok_or_else(|| format!("unterminated attribute {key}"))?
                + v_start;
            let raw = &a[v_start..v_end];
            if raw.contains('<') {
                return Err(format!("'<' in attribute {key}"));
            }
            if attrs.iter().any(|(k, _)| k == key) {
                return Err(format!("duplicate attribute {key} in <{name}>"));
            }
            if raw.contains(['\n', '\r', '\t']) {
                return Err(format!(
                    "raw line break or tab in attribute {key} of <{name}> (parsers turn it into a space): {raw:?}"
                ));
            }
            attrs.push((key.to_string(), unescape(raw)?));
            let after = &a[v_end + 1..];
            if !after.is_empty() && !after.starts_with(char::is_whitespace) {
                return Err(format!("no space between attributes in <{name}>"));
            }
            a = after.trim_start();
        }
        let e = Element {
            name: name.to_string(),
            attrs,
            children: Vec::new(),
            text: String::new(),
        };
        if empty {
            match stack.last_mut() {
                Some(p) => p.children.push(e),
                None => return Err("an empty root".into()),
            }
        } else {
            stack.push(e);
        }
    }
    if let Some(e) = stack.last() {
        return Err(format!("<{}> never closed", e.name));
    }
    root.ok_or_else(|| "no root element".into())
}

/// The XSD's nesting and required attributes, and the counts a dashboard shows.
fn check_junit(root: &Element) -> Result<(), String> {
    fn allowed(parent: &str) -> &'static [&'static str] {
        match parent {
            "testsuites" => &["testsuite"],
            "testsuite" => &[
                "testsuite",
                "properties",
                "testcase",
                "system-out",
                "system-err",
            ],
            "properties" => &["property"],
            "testcase" => &["skipped", "error", "failure", "system-out", "system-err"],
            _ => &[],
        }
    }
    fn required(name: &str) -> &'static [&'static str] {
        match name {
            "testsuite" => &["name", "tests", "failures", "errors"],
            "testcase" => &["name"],
            "property" => &["name", "value"],
            "failure" | "error" | "skipped" => &["type"],
            _ => &[],
        }
    }
    fn walk(e: &Element) -> Result<(), String> {
        for r in required(e.name.as_str()) {
            e.attr(r)
                .ok_or_else(|| format!("<{}> without {r}", e.name))?;
        }
        let ok = allowed(e.name.as_str());
        if ok.is_empty() && !e.children.is_empty() {
            return Err(format!("<{}> holds elements", e.name));
        }
        if !ok.is_empty() && !e.text.trim().is_empty() {
            return Err(format!("text inside <{}>: {:?}", e.name, e.text));
        }
        for c in &e.children {
            if !ok.contains(&c.name.as_str()) {
                return Err(format!("<{}> inside <{}>", c.name, e.name));
            }
            walk(c)?;
        }
        Ok(())
    }
    if root.name != "testsuites" {
        return Err(format!("root is <{}>", root.name));
    }
    walk(root)?;
    let (mut tests, mut failures) = (0usize, 0usize);
    for s in &root.children {
        let cases: Vec<&Element> = s.children.iter().filter(|c| c.name == "testcase").collect();
        let failed = cases
            .iter()
            .filter(|c| c.children.iter().any(|f| f.name == "failure"))
            .count();
        if s.attr("tests") != Some(cases.len().to_string().as_str()) {
            return Err(format!(
                "tests={:?} for {} cases",
                s.attr("tests"),
                cases.len()
            ));
        }
        if s.attr("failures") != Some(failed.to_string().as_str()) {
            return Err(format!(
                "failures={:?} for {failed} failed cases",
                s.attr("failures")
            ));
        }
        tests += cases.len();
        failures += failed;
    }
    if root.attr("tests") != Some(tests.to_string().as_str())
        || root.attr("failures") != Some(failures.to_string().as_str())
    {
        return Err(format!(
            "totals {:?} for {tests} tests, {failures} failures",
            root.attrs
        ));
    }
    Ok(())
}

/// Both checks; returns the parsed document.
fn validate(name: &str, xml: &str) -> Element {
    let root = parse(xml).unwrap_or_else(|e| panic!("{name}: not well-formed: {e}\n{xml}"));
    check_junit(&root).unwrap_or_else(|e| panic!("{name}: {e}\n{xml}"));
    xmllint_validates(name, xml);
    root
}

fn failures(root: &Element) -> Vec<&Element> {
    root.children
        .iter()
        .flat_map(|s| &s.children)
        .flat_map(|c| &c.children)
        .filter(|f| f.name == "failure")
        .collect()
}

// ---------------------------------------------------------------- tests

#[test]
fn the_structural_check_rejects_what_jenkins_rejects() {
    let ok = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites tests=\"1\" failures=\"0\"><testsuite name=\"a\" tests=\"1\" failures=\"0\" errors=\"0\"><testcase name=\"x\"/></testsuite></testsuites>\n";
    check_junit(&parse(ok).unwrap()).unwrap();
    for bad in [
        ok.replace("name=\"a\"", "name=\"a&b\""),
        ok.replace("name=\"a\"", "name=\"a<b\""),
        ok.replace("name=\"a\"", "name=\"a\nb\""),
        ok.replace("name=\"a\"", "name=\"a\u{1}\""),
        ok.replace("<testcase name=\"x\"/>", "<testcase name=\"x\">"),
        ok.replace("<testcase name=\"x\"/>", "<failure type=\"e\"/>"),
        ok.replace(" errors=\"0\"", ""),
        ok.replace(
            "tests=\"1\" failures=\"0\" errors",
            "tests=\"2\" failures=\"0\" errors",
        ),
    ] {
        let r = parse(&bad).and_then(|e| check_junit(&e));
        assert!(r.is_err(), "accepted: {bad}");
    }
    if let Some(bin) = xmllint() {
        // The vendored schema is the real one: it refuses a testcase without a name.
        let t = tempfile::tempdir().unwrap();
        let f = t.path().join("bad.xml");
        std::fs::write(&f, ok.replace("<testcase name=\"x\"/>", "<testcase/>")).unwrap();
        let o = std::process::Command::new(bin)
            .args(["--noout", "--schema"])
            .arg(root().join("schemas/jenkins-junit-10.xsd"))
            .arg(&f)
            .output()
            .unwrap();
        assert!(!o.status.success());
    } else {
        skip::skipped("xmllint not installed (apt-get install libxml2-utils)");
    }
}

#[test]
fn junit_of_the_samples_is_valid_for_jenkins() {
    let (xml, code) = junit(root(), &[CLEAN]);
    assert_eq!(code, 0);
    let doc = validate("clean", &xml);
    assert!(failures(&doc).is_empty(), "{xml}");
    let (xml, code) = junit(root(), &[BROKEN]);
    assert_eq!(code, 1);
    let doc = validate("findings", &xml);
    assert!(!failures(&doc).is_empty(), "{xml}");
    // --fail-on never: exit 0, and no test fails either; the findings are still listed.
    let (xml, code) = junit(root(), &[BROKEN, "--fail-on", "never"]);
    assert_eq!(code, 0);
    let doc = validate("fail-on-never", &xml);
    assert!(failures(&doc).is_empty(), "{xml}");
    assert!(xml.contains("<system-out>"), "{xml}");
    // Several connectors in one document.
    let (xml, _) = junit(root(), &[BROKEN, CLEAN]);
    assert_eq!(validate("two", &xml).children.len(), 2);
}

/// Markup, quotes, ampersands, control characters, log commands and line breaks in the
/// connector's folder name and in its definition (which the messages quote).
#[test]
fn hostile_text_and_newlines_stay_valid_junit() {
    let hostile =
        "<x a=\"1\">&amp; 'q' ]]> \u{1b}[31m ##vso[task.setvariable variable=L]1 ::error::P\u{7}";
    let t = tempfile::tempdir().unwrap();
    let mut folder = "c <&\"'>".to_string();
    if cfg!(unix) {
        folder.push_str("\n::error::x");
    }
    let dir = t.path().join(&folder);
    std::fs::create_dir_all(&dir).unwrap();
    let op = |id: &str| json!({"operationId": id, "summary": hostile, "description": format!("line one\nline two {hostile}"), "responses": {"200": {"description": "ok"}}});
    let def = json!({
        "swagger": "2.0",
        "info": {"title": format!("T {hostile}"), "description": hostile, "version": "1.0"},
        "host": "example.com",
        "basePath": "/",
        "schemes": ["https"],
        "paths": {
            "/a": {"get": op(&format!("dup{hostile}\nsecond line"))},
            "/b": {"get": op(&format!("dup{hostile}\nsecond line"))}
        }
    });
    std::fs::write(
        dir.join("apiDefinition.swagger.json"),
        serde_json::to_vec_pretty(&def).unwrap(),
    )
    .unwrap();
    std::fs::write(
        dir.join("apiProperties.json"),
        serde_json::to_vec_pretty(&json!({"properties": {"iconBrandColor": hostile}})).unwrap(),
    )
    .unwrap();
    for (name, args) in [
        ("hostile", vec![]),
        ("hostile-warning", vec!["--fail-on", "warning"]),
        ("hostile-never", vec!["--fail-on", "never"]),
    ] {
        let mut a = vec![folder.as_str()];
        a.extend(args);
        let (xml, _) = junit(t.path(), &a);
        let doc = validate(name, &xml);
        assert_eq!(doc.children.len(), 1, "{xml}");
        let all_text: Vec<String> = {
            fn collect(e: &Element, out: &mut Vec<String>) {
                out.extend(e.attrs.iter().map(|(_, v)| v.clone()));
                out.push(e.text.clone());
                e.children.iter().for_each(|c| collect(c, out));
            }
            let mut v = Vec::new();
            collect(&doc, &mut v);
            v
        };
        let seen: HashSet<char> = all_text.iter().flat_map(|s| s.chars()).collect();
        for c in ['\u{1b}', '\u{7}', '\r'] {
            assert!(
                !seen.contains(&c),
                "{name}: raw {c:?} reached the report:\n{xml}"
            );
        }
        // The findings are there, with their text intact for the dashboard.
        if name != "hostile-never" {
            assert!(
                failures(&doc).iter().any(|f| f
                    .attr("message")
                    .unwrap()
                    .contains("dup<x a=\"1\">&amp; 'q'")),
                "{name}: the hostile operationId did not round-trip:\n{xml}"
            );
        } else {
            assert!(failures(&doc).is_empty(), "{xml}");
        }
        assert!(
            all_text.iter().any(|s| s.contains("dup")),
            "{name}: the duplicate operationId is not reported:\n{xml}"
        );
    }
}
