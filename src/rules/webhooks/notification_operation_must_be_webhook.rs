use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `x-ms-notification.operationId` names an operation that is not a webhook trigger
    ///
    /// ### Why
    /// The operation named by `x-ms-notification` must be a webhook registration: a trigger whose
    /// body has an `x-ms-notification-url` field and whose path item has
    /// `x-ms-notification-content`.
    pub static NOTIFICATION_OPERATION_MUST_BE_WEBHOOK: Rule {
        code: "NotificationOperationMustBeWebhook",
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
