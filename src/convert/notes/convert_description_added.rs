//! `ConvertDescriptionAdded`.

use super::NoteDoc;

crate::declare_code! {
    /// Descriptions were derived from summaries or names
    ///
    /// ### Why
    /// Certification wants a description on every operation, parameter and response. With
    /// `--profile certified` or `independent-publisher`, operation descriptions come from their
    /// summaries (or the reverse), parameter and property descriptions and `x-ms-summary` from
    /// their names (`userId` → "User ID"), and response descriptions from their status. Review
    /// them: they are correct but plain.
    ///
    /// ### Example
    /// An operation with `summary: List tasks` and no description gets `description: "List tasks
    /// (GET /tasks)."`.
    pub(crate) static CONVERT_DESCRIPTION_ADDED: NoteDoc {
        code: "ConvertDescriptionAdded",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_DESCRIPTION_ADDED;
    use crate::convert::notes::testing::*;
    use crate::core::Profile;
    use serde_json::json;

    #[test]
    fn certification_derives_a_missing_operation_description() {
        let doc = with_get(json!({"description": ""}));
        snapshot_with(&CONVERT_DESCRIPTION_ADDED, &doc, Profile::Certified);
        let found = codes_with(&doc, Profile::Certified);
        assert!(found.contains(&CONVERT_DESCRIPTION_ADDED.code), "{found:?}");
    }

    #[test]
    fn near_miss_nothing_is_derived_when_every_text_is_there() {
        let found = codes_with(&with_get(json!({})), Profile::Certified);
        assert!(
            !found.contains(&CONVERT_DESCRIPTION_ADDED.code),
            "{found:?}"
        );
    }
}
