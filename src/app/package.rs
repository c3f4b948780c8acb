//! The package sessions: `connkit package` (lint the connector with the certified profile,
//! build the zip, check it as `verify-package` would, write it) and `connkit verify-package`.
//! Rendering is [`crate::report::package`] (and the lint's text renderer).

use std::path::{Path, PathBuf};

use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, Error};
use crate::core::ProfileSource;
use crate::model::Connector;
use crate::package::build::{self, Built, Node, PackageInput};
use crate::package::safety::Refusal;
use crate::package::verify::{self, PackageKind, VerifyOptions, VerifyReport};
use crate::report::{ConnectorReport, LintReport};
use crate::rules::{self, LintOptions, Profile, Severity};

/// What `connkit package` takes.
#[derive(Debug, Clone)]
pub(crate) struct PackageRequest {
    /// The connector folder.
    pub(crate) dir: PathBuf,
    /// Where to write the zip (atomically).
    pub(crate) output: PathBuf,
    pub(crate) kind: PackageKind,
    /// intro.md for the outer zip (default: the connector folder's).
    pub(crate) intro: Option<PathBuf>,
    pub(crate) flow_solution: Option<PathBuf>,
    pub(crate) plugin_solution: Option<PathBuf>,
    pub(crate) connector_solution: Option<PathBuf>,
    /// Publisher customization prefix for the generated solution.
    pub(crate) prefix: Option<String>,
    /// Package even when the certified lint or the package check reports errors.
    pub(crate) allow_errors: bool,
}

/// How a `package` session ended.
#[derive(Debug)]
pub(crate) enum PackageEnd {
    /// The zip was written.
    Written {
        /// The zip's file name.
        name: String,
        size: u64,
        tree: Vec<Node>,
        sha256: String,
    },
    /// The certified lint reports this many errors: nothing was built.
    LintErrors(usize),
    /// The check of the built package reports this many errors: nothing was written.
    PackageErrors(usize),
    /// A usage, I/O or build error, or the built package was refused as unsafe.
    Failed(Error),
}

/// What a `package` session did, in the order it did it.
#[derive(Debug)]
pub(crate) struct PackageOutcome {
    /// The certified lint of the connector, when it has findings.
    pub(crate) lint: Option<LintReport>,
    /// The check of the built package, when it has findings.
    pub(crate) verify: Option<VerifyReport>,
    /// Remarks about uncertain layout choices of the build.
    pub(crate) notes: Vec<String>,
    pub(crate) end: PackageEnd,
}

impl PackageOutcome {
    fn ended(lint: Option<LintReport>, end: PackageEnd) -> PackageOutcome {
        PackageOutcome {
            lint,
            verify: None,
            notes: Vec::new(),
            end,
        }
    }

    /// 0 written, 1 refused over errors, 2 failed.
    pub(crate) fn exit_status(&self) -> u8 {
        match self.end {
            PackageEnd::Written { .. } => EXIT_CLEAN,
            PackageEnd::LintErrors(_) | PackageEnd::PackageErrors(_) => EXIT_FINDINGS,
            PackageEnd::Failed(_) => EXIT_ERROR,
        }
    }
}

fn read_input(p: &Path) -> Result<(String, Vec<u8>), String> {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let limit = crate::package::safety::Limits::default().max_archive_bytes;
    let bytes = crate::fsx::read_capped(p, limit).map_err(|e| format!("{}: {e}", p.display()))?;
    Ok((name, bytes))
}

/// Every file a `package` run reads: the output must never replace one of them.
fn inputs_of(req: &PackageRequest, connector: &Connector) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = [
        &req.intro,
        &req.flow_solution,
        &req.plugin_solution,
        &req.connector_solution,
    ]
    .into_iter()
    .flatten()
    .cloned()
    .collect();
    v.extend(connector.file_paths());
    v
}

fn build(req: &PackageRequest, connector: &Connector) -> Result<Built, String> {
    match req.kind {
        PackageKind::Files => build::build_files(connector).map_err(|e| e.to_string()),
        PackageKind::Certification => {
            let intro = match &req.intro {
                Some(p) => Some(read_input(p)?),
                None => connector
                    .intro
                    .as_ref()
                    .map(|t| (t.rel_path.clone(), t.text.clone().into_bytes())),
            };
            let input = PackageInput {
                intro,
                flow_solution: req.flow_solution.as_deref().map(read_input).transpose()?,
                plugin_solution: req.plugin_solution.as_deref().map(read_input).transpose()?,
                connector_solution: req
                    .connector_solution
                    .as_deref()
                    .map(read_input)
                    .transpose()?,
                prefix: req.prefix.clone(),
            };
            build::build_certification(connector, &input).map_err(|e| e.to_string())
        }
    }
}

/// Run a `package` session.
pub(crate) fn run_package(req: &PackageRequest) -> PackageOutcome {
    if !crate::model::discover::is_connector_dir(&req.dir) {
        let e = Error::Io(format!(
            "{}: no connector found (no apiDefinition.swagger.json or apiProperties.json)",
            req.dir.display()
        ));
        return PackageOutcome::ended(None, PackageEnd::Failed(e));
    }
    let connector = Connector::load_dir(&req.dir, req.dir.display().to_string());
    let findings = rules::lint(&connector, Profile::Certified, &LintOptions::default());
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let lint = (!findings.is_empty()).then(|| LintReport {
        connectors: vec![ConnectorReport {
            path: connector.display.clone(),
            profile: Profile::Certified,
            profile_source: ProfileSource::Flag,
            findings,
        }],
    });
    if errors > 0 && !req.allow_errors {
        return PackageOutcome::ended(lint, PackageEnd::LintErrors(errors));
    }
    let built = match build(req, &connector) {
        Ok(b) => b,
        Err(e) => return PackageOutcome::ended(lint, PackageEnd::Failed(Error::Io(e))),
    };
    let name = req
        .output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "package.zip".into());
    let mut shown = None;
    // Check what was built, exactly as verify-package would, before writing anything.
    {
        let options = VerifyOptions {
            plugin: req.plugin_solution.is_some(),
            against: Some(&connector),
            kind: Some(req.kind),
            ..Default::default()
        };
        let mut r = match verify::verify_bytes(&name, &built.bytes, &options) {
            Ok(r) => r,
            Err(refusal) => {
                let e = Error::Refused(format!("refusing the package: {refusal}"));
                return PackageOutcome::ended(lint, PackageEnd::Failed(e));
            }
        };
        if req.kind == PackageKind::Files {
            // The files zip holds the folder's files as they are: their lint is the one
            // reported above.
            r.connectors.clear();
        }
        let errors = r.count(Severity::Error);
        let failed = r.has_at_least(Severity::Error) && !req.allow_errors;
        if !r.findings.is_empty() || r.connectors.iter().any(|c| !c.findings.is_empty()) {
            shown = Some(r);
        }
        if failed {
            return PackageOutcome {
                lint,
                verify: shown,
                notes: Vec::new(),
                end: PackageEnd::PackageErrors(errors),
            };
        }
    }
    let inputs = inputs_of(req, &connector);
    let end = match crate::fsx::write_output(&req.output, &built.bytes, &inputs) {
        Ok(()) => PackageEnd::Written {
            name,
            size: built.bytes.len() as u64,
            tree: built.tree,
            sha256: built.sha256,
        },
        Err(e) => PackageEnd::Failed(Error::Io(e.to_string())),
    };
    PackageOutcome {
        lint,
        verify: shown,
        notes: built.notes,
        end,
    }
}

/// What `connkit verify-package` takes.
#[derive(Debug, Clone, Default)]
pub(crate) struct VerifyRequest {
    /// The certification package (.zip).
    pub(crate) file: PathBuf,
    /// The package carries an AI plugin solution.
    pub(crate) plugin: bool,
    /// The pull request's connector folder: the connector in every solution must match it.
    pub(crate) against: Option<PathBuf>,
    /// What the zip is (`None`: recognised from its entries).
    pub(crate) kind: Option<PackageKind>,
}

/// Why `verify-package` has no report.
#[derive(Debug, thiserror::Error)]
pub(crate) enum VerifyPackageError {
    /// A usage or I/O error.
    #[error(transparent)]
    Session(#[from] Error),
    /// The package was refused as unsafe or corrupt (`path` is where, inside it).
    #[error("refusing the package: {0}")]
    Refused(Refusal),
}

/// Run a `verify-package` session.
pub(crate) fn run_verify(req: &VerifyRequest) -> Result<VerifyReport, VerifyPackageError> {
    let against = match &req.against {
        Some(d) if crate::model::discover::is_connector_dir(d) => {
            Some(Connector::load_dir(d, d.display().to_string()))
        }
        Some(d) => {
            return Err(Error::Usage(format!(
                "{}: --against needs a connector folder (apiDefinition.swagger.json, apiProperties.json)",
                d.display()
            ))
            .into());
        }
        None => None,
    };
    let options = VerifyOptions {
        plugin: req.plugin,
        against: against.as_ref(),
        kind: req.kind,
        ..Default::default()
    };
    verify::verify_path(&req.file, &options).map_err(|e| match e {
        verify::VerifyError::Io(e) => Error::Io(e).into(),
        verify::VerifyError::Refused(r) => VerifyPackageError::Refused(r),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_that_is_not_a_connector_fails_package_and_verify_with_its_kind() {
        let t = tempfile::tempdir().unwrap();
        let req = PackageRequest {
            dir: t.path().to_path_buf(),
            output: t.path().join("out.zip"),
            kind: PackageKind::Files,
            intro: None,
            flow_solution: None,
            plugin_solution: None,
            connector_solution: None,
            prefix: None,
            allow_errors: false,
        };
        let o = run_package(&req);
        assert!(
            matches!(&o.end, PackageEnd::Failed(Error::Io(m)) if m.contains("no connector found"))
        );
        assert_eq!(o.exit_status(), EXIT_ERROR);
        assert!(!t.path().join("out.zip").exists());
        let e = run_verify(&VerifyRequest {
            file: t.path().join("p.zip"),
            against: Some(t.path().to_path_buf()),
            ..Default::default()
        })
        .unwrap_err();
        assert!(
            matches!(e, VerifyPackageError::Session(Error::Usage(_))),
            "{e:?}"
        );
    }
}
