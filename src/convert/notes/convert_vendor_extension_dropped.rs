//! `ConvertVendorExtensionDropped`.

use super::NoteDoc;

crate::declare_code! {
    /// Vendor extensions connectors do not understand were dropped
    ///
    /// ### Why
    /// x-github-*, x-octokit, x-webhooks and other non-x-ms-* extensions are dropped with their
    /// content (references included).
    pub static CONVERT_VENDOR_EXTENSION_DROPPED: NoteDoc {
        code: "ConvertVendorExtensionDropped",
    }
}
