use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A parameter is named `connectionId`
    ///
    /// ### Why
    /// `connectionId` is filled in by the runtime for every call; a parameter of that name collides
    /// with it. Rename the parameter (the name sent on the wire can stay in the path or query via a
    /// different parameter name only if the service allows it). The comparison ignores case.
    ///
    /// ### Example
    /// Bad: `{"name": "connectionId", "in": "query", "type": "string"}`
    /// Good: `{"name": "accountConnection", "in": "query", "type": "string"}`
    pub(crate) static CONNECTION_ID_PARAMETER_NOT_ALLOWED: Rule {
        code: "ConnectionIdParameterNotAllowed",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (ptr, v) in written(cx) {
        if s(v, "name").is_some_and(|n| n.eq_ignore_ascii_case("connectionId")) {
            sink.emit(
                join(&ptr, "name"),
                "the parameter name 'connectionId' is reserved",
            );
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
    fn connection_id() {
        let d = with_param(json!({"name": "ConnectionId", "in": "query", "type": "string"}));
        let d_2 = with_param(json!({"name": "accountConnection", "in": "query", "type": "string"}));
        Tester::new(
            &CONNECTION_ID_PARAMETER_NOT_ALLOWED,
            vec![d_2],
            vec![fail(d).at([format!("{OP}/parameters/1/name")])],
        )
        .test();
    }
}
