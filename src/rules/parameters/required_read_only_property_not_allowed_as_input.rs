use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A request-body property that is both `readOnly` and required
    ///
    /// ### Why
    /// `readOnly` properties are never sent in requests, so they cannot also be required in a
    /// request body. Drop `readOnly`, or remove the name from `required` (or use a separate input
    /// definition).
    ///
    /// ### Example
    /// Bad: `{"type": "object", "required": ["id"], "properties": {"id": {"type": "string", "readOnly":
    /// true}}}` as a request body
    /// Good: the same without `"required": ["id"]`, or without `readOnly`
    pub(crate) static REQUIRED_READ_ONLY_PROPERTY_NOT_ALLOWED_AS_INPUT: Rule {
        code: "RequiredReadOnlyPropertyNotAllowedAsInput",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let mut once = Once::new(sink);
    for op in ops(cx) {
        for p in op_body_props(cx, op) {
            if is_true(p.value, "readOnly") && p.required_in_parent {
                once.emit(
                    p.pointer.clone(),
                    format!(
                        "property '{}' is readOnly and required in a request body",
                        p.name
                    ),
                );
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
    fn required_read_only() {
        let d = post(internal_body(json!(["id"])), json!({}));
        let d_2 = post(internal_body(json!(["kind"])), json!({}));
        Tester::new(
            &REQUIRED_READ_ONLY_PROPERTY_NOT_ALLOWED_AS_INPUT,
            vec![d_2],
            vec![fail(d).at(["/paths/~1p/post/parameters/0/schema/properties/id"])],
        )
        .test();
    }
}
