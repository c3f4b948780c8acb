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

const VOID: &[&str] = &["meta", "img", "input", "br", "hr", "link"];

/// A strict reading of the page: every non-void element closed in order, no self-closing
/// tag, no duplicate attribute, attribute values quoted. Returns the tags opened, in order,
/// as (name, attributes).
fn parse_strict(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let tag = regex::Regex::new(
        r#"<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+(?:="[^"<>]*")?)*)\s*(/?)>"#,
    )
    .unwrap();
    let attr = regex::Regex::new(r#"([a-zA-Z-]+)(?:="([^"]*)")?"#).unwrap();
    let body = html
        .strip_prefix("<!DOCTYPE html>\n")
        .expect("doctype first");
    let mut stack: Vec<String> = Vec::new();
    let mut opened = Vec::new();
    let mut last = 0;
    for m in tag.captures_iter(body) {
        let whole = m.get(0).unwrap();
        let between = &body[last..whole.start()];
        assert!(
            !between.contains('<') && !between.contains('>'),
            "stray markup in text: {between:?}"
        );
        last = whole.end();
        let name = m[2].to_ascii_lowercase();
        assert!(m[4].is_empty(), "self-closing <{name}/>");
        if &m[1] == "/" {
            assert_eq!(
                stack.pop().as_deref(),
                Some(name.as_str()),
                "misnested </{name}>"
            );
            continue;
        }
        let mut attrs: Vec<(String, String)> = Vec::new();
        for a in attr.captures_iter(&m[3]) {
            let k = a[1].to_string();
            assert!(
                !attrs.iter().any(|(x, _)| *x == k),
                "duplicate {k} in {}",
                whole.as_str()
            );
            attrs.push((k, a.get(2).map_or("", |v| v.as_str()).to_string()));
        }
        if name == "a" {
            assert!(!stack.iter().any(|s| s == "a"), "<a> inside <a>");
        }
        if [
            "div", "ul", "fieldset", "details", "section", "article", "select", "p",
        ]
        .contains(&name.as_str())
        {
            assert!(!stack.iter().any(|s| s == "p"), "block <{name}> inside <p>");
        }
        if !VOID.contains(&name.as_str()) {
            stack.push(name.clone());
        }
        opened.push((name, attrs));
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
    opened
}

fn attr<'a>(t: &'a (String, Vec<(String, String)>), k: &str) -> Option<&'a str> {
    t.1.iter().find(|(x, _)| x == k).map(|(_, v)| v.as_str())
}

fn showcase_html() -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/preview/Showcase");
    render(&crate::preview::build(&Connector::load_dir(
        &dir,
        "x".into(),
    )))
}

#[test]
fn the_page_is_strict_markup_with_the_testable_attributes() {
    let html = showcase_html();
    let tags = parse_strict(&html);
    let cards: Vec<&str> = tags
        .iter()
        .filter_map(|t| attr(t, "data-operation-id"))
        .collect();
    assert_eq!(
        cards,
        ["OnNewTickets", "CreateTicket", "ListTickets", "CloseTicket"],
        "triggers section first, then actions in file order"
    );
    let deprecated: Vec<&str> = tags
        .iter()
        .filter(|t| attr(t, "data-deprecated") == Some("true"))
        .filter_map(|t| attr(t, "data-operation-id"))
        .collect();
    assert_eq!(deprecated, ["CloseTicket"]);
    let inputs: Vec<&str> = tags.iter().filter_map(|t| attr(t, "data-input")).collect();
    assert!(inputs.contains(&"body/requester/email") && !inputs.contains(&"body/source"));
    assert!(!inputs.contains(&"X-Request-Id"), "internal header absent");
    let required: Vec<&str> = tags
        .iter()
        .filter(|t| attr(t, "data-required") == Some("true"))
        .filter_map(|t| attr(t, "data-input").or(attr(t, "data-connection-parameter")))
        .collect();
    assert_eq!(
        required,
        [
            "api_key",
            "queue",
            "body/subject",
            "body/queue",
            "body/requester/email",
            "queue",
            "ticketId"
        ]
    );
    assert!(html.contains("data-group=\"body/requester\""));
    assert!(html.contains("data-dynamic-values=\"ListQueues\""));
    assert!(html.contains("<option value=\"pending\">Waiting on customer</option>"));
    assert!(html.contains("data-output=\"value/requester/email\""));
    assert!(!html.contains("nextLink"));
    assert!(html.contains("data:image/png;base64,iVBOR"));
    assert!(html.contains("background-color:#da3b01"));
    assert!(html.contains("<input type=\"password\""));
    assert!(
        !html.contains("internal_host"),
        "hidden connection parameter"
    );
    assert!(html.contains("<a href=\"https://support.contoso.com\""));
    // The email is not written as a mailto: URL in the files: text, not a link.
    assert!(!html.contains("href=\"mailto:") && html.contains(">support@contoso.com<"));
}

#[test]
fn advanced_inputs_and_only_they_sit_in_the_advanced_section() {
    let html = showcase_html();
    for card in html.split("<article").skip(1) {
        let (main, advanced) = match card.split_once("data-visibility=\"advanced\"><summary>") {
            Some((m, a)) => (m, a.split("</details>").next().unwrap()),
            None => (card, ""),
        };
        assert!(
            !main.contains("data-visibility=\"advanced\""),
            "advanced input outside the section: {main}"
        );
        for v in ["none", "important"] {
            assert!(
                !advanced.contains(&format!("data-visibility=\"{v}\"")),
                "{advanced}"
            );
        }
    }
    let create = html.split("<article").nth(2).unwrap();
    assert!(create.contains("data-operation-id=\"CreateTicket\""));
    let advanced = create
        .split("<summary>Show advanced options</summary>")
        .nth(1)
        .unwrap();
    for k in ["body/requester/name", "body/tags", "notify"] {
        assert!(advanced.contains(&format!("data-input=\"{k}\"")), "{k}");
    }
    // The requester group appears in both sections, around the inputs each one holds.
    assert_eq!(create.matches("data-group=\"body/requester\"").count(), 2);
}

#[test]
fn hostile_texts_stay_text() {
    let evil = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>\u{202e}\u{1b}[31m";
    let c = connector(
        json!({"swagger": "2.0",
        "info": {"title": evil, "description": evil,
                 "contact": {"url": "javascript:alert(3)", "email": "a@b.c\" onclick=\"x"},
                 "termsOfService": "https://example.com/terms?a=\"b"},
        "paths": {"/a": {"post": {
            "operationId": evil,
            "summary": evil,
            "description": "</p><div>x</div>",
            "parameters": [
                {"name": evil, "in": "query", "type": "string", "x-ms-summary": evil, "description": evil,
                 "enum": [evil], "x-ms-enum-values": [{"value": evil, "displayName": evil}]},
                {"name": "body", "in": "body", "schema": {"properties": {"p\"q": {"type": "string", "x-ms-summary": evil}}}}
            ],
            "responses": {"200": {"description": "x", "schema": {"properties": {evil: {"type": "string"}}}}}
        }}}}),
        json!({"properties": {
            "iconBrandColor": "red;background:url(https://evil.example/x)",
            "connectionParameters": {evil: {"type": "securestring", "uiDefinition": {"displayName": evil, "tooltip": evil}}}
        }}),
    );
    let html = render(&crate::preview::build(&c));
    let tags = parse_strict(&html);
    assert!(
        tags.iter()
            .all(|(_, a)| a.iter().all(|(k, _)| !k.starts_with("on"))),
        "an event handler attribute"
    );
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "a script element");
    assert!(!lower.contains("<img src=x"), "an injected element");
    assert!(!lower.contains("href=\"javascript:"), "a javascript: link");
    let css = lower
        .split("<style>")
        .nth(1)
        .unwrap()
        .split("</style>")
        .next()
        .unwrap();
    let styles: Vec<&str> = tags.iter().filter_map(|t| attr(t, "style")).collect();
    for s in styles.iter().chain([&css]) {
        assert!(
            !s.contains("url(") && !s.contains("evil.example"),
            "hostile CSS: {s}"
        );
    }
    assert!(!html.contains('\u{202e}') && !html.contains('\u{1b}'));
    assert!(html.contains("\\u{202e}"), "escaped visibly");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("data-input=\"body/p&quot;q\""));
    // Only the connector's own https link (its quote escaped) and no mailto with a quote.
    let hrefs: Vec<&str> = lower
        .match_indices("href=\"")
        .map(|(i, _)| &html[i + 6..])
        .collect();
    assert_eq!(hrefs.len(), 0, "URLs with quotes are not linked: {hrefs:?}");
    assert!(
        html.contains("background-color:#0f6cbd"),
        "default brand colour"
    );
}

#[test]
fn the_hover_markdown_holds_the_card_and_no_markup() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/preview/Showcase");
    let p = crate::preview::build(&Connector::load_dir(&dir, "x".into()));
    let md = card_markdown(p.cards.iter().find(|c| c.id == "CreateTicket").unwrap());
    assert!(
        md.starts_with("**Create a ticket** (action · `POST /tickets` · `CreateTicket`)"),
        "{md}"
    );
    assert!(md.contains("- Subject \\* `body/subject`: string"), "{md}");
    assert!(
        md.contains("- Queue \\* `body/queue`: string, values from `ListQueues`"),
        "{md}"
    );
    assert!(md.contains("one of: Low, Normal, High"), "{md}");
    let adv = md.split("**Show advanced options**").nth(1).unwrap();
    assert!(
        adv.contains("`notify`") && !adv.contains("`body/subject`"),
        "{md}"
    );
    assert!(md.contains("**Dynamic content**: Ticket ID `id`"), "{md}");

    let c = connector(
        json!({"swagger": "2.0", "paths": {"/a": {"get": {"operationId": "A", "summary": "<img src=x> [l](javascript:x) @team\n## h"}}}}),
        json!({}),
    );
    let md = card_markdown(&crate::preview::build(&c).cards[0]);
    assert!(
        !md.contains("<img") && !md.contains("[l](") && !md.contains("@team"),
        "{md}"
    );
    assert!(
        md.lines().next().unwrap().contains("## h"),
        "a summary never starts a line: {md}"
    );
}
