//! `TestFormatInvalid`.

use super::TestCheck;

crate::declare_code! {
    /// A value in the response breaks its schema's `format` (date-time, date, uuid, int32, int64)
    ///
    /// ### Why
    /// Power Platform parses `date-time` values as RFC 3339 timestamps, offers them to date
    /// functions and converts them between time zones: `01/05/2024` or a timestamp without an offset is
    /// read wrong or fails. `int32` values beyond 32 bits overflow.
    ///
    /// ### Example
    /// `createdAt: {"type": "string", "format": "date-time"}` and the API sends `"2024-05-01
    /// 12:30"`: send `2024-05-01T12:30:00Z`, or drop the format.
    ///
    /// ### Evidence
    /// RFC 3339 `date-time` (offsets and fractions accepted) and `full-date`, the UUID layout, the
    /// 32- and 64-bit integer ranges. Other formats are not checked.
    pub(crate) static TEST_FORMAT_INVALID: TestCheck {
        code: "TestFormatInvalid",
    }
}

#[cfg(test)]
mod tests {
    #![allow(unused_imports)]
    use super::TEST_FORMAT_INVALID as C;
    use crate::contract::validate::testing::*;
    use crate::contract::validate::{Response, check};
    use crate::model::swagger::Swagger;
    use serde_json::json;

    #[test]
    fn test_format_invalid_is_reported() {
        let def = one_op(
            json!({"type": "object", "properties": {"createdAt": {"type": "string", "format": "date-time"}}}),
        );
        let p = problems(&def, "GetOrder", 200, r#"{"createdAt":"2024-05-01 12:30"}"#);
        assert_eq!(codes(&p), [C.code]);
        assert_eq!(p[0].path, "$.createdAt");
    }

    #[test]
    fn near_miss_no_test_format_invalid() {
        let def = one_op(
            json!({"type": "object", "properties": {"createdAt": {"type": "string", "format": "date-time"}}}),
        );
        assert!(
            problems(
                &def,
                "GetOrder",
                200,
                r#"{"createdAt":"2024-05-01T12:30:00.5+02:00"}"#
            )
            .is_empty()
        );
    }
}
