use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `x-ms-dynamic-schema`/`-properties`/`-tree` written on a body parameter object
    ///
    /// ### Why
    /// A body parameter's shape lives in its `schema`; dynamic schema extensions belong there too.
    ///
    /// ### Example
    /// Bad: `{"in": "body", "name": "body", "x-ms-dynamic-schema": {…}, "schema": {…}}`
    /// Good: `{"in": "body", "name": "body", "schema": {"x-ms-dynamic-schema": {…}}}`.
    pub(crate) static DYNAMIC_EXTENSION_DEFINITION_NOT_ALLOWED_IN_PARAMETER: Rule {
        code: "DynamicExtensionDefinitionNotAllowedInParameter",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: EXT,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let mut once = Once::new(sink);
    with_sites(cx, &mut |_, s| {
        if s.on_body_param && matches!(s.kind, Kind::Schema | Kind::Properties | Kind::Tree) {
            once.emit(
                s.at.clone(),
                format!(
                    "{} must be inside the body parameter's schema",
                    s.kind.key()
                ),
            );
        }
    });
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn schema_extension_on_body_parameter() {
        let mut d = dyn_schema_def();
        d["paths"]["/rows"]["post"]["parameters"][0]
            .as_object_mut()
            .unwrap()
            .remove("x-ms-dynamic-schema");
        Tester::new(
            &DYNAMIC_EXTENSION_DEFINITION_NOT_ALLOWED_IN_PARAMETER,
            vec![d],
            vec![
                fail(dyn_schema_def()).at(["/paths/~1rows/post/parameters/0/x-ms-dynamic-schema"]),
            ],
        )
        .test();
    }
}
