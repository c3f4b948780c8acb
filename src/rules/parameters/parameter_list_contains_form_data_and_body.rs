use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An operation has both `in: body` and `in: formData` parameters
    ///
    /// ### Why
    /// The body is either a JSON/text payload or a form; it cannot be both. Move the form fields
    /// into the body schema, or drop the body parameter.
    pub static PARAMETER_LIST_CONTAINS_FORM_DATA_AND_BODY: Rule {
        code: "ParameterListContainsFormDataAndBody",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for op in ops(cx) {
        let has_body = op.params.iter().any(|p| p.location == Some("body"));
        if let Some(f) = op.params.iter().find(|p| p.location == Some("formData"))
            && has_body
        {
            sink.emit(
                f.pointer.clone(),
                format!("{} mixes body and formData parameters", op.label()),
            );
        }
    }
}
