use std::path::PathBuf;

use serde_json::{Value, json};

use super::*;
use crate::model::Connector;

/// The rules' test connector, in a folder named `Sample`.
fn connector(def: Value, props: Value) -> Connector {
    Connector {
        dir: PathBuf::from("Sample"),
        ..crate::rules::testing::connector_from(def, Some(props))
    }
}

fn showcase() -> Preview {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/preview/Showcase");
    build(&Connector::load_dir(&dir, "Showcase".into()))
}

fn card<'p>(p: &'p Preview, id: &str) -> &'p Card {
    p.cards.iter().find(|c| c.id == id).expect(id)
}

/// Every input of a card, flattened, with the groups it sits in.
fn inputs(c: &Card) -> Vec<&Input> {
    fn walk<'c>(list: &'c [InputNode], out: &mut Vec<&'c Input>) {
        for n in list {
            match n {
                InputNode::Input(i) => out.push(i),
                InputNode::Group(g) => walk(&g.children, out),
            }
        }
    }
    let mut out = Vec::new();
    walk(&c.inputs, &mut out);
    out
}

#[test]
fn cards_in_file_order_without_internal_operations() {
    let p = showcase();
    let ids: Vec<&str> = p.cards.iter().map(|c| c.id.as_str()).collect();
    // POST before GET under /tickets: the file's order, not Swagger's method order.
    assert_eq!(
        ids,
        ["CreateTicket", "ListTickets", "CloseTicket", "OnNewTickets"]
    );
    assert_eq!(card(&p, "OnNewTickets").kind, Kind::Trigger);
    assert_eq!(card(&p, "OnNewTickets").trigger.as_deref(), Some("batch"));
    assert!(card(&p, "CloseTicket").deprecated);
    assert!(!card(&p, "CreateTicket").deprecated);
    assert_eq!(card(&p, "CreateTicket").title, "Create a ticket");
    assert_eq!(p.title, "Contoso Desk");
    assert_eq!(p.brand_color.as_deref(), Some("#da3b01"));
    assert!(p.icon.as_ref().is_some_and(|b| b.starts_with(b"\x89PNG")));
}

#[test]
fn inputs_as_the_designer_lays_them_out() {
    let p = showcase();
    let c = card(&p, "CreateTicket");
    let keys: Vec<(&str, Visibility, bool)> = inputs(c)
        .iter()
        .map(|i| (i.key.as_str(), i.visibility, i.required))
        .collect();
    assert_eq!(
        keys,
        [
            ("body/subject", Visibility::None, true),
            ("body/queue", Visibility::None, true),
            ("body/priority", Visibility::None, false),
            ("body/requester/email", Visibility::None, true),
            ("body/requester/name", Visibility::Advanced, false),
            ("body/tags", Visibility::Advanced, false),
            ("notify", Visibility::Advanced, false),
        ],
        "internal body property and header absent"
    );
    let InputNode::Group(g) = &c.inputs[3] else {
        panic!("requester is a group: {:?}", c.inputs[3])
    };
    assert_eq!(g.key, "body/requester");
    assert_eq!(g.label, "Requester");
    let all = inputs(c);
    let priority = all.iter().find(|i| i.key == "body/priority").unwrap();
    assert_eq!(priority.label, "Priority");
    assert_eq!(priority.default.as_deref(), Some("normal"));
    assert_eq!(
        priority.options[2],
        DropdownOption {
            value: "high".into(),
            text: "High".into()
        }
    );
    let queue = all.iter().find(|i| i.key == "body/queue").unwrap();
    assert_eq!(
        queue.dynamic.as_ref().map(|d| d.operation_id.as_str()),
        Some("ListQueues")
    );

    let list = card(&p, "ListTickets");
    let all = inputs(list);
    let top = all.iter().find(|i| i.key == "top").unwrap();
    let values: Vec<&str> = top.options.iter().map(|o| o.value.as_str()).collect();
    assert_eq!(values, ["10", "50", "100"], "numbers in JSON notation");
    assert_eq!(all[0].visibility, Visibility::Important);
    let trigger = card(&p, "OnNewTickets");
    assert_eq!(
        inputs(trigger)[0].dynamic,
        Some(Dynamic {
            operation_id: "ListQueues".into(),
            extension: "x-ms-dynamic-list"
        })
    );
}

#[test]
fn outputs_from_the_success_schema_without_internal_ones() {
    let p = showcase();
    let paths = |c: &Card| -> Vec<String> { c.outputs.iter().map(|o| o.path.clone()).collect() };
    assert_eq!(
        paths(card(&p, "CreateTicket")),
        ["id", "subject", "status", "requester/email", "createdAt"]
    );
    // An array offers itself and its items' properties; nextLink is internal.
    assert_eq!(
        paths(card(&p, "ListTickets")),
        [
            "value",
            "value/id",
            "value/subject",
            "value/status",
            "value/requester/email",
            "value/createdAt"
        ]
    );
    assert_eq!(card(&p, "ListTickets").outputs[0].label, "Tickets");
    assert!(card(&p, "CloseTicket").outputs.is_empty());
}

#[test]
fn connection_dialog_hides_hidden_parameters_and_reads_string_flags() {
    let p = showcase();
    let names: Vec<&str> = p
        .connection
        .parameters
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["api_key", "region"]);
    let key = &p.connection.parameters[0];
    assert!(key.secure && key.required);
    assert_eq!(key.label, "API Key");
    assert!(!p.connection.parameters[1].required);
    assert_eq!(p.connection.parameters[1].allowed_values.len(), 2);

    let sets = connector(
        json!({"swagger": "2.0", "paths": {}}),
        json!({"properties": {"connectionParameterSets": {
        "uiDefinition": {"displayName": "Authentication type"},
        "values": [
            {"name": "oauth", "uiDefinition": {"displayName": "Sign in"},
             "parameters": {"token": {"type": "oauthSetting", "oAuthSettings": {"identityProvider": "aad", "scopes": ["a"]}}}},
            {"name": "key", "parameters": {"k": {"type": "securestring", "uiDefinition": {"constraints": {"required": true}}}}}
        ]}}}),
    );
    let d = build(&sets).connection;
    let sets = d.sets.unwrap();
    assert_eq!(sets.label.as_deref(), Some("Authentication type"));
    assert_eq!(
        sets.sets[0].parameters[0].identity_provider.as_deref(),
        Some("aad")
    );
    assert_eq!(sets.sets[1].label, "key", "no displayName: the name");
    // `required` is the string "true" in apiProperties; a boolean is not what the platform reads.
    assert!(!sets.sets[1].parameters[0].required);
}

#[test]
fn body_without_properties_is_one_input_and_path_params_apply() {
    let c = connector(
        json!({"swagger": "2.0", "paths": {"/x/{id}": {
            "parameters": [{"name": "id", "in": "path", "required": true, "type": "string"}],
            "put": {"operationId": "Put", "parameters": [
                {"name": "payload", "in": "body", "required": true, "x-ms-summary": "Payload", "schema": {"type": "string"}}
            ], "responses": {"200": {"description": "ok", "schema": {"type": "string"}}}}}}}),
        json!({}),
    );
    let p = build(&c);
    let keys: Vec<(&str, &str, bool)> = inputs(&p.cards[0])
        .iter()
        .map(|i| (i.key.as_str(), i.label.as_str(), i.required))
        .collect();
    assert_eq!(keys, [("payload", "Payload", true), ("id", "id", true)]);
    assert!(p.cards[0].whole_body_output && p.cards[0].outputs.is_empty());
    assert_eq!(p.title, "Sample", "no info.title: the folder name");
}

#[test]
fn hostile_shapes_are_bounded_and_never_panic() {
    // Each level uses the next one twice: 2^30 paths if expanded naively.
    let mut defs = serde_json::Map::new();
    for i in 0..30 {
        defs.insert(
            format!("D{i}"),
            json!({"type": "object", "properties": {
                "a": {"$ref": format!("#/definitions/D{}", i + 1)},
                "b": {"$ref": format!("#/definitions/D{}", i + 1)}
            }}),
        );
    }
    defs.insert("D30".into(), json!({"type": "string"}));
    defs.insert(
        "Loop".into(),
        json!({"properties": {"self": {"$ref": "#/definitions/Loop"}, "x": {"type": "string"}}}),
    );
    let c = connector(
        json!({"swagger": "2.0", "paths": {"/a": {"post": {
            "operationId": "A",
            "parameters": [
                {"name": "body", "in": "body", "schema": {"$ref": "#/definitions/D0"}},
                {"name": "q", "in": "query", "type": "string", "enum": [{"o": 1}, null, 1.5]},
                {"$ref": "#/parameters/Missing"},
                "not an object",
                {"in": "query"}
            ],
            "responses": {"200": {"description": "x", "schema": {"$ref": "#/definitions/Loop"}}}
        }}}, "definitions": defs}),
        json!({"properties": {"connectionParameters": []}}),
    );
    let p = build(&c);
    let card = &p.cards[0];
    let n = inputs(card).len();
    assert!(n <= MAX_INPUTS_PER_CARD, "{n}");
    // 2^MAX_DEPTH leaves fit below the card limit; deeper levels are cut, not expanded.
    assert!(n >= 1 << (MAX_DEPTH - 1), "{n}");
    let q = inputs(card).into_iter().find(|i| i.key == "q").unwrap();
    let values: Vec<&str> = q.options.iter().map(|o| o.value.as_str()).collect();
    assert_eq!(values, [r#"{"o":1}"#, "null", "1.5"]);
    let outs: Vec<&str> = card.outputs.iter().map(|o| o.path.as_str()).collect();
    assert_eq!(outs, ["self", "x"], "a cycle is not followed again");
}

#[test]
fn findings_go_on_the_card_of_their_operation_or_shared_parameter() {
    let c = connector(
        json!({"swagger": "2.0",
        "parameters": {"Shared": {"name": "s", "in": "query", "type": "string"}},
        "paths": {
            "/a": {"get": {"operationId": "A", "parameters": [{"$ref": "#/parameters/Shared"}], "responses": {}}},
            "/ab": {"get": {"operationId": "AB", "responses": {}}}
        }}),
        json!({}),
    );
    let mut p = build(&c);
    let finding = |pointer: &str| crate::rules::Finding {
        code: "X",
        severity: crate::core::Severity::Warning,
        gate: crate::core::Gate::Review,
        file: "apiDefinition.swagger.json".into(),
        pointer: pointer.into(),
        line: 1,
        column: 1,
        message: "m".into(),
        end_column: 1,
        source_line: None,
        source_column: 1,
    };
    attach_findings(
        &mut p,
        "apiDefinition.swagger.json",
        &[
            finding("/paths/~1a/get/summary"),
            finding("/parameters/Shared/x-ms-summary"),
            finding("/paths/~1ab/get"),
            finding("/info"),
        ],
    );
    assert_eq!(p.cards[0].findings.len(), 2, "{:?}", p.cards[0].findings);
    assert_eq!(
        p.cards[1].findings.len(),
        1,
        "/paths/~1a is not a prefix of /paths/~1ab"
    );
}

#[test]
fn thousands_of_properties_that_each_hold_thousands_stop_at_the_card_limit() {
    let wide: serde_json::Map<String, Value> = (0..3_000)
        .map(|i| (format!("p{i}"), json!({"$ref": "#/definitions/Wide"})))
        .collect();
    let leaves: serde_json::Map<String, Value> = (0..3_000)
        .map(|i| (format!("q{i}"), json!({"type": "string"})))
        .collect();
    let c = connector(
        json!({"swagger": "2.0", "paths": {"/a": {"post": {"operationId": "A",
            "parameters": [{"name": "body", "in": "body", "schema": {"properties": wide}}],
            "responses": {"200": {"description": "x", "schema": {"properties": wide}}}}}},
            "definitions": {"Wide": {"type": "object", "properties": leaves}}}),
        json!({}),
    );
    let p = build(&c);
    let card = &p.cards[0];
    assert_eq!(inputs(card).len(), MAX_INPUTS_PER_CARD);
    assert!(card.truncated > 0 && p.truncated == card.truncated);
}
