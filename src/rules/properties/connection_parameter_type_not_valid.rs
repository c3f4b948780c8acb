use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A connection parameter's `type` is not a known type
    ///
    /// ### Why
    /// A connection parameter is one of `string`, `securestring` (secrets: API keys, passwords),
    /// `int`, `bool`, `oauthSetting` (with `oAuthSettings`) or `gatewaySetting` (on-premises data
    /// gateway). An `oauthSetting` parameter needs an `oAuthSettings` object.
    ///
    /// ### Evidence
    /// Calibration: a type that differs only in letter case (`oAuthSetting`) is reported as a
    /// warning; one certified connector was merged with it.
    pub static CONNECTION_PARAMETER_TYPE_NOT_VALID: Rule {
        code: "ConnectionParameterTypeNotValid",
        severity: Severity::Error,
        gate: Gate::Platform,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Properties,
        source: S_AP,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for p in conn_params(cx) {
        let Some(t) = str_at(p.value, "type") else {
            continue;
        };
        let ptr = join(&p.pointer, "type");
        if PARAM_TYPES.contains(&t) {
            if t == "oauthSetting" && get_ci(p.value, "oAuthSettings").is_none() {
                sink.emit(
                    p.pointer.clone(),
                    format!("'{}' is an oauthSetting without oAuthSettings", p.name),
                );
            }
        } else if PARAM_TYPES.iter().any(|k| k.eq_ignore_ascii_case(t)) {
            sink.emit_with(
                Severity::Warning,
                FileKind::Properties,
                ptr,
                format!(
                    "type '{t}' should be spelled as one of: {}",
                    PARAM_TYPES.join(", ")
                ),
            );
        } else {
            sink.emit(
                ptr,
                format!(
                    "'{t}' is not a connection parameter type: use one of {}",
                    PARAM_TYPES.join(", ")
                ),
            );
        }
    }
}
