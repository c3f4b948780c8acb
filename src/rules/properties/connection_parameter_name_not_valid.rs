use super::*;

pub static CONNECTION_PARAMETER_NAME_NOT_VALID: Rule = Rule {
    code: "ConnectionParameterNameNotValid",
    severity: Severity::Warning,
    gate: crate::core::Gate::Advice,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Properties,
    summary: "A connection parameter name has characters other than letters, digits and `_`",
    explanation: "Connection parameter names are identifiers used in policy templates \
(`@connectionParameters('name')`) and by the runtime. A name is letters, digits and `_`; a \
sub-parameter of an OAuth parameter is written `parent:child` (e.g. `token:TenantId`).\n\nBad: \
`\"api-key\"`  Good: `\"api_key\"`\n\n\
Evidence: a **warning**. Microsoft's published schema forbids these names, but its validator \
does not enforce it: 3 connectors were merged validated with names such as x-Auth-Email \
(2024), and they work. Prefer identifiers: they are easier to use in policy templates.",
    source: S_AP,
    check: |cx, sink| {
        for p in conn_params(cx) {
            if !valid_param_name(p.name) {
                sink.emit(
                    p.pointer.clone(),
                    format!(
                        "connection parameter name '{}' is not valid: use letters, digits and '_' (or 'parent:child')",
                        p.name
                    ),
                );
            }
        }
    },
};
