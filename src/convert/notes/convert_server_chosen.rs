//! `ConvertServerChosen`.

use super::NoteDoc;

crate::declare_code! {
    /// The first server was used
    ///
    /// ### Why
    /// A connector has one host. The first absolute server is used; the others are listed in the
    /// note and not used.
    ///
    /// ### Example
    /// `servers: [{url: https://api.contoso.com/v1}, {url: https://eu.contoso.com/v1}]` gives
    /// `host: api.contoso.com`.
    pub(crate) static CONVERT_SERVER_CHOSEN: NoteDoc {
        code: "ConvertServerChosen",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_SERVER_CHOSEN;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    #[test]
    fn the_first_of_two_servers_is_used() {
        let mut doc = with_get(json!({}));
        doc["servers"] =
            json!([{"url": "https://api.contoso.com/v1"}, {"url": "https://eu.contoso.com/v1"}]);
        snapshot(&CONVERT_SERVER_CHOSEN, &doc);
        assert!(emits(&doc, &CONVERT_SERVER_CHOSEN), "{:?}", codes(&doc));
    }

    #[test]
    fn near_miss_one_server() {
        assert!(!emits(&with_get(json!({})), &CONVERT_SERVER_CHOSEN));
    }
}
