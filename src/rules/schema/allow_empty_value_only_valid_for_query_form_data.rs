use super::*;
use crate::rules::prelude::*;

// ---- §3.9 metadata: keyword consistency --------------------------------------------------

crate::declare_code! {
    /// `allowEmptyValue` on a parameter that is not in query or formData
    ///
    /// ### Why
    /// Swagger 2.0 defines `allowEmptyValue` (send `?name=` with no value) for query and formData
    /// parameters only.
    pub static ALLOW_EMPTY_VALUE_ONLY_VALID_FOR_QUERY_FORM_DATA: Rule {
        code: "AllowEmptyValueOnlyValidForQueryFormData",
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
    let Some(sw) = cx.swagger.as_ref() else {
        return;
    };
    for p in sw.param_nodes() {
        if p.value.get("allowEmptyValue").is_some()
            && !matches!(str_of(p.value, "in"), Some("query" | "formData"))
        {
            sink.emit(
                join(&p.pointer, "allowEmptyValue"),
                "`allowEmptyValue` only applies to query and formData parameters",
            );
        }
    }
}
