use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `x-ms-notification` on a webhook registration operation
    ///
    /// ### Why
    /// `x-ms-notification` lets a (polling or fetch) trigger point at the webhook that delivers its
    /// events. The webhook operation itself must not carry it; remove it there.
    pub static NOTIFICATION_EXTENSION_NOT_SUPPORTED_IN_WEBHOOK_OPERATION: Rule {
        code: "NotificationExtensionNotSupportedInWebhookOperation",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Definition,
        source: WH,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
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
