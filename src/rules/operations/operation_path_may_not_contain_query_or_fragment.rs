use super::*;

pub static OPERATION_PATH_MAY_NOT_CONTAIN_QUERY_OR_FRAGMENT: Rule = Rule {
    code: "OperationPathMayNotContainQueryOrFragment",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A path contains a raw `?` or `#`",
    explanation: "Query strings are declared as `in: query` parameters, never in the path key. \
A fixed query value can be an internal query parameter with a default. Percent-encode a literal \
`?` or `#`.\n\nBad: `/items?type=open`  Good: `/items` with a query parameter `type`.",
    source: SV,
    check: |cx, sink| {
        for (p, _) in paths(cx) {
            if p.contains(['?', '#']) {
                sink.emit(
                    join("/paths", p),
                    format!("path '{p}' contains a query string or fragment"),
                );
            }
        }
    },
};
