use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// icon.png has a white background
    ///
    /// ### Why
    /// A white background disappears on the white designer surfaces; certification asks for a
    /// coloured background (the brand colour) behind the logo.
    ///
    /// ### Example
    /// Bad: a logo on a white (`#ffffff`) square
    /// Good: the same logo on the brand colour, e.g. `#4b2e83`
    ///
    /// ### Evidence
    /// A **warning** for reviewers, who judge the icon by eye; the pipeline never sees icon.png,
    /// and no refusal quoting this check is known.
    pub(crate) static ICON_BACKGROUND_WHITE: Rule {
        code: "IconBackgroundWhite",
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
    if let Ok(f) = f.as_ref()
        && let Some(bg) = background(f)
        && bg[3] == 255
        && close(&bg, &[255, 255, 255, 255])
    {
        sink.emit("", format!("the icon's background is white ({})", hex(&bg)));
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::Profile;
    use crate::rules::testing::*;

    #[test]
    fn white_background() {
        let c = with_icon(png_bytes(230, 230, [255, 255, 255, 255]), "#ffffff");
        let c_2 = with_icon(png_bytes(230, 230, BRAND), "#4b2e83");
        Tester::new(
            &ICON_BACKGROUND_WHITE,
            vec![(c_2, Profile::Certified)],
            vec![fail((c, Profile::Certified)).count(1).then(|f| {
                assert_eq!(f[0].message, "the icon's background is white (#ffffff)");
            })],
        )
        .test();
    }
}
