//! `verify-package`: every check of Microsoft's `ConnectorPackageValidator.ps1` (PKG-01..08,
//! see docs/solution-layout.md), cross-platform, plus what the server-side review checks and the script does
//! not: workflow files, connector files, the connector linted with the certified profile and
//! compared with the pull request's files.

use serde::Serialize;
use serde_json::Value;

use super::compare;
use super::safety::{self, Archive, Budget, Limits, Refusal};
use super::xml::{self, Element};
use crate::model::{BinaryFile, Connector, DataFile, TextFile};
use crate::rules::{self, Finding, LintOptions, Profile, Severity};

/// A package-level check: code, catalog id, severity, summary.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Check {
    pub code: &'static str,
    /// The catalog id (`PKG-02`) or `-` for checks beyond the PowerShell validator.
    pub id: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
}

macro_rules! check {
    ($name:ident, $code:literal, $id:literal, $sev:ident, $summary:literal) => {
        pub const $name: Check = Check {
            code: $code,
            id: $id,
            severity: Severity::$sev,
            summary: $summary,
        };
    };
}

check!(
    FILE_NOT_ZIP,
    "PackageFileNotZip",
    "PKG-01",
    Error,
    "The package must be an existing .zip file, not a folder"
);
check!(
    ROOT_LAYOUT,
    "PackageRootNotSingleMdAndZip",
    "PKG-02",
    Error,
    "The outer zip's root holds no folders, exactly one .md (intro.md) and exactly one .zip (the package)"
);
check!(
    ASSETS_FOLDER,
    "PackageNotSingleAssetsFolder",
    "PKG-03",
    Error,
    "The package zip holds exactly one folder (PkgAssets)"
);
check!(
    ASSETS_CONTENT,
    "PackageAssetsWrongSolutionCount",
    "PKG-04",
    Error,
    "The assets folder has no sub-folders and exactly 2 solution zips (3 with an AI plugin)"
);
check!(
    SOLUTION_FILES,
    "SolutionMissingRootFiles",
    "PKG-05",
    Error,
    "A solution zip has [Content_Types].xml, customizations.xml and solution.xml at its root"
);
check!(
    SOLUTION_KIND,
    "SolutionNotClassifiable",
    "PKG-06",
    Error,
    "customizations.xml must make the solution a connector, flow or AI plugin solution"
);
check!(
    SOLUTION_FOLDERS,
    "SolutionMissingComponentFolder",
    "PKG-07",
    Error,
    "A solution has the folders its components need (Connector/, Workflows/, aiplugins/, aipluginoperations/)"
);
check!(
    MISSING_KIND,
    "PackageMissingSolutionKind",
    "PKG-08",
    Error,
    "The package holds a connector solution, a flow solution and (with --plugin) an AI plugin solution"
);
check!(
    BACKSLASH,
    "PackageEntryBackslashSeparator",
    "-",
    Warning,
    "Zip entry names use '\\' separators (Windows PowerShell Compress-Archive); write '/'"
);
check!(
    OS_JUNK,
    "PackageContainsOsJunk",
    "-",
    Warning,
    "__MACOSX/ or .DS_Store entries (macOS Finder zips); only the artifacts may be present"
);
check!(
    WORKFLOW_FILE,
    "SolutionWorkflowFileMismatch",
    "-",
    Error,
    "Every <Workflow> JsonFileName exists in the zip and every Workflows/*.json is declared (policy 5000.1.1.15)"
);
check!(
    CONNECTOR_FILE,
    "SolutionConnectorFileMissing",
    "-",
    Error,
    "Every file a <Connector> element references exists in the solution zip"
);
check!(
    DEFINITION_MISMATCH,
    "PackageDefinitionMismatch",
    "-",
    Error,
    "The definition inside the solution equals the pull request's apiDefinition.swagger.json"
);
check!(
    PARAMETERS_MISMATCH,
    "PackageConnectionParametersMismatch",
    "-",
    Error,
    "The connection parameters inside the solution equal the pull request's apiProperties.json"
);
check!(
    POLICIES_MISMATCH,
    "PackagePolicyTemplatesMismatch",
    "-",
    Error,
    "The policy template instances inside the solution equal the pull request's apiProperties.json"
);
check!(
    ICON_MISMATCH,
    "PackageIconMismatch",
    "-",
    Warning,
    "The icon inside the solution equals the pull request's icon.png"
);

check!(
    CONNECTOR_INCONSISTENT,
    "PackageConnectorMismatch",
    "-",
    Error,
    "Every solution of the package carries the same connector: same name, same connectorid, same definition (policy 5000.1.1.7)"
);
check!(
    PREFIX_INVALID,
    "SolutionPublisherPrefixInvalid",
    "-",
    Error,
    "The solution publisher's customization prefix follows Dataverse's rules: 2-8 letters and digits, starting with a letter, not 'mscrm'"
);

/// Every package check, in catalog order.
pub const CHECKS: &[Check] = &[
    FILE_NOT_ZIP,
    ROOT_LAYOUT,
    ASSETS_FOLDER,
    ASSETS_CONTENT,
    SOLUTION_FILES,
    SOLUTION_KIND,
    SOLUTION_FOLDERS,
    MISSING_KIND,
    BACKSLASH,
    OS_JUNK,
    WORKFLOW_FILE,
    CONNECTOR_FILE,
    DEFINITION_MISMATCH,
    PARAMETERS_MISMATCH,
    POLICIES_MISMATCH,
    ICON_MISMATCH,
    CONNECTOR_INCONSISTENT,
    PREFIX_INVALID,
];

/// A finding about the package, located by its path inside the nested zips.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PackageFinding {
    pub code: &'static str,
    pub severity: Severity,
    pub path_in_package: String,
    pub message: String,
}

/// The lint findings of one connector found inside a solution.
#[derive(Debug, Clone, Serialize)]
pub struct EmbeddedConnector {
    /// The solution zip's path inside the package; finding files are relative to it.
    pub path: String,
    pub name: String,
    pub profile: Profile,
    pub findings: Vec<Finding>,
}

/// What a solution zip was classified as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SolutionKind {
    Connector,
    Flow,
    Plugin,
    Unknown,
}

#[derive(Debug, Clone, Serialize)]
pub struct SolutionInfo {
    pub path: String,
    pub kind: SolutionKind,
}

/// The result of verifying one package.
#[derive(Debug, Clone, Serialize, Default)]
pub struct VerifyReport {
    pub package: String,
    pub findings: Vec<PackageFinding>,
    pub solutions: Vec<SolutionInfo>,
    pub connectors: Vec<EmbeddedConnector>,
}

impl VerifyReport {
    fn add(&mut self, check: Check, path: impl Into<String>, message: impl Into<String>) {
        self.findings.push(PackageFinding {
            code: check.code,
            severity: check.severity,
            path_in_package: path.into(),
            message: message.into(),
        });
    }

    /// Every severity, package findings and embedded lint findings together.
    pub fn severities(&self) -> impl Iterator<Item = Severity> + '_ {
        self.findings.iter().map(|f| f.severity).chain(
            self.connectors
                .iter()
                .flat_map(|c| c.findings.iter().map(|f| f.severity)),
        )
    }

    pub fn has_at_least(&self, level: Severity) -> bool {
        self.severities().any(|s| s >= level)
    }

    pub fn count(&self, level: Severity) -> usize {
        self.severities().filter(|s| *s == level).count()
    }
}

/// A connector as one solution carries it, for the comparison across solutions.
#[derive(Debug, Clone)]
struct SeenConnector {
    solution: String,
    name: String,
    id: Option<String>,
    definition: Option<Value>,
    definition_path: String,
}

/// How to verify.
#[derive(Debug, Default)]
pub struct VerifyOptions<'a> {
    /// The package carries an AI plugin solution (the validator's second argument).
    pub plugin: bool,
    /// The pull request's connector folder to compare with.
    pub against: Option<&'a Connector>,
    pub limits: Limits,
}

/// Why verification could not run.
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    #[error("{0}")]
    Io(String),
    #[error("refusing the package: {0}")]
    Refused(#[from] Refusal),
}

/// Verify a package on disk (PKG-01, then [`verify_bytes`]).
pub fn verify_path(
    path: &std::path::Path,
    options: &VerifyOptions<'_>,
) -> Result<VerifyReport, VerifyError> {
    let shown = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let meta =
        std::fs::metadata(path).map_err(|e| VerifyError::Io(format!("{}: {e}", path.display())))?;
    let is_zip_name = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
    if meta.is_dir() || !is_zip_name {
        let mut r = VerifyReport {
            package: shown.clone(),
            ..Default::default()
        };
        let what = if meta.is_dir() {
            "is a folder"
        } else {
            "does not end in .zip"
        };
        r.add(
            FILE_NOT_ZIP,
            shown,
            format!("the package {what}; give the certification package .zip file"),
        );
        return Ok(r);
    }
    if meta.len() > options.limits.max_archive_bytes {
        return Err(Refusal {
            path: shown,
            reason: format!(
                "file is {} bytes, over the {} byte limit",
                meta.len(),
                options.limits.max_archive_bytes
            ),
        }
        .into());
    }
    let bytes =
        crate::fsx::read_capped(path, options.limits.max_archive_bytes).map_err(|e| match e {
            crate::fsx::ReadError::TooLarge { .. } => VerifyError::Refused(Refusal {
                path: shown.clone(),
                reason: format!("file is {e}"),
            }),
            e => VerifyError::Io(format!("{}: {e}", path.display())),
        })?;
    Ok(verify_bytes(&shown, &bytes, options)?)
}

fn is_junk(name: &str) -> bool {
    name.split('/')
        .any(|p| p.eq_ignore_ascii_case("__MACOSX") || p.eq_ignore_ascii_case(".DS_Store"))
}

fn ext_is(name: &str, ext: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, e)| e.eq_ignore_ascii_case(ext))
}

fn hygiene(report: &mut VerifyReport, a: &Archive) {
    if let Some(first) = a.backslash_names.first() {
        report.add(
            BACKSLASH,
            a.child_path(first),
            format!(
                "{} entr{} stored with '\\' separators (first: '{first}'); accepted, but Dataverse and most tools expect '/'",
                a.backslash_names.len(),
                if a.backslash_names.len() == 1 { "y" } else { "ies" }
            ),
        );
    }
    for e in a.entries.iter().filter(|e| is_junk(&e.name)) {
        report.add(
            OS_JUNK,
            a.child_path(&e.name),
            "macOS metadata entry; zip the files without it (e.g. `zip -X`, or connkit package)",
        );
    }
}

/// Verify a package held in memory. Hostile input is refused (`Err`); layout problems are
/// findings.
pub fn verify_bytes(
    name: &str,
    bytes: &[u8],
    options: &VerifyOptions<'_>,
) -> Result<VerifyReport, Refusal> {
    let mut budget = Budget::new(options.limits);
    let mut report = VerifyReport {
        package: name.to_string(),
        ..Default::default()
    };
    let outer = safety::read_archive(bytes, name, 1, &mut budget)?;
    hygiene(&mut report, &outer);

    // PKG-02: level 1.
    let folders = outer.folders_in("");
    let mds: Vec<_> = outer
        .files_in("")
        .filter(|e| ext_is(&e.name, "md"))
        .collect();
    let zips: Vec<_> = outer
        .files_in("")
        .filter(|e| ext_is(&e.name, "zip"))
        .collect();
    let mut problems = Vec::new();
    if !folders.is_empty() {
        problems.push(format!(
            "{} folder{} at the root ({}); the package zip must be at the root, not in a folder (policy 5000.1.1.11)",
            folders.len(),
            if folders.len() == 1 { "" } else { "s" },
            folders.join(", ")
        ));
    }
    if mds.len() != 1 {
        problems.push(format!(
            "{} .md files at the root; exactly one (intro.md) is required",
            mds.len()
        ));
    }
    if zips.len() != 1 {
        problems.push(format!(
            "{} .zip files at the root; exactly one (the package zip) is required",
            zips.len()
        ));
    }
    if !problems.is_empty() {
        report.add(ROOT_LAYOUT, name, problems.join("; "));
    }
    let [package_entry] = zips.as_slice() else {
        return Ok(report);
    };

    // PKG-03: level 2.
    let package_path = outer.child_path(&package_entry.name);
    let package = safety::read_archive(&package_entry.data, &package_path, 2, &mut budget)?;
    hygiene(&mut report, &package);
    let folders: Vec<String> = package
        .folders_in("")
        .into_iter()
        .filter(|f| !is_junk(f))
        .collect();
    let assets = match folders.as_slice() {
        [one] => Some(one.clone()),
        _ => {
            report.add(
                ASSETS_FOLDER,
                &package_path,
                format!(
                    "{} folders in the package zip ({}); exactly one assets folder (PkgAssets) is required (policy 5000.1.1.12)",
                    folders.len(),
                    if folders.is_empty() { "none".to_string() } else { folders.join(", ") }
                ),
            );
            folders
                .iter()
                .find(|f| f.eq_ignore_ascii_case("PkgAssets"))
                .cloned()
        }
    };
    let Some(assets) = assets else {
        return Ok(report);
    };

    // PKG-04: level 3.
    let assets_path = package.child_path(&assets);
    let subfolders = package.folders_in(&assets);
    let solutions: Vec<_> = package
        .files_in(&assets)
        .filter(|e| ext_is(&e.name, "zip"))
        .collect();
    let want = if options.plugin { 3 } else { 2 };
    let mut problems = Vec::new();
    if !subfolders.is_empty() {
        problems.push(format!(
            "sub-folders are not allowed ({})",
            subfolders.join(", ")
        ));
    }
    if solutions.len() != want {
        problems.push(format!(
            "{} solution zips; exactly {want} are required{} (policy 5000.1.1.13)",
            solutions.len(),
            if options.plugin {
                " with an AI plugin"
            } else {
                " (connector + flow)"
            }
        ));
    }
    if !problems.is_empty() {
        report.add(ASSETS_CONTENT, &assets_path, problems.join("; "));
    }

    let mut seen: Vec<SeenConnector> = Vec::new();
    for sol in solutions {
        let sol_path = package.child_path(&sol.name);
        let archive = safety::read_archive(&sol.data, &sol_path, 3, &mut budget)?;
        // A zip inside a solution zip would be a fourth level.
        if let Some(nested) = archive.files().find(|e| safety::looks_like_zip(&e.data)) {
            return Err(Refusal {
                path: archive.child_path(&nested.name),
                reason: format!(
                    "a zip nested 4 levels deep; at most {} are expected (outer zip, package zip, solution zip)",
                    options.limits.max_depth
                ),
            });
        }
        hygiene(&mut report, &archive);
        let kind = check_solution(&mut report, &archive, options, &mut seen);
        report.solutions.push(SolutionInfo {
            path: sol_path,
            kind,
        });
    }

    check_same_connector(&mut report, &seen);

    // PKG-08.
    let has = |k: SolutionKind| report.solutions.iter().any(|s| s.kind == k);
    let mut missing = Vec::new();
    if !has(SolutionKind::Connector) {
        missing.push("a connector solution (Connector, no Workflows) (policy 5000.1.1.8)");
    }
    if !has(SolutionKind::Flow) {
        missing.push("a flow solution (Connector and Workflows) (policy 5000.1.1.6)");
    }
    if options.plugin && !has(SolutionKind::Plugin) {
        missing.push("an AI plugin solution (Connector and aicopilot_aiplugin)");
    }
    for m in missing {
        report.add(
            MISSING_KIND,
            &assets_path,
            format!("the package has no {m}"),
        );
    }
    Ok(report)
}

/// PKG-05..07 and the extra checks for one solution; returns its kind.
fn check_solution(
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
            SOLUTION_FILES,
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
                SOLUTION_KIND,
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
            SOLUTION_FOLDERS,
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
            SOLUTION_KIND,
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
fn check_prefix(report: &mut VerifyReport, a: &Archive) {
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
        && let Some(problem) = super::build::prefix_problem(p.trim())
    {
        report.add(PREFIX_INVALID, a.child_path(&sx.name), problem);
    }
}

/// The connector solution's connector is in every other solution, the same one: same
/// name, same id, same definition.
fn check_same_connector(report: &mut VerifyReport, seen: &[SeenConnector]) {
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
        report.add(CONNECTOR_INCONSISTENT, path, msg);
    }
}

/// Lint options for a connector rebuilt from a solution. A Dataverse solution does not carry
/// everything the pull-request files do: `publisher` and `stackOwner` live only in the repo's
/// apiProperties.json (compare with `--against` for those), so the rules that require them
/// would fire on every package.
fn solution_lint_options() -> LintOptions {
    let mut o = LintOptions::default();
    for code in ["PublisherRequired", "StackOwnerRequired"] {
        if rules::find(code).is_some() {
            o.overrides.insert(code.to_string(), None);
        }
    }
    o
}

/// Strip the leading `/` of a solution-relative path (`/Workflows/x.json`).
fn solution_rel(p: &str) -> String {
    p.trim()
        .replace('\\', "/")
        .trim_start_matches('/')
        .to_string()
}

fn check_workflows(report: &mut VerifyReport, a: &Archive, root: &Element) {
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
                        WORKFLOW_FILE,
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
                        WORKFLOW_FILE,
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
                WORKFLOW_FILE,
                a.child_path(&e.name),
                "workflow file is not declared by any <Workflow> in customizations.xml",
            );
        }
    }
}

const CONNECTOR_FILE_ELEMENTS: &[&str] = &[
    "openapidefinition",
    "connectionparameters",
    "connectionparametersets",
    "policytemplateinstances",
    "iconblob",
    "script",
];

fn check_connector(
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
                    CONNECTOR_FILE,
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
            CONNECTOR_FILE,
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
    let def_path = a.child_path(&def.name);
    match (model.definition_value(), pr.definition_value()) {
        (Some(l), Some(r)) => {
            for d in compare::compare(l, r) {
                report.add(
                    DEFINITION_MISMATCH,
                    &def_path,
                    format!("{}: {}", pointer_shown(&d.pointer), d.message),
                );
            }
        }
        (None, _) => report.add(
            DEFINITION_MISMATCH,
            &def_path,
            "the definition in the solution cannot be parsed, so it cannot be compared",
        ),
        (_, None) => {}
    }
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
            PARAMETERS_MISMATCH,
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
            POLICIES_MISMATCH,
            &pol_path,
            format!("{}: {}", pointer_shown(&d.pointer), d.message),
        );
    }
    if let (Some(sol_icon), Some(pr_icon)) = (&model.icon, &pr.icon)
        && sol_icon.bytes != pr_icon.bytes
    {
        report.add(
            ICON_MISMATCH,
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

fn pointer_shown(p: &str) -> &str {
    if p.is_empty() { "(root)" } else { p }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;

    use super::*;
    use crate::package::build::write_zip;

    fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let m: BTreeMap<String, Vec<u8>> = entries
            .iter()
            .map(|(n, d)| (n.to_string(), d.to_vec()))
            .collect();
        write_zip(&m).unwrap()
    }

    fn solution(cust: &str, extra: &[(&str, &[u8])]) -> Vec<u8> {
        let mut e: Vec<(&str, &[u8])> = vec![
            ("[Content_Types].xml", b"<Types/>"),
            ("customizations.xml", cust.as_bytes()),
            ("solution.xml", b"<ImportExportXml/>"),
        ];
        e.extend_from_slice(extra);
        zip(&e)
    }

    fn good() -> Vec<u8> {
        let def = br#"{"swagger":"2.0","info":{"title":"T","version":"1.0"},"paths":{}}"#;
        let conn = "<Connectors><Connector><name>p_t</name><openapidefinition>/Connector/p_t_openapidefinition.json</openapidefinition></Connector></Connectors>";
        let c = solution(
            &format!("<I><Workflows/>{conn}</I>"),
            &[("Connector/p_t_openapidefinition.json", def)],
        );
        let f = solution(
            &format!(
                "<I><Workflows><Workflow Name=\"w\"><JsonFileName>/Workflows/w.json</JsonFileName></Workflow></Workflows>{conn}</I>"
            ),
            &[
                ("Connector/p_t_openapidefinition.json", def),
                ("Workflows/w.json", b"{}"),
            ],
        );
        let package = zip(&[("PkgAssets/c.zip", &c), ("PkgAssets/f.zip", &f)]);
        zip(&[("intro.md", b"# x"), ("package.zip", &package)])
    }

    #[test]
    fn good_package_classifies_both_solutions() {
        let r = verify_bytes("p.zip", &good(), &VerifyOptions::default()).unwrap();
        assert!(r.findings.is_empty(), "{:#?}", r.findings);
        let kinds: Vec<_> = r.solutions.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [SolutionKind::Connector, SolutionKind::Flow]);
        assert_eq!(r.connectors.len(), 2);
    }

    #[test]
    fn every_check_has_a_distinct_code() {
        let mut codes: Vec<_> = CHECKS.iter().map(|c| c.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), CHECKS.len());
        let ids: Vec<_> = CHECKS.iter().map(|c| c.id).filter(|i| *i != "-").collect();
        assert_eq!(
            ids,
            [
                "PKG-01", "PKG-02", "PKG-03", "PKG-04", "PKG-05", "PKG-06", "PKG-07", "PKG-08"
            ]
        );
    }

    fn with_params(params: Option<&[u8]>) -> Vec<u8> {
        let def = br#"{"swagger":"2.0","info":{"title":"T","version":"1.0"},"paths":{}}"#;
        let conn = "<Connectors><Connector><name>p_t</name><openapidefinition>/Connector/p_t_openapidefinition.json</openapidefinition><connectionparameters>/Connector/p_t_connectionparameters.json</connectionparameters></Connector></Connectors>";
        let mut files: Vec<(&str, &[u8])> = vec![("Connector/p_t_openapidefinition.json", def)];
        if let Some(p) = params {
            files.push(("Connector/p_t_connectionparameters.json", p));
        }
        let c = solution(&format!("<I>{conn}</I>"), &files);
        let package = zip(&[("PkgAssets/c.zip", &c)]);
        zip(&[("intro.md", b"# x"), ("package.zip", &package)])
    }

    #[test]
    fn a_missing_file_is_reported_once_not_also_as_a_mismatch() {
        let pr = crate::rules::testing::connector_from(
            serde_json::json!({"swagger":"2.0","info":{"title":"T","version":"1.0"},"paths":{}}),
            Some(
                serde_json::json!({"properties": {"connectionParameters": {"k": {"type": "string"}}}}),
            ),
        );
        let options = VerifyOptions {
            against: Some(&pr),
            ..Default::default()
        };
        let codes = |bytes: Vec<u8>| -> Vec<&'static str> {
            verify_bytes("p.zip", &bytes, &options)
                .unwrap()
                .findings
                .iter()
                .map(|f| f.code)
                .filter(|c| !c.starts_with("PackageAssets") && *c != MISSING_KIND.code)
                .collect()
        };
        assert_eq!(codes(with_params(None)), [CONNECTOR_FILE.code]);
        assert_eq!(codes(with_params(Some(b"{}"))), [PARAMETERS_MISMATCH.code]);
        assert!(codes(with_params(Some(br#"{"k":{"type":"string"}}"#))).is_empty());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Damaged packages are refused or reported, never a panic.
        #[test]
        fn damaged_packages_never_panic(flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..8)) {
            let mut bytes = good();
            let len = bytes.len();
            for (at, v) in flips {
                bytes[at % len] = v;
            }
            let _ = verify_bytes("p.zip", &bytes, &VerifyOptions::default());
        }

        #[test]
        fn any_text_is_parsed_or_rejected_as_xml(s in "[<>/a-zA-Z =\"'&;#x!?\\[\\]-]{0,200}") {
            let _ = xml::parse(&s);
        }
    }
}
