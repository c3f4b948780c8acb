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
    pub static TOTAL_SCHEMA_COUNT_EXCEEDS_MAX_ALLOWED: Rule {
        code: "TotalSchemaCountExceedsMaxAllowed",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: None,
        profiles: Profiles::ALL,
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
