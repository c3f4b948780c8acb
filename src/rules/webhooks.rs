//! Webhook triggers and notifications (catalog §3.1 #25-27, #41, #72; §3.4 #85; §3.8).

use std::collections::HashSet;

use serde_json::Value;

use super::opkit::{BodyProp, Once, body_schema, def_rule, is_true, op_body_props, ops};
use super::{Context, Rule, Severity};
use crate::model::FileKind;
use crate::model::pointer::join;
use crate::model::swagger::{Operation, SchemaRole, Swagger};

pub const RULES: &[&Rule] = &[
    &NOTIFICATION_EXTENSION_NOT_SUPPORTED_IN_WEBHOOK_OPERATION,
    &NOTIFICATION_EXTENSION_SUPPORTED_FOR_TRIGGER_ONLY,
    &NOTIFICATION_OPERATION_MUST_BE_WEBHOOK,
    &OPERATION_MUST_HAVE_NOTIFICATION_CONTENT_EXTENSION,
    &WEBHOOK_OPERATIONS_MISSING_NOTIFICATION_URL_PROPERTY,
    &PARAMTERS_WITH_SAME_NAME_MUST_HAVE_SAME_TYPE_AND_VISIBILITY,
    &NOTIFICATION_URL_NOT_ALLOWED_IN_THIS_POSITION,
    &NOTIFICATION_URL_NOT_INTERNAL,
    &NOTIFICATION_URL_NOT_REQUIRED,
    &NOTIFICATION_URL_NOT_STRING,
];

const WH: &str =
    "https://learn.microsoft.com/en-us/connectors/custom-connectors/create-webhook-trigger";

fn flagged(v: &Value) -> bool {
    is_true(v, "x-ms-notification-url")
}

/// The body properties of an operation flagged `x-ms-notification-url: true`.
fn url_props<'c, 'a>(
    cx: &'c Context<'a>,
    op: &Operation<'a>,
) -> impl Iterator<Item = &'c BodyProp<'a>> {
    op_body_props(cx, op).iter().filter(|p| flagged(p.value))
}

fn has_url_field<'a>(cx: &Context<'a>, op: &Operation<'a>) -> bool {
    url_props(cx, op).next().is_some()
        || op
            .params
            .iter()
            .any(|p| p.location != Some("body") && flagged(p.value))
}

fn has_content(op: &Operation<'_>) -> bool {
    op.path_item.get("x-ms-notification-content").is_some()
}

/// A webhook (registration) trigger: a trigger with a notification URL field or a path item
/// declaring `x-ms-notification-content`.
fn is_webhook<'a>(cx: &Context<'a>, op: &Operation<'a>) -> bool {
    op.is_trigger() && (has_content(op) || has_url_field(cx, op))
}

fn notification_target<'a>(op: &Operation<'a>) -> Option<&'a str> {
    op.get("x-ms-notification")
        .and_then(|n| n.get("operationId"))
        .and_then(Value::as_str)
}

def_rule!(
    NOTIFICATION_EXTENSION_NOT_SUPPORTED_IN_WEBHOOK_OPERATION,
    "NotificationExtensionNotSupportedInWebhookOperation",
    Error,
    ALL,
    "`x-ms-notification` on a webhook registration operation",
    "`x-ms-notification` lets a (polling or fetch) trigger point at the webhook that delivers \
its events. The webhook operation itself must not carry it; remove it there.",
    WH,
    |cx, sink| {
        for op in ops(cx) {
            if op.get("x-ms-notification").is_some() && is_webhook(cx, op) {
                sink.emit(
                    join(&op.pointer, "x-ms-notification"),
                    format!(
                        "{} is a webhook and cannot have x-ms-notification",
                        op.label()
                    ),
                );
            }
        }
    }
);

def_rule!(
    NOTIFICATION_EXTENSION_SUPPORTED_FOR_TRIGGER_ONLY,
    "NotificationExtensionSupportedForTriggerOnly",
    Error,
    ALL,
    "`x-ms-notification` on an operation without `x-ms-trigger`",
    "Only triggers receive notifications. Add `x-ms-trigger` to the operation or remove \
`x-ms-notification`.",
    WH,
    |cx, sink| {
        for op in ops(cx) {
            if op.get("x-ms-notification").is_some() && !op.is_trigger() {
                sink.emit(
                    join(&op.pointer, "x-ms-notification"),
                    format!("{} is not a trigger", op.label()),
                );
            }
        }
    }
);

def_rule!(
    NOTIFICATION_OPERATION_MUST_BE_WEBHOOK,
    "NotificationOperationMustBeWebhook",
    Error,
    ALL,
    "`x-ms-notification.operationId` names an operation that is not a webhook trigger",
    "The operation named by `x-ms-notification` must be a webhook registration: a trigger whose \
body has an `x-ms-notification-url` field and whose path item has `x-ms-notification-content`.",
    WH,
    |cx, sink| {
        let Some(sw) = cx.swagger.as_ref() else {
            return;
        };
        for op in ops(cx) {
            let Some(id) = notification_target(op) else {
                continue;
            };
            if let Some(target) = sw.operation_by_id(id)
                && !is_webhook(cx, target)
            {
                sink.emit(
                    join(&join(&op.pointer, "x-ms-notification"), "operationId"),
                    format!("'{id}' is not a webhook trigger"),
                );
            }
        }
    }
);

def_rule!(
    OPERATION_MUST_HAVE_NOTIFICATION_CONTENT_EXTENSION,
    "OperationMustHaveNotificationContentExtension",
    Error,
    ALL,
    "An operation with an `x-ms-notification-url` field whose path item has no \
`x-ms-notification-content`",
    "A webhook trigger's outputs are the payload the service posts to the callback URL; they \
are declared on the path item (next to `post`) as `x-ms-notification-content: {schema}`. \
Without it the trigger has no outputs.\n\nGood: `\"/hooks\": {\"x-ms-notification-content\": \
{\"schema\": {\"$ref\": \"#/definitions/Event\"}}, \"post\": {…}}`.",
    WH,
    |cx, sink| {
        for op in ops(cx) {
            if has_url_field(cx, op) && !has_content(op) {
                sink.emit(
                    op.pointer.clone(),
                    format!(
                        "{} has a notification URL field but '{}' has no x-ms-notification-content",
                        op.label(),
                        op.path
                    ),
                );
            }
        }
    }
);

def_rule!(
    WEBHOOK_OPERATIONS_MISSING_NOTIFICATION_URL_PROPERTY,
    "WebhookOperationsMissingNotificationUrlProperty",
    Error,
    ALL,
    "A webhook trigger with no input field flagged `x-ms-notification-url: true`",
    "The platform fills the callback URL into the field marked `\"x-ms-notification-url\": \
true` (a required, internal string in the registration body). A trigger whose path item \
declares `x-ms-notification-content` but has no such field can never register its callback.",
    WH,
    |cx, sink| {
        for op in ops(cx) {
            if op.is_trigger() && has_content(op) && !has_url_field(cx, op) {
                sink.emit(
                    op.pointer.clone(),
                    format!(
                        "webhook trigger {} has no x-ms-notification-url field",
                        op.label()
                    ),
                );
            }
        }
    }
);

def_rule!(
    PARAMTERS_WITH_SAME_NAME_MUST_HAVE_SAME_TYPE_AND_VISIBILITY,
    "ParamtersWithSameNameMustHaveSameTypeAndVisibility",
    Error,
    ALL,
    "A trigger and the webhook it names via `x-ms-notification` declare a same-named parameter \
differently",
    "The platform passes the trigger's parameter values to the webhook registration named in \
`x-ms-notification`, matching them by name; a parameter of the same name must therefore have the \
same `type` and `x-ms-visibility` in both. (The code is spelled as Microsoft's validator \
spells it.)",
    WH,
    |cx, sink| {
        let Some(sw) = cx.swagger.as_ref() else {
            return;
        };
        let mut once = Once::new(sink);
        for op in ops(cx) {
            let Some(target) = notification_target(op).and_then(|id| sw.operation_by_id(id)) else {
                continue;
            };
            for p in op.params.iter().filter(|p| p.location != Some("body")) {
                let Some(q) = target
                    .params
                    .iter()
                    .find(|q| q.name == p.name && q.location != Some("body"))
                else {
                    continue;
                };
                for key in ["type", "x-ms-visibility"] {
                    if p.get(key) != q.get(key) {
                        once.emit(
                            p.field(key),
                            format!(
                                "'{}' has a different {key} in {} and {}",
                                p.name.unwrap_or("?"),
                                op.label(),
                                target.label()
                            ),
                        );
                    }
                }
            }
        }
    }
);

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

def_rule!(
    NOTIFICATION_URL_NOT_ALLOWED_IN_THIS_POSITION,
    "NotificationUrlNotAllowedInThisPosition",
    Error,
    ALL,
    "`x-ms-notification-url` outside a request body schema",
    "Only a field of the registration request body can receive the callback URL. Remove the \
flag from response schemas, notification content, definitions used only as outputs, and \
non-body parameters.\n\nCalibration: definitions shared by a request body and a response are \
not reported (the flag is used on the input side). A definition reached only from responses \
(typically the registration response echoing the subscription) is reported as a warning: \
Tikit (certified, 2024) was merged with one, and the platform ignores the flag there.",
    WH,
    |cx, sink| {
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
);

/// Every flagged field of every operation, once: (operation, body parameter, field).
fn fields<'c, 'a>(cx: &'c Context<'a>) -> Vec<(&'c Operation<'a>, &'a Value, &'c BodyProp<'a>)> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for op in ops(cx) {
        let Some(body) = op.body_param() else {
            continue;
        };
        for f in url_props(cx, op) {
            if seen.insert(f.pointer.clone()) {
                out.push((op, body.value, f));
            }
        }
    }
    out
}

def_rule!(
    NOTIFICATION_URL_NOT_INTERNAL,
    "NotificationUrlNotInternal",
    Error,
    ALL,
    "The notification URL field is visible to users",
    "Users must not type the callback URL: the platform fills it in. Mark the field (or one of \
its ancestors, or the body parameter) `\"x-ms-visibility\": \"internal\"`.",
    WH,
    |cx, sink| {
        let internal =
            |v: &Value| v.get("x-ms-visibility").and_then(Value::as_str) == Some("internal");
        for (op, body, f) in fields(cx) {
            if !internal(f.value)
                && !internal(body)
                && !f.ancestors.iter().any(|(a, _)| internal(a))
            {
                sink.emit(
                    f.pointer.clone(),
                    format!(
                        "notification URL field '{}' of {} is not internal",
                        f.name,
                        op.label()
                    ),
                );
            }
        }
    }
);

def_rule!(
    NOTIFICATION_URL_NOT_REQUIRED,
    "NotificationUrlNotRequired",
    Warning,
    ALL,
    "The notification URL field is not required at every level",
    "If the field or any object containing it is optional, the registration may be sent without \
the callback URL. List it in `required` at every level and make the body parameter \
`\"required\": true`.",
    WH,
    |cx, sink| {
        for (op, body, f) in fields(cx) {
            if !f.required_in_parent
                || !is_true(body, "required")
                || f.ancestors.iter().any(|(_, r)| !r)
            {
                sink.emit(
                    f.pointer.clone(),
                    format!(
                        "notification URL field '{}' of {} is not required at every level",
                        f.name,
                        op.label()
                    ),
                );
            }
        }
    }
);

def_rule!(
    NOTIFICATION_URL_NOT_STRING,
    "NotificationUrlNotString",
    Error,
    ALL,
    "The notification URL field is not `type: string`",
    "The callback URL is a string; declare the flagged field `\"type\": \"string\"`.\n\n\
Evidence: an error. Its only hit on the merged history is Eigen Events Connector in the bulk \
merge of 2021-03-24 (no pull request, so no pipeline run); no validated pull request since 2022 \
breaks it. A notification URL that is not a string cannot carry the callback address.",
    WH,
    |cx, sink| {
        for (op, _, f) in fields(cx) {
            if f.value.get("type").and_then(Value::as_str) != Some("string") {
                sink.emit(
                    f.pointer.clone(),
                    format!(
                        "notification URL field '{}' of {} is not a string",
                        f.name,
                        op.label()
                    ),
                );
            }
        }
    }
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    fn hook(field: Value, content: bool, body_required: bool) -> Value {
        let mut item = json!({"post": {"operationId": "OnEvent", "x-ms-trigger": "single",
            "parameters": [{"name": "body", "in": "body", "required": body_required, "schema": {"type": "object", "required": ["callback"], "properties": {"callback": field}}}],
            "responses": {"201": {"description": "ok"}}}});
        if content {
            item["x-ms-notification-content"] = json!({"schema": {"type": "object"}});
        }
        patch(minimal(), json!({"paths": {"/hooks": item}}))
    }

    fn good_field() -> Value {
        json!({"type": "string", "x-ms-notification-url": true, "x-ms-visibility": "internal"})
    }

    #[test]
    fn good_webhook_is_clean() {
        for r in RULES {
            assert!(
                run(r, hook(good_field(), true, true)).is_empty(),
                "{}",
                r.code
            );
            assert!(run(r, minimal()).is_empty(), "{}", r.code);
        }
    }

    #[test]
    fn field_problems() {
        let d = hook(
            json!({"type": "integer", "x-ms-notification-url": true}),
            false,
            false,
        );
        let at = vec!["/paths/~1hooks/post/parameters/0/schema/properties/callback"];
        assert_eq!(pointers(&run(&NOTIFICATION_URL_NOT_STRING, d.clone())), at);
        assert_eq!(
            pointers(&run(&NOTIFICATION_URL_NOT_INTERNAL, d.clone())),
            at
        );
        assert_eq!(
            pointers(&run(&NOTIFICATION_URL_NOT_REQUIRED, d.clone())),
            at
        );
        assert_eq!(
            run(&OPERATION_MUST_HAVE_NOTIFICATION_CONTENT_EXTENSION, d).len(),
            1
        );
        let d = hook(json!({"type": "string"}), true, true);
        assert_eq!(
            run(&WEBHOOK_OPERATIONS_MISSING_NOTIFICATION_URL_PROPERTY, d).len(),
            1
        );
    }

    #[test]
    fn position() {
        let d = patch(
            hook(good_field(), true, true),
            json!({"definitions": {"Out": {"type": "object", "properties": {"u": {"type": "string", "x-ms-notification-url": true}}}},
                   "paths": {"/x": {"get": {"operationId": "X", "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Out"}}}}}}}),
        );
        let f = run(&NOTIFICATION_URL_NOT_ALLOWED_IN_THIS_POSITION, d.clone());
        assert_eq!(
            pointers(&f),
            vec!["/definitions/Out/properties/u/x-ms-notification-url"]
        );
        assert_eq!(f[0].severity, Severity::Warning);
        // Written inline in a response schema: an error.
        let mut d = d;
        d["paths"]["/x"]["get"]["responses"]["200"]["schema"] = json!({"type": "object", "properties": {"u": {"type": "string", "x-ms-notification-url": true}}});
        let f = run(&NOTIFICATION_URL_NOT_ALLOWED_IN_THIS_POSITION, d);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Error);
    }

    #[test]
    fn notification_extension() {
        let base = hook(good_field(), true, true);
        let d = patch(
            base.clone(),
            json!({"paths": {
                "/poll": {"get": {"operationId": "Poll", "x-ms-trigger": "batch", "x-ms-notification": {"operationId": "OnEvent"},
                    "parameters": [{"name": "q", "in": "query", "type": "string"}], "responses": {"200": {"description": "ok"}}}},
                "/act": {"get": {"operationId": "Act", "x-ms-notification": {"operationId": "Poll"}, "responses": {"200": {"description": "ok"}}}}}}),
        );
        assert_eq!(
            pointers(&run(
                &NOTIFICATION_EXTENSION_SUPPORTED_FOR_TRIGGER_ONLY,
                d.clone()
            )),
            vec!["/paths/~1act/get/x-ms-notification"]
        );
        assert_eq!(
            pointers(&run(&NOTIFICATION_OPERATION_MUST_BE_WEBHOOK, d.clone())),
            vec!["/paths/~1act/get/x-ms-notification/operationId"]
        );
        assert!(
            run(
                &NOTIFICATION_EXTENSION_NOT_SUPPORTED_IN_WEBHOOK_OPERATION,
                d
            )
            .is_empty()
        );
        let mut d = base;
        d["paths"]["/hooks"]["post"]["x-ms-notification"] = json!({"operationId": "OnEvent"});
        d["paths"]["/hooks"]["post"]["parameters"]
            .as_array_mut()
            .unwrap()
            .push(json!({"name": "q", "in": "query", "type": "string"}));
        d["paths"]["/poll"] = json!({"get": {"operationId": "Poll", "x-ms-trigger": "batch", "x-ms-notification": {"operationId": "OnEvent"},
            "parameters": [{"name": "q", "in": "query", "type": "integer"}], "responses": {"200": {"description": "ok"}}}});
        assert_eq!(
            run(
                &NOTIFICATION_EXTENSION_NOT_SUPPORTED_IN_WEBHOOK_OPERATION,
                d.clone()
            )
            .len(),
            1
        );
        assert_eq!(
            pointers(&run(
                &PARAMTERS_WITH_SAME_NAME_MUST_HAVE_SAME_TYPE_AND_VISIBILITY,
                d
            )),
            vec!["/paths/~1poll/get/parameters/0/type"]
        );
    }
}
