//! Policy templates through `connkit lint` and `connkit explain`: seeded defects found at
//! their pointer (and line) in apiProperties.json, and each template explained with its page.

use assert_cmd::Command;
use serde_json::{Value, json};

fn connkit() -> Command {
    let mut c = Command::cargo_bin("connkit").unwrap();
    c.env("NO_COLOR", "1");
    c
}

fn instance(id: &str, params: Value) -> Value {
    json!({"templateId": id, "title": "t", "parameters": params})
}

#[test]
fn seeded_defects_are_found_at_their_pointer() {
    let dir = tempfile::tempdir().unwrap();
    let def = json!({
        "swagger": "2.0", "info": {"title": "Seeded", "description": "A connector with seeded policy defects.", "version": "1.0"},
        "host": "api.contoso.com", "basePath": "/", "schemes": ["https"],
        "paths": {"/items": {"get": {"operationId": "ListItems", "summary": "List items",
            "description": "Lists the items.", "parameters": [{"name": "version", "in": "query", "type": "string",
            "description": "Version.", "x-ms-summary": "Version"}],
            "responses": {"200": {"description": "OK"}}}}}
    });
    let seeded = json!([
        instance("frobnicate", json!({})),
        instance(
            "setheader",
            json!({"x-ms-apimTemplateParameter.name": "X-A"})
        ),
        instance(
            "setheader",
            json!({"x-ms-apimTemplateParameter.name": "X-B",
            "x-ms-apimTemplateParameter.value": "@queryParamters('version')"})
        ),
        instance(
            "dynamichosturl",
            json!({"x-ms-apimTemplateParameter.urlTemplate": "https://@connectionParameters('cat).contoso.com"})
        ),
        instance(
            "setheader",
            json!({"x-ms-apimTemplateParameter.name": "X-C", "x-ms-apimTemplateParameter.value": "v",
            "x-ms-apimTemplateParameter.existsAction": "replace"})
        ),
        instance(
            "setheader",
            json!({"x-ms-apimTemplateParameter.name": "X-D", "x-ms-apimTemplateParameter.value": "v",
            "x-ms-apimTemplate-operationName": ["Gone"]})
        )
    ]);
    let props = json!({"properties": {
        "connectionParameters": {"cat": {"type": "string"}},
        "iconBrandColor": "#0055aa", "publisher": "Contoso", "stackOwner": "Contoso",
        "policyTemplateInstances": seeded
    }});
    let props_text = serde_json::to_string_pretty(&props).unwrap();
    std::fs::write(
        dir.path().join("apiDefinition.swagger.json"),
        def.to_string(),
    )
    .unwrap();
    std::fs::write(dir.path().join("apiProperties.json"), &props_text).unwrap();
    let out = connkit()
        .arg("lint")
        .arg(dir.path())
        .args(["--format", "json"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings: Vec<(String, String, u64)> = doc["connectors"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["file"] == "apiProperties.json")
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["pointer"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    // The line of the n-th occurrence of a text in the file.
    let line_of = |needle: &str, nth: usize| {
        let at = props_text.match_indices(needle).nth(nth).unwrap().0;
        props_text[..at].matches('\n').count() as u64 + 1
    };
    let base = "/properties/policyTemplateInstances";
    let want = [
        (
            "PolicyTemplateUnknown",
            format!("{base}/0/templateId"),
            line_of("\"frobnicate\"", 0),
        ),
        (
            "PolicyTemplateParameterMissing",
            format!("{base}/1/parameters"),
            line_of("\"parameters\"", 1),
        ),
        (
            "PolicyExpressionFunctionUnknown",
            format!("{base}/2/parameters/x-ms-apimTemplateParameter.value"),
            line_of("queryParamters", 0),
        ),
        (
            "PolicyExpressionSyntaxError",
            format!("{base}/3/parameters/x-ms-apimTemplateParameter.urlTemplate"),
            line_of("'cat)", 0),
        ),
        (
            "PolicyTemplateParameterValueNotValid",
            format!("{base}/4/parameters/x-ms-apimTemplateParameter.existsAction"),
            line_of("\"replace\"", 0),
        ),
        (
            "PolicyTemplateOperationNotFound",
            format!("{base}/5/parameters/x-ms-apimTemplate-operationName/0"),
            line_of("\"Gone\"", 0),
        ),
    ];
    for (code, pointer, line) in want {
        assert!(
            findings
                .iter()
                .any(|(c, p, l)| c == code && *p == pointer && *l == line),
            "{code} at {pointer} (line {line}) not in {findings:#?}"
        );
    }
    // The errors fail the run.
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn explain_cites_each_templates_page() {
    for (id, page) in [
        (
            "setheader",
            "custom-connectors/policy-templates/setheader/setheader",
        ),
        (
            "DynamicHostUrl",
            "custom-connectors/policy-templates/dynamichosturl/dynamichosturl",
        ),
        (
            "stringtoarray",
            "custom-connectors/policy-templates/stringtoarray/stringtoarray",
        ),
        ("pollingtrigger", "custom-connectors/create-polling-trigger"),
    ] {
        let out = connkit().args(["explain", id]).output().unwrap();
        assert!(out.status.success(), "{id}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains(&format!(
                "Source: https://learn.microsoft.com/en-us/connectors/{page}\n"
            )),
            "{id}: {text}"
        );
        assert!(text.contains("### Parameters"), "{id}");
    }
}
