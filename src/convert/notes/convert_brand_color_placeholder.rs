//! `ConvertBrandColorPlaceholder`.

use super::NoteDoc;

crate::declare_code! {
    /// iconBrandColor is the default blue
    ///
    /// ### Why
    /// Certified connectors need the icon's real background colour (not #007ee5) and an icon.png.
    pub static CONVERT_BRAND_COLOR_PLACEHOLDER: NoteDoc {
        code: "ConvertBrandColorPlaceholder",
    }
}
