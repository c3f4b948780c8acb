use super::*;

const PC: &str = "https://learn.microsoft.com/en-us/connectors/custom-connectors/paconn-cli";

pub static ICON_BRAND_COLOR_NOT_VALID: Rule = Rule {
    code: "IconBrandColorNotValid",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Properties,
    summary: "`iconBrandColor` is not a `#rrggbb` colour",
    explanation: "The brand colour fills the tile behind the icon. It must be a hex colour with a \
leading `#` and six digits; CSS names or three-digit shorthands are not understood.\n\nBad: \
`\"iconBrandColor\": \"blue\"`  Good: `\"iconBrandColor\": \"#4b2e83\"`",
    source: PC,
    check: |cx, sink| {
        if let Some(c) = brand_color(cx)
            && !valid_hex_color(c.trim())
        {
            sink.emit(
                "/properties/iconBrandColor",
                format!("'{c}' is not a #rrggbb colour"),
            );
        }
    },
};
