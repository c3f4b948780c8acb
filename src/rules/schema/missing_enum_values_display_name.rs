use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An `x-ms-enum-values` entry without `displayName`
    ///
    /// ### Why
    /// `x-ms-enum-values` exists to show friendly names for enum values in the designer; each entry
    /// needs `value` and `displayName`.
    ///
    /// ### Example
    /// Bad: `"x-ms-enum-values": [{"value": "hi"}]`
    /// Good: `"x-ms-enum-values": [{"value": "hi", "displayName": "High"}]`
    pub(crate) static MISSING_ENUM_VALUES_DISPLAY_NAME: Rule {
        code: "MissingEnumValuesDisplayName",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: EXT,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let ns = nodes(cx);
    for (n, list) in enum_values_lists(ns) {
        for (i, e) in list.iter().enumerate() {
            if e.is_object() && e.get("displayName").is_none() {
                sink.emit(
                    join_index(&n.at("x-ms-enum-values"), i),
                    "this entry has no `displayName`",
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
    fn entry_without_display_name() {
        let (def, good) = (enum_values(false), enum_values(true));
        let base = format!("{P0}/x-ms-enum-values");
        Tester::new(
            &MISSING_ENUM_VALUES_DISPLAY_NAME,
            vec![good],
            vec![fail(def).at([format!("{base}/3")]).then(|f| {
                assert_eq!(f[0].message, "this entry has no `displayName`");
            })],
        )
        .test();
    }
}
