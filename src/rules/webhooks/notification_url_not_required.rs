use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// The notification URL field is not required at every level
    ///
    /// ### Why
    /// If the field or any object containing it is optional, the registration may be sent without
    /// the callback URL. List it in `required` at every level and make the body parameter
    /// `"required": true`.
    pub static NOTIFICATION_URL_NOT_REQUIRED: Rule {
        code: "NotificationUrlNotRequired",
        severity: Severity::Warning,
        gate: Gate::Pipeline,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Definition,
        source: WH,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
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
