//! `ConvertBasePathTrimmed`.

use super::NoteDoc;

crate::declare_code! {
    /// The server path had variables without defaults; basePath was cut before them
    ///
    /// ### Why
    /// Swagger 2.0 has no server variables: the host and basePath are fixed. A variable with a
    /// `default` is replaced by it; one without a default cannot be, so the basePath keeps the part
    /// before the first variable. Set the full path by hand if the variable is in fact fixed.
    ///
    /// ### Example
    /// `servers: [{url: "https://api.contoso.com/{version}/tasks"}]` without `variables` gives
    /// `basePath: /`; with `variables: {version: {default: v1}}` it gives `/v1/tasks` and no note.
    pub(crate) static CONVERT_BASE_PATH_TRIMMED: NoteDoc {
        code: "ConvertBasePathTrimmed",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_BASE_PATH_TRIMMED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    #[test]
    fn a_server_variable_without_default_cuts_the_base_path() {
        let mut doc = with_get(json!({}));
        doc["servers"] = json!([{"url": "https://api.contoso.com/{version}/tasks"}]);
        snapshot(&CONVERT_BASE_PATH_TRIMMED, &doc);
        assert!(emits(&doc, &CONVERT_BASE_PATH_TRIMMED), "{:?}", codes(&doc));
        assert_eq!(converted(&doc).definition["basePath"], "/");
    }

    #[test]
    fn near_miss_a_variable_with_a_default_is_substituted() {
        let mut doc = with_get(json!({}));
        doc["servers"] = json!([{"url": "https://api.contoso.com/{version}/tasks", "variables": {"version": {"default": "v1"}}}]);
        assert!(
            !emits(&doc, &CONVERT_BASE_PATH_TRIMMED),
            "{:?}",
            codes(&doc)
        );
        assert_eq!(converted(&doc).definition["basePath"], "/v1/tasks");
    }
}
