//! `ConvertMetadataAdded`.

use super::NoteDoc;

crate::declare_code! {
    /// An x-ms-connector-metadata skeleton was added
    ///
    /// ### Why
    /// Certification asks for `x-ms-connector-metadata` with the website, the privacy policy and up
    /// to two categories. When the input has none, a skeleton with placeholders is added: set the
    /// real values.
    ///
    /// ### Example
    /// An input without `x-ms-connector-metadata` gets Website, Privacy policy and Categories
    /// entries to fill in.
    pub(crate) static CONVERT_METADATA_ADDED: NoteDoc {
        code: "ConvertMetadataAdded",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_METADATA_ADDED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    #[test]
    fn a_missing_metadata_skeleton_is_added() {
        let mut doc = with_get(json!({}));
        doc.as_object_mut()
            .unwrap()
            .remove("x-ms-connector-metadata");
        snapshot(&CONVERT_METADATA_ADDED, &doc);
        assert!(emits(&doc, &CONVERT_METADATA_ADDED), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_metadata_in_the_input_is_kept() {
        assert!(!emits(&with_get(json!({})), &CONVERT_METADATA_ADDED));
    }
}
