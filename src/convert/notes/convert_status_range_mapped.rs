//! `ConvertStatusRangeMapped`.

use super::NoteDoc;

crate::declare_code! {
    /// A status range became a status code
    ///
    /// ### Why
    /// Swagger 2.0 has no status ranges: a range becomes its first status (`2XX` becomes `200`).
    ///
    /// ### Example
    /// `responses: {2XX: …}` becomes `responses: {200: …}`.
    pub(crate) static CONVERT_STATUS_RANGE_MAPPED: NoteDoc {
        code: "ConvertStatusRangeMapped",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_STATUS_RANGE_MAPPED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    fn answering(status: &str) -> serde_json::Value {
        let mut doc = with_get(json!({}));
        doc["paths"]["/tasks"]["get"]["responses"] = json!({status: {"description": "Answer"}});
        doc
    }

    #[test]
    fn a_status_range_becomes_a_status() {
        let doc = answering("2XX");
        snapshot(&CONVERT_STATUS_RANGE_MAPPED, &doc);
        assert!(
            emits(&doc, &CONVERT_STATUS_RANGE_MAPPED),
            "{:?}",
            codes(&doc)
        );
        let responses = &converted(&doc).definition["paths"]["/tasks"]["get"]["responses"];
        assert!(
            responses.get("200").is_some() && responses.get("2XX").is_none(),
            "{responses}"
        );
    }

    #[test]
    fn near_miss_a_status() {
        let doc = answering("200");
        assert!(
            !emits(&doc, &CONVERT_STATUS_RANGE_MAPPED),
            "{:?}",
            codes(&doc)
        );
    }
}
