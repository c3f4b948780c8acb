//! `verify-package`: every check of Microsoft's `ConnectorPackageValidator.ps1` (PKG-01..08,
//! see docs/solution-layout.md), cross-platform, plus what the server-side review checks and the script does
//! not: workflow files, connector files, the connector linted with the certified profile and
//! compared with the pull request's files.

use serde::Serialize;
use serde_json::Value;

use super::compare;
use super::safety::{self, Archive, Budget, Limits, Refusal};

use crate::model::{BinaryFile, Connector, DataFile, TextFile};
use crate::rules::{self, Finding, LintOptions, Profile, Severity};

pub(crate) mod checks;

use checks::*;
pub(crate) use checks::{CHECKS, Check};

/// A finding about the package, located by its path inside the nested zips.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub(crate) struct PackageFinding {
    pub(crate) code: &'static str,
    pub(crate) severity: Severity,
    pub(crate) path_in_package: String,
    pub(crate) message: String,
}

/// The lint findings of one connector found inside a solution.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct EmbeddedConnector {
    /// The solution zip's path inside the package; finding files are relative to it.
    pub(crate) path: String,
    pub(crate) name: String,
    pub(crate) profile: Profile,
    pub(crate) findings: Vec<Finding>,
}

/// What a solution zip was classified as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum SolutionKind {
    Connector,
    Flow,
    Plugin,
    Unknown,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct SolutionInfo {
    pub(crate) path: String,
    pub(crate) kind: SolutionKind,
}

/// Which zip a package is: the certification package (intro.md + package zip + solutions)
/// or the flat files zip (`package --kind files`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum PackageKind {
    #[default]
    Certification,
    Files,
}

/// The result of verifying one package.
#[derive(Debug, Clone, Serialize, Default)]
pub(crate) struct VerifyReport {
    pub(crate) package: String,
    /// What the package was checked as.
    pub(crate) kind: PackageKind,
    pub(crate) findings: Vec<PackageFinding>,
    pub(crate) solutions: Vec<SolutionInfo>,
    pub(crate) connectors: Vec<EmbeddedConnector>,
}

impl VerifyReport {
    fn add(&mut self, check: &Check, path: impl Into<String>, message: impl Into<String>) {
        self.findings.push(PackageFinding {
            code: check.code,
            severity: check.severity,
            path_in_package: path.into(),
            message: message.into(),
        });
    }

    /// Every severity, package findings and embedded lint findings together.
    pub(crate) fn severities(&self) -> impl Iterator<Item = Severity> + '_ {
        self.findings.iter().map(|f| f.severity).chain(
            self.connectors
                .iter()
                .flat_map(|c| c.findings.iter().map(|f| f.severity)),
        )
    }

    pub(crate) fn has_at_least(&self, level: Severity) -> bool {
        self.severities().any(|s| s >= level)
    }

    pub(crate) fn count(&self, level: Severity) -> usize {
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
pub(crate) struct VerifyOptions<'a> {
    /// The package carries an AI plugin solution (the validator's second argument).
    pub(crate) plugin: bool,
    /// The pull request's connector folder to compare with.
    pub(crate) against: Option<&'a Connector>,
    pub(crate) limits: Limits,
    /// Check the package as this kind; `None`: a zip with apiDefinition.swagger.json at its
    /// root and no zip there is a files zip, anything else a certification package.
    pub(crate) kind: Option<PackageKind>,
}

/// Why verification could not run.
#[derive(Debug, thiserror::Error)]
pub(crate) enum VerifyError {
    #[error("{0}")]
    Io(String),
    #[error("refusing the package: {0}")]
    Refused(#[from] Refusal),
}

/// Verify a package on disk (PKG-01, then [`verify_bytes`]).
pub(crate) fn verify_path(
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
            &FILE_NOT_ZIP,
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
            &BACKSLASH,
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
            &OS_JUNK,
            a.child_path(&e.name),
            "macOS metadata entry; zip the files without it (e.g. `zip -X`, or connkit package)",
        );
    }
}

/// Verify a package held in memory. Hostile input is refused (`Err`); layout problems are
/// findings.
pub(crate) fn verify_bytes(
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
    let files_zip = match options.kind {
        Some(k) => k == PackageKind::Files,
        None => looks_like_files_zip(&outer),
    };
    if files_zip {
        report.kind = PackageKind::Files;
        check_files_zip(&mut report, &outer, options);
        return Ok(report);
    }

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
        report.add(&ROOT_LAYOUT, name, problems.join("; "));
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
                &ASSETS_FOLDER,
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
        report.add(&ASSETS_CONTENT, &assets_path, problems.join("; "));
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
            &MISSING_KIND,
            &assets_path,
            format!("the package lacks {m}"),
        );
    }
    Ok(report)
}

/// PKG-05..07 and the extra checks for one solution; returns its kind.
mod connector;
mod files;
mod solution;

use connector::*;
use files::*;
use solution::*;

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::testing::*;
    use super::*;

    #[test]
    fn good_package_classifies_both_solutions() {
        let r = verify_bytes("p.zip", &good(), &VerifyOptions::default()).unwrap();
        assert!(r.findings.is_empty(), "{:#?}", r.findings);
        let kinds: Vec<_> = r.solutions.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [SolutionKind::Connector, SolutionKind::Flow]);
        assert_eq!(r.connectors.len(), 2);
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
            let _ = super::super::xml::parse(&s);
        }
    }
}
