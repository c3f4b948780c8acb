//! Test helpers: build connectors in memory and run one rule on them, and the [`Tester`]
//! every rule file's tests use to name their passing and failing cases (after oxc's
//! `Tester::new(RULE, pass, fail)`), which also snapshots the rendered findings of the first
//! failing case (`src/rules/<area>/snapshots/<Code>.snap`, reviewed with `cargo insta review`).

use serde_json::{Value, json};

pub(crate) use super::Profile;
use super::{Finding, LintOptions, Rule, locate, run_rule};
use crate::model::{Connector, DataFile};

/// A definition that passes the structural rules, for tests to modify.
pub(crate) fn minimal() -> Value {
    json!({
        "swagger": "2.0",
        "info": {"title": "Contoso Tasks", "description": "Manage Contoso tasks and projects from your flows.", "version": "1.0", "contact": {"name": "Contoso", "url": "https://contoso.com", "email": "support@contoso.com"}},
        "host": "api.contoso.com",
        "basePath": "/",
        "schemes": ["https"],
        "consumes": ["application/json"],
        "produces": ["application/json"],
        "paths": {
            "/tasks/{taskId}": {
                "get": {
                    "operationId": "GetTask",
                    "summary": "Get a task",
                    "description": "Gets one task by its identifier.",
                    "parameters": [{"name": "taskId", "in": "path", "required": true, "type": "string", "x-ms-summary": "Task ID", "description": "The task identifier.", "x-ms-url-encoding": "single"}],
                    "responses": {"200": {"description": "OK", "schema": {"$ref": "#/definitions/Task"}}, "default": {"description": "Error"}}
                }
            }
        },
        "definitions": {"Task": {"type": "object", "properties": {"id": {"type": "string", "x-ms-summary": "ID", "description": "The task ID."}}}},
        "securityDefinitions": {},
        "security": []
    })
}

pub(crate) fn data_file(name: &str, text: String) -> DataFile {
    DataFile::from_text(name.into(), name.into(), text, Vec::new(), false)
}

/// A connector folder (not a single file) holding this definition and apiProperties.
pub(crate) fn connector_from(def: Value, props: Option<Value>) -> Connector {
    Connector {
        display: "test".into(),
        definition: Some(data_file(
            "apiDefinition.swagger.json",
            serde_json::to_string_pretty(&def).unwrap(),
        )),
        properties: props.map(|p| {
            data_file(
                "apiProperties.json",
                serde_json::to_string_pretty(&p).unwrap(),
            )
        }),
        ..Default::default()
    }
}

pub(crate) fn run_on(rule: &'static Rule, c: &Connector, profile: Profile) -> Vec<Finding> {
    let cx = super::Context::new(c, profile);
    let _ = LintOptions::default();
    locate(c, run_rule(rule, rule.severity, &cx))
}

/// Run a rule on a definition (pretty-printed) as a lone file, with the custom profile.
pub(crate) fn run(rule: &'static Rule, def: Value) -> Vec<Finding> {
    run_profile(rule, def, Profile::Custom)
}

pub(crate) fn run_profile(rule: &'static Rule, def: Value, profile: Profile) -> Vec<Finding> {
    let mut c = connector_from(def, None);
    c.single_file = true;
    run_on(rule, &c, profile)
}

/// The pointers of the findings, for compact assertions.
pub(crate) fn pointers(f: &[Finding]) -> Vec<&str> {
    f.iter().map(|f| f.pointer.as_str()).collect()
}

/// Apply a JSON merge patch (RFC 7386) to a value: `null` deletes.
pub(crate) fn patch(mut base: Value, p: Value) -> Value {
    merge(&mut base, p);
    base
}

fn merge(base: &mut Value, p: Value) {
    match p {
        Value::Object(m) => {
            if !base.is_object() {
                *base = json!({});
            }
            let b = base.as_object_mut().unwrap();
            for (k, v) in m {
                if v.is_null() {
                    b.remove(&k);
                } else {
                    merge(b.entry(k).or_insert(Value::Null), v);
                }
            }
        }
        other => *base = other,
    }
}

/// One input of a rule: a connector and the profile it is linted with.
///
/// Built from what the tests have at hand: a definition (`Value`, linted as a lone
/// file) or its raw text (`&str`), a [`Connector`], or either with a profile
/// (`(value, Profile::Certified)`); the profile is `custom` unless given.
pub(crate) struct Case {
    connector: Connector,
    profile: Profile,
}

impl Case {
    pub(crate) fn new(connector: Connector, profile: Profile) -> Case {
        Case { connector, profile }
    }

    /// Run the rule on this case.
    pub(crate) fn run(&self, rule: &'static Rule) -> Vec<Finding> {
        run_on(rule, &self.connector, self.profile)
    }

    /// What the case is, for failure messages: its profile and the start of its definition's
    /// text.
    fn describe(&self) -> String {
        let c = &self.connector;
        let text = c
            .definition
            .as_ref()
            .map(|d| d.text.clone())
            .unwrap_or_default();
        let mut shown: String = text.chars().take(1500).collect();
        if shown.len() < text.len() {
            shown.push('…');
        }
        format!("profile {}: {shown}", self.profile.as_str())
    }
}

impl From<Value> for Case {
    fn from(def: Value) -> Case {
        let mut c = connector_from(def, None);
        c.single_file = true;
        Case::new(c, Profile::Custom)
    }
}

impl From<&str> for Case {
    fn from(text: &str) -> Case {
        let c = Connector {
            display: "test".into(),
            single_file: true,
            definition: Some(data_file("apiDefinition.swagger.json", text.to_string())),
            ..Default::default()
        };
        Case::new(c, Profile::Custom)
    }
}

impl From<String> for Case {
    fn from(text: String) -> Case {
        Case::from(text.as_str())
    }
}

impl From<Connector> for Case {
    fn from(c: Connector) -> Case {
        Case::new(c, Profile::Custom)
    }
}

impl<T: Into<Case>> From<(T, Profile)> for Case {
    fn from((input, profile): (T, Profile)) -> Case {
        let mut case = input.into();
        case.profile = profile;
        case
    }
}

type Check = Box<dyn Fn(&[Finding])>;

/// A failing case: its input and what its findings must be (at least one finding; the
/// pointers, count and further checks when given).
pub(crate) struct Fail {
    case: Case,
    /// The rule run on the case, when not the tester's own (`InternalError`, which only
    /// another rule's panic produces).
    through: Option<&'static Rule>,
    pointers: Option<Vec<String>>,
    count: Option<usize>,
    checks: Vec<Check>,
}

/// A failing case (see [`Fail`]).
pub(crate) fn fail(case: impl Into<Case>) -> Fail {
    Fail {
        case: case.into(),
        through: None,
        pointers: None,
        count: None,
        checks: Vec::new(),
    }
}

impl Fail {
    /// The findings' pointers, in order.
    pub(crate) fn at<S: ToString>(mut self, pointers: impl IntoIterator<Item = S>) -> Fail {
        self.pointers = Some(pointers.into_iter().map(|p| p.to_string()).collect());
        self
    }

    /// Run this rule on the case instead of the tester's own.
    pub(crate) fn through(mut self, rule: &'static Rule) -> Fail {
        self.through = Some(rule);
        self
    }

    /// Its findings.
    fn run(&self, rule: &'static Rule) -> Vec<Finding> {
        self.case.run(self.through.unwrap_or(rule))
    }

    /// How many findings.
    pub(crate) fn count(mut self, n: usize) -> Fail {
        self.count = Some(n);
        self
    }

    /// A further check of the findings (their messages, positions…).
    pub(crate) fn then(mut self, check: impl Fn(&[Finding]) + 'static) -> Fail {
        self.checks.push(Box::new(check));
        self
    }
}

/// A rule's passing and failing cases. [`Tester::test`] runs the rule on each: a passing
/// case has no finding; a failing case has at least one, with the pointers, count and checks
/// it names. The findings of the first failing case, rendered as `connkit lint` prints them,
/// are the rule's snapshot.
pub(crate) struct Tester {
    rule: &'static Rule,
    pass: Vec<Case>,
    fail: Vec<Fail>,
    snapshot: bool,
}

impl Tester {
    pub(crate) fn new<P: Into<Case>>(
        rule: &'static Rule,
        pass: impl IntoIterator<Item = P>,
        fail: impl IntoIterator<Item = Fail>,
    ) -> Tester {
        Tester {
            rule,
            pass: pass.into_iter().map(Into::into).collect(),
            fail: fail.into_iter().collect(),
            snapshot: true,
        }
    }

    /// More failing cases of a rule whose passing cases and snapshot are in another test of
    /// its file.
    pub(crate) fn fails(rule: &'static Rule, fail: impl IntoIterator<Item = Fail>) -> Tester {
        Tester {
            rule,
            pass: Vec::new(),
            fail: fail.into_iter().collect(),
            snapshot: false,
        }
    }

    /// Skip the snapshot (a second tester of the same rule).
    pub(crate) fn without_snapshot(mut self) -> Tester {
        self.snapshot = false;
        self
    }

    /// Run every case; panics on the first one that does not behave as it says.
    pub(crate) fn test(self) {
        let code = self.rule.code;
        let mut first = None;
        for (i, case) in self.pass.iter().enumerate() {
            let f = case.run(self.rule);
            assert!(
                f.is_empty(),
                "{code}: passing case {} has findings: {:#?}\n{}",
                i + 1,
                f,
                case.describe()
            );
        }
        assert!(
            !self.fail.is_empty() || !self.snapshot,
            "{code}: no failing case"
        );
        for (i, fail) in self.fail.iter().enumerate() {
            let f = fail.run(self.rule);
            let n = i + 1;
            assert!(
                !f.is_empty(),
                "{code}: failing case {n} has no finding\n{}",
                fail.case.describe()
            );
            if let Some(p) = &fail.pointers {
                assert_eq!(&pointers(&f), p, "{code}: pointers of failing case {n}");
            }
            if let Some(count) = fail.count {
                assert_eq!(f.len(), count, "{code}: findings of failing case {n}");
            }
            for check in &fail.checks {
                check(&f);
            }
            first.get_or_insert(f);
        }
        if let (true, Some(f)) = (self.snapshot, first) {
            snapshot(self.rule, &f);
        }
    }
}

/// The area folder of a rule (`src/rules/<area>`).
fn area_of(rule: &'static Rule) -> &'static str {
    super::AREAS
        .iter()
        .find(|(_, rules)| rules.iter().any(|r| std::ptr::eq(*r, rule)))
        .map(|(area, _)| *area)
        .unwrap_or_else(|| panic!("{} is in no area's RULES", rule.code))
}

/// The findings as `connkit lint` prints them in text (no colour).
pub(crate) fn render(f: &[Finding]) -> String {
    let mut out = String::new();
    for finding in f {
        crate::report::text::render_finding(&mut out, "test", finding, false);
    }
    out
}

/// Snapshot the rendered findings of a rule as `src/rules/<area>/snapshots/<Code>.snap`.
fn snapshot(rule: &'static Rule, f: &[Finding]) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(format!("{}/snapshots", area_of(rule)));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.set_description(format!("{}: {}", rule.code, rule.summary));
    settings.bind(|| insta::assert_snapshot!(rule.code, redact_temp(&render(f))));
}

/// The text with each path under the system's temporary folder (`/tmp/.tmpAbC123/…`, the
/// folders tests create) as `[temp]/…`: the same on every run.
pub(crate) fn redact_temp(text: &str) -> String {
    let tmp = std::env::temp_dir();
    let tmp = tmp.to_string_lossy();
    let tmp = tmp.trim_end_matches(['/', '\\']);
    if tmp.is_empty() {
        return text.to_string();
    }
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(tmp) {
        out.push_str(&rest[..i]);
        let after = &rest[i + tmp.len()..];
        // The folder the test made, up to the next separator (or the end of the path).
        let sep = after.strip_prefix(['/', '\\']).unwrap_or(after);
        let end = sep
            .find(|c: char| c == '/' || c == '\\' || c.is_whitespace() || c == '\'')
            .unwrap_or(sep.len());
        out.push_str("[temp]");
        rest = &sep[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::Path;

    /// Every rule's tests snapshot its rendered findings (a [`Tester`] whose first failing
    /// case is reported), and every snapshot belongs to a registered rule of its area.
    #[test]
    fn every_rule_has_its_rendered_findings_under_snapshot() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
        let mut problems = Vec::new();
        for (area, rules) in super::super::AREAS {
            let dir = root.join(area).join("snapshots");
            let codes: BTreeSet<&str> = rules.iter().map(|r| r.code).collect();
            for code in &codes {
                if !dir.join(format!("{code}.snap")).is_file() {
                    problems.push(format!("{area}: no snapshots/{code}.snap"));
                }
            }
            for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                match name.strip_suffix(".snap") {
                    Some(code) if codes.contains(code) => {}
                    _ => problems.push(format!("{area}: snapshots/{name} is no rule's")),
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn a_tester_checks_what_its_cases_say() {
        use crate::rules::structure::HOST_NAME_NOT_VALID;
        let host = |h: &str| patch(minimal(), json!({"host": h}));
        let run = |pass: Vec<Value>, fail: Vec<Fail>| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                Tester::new(&HOST_NAME_NOT_VALID, pass, fail)
                    .without_snapshot()
                    .test()
            }))
            .is_ok()
        };
        assert!(run(
            vec![minimal()],
            vec![fail(host("x.com/v1")).at(["/host"])]
        ));
        // A passing case with a finding, a failing case without one, wrong pointers, a
        // wrong count and a failed check each fail the test.
        assert!(!run(vec![host("x.com/v1")], vec![]));
        assert!(!run(vec![], vec![fail(minimal())]));
        assert!(!run(vec![], vec![fail(host("x.com/v1")).at(["/info"])]));
        assert!(!run(vec![], vec![fail(host("x.com/v1")).count(2)]));
        assert!(!run(
            vec![],
            vec![fail(host("x.com/v1")).then(|f| assert!(f.is_empty()))]
        ));
    }
}
