//! The connector inside a solution: its files, linted with the certified profile, and
//! compared with the pull request's folder.

use serde_json::Value;

use super::super::safety::Archive;
use super::super::xml::Element;
use super::*;

pub(super) const CONNECTOR_FILE_ELEMENTS: &[&str] = &[
    "openapidefinition",
    "connectionparameters",
    "connectionparametersets",
    "policytemplateinstances",
    "iconblob",
    "script",
];

pub(super) fn check_connector(
    report: &mut VerifyReport,
    a: &Archive,
    c: &Element,
    options: &VerifyOptions<'_>,
    seen: &mut Vec<SeenConnector>,
) {
    let name = c.child_text("name").unwrap_or("(unnamed)").to_string();
    let mut files: Vec<(&str, String)> = Vec::new();
    // Elements whose file is missing: already reported, so not compared again.
    let mut missing: Vec<&str> = Vec::new();
    for el in CONNECTOR_FILE_ELEMENTS {
        if let Some(p) = c.child_text(el).filter(|p| !p.is_empty()) {
            let rel = solution_rel(p);
            if a.file(&rel).is_none() {
                missing.push(el);
                report.add(
                    &CONNECTOR_FILE,
                    a.child_path(&rel),
                    format!("connector '{name}' <{el}> names {p}, which is not in the zip"),
                );
            } else {
                files.push((el, rel));
            }
        }
    }
    if c.child_text("openapidefinition").is_none_or(str::is_empty) {
        report.add(
            &CONNECTOR_FILE,
            a.child_path("customizations.xml"),
            format!("connector '{name}' has no <openapidefinition>"),
        );
    }
    let get = |el: &str| {
        files
            .iter()
            .find(|(k, _)| *k == el)
            .and_then(|(_, rel)| a.file(rel))
    };
    let Some(def) = get("openapidefinition") else {
        return;
    };
    let text_of = |e: &safety::Entry| {
        let mut issues = Vec::new();
        let t = crate::model::parse::decode(&e.data, &mut issues);
        (t, issues)
    };
    let json_of = |el: &str| -> Option<Value> {
        let e = get(el)?;
        let (t, _) = text_of(e);
        let f = DataFile::from_text(e.name.clone().into(), e.name.clone(), t, Vec::new(), false);
        f.value
    };

    // The connector as the solution carries it, in memory.
    let (def_text, def_issues) = text_of(def);
    let definition = DataFile::from_text(
        def.name.clone().into(),
        def.name.clone(),
        def_text,
        def_issues,
        false,
    );
    let params = json_of("connectionparameters");
    let policies = json_of("policytemplateinstances");
    let param_sets = json_of("connectionparametersets");
    // apiProperties as paconn would write it from what the solution holds. Fields the
    // solution does not carry (publisher, stackOwner, capabilities) come from --against.
    let mut props = serde_json::Map::new();
    if let Some(Value::Object(pr)) = options
        .against
        .and_then(|c| c.properties_value())
        .and_then(|v| v.get("properties"))
    {
        for (k, v) in pr {
            props.insert(k.clone(), v.clone());
        }
    }
    match &params {
        Some(v) if !v.is_null() => {
            props.insert("connectionParameters".into(), v.clone());
        }
        _ => {
            props.remove("connectionParameters");
        }
    }
    match &param_sets {
        Some(v) if !v.is_null() => {
            props.insert("connectionParameterSets".into(), v.clone());
        }
        _ => {
            props.remove("connectionParameterSets");
        }
    }
    match &policies {
        Some(v) if !v.is_null() => {
            props.insert("policyTemplateInstances".into(), v.clone());
        }
        _ => {
            props.remove("policyTemplateInstances");
        }
    }
    if let Some(color) = c.child_text("iconbrandcolor").filter(|s| !s.is_empty()) {
        props.insert("iconBrandColor".into(), Value::String(color.to_string()));
    }
    let props_text = serde_json::to_string_pretty(&serde_json::json!({ "properties": props }))
        .unwrap_or_default();
    let icon = get("iconblob").map(|e| BinaryFile {
        rel_path: e.name.clone(),
        path: e.name.clone().into(),
        bytes: e.data.clone(),
        issues: Vec::new(),
    });
    let script = get("script").map(|e| {
        let (t, issues) = text_of(e);
        TextFile::from_text(
            e.name.clone().into(),
            e.name.clone(),
            t,
            e.data.len() as u64,
            issues,
        )
    });
    let model = Connector {
        dir: std::path::PathBuf::new(),
        display: a.path.clone(),
        // A solution is not a connector folder: readme/intro are not expected inside it.
        single_file: true,
        properties: Some(DataFile::from_text(
            "apiProperties.json".into(),
            "apiProperties.json".into(),
            props_text,
            Vec::new(),
            false,
        )),
        definition: Some(definition),
        icon,
        script,
        ..Default::default()
    };
    seen.push(SeenConnector {
        solution: a.path.clone(),
        name: name.trim().to_string(),
        id: c
            .child_text("connectorid")
            .map(|s| s.trim().trim_matches(['{', '}']).to_string())
            .filter(|s| !s.is_empty()),
        definition: model.definition_value().cloned(),
        definition_path: a.child_path(&def.name),
    });
    let findings = rules::lint(&model, Profile::Certified, &solution_lint_options());
    report.connectors.push(EmbeddedConnector {
        path: a.path.clone(),
        name: name.clone(),
        profile: Profile::Certified,
        findings,
    });

    // Compare with the pull request's files.
    let Some(pr) = options.against else {
        return;
    };
    compare_definition(report, &model, pr, &a.child_path(&def.name), "solution");
    let pr_props = pr.properties_value().and_then(|v| v.get("properties"));
    let pr_params = pr_props
        .and_then(|p| p.get("connectionParameters"))
        .cloned()
        .unwrap_or_else(|| serde_json::json!({}));
    let sol_params = params.clone().unwrap_or_else(|| serde_json::json!({}));
    let params_path = files
        .iter()
        .find(|(k, _)| *k == "connectionparameters")
        .map(|(_, r)| a.child_path(r))
        .unwrap_or_else(|| a.child_path("customizations.xml"));
    let params_diffs = if missing.contains(&"connectionparameters") {
        Vec::new()
    } else {
        compare::compare(&sol_params, &pr_params)
    };
    for d in params_diffs {
        report.add(
            &PARAMETERS_MISMATCH,
            &params_path,
            format!("{}: {}", pointer_shown(&d.pointer), d.message),
        );
    }
    let empty_as_null = |v: Option<Value>| match v {
        Some(Value::Array(a)) if a.is_empty() => Value::Null,
        Some(v) => v,
        None => Value::Null,
    };
    let sol_pol = empty_as_null(policies);
    let pr_pol = empty_as_null(
        pr_props
            .and_then(|p| p.get("policyTemplateInstances"))
            .cloned(),
    );
    let pol_path = files
        .iter()
        .find(|(k, _)| *k == "policytemplateinstances")
        .map(|(_, r)| a.child_path(r))
        .unwrap_or_else(|| a.child_path("customizations.xml"));
    let policy_diffs = if missing.contains(&"policytemplateinstances") {
        Vec::new()
    } else {
        compare::compare(&sol_pol, &pr_pol)
    };
    for d in policy_diffs {
        report.add(
            &POLICIES_MISMATCH,
            &pol_path,
            format!("{}: {}", pointer_shown(&d.pointer), d.message),
        );
    }
    if let (Some(sol_icon), Some(pr_icon)) = (&model.icon, &pr.icon)
        && sol_icon.bytes != pr_icon.bytes
    {
        report.add(
            &ICON_MISMATCH,
            a.child_path(&sol_icon.rel_path),
            format!(
                "the icon in the solution ({} bytes) differs from the pull request's {} ({} bytes)",
                sol_icon.bytes.len(),
                pr_icon.rel_path,
                pr_icon.bytes.len()
            ),
        );
    }
}

/// Compare the packaged definition with the pull request's (`--against`): each difference a
/// DefinitionMismatch at the packaged file; `container` names what holds it ("solution",
/// "zip") when it cannot be parsed.
pub(super) fn compare_definition(
    report: &mut VerifyReport,
    packaged: &Connector,
    pr: &Connector,
    def_path: &str,
    container: &str,
) {
    match (packaged.definition_value(), pr.definition_value()) {
        (Some(l), Some(r)) => {
            for d in compare::compare(l, r) {
                report.add(
                    &DEFINITION_MISMATCH,
                    def_path,
                    format!("{}: {}", pointer_shown(&d.pointer), d.message),
                );
            }
        }
        (None, _) => report.add(
            &DEFINITION_MISMATCH,
            def_path,
            format!("the definition in the {container} cannot be parsed, so it cannot be compared"),
        ),
        (_, None) => {}
    }
}

pub(super) fn pointer_shown(p: &str) -> &str {
    if p.is_empty() { "(root)" } else { p }
}
