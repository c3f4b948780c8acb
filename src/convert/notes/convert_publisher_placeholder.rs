//! `ConvertPublisherPlaceholder`.

use super::NoteDoc;

crate::declare_code! {
    /// publisher and stackOwner were set from the contact name
    ///
    /// ### Why
    /// Certification needs `publisher` and `stackOwner` in apiProperties.json, and they are not in
    /// an OpenAPI description. They are set from the contact name (or a placeholder): check them,
    /// since users see them and Microsoft reviews them.
    ///
    /// ### Example
    /// `info.contact.name: Contoso` gives `publisher: Contoso` and `stackOwner: Contoso`.
    pub(crate) static CONVERT_PUBLISHER_PLACEHOLDER: NoteDoc {
        code: "ConvertPublisherPlaceholder",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_PUBLISHER_PLACEHOLDER;
    use crate::convert::notes::testing::*;
    use crate::core::Profile;
    use serde_json::json;

    #[test]
    fn certification_sets_publisher_from_the_contact() {
        snapshot_with(
            &CONVERT_PUBLISHER_PLACEHOLDER,
            &with_get(json!({})),
            Profile::IndependentPublisher,
        );
        let found = codes_with(&with_get(json!({})), Profile::IndependentPublisher);
        assert!(
            found.contains(&CONVERT_PUBLISHER_PLACEHOLDER.code),
            "{found:?}"
        );
    }

    #[test]
    fn near_miss_a_custom_connector_has_no_publisher() {
        assert!(!emits(&with_get(json!({})), &CONVERT_PUBLISHER_PLACEHOLDER));
    }
}
