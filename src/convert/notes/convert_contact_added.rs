//! `ConvertContactAdded`.

use super::NoteDoc;

crate::declare_code! {
    /// A placeholder contact was added
    ///
    /// ### Why
    /// Connectors need info.contact (name, url, email); replace the placeholders with the real
    /// support contact.
    pub static CONVERT_CONTACT_ADDED: NoteDoc {
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
