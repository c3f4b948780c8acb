use super::*;
use crate::rules::prelude::*;

/// OData v4 comparison and logical operators and canonical functions: the values
/// `filterFunctions` can name (Microsoft does not publish its list).
const FILTER_FUNCTIONS: &[&str] = &[
    "eq",
    "ne",
    "gt",
    "ge",
    "lt",
    "le",
    "and",
    "or",
    "not",
    "has",
    "in",
    "add",
    "sub",
    "mul",
    "div",
    "mod",
    "contains",
    "startswith",
    "endswith",
    "length",
    "indexof",
    "substring",
    "tolower",
    "toupper",
    "trim",
    "concat",
    "year",
    "month",
    "day",
    "hour",
    "minute",
    "second",
    "fractionalseconds",
    "date",
    "time",
    "now",
    "round",
    "floor",
    "ceiling",
    "any",
    "all",
];

crate::declare_code! {
    /// `filterFunctions` names an unknown function
    ///
    /// ### Why
    /// Values are OData v4 operators and canonical functions (`eq`, `ne`, `gt`, `ge`, `lt`, `le`,
    /// `and`, `or`, `not`, `contains`, `startswith`, `endswith`, `substring`, `tolower`, `toupper`,
    /// `trim`, `year`, `month`, `day`, …), in lower case. Microsoft does not publish its own list;
    /// connkit accepts the OData v4 set.
    ///
    /// ### Example
    /// Bad: `"filterFunctions": ["eq", "equals"]`
    /// Good: `"filterFunctions": ["eq", "contains"]`
    pub(crate) static FILTER_FUNCTIONS_PROPERTY_INVALID_VALUE: Rule {
        code: "FilterFunctionsPropertyInvalidValue",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (at, f, _) in filter_functions(cx) {
        for (i, v) in f.as_array().into_iter().flatten().enumerate() {
            match v.as_str() {
                Some(s) if FILTER_FUNCTIONS.contains(&s) => {}
                _ => sink.emit(
                    join_index(&at, i),
                    format!("{} is not an OData filter function", short(v)),
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn unknown_filter_function() {
        let out = |ff: Value| {
            patch(
                minimal(),
                json!({"definitions": {"Task": {"properties": {"id": {"x-ms-capabilities": {"filterFunctions": ff}}}}}}),
            )
        };
        let at = "/definitions/Task/properties/id/x-ms-capabilities/filterFunctions";
        Tester::new(
            &FILTER_FUNCTIONS_PROPERTY_INVALID_VALUE,
            vec![out(json!(["eq", "contains"]))],
            vec![
                fail(out(json!(["eq", "equals"])))
                    .at([format!("{at}/1")])
                    .then(|f| {
                        assert_eq!(f[0].message, "\"equals\" is not an OData filter function");
                    }),
            ],
        )
        .test();
    }
}
