//! `ConvertTitleAdjusted`.

use super::NoteDoc;

crate::declare_code! {
    /// The title was adjusted
    ///
    /// ### Why
    /// A connector title has at most 30 characters, does not contain 'API' or 'Connector', and ends
    /// with a letter or digit (Microsoft's validator and coding standards).
    ///
    /// ### Example
    /// `title: Contoso Tasks API` becomes `Contoso Tasks`.
    pub(crate) static CONVERT_TITLE_ADJUSTED: NoteDoc {
        code: "ConvertTitleAdjusted",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_TITLE_ADJUSTED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    #[test]
    fn api_is_removed_from_the_title() {
        let mut doc = with_get(json!({}));
        doc["info"]["title"] = json!("Contoso Tasks API");
        snapshot(&CONVERT_TITLE_ADJUSTED, &doc);
        assert!(emits(&doc, &CONVERT_TITLE_ADJUSTED), "{:?}", codes(&doc));
        assert_eq!(converted(&doc).definition["info"]["title"], "Contoso Tasks");
    }

    #[test]
    fn near_miss_a_title_that_follows_the_rules() {
        assert!(!emits(&with_get(json!({})), &CONVERT_TITLE_ADJUSTED));
    }
}
