use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// The brand colour is the default or white (certified), or not #da3b01 (independent publisher)
    ///
    /// ### Why
    /// Verified publishers use their brand's colour, which must match the icon's background; the
    /// platform default `#007ee5` and white `#ffffff` (any letter case) are refused by reviewers.
    /// Independent-publisher connectors all share the colour `#da3b01` (they get a generic icon).
    ///
    /// ### Example
    /// Bad (certified): `"iconBrandColor": "#007EE5"`
    /// Good (independent publisher): `"iconBrandColor": "#da3b01"`
    ///
    /// ### Evidence
    /// A **warning** for reviewers, never seen by the pipeline's checks: 18 certified connectors
    /// were merged with '#FFFFFF' or the default '#007ee5' (e.g. DocuSign 2024, SignHost 2024,
    /// Bloomflow 2023). Reviewers may still ask for the brand colour.
    pub(crate) static ICON_BRAND_COLOR_NOT_ALLOWED: Rule {
        code: "IconBrandColorNotAllowed",
        severity: Severity::Warning,
        gate: Gate::Review,
        profiles: Profiles::CERTIFICATION,
        file: FileKind::Properties,
        source: CS,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(c) = brand_color(cx) else { return };
    let lower = c.trim().to_ascii_lowercase();
    let ptr = "/properties/iconBrandColor";
    match cx.profile {
            Profile::Certified if lower == "#007ee5" || lower == "#ffffff" => sink.emit(
                ptr,
                format!(
                    "'{c}' is not allowed for a certified connector: use your brand colour (the icon's background)"
                ),
            ),
            Profile::IndependentPublisher if lower != "#da3b01" => sink.emit(
                ptr,
                format!("independent-publisher connectors must use '#da3b01', not '{c}'"),
            ),
            _ => {}
        }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn brand_colour_per_profile() {
        // The Bad example.
        let bad = with(json!({"iconBrandColor": "#007EE5"}));
        let white = with(json!({"iconBrandColor": "#FFFFFF"}));
        let ip = with(json!({"iconBrandColor": "#da3b01"}));
        Tester::new(
            &ICON_BRAND_COLOR_NOT_ALLOWED,
            vec![
                (with_props(white.clone()), Profile::Custom),
                (with_props(ip), Profile::IndependentPublisher),
            ],
            vec![
                fail((with_props(bad.clone()), Profile::Certified))
                    .at(["/properties/iconBrandColor"])
                    .then(|f| {
                        assert!(
                            f[0].message
                                .starts_with("'#007EE5' is not allowed for a certified connector")
                        );
                    }),
                fail((with_props(white.clone()), Profile::Certified)).count(1),
                // Independent publishers must use #da3b01 (the Good example).
                fail((with_props(good_props()), Profile::IndependentPublisher)).then(|f| {
                    assert_eq!(
                        f[0].message,
                        "independent-publisher connectors must use '#da3b01', not '#4b2e83'"
                    );
                }),
            ],
        )
        .test();
    }
}
