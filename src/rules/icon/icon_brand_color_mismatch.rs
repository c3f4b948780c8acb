use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// The icon's background colour differs from `iconBrandColor`
    ///
    /// ### Why
    /// The tile around the icon is painted with `iconBrandColor`, so it must be the icon's
    /// background colour or a visible frame appears. connkit takes the colour most of the four
    /// corner pixels share and allows a difference of 16 per channel for compression noise.
    ///
    /// Fix: set `iconBrandColor` in apiProperties.json to the hex value connkit reports, or repaint
    /// the icon.
    ///
    /// ### Example
    /// Bad: an icon on `#4b2e83` with `"iconBrandColor": "#0078d4"` in apiProperties.json
    /// Good: an icon on `#4b2e83` with `"iconBrandColor": "#4b2e83"`
    ///
    /// ### Evidence
    /// A **warning** for reviewers, who judge the colours by eye; the pipeline never sees icon.png,
    /// and 18 certified connectors were merged with a brand colour that cannot be the icon's
    /// background (white or the default).
    pub(crate) static ICON_BRAND_COLOR_MISMATCH: Rule {
        code: "IconBrandColorMismatch",
        severity: Severity::Warning,
        gate: Gate::Review,
        profiles: Profiles::CERTIFIED,
        file: FileKind::Icon,
        source: CS,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(f) = facts(cx) else { return };
    let Ok(f) = f.as_ref() else { return };
    let Some(brand_text) = cx
        .connector
        .properties_value()
        .and_then(|p| p.get("properties"))
        .and_then(|p| p.get("iconBrandColor"))
        .and_then(serde_json::Value::as_str)
    else {
        return;
    };
    let Some(brand) = parse_hex_color(brand_text.trim()) else {
        return; // IconBrandColorNotValid
    };
    if let Some(bg) = background(f)
        && bg[3] == 255
        && !close(&bg, &[brand[0], brand[1], brand[2], 255])
    {
        sink.emit(
            "",
            format!(
                "the icon's background is {} but iconBrandColor is {brand_text}",
                hex(&bg)
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::Profile;
    use crate::rules::testing::*;

    #[test]
    fn brand_colour() {
        let c = with_icon(png_bytes(230, 230, BRAND), "#0078d4");
        // Within the tolerance.
        let c_2 = with_icon(png_bytes(230, 230, BRAND), "#502e80");
        Tester::new(
            &ICON_BRAND_COLOR_MISMATCH,
            vec![(c_2, Profile::Certified)],
            vec![fail((c, Profile::Certified)).count(1).then(|f| {
                assert!(f[0].message.contains("#4b2e83"));
            })],
        )
        .test();
    }
}
