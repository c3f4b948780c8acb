use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `x-ms-notification.operationId` names an operation that is not a webhook trigger
    ///
    /// ### Why
    /// The operation named by `x-ms-notification` must be a webhook registration: a trigger whose
    /// body has an `x-ms-notification-url` field and whose path item has
    /// `x-ms-notification-content`.
    ///
    /// ### Example
    /// Bad: `"x-ms-notification": {"operationId": "Poll"}` where `Poll` is a polling trigger
    /// Good: `"x-ms-notification": {"operationId": "OnEvent"}` where `OnEvent` is the webhook registration
    pub(crate) static NOTIFICATION_OPERATION_MUST_BE_WEBHOOK: Rule {
        code: "NotificationOperationMustBeWebhook",
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

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn target_is_not_a_webhook() {
        Tester::new(
            &NOTIFICATION_OPERATION_MUST_BE_WEBHOOK,
            vec![patch(with_notification(), json!({"paths": {"/act": null}}))],
            vec![
                fail(with_notification())
                    .at(["/paths/~1act/get/x-ms-notification/operationId"])
                    .then(|f| {
                        assert_eq!(f[0].message, "'Poll' is not a webhook trigger");
                    }),
            ],
        )
        .test();
    }
}
