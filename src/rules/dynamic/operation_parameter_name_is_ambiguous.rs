use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A dynamic call passes a name that is both a parameter and a body property of the invoked operation
    ///
    /// ### Why
    /// When the invoked operation has a parameter `id` and a body property `id`, the key `id` in
    /// `parameters` could mean either. Use `x-ms-dynamic-list`/`-properties`, whose keys may be
    /// paths (`body/id`), to say which.
    ///
    /// ### Example
    /// Bad: `"x-ms-dynamic-values": {"operationId": "Create", "parameters": {"project": "x"}}` when
    /// `Create` has a query parameter `project` and a body property `project`
    /// Good: `"x-ms-dynamic-list": {"operationId": "Create", "parameters": {"body/project": "x"}}`
    pub(crate) static OPERATION_PARAMETER_NAME_IS_AMBIGUOUS: Rule {
        code: "OperationParameterNameIsAmbiguous",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: EXT,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let mut once = Once::new(sink);
    with_sites(cx, &mut |sw, s| {
        // A newer sibling extension (`x-ms-dynamic-list` beside `x-ms-dynamic-values`) names
        // its parameters by path, which is the fix this rule asks for.
        if s.superseded() {
            return;
        }
        let Some(target) = invoked(sw, s) else { return };
        for (k, _, at) in s.params() {
            if ambiguous(sw, target, k) {
                once.emit(
                    at,
                    format!(
                        "'{k}' is both a parameter and a body property of {}",
                        target.label()
                    ),
                );
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn ambiguous_name() {
        // `Create` has a query parameter `project` and a body property `project`.
        let call = |dv: Value| {
            patch(
                base(good_dv(), json!({"project": {"type": "string"}})),
                json!({"paths": {"/pick": {"get": {"operationId": "Pick", "parameters": [
                    {"name": "p", "in": "query", "type": "string", "x-ms-dynamic-values": dv}],
                    "responses": {"200": {"description": "ok"}}}}}}),
            )
        };
        let d = call(
            json!({"operationId": "Create", "value-path": "id", "parameters": {"project": "x"}}),
        );
        // `top` of ListItems is not ambiguous.
        let d_2 = call(
            json!({"operationId": "ListItems", "value-path": "id", "parameters": {"project": "x"}}),
        );
        Tester::new(
            &OPERATION_PARAMETER_NAME_IS_AMBIGUOUS,
            vec![d_2],
            vec![
                fail(d)
                    .at(["/paths/~1pick/get/parameters/0/x-ms-dynamic-values/parameters/project"]),
            ],
        )
        .test();
    }

    #[test]
    fn a_dynamic_list_beside_it_settles_the_name() {
        let d = patch(
            base(good_dv(), json!({"project": {"type": "string"}})),
            json!({"paths": {"/pick": {"get": {"operationId": "Pick", "parameters": [
                {"name": "p", "in": "query", "type": "string",
                 "x-ms-dynamic-values": {"operationId": "Create", "value-path": "id",
                     "parameters": {"project": "x"}},
                 "x-ms-dynamic-list": {"operationId": "Create", "itemValuePath": "id",
                     "parameters": {"body/project": {"value": "x"}}}}],
                "responses": {"200": {"description": "ok"}}}}}}),
        );
        assert!(run(&OPERATION_PARAMETER_NAME_IS_AMBIGUOUS, d).is_empty());
    }
}
