//! An operation of the definition and its parameters, with what the rules, diff and the
//! converter read of them.

use serde_json::Value;

use super::RefError;
use crate::model::access::field;
use crate::model::pointer::join;

/// One operation (`/paths/{path}/{method}`).
#[derive(Debug)]
pub(crate) struct Operation<'a> {
    pub(crate) path: &'a str,
    pub(crate) method: &'static str,
    /// `/paths/~1items/get`
    pub(crate) pointer: String,
    /// `/paths/~1items`
    pub(crate) path_pointer: String,
    pub(crate) value: &'a Value,
    pub(crate) path_item: &'a Value,
    pub(crate) operation_id: Option<&'a str>,
    /// Effective parameters: operation-level ones override path-level ones of the same
    /// (name, in); references resolved.
    pub(crate) params: Vec<Param<'a>>,
}

impl<'a> Operation<'a> {
    pub(crate) fn get(&self, key: &str) -> Option<&'a Value> {
        field(self.value, key)
    }

    pub(crate) fn is_trigger(&self) -> bool {
        field(self.value, "x-ms-trigger").is_some()
    }

    /// `x-ms-visibility: internal`
    pub(crate) fn is_internal(&self) -> bool {
        field(self.value, "x-ms-visibility").and_then(Value::as_str) == Some("internal")
    }

    pub(crate) fn is_deprecated(&self) -> bool {
        field(self.value, "deprecated").and_then(Value::as_bool) == Some(true)
    }

    /// Whether its path item declares `x-ms-notification-content` (the documented place): the
    /// trigger is a webhook whose callback has that schema.
    pub(crate) fn has_notification_content(&self) -> bool {
        self.path_item.get("x-ms-notification-content").is_some()
    }

    /// `x-ms-api-annotation`, when it is an object.
    pub(crate) fn annotation(&self) -> Option<&'a Value> {
        self.get("x-ms-api-annotation").filter(|v| v.is_object())
    }

    /// `x-ms-api-annotation.family`, when it is a string.
    pub(crate) fn family(&self) -> Option<&'a str> {
        self.annotation()?.get("family").and_then(Value::as_str)
    }

    /// `x-ms-api-annotation.revision` when it is given (not missing, null or "").
    pub(crate) fn revision(&self) -> Option<&'a Value> {
        self.annotation()?
            .get("revision")
            .filter(|v| !v.is_null() && v.as_str() != Some(""))
    }

    /// The revision as a number (`2` or `"2"`).
    pub(crate) fn revision_number(&self) -> Option<u64> {
        match self.revision()? {
            Value::Number(n) => n.as_u64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    /// A short label: the operationId, else `GET /path`.
    pub(crate) fn label(&self) -> String {
        match self.operation_id {
            Some(id) => id.to_string(),
            None => format!("{} {}", self.method.to_ascii_uppercase(), self.path),
        }
    }

    /// The body parameter, if any.
    pub(crate) fn body_param(&self) -> Option<&Param<'a>> {
        self.params.iter().find(|p| p.location == Some("body"))
    }
}

/// A parameter as an operation sees it.
#[derive(Debug, Clone)]
pub(crate) struct Param<'a> {
    /// The resolved parameter object (`Value::Null` when its `$ref` is broken).
    pub(crate) value: &'a Value,
    /// Where it is listed: `/paths/~1x/get/parameters/0`.
    pub(crate) pointer: String,
    /// Where its content is written: the `$ref` target (`/parameters/Foo`), else `pointer`.
    /// Findings about the parameter's fields point here: that is what the user must edit.
    pub(crate) target: String,
    pub(crate) from_path_item: bool,
    pub(crate) name: Option<&'a str>,
    pub(crate) location: Option<&'a str>,
    pub(crate) ref_error: Option<RefError>,
}

impl<'a> Param<'a> {
    pub(crate) fn get(&self, key: &str) -> Option<&'a Value> {
        field(self.value, key)
    }
    pub(crate) fn str(&self, key: &str) -> Option<&'a str> {
        field(self.value, key).and_then(Value::as_str)
    }
    /// Pointer to one of its fields, in the place the user edits.
    pub(crate) fn field(&self, key: &str) -> String {
        join(&self.target, key)
    }
    pub(crate) fn is_required(&self) -> bool {
        field(self.value, "required").and_then(Value::as_bool) == Some(true)
    }
    pub(crate) fn visibility(&self) -> Option<&'a str> {
        self.str("x-ms-visibility")
    }
}
