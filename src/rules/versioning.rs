//! Operation families, revisions, annotations, operationId form and limits (catalog §3.1 #1-3,
//! #28-31, #36-38, #56-57, #59, #70; §4.10).

use std::collections::BTreeMap;

use serde_json::Value;

use super::Rule;
use super::opkit::{def_rule, ops};
use crate::model::pointer::join;
use crate::model::swagger::Operation;

pub const RULES: &[&Rule] = &[
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

fn annotation<'a>(op: &Operation<'a>) -> Option<&'a Value> {
    op.get("x-ms-api-annotation").filter(|v| v.is_object())
}

fn ann_ptr(op: &Operation<'_>) -> String {
    join(&op.pointer, "x-ms-api-annotation")
}

fn replacement<'a>(op: &Operation<'a>) -> Option<&'a Value> {
    annotation(op)?.get("replacement")
}

def_rule!(
    API_ANNOTATION_EXTENSION_REPLACEMENT_INFO_FOR_NON_DEPRECATED_OPERATIONS,
    "ApiAnnotationExtensionReplacementInfoForNonDeprecatedOperations",
    Error,
    ALL,
    "`x-ms-api-annotation.replacement` on an operation that is not deprecated",
    "`replacement` tells users which operation supersedes a deprecated one. On a live operation \
it makes no sense: either set `\"deprecated\": true` or remove `replacement`.",
    OV,
    |cx, sink| {
        for op in ops(cx) {
            if replacement(op).is_some() && !op.is_deprecated() {
                sink.emit(
                    join(&ann_ptr(op), "replacement"),
                    format!("{} has replacement info but is not deprecated", op.label()),
                );
            }
        }
    }
);

def_rule!(
    API_ANNOTATION_EXTENSION_REPLACEMENT_INFO_MISSING_API_PROPERTY,
    "ApiAnnotationExtensionReplacementInfoMissingApiProperty",
    Error,
    ALL,
    "`x-ms-api-annotation.replacement` without `api`",
    "A replacement names both the connector (`api`) and the `operationId` that replaces the \
deprecated operation.\n\nGood: `\"replacement\": {\"api\": \"contosotasks\", \"operationId\": \
\"GetTask_V2\"}`.",
    OV,
    |cx, sink| {
        for op in ops(cx) {
            if let Some(r) = replacement(op)
                && r.get("api").is_none()
            {
                sink.emit(
                    join(&ann_ptr(op), "replacement"),
                    "replacement has no 'api'",
                );
            }
        }
    }
);

def_rule!(
    API_ANNOTATION_EXTENSION_REPLACEMENT_INFO_MISSING_OPERATION_ID_PROPERTY,
    "ApiAnnotationExtensionReplacementInfoMissingOperationIdProperty",
    Error,
    ALL,
    "`x-ms-api-annotation.replacement` without `operationId`",
    "A replacement names both the connector (`api`) and the `operationId` that replaces the \
deprecated operation.",
    OV,
    |cx, sink| {
        for op in ops(cx) {
            if let Some(r) = replacement(op)
                && r.get("operationId").is_none()
            {
                sink.emit(
                    join(&ann_ptr(op), "replacement"),
                    "replacement has no 'operationId'",
                );
            }
        }
    }
);

/// Operations grouped by `x-ms-api-annotation.family`, in document order.
fn families<'c, 'a>(ops: &'c [Operation<'a>]) -> BTreeMap<&'a str, Vec<&'c Operation<'a>>> {
    let mut m: BTreeMap<&str, Vec<&Operation<'_>>> = BTreeMap::new();
    for op in ops {
        if let Some(f) = annotation(op)
            .and_then(|a| a.get("family"))
            .and_then(Value::as_str)
        {
            m.entry(f).or_default().push(op);
        }
    }
    m
}

/// `revision` when it is given (not missing, null or "").
fn revision<'a>(op: &Operation<'a>) -> Option<&'a Value> {
    annotation(op)?
        .get("revision")
        .filter(|v| !v.is_null() && v.as_str() != Some(""))
}

fn revision_number(op: &Operation<'_>) -> Option<u64> {
    match revision(op)? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn is_production(op: &Operation<'_>) -> bool {
    annotation(op)
        .and_then(|a| a.get("status"))
        .and_then(Value::as_str)
        .is_some_and(|s| s.eq_ignore_ascii_case("production"))
}

def_rule!(
    OPERATION_FAMILY_HAS_DUPLICATE_REVISIONS,
    "OperationFamilyHasDuplicateRevisions",
    Error,
    ALL,
    "Two operations of one family share a `revision`",
    "Revisions number the versions of one logical operation (`family`): each must be unique. \
Give the newer operation the next revision.",
    OV,
    |cx, sink| {
        for (fam, list) in families(ops(cx)) {
            let mut seen: Vec<(u64, String)> = Vec::new();
            for op in list {
                let Some(r) = revision_number(op) else {
                    continue;
                };
                if let Some((_, prev)) = seen.iter().find(|(x, _)| *x == r) {
                    sink.emit(
                        join(&ann_ptr(op), "revision"),
                        format!("family '{fam}' already has revision {r} ({prev})"),
                    );
                } else {
                    seen.push((r, op.label()));
                }
            }
        }
    }
);

def_rule!(
    OPERATION_FAMILY_HAS_MANY_ACTIVE_OPERATIONS,
    "OperationFamilyHasManyActiveOperations",
    Error,
    ALL,
    "A family has more than two operations that are not deprecated",
    "At most two revisions of an operation may be live at once (the current one and its \
predecessor during migration). Mark older revisions `\"deprecated\": true`.",
    OV,
    |cx, sink| {
        for (fam, list) in families(ops(cx)) {
            for op in list.iter().filter(|o| !o.is_deprecated()).skip(2) {
                sink.emit(
                    ann_ptr(op),
                    format!("family '{fam}' has more than two active operations"),
                );
            }
        }
    }
);

def_rule!(
    OPERATION_FAMILY_HAS_MANY_ACTIVE_PRODUCTION_OPERATIONS,
    "OperationFamilyHasManyActiveProductionOperations",
    Error,
    ALL,
    "More than one live operation of a family has `status: Production`",
    "Only one revision of a family can be the production one; deprecate the older revision \
(or mark the newer one `Preview` until it replaces it).",
    OV,
    |cx, sink| {
        for (fam, list) in families(ops(cx)) {
            for op in list
                .iter()
                .filter(|o| !o.is_deprecated() && is_production(o))
                .skip(1)
            {
                sink.emit(
                    join(&ann_ptr(op), "status"),
                    format!("family '{fam}' has more than one active Production operation"),
                );
            }
        }
    }
);

def_rule!(
    OPERATION_FAMILY_HAS_MANY_EMPTY_REVISIONS,
    "OperationFamilyHasManyEmptyRevisions",
    Error,
    ALL,
    "More than one operation of a family has no `revision`",
    "An operation without `revision` counts as revision 1; two of them in one family collide. \
Number the revisions.",
    OV,
    |cx, sink| {
        for (fam, list) in families(ops(cx)) {
            for op in list.iter().filter(|o| revision(o).is_none()).skip(1) {
                sink.emit(
                    ann_ptr(op),
                    format!("family '{fam}' has more than one operation without a revision"),
                );
            }
        }
    }
);

def_rule!(
    OPERATION_REVISION_EMPTY,
    "OperationRevisionEmpty",
    Warning,
    ALL,
    "An operation declares a `family` but its `revision` is missing or empty",
    "Operations grouped in a family are told apart by `revision` (an integer ≥ 1). Add it.\n\n\
Good: `\"x-ms-api-annotation\": {\"family\": \"GetTask\", \"revision\": 2}`.\n\n\
Calibration: the versioning docs read a missing revision as 1, and Adobe Experience Manager \
(certified, 2023) was merged with single-operation families without revisions, so this is a \
warning; two revision-less operations in one family are OperationFamilyHasManyEmptyRevisions \
(error).",
    OV,
    |cx, sink| {
        for op in ops(cx) {
            let has_family = annotation(op).is_some_and(|a| a.get("family").is_some());
            if has_family && revision(op).is_none() {
                sink.emit(
                    ann_ptr(op),
                    format!("{} has a family but no revision", op.label()),
                );
            }
        }
    }
);

def_rule!(
    OPERATION_ID_SHOULD_END_WITH_REVISION,
    "OperationIdShouldEndWithRevision",
    Warning,
    ALL,
    "An operation with revision N > 1 whose operationId does not end with `_VN`",
    "Microsoft names revisions `GetItems`, `GetItems_V2`, `GetItems_V3`…; the suffix keeps \
operationIds unique and tells flow authors which version they use. A bare `V2` suffix is \
accepted too.",
    OV,
    |cx, sink| {
        for op in ops(cx) {
            let (Some(r), Some(id)) = (revision_number(op), op.operation_id) else {
                continue;
            };
            if r > 1 && !id.to_ascii_lowercase().ends_with(&format!("v{r}")) {
                sink.emit(
                    join(&op.pointer, "operationId"),
                    format!("operationId '{id}' of revision {r} should end with '_V{r}'"),
                );
            }
        }
    }
);

def_rule!(
    OPERATION_STATUS_AHEAD_OF_CONNECTOR,
    "OperationStatusAheadOfConnector",
    Error,
    ALL,
    "An operation is `Production` while the connector is `Preview`",
    "An operation cannot be more mature than its connector. Raise \
`info.x-ms-api-annotation.status` to `Production` or set the operation to `Preview`.\n\n\
Calibration: the versioning docs say a connector without a status is `Preview`, but four \
certified connectors have `Production` operations and no connector status (PDF4me SwissQR, \
Egnyte and PDF4me Connect last changed in 2024), so Microsoft does not apply that default \
here. Only an explicit connector `Preview` is compared.",
    OV,
    |cx, sink| {
        let Some(root) = cx.connector.definition_value() else {
            return;
        };
        let connector = root
            .pointer("/info/x-ms-api-annotation/status")
            .and_then(Value::as_str);
        if !connector.is_some_and(|s| s.eq_ignore_ascii_case("preview")) {
            return;
        }
        for op in ops(cx).iter().filter(|o| is_production(o)) {
            sink.emit(
                join(&ann_ptr(op), "status"),
                format!("{} is Production but the connector is Preview", op.label()),
            );
        }
    }
);

def_rule!(
    OPERATION_ID_SANITIZED,
    "OperationIdSanitized",
    Warning,
    ALL,
    "An operationId with characters other than letters, digits and `_`",
    "The platform rewrites operationIds with other characters (`-`, `.`, spaces…), so the id \
flows and dynamic references see differs from the one written. Use PascalCase letters and \
digits (`_V2` suffixes are fine).\n\nBad: `get-task`  Good: `GetTask`.",
    |cx, sink| {
        for op in ops(cx) {
            if let Some(id) = op.operation_id
                && !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            {
                sink.emit(
                    join(&op.pointer, "operationId"),
                    format!("operationId '{id}' will be sanitized"),
                );
            }
        }
    }
);

/// The longest operationId connkit accepts (Microsoft does not publish its limit).
pub const MAX_OPERATION_ID: usize = 128;

def_rule!(
    OPERATION_ID_TOO_LONG,
    "OperationIdTooLong",
    Error,
    ALL,
    "An operationId longer than 128 characters",
    "Microsoft's validator rejects over-long operationIds but does not publish the limit, so \
connkit picks 128 characters: a common identifier limit on Azure, and about twice the longest \
operationId among the 538 public connectors we calibrated on (69 characters, certified). An id \
that long is also unusable in flow expressions. Shorten it.",
    |cx, sink| {
        for op in ops(cx) {
            if let Some(id) = op.operation_id
                && id.chars().count() > MAX_OPERATION_ID
            {
                sink.emit(
                    join(&op.pointer, "operationId"),
                    format!(
                        "operationId is {} characters long (limit {MAX_OPERATION_ID})",
                        id.chars().count()
                    ),
                );
            }
        }
    }
);

/// Most operations one definition may have (Microsoft FAQ).
pub const MAX_OPERATIONS: usize = 256;

def_rule!(
    TOTAL_OPERATIONS_COUNT_EXCEEDS_MAX_ALLOWED,
    "TotalOperationsCountExceedsMaxAllowed",
    Error,
    ALL,
    "More than 256 operations in one definition",
    "A connector may define at most 256 operations (Microsoft's published limit). Split it into \
several connectors or remove unused operations.",
    |cx, sink| {
        let n = ops(cx).len();
        if n > MAX_OPERATIONS {
            sink.emit(
                "/paths",
                format!("{n} operations exceed the limit of {MAX_OPERATIONS}"),
            );
        }
    }
);

/// Most schema nodes reachable from one operation (Microsoft FAQ: 16,384 per operation).
pub const MAX_OPERATION_SCHEMAS: usize = 16_384;

def_rule!(
    OPERATION_SCHEMA_COUNT_EXCEEDS_MAX_ALLOWED,
    "OperationSchemaCountExceedsMaxAllowed",
    Error,
    ALL,
    "An operation's inputs and outputs expand to more than 16,384 schema nodes",
    "The platform expands every `$ref` of an operation's body, responses and notification \
content; Microsoft's FAQ limits the result to 16,384 schemas per operation. Trim deeply shared \
definitions or split the operation. (Recursive references are counted once per branch.)",
    |cx, sink| {
        let Some(sw) = cx.swagger.as_ref() else {
            return;
        };
        // Each root's expansion is computed once per connector (shared with the size, depth and
        // total rules); an operation's count is the sum over the roots it uses.
        let counts = super::schema::expansions(cx, sw);
        for op in ops(cx) {
            let n: usize = super::schema::operation_schema_roots(sw, op)
                .iter()
                .map(|at| counts.count_of(at).unwrap_or(0))
                .sum();
            if n > MAX_OPERATION_SCHEMAS {
                sink.emit(
                    op.pointer.clone(),
                    format!(
                        "{} expands to more than {MAX_OPERATION_SCHEMAS} schemas",
                        op.label()
                    ),
                );
            }
        }
    }
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    fn fam(ops: Value) -> Value {
        let mut paths = serde_json::Map::new();
        for (i, o) in ops.as_array().unwrap().iter().enumerate() {
            let mut o = o.clone();
            o["responses"] = json!({"200": {"description": "ok"}});
            paths.insert(format!("/v{i}/items"), json!({"get": o}));
        }
        patch(minimal(), json!({"paths": Value::Object(paths)}))
    }

    #[test]
    fn minimal_is_clean() {
        for r in RULES {
            assert!(run(r, minimal()).is_empty(), "{}", r.code);
        }
    }

    #[test]
    fn replacement_info() {
        let d = fam(json!([{"operationId": "A", "x-ms-api-annotation": {"replacement": {}}}]));
        for r in [
            &API_ANNOTATION_EXTENSION_REPLACEMENT_INFO_FOR_NON_DEPRECATED_OPERATIONS,
            &API_ANNOTATION_EXTENSION_REPLACEMENT_INFO_MISSING_API_PROPERTY,
            &API_ANNOTATION_EXTENSION_REPLACEMENT_INFO_MISSING_OPERATION_ID_PROPERTY,
        ] {
            assert_eq!(run(r, d.clone()).len(), 1, "{}", r.code);
        }
        let d = fam(
            json!([{"operationId": "A", "deprecated": true, "x-ms-api-annotation": {"replacement": {"api": "x", "operationId": "B"}}}]),
        );
        for r in &RULES[..3] {
            assert!(run(r, d.clone()).is_empty(), "{}", r.code);
        }
    }

    #[test]
    fn families() {
        let good = fam(json!([
            {"operationId": "Get", "deprecated": true, "x-ms-api-annotation": {"family": "Get", "revision": 1, "status": "Production"}},
            {"operationId": "Get_V2", "x-ms-api-annotation": {"family": "Get", "revision": 2, "status": "Production"}},
            {"operationId": "Get_V3", "x-ms-api-annotation": {"family": "Get", "revision": 3, "status": "Preview"}}
        ]));
        for r in RULES {
            assert!(run(r, good.clone()).is_empty(), "{}", r.code);
        }
        let bad = fam(json!([
            {"operationId": "Get", "x-ms-api-annotation": {"family": "Get", "status": "Production"}},
            {"operationId": "Get2", "x-ms-api-annotation": {"family": "Get", "revision": 2, "status": "Production"}},
            {"operationId": "GetThree", "x-ms-api-annotation": {"family": "Get", "revision": 2}},
            {"operationId": "Get4", "x-ms-api-annotation": {"family": "Get", "revision": ""}}
        ]));
        assert_eq!(
            run(&OPERATION_FAMILY_HAS_DUPLICATE_REVISIONS, bad.clone()).len(),
            1
        );
        assert_eq!(
            run(&OPERATION_FAMILY_HAS_MANY_ACTIVE_OPERATIONS, bad.clone()).len(),
            2
        );
        assert_eq!(
            run(
                &OPERATION_FAMILY_HAS_MANY_ACTIVE_PRODUCTION_OPERATIONS,
                bad.clone()
            )
            .len(),
            1
        );
        assert_eq!(
            run(&OPERATION_FAMILY_HAS_MANY_EMPTY_REVISIONS, bad.clone()).len(),
            1
        );
        assert_eq!(run(&OPERATION_REVISION_EMPTY, bad.clone()).len(), 2);
        assert_eq!(run(&OPERATION_ID_SHOULD_END_WITH_REVISION, bad).len(), 2);
    }

    #[test]
    fn status_and_ids() {
        let d = patch(
            fam(
                json!([{"operationId": "get-item.x", "x-ms-api-annotation": {"status": "Production"}}]),
            ),
            json!({"info": {"x-ms-api-annotation": {"status": "Preview"}}}),
        );
        assert_eq!(
            run(&OPERATION_STATUS_AHEAD_OF_CONNECTOR, d.clone()).len(),
            1
        );
        assert_eq!(run(&OPERATION_ID_SANITIZED, d).len(), 1);
        // No connector status: not compared (calibration).
        let d = fam(json!([{"operationId": "A", "x-ms-api-annotation": {"status": "Production"}}]));
        assert!(run(&OPERATION_STATUS_AHEAD_OF_CONNECTOR, d).is_empty());
        let d = fam(json!([{"operationId": "A".repeat(129)}]));
        assert_eq!(run(&OPERATION_ID_TOO_LONG, d).len(), 1);
        let d = fam(json!([{"operationId": "A".repeat(128)}]));
        assert!(run(&OPERATION_ID_TOO_LONG, d).is_empty());
    }

    #[test]
    fn limits() {
        let many: Vec<Value> = (0..257)
            .map(|i| json!({"operationId": format!("Op{i}")}))
            .collect();
        assert_eq!(
            run(
                &TOTAL_OPERATIONS_COUNT_EXCEEDS_MAX_ALLOWED,
                fam(Value::Array(many))
            )
            .len(),
            1
        );
        // 2^15 leaves: D0 has two references to D1, ... D14 has two string properties.
        let mut defs = serde_json::Map::new();
        for i in 0..15 {
            defs.insert(
                format!("D{i}"),
                json!({"type": "object", "properties": {"a": {"$ref": format!("#/definitions/D{}", i + 1)}, "b": {"$ref": format!("#/definitions/D{}", i + 1)}}}),
            );
        }
        defs.insert("D15".into(), json!({"type": "string"}));
        let mut d = fam(json!([{"operationId": "Big"}]));
        d["definitions"] = Value::Object(defs);
        d["paths"]["/v0/items"]["get"]["responses"]["200"]["schema"] =
            json!({"$ref": "#/definitions/D0"});
        assert_eq!(
            run(&OPERATION_SCHEMA_COUNT_EXCEEDS_MAX_ALLOWED, d.clone()).len(),
            1
        );
        d["paths"]["/v0/items"]["get"]["responses"]["200"]["schema"] =
            json!({"$ref": "#/definitions/D5"});
        assert!(run(&OPERATION_SCHEMA_COUNT_EXCEEDS_MAX_ALLOWED, d).is_empty());
    }
}
