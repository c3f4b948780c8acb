use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A dynamic call names a parameter that does not exist
    ///
    /// ### Why
    /// Keys of the extension's `parameters` must be parameters (or body property paths) of the
    /// invoked operation, and references (`parameter`, `parameterReference`) must name parameters
    /// of the calling operation. Check for typos and renamed parameters.
    ///
    /// ### Example
    /// Bad: `"parameters": {"project": {"parameter": "projekt"}, "nope": 1}` (the caller has no
    /// `projekt`, `ListItems` has no `nope`)
    /// Good: `"parameters": {"project": {"parameter": "project"}}`
    ///
    /// ### Evidence
    /// An error. The platform's import prints Microsoft's message below (issue #254). Its only hit
    /// on the merged history is Alemba ITSM (PR #845, 2021); no validated pull request since 2022
    /// breaks it.
    pub static OPERATION_PARAMETER_NAME_NOT_FOUND: Rule {
        code: "OperationParameterNameNotFound",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: Some("The parameter could not be found in operation '{0}'"),
        file: FileKind::Definition,
        source: EXT,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let mut once = Once::new(sink);
    with_sites(cx, &mut |sw, s| {
        let Some(target) = invoked(sw, s) else { return };
        for (k, _, at, t) in target_args(cx, sw, s, target) {
            if matches!(t, Target::Missing) {
                once.emit(at, format!("{} has no parameter '{k}'", target.label()));
            }
        }
        if s.superseded() {
            return;
        }
        for (r, at, t) in caller_refs(cx, sw, s) {
            if matches!(t, Target::Missing) {
                once.emit(
                    at,
                    format!("{} has no parameter '{r}' to reference", s.op.label()),
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
    fn unknown_names() {
        let mut dv = good_dv();
        dv["parameters"]["nope"] = json!(1);
        dv["parameters"]["project"] = json!({"parameter": "projekt"});
        Tester::new(
            &OPERATION_PARAMETER_NAME_NOT_FOUND,
            vec![with_dv(good_dv())],
            vec![fail(with_dv(dv)).at([
                format!("{DV}/parameters/project"),
                format!("{DV}/parameters/nope"),
            ])],
        )
        .test();
    }
}
