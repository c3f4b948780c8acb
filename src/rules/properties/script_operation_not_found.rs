use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `scriptOperations` names an operationId the definition lacks
    ///
    /// ### Why
    /// `scriptOperations` lists the operations whose requests go through `script.csx` (an empty
    /// list sends every operation through it). Each entry must be an operationId of the definition;
    /// a stale name means the script silently stops running for the renamed operation.
    ///
    /// ### Example
    /// Bad: `"scriptOperations": ["GetTask", "postCall"]` where no operation has the id `postCall`
    /// Good: `"scriptOperations": ["GetTask"]`
    ///
    /// ### Evidence
    /// A **warning**. The apiProperties validator does not cross-check it: personr and SoloSign
    /// were merged validated (2023) naming 'postCall', which their definitions lack. The script
    /// simply never runs for that name.
    pub(crate) static SCRIPT_OPERATION_NOT_FOUND: Rule {
        code: "ScriptOperationNotFound",
        severity: Severity::Warning,
        gate: Gate::Platform,
        file: FileKind::Properties,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/write-code",
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(ids) = operation_ids(cx) else { return };
    let Some(list) = props(cx)
        .and_then(|p| p.get("scriptOperations"))
        .and_then(Value::as_array)
    else {
        return;
    };
    for (i, n) in list.iter().enumerate() {
        if let Some(n) = n.as_str()
            && !ids.contains(&n)
        {
            sink.emit(
                join_index("/properties/scriptOperations", i),
                format!("operation '{n}' is not defined in the definition"),
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
    fn script_operation_not_in_the_definition() {
        let p = with(json!({"scriptOperations": ["GetTask", "postCall"]}));
        let p_2 = with(json!({"scriptOperations": ["GetTask"]}));
        Tester::new(
            &SCRIPT_OPERATION_NOT_FOUND,
            vec![(with_props(p_2), Profile::Custom)],
            vec![
                fail((with_props(p), Profile::Custom))
                    .at(["/properties/scriptOperations/1"])
                    .then(|f| {
                        assert_eq!(
                            f[0].message,
                            "operation 'postCall' is not defined in the definition"
                        );
                    }),
            ],
        )
        .test();
    }
}
