use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// a success (2xx or default) response that had a schema no longer has one
    ///
    /// ### Why
    /// Every output field of the response is gone. Error responses (4xx, 5xx) are not outputs a
    /// flow can use and are not compared; neither is an empty schema (`{}`), which declares no
    /// outputs.
    ///
    /// ### Example
    /// Before: `GetItem`'s response `200` has `schema: {$ref: '#/definitions/Item'}`.
    /// After: response `200` has no `schema` (or is removed).
    pub(crate) static OUTPUT_SCHEMA_REMOVED: DiffRule {
        code: "OutputSchemaRemoved",
        severity: Breaking,
        gate: Gate::Pipeline,
        area: "output",
        microsoft: Some("The output field has been deleted"),
        source: "BC-09",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_a_success_response_loses_its_schema() {
        snapshot_reports("OutputSchemaRemoved", |_, n| {
            set(n, &format!("{GET}/responses/200/schema"), None)
        });
    }

    #[test]
    fn error_response_schemas_are_not_outputs() {
        let mut o = base();
        set(
            &mut o,
            &format!("{GET}/responses/404/schema"),
            Some(json!({"type": "object", "properties": {"error": {"type": "string"}}})),
        );
        let mut n = o.clone();
        set(&mut n, &format!("{GET}/responses/404/schema"), None);
        assert_eq!(codes(&o, &n), Vec::<&str>::new());
        // The same removal on the success response is breaking.
        set(&mut n, &format!("{GET}/responses/200/schema"), None);
        assert_eq!(codes(&o, &n), vec!["OutputSchemaRemoved"]);
    }

    #[test]
    fn an_empty_default_schema_has_no_outputs_to_delete() {
        let mut old = base();
        set(
            &mut old,
            &format!("{GET}/responses/default"),
            Some(json!({"description": "Error", "schema": {}})),
        );
        let mut new = old.clone();
        set(
            &mut new,
            &format!("{GET}/responses/default"),
            Some(json!({"description": "Error"})),
        );
        let c = codes(&old, &new);
        assert!(
            !c.contains(&"OutputSchemaRemoved") && !c.contains(&"OutputPropertyDeleted"),
            "{c:?}"
        );
        // A default schema that declared outputs still counts.
        set(
            &mut old,
            &format!("{GET}/responses/default/schema"),
            Some(json!({"type": "object", "properties": {"code": {"type": "string"}}})),
        );
        assert!(codes(&old, &new).contains(&"OutputSchemaRemoved"));
    }
}
