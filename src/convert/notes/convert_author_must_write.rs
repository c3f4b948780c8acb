//! `ConvertAuthorMustWrite`.

use super::NoteDoc;

crate::declare_code! {
    /// A placeholder the author must replace before submitting
    ///
    /// ### Why
    /// Certification reviewers reject placeholders. With `--profile certified` or
    /// `independent-publisher`, every value the converter could not derive and left as a
    /// placeholder (contact, website, privacy policy, publisher, host, icon colour, descriptions
    /// made only from an operationId) is listed once, at its place, so that nothing is submitted
    /// unwritten.
    ///
    /// ### Example
    /// An operation with only `operationId: ListTasks` gets the summary "List tasks" and a
    /// description made from it, and a note at `/paths/~1tasks/get/description`: write what the
    /// operation does.
    pub(crate) static CONVERT_AUTHOR_MUST_WRITE: NoteDoc {
        code: "ConvertAuthorMustWrite",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_AUTHOR_MUST_WRITE;
    use crate::convert::notes::testing::*;
    use crate::core::Profile;
    use serde_json::json;

    #[test]
    fn certification_lists_the_placeholders() {
        // An operation with nothing but its id, and the default brand colour.
        let doc = openapi(
            json!({"/tasks": {"get": {"operationId": "ListTasks", "responses": {"200": {"description": "OK"}}}}}),
        );
        snapshot_with(&CONVERT_AUTHOR_MUST_WRITE, &doc, Profile::Certified);
        let found = codes_with(&doc, Profile::Certified);
        assert!(found.contains(&CONVERT_AUTHOR_MUST_WRITE.code), "{found:?}");
    }

    #[test]
    fn near_miss_a_custom_connector_gets_no_such_list() {
        let doc = openapi(
            json!({"/tasks": {"get": {"operationId": "ListTasks", "responses": {"200": {"description": "OK"}}}}}),
        );
        assert!(!emits(&doc, &CONVERT_AUTHOR_MUST_WRITE));
    }
}
