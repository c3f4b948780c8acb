//! Operations and paths: operationIds, path templates and path parameters, responses.

use std::collections::HashMap;

use serde_json::Value;

use super::opkit::ops;
use super::{Context, Rule};
use crate::model::FileKind;
use crate::model::pointer::join;
use crate::model::swagger::{Operation, path_shape, template_variables};

pub(crate) const RULES: &[&Rule] = &[
    &OPERATION_ID_REQUIRED,
    &OPERATION_ID_NOT_UNIQUE,
    &OPERATION_PATH_MUST_START_WITH_SLASH,
    &OPERATION_PATH_CONTAINS_UNSUPPORTED_CHARACTERS,
    &OPERATION_PATH_MAY_NOT_CONTAIN_QUERY_OR_FRAGMENT,
    &OPERATION_PATH_TEMPLATE_NOT_VALID,
    &OPERATION_PATH_VARIABLES_CONTAIN_DEFAULTS,
    &PATH_REDEFINED,
    &DUPLICATE_OPERATION_PATH,
    &OPERATION_MISSING_PATH_PARAMETER,
    &PATH_PARAMETER_NOT_DEFINED_IN_TEMPLATE,
    &PATH_PARAMETER_MUST_BE_REQUIRED,
    &OPERATION_PARAMETERS_CONTAIN_DUPLICATE_PARAMETER,
    &OPERATION_PARAMETERS_CONTAIN_MULTIPLE_BODY_PARAMETERS,
    &OPERATION_MUST_HAVE_RESPONSE,
    &OPERATION_SHOULD_HAVE_SUCCESSFUL_RESPONSE,
    &RESPONSE_MUST_BE_DEFAULT_OR_HTTP_STATUS_CODE,
];

fn paths<'a>(cx: &Context<'a>) -> impl Iterator<Item = (&'a String, &'a Value)> {
    cx.connector
        .definition_value()
        .and_then(|r| r.get("paths"))
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
}

mod duplicate_operation_path;
mod operation_id_not_unique;
mod operation_id_required;
mod operation_missing_path_parameter;
mod operation_must_have_response;
mod operation_parameters_contain_duplicate_parameter;
mod operation_parameters_contain_multiple_body_parameters;
mod operation_path_contains_unsupported_characters;
mod operation_path_may_not_contain_query_or_fragment;
mod operation_path_must_start_with_slash;
mod operation_path_template_not_valid;
mod operation_path_variables_contain_defaults;
mod operation_should_have_successful_response;
mod path_parameter_must_be_required;
mod path_parameter_not_defined_in_template;
mod path_redefined;
mod response_must_be_default_or_http_status_code;

pub(crate) use duplicate_operation_path::*;
pub(crate) use operation_id_not_unique::*;
pub(crate) use operation_id_required::*;
pub(crate) use operation_missing_path_parameter::*;
pub(crate) use operation_must_have_response::*;
pub(crate) use operation_parameters_contain_duplicate_parameter::*;
pub(crate) use operation_parameters_contain_multiple_body_parameters::*;
pub(crate) use operation_path_contains_unsupported_characters::*;
pub(crate) use operation_path_may_not_contain_query_or_fragment::*;
pub(crate) use operation_path_must_start_with_slash::*;
pub(crate) use operation_path_template_not_valid::*;
pub(crate) use operation_path_variables_contain_defaults::*;
pub(crate) use operation_should_have_successful_response::*;
pub(crate) use path_parameter_must_be_required::*;
pub(crate) use path_parameter_not_defined_in_template::*;
pub(crate) use path_redefined::*;
pub(crate) use response_must_be_default_or_http_status_code::*;

#[cfg(test)]
mod tests {
    use serde_json::Value;

    pub(super) const OP: &str = "/paths/~1tasks~1{taskId}/get";

    /// The minimal definition with `extra` appended to the parameters of [`OP`].
    pub(super) fn with_params(extra: &[Value]) -> Value {
        let mut d = crate::rules::testing::minimal();
        if let Some(list) = d
            .pointer_mut(&format!("{OP}/parameters"))
            .and_then(Value::as_array_mut)
        {
            list.extend_from_slice(extra);
        }
        d
    }
}
