use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An operation with an `x-ms-notification-url` field whose path item has no `x-ms-notification-content`
    ///
    /// ### Why
    /// A webhook trigger's outputs are the payload the service posts to the callback URL; they are
    /// declared on the path item (next to `post`) as `x-ms-notification-content: {schema}`. Without
    /// it the trigger has no outputs.
    ///
    /// ### Example
    /// Bad: `"/hooks": {"post": {…}}` where the body has a field flagged `x-ms-notification-url`
    /// Good: `"/hooks": {"x-ms-notification-content": {"schema": {"$ref": "#/definitions/Event"}},
    /// "post": {…}}`.
    pub(crate) static OPERATION_MUST_HAVE_NOTIFICATION_CONTENT_EXTENSION: Rule {
        code: "OperationMustHaveNotificationContentExtension",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: WH,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for op in ops(cx) {
        if has_url_field(cx, op) && !op.has_notification_content() {
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

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn webhook_without_notification_content() {
        Tester::new(
            &OPERATION_MUST_HAVE_NOTIFICATION_CONTENT_EXTENSION,
            vec![hook(good_field(), true, true)],
            vec![
                fail(hook(good_field(), false, true))
                    .at(["/paths/~1hooks/post"])
                    .then(|f| {
                        assert!(
                            f[0].message
                                .ends_with("'/hooks' has no x-ms-notification-content")
                        );
                    }),
            ],
        )
        .test();
    }
}
