use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// a parameter moved (query, path, header, body, formData)
    ///
    /// ### Why
    /// The value is sent somewhere else; saved flows and the backend disagree.
    ///
    /// ### Example
    /// Before: parameter `filter` with `in: query`.
    /// After: parameter `filter` with `in: header`.
    pub(crate) static PARAMETER_LOCATION_CHANGED: DiffRule {
        code: "ParameterLocationChanged",
        severity: Breaking,
        gate: Gate::Pipeline,
        area: "input",
        microsoft: Some("The location has been changed for the parameter"),
        source: "BC-03",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_a_parameter_moves_from_query_to_header() {
        snapshot_reports("ParameterLocationChanged", |_, n| {
            set(n, &format!("{FILTER}/in"), Some(json!("header")))
        });
    }

    #[test]
    fn not_reported_when_the_body_parameter_is_renamed() {
        // The body parameter is matched by its location, whatever its name.
        let got = assert_does_not_report("ParameterLocationChanged", |_, n| {
            set(
                n,
                "/paths/~1items/post/parameters/0/name",
                Some(json!("item")),
            )
        });
        assert!(!got.contains(&"InputRemoved"), "{got:?}");
    }
}
