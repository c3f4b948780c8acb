use super::*;

pub static DEFAULT_VALUE_MUST_MATCH_TYPE: Rule = Rule {
    code: "DefaultValueMustMatchType",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A `default` whose JSON type differs from the declared `type`",
    explanation: "The designer pre-fills the field with `default` and sends it as is: a number \
default on a string parameter, or a string on a boolean, is refused when the connector is \
saved.\n\nBad: `{\"type\": \"string\", \"default\": 10}`  Good: `{\"type\": \"string\", \
\"default\": \"10\"}`\n\nCalibration: a string that spells a value of the type (`\"1\"` for an \
integer, `\"false\"` for a boolean) is accepted: 3 certified connectors changed in 2024 do this \
and passed Microsoft's validator, which converts such strings. A number or boolean default on a \
string parameter is still reported (the case seen refused in the portal).",
    source: SV,
    check: |cx, sink| {
        for n in nodes(cx) {
            let (Some(ty), Some(d)) = (n.ty(), n.get("default")) else {
                continue;
            };
            if !d.is_null() && !fits_loosely(d, ty) {
                sink.emit(
                    n.at("default"),
                    format!(
                        "default {} is {} {}, but the type is '{ty}'",
                        short(d),
                        article(json_type(d)),
                        json_type(d)
                    ),
                );
            }
        }
    },
};
