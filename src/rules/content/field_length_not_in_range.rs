use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `info.description` shorter than 30 or longer than 500 characters
    ///
    /// ### Why
    /// The connector description is shown on the connector's page and in the catalogue;
    /// certification wants 30 to 500 characters: a real sentence or two about what the service does
    /// and what the connector offers. An empty description is reported as RequiredValueEmpty
    /// instead.
    ///
    /// ### Example
    /// Bad: `"description": "Too short."`
    /// Good: `"description": "Manage Contoso tasks and projects from your flows."`
    pub(crate) static FIELD_LENGTH_NOT_IN_RANGE: Rule {
        code: "FieldLengthNotInRange",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: Some("The 'description' value must be between '30' and '500' characters."),
        profiles: Profiles::CERTIFICATION,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    if let Some(d) = info(cx)
        .and_then(|i| i.get("description"))
        .and_then(Value::as_str)
    {
        let n = chars(d.trim());
        let (lo, hi) = DESCRIPTION_RANGE;
        if n > 0 && !(lo..=hi).contains(&n) {
            sink.emit(
                "/info/description",
                format!(
                    "'description' value must be between '{lo}' and '{hi}' characters (it has {n})"
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
    fn description_length() {
        let def = patch(
            cert(),
            json!({"info": {"title": "A title that is much longer than thirty", "description": "Too short."}}),
        );
        Tester::new(
            &FIELD_LENGTH_NOT_IN_RANGE,
            vec![
                // The minimal definition's description is in range.
                (cert(), Profile::Certified),
            ],
            vec![fail((def, Profile::Certified)).at(["/info/description"])],
        )
        .test();
    }
}
