use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A referenced parameter's type differs from the invoked parameter's type
    ///
    /// ### Why
    /// The value of the calling operation's parameter is passed as-is, so both must have the same
    /// `type` (an `integer` may feed a `number`).
    ///
    /// ### Example
    /// Bad: `"parameters": {"top": {"parameter": "project"}}`, where `top` is an integer and the caller's
    /// `project` a string
    /// Good: `"parameters": {"top": {"parameter": "count"}}`, where the caller's `count` is an integer
    pub(crate) static OPERATION_PARAMETER_TYPE_MISMATCH: Rule {
        code: "OperationParameterTypeMismatch",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: EXT,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let mut once = Once::new(sink);
    ref_pairs(cx, &mut |sw, k, at, c, t| {
        let (Some(a), Some(b)) = (type_of(c, sw), type_of(t, sw)) else {
            return;
        };
        if a != b && !(a == "integer" && b == "number") {
            once.emit(at, format!("'{k}' gets a {a} value but expects {b}"));
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
    fn reference_type() {
        let mut dv = good_dv();
        dv["parameters"]["top"] = json!({"parameter": "project"});
        Tester::new(
            &OPERATION_PARAMETER_TYPE_MISMATCH,
            vec![with_dv(good_dv())],
            vec![fail(with_dv(dv)).at([format!("{DV}/parameters/top")])],
        )
        .test();
    }
}
