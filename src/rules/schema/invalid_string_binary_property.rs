use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `type: string, format: binary` nested inside a schema
    ///
    /// ### Why
    /// Binary content (a file) can be the whole request body, a `formData` parameter, or the whole
    /// response: the platform streams it. A binary property nested inside a JSON object cannot be
    /// represented in JSON; send it as base64 (`format: byte`) instead.
    ///
    /// ### Example
    /// Bad: `{"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}`
    /// Good: `{"type": "object", "properties": {"file": {"type": "string", "format": "byte"}}}`
    ///
    /// ### Evidence
    /// Calibration: binary at the root of any schema (a whole body, response or definition) is
    /// accepted. Binary properties nested in objects are reported as warnings only: 5 certified
    /// connectors changed in 2024 have them (request and response objects) and passed Microsoft's
    /// validator, which probably sends such values as strings. Query, header and path parameters
    /// with `format: binary` stay errors; a formData array of binary items (several files in one
    /// field, as a certified connector does) is accepted.
    pub(crate) static INVALID_STRING_BINARY_PROPERTY: Rule {
        code: "InvalidStringBinaryProperty",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for n in nodes(cx) {
        if n.ty() != Some("string") || n.str("format") != Some("binary") {
            continue;
        }
        let msg = "binary content is only allowed as a whole body, response or formData \
parameter: use `format: byte` (base64) inside objects";
        match n.kind {
            Kind::Schema { root: true, .. } => {}
            Kind::Schema { root: false, .. } => {
                sink.emit_with(Severity::Warning, FileKind::Definition, n.at("format"), msg)
            }
            Kind::Param if n.str("in") == Some("formData") => {}
            // `items` of a formData array: several files in one field.
            Kind::Items if in_form_data(cx, &n.pointer) => {}
            Kind::Param | Kind::Items | Kind::Header => sink.emit(n.at("format"), msg),
        }
    }
}

/// Whether `items` (possibly nested) at this pointer belong to a formData parameter.
fn in_form_data(cx: &Context<'_>, items_at: &str) -> bool {
    let mut owner = items_at;
    while let Some(p) = owner.strip_suffix("/items") {
        owner = p;
    }
    root(cx)
        .and_then(|r| r.pointer(owner))
        .is_some_and(|p| str_of(p, "in") == Some("formData"))
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn string_binary_positions() {
        // Several files in one formData field are fine; the same items on a query are not.
        let files = |loc: &str| {
            with_param(
                json!({"in": loc, "type": "array", "items": {"type": "string", "format": "binary"}}),
            )
        };
        Tester::new(
            &INVALID_STRING_BINARY_PROPERTY,
            vec![
                with_def(json!({"type": "string", "format": "binary"})),
                files("formData"),
            ],
            vec![
                fail(with_def( json!({"type": "object", "properties": {"f": {"type": "string", "format": "binary"}}}), )).at(["/definitions/X/properties/f/format"]).then(|f| {
                    assert_eq!(f[0].severity, Severity::Warning);
                }),
                fail(with_param(json!({"format": "binary"}))).count(1).then(|f| {
                    assert_eq!(f[0].severity, Severity::Error);
                }),
                fail(files("query")).at([format!("{P0}/items/format")]),
            ],
        )
        .test();
    }
}
