use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// icon.png is not square, or not between 100 and 230 pixels
    ///
    /// ### Why
    /// Certification wants a square icon between 100×100 and 230×230 pixels; reviewers ask for
    /// exactly 230×230 (a logo of about 160 pixels centred on the brand colour). A square icon of
    /// another allowed size is reported as info.
    ///
    /// ### Example
    /// Bad: a 230×200 or a 300×300 icon
    /// Good: a 230×230 icon
    ///
    /// ### Evidence
    /// A **warning** for reviewers (the pipeline never sees icon.png): Kanbanize was certified with
    /// a 471×471 icon (2023). Reviewers may still ask for the documented size.
    pub(crate) static ICON_SIZE_NOT_VALID: Rule {
        code: "IconSizeNotValid",
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
    let (w, h) = (f.width, f.height);
    if w != h || !(MIN_SIDE..=MAX_SIDE).contains(&w) {
        sink.emit(
                "",
                format!(
                    "the icon is {w}×{h} pixels; it must be square, between {MIN_SIDE}×{MIN_SIDE} and {MAX_SIDE}×{MAX_SIDE} ({RECOMMENDED_SIDE}×{RECOMMENDED_SIDE} recommended)"
                ),
            );
    } else if w != RECOMMENDED_SIDE {
        sink.emit_with(
            Severity::Info,
            FileKind::Icon,
            "",
            format!(
                "the icon is {w}×{h} pixels; reviewers prefer {RECOMMENDED_SIDE}×{RECOMMENDED_SIDE}"
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
    fn sizes() {
        let c = with_icon(png_bytes(230, 200, BRAND), "#4b2e83");
        let c_2 = with_icon(png_bytes(300, 300, BRAND), "#4b2e83");
        let c_3 = with_icon(png_bytes(160, 160, BRAND), "#4b2e83");
        let c_4 = with_icon(png_bytes(230, 230, BRAND), "#4b2e83");
        Tester::new(
            &ICON_SIZE_NOT_VALID,
            vec![(c_4, Profile::Certified)],
            vec![
                fail((c, Profile::Certified)).count(1),
                fail((c_2, Profile::Certified)).count(1),
                fail((c_3, Profile::Certified)).then(|f| {
                    assert_eq!(f[0].severity, Severity::Info);
                }),
            ],
        )
        .test();
    }

    #[test]
    fn not_a_png_has_no_size() {
        let c = with_icon(b"GIF89a".to_vec(), "#4b2e83");
        assert!(run_on(&ICON_SIZE_NOT_VALID, &c, Profile::Certified).is_empty());
    }
}
