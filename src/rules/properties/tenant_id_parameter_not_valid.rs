use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// The `token:TenantId` parameter is not exactly the block the platform expects
    ///
    /// ### Why
    /// `token:TenantId` is a special parameter that lets an Azure AD connection pick the tenant.
    /// Microsoft's validator compares it with a fixed block and reports any difference — even in
    /// the description text, whose odd wording must be copied as is:
    ///
    /// ```json
    /// "token:TenantId": {
    ///   "type": "string",
    ///   "metadata": {"sourceType": "AzureActiveDirectoryTenant"},
    ///   "uiDefinition": {
    ///     "displayName": "Tenant",
    ///     "description": "The tenant ID of for the Azure Active Directory application",
    ///     "constraints": {"required": "false", "hidden": "true"}
    ///   }
    /// }
    /// ```
    ///
    /// ### Example
    /// Bad: `"token:TenantId": {"type": "string", "uiDefinition": {"description": "The tenant ID"}}`
    /// Good: the block above, copied as is.
    ///
    /// ### Evidence
    /// Calibration: a wrong `type` or `metadata.sourceType` is an error (the parameter no longer
    /// works). Text and constraint differences are warnings, and an absent `displayName` or
    /// `description` is accepted: 8 certified connectors changed in 2024 omit both or word them
    /// differently (Tikit, Team Forms, OrbusInfinity, 3E Events, …), although Microsoft's validator
    /// has reported a differing description as Critical in the past (errors on connectors changed
    /// in 2024: 8 before, 0 after).
    pub(crate) static TENANT_ID_PARAMETER_NOT_VALID: Rule {
        code: "TenantIdParameterNotValid",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: Some("Invalid value for the description property within the UI Definition object."),
        file: FileKind::Properties,
        source: S_AP,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for p in conn_params(cx) {
        if p.name != "token:TenantId" {
            continue;
        }
        let v = p.value;
        let ui = v.get("uiDefinition");
        let c = ui.and_then(|u| u.get("constraints"));
        // (message, whether it breaks the parameter) ; text differences are warnings.
        let mut diffs: Vec<(&str, bool)> = Vec::new();
        if str_at(v, "type") != Some("string") {
            diffs.push(("type must be \"string\"", true));
        }
        if v.get("metadata").and_then(|m| str_at(m, "sourceType"))
            != Some("AzureActiveDirectoryTenant")
        {
            diffs.push((
                "metadata.sourceType must be \"AzureActiveDirectoryTenant\"",
                true,
            ));
        }
        if ui
            .and_then(|u| u.get("displayName"))
            .is_some_and(|d| d.as_str() != Some("Tenant"))
        {
            diffs.push(("uiDefinition.displayName should be \"Tenant\"", false));
        }
        if ui
            .and_then(|u| u.get("description"))
            .is_some_and(|d| d.as_str() != Some(TENANT_DESCRIPTION))
        {
            diffs.push(("uiDefinition.description should be exactly \"The tenant ID of for the Azure Active Directory application\"", false));
        }
        let flag = |k: &str| {
            c.and_then(|c| c.get(k)).map(|x| match x {
                Value::String(s) => s.to_ascii_lowercase(),
                other => other.to_string(),
            })
        };
        if flag("required").as_deref() != Some("false") {
            diffs.push((
                "uiDefinition.constraints.required should be \"false\"",
                false,
            ));
        }
        if flag("hidden").as_deref() != Some("true") {
            diffs.push(("uiDefinition.constraints.hidden should be \"true\"", false));
        }
        for (d, breaks) in diffs {
            let sev = if breaks {
                Severity::Error
            } else {
                Severity::Warning
            };
            sink.emit_with(
                sev,
                FileKind::Properties,
                p.pointer.clone(),
                format!("token:TenantId: {d}"),
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
    fn tenant_id_block() {
        let exact = json!({"type": "string", "metadata": {"sourceType": "AzureActiveDirectoryTenant"},
            "uiDefinition": {"displayName": "Tenant", "description": TENANT_DESCRIPTION,
            "constraints": {"required": "false", "hidden": "true"}}});
        let mut other_description = exact.clone();
        other_description["uiDefinition"]["description"] = json!("The tenant ID");
        let tenant = |p: Value| {
            (
                with_props(with(json!({"connectionParameters": {"token:TenantId": p}}))),
                Profile::Custom,
            )
        };
        Tester::new(
            &TENANT_ID_PARAMETER_NOT_VALID,
            vec![tenant(exact)],
            vec![
                fail(tenant(other_description))
                    .count(1)
                    .then(|f| assert!(f[0].message.contains("description"))),
                fail(tenant(
                    json!({"uiDefinition": {"description": "The tenant ID"}}),
                ))
                .then(|f| assert!(f.len() > 1)),
            ],
        )
        .test();
    }
}
