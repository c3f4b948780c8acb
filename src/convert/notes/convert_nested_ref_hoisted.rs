//! `ConvertNestedRefHoisted`.

use super::NoteDoc;

crate::declare_code! {
    /// A reference into a schema component was hoisted into definitions
    ///
    /// ### Why
    /// Swagger 2.0 references name whole definitions. A reference deeper than a component
    /// (`#/components/schemas/X/definitions/Y`, `…/X/properties/p`) becomes its own definition
    /// under a derived unique name (`X_Y`), instead of being copied at every use (which makes
    /// schemas too deep).
    ///
    /// ### Example
    /// `$ref: "#/components/schemas/Task/properties/owner"` becomes `$ref:
    /// "#/definitions/Task_owner"`, a new definition.
    pub(crate) static CONVERT_NESTED_REF_HOISTED: NoteDoc {
        code: "ConvertNestedRefHoisted",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_NESTED_REF_HOISTED;
    use crate::convert::notes::testing::*;

    #[test]
    fn a_reference_inside_a_component_becomes_a_definition() {
        let doc = returning_nested_ref("#/components/schemas/Task/properties/owner");
        snapshot(&CONVERT_NESTED_REF_HOISTED, &doc);
        assert!(
            emits(&doc, &CONVERT_NESTED_REF_HOISTED),
            "{:?}",
            codes(&doc)
        );
        let def = converted(&doc).definition;
        assert_eq!(
            def["paths"]["/tasks"]["get"]["responses"]["200"]["schema"]["$ref"],
            "#/definitions/Task_owner"
        );
        assert!(def["definitions"]["Task_owner"].is_object(), "{def:#}");
    }

    #[test]
    fn near_miss_a_reference_to_the_component_itself() {
        let doc = returning_nested_ref("#/components/schemas/Task");
        assert!(
            !emits(&doc, &CONVERT_NESTED_REF_HOISTED),
            "{:?}",
            codes(&doc)
        );
    }
}
