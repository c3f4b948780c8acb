use super::*;
use crate::rules::prelude::*;

const TOTAL_SCHEMA_LIMIT: usize = 256 * 16_384;

crate::declare_code! {
    /// The whole definition expands to too many schema objects
    ///
    /// ### Why
    /// Across all operations, the expanded schemas (parameters and responses, `$ref`s followed) may
    /// not exceed 256 × 16,384 = 4,194,304 schema objects (the documented operation limit times the
    /// per-operation limit). Split the connector. connkit also reports here when the request bodies
    /// of all operations list more than 200,000 properties (bodies that are the same schema count
    /// once): its property-level checks stop at that point.
    ///
    /// ### Example
    /// Bad: operations whose expanded schemas add up to more than 4,194,304 schema objects
    /// Good: split the connector so each definition stays under the limit
    pub(crate) static TOTAL_SCHEMA_COUNT_EXCEEDS_MAX_ALLOWED: Rule {
        code: "TotalSchemaCountExceedsMaxAllowed",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: FAQ,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(sw) = cx.swagger.as_ref() else {
        return;
    };
    if super::super::opkit::body_props_index(cx).exhausted {
        sink.emit(
            "/paths",
            format!(
                "the request bodies expand to more than {} properties; connkit's property \
                     checks stopped there",
                super::super::opkit::BODY_PROPS_PER_CONNECTOR
            ),
        );
        return;
    }
    let counts = expansions(cx, sw);
    let mut total = 0usize;
    for op in &sw.operations {
        for at in operation_schema_roots(sw, op) {
            total += counts.count_of(&at).unwrap_or(0);
            if total > TOTAL_SCHEMA_LIMIT {
                sink.emit(
                    "/paths",
                    format!(
                        "the operations expand to more than {TOTAL_SCHEMA_LIMIT} schema objects"
                    ),
                );
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn one_large_definition_is_not_the_total() {
        // 600 properties exceed the per-schema limit, far from the total one.
        let props: serde_json::Map<String, Value> = (0..600)
            .map(|i| (format!("p{i}"), json!({"type": "string"})))
            .collect();
        let def = with_def(json!({"type": "object", "properties": props}));
        assert!(ptrs(&TOTAL_SCHEMA_COUNT_EXCEEDS_MAX_ALLOWED, def).is_empty());
    }

    #[test]
    fn operations_over_the_total() {
        // Each of 300 operations returns D0, which expands to 2^14 leaves (plus the nodes
        // above them): more than 300 * 16,384 > 4,194,304 schema objects in all.
        let mut defs = serde_json::Map::new();
        for i in 0..14 {
            defs.insert(
                format!("D{i}"),
                json!({"type": "object", "properties": {"a": {"$ref": format!("#/definitions/D{}", i + 1)}, "b": {"$ref": format!("#/definitions/D{}", i + 1)}}}),
            );
        }
        defs.insert("D14".into(), json!({"type": "string"}));
        let mut paths = serde_json::Map::new();
        for i in 0..300 {
            paths.insert(
                format!("/r{i}"),
                json!({"get": {"operationId": format!("R{i}"), "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/D0"}}}}}),
            );
        }
        let def = patch(minimal(), json!({"definitions": defs, "paths": paths}));
        Tester::new(
            &TOTAL_SCHEMA_COUNT_EXCEEDS_MAX_ALLOWED,
            vec![minimal()],
            vec![fail(def).at(["/paths"]).then(|f| {
                assert_eq!(
                    f[0].message,
                    "the operations expand to more than 4194304 schema objects"
                );
            })],
        )
        .test();
    }
}
