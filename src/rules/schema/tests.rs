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
