//! Enrich stage: what every connector needs (also applied to Swagger 2.0 input) — title,
//! description, contact, operationIds, summaries, `x-ms-summary`, metadata, apiProperties.

use std::collections::HashSet;

use serde_json::{Map, Value, json};

use super::Options;
use super::map::{METHODS, api_key_param, basic_params, str_of};
use super::notes::*;
use crate::core::{Profile, Severity};
use crate::model::FileKind;
use crate::model::names;

pub(super) fn enrich(def: &mut Value, opts: &Options, notes: &mut Vec<Note>) -> Value {
    let conn = def
        .as_object_mut()
        .and_then(|m| m.remove("x-connkit-connection-parameters"))
        .unwrap_or_else(|| json!({}));
    let Some(root) = def.as_object_mut() else {
        return json!({});
    };
    // info
    let info = root.entry("info").or_insert_with(|| json!({}));
    if !info.is_object() {
        *info = json!({});
    }
    let host = root
        .get("host")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let host = opts.host.clone().unwrap_or(host);
    if let Some(h) = &opts.host {
        root.insert("host".into(), json!(h));
    }
    let mut info_notes = Vec::new();
    if let Some(info) = root.get_mut("info").and_then(Value::as_object_mut) {
        let original = info
            .get("title")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let wanted = opts.title.clone().unwrap_or_else(|| original.clone());
        let title = clean_title(&wanted);
        let title = if title.is_empty() {
            "Connector Title".replace("Connector ", "My ")
        } else {
            title
        };
        if title != wanted {
            info_notes.push(note(&CONVERT_TITLE_ADJUSTED, Severity::Info, "/info/title", format!("title '{wanted}' became '{title}' (at most 30 characters, no 'API' or 'Connector', ending with a letter or digit)")));
        }
        info.insert("title".into(), json!(title));
        let desc = info
            .get("description")
            .and_then(Value::as_str)
            .map(str::trim)
            .unwrap_or("")
            .to_string();
        let plain = first_paragraph(&desc);
        if plain.chars().count() < 30 || plain != desc {
            let d = if plain.chars().count() >= 30 {
                plain
            } else {
                format!("Use {title} in your flows and apps to work with its data and actions.")
            };
            info_notes.push(note(&CONVERT_DESCRIPTION_NEEDS_REVIEW, Severity::Info, "/info/description", "the connector description was shortened or generated (30 to 500 characters of plain text); review it".into()));
            info.insert("description".into(), json!(d));
        }
        match info.get("version") {
            Some(Value::String(_)) => {}
            Some(Value::Number(n)) => {
                let v = n.to_string();
                info.insert("version".into(), json!(v));
            }
            _ => {
                info.insert("version".into(), json!("1.0"));
            }
        }
        let contact = info.entry("contact").or_insert_with(|| json!({}));
        if !contact.is_object() {
            *contact = json!({});
        }
        let mut filled = Vec::new();
        if let Some(c) = contact.as_object_mut() {
            for (k, v) in [
                ("name", "Contact name".to_string()),
                (
                    "url",
                    format!(
                        "https://{}",
                        if host.is_empty() {
                            "www.example.com"
                        } else {
                            &host
                        }
                    ),
                ),
                ("email", "support@example.com".to_string()),
            ] {
                if c.get(k)
                    .and_then(Value::as_str)
                    .is_none_or(|s| s.trim().is_empty())
                {
                    c.insert(k.into(), json!(v));
                    filled.push(k);
                }
            }
        }
        if !filled.is_empty() {
            info_notes.push(note(
                &CONVERT_CONTACT_ADDED,
                Severity::Warning,
                "/info/contact",
                format!(
                    "added placeholder contact {}: replace with the real support contact",
                    filled.join(", ")
                ),
            ));
        }
    }
    notes.extend(info_notes);
    if root
        .get("schemes")
        .is_none_or(|s| s.as_array().is_none_or(Vec::is_empty))
    {
        root.insert("schemes".into(), json!(["https"]));
    }
    // operations
    let mut used: HashSet<String> = HashSet::new();
    let mut counts = [0usize; 4]; // ids added, summaries changed, x-ms-summary added, encodings added
    let mut ops: Vec<(String, String)> = Vec::new();
    if let Some(paths) = root.get("paths").and_then(Value::as_object) {
        for (p, item) in paths {
            for m in METHODS {
                if item.get(*m).is_some_and(Value::is_object) {
                    ops.push((p.clone(), m.to_string()));
                }
            }
        }
    }
    if ops.len() > 256 {
        notes.push(note(
            &CONVERT_TOO_MANY_OPERATIONS,
            Severity::Warning,
            "/paths",
            format!(
                "{} operations: a connector holds at most 256; split it into several connectors",
                ops.len()
            ),
        ));
    }
    // Existing valid ids are reserved first so generated ones never steal them.
    for (p, m) in &ops {
        if let Some(id) = root
            .get("paths")
            .and_then(|x| x.get(p))
            .and_then(|x| x.get(m))
            .and_then(|o| o.get("operationId"))
            .and_then(Value::as_str)
            && names::is_pascal_id(id)
        {
            used.insert(id.to_lowercase());
        }
    }
    let mut seen_ok: HashSet<String> = HashSet::new();
    for (p, m) in &ops {
        let Some(op) = root
            .get_mut("paths")
            .and_then(|x| x.get_mut(p))
            .and_then(|x| x.get_mut(m))
            .and_then(Value::as_object_mut)
        else {
            continue;
        };
        let cur = op
            .get("operationId")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let valid = names::is_pascal_id(&cur);
        let id = if valid && seen_ok.insert(cur.to_lowercase()) {
            cur.clone()
        } else {
            let base = if cur.is_empty() {
                names::pascal_case(&format!("{m} {}", path_words(p)))
            } else {
                names::pascal_case(&cur)
            };
            let mut id = base.clone();
            let mut n = 2;
            while used.contains(&id.to_lowercase()) {
                id = format!("{base}{n}");
                n += 1;
            }
            used.insert(id.to_lowercase());
            seen_ok.insert(id.to_lowercase());
            counts[0] += 1;
            id
        };
        op.insert("operationId".into(), json!(id));
        let cur_sum = op
            .get("summary")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let from_description = op
            .get("description")
            .and_then(Value::as_str)
            .map(first_sentence)
            .filter(|d| d.chars().count() <= 80 && !names::clean_summary(d).is_empty());
        let src = if cur_sum.trim().is_empty() {
            from_description.unwrap_or_else(|| names::sentence_case(&id))
        } else {
            cur_sum.clone()
        };
        let mut sum = names::clean_summary(&src);
        if sum.is_empty() {
            sum = names::clean_summary(&names::sentence_case(&id));
        }
        if sum != cur_sum {
            counts[1] += 1;
            op.insert("summary".into(), json!(sum));
        }
        if let Some(d) = op.get("description").and_then(Value::as_str) {
            let t = d.trim().to_string();
            if t.is_empty() {
                op.remove("description");
            } else if t != d {
                op.insert("description".into(), json!(t));
            }
        }
        // operationId, summary and description first, as in the samples.
        let mut ordered = Map::new();
        for k in ["operationId", "summary", "description"] {
            if let Some(v) = op.remove(k) {
                ordered.insert(k.into(), v);
            }
        }
        ordered.append(op);
        *op = ordered;
        if let Some(ps) = op.get_mut("parameters").and_then(Value::as_array_mut) {
            for prm in ps {
                param_needs(prm, &mut counts);
            }
        }
        if let Some(pi) = root
            .get_mut("paths")
            .and_then(|x| x.get_mut(p))
            .and_then(|x| x.get_mut("parameters"))
            .and_then(Value::as_array_mut)
        {
            for prm in pi {
                param_needs(prm, &mut counts);
            }
        }
    }
    if let Some(ps) = root.get_mut("parameters").and_then(Value::as_object_mut) {
        for prm in ps.values_mut() {
            param_needs(prm, &mut counts);
        }
    }
    let kinds = [
        (
            "operationId generated, made PascalCase or made unique",
            "operationIds generated, made PascalCase or made unique",
            &CONVERT_OPERATION_ID_ADDED,
        ),
        (
            "operation summary added or cleaned (letters, digits, spaces and parentheses; at most 80 characters)",
            "operation summaries added or cleaned (letters, digits, spaces and parentheses; at most 80 characters)",
            &CONVERT_SUMMARY_ADJUSTED,
        ),
        (
            "parameter got an x-ms-summary derived from its name",
            "parameters got an x-ms-summary derived from their names",
            &CONVERT_SUMMARY_ADDED,
        ),
        (
            "path parameter got x-ms-url-encoding: single",
            "path parameters got x-ms-url-encoding: single",
            &CONVERT_URL_ENCODING_ADDED,
        ),
    ];
    for (i, (one, many, code)) in kinds.iter().enumerate() {
        let n = counts.get(i).copied().unwrap_or(0);
        if n > 0 {
            let what = if n == 1 { one } else { many };
            notes.push(note(code, Severity::Info, "/paths", format!("{n} {what}")));
        }
    }
    if !root.contains_key("x-ms-connector-metadata") {
        let site = if host.is_empty() {
            "https://www.example.com".to_string()
        } else {
            format!("https://{host}")
        };
        root.insert(
            "x-ms-connector-metadata".into(),
            json!([
                {"propertyName": "Website", "propertyValue": site},
                {"propertyName": "Privacy policy", "propertyValue": format!("{site}/privacy")},
                {"propertyName": "Categories", "propertyValue": "Data"}
            ]),
        );
        notes.push(note(&CONVERT_METADATA_ADDED, Severity::Warning, "/x-ms-connector-metadata", "added an x-ms-connector-metadata skeleton: set the real website, privacy policy and up to two categories".into()));
    }
    if !root.contains_key("securityDefinitions") {
        root.insert("securityDefinitions".into(), json!({}));
    }
    if !root.contains_key("security") {
        root.insert("security".into(), json!([]));
    }
    let mut props = Map::new();
    if conn.as_object().is_some_and(|m| !m.is_empty()) {
        props.insert("connectionParameters".into(), conn);
    } else if let Some(sd) = root.get("securityDefinitions").and_then(Value::as_object)
        && let Some((_, d)) = sd.iter().next()
    {
        // Swagger 2.0 input: derive the connection parameters from the definition.
        let cp = match str_of(d, "type") {
            "apiKey" => api_key_param(),
            "basic" => basic_params(),
            _ => json!({}),
        };
        if cp.as_object().is_some_and(|m| !m.is_empty()) {
            props.insert("connectionParameters".into(), cp);
        }
    }
    let color = match opts.profile {
        Profile::IndependentPublisher => "#da3b01",
        _ => "#007ee5",
    };
    props.insert("iconBrandColor".into(), json!(color));
    props.insert("capabilities".into(), json!([]));
    if opts.profile != Profile::Custom {
        let who = root
            .get("info")
            .and_then(|i| i.get("contact"))
            .and_then(|c| c.get("name"))
            .and_then(Value::as_str)
            .unwrap_or("Publisher name")
            .to_string();
        props.insert("publisher".into(), json!(who));
        props.insert("stackOwner".into(), json!(who));
        notes.push(Note {
            code: CONVERT_PUBLISHER_PLACEHOLDER.code,
            severity: Severity::Warning,
            file: FileKind::Properties,
            pointer: "/properties/publisher".into(),
            message: "publisher and stackOwner were set from the contact name: check them".into(),
        });
        if opts.profile == Profile::Certified {
            notes.push(Note { code: CONVERT_BRAND_COLOR_PLACEHOLDER.code, severity: Severity::Warning, file: FileKind::Properties, pointer: "/properties/iconBrandColor".into(), message: "set iconBrandColor to your icon's background colour (not #007ee5) and add icon.png".into() });
        }
    }
    json!({"properties": props})
}

fn param_needs(prm: &mut Value, counts: &mut [usize; 4]) {
    let Some(o) = prm.as_object_mut() else { return };
    if o.contains_key("$ref") {
        return;
    }
    let name = o
        .get("name")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    if !o.get("x-ms-summary").is_some_and(Value::is_string) && !name.is_empty() {
        let t = names::title_case(&name);
        if !t.is_empty() {
            o.insert("x-ms-summary".into(), json!(t));
            counts[2] += 1;
        }
    }
    if o.get("in").and_then(Value::as_str) == Some("path") {
        if !o.contains_key("x-ms-url-encoding") {
            o.insert("x-ms-url-encoding".into(), json!("single"));
            counts[3] += 1;
        }
        o.insert("required".into(), json!(true));
    }
}

/// `/users/{userId}/posts` → `users by user id posts`.
fn path_words(p: &str) -> String {
    p.split('/')
        .filter(|s| !s.is_empty())
        .map(|s| {
            if let Some(v) = s.strip_prefix('{').and_then(|v| v.strip_suffix('}')) {
                format!("by {v}")
            } else {
                s.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// At most 30 characters, without the words API/Connector, ending alphanumeric.
pub(crate) fn clean_title(t: &str) -> String {
    let kept: Vec<&str> = t
        .split_whitespace()
        .filter(|w| {
            let l = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            l != "api" && l != "apis" && l != "connector"
        })
        .collect();
    let s: String = kept.join(" ").chars().filter(|c| !c.is_control()).collect();
    let s = names::clamp(&s, 30);
    s.trim_end_matches(|c: char| !c.is_alphanumeric())
        .trim_start()
        .to_string()
}

/// The description as plain text: first paragraph, no markdown headings, at most 500 chars.
fn first_paragraph(d: &str) -> String {
    let para = d
        .split("\n\n")
        .map(str::trim)
        .find(|p| !p.is_empty() && !p.starts_with('#'))
        .unwrap_or("");
    let flat = para.split_whitespace().collect::<Vec<_>>().join(" ");
    names::clamp(&flat, 500)
}

/// The first sentence of a description (up to the first `. `, newline or end).
fn first_sentence(d: &str) -> String {
    let line = d.trim().lines().next().unwrap_or("").trim();
    let end = line.find(". ").map_or(line.len(), |i| i + 1);
    line[..end].trim_end_matches('.').trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(mut def: Value, profile: Profile) -> (Value, Value, Vec<&'static str>) {
        let mut notes = Vec::new();
        let opts = Options {
            profile,
            ..Default::default()
        };
        let props = enrich(&mut def, &opts, &mut notes);
        (def, props, notes.iter().map(|n| n.code).collect())
    }

    #[test]
    fn titles_descriptions_and_words() {
        assert_eq!(clean_title("The Pet Store API Connector"), "The Pet Store");
        assert!(
            clean_title(&"Very long title words ".repeat(5))
                .chars()
                .count()
                <= 30
        );
        assert_eq!(path_words("/users/{userId}/posts"), "users by userId posts");
        assert_eq!(
            first_paragraph("# Head\n\nFirst  para\ngraph.\n\nSecond."),
            "First para graph."
        );
        assert_eq!(first_sentence("Gets a pet. Then more."), "Gets a pet");
    }

    #[test]
    fn connector_needs_are_added_to_a_bare_definition() {
        let (d, props, codes) = run(
            json!({"swagger": "2.0", "info": {"title": "T"}, "host": "api.x.com",
                "securityDefinitions": {"k": {"type": "apiKey", "in": "header", "name": "k"}},
                "paths": {"/p/{id}": {"get": {"parameters": [{"name": "id", "in": "path", "type": "string"}],
                    "responses": {"200": {"description": "OK"}}}}}}),
            Profile::Custom,
        );
        let op = &d["paths"]["/p/{id}"]["get"];
        assert_eq!(op["operationId"], "GetPById");
        assert_eq!(op["parameters"][0]["x-ms-summary"], "ID");
        assert_eq!(op["parameters"][0]["x-ms-url-encoding"], "single");
        assert_eq!(d["info"]["contact"]["url"], "https://api.x.com");
        assert_eq!(d["info"]["version"], "1.0");
        assert!(
            props["properties"]["connectionParameters"]
                .get("api_key")
                .is_some()
        );
        for c in [
            CONVERT_OPERATION_ID_ADDED.code,
            CONVERT_CONTACT_ADDED.code,
            CONVERT_METADATA_ADDED.code,
            CONVERT_SUMMARY_ADDED.code,
        ] {
            assert!(codes.contains(&c), "{c} in {codes:?}");
        }
    }

    #[test]
    fn certification_profiles_set_the_publisher() {
        let (_, props, codes) = run(
            json!({"swagger": "2.0", "info": {"title": "T", "contact": {"name": "Acme"}}, "paths": {}}),
            Profile::Certified,
        );
        assert_eq!(props["properties"]["publisher"], "Acme");
        assert!(codes.contains(&CONVERT_BRAND_COLOR_PLACEHOLDER.code));
        let (_, props, _) = run(
            json!({"swagger": "2.0", "info": {}, "paths": {}}),
            Profile::IndependentPublisher,
        );
        assert_eq!(props["properties"]["iconBrandColor"], "#da3b01");
    }
}
