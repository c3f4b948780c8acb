use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// Two `x-ms-enum-values` entries share a `value`
    ///
    /// ### Why
    /// Each value gets one display name; a second entry for the same value is ambiguous.
    ///
    /// ### Example
    /// Bad: `"x-ms-enum-values": [{"value": "a", "displayName": "A"}, {"value": "a", "displayName": "A again"}]`
    /// Good: `"x-ms-enum-values": [{"value": "a", "displayName": "A"}]`
    pub(crate) static DUPLICATE_ENUM_VALUES_IN_EXTENSION: Rule {
        code: "DuplicateEnumValuesInExtension",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let ns = nodes(cx);
    for (n, list) in enum_values_lists(ns) {
        let values: Vec<Value> = list
            .iter()
            .map(|e| e.get("value").cloned().unwrap_or(Value::Null))
            .collect();
        for i in duplicates(&values) {
            if list.get(i).and_then(|e| e.get("value")).is_some() {
                sink.emit(
                    join(&join_index(&n.at("x-ms-enum-values"), i), "value"),
                    format!("value {} already has an entry", short(&values[i])),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn two_entries_for_one_value() {
        let (def, good) = (enum_values(false), enum_values(true));
        let base = format!("{P0}/x-ms-enum-values");
        Tester::new(
            &DUPLICATE_ENUM_VALUES_IN_EXTENSION,
            vec![good],
            vec![fail(def).at([format!("{base}/1/value")]).then(|f| {
                assert_eq!(f[0].message, "value \"a\" already has an entry");
            })],
        )
        .test();
    }
}
