use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// icon.png is 1 MB or larger
    ///
    /// ### Why
    /// The icon must be smaller than 1 MB. A 230×230 PNG on a flat colour is usually a few
    /// kilobytes; a large file means metadata, huge dimensions or a photo.
    ///
    /// ### Example
    /// Bad: a 1.2 MB icon.png (a photo, or a 4000×4000 image)
    /// Good: a 230×230 PNG of a few kilobytes
    pub(crate) static ICON_FILE_TOO_LARGE: Rule {
        code: "IconFileTooLarge",
        severity: Severity::Error,
        gate: Gate::Review,
        profiles: Profiles::CERTIFIED,
        file: FileKind::Icon,
        source: CS,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    if let Some(icon) = cx.connector.icon.as_ref()
        && icon.bytes.len() >= MAX_BYTES
    {
        sink.emit(
            "",
            format!(
                "the icon is {} bytes; it must be smaller than 1 MB",
                icon.bytes.len()
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
    fn one_megabyte() {
        let big = with_icon(vec![0; MAX_BYTES], "#4b2e83");
        let small = with_icon(vec![0; MAX_BYTES - 1], "#4b2e83");
        Tester::new(
            &ICON_FILE_TOO_LARGE,
            vec![(small, Profile::Certified)],
            vec![fail((big, Profile::Certified)).count(1).then(|f| {
                assert_eq!(
                    f[0].message,
                    "the icon is 1048576 bytes; it must be smaller than 1 MB"
                );
            })],
        )
        .test();
    }
}
