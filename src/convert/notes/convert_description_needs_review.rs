//! `ConvertDescriptionNeedsReview`.

use super::NoteDoc;

crate::declare_code! {
    /// The connector description was shortened or generated
    ///
    /// ### Why
    /// A connector description is 30 to 500 characters of plain text (Microsoft's validator and
    /// reviewers check it). A longer or formatted one is cut to its first paragraph; a shorter one
    /// is replaced by a generic sentence. Review the result.
    ///
    /// ### Example
    /// `info.description: "Tasks."` becomes "Use Contoso Tasks in your flows and apps to work with
    /// its data and actions."
    pub(crate) static CONVERT_DESCRIPTION_NEEDS_REVIEW: NoteDoc {
        code: "ConvertDescriptionNeedsReview",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_DESCRIPTION_NEEDS_REVIEW;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    #[test]
    fn a_short_description_is_generated() {
        let mut doc = with_get(json!({}));
        doc["info"]["description"] = json!("Tasks.");
        snapshot(&CONVERT_DESCRIPTION_NEEDS_REVIEW, &doc);
        assert!(
            emits(&doc, &CONVERT_DESCRIPTION_NEEDS_REVIEW),
            "{:?}",
            codes(&doc)
        );
    }

    #[test]
    fn near_miss_a_plain_description_of_30_characters_or_more_is_kept() {
        assert!(!emits(
            &with_get(json!({})),
            &CONVERT_DESCRIPTION_NEEDS_REVIEW
        ));
    }
}
