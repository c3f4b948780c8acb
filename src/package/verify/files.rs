//! The older flat files zip (`connkit package --kind files`): apiDefinition.swagger.json,
//! apiProperties.json, icon.png and script.csx at the root. Its layout is checked
//! (`PackageFilesLayoutInvalid`), the connector in it is linted with the certified profile,
//! and with `--against` compared with the pull request's files, as a solution's connector is.

use super::super::safety::Archive;
use super::*;

/// The names `package --kind files` writes (matched ignoring case, as the platform does).
const DEFINITION: &str = "apiDefinition.swagger.json";
const PROPERTIES: &str = "apiProperties.json";
const ICON: &str = "icon.png";
const SCRIPT: &str = "script.csx";

/// A root entry named `name`, ignoring case.
fn root_file<'a>(a: &'a Archive, name: &str) -> Option<&'a safety::Entry> {
    a.files_in("").find(|e| e.name.eq_ignore_ascii_case(name))
}

/// Without `--kind`: a zip with the definition at its root and no zip there is a files zip.
pub(super) fn looks_like_files_zip(a: &Archive) -> bool {
    root_file(a, DEFINITION).is_some() && !a.files_in("").any(|e| ext_is(&e.name, "zip"))
}

pub(super) fn check_files_zip(report: &mut VerifyReport, a: &Archive, options: &VerifyOptions<'_>) {
    let mut problems = Vec::new();
    for required in [DEFINITION, PROPERTIES] {
        if root_file(a, required).is_none() {
            problems.push(format!("no {required} at the root"));
        }
    }
    let folders: Vec<String> = a
        .folders_in("")
        .into_iter()
        .filter(|f| !is_junk(f))
        .collect();
    if !folders.is_empty() {
        problems.push(format!(
            "{} folder{} at the root ({}); zip the connector's files, not their folder",
            folders.len(),
            if folders.len() == 1 { "" } else { "s" },
            folders.join(", ")
        ));
    }
    if !problems.is_empty() {
        report.add(&FILES_LAYOUT, &a.path, problems.join("; "));
    }
    let Some(def) = root_file(a, DEFINITION) else {
        return;
    };
    let text_file = |e: &safety::Entry, name: &str| {
        let mut issues = Vec::new();
        let t = crate::model::parse::decode(&e.data, &mut issues);
        (name.to_string(), t, issues, e.data.len() as u64)
    };
    let data = |e: &safety::Entry, name: &str| {
        let (name, t, issues, _) = text_file(e, name);
        DataFile::from_text(name.clone().into(), name, t, issues, false)
    };
    let model = Connector {
        dir: std::path::PathBuf::new(),
        display: a.path.clone(),
        // A files zip holds no readme or intro: they are not expected in it.
        single_file: true,
        definition: Some(data(def, DEFINITION)),
        properties: root_file(a, PROPERTIES).map(|e| data(e, PROPERTIES)),
        icon: root_file(a, ICON).map(|e| BinaryFile {
            rel_path: ICON.to_string(),
            path: ICON.into(),
            bytes: e.data.clone(),
            issues: Vec::new(),
        }),
        script: root_file(a, SCRIPT).map(|e| {
            let (name, t, issues, len) = text_file(e, SCRIPT);
            TextFile::from_text(name.clone().into(), name, t, len, issues)
        }),
        ..Default::default()
    };
    let findings = rules::lint(&model, Profile::Certified, &LintOptions::default());
    let name = model
        .definition_value()
        .and_then(|v| v.pointer("/info/title"))
        .and_then(Value::as_str)
        .unwrap_or("(untitled)")
        .to_string();
    report.connectors.push(EmbeddedConnector {
        path: a.path.clone(),
        name,
        profile: Profile::Certified,
        findings,
    });

    let Some(pr) = options.against else {
        return;
    };
    super::connector::compare_definition(report, &model, pr, &a.child_path(&def.name), "zip");
    let props_of = |c: &Connector, key: &str| {
        c.properties_value()
            .and_then(|v| v.pointer(&format!("/properties/{key}")))
            .cloned()
    };
    if let Some(props) = root_file(a, PROPERTIES) {
        let path = a.child_path(&props.name);
        for (key, check) in [
            ("connectionParameters", &PARAMETERS_MISMATCH),
            ("policyTemplateInstances", &POLICIES_MISMATCH),
        ] {
            let norm = |v: Option<Value>| match v {
                Some(Value::Array(x)) if x.is_empty() => Value::Null,
                Some(Value::Object(x)) if x.is_empty() => Value::Null,
                Some(v) => v,
                None => Value::Null,
            };
            for d in compare::compare(&norm(props_of(&model, key)), &norm(props_of(pr, key))) {
                report.add(
                    check,
                    &path,
                    format!("{}: {}", pointer_shown(&d.pointer), d.message),
                );
            }
        }
    }
    if let (Some(zip_icon), Some(pr_icon)) = (&model.icon, &pr.icon)
        && zip_icon.bytes != pr_icon.bytes
    {
        report.add(
            &ICON_MISMATCH,
            a.child_path(ICON),
            format!(
                "the icon in the zip ({} bytes) differs from the pull request's {} ({} bytes)",
                zip_icon.bytes.len(),
                pr_icon.rel_path,
                pr_icon.bytes.len()
            ),
        );
    }
}
