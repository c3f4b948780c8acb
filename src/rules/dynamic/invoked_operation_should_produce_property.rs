use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A dynamic extension's value path does not exist in the invoked operation's response
    ///
    /// ### Why
    /// `value-path`, `value-title`, `value-collection`, `itemsPath`, `itemValuePath`,
    /// `itemTitlePath` and the dynamic-schema `value-path` are paths (`/`-separated) into the
    /// invoked operation's success response schema (for value and title: into one item of the
    /// collection). A path the schema does not declare yields empty dropdowns. Only schemas that
    /// declare their properties are checked: open or dynamic schemas are skipped.
    ///
    /// ### Example
    /// Bad: `"value-title": "title"` when the items of `ListItems`' `value` array have only `id` and
    /// `name`
    /// Good: `"value-path": "id", "value-title": "name"`
    ///
    /// ### Evidence
    /// Calibration: 12 merged certified connectors (and one custom sample) name paths their
    /// response schemas do not declare (DocuSign, Tikit and Apptigent CloudTools last changed in
    /// 2024); the designer reads the live response, so Microsoft does not block on it. connkit
    /// warns: either the path or the response schema is wrong.
    pub(crate) static INVOKED_OPERATION_SHOULD_PRODUCE_PROPERTY: Rule {
        code: "InvokedOperationShouldProduceProperty",
        severity: Severity::Warning,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: EXT,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let mut once = Once::new(sink);
    for (arr, p, m) in produce_findings(cx) {
        if !arr {
            once.emit(p, m);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn value_paths() {
        let mut dv = good_dv();
        dv["value-title"] = json!("title");
        Tester::new(
            &INVOKED_OPERATION_SHOULD_PRODUCE_PROPERTY,
            vec![with_dv(good_dv())],
            vec![fail(with_dv(dv)).at([format!("{DV}/value-title")])],
        )
        .test();
    }

    #[test]
    fn dynamic_properties_item_value_path() {
        Tester::fails(
            &INVOKED_OPERATION_SHOULD_PRODUCE_PROPERTY,
            vec![fail(dyn_schema_def()).at([
                "/paths/~1rows/post/parameters/0/schema/x-ms-dynamic-properties/itemValuePath",
            ])],
        )
        .test();
    }
}
