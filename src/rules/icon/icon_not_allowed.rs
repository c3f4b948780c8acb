use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An independent-publisher connector ships an icon
    ///
    /// ### Why
    /// Independent-publisher connectors all get Microsoft's generic icon (on `#da3b01`); the pull
    /// request must not include an `icon.png`. Remove the file.
    ///
    /// ### Example
    /// Bad: an independent-publisher folder holding `icon.png`
    /// Good: the same folder without it
    ///
    /// ### Evidence
    /// A **warning** for reviewers: an independent publisher's icon is replaced by the generic one,
    /// so shipping it stops nothing; reviewers may ask to remove it.
    pub(crate) static ICON_NOT_ALLOWED: Rule {
        code: "IconNotAllowed",
        severity: Severity::Warning,
        gate: Gate::Review,
        profiles: Profiles::INDEPENDENT_PUBLISHER,
        file: FileKind::Icon,
        source: CS,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    if cx.connector.icon.is_some() {
        sink.emit(
            "",
            "independent-publisher connectors must not include an icon",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::Profile;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn independent_publisher_icon() {
        let c = with_icon(png_bytes(230, 230, BRAND), "#da3b01");
        let none = connector_from(minimal(), Some(json!({})));
        Tester::new(
            &ICON_NOT_ALLOWED,
            vec![(none, Profile::IndependentPublisher)],
            vec![fail((c, Profile::IndependentPublisher)).count(1).then(|f| {
                assert_eq!(
                    f[0].message,
                    "independent-publisher connectors must not include an icon"
                );
            })],
        )
        .test();
    }
}
