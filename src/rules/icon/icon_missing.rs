use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A certified connector folder without icon.png
    ///
    /// ### Why
    /// Verified publishers submit an icon with the connector (230×230 PNG on the brand colour). It
    /// is not always committed to the repository — it can be uploaded with the submission — so its
    /// absence is only reported as info.
    ///
    /// ### Example
    /// Bad: a certified connector folder without `icon.png`
    /// Good: the same folder with a 230×230 `icon.png` (or the icon uploaded with the submission)
    ///
    /// ### Evidence
    /// Calibration: only 2 of 316 certified connectors in the public repository commit their icon;
    /// an error or warning would fire on almost every one.
    pub(crate) static ICON_MISSING: Rule {
        code: "IconMissing",
        severity: Severity::Info,
        gate: Gate::Review,
        profiles: Profiles::CERTIFIED,
        file: FileKind::Icon,
        source: CS,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let c = cx.connector;
    if c.icon.is_none() && !c.single_file && c.definition.is_some() {
        sink.emit(
            "",
            "no icon.png in this folder: remember to submit a 230×230 icon",
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
    fn certified_without_icon() {
        let none = connector_from(minimal(), Some(json!({})));
        let c = with_icon(png_bytes(230, 230, BRAND), "#da3b01");
        Tester::new(
            &ICON_MISSING,
            vec![(c, Profile::Certified)],
            vec![fail((none, Profile::Certified)).count(1).then(|f| {
                assert!(f[0].message.starts_with("no icon.png in this folder"));
            })],
        )
        .test();
    }
}
