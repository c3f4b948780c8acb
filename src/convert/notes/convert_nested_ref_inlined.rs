//! `ConvertNestedRefInlined`.

use super::NoteDoc;

crate::declare_code! {
    /// A reference into a schema component could not be hoisted and was inlined
    ///
    /// ### Why
    /// A reference into a component that does not point at a schema object (a list, a value, or a
    /// chain of references) cannot become a definition: its content is copied in place.
    ///
    /// ### Example
    /// `$ref: "#/components/schemas/Task/required"` (a list) is inlined with this note.
    pub(crate) static CONVERT_NESTED_REF_INLINED: NoteDoc {
        code: "ConvertNestedRefInlined",
    }
}

#[cfg(test)]
mod tests {
    use super::CONVERT_NESTED_REF_INLINED;
    use crate::convert::notes::testing::*;

    #[test]
    fn a_reference_to_something_not_a_schema_is_inlined() {
        let doc = returning_nested_ref("#/components/schemas/Task/required");
        snapshot(&CONVERT_NESTED_REF_INLINED, &doc);
        assert!(
            emits(&doc, &CONVERT_NESTED_REF_INLINED),
            "{:?}",
            codes(&doc)
        );
    }

    #[test]
    fn near_miss_a_schema_inside_a_component_is_hoisted_not_inlined() {
        let doc = returning_nested_ref("#/components/schemas/Task/properties/owner");
        assert!(
            !emits(&doc, &CONVERT_NESTED_REF_INLINED),
            "{:?}",
            codes(&doc)
        );
    }
}
