//! The solutions of a package: each one's layout, the publisher prefix, the workflows, and
//! the same connector across all of them.

use super::super::safety::Archive;
use super::super::xml::{self, Element};
use super::*;

pub(super) fn check_solution(
    report: &mut VerifyReport,
    a: &Archive,
    options: &VerifyOptions<'_>,
    seen: &mut Vec<SeenConnector>,
) -> SolutionKind {
    check_prefix(report, a);
    let required = ["[Content_Types].xml", "customizations.xml", "solution.xml"];
    let missing: Vec<_> = required.iter().filter(|n| a.file(n).is_none()).collect();
    if !missing.is_empty() {
        report.add(
            &SOLUTION_FILES,
            &a.path,
            format!(
                "missing at the solution root: {} (present by default in an exported solution; policy 5000.1.1.16)",
                missing.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", ")
            ),
        );
    }
    let Some(cust) = a.file("customizations.xml") else {
        return SolutionKind::Unknown;
    };
    let cust_path = a.child_path(&cust.name);
    let mut issues = Vec::new();
    let text = crate::model::parse::decode(&cust.data, &mut issues);
    let root = match xml::parse(&text) {
        Ok(r) => r,
        Err(e) => {
            report.add(
                &SOLUTION_KIND,
                &cust_path,
                format!("customizations.xml cannot be read as XML: {e}"),
            );
            return SolutionKind::Unknown;
        }
    };
    let present = |n: &str| root.find(n).is_some_and(Element::is_non_empty);
    let connector = present("Connector");
    let workflows = present("Workflows");
    let plugin = options.plugin && present("aicopilot_aiplugin");

    // PKG-07 (folders follow the nodes found, as the script checks them).
    let mut need: Vec<&str> = Vec::new();
    if connector || workflows || plugin {
        need.push("Connector");
    }
    if workflows {
        need.push("Workflows");
    }
    if plugin {
        need.extend(["aiplugins", "aipluginoperations"]);
    }
    let absent: Vec<&str> = need.into_iter().filter(|f| !a.has_folder(f)).collect();
    if !absent.is_empty() {
        report.add(
            &SOLUTION_FOLDERS,
            &a.path,
            format!(
                "customizations.xml declares components but the zip has no {} folder{}{}",
                absent.join("/, ") + "/",
                if absent.len() == 1 { "" } else { "s" },
                if absent.contains(&"Workflows") {
                    " (policy 5000.1.1.14)"
                } else {
                    ""
                }
            ),
        );
    }

    // PKG-06.
    let kind = match (connector, workflows, plugin) {
        (true, false, false) => SolutionKind::Connector,
        (true, true, false) => SolutionKind::Flow,
        (true, false, true) => SolutionKind::Plugin,
        _ => SolutionKind::Unknown,
    };
    if kind == SolutionKind::Unknown {
        let why = match (connector, workflows, plugin) {
            (false, true, _) => {
                "it has <Workflows> but no <Connector>: the flow solution must also contain the connector (policy 5000.1.1.7)".to_string()
            }
            (false, false, true) => "it has an AI plugin but no <Connector>".to_string(),
            (true, true, true) => "it has both <Workflows> and an AI plugin; they belong in separate solutions".to_string(),
            _ => "it has no non-empty <Connector>, <Workflows> or aicopilot_aiplugin element".to_string(),
        };
        report.add(
            &SOLUTION_KIND,
            &cust_path,
            format!("cannot classify the solution: {why}"),
        );
    }

    if workflows {
        check_workflows(report, a, &root);
    }
    let mut connectors = Vec::new();
    root.find_all("Connector", &mut connectors);
    for c in connectors.into_iter().filter(|c| c.is_non_empty()) {
        check_connector(report, a, c, options, seen);
    }
    kind
}

/// The publisher's customization prefix in solution.xml follows Dataverse's rules.
pub(super) fn check_prefix(report: &mut VerifyReport, a: &Archive) {
    let Some(sx) = a.file("solution.xml") else {
        return;
    };
    let mut issues = Vec::new();
    let text = crate::model::parse::decode(&sx.data, &mut issues);
    let Ok(root) = xml::parse(&text) else {
        return;
    };
    if let Some(p) = root
        .find("Publisher")
        .and_then(|p| p.child_text("CustomizationPrefix"))
        && let Some(problem) = super::super::build::prefix_problem(p.trim())
    {
        report.add(&PREFIX_INVALID, a.child_path(&sx.name), problem);
    }
}

/// The connector solution's connector is in every other solution, the same one: same
/// name, same id, same definition.
pub(super) fn check_same_connector(report: &mut VerifyReport, seen: &[SeenConnector]) {
    let kind_of = |path: &str| {
        report
            .solutions
            .iter()
            .find(|s| s.path == path)
            .map(|s| s.kind)
            .unwrap_or(SolutionKind::Unknown)
    };
    let base: Vec<&SeenConnector> = seen
        .iter()
        .filter(|c| kind_of(&c.solution) == SolutionKind::Connector)
        .collect();
    let Some(first) = base.first() else {
        return;
    };
    let others: Vec<String> = {
        let mut v: Vec<String> = report
            .solutions
            .iter()
            .filter(|s| s.path != first.solution && s.kind != SolutionKind::Unknown)
            .map(|s| s.path.clone())
            .collect();
        v.dedup();
        v
    };
    let short = |p: &str| p.rsplit('/').next().unwrap_or(p).to_string();
    let mut found = Vec::new();
    for c in &base {
        for other in &others {
            let there: Vec<&SeenConnector> = seen.iter().filter(|s| &s.solution == other).collect();
            let same_name = there.iter().find(|s| s.name.eq_ignore_ascii_case(&c.name));
            let Some(o) = same_name else {
                let names: Vec<String> = there.iter().map(|s| format!("'{}'", s.name)).collect();
                let by_id = there
                    .iter()
                    .find(|s| s.id.is_some() && s.id == c.id)
                    .map(|s| format!(" (the same connectorid is named '{}' there)", s.name))
                    .unwrap_or_default();
                found.push((
                    other.clone(),
                    format!(
                        "{} holds connector '{}' but {} holds {}{by_id}: every solution of the package must carry the same connector (a different publisher prefix gives a different connector)",
                        short(&c.solution),
                        c.name,
                        short(other),
                        if names.is_empty() {
                            "no connector".to_string()
                        } else {
                            format!("only {}", names.join(", "))
                        }
                    ),
                ));
                continue;
            };
            if let (Some(a), Some(b)) = (&c.id, &o.id)
                && !a.eq_ignore_ascii_case(b)
            {
                found.push((
                    other.clone(),
                    format!(
                        "connector '{}' has connectorid {a} in {} but {b} in {}: they are two different connectors",
                        c.name,
                        short(&c.solution),
                        short(other)
                    ),
                ));
            }
            if let (Some(a), Some(b)) = (&c.definition, &o.definition) {
                let labels = (short(&c.solution), short(other));
                let diffs = compare::compare_labelled(a, b, (&labels.0, &labels.1));
                for d in diffs.iter().take(5) {
                    found.push((
                        o.definition_path.clone(),
                        format!(
                            "connector '{}' definition differs between solutions at {}: {}",
                            c.name,
                            pointer_shown(&d.pointer),
                            d.message
                        ),
                    ));
                }
                if diffs.len() > 5 {
                    found.push((
                        o.definition_path.clone(),
                        format!("... and {} more definition differences", diffs.len() - 5),
                    ));
                }
            }
        }
    }
    for (path, msg) in found {
        report.add(&CONNECTOR_INCONSISTENT, path, msg);
    }
}

/// Lint options for a connector rebuilt from a solution. A Dataverse solution does not carry
/// everything the pull-request files do: `publisher` and `stackOwner` live only in the repo's
/// apiProperties.json (compare with `--against` for those), so the rules that require them
/// would fire on every package.
pub(super) fn solution_lint_options() -> LintOptions {
    let mut o = LintOptions::default();
    for code in ["PublisherRequired", "StackOwnerRequired"] {
        if rules::find(code).is_some() {
            o.overrides.insert(code.to_string(), None);
        }
    }
    o
}

/// Strip the leading `/` of a solution-relative path (`/Workflows/x.json`).
pub(super) fn solution_rel(p: &str) -> String {
    p.trim()
        .replace('\\', "/")
        .trim_start_matches('/')
        .to_string()
}

pub(super) fn check_workflows(report: &mut VerifyReport, a: &Archive, root: &Element) {
    let mut wfs = Vec::new();
    root.find_all("Workflow", &mut wfs);
    let mut declared = Vec::new();
    for wf in wfs {
        let label = wf
            .attr("Name")
            .or(wf.attr("WorkflowId"))
            .unwrap_or("(unnamed)");
        match wf.child_text("JsonFileName") {
            Some(f) if !f.is_empty() => {
                let rel = solution_rel(f);
                if a.file(&rel).is_none() {
                    report.add(
                        &WORKFLOW_FILE,
                        a.child_path(&rel),
                        format!("workflow '{label}' names {f}, which is not in the zip"),
                    );
                }
                declared.push(rel.to_lowercase());
            }
            _ => {
                // Only modern (JSON) flows carry a JsonFileName; classic workflows use XAML.
                if wf.child("XamlFileName").is_none() {
                    report.add(
                        &WORKFLOW_FILE,
                        a.child_path("customizations.xml"),
                        format!("workflow '{label}' has no JsonFileName"),
                    );
                }
            }
        }
    }
    for e in a.files_in("Workflows") {
        if ext_is(&e.name, "json") && !declared.contains(&e.name.to_lowercase()) {
            report.add(
                &WORKFLOW_FILE,
                a.child_path(&e.name),
                "workflow file is not declared by any <Workflow> in customizations.xml",
            );
        }
    }
}
