use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An `x-ms-enum-values` value is not in the sibling `enum`
    ///
    /// ### Why
    /// `x-ms-enum-values` names the values of `enum`; an entry for a value the enum does not allow
    /// can never be chosen. Add the value to `enum` or remove the entry.
    ///
    /// ### Example
    /// Bad: `"enum": ["a", "b"], "x-ms-enum-values": [{"value": "c", "displayName": "C"}]`
    /// Good: `"enum": ["a", "b", "c"]` with the same entry
    pub(crate) static INVALID_ENUM_VALUES_EXTENSION_VALUE: Rule {
        code: "InvalidEnumValuesExtensionValue",
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
        let Some(allowed) = n.get("enum").and_then(Value::as_array) else {
            continue;
        };
        for (i, e) in list.iter().enumerate() {
            if let Some(v) = e.get("value")
                && !allowed.contains(v)
            {
                sink.emit(
                    join(&join_index(&n.at("x-ms-enum-values"), i), "value"),
                    format!("{} is not one of the `enum` values", short(v)),
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
    fn entry_for_a_value_not_in_enum() {
        let (def, good) = (enum_values(false), enum_values(true));
        let base = format!("{P0}/x-ms-enum-values");
        Tester::new(
            &INVALID_ENUM_VALUES_EXTENSION_VALUE,
            vec![good],
            vec![fail(def).at([format!("{base}/2/value")]).then(|f| {
                assert_eq!(f[0].message, "\"c\" is not one of the `enum` values");
            })],
        )
        .test();
    }
}
