use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An internal body property with a `default` that its object does not list as required
    ///
    /// ### Why
    /// The body-schema counterpart of InternalPropertyWithDefaultOptional: an `internal` property
    /// is hidden from users, so only a required one gets its `default` sent. Add its name to the
    /// parent object's `required` list.
    ///
    /// ### Example
    /// Bad: `{"properties": {"kind": {"type": "string", "default": "task", "x-ms-visibility":
    /// "internal"}}}`
    /// Good: the same with `"required": ["kind"]`.
    pub(crate) static PROPERTY_MUST_BE_REQUIRED: Rule {
        code: "PropertyMustBeRequired",
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
            if internal(p.value) && p.value.get("default").is_some() && !p.required_in_parent {
                once.emit(
                    p.pointer.clone(),
                    format!(
                        "internal property '{}' has a default but is not required",
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
    fn internal_property_not_required() {
        let d = post(internal_body(json!(["id"])), json!({}));
        let d_2 = post(internal_body(json!(["kind"])), json!({}));
        Tester::new(
            &PROPERTY_MUST_BE_REQUIRED,
            vec![d_2],
            vec![fail(d).at(["/paths/~1p/post/parameters/0/schema/properties/kind"])],
        )
        .test();
    }
}
