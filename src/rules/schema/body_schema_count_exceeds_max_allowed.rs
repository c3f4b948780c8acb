use super::*;
use crate::rules::prelude::*;

const BODY_SCHEMA_LIMIT: usize = 512;

crate::declare_code! {
    /// One schema expands to more than 512 schema objects
    ///
    /// ### Why
    /// The platform expands each body, response and definition schema (following `$ref`s) and
    /// refuses one with more than 512 schema objects (reported as Critical). Large generated
    /// schemas hit this: trim properties users never need, or replace deep, rarely used sub-objects
    /// by `{"type": "object"}`. Recursive references are counted once per path. connkit's
    /// property-level checks of a request body stop after its first 10,000 properties (a body that
    /// long is always reported here).
    ///
    /// ### Example
    /// Bad: a definition with 600 properties (or a `$ref` tree expanding to more than 512 schemas)
    /// Good: at most 512 schema objects per body, response or definition: trim or cut with `{"type": "object"}`
    pub(crate) static BODY_SCHEMA_COUNT_EXCEEDS_MAX_ALLOWED: Rule {
        code: "BodySchemaCountExceedsMaxAllowed",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: FAQ,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(sw) = cx.swagger.as_ref() else {
        return;
    };
    for (at, count, _) in expansions(cx, sw).0.iter() {
        if *count > BODY_SCHEMA_LIMIT {
            sink.emit(
                at.clone(),
                format!("this schema expands to more than {BODY_SCHEMA_LIMIT} schema objects"),
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
    fn schema_with_600_properties() {
        let props: serde_json::Map<String, Value> = (0..600)
            .map(|i| (format!("p{i}"), json!({"type": "string"})))
            .collect();
        let def = with_def(json!({"type": "object", "properties": props}));
        Tester::new(
            &BODY_SCHEMA_COUNT_EXCEEDS_MAX_ALLOWED,
            vec![minimal()],
            vec![fail(def).at(["/definitions/X"]).then(|f| {
                assert_eq!(
                    f[0].message,
                    "this schema expands to more than 512 schema objects"
                );
            })],
        )
        .test();
    }
}
