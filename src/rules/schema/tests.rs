use super::*;
use crate::rules::testing::*;
use serde_json::json;

pub(super) const GET: &str = "/paths/~1tasks~1{taskId}/get";
pub(super) const P0: &str = "/paths/~1tasks~1{taskId}/get/parameters/0";

/// minimal() with one more definition `X`.
pub(super) fn with_def(schema: Value) -> Value {
    patch(minimal(), json!({"definitions": {"X": schema}}))
}

/// minimal() with keys merged into the path parameter.
pub(super) fn with_param(extra: Value) -> Value {
    let mut d = minimal();
    let p = d.pointer_mut(P0).unwrap();
    *p = patch(p.clone(), extra);
    d
}

/// The `x-ms-enum-values` cases of the three enum-values rules, on the first parameter:
/// entry 1 repeats `a`, entry 2 names `c` (not in `enum`), entry 3 has no `displayName`.
/// `good` is a correct list.
pub(super) fn enum_values(good: bool) -> Value {
    if good {
        return with_param(
            json!({"enum": ["a"], "x-ms-enum-values": [{"value": "a", "displayName": "A"}]}),
        );
    }
    with_param(json!({"enum": ["a", "b"], "x-ms-enum-values": [
        {"value": "a", "displayName": "A"}, {"value": "a", "displayName": "A again"},
        {"value": "c", "displayName": "C"}, {"value": "b"}]}))
}

pub(super) fn ptrs(rule: &'static Rule, def: Value) -> Vec<String> {
    run(rule, def).into_iter().map(|f| f.pointer).collect()
}

fn clean_on_minimal() -> Vec<&'static str> {
    RULES
        .iter()
        .filter(|r| !run(r, minimal()).is_empty())
        .map(|r| r.code)
        .collect()
}

#[test]
fn minimal_is_clean_for_every_rule() {
    assert!(clean_on_minimal().is_empty(), "{:?}", clean_on_minimal());
}
