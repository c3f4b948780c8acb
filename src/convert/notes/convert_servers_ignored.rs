//! `ConvertServersIgnored`.

use super::NoteDoc;

crate::declare_code! {
    /// Path- or operation-level servers were ignored
    ///
    /// ### Why
    /// Connectors have one host for every operation: path- and operation-level `servers` are
    /// ignored.
    ///
    /// ### Example
    /// `get: {servers: [{url: https://files.contoso.com}]}` calls the root host anyway.
    pub(crate) static CONVERT_SERVERS_IGNORED: NoteDoc {
        code: "ConvertServersIgnored",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_SERVERS_IGNORED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    #[test]
    fn operation_servers_are_ignored() {
        let doc = with_get(json!({"servers": [{"url": "https://files.contoso.com"}]}));
        snapshot(&CONVERT_SERVERS_IGNORED, &doc);
        assert!(emits(&doc, &CONVERT_SERVERS_IGNORED), "{:?}", codes(&doc));
        let mut path_level = with_get(json!({}));
        path_level["paths"]["/tasks"]["servers"] = json!([{"url": "https://files.contoso.com"}]);
        assert!(
            emits(&path_level, &CONVERT_SERVERS_IGNORED),
            "{:?}",
            codes(&path_level)
        );
    }

    #[test]
    fn near_miss_root_servers_are_the_host() {
        assert!(!emits(&with_get(json!({})), &CONVERT_SERVERS_IGNORED));
    }
}
