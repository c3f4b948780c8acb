use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A dynamic list's collection path is not an array in the invoked operation's response
    ///
    /// ### Why
    /// `value-collection` (dynamic values) and `itemsPath` (dynamic list) name the array of choices
    /// in the invoked operation's success response; without them the response itself must be an
    /// array.
    ///
    /// ### Example
    /// Bad: response `{"value": [...]}` with no `value-collection`
    /// Good: `"value-collection": "value"`.
    ///
    /// ### Evidence
    /// Calibration: 5 merged certified connectors have a collection path that their own response
    /// schema contradicts (Apptigent CloudTools and Tribal - SITS last changed in 2024). The
    /// designer reads the live response, so a wrong schema does not stop a working dropdown, and
    /// Microsoft does not block on it: connkit warns.
    pub(crate) static INVOKED_OPERATION_SHOULD_PRODUCE_ARRAY: Rule {
        code: "InvokedOperationShouldProduceArray",
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
        if arr {
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
    fn collection_paths() {
        let mut dv = good_dv();
        dv["value-collection"] = json!("count");
        let mut dv_2 = good_dv();
        dv_2.as_object_mut().unwrap().remove("value-collection");
        Tester::new(
            &INVOKED_OPERATION_SHOULD_PRODUCE_ARRAY,
            vec![with_dv(good_dv())],
            vec![
                fail(with_dv(dv)).at([format!("{DV}/value-collection")]),
                fail(with_dv(dv_2)).at([DV.to_string()]),
            ],
        )
        .test();
    }
}
