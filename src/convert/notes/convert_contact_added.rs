//! `ConvertContactAdded`.

use super::NoteDoc;

crate::declare_code! {
    /// A placeholder contact was added
    ///
    /// ### Why
    /// Connectors need `info.contact` with a name, a URL and an email: certification asks for it,
    /// and users see it as the connector's support contact. What the input lacks is filled with
    /// placeholders; replace them with the real support contact.
    ///
    /// ### Example
    /// An input without `info.contact.email` gets `email: support@example.com` and this note; a
    /// full contact is kept.
    pub(crate) static CONVERT_CONTACT_ADDED: NoteDoc {
        code: "ConvertContactAdded",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_CONTACT_ADDED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    #[test]
    fn a_missing_contact_or_part_of_it_gets_placeholders() {
        let mut doc = with_get(json!({}));
        doc["info"].as_object_mut().unwrap().remove("contact");
        snapshot(&CONVERT_CONTACT_ADDED, &doc);
        assert!(emits(&doc, &CONVERT_CONTACT_ADDED), "{:?}", codes(&doc));
        let mut doc = with_get(json!({}));
        doc["info"]["contact"]["email"] = json!(" ");
        assert!(emits(&doc, &CONVERT_CONTACT_ADDED), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_a_full_contact_is_kept() {
        assert!(!emits(&with_get(json!({})), &CONVERT_CONTACT_ADDED));
    }
}
