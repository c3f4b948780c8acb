//! The codes of `connkit test`: one per kind of difference between a live response and the
//! definition, each declared with [`declare_code!`](crate::declare_code) in its own file
//! (`codes/<snake_code>.rs`) with its documentation and the tests that produce it. The
//! catalog lists them as the `test` family, so `connkit explain` knows them.

use crate::core::Doc;

/// One code `connkit test` prints, with its documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TestCheck {
    /// The code printed with the problem (`Test…`).
    pub(crate) code: &'static str,
    /// One line: what differs.
    pub(crate) summary: &'static str,
    /// Why it matters and how to fix it (Markdown with `### ` sections).
    pub(crate) explanation: Doc,
}

mod test_additional_property;
mod test_body_not_json;
mod test_content_type_undeclared;
mod test_dynamic_values_path_missing;
mod test_enum_value_not_allowed;
mod test_format_invalid;
mod test_header_missing;
mod test_next_link_missing;
mod test_next_link_repeats;
mod test_no_response;
mod test_null_not_allowed;
mod test_required_property_missing;
mod test_response_too_large;
mod test_status_not_expected;
mod test_status_undeclared;
mod test_type_mismatch;
mod test_value_out_of_bounds;

pub(crate) use test_additional_property::TEST_ADDITIONAL_PROPERTY;
pub(crate) use test_body_not_json::TEST_BODY_NOT_JSON;
pub(crate) use test_content_type_undeclared::TEST_CONTENT_TYPE_UNDECLARED;
pub(crate) use test_dynamic_values_path_missing::TEST_DYNAMIC_VALUES_PATH_MISSING;
pub(crate) use test_enum_value_not_allowed::TEST_ENUM_VALUE_NOT_ALLOWED;
pub(crate) use test_format_invalid::TEST_FORMAT_INVALID;
pub(crate) use test_header_missing::TEST_HEADER_MISSING;
pub(crate) use test_next_link_missing::TEST_NEXT_LINK_MISSING;
pub(crate) use test_next_link_repeats::TEST_NEXT_LINK_REPEATS;
pub(crate) use test_no_response::TEST_NO_RESPONSE;
pub(crate) use test_null_not_allowed::TEST_NULL_NOT_ALLOWED;
pub(crate) use test_required_property_missing::TEST_REQUIRED_PROPERTY_MISSING;
pub(crate) use test_response_too_large::TEST_RESPONSE_TOO_LARGE;
pub(crate) use test_status_not_expected::TEST_STATUS_NOT_EXPECTED;
pub(crate) use test_status_undeclared::TEST_STATUS_UNDECLARED;
pub(crate) use test_type_mismatch::TEST_TYPE_MISMATCH;
pub(crate) use test_value_out_of_bounds::TEST_VALUE_OUT_OF_BOUNDS;

/// Every code of `connkit test`.
pub(crate) static CODES: &[&TestCheck] = &[
    &TEST_STATUS_UNDECLARED,
    &TEST_STATUS_NOT_EXPECTED,
    &TEST_CONTENT_TYPE_UNDECLARED,
    &TEST_BODY_NOT_JSON,
    &TEST_TYPE_MISMATCH,
    &TEST_NULL_NOT_ALLOWED,
    &TEST_REQUIRED_PROPERTY_MISSING,
    &TEST_ENUM_VALUE_NOT_ALLOWED,
    &TEST_FORMAT_INVALID,
    &TEST_VALUE_OUT_OF_BOUNDS,
    &TEST_ADDITIONAL_PROPERTY,
    &TEST_HEADER_MISSING,
    &TEST_NEXT_LINK_MISSING,
    &TEST_NEXT_LINK_REPEATS,
    &TEST_DYNAMIC_VALUES_PATH_MISSING,
    &TEST_RESPONSE_TOO_LARGE,
    &TEST_NO_RESPONSE,
];

#[cfg(test)]
mod tests {
    #[test]
    fn codes_are_unique_and_documented() {
        let mut seen = std::collections::HashSet::new();
        for c in super::CODES {
            assert!(seen.insert(c.code), "{} twice", c.code);
            assert!(c.code.starts_with("Test"), "{}", c.code);
            for s in ["Why", "Example", "Evidence"] {
                assert!(
                    c.explanation.section(s).is_some(),
                    "{} lacks ### {s}",
                    c.code
                );
            }
        }
    }
}
