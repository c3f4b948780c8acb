use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A webhook trigger with no input field flagged `x-ms-notification-url: true`
    ///
    /// ### Why
    /// The platform fills the callback URL into the field marked `"x-ms-notification-url": true` (a
    /// required, internal string in the registration body). A trigger whose path item declares
    /// `x-ms-notification-content` but has no such field can never register its callback.
    pub static WEBHOOK_OPERATIONS_MISSING_NOTIFICATION_URL_PROPERTY: Rule {
        code: "WebhookOperationsMissingNotificationUrlProperty",
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
        if op.is_trigger() && op.has_notification_content() && !has_url_field(cx, op) {
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
