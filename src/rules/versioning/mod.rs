//! Operation families, revisions, annotations, operationId form and limits.

use std::collections::BTreeMap;

use serde_json::Value;

use super::opkit::ops;
use super::{Context, Rule, Sink};
use crate::model::pointer::join;
use crate::model::swagger::Operation;

pub(crate) const RULES: &[&Rule] = &[
    &API_ANNOTATION_EXTENSION_REPLACEMENT_INFO_FOR_NON_DEPRECATED_OPERATIONS,
    &API_ANNOTATION_EXTENSION_REPLACEMENT_INFO_MISSING_API_PROPERTY,
    &API_ANNOTATION_EXTENSION_REPLACEMENT_INFO_MISSING_OPERATION_ID_PROPERTY,
    &OPERATION_FAMILY_HAS_DUPLICATE_REVISIONS,
    &OPERATION_FAMILY_HAS_MANY_ACTIVE_OPERATIONS,
    &OPERATION_FAMILY_HAS_MANY_ACTIVE_PRODUCTION_OPERATIONS,
    &OPERATION_FAMILY_HAS_MANY_EMPTY_REVISIONS,
    &OPERATION_REVISION_EMPTY,
    &OPERATION_ID_SHOULD_END_WITH_REVISION,
    &OPERATION_STATUS_AHEAD_OF_CONNECTOR,
    &OPERATION_ID_SANITIZED,
    &OPERATION_ID_TOO_LONG,
    &TOTAL_OPERATIONS_COUNT_EXCEEDS_MAX_ALLOWED,
    &OPERATION_SCHEMA_COUNT_EXCEEDS_MAX_ALLOWED,
];

const OV: &str =
    "https://learn.microsoft.com/en-us/connectors/custom-connectors/operational-versioning";

fn ann_ptr(op: &Operation<'_>) -> String {
    join(&op.pointer, "x-ms-api-annotation")
}

fn replacement<'a>(op: &Operation<'a>) -> Option<&'a Value> {
    op.annotation()?.get("replacement")
}

/// Reports every `x-ms-api-annotation.replacement` without `key` (`api` or `operationId`).
fn replacement_without(cx: &Context<'_>, sink: &mut Sink<'_>, key: &str) {
    for op in ops(cx) {
        if let Some(r) = replacement(op)
            && r.get(key).is_none()
        {
            sink.emit(
                join(&ann_ptr(op), "replacement"),
                format!("replacement has no '{key}'"),
            );
        }
    }
}

/// Operations grouped by `x-ms-api-annotation.family`, in document order.
fn families<'c, 'a>(ops: &'c [Operation<'a>]) -> BTreeMap<&'a str, Vec<&'c Operation<'a>>> {
    let mut m: BTreeMap<&str, Vec<&Operation<'_>>> = BTreeMap::new();
    for op in ops {
        if let Some(f) = op.family() {
            m.entry(f).or_default().push(op);
        }
    }
    m
}

fn is_production(op: &Operation<'_>) -> bool {
    op.annotation()
        .and_then(|a| a.get("status"))
        .and_then(Value::as_str)
        .is_some_and(|s| s.eq_ignore_ascii_case("production"))
}

/// The longest operationId connkit accepts (Microsoft does not publish its limit).
pub(crate) const MAX_OPERATION_ID: usize = 128;

/// Most operations one definition may have (Microsoft FAQ).
pub(crate) const MAX_OPERATIONS: usize = 256;

/// Most schema nodes reachable from one operation (Microsoft FAQ: 16,384 per operation).
pub(crate) const MAX_OPERATION_SCHEMAS: usize = 16_384;
mod api_annotation_extension_replacement_info_for_non_deprecated_operations;
mod api_annotation_extension_replacement_info_missing_api_property;
mod api_annotation_extension_replacement_info_missing_operation_id_property;
mod operation_family_has_duplicate_revisions;
mod operation_family_has_many_active_operations;
mod operation_family_has_many_active_production_operations;
mod operation_family_has_many_empty_revisions;
mod operation_id_sanitized;
mod operation_id_should_end_with_revision;
mod operation_id_too_long;
mod operation_revision_empty;
mod operation_schema_count_exceeds_max_allowed;
mod operation_status_ahead_of_connector;
mod total_operations_count_exceeds_max_allowed;

pub(crate) use api_annotation_extension_replacement_info_for_non_deprecated_operations::*;
pub(crate) use api_annotation_extension_replacement_info_missing_api_property::*;
pub(crate) use api_annotation_extension_replacement_info_missing_operation_id_property::*;
pub(crate) use operation_family_has_duplicate_revisions::*;
pub(crate) use operation_family_has_many_active_operations::*;
pub(crate) use operation_family_has_many_active_production_operations::*;
pub(crate) use operation_family_has_many_empty_revisions::*;
pub(crate) use operation_id_sanitized::*;
pub(crate) use operation_id_should_end_with_revision::*;
pub(crate) use operation_id_too_long::*;
pub(crate) use operation_revision_empty::*;
pub(crate) use operation_schema_count_exceeds_max_allowed::*;
pub(crate) use operation_status_ahead_of_connector::*;
pub(crate) use total_operations_count_exceeds_max_allowed::*;

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    /// The minimal definition with these operations, the i-th as `GET /v{i}/items`.
    pub(super) fn fam(ops: Value) -> Value {
        let mut paths = serde_json::Map::new();
        for (i, o) in ops.as_array().unwrap().iter().enumerate() {
            let mut o = o.clone();
            o["responses"] = json!({"200": {"description": "ok"}});
            paths.insert(format!("/v{i}/items"), json!({"get": o}));
        }
        patch(minimal(), json!({"paths": Value::Object(paths)}))
    }

    /// Pointer of the i-th operation of `fam`, with `rest` appended.
    pub(super) fn at(i: usize, rest: &str) -> String {
        format!("/paths/~1v{i}~1items/get{rest}")
    }

    /// A family `Get` breaking most family rules: 0 `Get` (Production, no revision), 1 `Get2`
    /// (revision 2, Production), 2 `GetThree` (revision 2 again), 3 `Get4` (revision "").
    pub(super) fn bad_family() -> Value {
        fam(json!([
            {"operationId": "Get", "x-ms-api-annotation": {"family": "Get", "status": "Production"}},
            {"operationId": "Get2", "x-ms-api-annotation": {"family": "Get", "revision": 2, "status": "Production"}},
            {"operationId": "GetThree", "x-ms-api-annotation": {"family": "Get", "revision": 2}},
            {"operationId": "Get4", "x-ms-api-annotation": {"family": "Get", "revision": ""}}
        ]))
    }

    /// A family `Get` as it should be: `Get` (revision 1, deprecated), `Get_V2` (revision 2,
    /// Production), `Get_V3` (revision 3, Preview).
    pub(super) fn good_family() -> Value {
        fam(json!([
            {"operationId": "Get", "deprecated": true, "x-ms-api-annotation": {"family": "Get", "revision": 1, "status": "Production"}},
            {"operationId": "Get_V2", "x-ms-api-annotation": {"family": "Get", "revision": 2, "status": "Production"}},
            {"operationId": "Get_V3", "x-ms-api-annotation": {"family": "Get", "revision": 3, "status": "Preview"}}
        ]))
    }

    #[test]
    fn minimal_is_clean() {
        for r in RULES {
            assert!(run(r, minimal()).is_empty(), "{}", r.code);
        }
    }

    #[test]
    fn a_good_family_is_clean() {
        let good = good_family();
        for r in RULES {
            assert!(run(r, good.clone()).is_empty(), "{}", r.code);
        }
    }

    #[test]
    fn deprecated_replacement_with_api_and_operation_id_is_clean() {
        let d = fam(
            json!([{"operationId": "A", "deprecated": true, "x-ms-api-annotation": {"replacement": {"api": "x", "operationId": "B"}}}]),
        );
        for r in &RULES[..3] {
            assert!(run(r, d.clone()).is_empty(), "{}", r.code);
        }
    }
}
