use super::*;
use crate::rules::prelude::*;

/// Pointers of the definitions' schemas reachable from request bodies, and from
/// responses/notifications.
fn reach<'a>(
    cx: &Context<'a>,
    sw: &Swagger<'a>,
) -> (foldhash::HashSet<String>, foldhash::HashSet<String>) {
    // Only definitions are looked up in the result.
    let keep = |p: &str| p.starts_with("/definitions/");
    let mut input = foldhash::HashSet::default();
    let bodies = ops(cx).iter().filter_map(|op| body_schema(sw, op));
    sw.reachable_into(bodies, &keep, &mut input);
    let mut output = foldhash::HashSet::default();
    sw.reachable_into(
        sw.schema_nodes()
            .iter()
            .filter(|n| n.depth == 0 && n.role == SchemaRole::Output)
            .map(|n| (n.value, n.pointer.clone())),
        &keep,
        &mut output,
    );
    (input, output)
}

crate::declare_code! {
    /// `x-ms-notification-url` outside a request body schema
    ///
    /// ### Why
    /// Only a field of the registration request body can receive the callback URL. Remove the flag
    /// from response schemas, notification content, definitions used only as outputs, and non-body
    /// parameters.
    ///
    /// ### Example
    /// Bad: `"responses": {"200": {"description": "OK", "schema": {"type": "object", "properties": {"callback": {"type": "string", "x-ms-notification-url": true}}}}}`
    /// Good: the flag only on a property of the registration request body (`in: body`) schema
    ///
    /// ### Evidence
    /// Calibration: definitions shared by a request body and a response are not reported (the flag
    /// is used on the input side). A definition reached only from responses (typically the
    /// registration response echoing the subscription) is reported as a warning: Tikit (certified,
    /// 2024) was merged with one, and the platform ignores the flag there.
    pub(crate) static NOTIFICATION_URL_NOT_ALLOWED_IN_THIS_POSITION: Rule {
        code: "NotificationUrlNotAllowedInThisPosition",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: WH,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(sw) = cx.swagger.as_ref() else {
        return;
    };
    // The reachability walk is only needed when some schema carries the flag at all.
    let flagged_nodes: Vec<_> = sw
        .schema_nodes()
        .iter()
        .filter(|n| flagged(n.value))
        .collect();
    let (input, output) = if flagged_nodes
        .iter()
        .any(|n| n.role == SchemaRole::Definition)
    {
        reach(cx, sw)
    } else {
        Default::default()
    };
    for n in flagged_nodes {
        let severity = match n.role {
            SchemaRole::Output => Severity::Error,
            SchemaRole::Definition
                if output.contains(&n.pointer) && !input.contains(&n.pointer) =>
            {
                Severity::Warning
            }
            _ => continue,
        };
        sink.emit_with(
            severity,
            FileKind::Definition,
            join(&n.pointer, "x-ms-notification-url"),
            "x-ms-notification-url is only allowed in a request body schema",
        );
    }
    for p in sw.param_nodes() {
        if flagged(p.value) {
            sink.emit(
                join(&p.pointer, "x-ms-notification-url"),
                "x-ms-notification-url is only allowed on a body schema property",
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
    fn position() {
        let d = patch(
            hook(good_field(), true, true),
            json!({"definitions": {"Out": {"type": "object", "properties": {"u": {"type": "string", "x-ms-notification-url": true}}}},
                   "paths": {"/x": {"get": {"operationId": "X", "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Out"}}}}}}}),
        );
        // Written inline in a response schema: an error.
        let mut inline = d.clone();
        inline["paths"]["/x"]["get"]["responses"]["200"]["schema"] = json!({"type": "object", "properties": {"u": {"type": "string", "x-ms-notification-url": true}}});
        Tester::new(
            &NOTIFICATION_URL_NOT_ALLOWED_IN_THIS_POSITION,
            vec![hook(good_field(), true, true)],
            vec![
                fail(d)
                    .at(["/definitions/Out/properties/u/x-ms-notification-url"])
                    .then(|f| assert_eq!(f[0].severity, Severity::Warning)),
                fail(inline)
                    .count(1)
                    .then(|f| assert_eq!(f[0].severity, Severity::Error)),
            ],
        )
        .test();
    }
}
