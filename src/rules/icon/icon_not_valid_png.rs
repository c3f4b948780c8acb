use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// icon.png is not a readable PNG image
    ///
    /// ### Why
    /// The icon must be a real PNG file (not a JPEG or SVG renamed to `.png`, not a truncated
    /// download). paconn and the portal refuse other formats.
    ///
    /// ### Example
    /// Bad: a GIF or JPEG renamed to `icon.png` (it starts with `GIF89a`, not the PNG signature)
    /// Good: an image saved as PNG
    pub(crate) static ICON_NOT_VALID_PNG: Rule {
        code: "IconNotValidPng",
        severity: Severity::Error,
        gate: Gate::Review,
        file: FileKind::Icon,
        source: CS,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    if let Some(f) = facts(cx)
        && let Err(e) = f.as_ref()
    {
        sink.emit("", e.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::Profile;
    use crate::rules::testing::*;

    #[test]
    fn not_a_png() {
        let c = with_icon(b"GIF89a".to_vec(), "#4b2e83");
        let c_2 = with_icon(png_bytes(230, 230, BRAND), "#4b2e83");
        Tester::new(
            &ICON_NOT_VALID_PNG,
            vec![(c_2, Profile::Custom)],
            vec![fail((c, Profile::Custom)).count(1).then(|f| {
                assert_eq!(
                    f[0].message,
                    "the file is not a PNG image (wrong signature)"
                );
            })],
        )
        .test();
    }
}
