use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A path contains a raw `?` or `#`
    ///
    /// ### Why
    /// Query strings are declared as `in: query` parameters, never in the path key. A fixed query
    /// value can be an internal query parameter with a default. Percent-encode a literal `?` or
    /// `#`.
    ///
    /// ### Example
    /// Bad: `/items?type=open`
    /// Good: `/items` with a query parameter `type`.
    pub(crate) static OPERATION_PATH_MAY_NOT_CONTAIN_QUERY_OR_FRAGMENT: Rule {
        code: "OperationPathMayNotContainQueryOrFragment",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (p, _) in paths(cx) {
        if p.contains(['?', '#']) {
            sink.emit(
                join("/paths", p),
                format!("path '{p}' contains a query string or fragment"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn query_string() {
        let d = patch(minimal(), json!({"paths": {"/b?x=1": {}}}));
        Tester::new(
            &OPERATION_PATH_MAY_NOT_CONTAIN_QUERY_OR_FRAGMENT,
            vec![minimal()],
            vec![fail(d).at(["/paths/~1b?x=1"])],
        )
        .test();
    }
}
