use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// The notification URL field is not `type: string`
    ///
    /// ### Why
    /// The callback URL is a string; declare the flagged field `"type": "string"`.
    ///
    /// ### Example
    /// Bad: `"callback": {"type": "integer", "x-ms-notification-url": true}`
    /// Good: `"callback": {"type": "string", "x-ms-notification-url": true, "x-ms-visibility": "internal"}`
    ///
    /// ### Evidence
    /// An error. On the visible merged history (1,055 versions of 528 connectors) it fires in 1
    /// version of 1 connector: Eigen Events Connector in the bulk merge of 2021-03-24 (no pull
    /// request, so no pipeline run); none of the 761 validated versions merged since 2022 has it.
    /// A notification URL that is not a string cannot carry the callback address.
    pub(crate) static NOTIFICATION_URL_NOT_STRING: Rule {
        code: "NotificationUrlNotString",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: WH,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
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

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn callback_field_not_a_string() {
        let d = hook(
            json!({"type": "integer", "x-ms-notification-url": true, "x-ms-visibility": "internal"}),
            true,
            true,
        );
        Tester::new(
            &NOTIFICATION_URL_NOT_STRING,
            vec![hook(good_field(), true, true)],
            vec![fail(d).at([CALLBACK]).then(|f| {
                assert!(f[0].message.ends_with("is not a string"));
            })],
        )
        .test();
    }
}
