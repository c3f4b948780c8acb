//! `ConvertResultNotLinted`.

use super::NoteDoc;

crate::declare_code! {
    /// The result is over 8 MB and was not linted
    ///
    /// ### Why
    /// Definitions over 8 MB are not linted (positions for such a file would cost gigabytes of
    /// memory). The result is unchecked, not clean: split the API, then run `connkit lint` on each
    /// part.
    ///
    /// ### Example
    /// A 10 MB result is written and reported with this note as an error, with no lint findings.
    pub(crate) static CONVERT_RESULT_NOT_LINTED: NoteDoc {
        code: "ConvertResultNotLinted",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_RESULT_NOT_LINTED;

    // Emitted by `connkit convert` when the written definition is over 8 MB: a unit test would
    // have to convert a document of that size and run the command, so the decision is tested
    // here, on the size alone.
    use crate::convert::write::{MAX_LINTED, lint_size_note};

    #[test]
    fn a_result_over_8_mb_is_not_linted() {
        let n = lint_size_note(MAX_LINTED as u64 + 1).expect("a note");
        assert_eq!(n.code, CONVERT_RESULT_NOT_LINTED.code);
        assert!(n.message.contains("NOT checked"), "{}", n.message);
        // Rendered as `connkit convert` prints it: the result is not read for positions.
        let findings = crate::app::convert::unlocated_notes(vec![n]);
        crate::convert::notes::testing::snapshot_findings(&CONVERT_RESULT_NOT_LINTED, &findings);
    }

    #[test]
    fn near_miss_exactly_8_mb_is_linted() {
        assert!(lint_size_note(MAX_LINTED as u64).is_none());
    }
}
