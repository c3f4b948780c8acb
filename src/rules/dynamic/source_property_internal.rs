use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A dynamic call references an internal parameter or property of the calling operation
    ///
    /// ### Why
    /// Internal values are not available to the designer when it makes the dynamic call. Pass the
    /// value as a literal instead (for an internal parameter with a default, use the default):
    /// `{"value": "2024-01-01"}`.
    ///
    /// ### Example
    /// Bad: `"parameters": {"project": {"parameter": "hidden"}}`, where `hidden` is
    /// `"x-ms-visibility": "internal"`
    /// Good: `"parameters": {"project": {"value": "x"}}` (the internal parameter's default as a literal)
    pub(crate) static SOURCE_PROPERTY_INTERNAL: Rule {
        code: "SourcePropertyInternal",
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
        if s.superseded() || s.op_id().is_none() {
            return;
        }
        for (r, at, t) in caller_refs(cx, sw, s) {
            let int = match t {
                Target::Param(p) => internal(p.value),
                Target::Prop { internal, .. } => internal,
                _ => false,
            };
            if int {
                once.emit(
                    at,
                    format!(
                        "'{r}' is internal in {}; pass a literal value",
                        s.op.label()
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
    fn internal_source() {
        let mut dv = good_dv();
        dv["parameters"]["project"] = json!({"parameter": "hidden"});
        Tester::new(
            &SOURCE_PROPERTY_INTERNAL,
            vec![with_dv(good_dv())],
            vec![fail(with_dv(dv)).at([format!("{DV}/parameters/project")])],
        )
        .test();
    }
}
