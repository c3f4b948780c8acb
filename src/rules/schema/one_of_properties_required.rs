use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// None of a set of alternative keys is present
    ///
    /// ### Why
    /// Some extensions need one key out of a set: `x-ms-dynamic-values` needs `operationId` (a call
    /// to one of your operations), `builtInOperation` or `capability`; `x-ms-trigger-value` needs
    /// `value-collection` or `value-path`.
    ///
    /// ### Example
    /// Bad: `"x-ms-dynamic-values": {"value-path": "id"}`
    /// Good: `"x-ms-dynamic-values": {"operationId": "ListTasks", "value-path": "id"}`
    pub(crate) static ONE_OF_PROPERTIES_REQUIRED: Rule {
        code: "OneOfPropertiesRequired",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: EXT,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    const SETS: &[(&str, &[&str])] = &[
        (
            "x-ms-dynamic-values",
            &["operationId", "builtInOperation", "capability"],
        ),
        ("x-ms-trigger-value", &["value-collection", "value-path"]),
    ];
    let Some(sw) = cx.swagger.as_ref() else {
        return;
    };
    let body_params = sw
        .param_nodes()
        .iter()
        .filter(|p| str_of(p.value, "in") == Some("body"))
        .map(|p| {
            (
                p.pointer.as_str(),
                p.value,
                [p.value.get(SETS[0].0), p.value.get(SETS[1].0)],
            )
        });
    let holders = nodes(cx)
        .iter()
        .map(|n| {
            (
                n.pointer.as_str(),
                n.value,
                [n.get(SETS[0].0), n.get(SETS[1].0)],
            )
        })
        .chain(body_params);
    for (at, _, found) in holders {
        for ((ext, keys), e) in SETS.iter().zip(found) {
            if let Some(e @ Value::Object(_)) = e
                && !keys.iter().any(|k| e.get(*k).is_some())
            {
                sink.emit(
                    join(at, ext),
                    format!("`{ext}` needs one of {}", keys.join(", ")),
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
    use serde_json::json;

    #[test]
    fn dynamic_values_without_a_source() {
        Tester::new(
            &ONE_OF_PROPERTIES_REQUIRED,
            vec![
                // The Good example.
                with_param( json!({"x-ms-dynamic-values": {"operationId": "ListTasks", "value-path": "id"}}) ),
            ],
            vec![
                // The Bad example.
                fail(with_param(json!({"x-ms-dynamic-values": {"value-path": "id"}}))).at([format!("{P0}/x-ms-dynamic-values")]).then(|f| {
                    assert!(
                        f[0].message
                            .starts_with("`x-ms-dynamic-values` needs one of "),
                        "{}",
                        f[0].message
                    );
                }),
            ],
        )
        .test();
    }
}
