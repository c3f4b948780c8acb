//! Operations and paths: operationIds, path templates and path parameters, responses
//! (catalog §3.1, §3.6).

use std::collections::HashMap;

use serde_json::Value;

use super::opkit::ops;
use super::{Context, Rule};
use crate::model::FileKind;
use crate::model::pointer::join;
use crate::model::swagger::{Operation, path_shape, template_variables};

pub const RULES: &[&Rule] = &[
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

pub use duplicate_operation_path::*;
pub use operation_id_not_unique::*;
pub use operation_id_required::*;
pub use operation_missing_path_parameter::*;
pub use operation_must_have_response::*;
pub use operation_parameters_contain_duplicate_parameter::*;
pub use operation_parameters_contain_multiple_body_parameters::*;
pub use operation_path_contains_unsupported_characters::*;
pub use operation_path_may_not_contain_query_or_fragment::*;
pub use operation_path_must_start_with_slash::*;
pub use operation_path_template_not_valid::*;
pub use operation_path_variables_contain_defaults::*;
pub use operation_should_have_successful_response::*;
pub use path_parameter_must_be_required::*;
pub use path_parameter_not_defined_in_template::*;
pub use path_redefined::*;
pub use response_must_be_default_or_http_status_code::*;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    const OP: &str = "/paths/~1tasks~1{taskId}/get";

    #[test]
    fn operation_ids() {
        assert!(run(&OPERATION_ID_REQUIRED, minimal()).is_empty());
        let mut d = minimal();
        d.pointer_mut(OP)
            .unwrap()
            .as_object_mut()
            .unwrap()
            .remove("operationId");
        assert_eq!(pointers(&run(&OPERATION_ID_REQUIRED, d)), vec![OP]);

        assert!(run(&OPERATION_ID_NOT_UNIQUE, minimal()).is_empty());
        let d = patch(
            minimal(),
            json!({"paths": {"/other": {"post": {"operationId": "gettask", "responses": {"200": {"description": "x"}}}}}}),
        );
        let f = run(&OPERATION_ID_NOT_UNIQUE, d);
        assert_eq!(pointers(&f), vec!["/paths/~1other/post/operationId"]);
        assert!(f[0].message.contains("GET /tasks/{taskId}"));
    }

    #[test]
    fn path_shapes() {
        let d = patch(
            minimal(),
            json!({"paths": {"tasks": {}, "/a*": {}, "/b?x=1": {}, "/c/{x": {}, "/d/{id=1}": {}}}),
        );
        assert_eq!(
            run(&OPERATION_PATH_MUST_START_WITH_SLASH, d.clone()).len(),
            1
        );
        assert_eq!(
            run(&OPERATION_PATH_CONTAINS_UNSUPPORTED_CHARACTERS, d.clone()).len(),
            1
        );
        assert_eq!(
            run(&OPERATION_PATH_MAY_NOT_CONTAIN_QUERY_OR_FRAGMENT, d.clone()).len(),
            1
        );
        assert_eq!(run(&OPERATION_PATH_TEMPLATE_NOT_VALID, d.clone()).len(), 1);
        assert_eq!(run(&OPERATION_PATH_VARIABLES_CONTAIN_DEFAULTS, d).len(), 1);
        for r in [
            &OPERATION_PATH_MUST_START_WITH_SLASH,
            &OPERATION_PATH_TEMPLATE_NOT_VALID,
            &PATH_REDEFINED,
        ] {
            assert!(run(r, minimal()).is_empty());
        }
    }

    #[test]
    fn duplicate_paths() {
        let d = patch(minimal(), json!({"paths": {"/TASKS/{taskId}": {}}}));
        assert_eq!(
            pointers(&run(&PATH_REDEFINED, d)),
            vec!["/paths/~1TASKS~1{taskId}"]
        );
        let d = patch(
            minimal(),
            json!({"paths": {"/tasks/{id}": {"get": {"operationId": "Other", "parameters": [{"name": "id", "in": "path", "required": true, "type": "string"}], "responses": {"200": {"description": "ok"}}}}}}),
        );
        assert_eq!(run(&DUPLICATE_OPERATION_PATH, d).len(), 1);
        assert!(run(&DUPLICATE_OPERATION_PATH, minimal()).is_empty());
    }

    #[test]
    fn path_parameters() {
        assert!(run(&OPERATION_MISSING_PATH_PARAMETER, minimal()).is_empty());
        assert!(run(&PATH_PARAMETER_NOT_DEFINED_IN_TEMPLATE, minimal()).is_empty());
        assert!(run(&PATH_PARAMETER_MUST_BE_REQUIRED, minimal()).is_empty());
        let mut d = minimal();
        let p = d.pointer_mut(&format!("{OP}/parameters/0")).unwrap();
        p["name"] = json!("id");
        p["required"] = json!(false);
        assert_eq!(run(&OPERATION_MISSING_PATH_PARAMETER, d.clone()).len(), 1);
        assert_eq!(
            pointers(&run(&PATH_PARAMETER_NOT_DEFINED_IN_TEMPLATE, d.clone())),
            vec![format!("{OP}/parameters/0/name")]
        );
        assert_eq!(run(&PATH_PARAMETER_MUST_BE_REQUIRED, d).len(), 1);
    }

    #[test]
    fn parameter_lists() {
        let mut d = minimal();
        let params = d
            .pointer_mut(&format!("{OP}/parameters"))
            .unwrap()
            .as_array_mut()
            .unwrap();
        params.push(json!({"name": "b1", "in": "body", "schema": {}}));
        params.push(json!({"name": "b2", "in": "body", "schema": {}}));
        params.push(json!({"name": "taskId", "in": "path", "required": true, "type": "string"}));
        assert_eq!(
            pointers(&run(
                &OPERATION_PARAMETERS_CONTAIN_MULTIPLE_BODY_PARAMETERS,
                d.clone()
            )),
            vec![format!("{OP}/parameters/2")]
        );
        assert_eq!(
            pointers(&run(&OPERATION_PARAMETERS_CONTAIN_DUPLICATE_PARAMETER, d)),
            vec![format!("{OP}/parameters/3")]
        );
        assert!(run(&OPERATION_PARAMETERS_CONTAIN_DUPLICATE_PARAMETER, minimal()).is_empty());
    }

    #[test]
    fn responses() {
        for r in [
            &OPERATION_MUST_HAVE_RESPONSE,
            &OPERATION_SHOULD_HAVE_SUCCESSFUL_RESPONSE,
            &RESPONSE_MUST_BE_DEFAULT_OR_HTTP_STATUS_CODE,
        ] {
            assert!(run(r, minimal()).is_empty(), "{}", r.code);
        }
        let mut d = minimal();
        d.pointer_mut(OP).unwrap()["responses"] = json!({});
        assert_eq!(run(&OPERATION_MUST_HAVE_RESPONSE, d.clone()).len(), 1);
        d.pointer_mut(OP).unwrap()["responses"] =
            json!({"400": {"description": "bad"}, "2XX": {"description": "x"}});
        assert_eq!(
            run(&OPERATION_SHOULD_HAVE_SUCCESSFUL_RESPONSE, d.clone()).len(),
            1
        );
        assert_eq!(
            pointers(&run(&RESPONSE_MUST_BE_DEFAULT_OR_HTTP_STATUS_CODE, d)),
            vec![format!("{OP}/responses/2XX")]
        );
    }
}
