//! `ConvertExtensionRemoved`.

use super::NoteDoc;

crate::declare_code! {
    /// Unknown x-ms-* extensions were removed
    ///
    /// ### Why
    /// The connector schema rejects `x-ms-*` keys it does not know (often from Azure's AutoRest,
    /// which has more of them), and `x-ms-pageable` without a `nextLinkName` connectors support
    /// (`nextLink` or `@odata.nextLink`). Such keys are removed.
    ///
    /// ### Example
    /// `x-ms-made-up: true` on an operation is removed; `x-ms-visibility: important` is kept.
    pub(crate) static CONVERT_EXTENSION_REMOVED: NoteDoc {
        code: "ConvertExtensionRemoved",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_EXTENSION_REMOVED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    #[test]
    fn an_unknown_x_ms_extension_is_removed() {
        let doc = with_get(json!({"x-ms-made-up": true}));
        snapshot(&CONVERT_EXTENSION_REMOVED, &doc);
        assert!(emits(&doc, &CONVERT_EXTENSION_REMOVED), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_a_known_x_ms_extension_is_kept() {
        let doc = with_get(json!({"x-ms-visibility": "important"}));
        assert!(
            !emits(&doc, &CONVERT_EXTENSION_REMOVED),
            "{:?}",
            codes(&doc)
        );
    }
}
