use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A dynamic call does not pass a parameter the invoked operation requires
    ///
    /// ### Why
    /// Every required parameter of the invoked operation must get a value in the extension's
    /// `parameters`, either a literal or a reference to a parameter of the calling operation.
    /// Parameters with a `default` are filled in by the platform and need not be passed.
    ///
    /// ### Example
    /// Good: `"parameters": {"projectId": {"parameter": "projectId"}}`.
    pub(crate) static OPERATION_MISSING_REQUIRED_PROPERTY: Rule {
        code: "OperationMissingRequiredProperty",
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
        if s.superseded() {
            return;
        }
        let Some(target) = invoked(sw, s) else { return };
        let keys: Vec<&str> = s.params().iter().map(|(k, _, _)| *k).collect();
        for p in target
            .params
            .iter()
            .filter(|p| p.is_required() && p.get("default").is_none())
        {
            let Some(name) = p.name else { continue };
            let given = keys
                .iter()
                .any(|k| *k == name || k.split('/').next() == Some(name))
                || (p.location == Some("body")
                    && keys.iter().any(|k| body_prop(cx, target, k).is_some()));
            if !given {
                once.emit(
                    s.at.clone(),
                    format!(
                        "{} requires '{name}', which this call does not pass",
                        target.label()
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
    fn required_parameter_not_passed() {
        let mut dv = good_dv();
        dv["parameters"] = json!({"top": 5});
        Tester::new(
            &OPERATION_MISSING_REQUIRED_PROPERTY,
            vec![with_dv(good_dv())],
            vec![fail(with_dv(dv)).at([DV.to_string()])],
        )
        .test();
    }
}
