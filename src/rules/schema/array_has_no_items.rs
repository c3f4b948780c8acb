use super::*;

// ---- §3.2 arrays -------------------------------------------------------------------------

pub static ARRAY_HAS_NO_ITEMS: Rule = Rule {
    code: "ArrayHasNoItems",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`type: array` without `items`",
    explanation: "An array must say what its elements are: the designer builds its fields and \
the runtime its serialization from `items`. Add `items` (a schema, or for a non-body parameter \
an items object with a `type`).\n\nBad: `{\"type\": \"array\"}`  Good: `{\"type\": \"array\", \
\"items\": {\"type\": \"string\"}}`",
    source: SV,
    check: |cx, sink| {
        for n in nodes(cx) {
            if n.ty() == Some("array") && n.get("items").is_none() {
                sink.emit(
                    n.at("type"),
                    "an array needs `items` describing its elements",
                );
            }
        }
    },
};
