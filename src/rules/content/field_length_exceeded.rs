use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `info.title` over 30 characters, or an `x-ms-summary` over 80
    ///
    /// ### Why
    /// The connector title is shown on tiles and in lists and may be at most 30 characters;
    /// parameter and property display names (`x-ms-summary`) at most 80. Operation summaries have
    /// their own code, OperationSummaryTooLong.
    ///
    /// ### Example
    /// Bad: `"title": "Contoso Task Management Platform Connector"`
    /// Good: `"title": "Contoso Tasks"`
    ///
    /// ### Evidence
    /// Calibration: the title limit is observed validator output and stays an error; the
    /// 80-character `x-ms-summary` limit comes from the string guidance only, and certified
    /// connectors changed in 2024 (Impower, Revizto) carry longer ones, so it is reported as a
    /// warning (errors on connectors changed in 2024: 2 before, 0 after).
    pub(crate) static FIELD_LENGTH_EXCEEDED: Rule {
        code: "FieldLengthExceeded",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: Some("The 'title' value goes over the character limit '30'"),
        profiles: Profiles::CERTIFICATION,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    if let Some(t) = info(cx)
        .and_then(|i| i.get("title"))
        .and_then(Value::as_str)
        && chars(t.trim()) > TITLE_MAX
    {
        sink.emit(
            "/info/title",
            format!(
                "'title' value goes over the character limit '{TITLE_MAX}' ({} characters)",
                chars(t.trim())
            ),
        );
    }
    let Some(sw) = cx.swagger.as_ref() else {
        return;
    };
    let summaries = (sw.param_nodes().iter().map(|p| (&p.pointer, p.value)))
        .chain(sw.schema_nodes().iter().map(|s| (&s.pointer, s.value)))
        .chain(sw.response_nodes().iter().map(|r| (&r.pointer, r.value)));
    for (ptr, v) in summaries {
        if let Some(s) = crate::model::access::str_of(v, "x-ms-summary")
            && chars(s) > SUMMARY_MAX
        {
            sink.emit_with(
                    Severity::Warning,
                    FileKind::Definition,
                    join(ptr, "x-ms-summary"),
                    format!(
                        "'x-ms-summary' value goes over the character limit '{SUMMARY_MAX}' ({} characters)",
                        chars(s)
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
    fn title_and_summary_lengths() {
        let def = patch(
            cert(),
            json!({"info": {"title": "A title that is much longer than thirty", "description": "Too short."}}),
        );
        let mut def_2 = cert();
        def_2.pointer_mut(&format!("{OP}/parameters/0")).unwrap()["x-ms-summary"] =
            json!("x".repeat(81));
        Tester::new(
            &FIELD_LENGTH_EXCEEDED,
            vec![
                (cert(), Profile::Certified),
                // Thirty characters exactly.
                (
                    patch(
                        cert(),
                        json!({"info": {"title": "Contoso Tasks and Projects Hub"}}),
                    ),
                    Profile::Certified,
                ),
            ],
            vec![
                fail((def, Profile::Certified)).at(["/info/title"]),
                fail((def_2, Profile::Certified))
                    .at([format!("{OP}/parameters/0/x-ms-summary")])
                    .then(|f| {
                        assert_eq!(f[0].severity, Severity::Warning);
                    }),
            ],
        )
        .test();
    }
}
