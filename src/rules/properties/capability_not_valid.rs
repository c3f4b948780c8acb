use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `capabilities` holds an unknown value
    ///
    /// ### Why
    /// `capabilities` is a list of strings; the values in use are `actions`, `triggers`, `gateway`,
    /// `cloud only`, `tabular` and `federatedKnowledgeSource`. paconn refuses the file
    /// (`ApiDefinitionCapabilitiesInvalid`) when an entry is not a string; an unknown string is
    /// most likely a typo. Most connectors simply leave the list empty.
    ///
    /// ### Example
    /// Bad: `"capabilities": ["actions", "Actionz"]`
    /// Good: `"capabilities": ["actions"]`
    pub(crate) static CAPABILITY_NOT_VALID: Rule {
        code: "CapabilityNotValid",
        severity: Severity::Warning,
        gate: Gate::Pipeline,
        file: FileKind::Properties,
        source: S_AP,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(list) = props(cx)
        .and_then(|p| p.get("capabilities"))
        .and_then(Value::as_array)
    else {
        return;
    };
    for (i, c) in list.iter().enumerate() {
        if let Some(s) = c.as_str()
            && !CAPABILITIES.contains(&s)
        {
            sink.emit(
                join_index("/properties/capabilities", i),
                format!(
                    "unknown capability '{s}' (known: {})",
                    CAPABILITIES.join(", ")
                ),
            );
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
    fn unknown_capability() {
        let p = with(json!({"capabilities": ["actions", "Actionz"]}));
        let p_2 = with(json!({"capabilities": ["actions", "cloud only"]}));
        Tester::new(
            &CAPABILITY_NOT_VALID,
            vec![(with_props(p_2), Profile::Custom)],
            vec![
                fail((with_props(p), Profile::Custom))
                    .at(["/properties/capabilities/1"])
                    .then(|f| {
                        assert!(f[0].message.starts_with("unknown capability 'Actionz'"));
                    }),
            ],
        )
        .test();
    }
}
