use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A required parameter of the invoked operation is fed from an optional parameter
    ///
    /// ### Why
    /// If the calling operation's parameter is optional the user may leave it empty, and the
    /// dynamic call then fails for lack of a required value. Make the source parameter required, or
    /// pass a literal.
    ///
    /// ### Example
    /// Bad: `"parameters": {"project": {"parameter": "hidden"}}`, where `project` is required by
    /// `ListItems` and `hidden` is an optional parameter of the caller
    /// Good: `"parameters": {"project": {"parameter": "project"}}`, where the caller's `project` is
    /// required
    ///
    /// ### Evidence
    /// Calibration: 8 merged certified connectors do this (BoldSign, Kanbanize and Tikit last
    /// changed in 2024), typically for a dropdown that only makes sense once an optional field is
    /// filled in. Microsoft does not block on it, so connkit warns.
    pub(crate) static OPERATION_PARAMETER_REQUIRED_MISMATCH: Rule {
        code: "OperationParameterRequiredMismatch",
        severity: Severity::Warning,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: EXT,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let mut once = Once::new(sink);
    ref_pairs(cx, &mut |_, k, at, c, t| {
        let target_required =
            matches!(t, Target::Param(p) if p.is_required() && p.get("default").is_none());
        let source_optional = match c {
            Target::Param(p) => !p.is_required(),
            Target::Prop { required, .. } => !required,
            _ => false,
        };
        if target_required && source_optional {
            once.emit(
                at,
                format!("'{k}' is required by the invoked operation but its source is optional"),
            );
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
    fn optional_source() {
        let mut dv = good_dv();
        dv["parameters"]["project"] = json!({"parameter": "hidden"});
        Tester::new(
            &OPERATION_PARAMETER_REQUIRED_MISMATCH,
            vec![with_dv(good_dv())],
            vec![fail(with_dv(dv)).at([format!("{DV}/parameters/project")])],
        )
        .test();
    }
}
