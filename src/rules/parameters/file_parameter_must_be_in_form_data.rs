use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A `type: file` parameter that is not `in: formData`
    ///
    /// ### Why
    /// Swagger 2.0 only allows `type: file` for form fields. For a raw binary body use a body
    /// parameter with `schema: {type: string, format: binary}`.
    pub static FILE_PARAMETER_MUST_BE_IN_FORM_DATA: Rule {
        code: "FileParameterMustBeInFormData",
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
    for (ptr, v) in written(cx) {
        if s(v, "type") == Some("file") && s(v, "in") != Some("formData") {
            sink.emit(join(&ptr, "type"), "a file parameter must be in formData");
        }
    }
}
