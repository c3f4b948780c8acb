//! `connkit convert`, `init`, `fmt` and `lint --fix`: mapping tests (one small OpenAPI 3
//! description per mapping) and CLI behaviour.

use assert_cmd::Command;
use connkit::convert::{self, Options, init};
use connkit::model::Connector;
use connkit::rules::{self, LintOptions, Profile, Severity};
use serde_json::{Value, json};

fn oas(extra: Value) -> Value {
    let mut base = json!({
        "openapi": "3.0.3",
        "info": {"title": "Pet Store", "version": "1.0.0", "description": "Manage the pets of a pet store from flows and apps."},
        "servers": [{"url": "https://api.pets.example.com/v1"}],
        "paths": {}
    });
    if let (Some(b), Value::Object(e)) = (base.as_object_mut(), extra) {
        for (k, v) in e {
            b.insert(k, v);
        }
    }
    base
}

fn run(input: Value) -> convert::Output {
    convert::convert(&input, &Options::default()).expect("converts")
}

fn codes(o: &convert::Output) -> Vec<&str> {
    o.notes.iter().map(|n| n.code).collect()
}

/// Write the output and lint it: the errors (code, pointer).
fn lint_errors(o: &convert::Output, profile: Profile) -> Vec<(String, String)> {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(
        d.path().join("apiDefinition.swagger.json"),
        serde_json::to_string_pretty(&o.definition).unwrap(),
    )
    .unwrap();
    std::fs::write(
        d.path().join("apiProperties.json"),
        serde_json::to_string_pretty(&o.properties).unwrap(),
    )
    .unwrap();
    let c = Connector::load_dir(d.path(), "t".into());
    rules::lint(&c, profile, &LintOptions::default())
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.code.to_string(), f.pointer))
        .collect()
}

#[test]
fn servers_map_to_host_base_path_and_schemes_and_others_are_reported() {
    let o = run(oas(json!({"servers": [
        {"url": "https://{region}.pets.example.com:8443/api/v2/", "variables": {"region": {"default": "eu"}}},
        {"url": "https://staging.pets.example.com/api"}
    ]})));
    let d = &o.definition;
    assert_eq!(d["host"], "eu.pets.example.com:8443");
    assert_eq!(d["basePath"], "/api/v2");
    assert_eq!(d["schemes"], json!(["https"]));
    assert!(codes(&o).contains(&"ConvertServerChosen"));
    // No absolute server: placeholder host and a warning.
    let o = run(oas(json!({"servers": [{"url": "/v1"}]})));
    assert_eq!(o.definition["host"], "api.example.com");
    assert_eq!(o.definition["basePath"], "/v1");
    assert!(codes(&o).contains(&"ConvertHostMissing"));
    // --host wins.
    let o = convert::convert(
        &oas(json!({})),
        &Options {
            host: Some("x.example.org".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(o.definition["host"], "x.example.org");
}

#[test]
fn request_bodies_become_body_or_form_data_by_media_type() {
    let o = run(oas(json!({"paths": {
        "/pets": {"post": {"operationId": "addPet", "requestBody": {"required": true, "content": {
            "application/xml": {"schema": {"type": "string"}},
            "application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}},
            "responses": {"201": {"description": "Created"}}}},
        "/pets/{petId}/photo": {"post": {"operationId": "uploadPhoto", "parameters": [{"name": "petId", "in": "path", "required": true, "schema": {"type": "integer"}}],
            "requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
                "file": {"type": "string", "format": "binary"}, "caption": {"type": "string"}}}}}},
            "responses": {"200": {"description": "OK"}}}},
        "/login": {"post": {"operationId": "login", "requestBody": {"content": {"application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {"user": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}}}}}}},
            "responses": {"204": {"description": "Done"}}}}
    }, "components": {"schemas": {"Pet": {"type": "object", "properties": {"name": {"type": "string"}}}}}})));
    let p = &o.definition["paths"];
    let body = &p["/pets"]["post"]["parameters"][0];
    assert_eq!(body["in"], "body");
    assert_eq!(body["required"], true);
    assert_eq!(body["schema"]["$ref"], "#/definitions/Pet");
    assert_eq!(p["/pets"]["post"]["consumes"], json!(["application/json"]));
    assert!(codes(&o).contains(&"ConvertMediaTypeChosen"));
    let up = p["/pets/{petId}/photo"]["post"]["parameters"]
        .as_array()
        .unwrap();
    let file = up.iter().find(|x| x["name"] == "file").unwrap();
    assert_eq!(
        (
            file["in"].as_str(),
            file["type"].as_str(),
            file["required"].as_bool()
        ),
        (Some("formData"), Some("file"), Some(true))
    );
    assert_eq!(
        p["/pets/{petId}/photo"]["post"]["consumes"],
        json!(["multipart/form-data"])
    );
    let login = p["/login"]["post"]["parameters"].as_array().unwrap();
    assert!(login.iter().all(|x| x["in"] == "formData"));
    assert_eq!(login[1]["collectionFormat"], "multi");
    assert!(
        lint_errors(&o, Profile::Custom).is_empty(),
        "{:?}",
        lint_errors(&o, Profile::Custom)
    );
}

#[test]
fn one_of_and_any_of_become_the_closest_shape_with_a_finding() {
    let o = run(oas(json!({"components": {"schemas": {
        "Cat": {"type": "object", "properties": {"meow": {"type": "boolean"}}},
        "Dog": {"type": "object", "properties": {"bark": {"type": "boolean"}}},
        "Pet": {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}]},
        "Id": {"anyOf": [{"type": "string"}, {"type": "string", "format": "uuid"}]},
        "Mixed": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
        "MaybeCat": {"anyOf": [{"$ref": "#/components/schemas/Cat"}, {"type": "null"}]}
    }}})));
    let d = &o.definition["definitions"];
    assert_eq!(d["Pet"]["type"], "object");
    assert!(
        d["Pet"]["properties"]["meow"].is_object() && d["Pet"]["properties"]["bark"].is_object()
    );
    assert!(d["Pet"].get("oneOf").is_none());
    assert_eq!(d["Id"]["type"], "string");
    assert!(d["Mixed"].get("type").is_none() && d["Mixed"].get("oneOf").is_none());
    assert_eq!(d["MaybeCat"]["x-nullable"], true);
    assert_eq!(d["MaybeCat"]["allOf"][0]["$ref"], "#/definitions/Cat");
    let simplified: Vec<&str> = o
        .notes
        .iter()
        .filter(|n| n.code == "ConvertOneOfSimplified")
        .map(|n| n.pointer.as_str())
        .collect();
    assert_eq!(
        simplified,
        ["/definitions/Pet", "/definitions/Id", "/definitions/Mixed"]
    );
}

#[test]
fn nullable_and_31_type_arrays_become_x_nullable() {
    let o = run(oas(
        json!({"components": {"schemas": {"A": {"type": "string", "nullable": true}}}}),
    ));
    assert_eq!(
        o.definition["definitions"]["A"],
        json!({"type": "string", "x-nullable": true})
    );
    let mut v31 = oas(json!({"components": {"schemas": {
        "B": {"type": ["integer", "null"], "const": 3, "exclusiveMinimum": 1, "examples": [3]},
        "C": {"type": "object", "properties": {"examples": {"type": "string"}}}
    }}, "webhooks": {"newPet": {"post": {"responses": {"200": {"description": "OK"}}}}}}));
    v31["openapi"] = json!("3.1.0");
    let o = run(v31);
    let b = &o.definition["definitions"]["B"];
    assert_eq!(b["type"], "integer");
    assert_eq!(b["x-nullable"], true);
    assert_eq!(b["enum"], json!([3]));
    assert_eq!(
        (b["minimum"].as_i64(), b["exclusiveMinimum"].as_bool()),
        (Some(1), Some(true))
    );
    assert_eq!(b["example"], 3);
    assert!(
        o.definition["definitions"]["C"]["properties"]["examples"].is_object(),
        "a property named 'examples' is kept"
    );
    assert!(codes(&o).contains(&"ConvertOpenApi31"));
    assert!(codes(&o).contains(&"ConvertWebhooksDropped"));
}

#[test]
fn components_become_definitions_parameters_responses_with_refs_rewritten() {
    let o = run(oas(json!({
    "paths": {"/pets/{petId}": {"get": {
        "parameters": [{"$ref": "#/components/parameters/PetId"}, {"$ref": "#/components/parameters/Limit"}],
        "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}}}}},
                      "404": {"$ref": "#/components/responses/NotFound"}}}}},
    "components": {
        "schemas": {"Pet": {"type": "object", "properties": {"owner": {"$ref": "#/components/schemas/Owner"}}}, "Owner": {"type": "object"}},
        "parameters": {"PetId": {"name": "petId", "in": "path", "required": true, "schema": {"type": "string"}},
                       "Limit": {"name": "limit", "in": "query", "schema": {"type": "integer", "format": "int32", "maximum": 100}}},
        "responses": {"NotFound": {"description": "Not found", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Owner"}}}}}
    }})));
    let d = &o.definition;
    let op = &d["paths"]["/pets/{petId}"]["get"];
    assert_eq!(op["parameters"][0]["$ref"], "#/parameters/PetId");
    assert_eq!(
        op["responses"]["200"]["schema"]["items"]["$ref"],
        "#/definitions/Pet"
    );
    assert_eq!(op["responses"]["404"]["$ref"], "#/responses/NotFound");
    assert_eq!(
        d["definitions"]["Pet"]["properties"]["owner"]["$ref"],
        "#/definitions/Owner"
    );
    assert_eq!(d["parameters"]["PetId"]["x-ms-url-encoding"], "single");
    assert_eq!(d["parameters"]["Limit"]["type"], "integer");
    assert_eq!(d["parameters"]["Limit"]["maximum"], 100);
    assert_eq!(d["parameters"]["Limit"]["x-ms-summary"], "Limit");
    assert_eq!(
        d["responses"]["NotFound"]["schema"]["$ref"],
        "#/definitions/Owner"
    );
    assert!(
        lint_errors(&o, Profile::Custom).is_empty(),
        "{:?}",
        lint_errors(&o, Profile::Custom)
    );
}

#[test]
fn security_schemes_map_to_definitions_and_connection_parameters() {
    let with = |schemes: Value, security: Value| {
        run(oas(
            json!({"components": {"securitySchemes": schemes}, "security": security}),
        ))
    };
    let o = with(
        json!({"key": {"type": "apiKey", "in": "header", "name": "X-Key"}}),
        json!([{"key": []}]),
    );
    assert_eq!(
        o.definition["securityDefinitions"]["key"],
        json!({"type": "apiKey", "in": "header", "name": "X-Key"})
    );
    assert_eq!(o.definition["security"], json!([{"key": []}]));
    assert_eq!(
        o.properties["properties"]["connectionParameters"]["api_key"]["type"],
        "securestring"
    );
    let o = with(json!({"b": {"type": "http", "scheme": "basic"}}), json!([]));
    assert_eq!(o.definition["securityDefinitions"]["b"]["type"], "basic");
    let cp = &o.properties["properties"]["connectionParameters"];
    assert_eq!(
        (
            cp["username"]["type"].as_str(),
            cp["password"]["type"].as_str()
        ),
        (Some("string"), Some("securestring"))
    );
    let o = with(
        json!({"o": {"type": "oauth2", "flows": {
        "authorizationCode": {"authorizationUrl": "https://auth.example.com/a", "tokenUrl": "https://auth.example.com/t", "scopes": {"read": "Read", "write": "Write"}},
        "clientCredentials": {"tokenUrl": "https://auth.example.com/t", "scopes": {}}}}}),
        json!([{"o": ["read", "nope"]}]),
    );
    let sd = &o.definition["securityDefinitions"]["o"];
    assert_eq!(
        (sd["flow"].as_str(), sd["tokenUrl"].as_str()),
        (Some("accessCode"), Some("https://auth.example.com/t"))
    );
    assert_eq!(
        o.definition["security"],
        json!([{"o": ["read"]}]),
        "undefined scopes are dropped"
    );
    let tok = &o.properties["properties"]["connectionParameters"]["token"];
    assert_eq!(tok["type"], "oauthSetting");
    assert_eq!(
        tok["oAuthSettings"]["customParameters"]["authorizationUrl"]["value"],
        "https://auth.example.com/a"
    );
    assert!(
        o.notes
            .iter()
            .any(|n| n.code == "ConvertSecuritySchemeUnsupported"
                && n.message.contains("client credentials"))
    );
    assert!(
        lint_errors(&o, Profile::Custom).is_empty(),
        "{:?}",
        lint_errors(&o, Profile::Custom)
    );
    // Only client credentials: nothing usable, reported.
    let o = with(
        json!({"cc": {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "https://a.example.com/t", "scopes": {}}}}}),
        json!([{"cc": []}]),
    );
    assert_eq!(o.definition["securityDefinitions"], json!({}));
    assert_eq!(o.definition["security"], json!([]));
    assert!(codes(&o).contains(&"ConvertSecuritySchemeUnsupported"));
}

#[test]
fn cookie_parameters_callbacks_and_webhooks_are_reported() {
    let o = run(oas(
        json!({"paths": {"/subscribe": {"post": {"operationId": "subscribe",
        "parameters": [{"name": "session", "in": "cookie", "schema": {"type": "string"}}, {"name": "q", "in": "query", "schema": {"type": "string"}}],
        "callbacks": {"onEvent": {"{$request.body#/url}": {"post": {"responses": {"200": {"description": "OK"}}}}}},
        "responses": {"201": {"description": "Created"}}}}}}),
    ));
    let params = o.definition["paths"]["/subscribe"]["post"]["parameters"]
        .as_array()
        .unwrap();
    assert_eq!(params.len(), 1);
    assert_eq!(params[0]["name"], "q");
    assert!(codes(&o).contains(&"ConvertCookieParameterDropped"));
    assert!(codes(&o).contains(&"ConvertCallbacksDropped"));
    // Without cookies or callbacks there is nothing to report.
    let o = run(oas(
        json!({"paths": {"/a": {"get": {"operationId": "a", "responses": {"200": {"description": "OK"}}}}}}),
    ));
    assert!(
        !codes(&o).contains(&"ConvertCookieParameterDropped")
            && !codes(&o).contains(&"ConvertCallbacksDropped")
    );
}

#[test]
fn connector_needs_are_added() {
    let o = run(oas(json!({"paths": {
        "/pets/{petId}": {"get": {"summary": "Get a pet / by its id?", "parameters": [{"name": "petId", "in": "path", "required": true, "schema": {"type": "string"}}], "responses": {"200": {"description": "OK"}}},
                          "delete": {"operationId": "get-pet", "responses": {"204": {"description": "Deleted"}}}},
        "/pets": {"get": {"operationId": "GetPet", "summary": &"List all the pets ".repeat(10), "responses": {"200": {"description": "OK"}}}}
    }})));
    let p = &o.definition["paths"];
    let get = &p["/pets/{petId}"]["get"];
    assert_eq!(get["operationId"], "GetPetsByPetId");
    assert_eq!(get["summary"], "Get a pet by its id");
    assert_eq!(get["parameters"][0]["x-ms-url-encoding"], "single");
    assert_eq!(get["parameters"][0]["x-ms-summary"], "Pet ID");
    let del = p["/pets/{petId}"]["delete"]["operationId"]
        .as_str()
        .unwrap();
    let list = p["/pets"]["get"]["operationId"].as_str().unwrap();
    assert_eq!(list, "GetPet", "a valid id is kept");
    assert_eq!(del, "GetPet2", "'get-pet' is made PascalCase and unique");
    assert!(
        p["/pets"]["get"]["summary"]
            .as_str()
            .unwrap()
            .chars()
            .count()
            <= 80
    );
    let meta = o.definition["x-ms-connector-metadata"].as_array().unwrap();
    assert_eq!(meta.len(), 3);
    let c = &o.definition["info"]["contact"];
    assert!(c["name"].is_string() && c["url"].is_string() && c["email"].is_string());
    assert!(codes(&o).contains(&"ConvertContactAdded"));
    assert!(
        lint_errors(&o, Profile::Custom).is_empty(),
        "{:?}",
        lint_errors(&o, Profile::Custom)
    );
}

#[test]
fn swagger_2_input_is_normalised_and_other_input_is_refused() {
    let s2 = json!({"swagger": "2.0", "info": {"title": "Old API", "version": "1"}, "host": "old.example.com", "paths": {"/x/{id}": {"get": {"parameters": [{"name": "id", "in": "path", "required": true, "type": "string"}], "responses": {"200": {"description": "OK"}}}}}});
    let o = run(s2);
    assert_eq!(o.definition["info"]["title"], "Old");
    assert_eq!(
        o.definition["paths"]["/x/{id}"]["get"]["parameters"][0]["x-ms-url-encoding"],
        "single"
    );
    assert!(o.definition["paths"]["/x/{id}"]["get"]["operationId"].is_string());
    assert!(convert::convert(&json!({"openapi": "4.0"}), &Options::default()).is_err());
    assert!(convert::convert(&json!({"hello": 1}), &Options::default()).is_err());
    assert!(convert::convert(&json!([1]), &Options::default()).is_err());
}

#[test]
fn hostile_values_never_panic() {
    let shapes = [
        json!(null),
        json!(1),
        json!("x"),
        json!([]),
        json!({}),
        json!({"$ref": "#/nowhere"}),
        json!({"$ref": "#/paths"}),
    ];
    for v in &shapes {
        let doc = json!({"openapi": "3.0.0", "info": v, "servers": v, "paths": {"/a/{b}": {"parameters": v, "get": {"parameters": [v], "requestBody": v, "responses": {"200": v, "2XX": v}}}, "/c": v},
            "components": {"schemas": {"S": v, "T": {"oneOf": [v]}}, "parameters": {"P": v}, "responses": {"R": v}, "securitySchemes": {"X": v}}, "security": v});
        let _ = convert::convert(&doc, &Options::default());
    }
    // A self-referencing schema terminates.
    let doc = oas(
        json!({"components": {"schemas": {"L": {"$ref": "#/components/schemas/L"}, "N": {"properties": {"n": {"$ref": "#/components/schemas/N"}}}}}}),
    );
    let o = run(doc);
    assert_eq!(
        o.definition["definitions"]["N"]["properties"]["n"]["$ref"],
        "#/definitions/N"
    );
}

#[test]
fn init_passes_lint_for_every_profile_and_auth() {
    use init::Auth;
    for profile in [
        Profile::Custom,
        Profile::Certified,
        Profile::IndependentPublisher,
    ] {
        for auth in [
            Auth::None,
            Auth::ApiKey,
            Auth::Basic,
            Auth::OAuth2,
            Auth::Aad,
        ] {
            if profile == Profile::IndependentPublisher && matches!(auth, Auth::OAuth2 | Auth::Aad)
            {
                continue; // refused by `connkit init` (see init_refuses_oauth_for_independent_publishers)
            }
            let d = tempfile::tempdir().unwrap();
            for (name, bytes) in init::scaffold("Contoso Widgets", profile, auth) {
                std::fs::write(d.path().join(name), bytes).unwrap();
            }
            let c = Connector::load_dir(d.path(), "t".into());
            // Clean apart from the placeholders the author must replace (certification only).
            let (placeholders, findings): (Vec<_>, Vec<_>) =
                rules::lint(&c, profile, &LintOptions::default())
                    .into_iter()
                    .partition(|f| f.code == "PlaceholderValue");
            assert!(findings.is_empty(), "{profile:?} {auth:?}: {findings:?}");
            assert_eq!(placeholders.is_empty(), profile == Profile::Custom);
            assert!(c.readme.is_some());
            assert_eq!(c.intro.is_some(), profile == Profile::Certified);
            let readme = &c.readme.as_ref().unwrap().text;
            for s in [
                "## Publisher:",
                "## Prerequisites",
                "## Supported Operations",
                "## Obtaining Credentials",
                "## Known Issues and Limitations",
            ] {
                assert!(readme.contains(s), "{s}");
            }
        }
    }
}

fn connkit() -> Command {
    Command::cargo_bin("connkit").unwrap()
}

#[test]
fn cli_convert_writes_a_clean_connector_and_refuses_to_overwrite() {
    let d = tempfile::tempdir().unwrap();
    let spec = d.path().join("pets.yaml");
    std::fs::write(&spec, "openapi: 3.0.0\ninfo:\n  title: Pets\n  version: '1'\nservers:\n  - url: https://pets.example.com/v1\npaths:\n  /pets/{id}:\n    get:\n      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}\n      responses:\n        '200': {description: OK}\n").unwrap();
    let out = d.path().join("Pets");
    connkit()
        .arg("convert")
        .arg(&spec)
        .arg("-o")
        .arg(&out)
        .args(["--format", "json"])
        .assert()
        .success();
    let def: Value =
        serde_json::from_slice(&std::fs::read(out.join("apiDefinition.swagger.json")).unwrap())
            .unwrap();
    assert_eq!(def["swagger"], "2.0");
    assert!(out.join("apiProperties.json").is_file());
    connkit()
        .arg("lint")
        .arg(&out)
        .args(["--profile", "custom"])
        .assert()
        .success();
    // Second run: folder exists.
    connkit()
        .arg("convert")
        .arg(&spec)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2);
    connkit()
        .arg("convert")
        .arg(&spec)
        .arg("-o")
        .arg(&out)
        .arg("--force")
        .assert()
        .success();
    // Not a description.
    std::fs::write(d.path().join("x.json"), "{\"a\": 1}").unwrap();
    connkit()
        .arg("convert")
        .arg(d.path().join("x.json"))
        .arg("-o")
        .arg(d.path().join("X"))
        .assert()
        .code(2);
    assert!(!d.path().join("X").exists());
}

#[test]
fn cli_init_creates_a_connector_that_lints_clean_but_for_its_placeholders() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("contoso-widgets");
    connkit()
        .arg("init")
        .arg(&dir)
        .args(["--profile", "certified", "--auth", "oauth2"])
        .assert()
        .success();
    for f in [
        "apiDefinition.swagger.json",
        "apiProperties.json",
        "readme.md",
        "intro.md",
        "icon.png",
    ] {
        assert!(dir.join(f).is_file(), "{f}");
    }
    // The placeholders are the only findings, and they stop a certified lint.
    let o = connkit()
        .arg("lint")
        .arg(&dir)
        .args(["--profile", "certified", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let codes: std::collections::BTreeSet<&str> = v["connectors"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["PlaceholderValue"].into());
    connkit()
        .arg("init")
        .arg(&dir)
        .args(["--profile", "custom"])
        .assert()
        .code(2);
}

#[test]
fn cli_fmt_check_and_rewrite() {
    let d = tempfile::tempdir().unwrap();
    let f = d.path().join("apiDefinition.swagger.json");
    let src = "\u{feff}{\"paths\": {}, \"swagger\": \"2.0\", \"n\": 1.50}\r\n";
    std::fs::write(&f, src).unwrap();
    connkit().arg("fmt").arg("--check").arg(&f).assert().code(1);
    assert_eq!(
        std::fs::read_to_string(&f).unwrap(),
        src,
        "--check changes nothing"
    );
    connkit().arg("fmt").arg(&f).assert().success();
    let out = std::fs::read_to_string(&f).unwrap();
    assert_eq!(
        out,
        "\u{feff}{\r\n    \"swagger\": \"2.0\",\r\n    \"paths\": {},\r\n    \"n\": 1.50\r\n}\r\n"
    );
    connkit()
        .arg("fmt")
        .arg("--check")
        .arg(&f)
        .assert()
        .success();
    // Syntax errors: reported, file untouched.
    let bad = d.path().join("bad.json");
    std::fs::write(&bad, "{\"a\": 1, b}").unwrap();
    connkit().arg("fmt").arg(&bad).assert().code(2);
    assert_eq!(std::fs::read_to_string(&bad).unwrap(), "{\"a\": 1, b}");
}

/// lint calls a trailing comma advice (JsonTrailingComma, the platform reads the file); fmt
/// formats the same file, dropping the comma, instead of refusing it as "not valid JSON".
#[test]
fn fmt_formats_what_lint_calls_a_trailing_comma() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("c");
    std::fs::create_dir(&dir).unwrap();
    let def = "{\n  \"swagger\": \"2.0\",\n  \"info\": {\"title\": \"T\", \"version\": \"1\",},\n  \"paths\": {},\n}\n";
    std::fs::write(dir.join("apiDefinition.swagger.json"), def).unwrap();
    let lint = |dir: &std::path::Path| {
        let o = connkit()
            .arg("lint")
            .arg(dir)
            .args(["--format", "json"])
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        v["connectors"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["code"] == "JsonTrailingComma")
            .count()
    };
    assert_eq!(lint(&dir), 2);
    connkit().arg("fmt").arg(&dir).assert().success();
    let out = std::fs::read_to_string(dir.join("apiDefinition.swagger.json")).unwrap();
    let v: Value = serde_json::from_str(&out).expect("strict JSON now");
    assert_eq!(v["info"]["title"], "T");
    assert_eq!(lint(&dir), 0);
}

#[test]
fn cli_lint_fix_applies_safe_fixes_only() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("c");
    std::fs::create_dir(&dir).unwrap();
    let def = "{\n  \"swagger\": \"2.0\",\n  \"info\": {\"title\": \"T\", \"version\": \"1\"},\n  \"host\": \"a.example.com\",\n  \"paths\": {\n    \"/x/{id}\": {\n      \"get\": {\n        \"operationId\": \"GetX\",\n        \"parameters\": [\n          {\n            \"name\": \"id\",\n            \"in\": \"path\",\n            \"type\": \"string\"\n          }\n        ],\n        \"responses\": {\"200\": {\"description\": \"OK\"}}\n      }\n    }\n  }\n}\n";
    std::fs::write(dir.join("apiDefinition.swagger.json"), def).unwrap();
    std::fs::write(
        dir.join("apiProperties.json"),
        "{\"properties\": {\"iconBrandColor\": \"#007ee5\"}}",
    )
    .unwrap();
    connkit()
        .arg("lint")
        .arg(&dir)
        .args(["--profile", "custom"])
        .assert()
        .code(1);
    connkit()
        .arg("lint")
        .arg(&dir)
        .args(["--profile", "custom", "--fix"])
        .assert()
        .success();
    let after = std::fs::read_to_string(dir.join("apiDefinition.swagger.json")).unwrap();
    let expected = def.replace(
        "\"type\": \"string\"\n",
        "\"type\": \"string\",\n            \"x-ms-url-encoding\": \"single\",\n            \"required\": true\n",
    );
    assert_eq!(after, expected, "only the fix's bytes changed");
    // The rules listing marks the rule as fixable.
    connkit()
        .arg("rules")
        .assert()
        .success()
        .stdout(predicates::str::contains("[fixable]"));
}

#[test]
fn what_the_connector_schema_refuses_is_removed_and_reported() {
    let o = run(oas(json!({
        "info": {"title": "Pets", "version": "1", "x-logo": {"url": "x"}, "x-ms-unknown": 1, "contact": {"name": "A", "x-twitter": "a"}},
        "paths": {"/pets": {
            "get": {"operationId": "ListPets", "x-ms-pageable": {"nextLinkName": null}, "x-ms-visibility": "important",
                "parameters": [
                    {"name": "q", "in": "query", "schema": {"type": "integer", "default": "ten", "enum": [1, "two", 3], "format": "int32"}},
                    {"name": "q", "in": "query", "schema": {"type": "string"}},
                    {"name": "ip", "in": "query", "schema": {"type": "string", "format": "ipv4"}}],
                "requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}},
                "responses": {"200": {"description": "OK", "content": {"*/*": {"schema": {"type": "string"}, "example": "x"}}}}}}},
        "components": {"schemas": {"Pet": {"type": "object", "discriminator": {"propertyName": "kind"}, "properties": {"kind": {"type": "string"}, "format": {"type": "string", "format": "hostname"}, "x-ms-name": {"type": "string"}}}}},
        "tags": [{"name": "a"}, {"name": "a"}, {"description": "no name"}]
    })));
    let d = &o.definition;
    assert!(
        d["info"].get("x-logo").is_none(),
        "catalog extensions in info are dropped"
    );
    assert!(d["info"].get("x-ms-unknown").is_none());
    assert!(d["info"]["contact"].get("x-twitter").is_none());
    let op = &d["paths"]["/pets"]["get"];
    assert!(op.get("x-ms-pageable").is_none());
    assert_eq!(op["x-ms-visibility"], "important");
    let ps = op["parameters"].as_array().unwrap();
    assert_eq!(ps.len(), 2, "duplicate dropped: {ps:?}");
    assert!(ps[0].get("default").is_none());
    assert_eq!(ps[0]["enum"], json!([1, 3]));
    assert_eq!(ps[0]["format"], "int32");
    assert!(
        ps[1].get("format").is_none(),
        "ipv4 is not a connector format"
    );
    assert!(ps.iter().all(|p| p["in"] != "body"), "GET has no body");
    assert_eq!(op["produces"], json!(["application/json"]));
    assert_eq!(
        op["responses"]["200"]["examples"],
        json!({"application/json": "x"})
    );
    let pet = &d["definitions"]["Pet"];
    assert_eq!(pet["discriminator"], "kind");
    assert_eq!(pet["required"], json!(["kind"]));
    assert!(pet["properties"]["format"].get("format").is_none());
    assert!(
        pet["properties"]["x-ms-name"].is_object(),
        "a property named x-ms-… is data, not an extension"
    );
    assert_eq!(d["tags"], json!([{"name": "a"}]));
    for c in [
        "ConvertExtensionRemoved",
        "ConvertFormatRemoved",
        "ConvertDefaultRemoved",
        "ConvertEnumCleaned",
        "ConvertRequestBodyDropped",
        "ConvertParameterDropped",
    ] {
        assert!(codes(&o).contains(&c), "{c}");
    }
    assert!(
        lint_errors(&o, Profile::Custom).is_empty(),
        "{:?}",
        lint_errors(&o, Profile::Custom)
    );
}

/// OpenAPI 3 lets a readOnly property be required (it is then required in responses only);
/// Swagger 2.0 and certification refuse readOnly + required in a request body
/// (RequiredReadOnlyPropertyNotAllowedAsInput). Found converting apideck.com/accounting.
#[test]
fn read_only_properties_leave_required() {
    let o = run(oas(json!({
        "info": {"title": "Notes", "version": "1"},
        "paths": {"/notes": {"post": {"operationId": "CreateNote",
            "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Note"}}}},
            "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Note"}}}}}}}},
        "components": {"schemas": {
            "Note": {"type": "object", "required": ["id", "text"], "properties": {
                "id": {"type": "string", "readOnly": true}, "text": {"type": "string"}}},
            "Stamp": {"type": "object", "required": ["at"], "properties": {
                "at": {"type": "string", "readOnly": true}}}}}
    })));
    let defs = &o.definition["definitions"];
    assert_eq!(defs["Note"]["required"], json!(["text"]));
    assert!(
        defs["Stamp"].get("required").is_none(),
        "an emptied list is removed (RequiredPropertyArrayEmpty)"
    );
    assert_eq!(defs["Note"]["properties"]["id"]["readOnly"], true);
    assert!(codes(&o).contains(&"ConvertReadOnlyNotRequired"));
    let errors = lint_errors(&o, Profile::Custom);
    assert!(
        errors
            .iter()
            .all(|(code, _)| code != "RequiredReadOnlyPropertyNotAllowedAsInput"),
        "{errors:?}"
    );
}

#[test]
fn cli_convert_prints_findings_like_lint() {
    let d = tempfile::tempdir().unwrap();
    let spec = d.path().join("s.json");
    std::fs::write(&spec, r#"{"openapi": "3.0.0", "info": {"title": "S", "version": "1"}, "paths": {"/a": {"get": {"parameters": [{"name": "c", "in": "cookie", "schema": {"type": "string"}}], "responses": {"200": {"description": "OK"}}}}}}"#).unwrap();
    connkit()
        .arg("convert")
        .arg(&spec)
        .arg("-o")
        .arg(d.path().join("out"))
        .args(["--color", "never"])
        .assert()
        .success()
        .stdout(predicates::str::contains("warning[ConvertHostMissing]"))
        .stdout(predicates::str::contains(
            "warning[ConvertCookieParameterDropped]",
        ))
        .stdout(predicates::str::contains("apiDefinition.swagger.json:"));
}

#[test]
fn cli_lint_fix_leaves_files_with_syntax_errors_alone() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("c");
    std::fs::create_dir(&dir).unwrap();
    // Trailing comma: the lenient reader still finds the path parameter problem, but the
    // file is not strict JSON, so --fix must not rewrite it.
    let def = "{\"swagger\": \"2.0\", \"info\": {\"title\": \"T\", \"version\": \"1\"}, \"host\": \"a.example.com\", \"paths\": {\"/x/{id}\": {\"get\": {\"operationId\": \"GetX\", \"parameters\": [{\"name\": \"id\", \"in\": \"path\", \"type\": \"string\"}], \"responses\": {\"200\": {\"description\": \"OK\"}}}}},}";
    std::fs::write(dir.join("apiDefinition.swagger.json"), def).unwrap();
    connkit()
        .arg("lint")
        .arg(&dir)
        .args(["--profile", "custom", "--fix"])
        .assert()
        .code(1);
    assert_eq!(
        std::fs::read_to_string(dir.join("apiDefinition.swagger.json")).unwrap(),
        def
    );
}

#[test]
fn missing_summaries_come_from_the_description_or_the_operation_id() {
    let o = run(oas(json!({"paths": {
        "/a": {"get": {"description": "Fetch current comic and metadata.\n", "responses": {"200": {"description": "OK"}}}},
        "/b": {"get": {"operationId": "listAllBees", "description": &"Long text ".repeat(20), "responses": {"200": {"description": "OK"}}}}
    }})));
    let p = &o.definition["paths"];
    assert_eq!(
        p["/a"]["get"]["summary"],
        "Fetch current comic and metadata"
    );
    assert_eq!(
        p["/a"]["get"]["description"],
        "Fetch current comic and metadata."
    );
    assert_eq!(p["/b"]["get"]["summary"], "List all bees");
}

#[test]
fn broken_references_never_reach_the_output() {
    let o = run(oas(json!({"paths": {"/a": {"get": {"operationId": "A",
        "parameters": [{"$ref": "#/components/parameters/Missing"}, {"$ref": "#/components/parameters/Cookie"}],
        "responses": {"200": {"$ref": "#/components/responses/Missing"}, "404": {"description": "x", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Missing"}}}}}}}},
        "components": {"parameters": {"Cookie": {"name": "c", "in": "cookie", "schema": {"type": "string"}}}}})));
    let text = serde_json::to_string(&o.definition).unwrap();
    assert!(
        !text.contains("Missing") && !text.contains("Cookie"),
        "{text}"
    );
    assert!(codes(&o).contains(&"ConvertRefBroken"));
    assert!(
        lint_errors(&o, Profile::Custom).is_empty(),
        "{:?}",
        lint_errors(&o, Profile::Custom)
    );
}

#[test]
fn more_than_256_operations_are_reported() {
    let paths = |n: usize| -> Value {
        (0..n)
            .map(|i| {
                (
                    format!("/r{i}"),
                    json!({"get": {"responses": {"200": {"description": "OK"}}}}),
                )
            })
            .collect::<serde_json::Map<_, _>>()
            .into()
    };
    assert!(codes(&run(oas(json!({"paths": paths(257)})))).contains(&"ConvertTooManyOperations"));
    assert!(!codes(&run(oas(json!({"paths": paths(256)})))).contains(&"ConvertTooManyOperations"));
}

#[test]
fn odata_nullable_references_keep_the_reference_and_notes_are_capped() {
    let mut schemas = serde_json::Map::new();
    schemas.insert(
        "Cat".into(),
        json!({"type": "object", "properties": {"meow": {"type": "boolean"}}}),
    );
    for i in 0..30 {
        schemas.insert(format!("S{i}"), json!({"type": "object", "properties": {
            "cat": {"anyOf": [{"$ref": "#/components/schemas/Cat"}, {"type": "object", "nullable": true}]},
            "mixed": {"oneOf": [{"type": "string"}, {"type": "integer"}]}}}));
    }
    let o = run(oas(json!({"components": {"schemas": schemas}})));
    let cat = &o.definition["definitions"]["S0"]["properties"]["cat"];
    assert_eq!(cat["allOf"][0]["$ref"], "#/definitions/Cat");
    assert_eq!(cat["x-nullable"], true);
    let mixed = o
        .notes
        .iter()
        .filter(|n| n.code == "ConvertOneOfSimplified")
        .count();
    assert_eq!(
        mixed,
        convert::NOTES_PER_CODE + 1,
        "20 notes and one '… and 10 more'"
    );
    // The summary follows the notes it counts, at the same place.
    let at = o
        .notes
        .iter()
        .position(|n| n.message.contains("10 more"))
        .unwrap();
    assert_eq!(o.notes[at].code, "ConvertOneOfSimplified");
    assert_eq!(o.notes[at - 1].code, "ConvertOneOfSimplified");
    assert_eq!(o.notes[at].pointer, o.notes[at - 1].pointer);
    assert!(
        o.notes[at + 1..]
            .iter()
            .all(|n| n.code != "ConvertOneOfSimplified")
    );
}

#[test]
fn deep_and_extension_references_resolve_in_the_output() {
    let o = run(oas(json!({"components": {"schemas": {
        "Transfer": {"type": "object", "definitions": {"acct": {"type": "string", "format": "uuid"}}},
        "Account": {"type": "object", "x-schema": {"$ref": "#/components/schemas/Transfer"}, "x-sample": {"$ref": "#/paths/~1a"}, "properties": {
            "acct": {"$ref": "#/components/schemas/Transfer/definitions/acct"}}}
    }}})));
    let a = &o.definition["definitions"]["Account"];
    // Issue 17: a reference below a component is hoisted into definitions, not inlined.
    assert_eq!(
        a["properties"]["acct"],
        json!({"$ref": "#/definitions/Transfer_acct"}),
        "deep reference hoisted"
    );
    assert_eq!(
        o.definition["definitions"]["Transfer_acct"],
        json!({"type": "string", "format": "uuid"})
    );
    assert!(codes(&o).contains(&"ConvertNestedRefHoisted"));
    // Foreign extensions are dropped with the references they hold.
    assert!(a.get("x-schema").is_none() && a.get("x-sample").is_none());
    assert!(
        lint_errors(&o, Profile::Custom).is_empty(),
        "{:?}",
        lint_errors(&o, Profile::Custom)
    );
}

#[test]
fn a_property_named_ref_is_dropped_and_reported() {
    let o = run(oas(
        json!({"components": {"schemas": {"Schema": {"type": "object", "required": ["$ref", "id"], "properties": {
        "$ref": {"type": "string"}, "id": {"type": "string"}}}}}}),
    ));
    let s = &o.definition["definitions"]["Schema"];
    assert!(s["properties"].get("$ref").is_none() && s["properties"]["id"].is_object());
    assert_eq!(s["required"], json!(["id"]));
    assert!(codes(&o).contains(&"ConvertPropertyDropped"));
    assert!(
        lint_errors(&o, Profile::Custom).is_empty(),
        "{:?}",
        lint_errors(&o, Profile::Custom)
    );
}

#[test]
fn init_refuses_oauth_for_independent_publishers() {
    let d = tempfile::tempdir().unwrap();
    for auth in ["oauth2", "aad"] {
        let dir = d.path().join(auth);
        connkit()
            .arg("init")
            .arg(&dir)
            .args(["--profile", "independent-publisher", "--auth", auth])
            .assert()
            .code(2)
            .stderr(predicates::str::contains("may not use OAuth"));
        assert!(!dir.exists(), "nothing written");
    }
}

#[test]
fn init_placeholders_are_flagged_by_certification_lints() {
    for profile in [Profile::Certified, Profile::IndependentPublisher] {
        let d = tempfile::tempdir().unwrap();
        for (name, bytes) in init::scaffold("Contoso Tasks", profile, init::Auth::ApiKey) {
            std::fs::write(d.path().join(name), bytes).unwrap();
        }
        let c = Connector::load_dir(d.path(), "t".into());
        let found: std::collections::BTreeSet<(String, String)> =
            rules::lint(&c, profile, &LintOptions::default())
                .into_iter()
                .filter(|f| f.code == "PlaceholderValue")
                .map(|f| (f.file, f.pointer))
                .collect();
        // Every placeholder init writes (issue 24): names, contact, the invented host and
        // URLs, the readme's publisher line and, for certified, the placeholder icon.
        let def = "apiDefinition.swagger.json";
        let mut want: Vec<(&str, &str)> = vec![
            (def, "/info/contact/name"),
            (def, "/info/contact/email"),
            (def, "/info/contact/url"),
            (def, "/host"),
            (def, "/x-ms-connector-metadata/0/propertyValue"),
            (def, "/x-ms-connector-metadata/1/propertyValue"),
            ("apiProperties.json", "/properties/publisher"),
            ("apiProperties.json", "/properties/stackOwner"),
            ("readme.md", ""),
        ];
        if profile == Profile::Certified {
            want.push(("icon.png", ""));
        }
        let want: std::collections::BTreeSet<(String, String)> = want
            .into_iter()
            .map(|(f, p)| (f.to_string(), p.to_string()))
            .collect();
        assert_eq!(found, want, "{profile:?}");
    }
}

/// Fixing the four name and e-mail placeholders is not enough: lint stays red until the
/// host, the URLs, the readme and the icon are replaced too (the false all-clear of issue 24).
#[test]
fn init_certified_is_not_clean_until_every_placeholder_is_replaced() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("contoso-widgets");
    connkit()
        .arg("init")
        .arg(&dir)
        .args(["--profile", "certified"])
        .assert()
        .success();
    let edit = |file: &str, from: &str, to: &str| {
        let p = dir.join(file);
        let t = std::fs::read_to_string(&p).unwrap();
        assert!(t.contains(from), "{file}: no {from}");
        std::fs::write(&p, t.replace(from, to)).unwrap();
    };
    edit("apiProperties.json", "Publisher name", "Contoso");
    edit("apiProperties.json", "Service owner name", "Contoso");
    edit("apiDefinition.swagger.json", "Publisher name", "Contoso");
    edit(
        "apiDefinition.swagger.json",
        "support@example.com",
        "support@contoso.com",
    );
    let lint = || {
        let o = connkit()
            .arg("lint")
            .arg(&dir)
            .args(["--format", "json"])
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        (o.status.code(), v)
    };
    let (code, v) = lint();
    assert_eq!(code, Some(1), "still placeholders: {v:#}");
    let left: std::collections::BTreeSet<String> = v["connectors"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "PlaceholderValue")
        .map(|f| f["file"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        left,
        ["apiDefinition.swagger.json", "icon.png", "readme.md"]
            .map(String::from)
            .into()
    );
    // Replaced: clean.
    edit("apiDefinition.swagger.json", ".example.com", ".com");
    edit(
        "readme.md",
        "## Publisher: Publisher name",
        "## Publisher: Contoso",
    );
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("connectors/certified-connectors/ContosoTasks/icon.png"),
        dir.join("icon.png"),
    )
    .unwrap();
    let (code, v) = lint();
    assert_eq!(code, Some(0), "{v:#}");
}

/// `init NAME` without --profile: the profile the folder implies (as lint decides), said
/// in what it prints, never "(from --profile)".
#[test]
fn init_without_a_profile_takes_the_one_the_folder_implies() {
    let d = tempfile::tempdir().unwrap();
    let plain = d.path().join("Widgets");
    let o = connkit().arg("init").arg(&plain).output().unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(all.contains("custom (default: "), "{all}");
    assert!(!all.contains("from --profile"), "{all}");
    assert!(!plain.join("intro.md").exists());
    let certified = d.path().join("certified-connectors/Widgets");
    let o = connkit().arg("init").arg(&certified).output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("certified (the path is under certified-connectors/)"),
        "{err}"
    );
    assert!(certified.join("intro.md").is_file() && certified.join("icon.png").is_file());
}

/// convert without --profile says where the profile came from, not "(from --profile)".
#[test]
fn convert_without_a_profile_does_not_claim_one_was_given() {
    let d = tempfile::tempdir().unwrap();
    let spec = d.path().join("pets.yaml");
    std::fs::write(&spec, "openapi: 3.0.0\ninfo:\n  title: Pets\n  version: '1'\nservers:\n  - url: https://pets.contoso.com/v1\npaths:\n  /pets/{id}:\n    get:\n      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}\n      responses:\n        '200': {description: OK}\n").unwrap();
    let o = connkit()
        .arg("convert")
        .arg(&spec)
        .arg("-o")
        .arg(d.path().join("Pets"))
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(!out.contains("from --profile"), "{out}");
    assert!(out.contains("Profile: custom (default: "), "{out}");
    let o = connkit()
        .arg("convert")
        .arg(&spec)
        .arg("-o")
        .arg(d.path().join("Pets2"))
        .args(["--profile", "certified"])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("Profile: certified (from --profile)"), "{out}");
}

#[test]
fn foreign_vendor_extensions_are_dropped_with_their_references_and_noted() {
    let o = run(oas(json!({
        "x-webhooks": {"push": {"post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}}}}},
        "paths": {"/items": {"get": {
            "operationId": "ListItems", "summary": "List items", "description": "Lists the items.",
            "x-github": {"category": "items", "previews": [{"$ref": "#/components/schemas/Item"}]},
            "x-octokit": {"changes": []},
            "x-ms-visibility": "important",
            "responses": {"200": {"description": "The items.", "content": {"application/json": {"schema": {
                "type": "object", "x-github-breaking-changes": [{"$ref": "#/components/schemas/Item"}],
                "properties": {"x-total": {"type": "integer", "description": "A property named like an extension stays."}}}}}}}
        }}},
        "components": {"schemas": {"Item": {"type": "object", "properties": {"id": {"type": "string"}}}}}
    })));
    let text = o.definition.to_string();
    for gone in [
        "x-webhooks",
        "x-github",
        "x-octokit",
        "x-github-breaking-changes",
    ] {
        assert!(!text.contains(&format!("\"{gone}\"")), "{gone}: {text}");
    }
    let op = &o.definition["paths"]["/items"]["get"];
    assert_eq!(op["x-ms-visibility"], "important");
    assert!(op["responses"]["200"]["schema"]["properties"]["x-total"].is_object());
    let n = o
        .notes
        .iter()
        .find(|n| n.code == "ConvertVendorExtensionDropped")
        .expect("a note");
    assert!(
        n.message.contains("x-github")
            && n.message.contains("x-octokit")
            && n.message.contains("x-webhooks"),
        "{}",
        n.message
    );
    assert!(
        lint_errors(&o, Profile::Custom).is_empty(),
        "{:?}",
        lint_errors(&o, Profile::Custom)
    );
}

#[test]
fn a_result_too_large_to_lint_is_reported_as_unchecked_not_clean() {
    let d = tempfile::tempdir().unwrap();
    // About 9 MB of descriptions in one schema.
    let big = "x".repeat(9 * 1024 * 1024);
    let spec =
        oas(json!({"components": {"schemas": {"Big": {"type": "object", "description": big}}}}));
    std::fs::write(d.path().join("big.json"), spec.to_string()).unwrap();
    let o = connkit()
        .arg("convert")
        .arg(d.path().join("big.json"))
        .arg("-o")
        .arg(d.path().join("Big"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{stdout}");
    assert!(!stdout.contains("Found 0 errors"), "{stdout}");
    assert!(stdout.contains("ConvertResultNotLinted"), "{stdout}");
    assert!(String::from_utf8_lossy(&o.stderr).contains("not linted"));
}

/// Issue 17: nested component references are hoisted, so a recursive schema under
/// `definitions` of a component neither blows up nor reaches SchemaTooDeep.
#[test]
fn nested_component_references_are_hoisted_and_lint_clean() {
    let o = run(oas(json!({
        "paths": {"/tree": {"get": {"operationId": "GetTree", "responses": {"200": {"description": "OK",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Doc/definitions/Node"}}}}}}}},
        "components": {"schemas": {
            "Doc": {"type": "object", "definitions": {"Node": {"type": "object", "properties": {
                "name": {"type": "string"},
                "children": {"type": "array", "items": {"$ref": "#/components/schemas/Doc/definitions/Node"}}}}},
                "properties": {"root": {"$ref": "#/components/schemas/Doc/definitions/Node"}}},
            "Doc_Node": {"type": "integer"}
        }}
    })));
    let d = &o.definition["definitions"];
    let node = json!({"$ref": "#/definitions/Doc_Node2"});
    assert_eq!(d["Doc"]["properties"]["root"], node);
    assert_eq!(d["Doc_Node2"]["properties"]["children"]["items"], node);
    assert_eq!(
        o.definition["paths"]["/tree"]["get"]["responses"]["200"]["schema"],
        node
    );
    assert_eq!(d["Doc_Node"], json!({"type": "integer"}));
    let errors = lint_errors(&o, Profile::Custom);
    assert!(errors.is_empty(), "{errors:?}");
}

/// Issue 17: an object schema under application/octet-stream is the raw bytes.
#[test]
fn object_bodies_under_octet_stream_become_binary_strings() {
    let o = run(oas(
        json!({"paths": {"/files": {"post": {"operationId": "UploadFile",
        "requestBody": {"required": true, "content": {"application/octet-stream": {"schema": {"type": "object",
            "properties": {"name": {"type": "string"}}}}}},
        "responses": {"200": {"description": "OK"}}}}}}),
    ));
    let body = &o.definition["paths"]["/files"]["post"]["parameters"][0];
    assert_eq!(body["in"], "body");
    assert_eq!(
        body["schema"],
        json!({"type": "string", "format": "binary"})
    );
    assert_eq!(
        o.definition["paths"]["/files"]["post"]["consumes"],
        json!(["application/octet-stream"])
    );
    assert!(codes(&o).contains(&"ConvertBinaryBody"));
    let errors = lint_errors(&o, Profile::Custom);
    assert!(errors.is_empty(), "{errors:?}");
}

/// Issue 17 / README: PascalCase unique operationIds, and with `--profile certified` the
/// derivable texts are filled and the rest listed as ConvertAuthorMustWrite.
#[test]
fn certified_conversion_fills_derivable_texts_and_lists_what_the_author_must_write() {
    let input = oas(json!({"paths": {
        "/users/{userId}": {"get": {"operationId": "getUser", "summary": "Get a user",
            "parameters": [{"name": "userId", "in": "path", "required": true, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/User"}}}}}}},
        "/users": {"get": {"operationId": "GetUser", "description": "Lists the users of the store.",
            "parameters": [{"name": "pageSize", "in": "query", "schema": {"type": "integer"}}],
            "responses": {"200": {"description": "OK"}}},
                   "post": {"operationId": "create_user",
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"emailAddress": {"type": "string"}}}}}},
            "responses": {"201": {"description": "Created"}}}}
    }, "components": {"schemas": {"User": {"type": "object", "properties": {"userId": {"type": "string"}, "createdAt": {"type": "string"}}}}}}));
    let o = convert::convert(
        &input,
        &Options {
            profile: Profile::Certified,
            ..Default::default()
        },
    )
    .unwrap();
    let p = &o.definition["paths"];
    let ids: Vec<&str> = [
        &p["/users/{userId}"]["get"],
        &p["/users"]["get"],
        &p["/users"]["post"],
    ]
    .iter()
    .map(|op| op["operationId"].as_str().unwrap())
    .collect();
    assert_eq!(
        ids,
        ["GetUser2", "GetUser", "CreateUser"],
        "PascalCase and unique"
    );
    let get = &p["/users/{userId}"]["get"];
    assert_eq!(get["description"], "Get a user (GET /users/{userId}).");
    assert_eq!(get["parameters"][0]["description"], "User ID");
    assert_eq!(get["parameters"][0]["x-ms-summary"], "User ID");
    assert_eq!(get["responses"]["200"]["description"], "OK");
    assert_eq!(
        p["/users"]["get"]["summary"],
        "Lists the users of the store"
    );
    let user = &o.definition["definitions"]["User"]["properties"];
    assert_eq!(user["createdAt"]["description"], "Created At");
    assert_eq!(user["userId"]["x-ms-summary"], "User ID");
    let body = &p["/users"]["post"]["parameters"][0]["schema"]["properties"]["emailAddress"];
    assert_eq!(body["x-ms-summary"], "Email Address");
    let must: Vec<&str> = o
        .notes
        .iter()
        .filter(|n| n.code == "ConvertAuthorMustWrite")
        .map(|n| n.pointer.as_str())
        .collect();
    for ptr in [
        "/paths/~1users/post/description",
        "/info/contact/name",
        "/info/contact/email",
        "/x-ms-connector-metadata/0/propertyValue",
        "/x-ms-connector-metadata/1/propertyValue",
        "/properties/publisher",
        "/properties/iconBrandColor",
    ] {
        assert!(must.contains(&ptr), "{ptr} in {must:?}");
    }
    assert!(codes(&o).contains(&"ConvertDescriptionAdded"));
    let errors = lint_errors(&o, Profile::Certified);
    let missing: Vec<_> = errors
        .iter()
        .filter(|(c, _)| c == "RequiredPropertyMissing" || c == "OperationIdNotPascalCase")
        .collect();
    assert!(missing.is_empty(), "{missing:?}");
    // The custom profile gets PascalCase ids too, but no derived texts.
    let o = run(input);
    assert_eq!(
        o.definition["paths"]["/users/{userId}"]["get"]["operationId"],
        "GetUser2"
    );
    assert!(
        o.definition["paths"]["/users/{userId}"]["get"]
            .get("description")
            .is_none()
    );
    assert!(!codes(&o).contains(&"ConvertAuthorMustWrite"));
}
