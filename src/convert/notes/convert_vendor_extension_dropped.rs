//! `ConvertVendorExtensionDropped`.

use super::NoteDoc;

crate::declare_code! {
    /// Vendor extensions connectors do not understand were dropped
    ///
    /// ### Why
    /// Other vendors' extensions (`x-github-*`, `x-octokit`, `x-webhooks`, …) mean nothing to a
    /// connector and the connector schema does not expect them: they are dropped with their
    /// content, references included.
    ///
    /// ### Example
    /// `x-github: {category: issues}` on an operation is dropped; `x-nullable` is understood and
    /// kept.
    pub(crate) static CONVERT_VENDOR_EXTENSION_DROPPED: NoteDoc {
        code: "ConvertVendorExtensionDropped",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_VENDOR_EXTENSION_DROPPED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    #[test]
    fn another_vendor_s_extension_is_dropped() {
        let doc = with_get(json!({"x-github": {"category": "issues"}}));
        snapshot(&CONVERT_VENDOR_EXTENSION_DROPPED, &doc);
        assert!(
            emits(&doc, &CONVERT_VENDOR_EXTENSION_DROPPED),
            "{:?}",
            codes(&doc)
        );
    }

    #[test]
    fn near_miss_x_nullable_is_understood() {
        let doc = with_get(
            json!({"responses": {"200": {"description": "The task", "content": {"application/json": {"schema": {"type": "string", "x-nullable": true}}}}}}),
        );
        assert!(
            !emits(&doc, &CONVERT_VENDOR_EXTENSION_DROPPED),
            "{:?}",
            codes(&doc)
        );
    }
}
