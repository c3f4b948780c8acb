//! `ConvertDefinitionTooLarge`.

use super::NoteDoc;

crate::declare_code! {
    /// The definition is over 1 MB
    ///
    /// ### Why
    /// Power Platform does not import a definition of 1 MB or more, and certification asks larger
    /// APIs to be split. The files are written anyway, so that they can be split by hand.
    ///
    /// ### Example
    /// A conversion that writes a 3 MB apiDefinition.swagger.json ends with this note: split the
    /// API into several connectors, by area.
    pub(crate) static CONVERT_DEFINITION_TOO_LARGE: NoteDoc {
        code: "ConvertDefinitionTooLarge",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_DEFINITION_TOO_LARGE;

    // Emitted by `connkit convert` after writing the files, from the written definition's
    // size: a unit test would have to convert a document of over 1 MB and run the command,
    // so the decision is tested here (tests/convert.rs runs the command).
    use crate::convert::notes::testing::*;
    use crate::convert::write::{MAX_DEFINITION, definition_size_note};
    use serde_json::json;

    #[test]
    fn a_definition_over_1_mb_is_noted() {
        let n = definition_size_note(MAX_DEFINITION + 1).expect("a note");
        assert_eq!(n.code, CONVERT_DEFINITION_TOO_LARGE.code);
        // Rendered as `connkit convert` prints it: at the start of the written definition (its
        // pointer is the document), which for the snapshot is a small one; the size is given.
        let doc = with_get(json!({}));
        let written = written(&converted(&doc));
        let findings = crate::app::convert::located_notes(&written, vec![n]);
        snapshot_findings(&CONVERT_DEFINITION_TOO_LARGE, &findings);
    }

    #[test]
    fn near_miss_exactly_1_mb_is_accepted() {
        assert!(definition_size_note(MAX_DEFINITION).is_none());
    }
}
