use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// The notification URL field is visible to users
    ///
    /// ### Why
    /// Users must not type the callback URL: the platform fills it in. Mark the field (or one of
    /// its ancestors, or the body parameter) `"x-ms-visibility": "internal"`.
    pub static NOTIFICATION_URL_NOT_INTERNAL: Rule {
        code: "NotificationUrlNotInternal",
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
    let internal = |v: &Value| v.get("x-ms-visibility").and_then(Value::as_str) == Some("internal");
    for (op, body, f) in fields(cx) {
        if !internal(f.value) && !internal(body) && !f.ancestors.iter().any(|(a, _)| internal(a)) {
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
