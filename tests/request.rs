//! `connkit request`: every worked example of Microsoft's policy-template pages, reproduced
//! through the command (each test cites its page), combinations in the documented order,
//! policies limited to the operations they name, the response section, and the usage errors.
//!
//! Pages: `https://learn.microsoft.com/en-us/connectors/custom-connectors/policy-templates/<id>/<id>`
//! (spec/policy-templates.md §3 holds the examples as encoded).

use assert_cmd::Command;
use serde_json::{Value, json};

fn connkit() -> Command {
    let mut c = Command::cargo_bin("connkit").unwrap();
    c.env("NO_COLOR", "1");
    c
}

/// A connector folder with this definition and these policy instances.
fn connector(def: &Value, policies: Value) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("apiDefinition.swagger.json"),
        serde_json::to_string_pretty(def).unwrap(),
    )
    .unwrap();
    let props = json!({"properties": {
        "connectionParameters": {
            "cat": {"type": "string"}, "subPath": {"type": "string"}, "name": {"type": "string"},
            "api_key": {"type": "securestring"}
        },
        "iconBrandColor": "#007ee5",
        "policyTemplateInstances": policies
    }});
    std::fs::write(
        dir.path().join("apiProperties.json"),
        serde_json::to_string_pretty(&props).unwrap(),
    )
    .unwrap();
    dir
}

/// A definition with one operation.
fn def(host: &str, base: &str, method: &str, path: &str, params: Value) -> Value {
    json!({
        "swagger": "2.0",
        "info": {"title": "T", "version": "1.0"},
        "host": host, "basePath": base, "schemes": ["https"],
        "consumes": ["application/json"], "produces": ["application/json"],
        "paths": {path: {method: {"operationId": "Op", "parameters": params,
            "responses": {"200": {"description": "ok"}}}}}
    })
}

/// `connkit request DIR Op --format json ARGS…`, expecting success.
fn run(dir: &tempfile::TempDir, args: &[&str]) -> Value {
    let out = connkit()
        .arg("request")
        .arg(dir.path())
        .arg("Op")
        .args(["--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn instance(id: &str, params: Value) -> Value {
    json!({"templateId": id, "title": format!("{id} example"), "parameters": params})
}

fn set_header(name: &str, value: &str) -> Value {
    instance(
        "setheader",
        json!({"x-ms-apimTemplateParameter.name": name, "x-ms-apimTemplateParameter.value": value,
               "x-ms-apimTemplateParameter.existsAction": "override",
               "x-ms-apimTemplate-policySection": "Request"}),
    )
}

#[test]
fn setheader_worked_examples() {
    // Page: https://learn.microsoft.com/en-us/connectors/custom-connectors/policy-templates/setheader/setheader — context headers test=foo, connectionParameters cat=bar.
    let d = def("test.abc.xyz", "/", "get", "/things", json!([]));
    type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);
    let cases: [Case; 4] = [
        ("test", "@headers('test')moo", &[("test", "foomoo")]),
        ("test", "moo@headers('test')", &[("test", "moofoo")]),
        (
            "cat",
            "@connectionParameters('cat', '')",
            &[("test", "foo"), ("cat", "bar")],
        ),
        (
            "name",
            "@connectionParameters('name', '')",
            &[("test", "foo"), ("name", "")],
        ),
    ];
    for (name, value, want) in cases {
        let dir = connector(&d, json!([set_header(name, value)]));
        let doc = run(&dir, &["--header", "test=foo", "--connection", "cat=bar"]);
        let mut expected = serde_json::Map::new();
        for (k, v) in want {
            expected.insert(k.to_string(), json!(v));
        }
        assert_eq!(doc["headers"], Value::Object(expected), "{name}: {value}");
        assert_eq!(doc["policies"][0]["applied"], true);
        assert_eq!(doc["policies"][0]["templateId"], "setheader");
    }
}

#[test]
fn setqueryparameter_worked_examples() {
    // Page: https://learn.microsoft.com/en-us/connectors/custom-connectors/policy-templates/setqueryparameter/setqueryparameter — headers test=foo, name=123;
    // connectionParameters cat=bar; queryParameters domain=pqr.
    let d = def(
        "test.abc.xyz",
        "/",
        "get",
        "/things",
        json!([{"name": "domain", "in": "query", "type": "string"}]),
    );
    for (value, want) in [
        ("@connectionParameters('cat')", "bar"),
        (
            "@queryParameters('domain')@connectionParameters('cat')",
            "pqrbar",
        ),
        ("@connectionParameters('dog', 'default')", "default"),
    ] {
        let p = instance(
            "setqueryparameter",
            json!({"x-ms-apimTemplateParameter.name": "domain", "x-ms-apimTemplateParameter.value": value,
                   "x-ms-apimTemplateParameter.existsAction": "override"}),
        );
        let dir = connector(&d, json!([p]));
        let doc = run(
            &dir,
            &[
                "--header",
                "test=foo",
                "--header",
                "name=123",
                "--connection",
                "cat=bar",
                "--param",
                "domain=pqr",
            ],
        );
        assert_eq!(
            doc["url"],
            format!("https://test.abc.xyz/things?domain={want}"),
            "{value}"
        );
    }
}

#[test]
fn dynamichosturl_worked_examples() {
    // Page: https://learn.microsoft.com/en-us/connectors/custom-connectors/policy-templates/dynamichosturl/dynamichosturl — headers test=foo, port=1234;
    // connectionParameters cat=bar, subPath=path; queryParameters domain=pqr. The page gives
    // the resulting host URL; the operation's path and query follow it.
    let d = def(
        "original.example.com",
        "/api",
        "get",
        "/items",
        json!([{"name": "domain", "in": "query", "type": "string"}]),
    );
    for (template, host_url) in [
        (
            "https://@header('test').abc.xyz:@header('port')",
            "https://foo.abc.xyz:1234",
        ),
        (
            "https://@connectionParameters('cat').abc.xyz",
            "https://bar.abc.xyz",
        ),
        ("https://test.abc.xyz", "https://test.abc.xyz"),
        (
            "https://@header('test').abc.@queryParameters('domain')/@connectionParameters('subPath')",
            "https://foo.abc.pqr/path",
        ),
        (
            "https://@header('test123', 'default').abc.xyz",
            "https://default.abc.xyz",
        ),
    ] {
        let p = instance(
            "dynamichosturl",
            json!({"x-ms-apimTemplateParameter.urlTemplate": template}),
        );
        let dir = connector(&d, json!([p]));
        let doc = run(
            &dir,
            &[
                "--header",
                "test=foo",
                "--header",
                "port=1234",
                "--connection",
                "cat=bar",
                "--connection",
                "subPath=path",
                "--param",
                "domain=pqr",
            ],
        );
        assert_eq!(
            doc["url"],
            format!("{host_url}/items?domain=pqr"),
            "{template}"
        );
    }
}

#[test]
fn routerequesttoendpoint_worked_examples() {
    // Page: https://learn.microsoft.com/en-us/connectors/custom-connectors/policy-templates/routerequesttoendpoint/routerequesttoendpoint — headers test=foo,
    // queryParameters version=v2. The page writes the path parameter as {id}; here id=42.
    // The query string is kept (the page's table shows none; see docs/policy-templates.md).
    let id = json!({"name": "id", "in": "path", "required": true, "type": "string", "x-ms-url-encoding": "single"});
    let version = json!({"name": "version", "in": "query", "type": "string"});
    let route = |new_path: &str| {
        instance(
            "routerequesttoendpoint",
            json!({"x-ms-apimTemplateParameter.newPath": new_path,
                   "x-ms-apimTemplateParameter.httpMethod": "@Request.OriginalHTTPMethod",
                   "x-ms-apimTemplate-operationName": ["Op"]}),
        )
    };
    let cases = [
        (
            "/v2/get/{id}",
            "/get/{id}",
            "https://test.abc.xyz/get/42?version=v2",
        ),
        (
            "/get/{id}",
            "/@queryParameters('version')/get/{id}",
            "https://test.abc.xyz/v2/get/42?version=v2",
        ),
        (
            "/get/{id}",
            "/@header('version', 'v1')/get/{id}",
            "https://test.abc.xyz/v1/get/42?version=v2",
        ),
    ];
    for (path, new_path, want) in cases {
        let d = def("test.abc.xyz", "/", "get", path, json!([id, version]));
        let dir = connector(&d, json!([route(new_path)]));
        let doc = run(
            &dir,
            &[
                "--header",
                "test=foo",
                "--param",
                "id=42",
                "--param",
                "version=v2",
            ],
        );
        assert_eq!(doc["url"], want, "{new_path}");
        assert_eq!(doc["method"], "GET");
    }
}

/// Run a body template on the request body.
fn body_example(template: Value, body: Value) -> Value {
    let d = def(
        "test.abc.xyz",
        "/",
        "post",
        "/people",
        json!([{"name": "body", "in": "body", "required": true, "schema": {"type": "object"}}]),
    );
    let dir = connector(&d, json!([template]));
    let doc = run(&dir, &["--param", &format!("body={body}")]);
    assert_eq!(doc["policies"][0]["applied"], true, "{doc}");
    doc["body"].clone()
}

fn people_object() -> Value {
    json!({"peopleObject": {"XYZ": {"Age": "30"}, "ABC": {"Age": "23"}}})
}

#[test]
fn setproperty_worked_examples() {
    // Page: https://learn.microsoft.com/en-us/connectors/custom-connectors/policy-templates/setproperty/setproperty (its key typo `…SubPathTemplateh` corrected).
    let sp = |parent: &str, sub: &str, value: &str| {
        instance(
            "setproperty",
            json!({"x-ms-apimTemplateParameter.newPropertyParentPathTemplate": parent,
                   "x-ms-apimTemplateParameter.newPropertySubPathTemplate": sub,
                   "x-ms-apimTemplateParameter.propertyValuePathTemplate": value,
                   "x-ms-apimTemplate-policySection": "Request"}),
        )
    };
    assert_eq!(
        body_example(
            sp("@body().peopleObject", "location", "USA"),
            people_object()
        ),
        json!({"peopleObject": {"XYZ": {"Age": "30"}, "ABC": {"Age": "23"}, "location": "USA"}})
    );
    assert_eq!(
        body_example(
            sp("@body().people", "age", "30"),
            json!({"people": [{"name": "xyz"}, {"name": "pqr"}]})
        ),
        json!({"people": [{"name": "xyz", "age": "30"}, {"name": "pqr", "age": "30"}]})
    );
    assert_eq!(
        body_example(
            sp("@body()", "name", "{@body().firstName} {@body().lastName}"),
            json!({"firstName": "John", "lastName": "Smith"})
        ),
        json!({"firstName": "John", "lastName": "Smith", "name": "John Smith"})
    );
}

#[test]
fn convertarraytoobject_worked_examples() {
    // Page: https://learn.microsoft.com/en-us/connectors/custom-connectors/policy-templates/convertarraytoobject/convertarraytoobject
    let c = |parent: &str, sub: &str, new: &str, retain: &str| {
        instance(
            "convertarraytoobject",
            json!({"x-ms-apimTemplateParameter.propertyParentPath": parent,
                   "x-ms-apimTemplateParameter.propertySubPath": sub,
                   "x-ms-apimTemplateParameter.keyWithinCollectionPath": "Name",
                   "x-ms-apimTemplateParameter.newPropertyPath": new,
                   "x-ms-apimTemplateParameter.retainKey": retain,
                   "x-ms-apimTemplate-policySection": "Request"}),
        )
    };
    let array = json!([{"Name": "XYZ", "Age": "30"}, {"Name": "ABC", "Age": "23"}]);
    assert_eq!(
        body_example(
            c("@body()", "peopleArray", "peopleObject", "false"),
            json!({"peopleArray": array})
        ),
        json!({"peopleArray": array, "peopleObject": {"XYZ": {"Age": "30"}, "ABC": {"Age": "23"}}})
    );
    // Our copy of the page ends inside MNO; its value comes from the input.
    let sets = json!({"sets": [
        {"people": [{"Name": "XYZ", "Age": "30"}, {"Name": "ABC", "Age": "23"}]},
        {"people": [{"Name": "MNO", "Age": "40"}]}
    ]});
    assert_eq!(
        body_example(c("@body().sets", "people", "people", "true"), sets),
        json!({"sets": [
            {"people": {"XYZ": {"Name": "XYZ", "Age": "30"}, "ABC": {"Name": "ABC", "Age": "23"}}},
            {"people": {"MNO": {"Name": "MNO", "Age": "40"}}}
        ]})
    );
}

#[test]
fn convertobjecttoarray_worked_example() {
    // Page: https://learn.microsoft.com/en-us/connectors/custom-connectors/policy-templates/convertobjecttoarray/convertobjecttoarray (example 1; example 2's output
    // is not in our copy of the page).
    let t = instance(
        "convertobjecttoarray",
        json!({"x-ms-apimTemplateParameter.propertyParentPath": "@body()",
               "x-ms-apimTemplateParameter.propertySubPath": "peopleObject",
               "x-ms-apimTemplateParameter.newPropertyPath": "@body().peopleArray",
               "x-ms-apimTemplateParameter.keyName": "Name",
               "x-ms-apimTemplateParameter.valueName": "Details",
               "x-ms-apimTemplate-policySection": "Request"}),
    );
    let mut want = people_object();
    want["peopleArray"] = json!([
        {"Name": "XYZ", "Details": {"Age": "30"}},
        {"Name": "ABC", "Details": {"Age": "23"}}
    ]);
    assert_eq!(body_example(t, people_object()), want);
}

#[test]
fn stringtoarray_worked_example() {
    // Page: https://learn.microsoft.com/en-us/connectors/custom-connectors/policy-templates/stringtoarray/stringtoarray (its `@body.` without parentheses corrected).
    let t = instance(
        "stringtoarray",
        json!({"x-ms-apimTemplateParameter.propertyParentPath": "@body()",
               "x-ms-apimTemplateParameter.propertySubPath": "peopleObject.XYZ.Age",
               "x-ms-apimTemplateParameter.delimiterList": ";",
               "x-ms-apimTemplateParameter.childPropertyName": "AgeW",
               "x-ms-apimTemplateParameter.newPropertyPath": "@body().peopleObject.XYZ.Age",
               "x-ms-apimTemplate-policySection": "Request"}),
    );
    let input = json!({"peopleObject": {"XYZ": {"Age": "3;0"}, "ABC": {"Age": "23"}}});
    assert_eq!(
        body_example(t, input),
        json!({"peopleObject": {"XYZ": {"Age": [{"AgeW": "3"}, {"AgeW": "0"}]}, "ABC": {"Age": "23"}}})
    );
}

#[test]
fn policies_apply_in_array_order_and_read_what_earlier_ones_wrote() {
    // Overview page: instances run in array order; later ones see earlier changes.
    let d = def("api.contoso.com", "/v1", "get", "/things", json!([]));
    let dir = connector(
        &d,
        json!([
            set_header("X-A", "first"),
            set_header("X-B", "@headers('X-A')-seen"),
            set_header("X-A", "second"),
            instance(
                "dynamichosturl",
                json!({"x-ms-apimTemplateParameter.urlTemplate": "https://@connectionParameters('cat').contoso.com/v2"})
            ),
            instance(
                "routerequesttoendpoint",
                json!({"x-ms-apimTemplateParameter.newPath": "/stuff", "x-ms-apimTemplateParameter.httpMethod": "POST"})
            )
        ]),
    );
    let doc = run(&dir, &["--connection", "cat=eu"]);
    assert_eq!(
        doc["headers"],
        json!({"X-A": "second", "X-B": "first-seen"})
    );
    // dynamichosturl replaces the base path; the route replaces the path below it.
    assert_eq!(doc["url"], "https://eu.contoso.com/v2/stuff");
    assert_eq!(doc["method"], "POST");
    let ids: Vec<&str> = doc["policies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["pointer"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        (0..5)
            .map(|i| format!("/properties/policyTemplateInstances/{i}"))
            .collect::<Vec<_>>()
    );
}

#[test]
fn policies_reach_only_the_operations_they_name() {
    let d = json!({
        "swagger": "2.0", "info": {"title": "T", "version": "1"}, "host": "h.example.com",
        "paths": {
            "/a": {"get": {"operationId": "Op", "responses": {"200": {"description": "ok"}}}},
            "/b": {"get": {"operationId": "Other", "responses": {"200": {"description": "ok"}}}}
        }
    });
    let mut limited = set_header("X-Only", "yes");
    limited["parameters"]["x-ms-apimTemplate-operationName"] = json!(["Other"]);
    // An empty list names no operation: every one (a merged connector, PaySpace, relies on it).
    let mut empty = set_header("X-Empty", "e");
    empty["parameters"]["x-ms-apimTemplate-operationName"] = json!([]);
    let dir = connector(&d, json!([limited, set_header("X-All", "1"), empty]));
    let doc = run(&dir, &[]);
    assert_eq!(doc["headers"], json!({"X-All": "1", "X-Empty": "e"}));
    assert_eq!(doc["policies"].as_array().unwrap().len(), 2);
    let out = connkit()
        .args(["request"])
        .arg(dir.path())
        .args(["Other", "--format", "json"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        doc["headers"],
        json!({"X-Only": "yes", "X-All": "1", "X-Empty": "e"})
    );
}

#[test]
fn response_section_policies_run_on_the_response_file() {
    let d = def("h.example.com", "/", "get", "/things", json!([]));
    let dir = connector(
        &d,
        json!([
            instance(
                "setheader",
                json!({"x-ms-apimTemplateParameter.name": "X-From", "x-ms-apimTemplateParameter.value": "connector", "x-ms-apimTemplate-policySection": "Response"})
            ),
            instance(
                "convertobjecttoarray",
                json!({"x-ms-apimTemplateParameter.propertyParentPath": "@body()", "x-ms-apimTemplateParameter.propertySubPath": "sounds", "x-ms-apimTemplateParameter.newPropertyPath": "@body().soundsArray", "x-ms-apimTemplate-policySection": "Response"})
            ),
            instance(
                "updatenextlink",
                json!({"x-ms-apimTemplateParameter.nextLinkPropertyName": "@odata.nextLink"})
            ),
            instance(
                "setheader",
                json!({"x-ms-apimTemplateParameter.name": "X-Failed", "x-ms-apimTemplateParameter.value": "1", "x-ms-apimTemplate-policySection": "Failure"})
            )
        ]),
    );
    // Without a response: listed, not applied.
    let doc = run(&dir, &[]);
    assert!(doc.get("response").is_none());
    assert!(
        doc["policies"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["applied"] == false)
    );
    let file = dir.path().join("response.json");
    std::fs::write(
        &file,
        json!({"status": 200, "headers": {"Content-Type": "application/json"}, "body": {"sounds": {"a": 1, "b": 2}}}).to_string(),
    )
    .unwrap();
    let doc = run(&dir, &["--response", file.to_str().unwrap()]);
    assert_eq!(doc["response"]["status"], 200);
    assert_eq!(
        doc["response"]["headers"],
        json!({"Content-Type": "application/json", "X-From": "connector"})
    );
    assert_eq!(
        doc["response"]["body"]["soundsArray"],
        json!([{"key": "a", "value": 1}, {"key": "b", "value": 2}])
    );
    assert_eq!(doc["policies"][0]["applied"], true);
    assert_eq!(doc["policies"][2]["applied"], false);
    assert!(
        doc["policies"][2]["note"]
            .as_str()
            .unwrap()
            .contains("@odata.nextLink")
    );
    assert_eq!(doc["policies"][3]["section"], "Failure");
    assert_eq!(doc["policies"][3]["applied"], false);
    assert!(
        doc["policies"][3]["note"]
            .as_str()
            .unwrap()
            .contains("Failure section")
    );
    assert!(doc["response"]["headers"].get("X-Failed").is_none());
}

#[test]
fn text_output_is_an_http_message_with_the_policies_that_changed_it() {
    let d = def("api.contoso.com", "/", "get", "/things", json!([]));
    let dir = connector(&d, json!([set_header("X-Version", "2")]));
    let out = connkit()
        .arg("request")
        .arg(dir.path())
        .arg("Op")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("GET https://api.contoso.com/things\nX-Version: 2\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "* setheader \"setheader example\" (Request, /properties/policyTemplateInstances/0)"
        ),
        "{text}"
    );
    assert!(text.contains("header X-Version: 2"), "{text}");
    assert!(text.contains("Nothing was sent."));
}

#[test]
fn usage_errors_exit_2_and_name_what_is_missing() {
    let d = def(
        "h.example.com",
        "/",
        "get",
        "/items/{id}",
        json!([{"name": "id", "in": "path", "required": true, "type": "string"}]),
    );
    let dir = connector(
        &d,
        json!([set_header("X-Key", "@connectionParameters('cat')")]),
    );
    let fail = |args: &[&str], op: &str, want: &str| {
        let out = connkit()
            .arg("request")
            .arg(dir.path())
            .arg(op)
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want), "{args:?}: {err}");
    };
    fail(
        &["--param", "id=1", "--connection", "cat=x"],
        "op",
        "no operation 'op'",
    );
    fail(
        &["--param", "id=1", "--connection", "cat=x"],
        "op",
        "did you mean Op?",
    );
    fail(
        &["--connection", "cat=x"],
        "Op",
        "needs path parameter 'id'",
    );
    fail(
        &["--param", "id=1"],
        "Op",
        "needs connection parameter 'cat': give --connection cat=VALUE",
    );
    fail(&["--param", "idd=1"], "Op", "has no parameter 'idd'");
    fail(&["--param", "id"], "Op", "expected NAME=VALUE");
    // JSON: also the error document.
    let out = connkit()
        .arg("request")
        .arg(dir.path())
        .args(["Nope", "--format", "json"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["status"], "error");
    assert_eq!(doc["error"]["kind"], "usage");
}

#[test]
fn secrets_never_appear_in_the_output() {
    let mut d = def("h.example.com", "/", "get", "/things", json!([]));
    d["securityDefinitions"] =
        json!({"k": {"type": "apiKey", "in": "header", "name": "X-Api-Key"}});
    let dir = connector(
        &d,
        json!([set_header("X-Copy", "@connectionParameters('api_key')")]),
    );
    for format in ["json", "text"] {
        let out = connkit()
            .arg("request")
            .arg(dir.path())
            .args([
                "Op",
                "--format",
                format,
                "--connection",
                "api_key=s3cr3t-value-123",
            ])
            .output()
            .unwrap();
        assert!(out.status.success());
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!all.contains("s3cr3t-value-123"), "{all}");
        assert!(all.contains("X-Api-Key"), "{all}");
        assert!(all.contains("***"), "{all}");
    }
}

/// A secret too short to redact (under 4 characters) is refused before anything is printed,
/// and a basic credential is hidden whole (its base64 form too), as `connkit test` hides it.
#[test]
fn short_secrets_are_refused_and_basic_credentials_hidden() {
    let mut d = def("h.example.com", "/", "get", "/things", json!([]));
    d["securityDefinitions"] =
        json!({"k": {"type": "apiKey", "in": "header", "name": "X-Api-Key"}});
    let dir = connector(&d, json!([]));
    let out = connkit()
        .arg("request")
        .arg(dir.path())
        .args(["Op", "--connection", "api_key=abc"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("abc"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("shorter than 4 characters"));
    d["securityDefinitions"] = json!({"b": {"type": "basic"}});
    let dir = connector(&d, json!([]));
    let out = connkit()
        .arg("request")
        .arg(dir.path())
        .args(["Op", "--format", "json"])
        .args([
            "--connection",
            "username=ann-user",
            "--connection",
            "password=pw-basic-9",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let basic = "YW5uLXVzZXI6cHctYmFzaWMtOQ"; // base64("ann-user:pw-basic-9"), unpadded
    assert!(
        !stdout.contains(basic) && !stdout.contains("pw-basic-9"),
        "{stdout}"
    );
    assert!(stdout.contains("Basic ***"), "{stdout}");
}

#[test]
fn connection_secrets_from_the_environment_or_stdin() {
    let d = def("h.example.com", "/", "get", "/things", json!([]));
    let dir = connector(
        &d,
        json!([set_header("X-Key", "@connectionParameters('api_key')")]),
    );
    let out = connkit()
        .arg("request")
        .arg(dir.path())
        .args(["Op", "--format", "json", "--connection", "api_key"])
        .env("CONNKIT_CONNECTION_API_KEY", "from-env-secret-1")
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    // The policy ran with the value; the output shows only the redaction.
    assert_eq!(doc["headers"]["X-Key"], "***");
    let out = connkit()
        .arg("request")
        .arg(dir.path())
        .args(["Op", "--format", "json", "--connection", "api_key=-"])
        .write_stdin("from-stdin-secret-2\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stdout).contains("from-stdin-secret-2"));
    let out = connkit()
        .arg("request")
        .arg(dir.path())
        .args(["Op", "--connection", "api_key"])
        .env_remove("CONNKIT_CONNECTION_API_KEY")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("CONNKIT_CONNECTION_API_KEY is not set"));
}
