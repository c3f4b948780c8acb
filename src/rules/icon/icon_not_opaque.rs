use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// icon.png has transparent pixels
    ///
    /// ### Why
    /// The icon is shown on its own background: transparent areas (rounded corners, a logo cut out
    /// on transparency) show through in different colours in each product. Fill the whole square
    /// with the brand colour.
    ///
    /// ### Example
    /// Bad: a logo on a transparent background, or with transparent rounded corners
    /// Good: the logo on a square filled with the brand colour
    ///
    /// ### Evidence
    /// A **warning** for reviewers (the pipeline never sees icon.png): Kanbanize was certified with
    /// transparent pixels in its icon (2023).
    pub(crate) static ICON_NOT_OPAQUE: Rule {
        code: "IconNotOpaque",
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
    if let Ok(IconFacts {
        transparent: Some(n),
        ..
    }) = f.as_ref()
        && *n > 0
    {
        sink.emit(
            "",
            format!("{n} pixels are (partly) transparent; the icon must be fully opaque"),
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
    fn transparent_background() {
        let c = with_icon(png_bytes(230, 230, [0, 0, 0, 0]), "#000000");
        let c_2 = with_icon(png_bytes(230, 230, BRAND), "#4b2e83");
        Tester::new(
            &ICON_NOT_OPAQUE,
            vec![(c_2, Profile::Certified)],
            vec![fail((c, Profile::Certified)).count(1).then(|f| {
                // All but the 3×3 logo patch in the middle.
                assert!(
                    f[0].message
                        .starts_with(&format!("{} pixels", 230 * 230 - 9))
                );
            })],
        )
        .test();
    }
}
