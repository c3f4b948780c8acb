//! Document structure: Swagger version, required root keys, host, basePath, schemes
//!.

use serde_json::Value;

use super::{Context, Rule, Sink};
use crate::model::FileKind;
use crate::model::pointer::join;

pub(crate) const RULES: &[&Rule] = &[
    &SPECIFICATION_VERSION_INCORRECT,
    &REQUIRED_PROPERTY_MISSING,
    &HOST_NAME_NOT_VALID,
    &BASE_PATH_NOT_VALID,
    &SCHEMES_ARRAY_EMPTY,
    &SCHEME_NOT_VALID,
    &SCHEME_NOT_SUPPORTED,
];

/// `^[^{}/ :\\]+(?::\d+)?$` from the platform's schema, without pulling a regex in.
pub(crate) fn valid_host(h: &str) -> bool {
    let (name, port) = match h.rsplit_once(':') {
        Some((n, p)) => (n, Some(p)),
        None => (h, None),
    };
    !name.is_empty()
        && !name
            .chars()
            .any(|c| matches!(c, '{' | '}' | '/' | ' ' | ':' | '\\'))
        && port.is_none_or(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

fn schemes<'a>(cx: &Context<'a>) -> Option<&'a Value> {
    cx.connector.definition_value()?.get("schemes")
}
mod base_path_not_valid;
mod host_name_not_valid;
mod required_property_missing;
mod scheme_not_supported;
mod scheme_not_valid;
mod schemes_array_empty;
mod specification_version_incorrect;

pub(crate) use base_path_not_valid::*;
pub(crate) use host_name_not_valid::*;
pub(crate) use required_property_missing::*;
pub(crate) use scheme_not_supported::*;
pub(crate) use scheme_not_valid::*;
pub(crate) use schemes_array_empty::*;
pub(crate) use specification_version_incorrect::*;
