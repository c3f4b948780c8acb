//! `ConvertBrandColorPlaceholder`.

use super::NoteDoc;

crate::declare_code! {
    /// iconBrandColor is the default blue
    ///
    /// ### Why
    /// A certified connector's icon is shown on its brand colour, and Microsoft's submission checks
    /// ask for the icon's real background colour: the default blue `#007ee5` (and white) are
    /// refused, and an `icon.png` must go with it. Independent-publisher connectors use a fixed
    /// colour instead, so they get no such note.
    ///
    /// ### Example
    /// `connkit convert --profile certified` writes `iconBrandColor: "#007ee5"` in
    /// apiProperties.json with this note: set your colour and add icon.png.
    pub(crate) static CONVERT_BRAND_COLOR_PLACEHOLDER: NoteDoc {
        code: "ConvertBrandColorPlaceholder",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_BRAND_COLOR_PLACEHOLDER;
    use crate::convert::notes::testing::*;
    use crate::core::Profile;
    use serde_json::json;

    #[test]
    fn certified_connectors_need_their_brand_colour() {
        snapshot_with(
            &CONVERT_BRAND_COLOR_PLACEHOLDER,
            &with_get(json!({})),
            Profile::Certified,
        );
        let found = codes_with(&with_get(json!({})), Profile::Certified);
        assert!(
            found.contains(&CONVERT_BRAND_COLOR_PLACEHOLDER.code),
            "{found:?}"
        );
    }

    #[test]
    fn near_miss_independent_publishers_use_the_fixed_colour() {
        let found = codes_with(&with_get(json!({})), Profile::IndependentPublisher);
        assert!(
            !found.contains(&CONVERT_BRAND_COLOR_PLACEHOLDER.code),
            "{found:?}"
        );
        assert!(!emits(
            &with_get(json!({})),
            &CONVERT_BRAND_COLOR_PLACEHOLDER
        ));
    }
}
