//! Fidelity with Microsoft's ValidateChange: what it reports (and what it does not), checked
//! against the messages quoted on real pull requests.

use serde_json::{Value, json};

use super::*;

#[test]
fn a_segment_moved_between_base_path_and_path_is_the_same_url() {
    let old = base();
    let mut new = base();
    // `/v1` + `/items/{id}` becomes `/` + `/v1/items/{id}`: the same request.
    set(&mut new, "/basePath", Some(json!("/")));
    let paths = new["paths"].as_object_mut().unwrap();
    let renamed: Vec<(String, Value)> = paths
        .iter()
        .map(|(k, v)| (format!("/v1{k}"), v.clone()))
        .collect();
    paths.clear();
    paths.extend(renamed);
    let c = codes(&old, &new);
    assert!(!c.contains(&"PathTemplateChanged"), "{c:?}");
    // A real move of the URL is still reported.
    let mut moved = base();
    let item = moved["paths"]["/items/{id}"].take();
    moved["paths"]
        .as_object_mut()
        .unwrap()
        .shift_remove("/items/{id}");
    moved["paths"]["/things/{id}"] = item;
    assert!(codes(&old, &moved).contains(&"PathTemplateChanged"));
}

#[test]
fn an_empty_default_schema_has_no_outputs_to_delete() {
    let mut old = base();
    set(
        &mut old,
        &format!("{GET}/responses/default"),
        Some(json!({"description": "Error", "schema": {}})),
    );
    let mut new = old.clone();
    set(
        &mut new,
        &format!("{GET}/responses/default"),
        Some(json!({"description": "Error"})),
    );
    let c = codes(&old, &new);
    assert!(
        !c.contains(&"OutputSchemaRemoved") && !c.contains(&"OutputPropertyDeleted"),
        "{c:?}"
    );
    // A default schema that declared outputs still counts.
    set(
        &mut old,
        &format!("{GET}/responses/default/schema"),
        Some(json!({"type": "object", "properties": {"code": {"type": "string"}}})),
    );
    assert!(codes(&old, &new).contains(&"OutputSchemaRemoved"));
}

#[test]
fn a_string_output_becoming_an_enum_without_type_is_an_output_type_change() {
    // PR #3151: `{type: string}` → `{enum: [...]}`, reported at `…/items/type/type`.
    let old = base();
    let mut new = base();
    set(
        &mut new,
        &format!("{ITEM}/properties/id"),
        Some(json!({"enum": ["a", "b"]})),
    );
    let r = diff(&side(&old, None), &side(&new, None));
    let c = r
        .changes
        .iter()
        .find(|c| c.rule.code == "OutputTypeChanged")
        .expect("OutputTypeChanged");
    assert_eq!(c.severity(), DiffSeverity::Breaking);
    assert_eq!(c.rule.gate, crate::core::Gate::Pipeline);
    // An input losing its type is not reported as a type change (no evidence for inputs).
    let mut new_in = base();
    set(
        &mut new_in,
        &format!("{NEWITEM}/properties/note"),
        Some(json!({"enum": ["x"]})),
    );
    assert!(!codes(&old, &new_in).contains(&"InputTypeChanged"));
}

#[test]
fn severities_and_gates_follow_microsofts_change_validator() {
    use crate::core::Gate;
    let find = |c: &str| rules::find(c).unwrap();
    // Reported by ValidateChange as an error (PR #480).
    assert_eq!(find("InputTypeChanged").severity, DiffSeverity::Breaking);
    assert!(find("InputTypeChanged").microsoft.is_some());
    // Never seen in a quoted ValidateChange list: warnings.
    for code in ["InputRemoved", "OutputEnumRemoved", "MethodChanged"] {
        assert_eq!(find(code).severity, DiffSeverity::Warning, "{code}");
        assert_ne!(find(code).gate, Gate::Pipeline, "{code}");
    }
    // Breaking only where a gate stops the submission.
    for r in rules::RULES {
        if r.severity == DiffSeverity::Breaking {
            assert!(
                matches!(r.gate, Gate::Pipeline | Gate::Review),
                "{}",
                r.code
            );
        }
        if r.microsoft.is_some() {
            assert_eq!(r.gate, Gate::Pipeline, "{}", r.code);
        }
    }
}
