//! `ConvertStatusRangeMapped`.

use super::NoteDoc;

crate::declare_code! {
    /// A status range became a status code
    ///
    /// ### Why
    /// Swagger 2.0 has no ranges: `2XX` became `200`.
    pub static CONVERT_STATUS_RANGE_MAPPED: NoteDoc {
        code: "ConvertStatusRangeMapped",
    }
}
