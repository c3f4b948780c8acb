//! Test helpers: build connectors in memory and run one rule on them.

use serde_json::{Value, json};

use super::{Finding, LintOptions, Profile, Rule, locate, run_rule};
use crate::model::{Connector, DataFile};

/// A definition that passes the structural rules, for tests to modify.
pub fn minimal() -> Value {
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

pub fn data_file(name: &str, text: String) -> DataFile {
    DataFile::from_text(name.into(), name.into(), text, Vec::new(), false)
}

/// A connector folder (not a single file) holding this definition and apiProperties.
pub fn connector_from(def: Value, props: Option<Value>) -> Connector {
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

pub fn run_on(rule: &'static Rule, c: &Connector, profile: Profile) -> Vec<Finding> {
    let cx = super::Context::new(c, profile);
    let _ = LintOptions::default();
    locate(c, run_rule(rule, rule.severity, &cx))
}

/// Run a rule on a definition (pretty-printed) as a lone file, with the custom profile.
pub fn run(rule: &'static Rule, def: Value) -> Vec<Finding> {
    run_profile(rule, def, Profile::Custom)
}

pub fn run_profile(rule: &'static Rule, def: Value, profile: Profile) -> Vec<Finding> {
    let mut c = connector_from(def, None);
    c.single_file = true;
    run_on(rule, &c, profile)
}

/// Run a rule on raw definition text.
pub fn run_text(rule: &'static Rule, text: &str) -> Vec<Finding> {
    let c = Connector {
        display: "test".into(),
        single_file: true,
        definition: Some(data_file("apiDefinition.swagger.json", text.to_string())),
        ..Default::default()
    };
    run_on(rule, &c, Profile::Custom)
}

/// The pointers of the findings, for compact assertions.
pub fn pointers(f: &[Finding]) -> Vec<&str> {
    f.iter().map(|f| f.pointer.as_str()).collect()
}

/// Apply a JSON merge patch (RFC 7386) to a value: `null` deletes.
pub fn patch(mut base: Value, p: Value) -> Value {
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
