use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A literal passed in a dynamic call does not match the invoked parameter's type
    ///
    /// ### Why
    /// A literal in `parameters` must have the JSON type of the parameter it fills: `5` for an
    /// integer, `"5"` for a string, `true` for a boolean.
    ///
    /// ### Example
    /// Bad: `"parameters": {"top": "5"}` for an integer parameter `top`
    /// Good: `"parameters": {"top": 5}`
    pub(crate) static OPERATION_PARAMETER_STATIC_TYPE_MISMATCH: Rule {
        code: "OperationParameterStaticTypeMismatch",
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
        let Some(target) = invoked(sw, s) else { return };
        for (k, v, at, t) in target_args(cx, sw, s, target) {
            let Arg::Literal(lit) = arg(v) else { continue };
            if let Some(ty) = type_of(&t, sw)
                && !lit.is_null()
                && !fits_type(lit, ty)
            {
                once.emit(at, format!("literal {lit} for '{k}' is not of type {ty}"));
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
    fn literal_type() {
        let mut dv = good_dv();
        dv["parameters"]["top"] = json!("5");
        Tester::new(
            &OPERATION_PARAMETER_STATIC_TYPE_MISMATCH,
            vec![
                // good_dv passes `"top": 5`.
                with_dv(good_dv()),
            ],
            vec![fail(with_dv(dv)).at([format!("{DV}/parameters/top")])],
        )
        .test();
    }
}
