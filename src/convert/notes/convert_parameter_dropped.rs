//! `ConvertParameterDropped`.

use super::NoteDoc;

crate::declare_code! {
    /// A parameter was dropped
    ///
    /// ### Why
    /// A parameter declared twice (same name and location), a path parameter that is not in the
    /// path template, or one without a usable name and location cannot be part of a connector
    /// operation and is dropped.
    ///
    /// ### Example
    /// Two `{name: limit, in: query}` keep the first; `limit` in query and in header are two
    /// parameters.
    pub(crate) static CONVERT_PARAMETER_DROPPED: NoteDoc {
        code: "ConvertParameterDropped",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_PARAMETER_DROPPED;
    use crate::convert::notes::testing::*;
    use serde_json::json;

    fn param(location: &str) -> serde_json::Value {
        json!({"name": "limit", "in": location, "schema": {"type": "string"}})
    }

    #[test]
    fn a_parameter_declared_twice_is_dropped() {
        let doc = with_get(json!({"parameters": [param("query"), param("query")]}));
        snapshot(&CONVERT_PARAMETER_DROPPED, &doc);
        assert!(emits(&doc, &CONVERT_PARAMETER_DROPPED), "{:?}", codes(&doc));
        let not_in_path = with_get(json!({"parameters": [param("path")]}));
        assert!(
            emits(&not_in_path, &CONVERT_PARAMETER_DROPPED),
            "{:?}",
            codes(&not_in_path)
        );
    }

    #[test]
    fn near_miss_the_same_name_in_another_location() {
        let doc = with_get(json!({"parameters": [param("query"), param("header")]}));
        assert!(
            !emits(&doc, &CONVERT_PARAMETER_DROPPED),
            "{:?}",
            codes(&doc)
        );
    }
}
