//! Webhook triggers and notifications.

use std::collections::HashSet;

use serde_json::Value;

use super::opkit::{BodyProp, Once, body_schema, is_true, op_body_props, ops};
use super::{Context, Rule};
use crate::model::FileKind;
use crate::model::pointer::join;
use crate::model::swagger::{Operation, SchemaRole, Swagger};

pub(crate) const RULES: &[&Rule] = &[
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

/// A webhook (registration) trigger: a trigger with a notification URL field or a path item
/// declaring `x-ms-notification-content`.
fn is_webhook<'a>(cx: &Context<'a>, op: &Operation<'a>) -> bool {
    op.is_trigger() && (op.has_notification_content() || has_url_field(cx, op))
}

fn notification_target<'a>(op: &Operation<'a>) -> Option<&'a str> {
    op.get("x-ms-notification")
        .and_then(|n| n.get("operationId"))
        .and_then(Value::as_str)
}

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
mod notification_extension_not_supported_in_webhook_operation;
mod notification_extension_supported_for_trigger_only;
mod notification_operation_must_be_webhook;
mod notification_url_not_allowed_in_this_position;
mod notification_url_not_internal;
mod notification_url_not_required;
mod notification_url_not_string;
mod operation_must_have_notification_content_extension;
mod paramters_with_same_name_must_have_same_type_and_visibility;
mod webhook_operations_missing_notification_url_property;

pub(crate) use notification_extension_not_supported_in_webhook_operation::*;
pub(crate) use notification_extension_supported_for_trigger_only::*;
pub(crate) use notification_operation_must_be_webhook::*;
pub(crate) use notification_url_not_allowed_in_this_position::*;
pub(crate) use notification_url_not_internal::*;
pub(crate) use notification_url_not_required::*;
pub(crate) use notification_url_not_string::*;
pub(crate) use operation_must_have_notification_content_extension::*;
pub(crate) use paramters_with_same_name_must_have_same_type_and_visibility::*;
pub(crate) use webhook_operations_missing_notification_url_property::*;

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    pub(super) fn hook(field: Value, content: bool, body_required: bool) -> Value {
        let mut item = json!({"post": {"operationId": "OnEvent", "x-ms-trigger": "single",
            "parameters": [{"name": "body", "in": "body", "required": body_required, "schema": {"type": "object", "required": ["callback"], "properties": {"callback": field}}}],
            "responses": {"201": {"description": "ok"}}}});
        if content {
            item["x-ms-notification-content"] = json!({"schema": {"type": "object"}});
        }
        patch(minimal(), json!({"paths": {"/hooks": item}}))
    }

    pub(super) fn good_field() -> Value {
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

    /// The good webhook plus a polling trigger `Poll` that names it via `x-ms-notification`, and
    /// an action `Act` that names `Poll`.
    pub(super) fn with_notification() -> Value {
        patch(
            hook(good_field(), true, true),
            json!({"paths": {
                "/poll": {"get": {"operationId": "Poll", "x-ms-trigger": "batch", "x-ms-notification": {"operationId": "OnEvent"},
                    "parameters": [{"name": "q", "in": "query", "type": "string"}], "responses": {"200": {"description": "ok"}}}},
                "/act": {"get": {"operationId": "Act", "x-ms-notification": {"operationId": "Poll"}, "responses": {"200": {"description": "ok"}}}}}}),
        )
    }

    /// The good webhook, itself carrying `x-ms-notification` and a query parameter `q` (string),
    /// named by a trigger `Poll` whose `q` is an integer.
    pub(super) fn webhook_with_notification() -> Value {
        let mut d = hook(good_field(), true, true);
        d["paths"]["/hooks"]["post"]["x-ms-notification"] = json!({"operationId": "OnEvent"});
        d["paths"]["/hooks"]["post"]["parameters"]
            .as_array_mut()
            .unwrap()
            .push(json!({"name": "q", "in": "query", "type": "string"}));
        d["paths"]["/poll"] = json!({"get": {"operationId": "Poll", "x-ms-trigger": "batch", "x-ms-notification": {"operationId": "OnEvent"},
            "parameters": [{"name": "q", "in": "query", "type": "integer"}], "responses": {"200": {"description": "ok"}}}});
        d
    }

    /// Pointer of the `callback` field in `hook`.
    pub(super) const CALLBACK: &str = "/paths/~1hooks/post/parameters/0/schema/properties/callback";
}
