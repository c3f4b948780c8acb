use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An extension names an operationId that does not exist
    ///
    /// ### Why
    /// Dynamic values, lists, schemas, properties and trees, `x-ms-notification`,
    /// `x-ms-operation-context.simulate` and `x-ms-capabilities` (test connection, file picker)
    /// call another operation by its `operationId`. The name must match an operation of this
    /// definition exactly (it is case-sensitive); a renamed operation breaks these calls silently
    /// at design time.
    ///
    /// ### Example
    /// Bad: `"x-ms-dynamic-values": {"operationId": "listItems", …}` when the operation is `ListItems`
    /// Good: `"x-ms-dynamic-values": {"operationId": "ListItems", …}`
    pub(crate) static OPERATION_ID_NOT_FOUND: Rule {
        code: "OperationIdNotFound",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: EXT,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(sw) = cx.swagger.as_ref() else {
        return;
    };
    let mut refs: Vec<(String, &Value)> = Vec::new();
    for s in sites(cx) {
        if s.kind == Kind::Tree {
            for part in ["open", "browse"] {
                if let Some(id) = s.ext.get(part).and_then(|p| p.get("operationId")) {
                    refs.push((join(&join(&s.at, part), "operationId"), id));
                }
            }
        } else if let Some(id) = s.ext.get("operationId") {
            refs.push((join(&s.at, "operationId"), id));
        }
    }
    for op in ops(cx) {
        if let Some(id) = op
            .get("x-ms-notification")
            .and_then(|n| n.get("operationId"))
        {
            refs.push((
                join(&join(&op.pointer, "x-ms-notification"), "operationId"),
                id,
            ));
        }
        if let Some(id) = op
            .get("x-ms-operation-context")
            .and_then(|c| c.get("simulate"))
            .and_then(|s| s.get("operationId"))
        {
            refs.push((
                join(&op.pointer, "x-ms-operation-context") + "/simulate/operationId",
                id,
            ));
        }
    }
    if let Some(caps) = sw.root.get("x-ms-capabilities") {
        for (path, v) in [
            (
                "/x-ms-capabilities/testConnection/operationId",
                caps.pointer("/testConnection/operationId"),
            ),
            (
                "/x-ms-capabilities/file-picker/open/operationId",
                caps.pointer("/file-picker/open/operationId"),
            ),
            (
                "/x-ms-capabilities/file-picker/browse/operationId",
                caps.pointer("/file-picker/browse/operationId"),
            ),
        ] {
            if let Some(v) = v {
                refs.push((path.to_string(), v));
            }
        }
    }
    let mut once = Once::new(sink);
    for (at, id) in refs {
        let Some(id) = id.as_str() else { continue };
        if sw.operation_by_id(id).is_none() {
            let hint = ops(cx)
                .iter()
                .filter_map(|o| o.operation_id)
                .find(|o| o.eq_ignore_ascii_case(id))
                .map(|o| format!(" (did you mean '{o}'?)"))
                .unwrap_or_default();
            once.emit(at, format!("operation '{id}' does not exist{hint}"));
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
    fn operation_ids() {
        let mut dv = good_dv();
        dv["operationId"] = json!("listItems");
        Tester::new(
            &OPERATION_ID_NOT_FOUND,
            vec![with_dv(good_dv())],
            vec![
                fail(base(dv, json!({})))
                    .at([format!("{DV}/operationId")])
                    .then(|f| {
                        assert!(f[0].message.contains("did you mean 'ListItems'"));
                    }),
            ],
        )
        .test();
    }
}
