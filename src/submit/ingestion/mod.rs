//! The Partner Center Ingestion API v1.0 submission sequence (submission.md B.2), written as a
//! plan of steps: `--dry-run` prints the plan, a real run executes the same list.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use serde::Serialize;
use serde_json::{Value, json};

use super::http::{
    Http, HttpError, Idempotency, Log, Method, Request, Response, Secret, redact_text, redact_url,
    retryable_status,
};
use super::token::TokenSource;
use super::upload;

pub(crate) const DEFAULT_API_URL: &str = "https://api.partner.microsoft.com/v1.0/ingestion";
pub(crate) const DEFAULT_AUTHORITY: &str = "https://login.microsoftonline.com";
pub(crate) const RESOURCE: &str = "https://api.partner.microsoft.com";

/// What `submit` was asked to do.
#[derive(Clone, Debug)]
pub(crate) struct Options {
    pub(crate) product_id: String,
    pub(crate) api_url: String,
    /// The package file name sent in the create request.
    pub(crate) file_name: String,
    /// The package `resourceType`; defaults to the type already referenced by the package
    /// configuration.
    pub(crate) package_type: Option<String>,
    pub(crate) force: bool,
    pub(crate) wait: bool,
    pub(crate) go_live: bool,
    pub(crate) poll_interval: Duration,
}

/// One step of the sequence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    Token,
    GetProduct,
    ListSubmissions,
    CheckLatestSubmission,
    CancelInProgress,
    GetPackageBranch,
    GetPackageConfiguration,
    CreatePackage,
    UploadPackage,
    MarkUploaded,
    WaitProcessed,
    UpdatePackageConfiguration,
    CreateSubmission,
    WaitSubmission,
    Promote,
}

/// The ordered steps for these options.
pub(crate) fn plan(opts: &Options) -> Vec<Step> {
    use Step::*;
    let mut steps = vec![Token, GetProduct, ListSubmissions, CheckLatestSubmission];
    if opts.force {
        steps.push(CancelInProgress);
    }
    steps.extend([
        GetPackageBranch,
        GetPackageConfiguration,
        CreatePackage,
        UploadPackage,
        MarkUploaded,
        WaitProcessed,
        UpdatePackageConfiguration,
        CreateSubmission,
    ]);
    if opts.wait || opts.go_live {
        steps.push(WaitSubmission);
    }
    if opts.go_live {
        steps.push(Promote);
    }
    steps
}

/// A planned HTTP call, as `--dry-run` prints it (URLs never hold secrets here).
#[derive(Debug, Serialize)]
pub(crate) struct PlannedCall {
    pub(crate) step: &'static str,
    pub(crate) method: &'static str,
    pub(crate) url: String,
    pub(crate) note: String,
}

/// What `submit --dry-run` would do.
#[derive(Debug)]
pub(crate) struct DryRun {
    pub(crate) file_name: String,
    pub(crate) bytes: usize,
    pub(crate) sha256: String,
    pub(crate) tenant_set: bool,
    pub(crate) client_set: bool,
    /// `set`, `missing` or `stdin (not read in a dry run)`.
    pub(crate) secret_source: &'static str,
    pub(crate) calls: Vec<PlannedCall>,
    /// Missing credentials: a real run would stop here.
    pub(crate) problem: Option<String>,
}

impl Step {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Step::Token => "token",
            Step::GetProduct => "get-product",
            Step::ListSubmissions => "list-submissions",
            Step::CheckLatestSubmission => "check-latest-submission",
            Step::CancelInProgress => "cancel-in-progress",
            Step::GetPackageBranch => "get-package-branch",
            Step::GetPackageConfiguration => "get-package-configuration",
            Step::CreatePackage => "create-package",
            Step::UploadPackage => "upload-package",
            Step::MarkUploaded => "mark-uploaded",
            Step::WaitProcessed => "wait-processed",
            Step::UpdatePackageConfiguration => "update-package-configuration",
            Step::CreateSubmission => "create-submission",
            Step::WaitSubmission => "wait-submission",
            Step::Promote => "promote",
        }
    }

    pub(crate) fn describe(self, opts: &Options, token_url: &str, token_body: &str) -> PlannedCall {
        let p = format!(
            "{}/products/{}",
            opts.api_url.trim_end_matches('/'),
            opts.product_id
        );
        let (method, url, note): (&str, String, String) = match self {
            Step::Token => ("POST", token_url.to_string(), token_body.to_string()),
            Step::GetProduct => ("GET", p.clone(), "check access to the product".into()),
            Step::ListSubmissions => (
                "GET",
                format!("{p}/submissions"),
                "find the latest submission".into(),
            ),
            Step::CheckLatestSubmission => (
                "GET",
                format!("{p}/submissions/{{latestSubmissionId}}"),
                if opts.force {
                    "if one is in progress it is cancelled (--force)".into()
                } else {
                    "if one is in progress, stop (cancel it with --force)".into()
                },
            ),
            Step::CancelInProgress => (
                "DELETE",
                format!("{p}/submissions/{{latestSubmissionId}}"),
                "only when that submission is in progress".into(),
            ),
            Step::GetPackageBranch => (
                "GET",
                format!("{p}/branches/getByModule(module=Package)"),
                "the Package branch (no variant) and its currentDraftInstanceID".into(),
            ),
            Step::GetPackageConfiguration => (
                "GET",
                format!(
                    "{p}/packageConfigurations/getByInstanceID(instanceID={{currentDraftInstanceID}})"
                ),
                "exactly one package configuration; keep its id and @odata.etag".into(),
            ),
            Step::CreatePackage => (
                "POST",
                format!("{p}/packages"),
                format!(
                    "{{\"resourceType\": \"{}\", \"fileName\": \"{}\"}}; returns fileSasUri",
                    opts.package_type
                        .as_deref()
                        .unwrap_or("<the type referenced by the package configuration>"),
                    opts.file_name
                ),
            ),
            Step::UploadPackage => (
                "PUT",
                "{fileSasUri}".into(),
                "x-ms-blob-type: BlockBlob, no Authorization header; expect 201".into(),
            ),
            Step::MarkUploaded => (
                "PUT",
                format!("{p}/packages/{{packageId}}"),
                "state \"Uploaded\", If-Match: {package etag}".into(),
            ),
            Step::WaitProcessed => (
                "GET",
                format!("{p}/packages/{{packageId}}"),
                format!(
                    "every {}s until Processed or ProcessFailed",
                    opts.poll_interval.as_secs()
                ),
            ),
            Step::UpdatePackageConfiguration => (
                "PUT",
                format!("{p}/packageconfigurations/{{packageConfigurationId}}"),
                "packageReferences -> the new package, If-Match: {configuration etag}".into(),
            ),
            Step::CreateSubmission => (
                "POST",
                format!("{p}/submissions"),
                "SubmissionCreationRequest, target Scope=preview, resources Package={currentDraftInstanceID}".into(),
            ),
            Step::WaitSubmission => (
                "GET",
                format!("{p}/submissions/{{submissionId}} + .../workflowdetails"),
                format!(
                    "every {}s until Published/ReadyToPublish or a failure",
                    opts.poll_interval.as_secs()
                ),
            ),
            Step::Promote => (
                "POST",
                format!("{p}/submissions/{{submissionId}}/promote"),
                "GO LIVE (--go-live), only when Published/ReadyToPublish".into(),
            ),
        };
        PlannedCall {
            step: self.name(),
            method,
            url,
            note,
        }
    }
}

/// A workflow step as last seen.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct WorkflowStep {
    pub(crate) name: String,
    pub(crate) state: String,
}

/// What happened, for the final report (text or `--format json`).
#[derive(Debug, Default, Serialize)]
pub(crate) struct Outcome {
    pub(crate) product_id: String,
    pub(crate) product_type: Option<String>,
    pub(crate) cancelled_submission_id: Option<String>,
    pub(crate) package_branch_instance_id: Option<String>,
    pub(crate) package_configuration_id: Option<String>,
    pub(crate) package_type: Option<String>,
    pub(crate) package_id: Option<String>,
    pub(crate) package_state: Option<String>,
    pub(crate) upload: Option<upload::UploadResult>,
    pub(crate) submission_id: Option<String>,
    pub(crate) submission_state: Option<String>,
    pub(crate) submission_substate: Option<String>,
    pub(crate) workflow: Vec<WorkflowStep>,
    pub(crate) validation_messages: Vec<String>,
    pub(crate) promoted: bool,
    pub(crate) tokens_acquired: u32,
}

/// How a run ended badly.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The service rejected the package or the submission (exit 1).
    Rejected(String),
    /// Configuration, access, network, conflict or time limit (exit 2).
    Error(String),
}

impl Failure {
    pub(crate) fn message(&self) -> &str {
        match self {
            Failure::Rejected(m) | Failure::Error(m) => m,
        }
    }
}

type R<T> = Result<T, Failure>;

fn err<T>(m: impl Into<String>) -> R<T> {
    Err(Failure::Error(m.into()))
}

/// A string field, accepting several spellings (`id`/`ID`, ...).
fn field(v: &Value, names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| match v.get(*n)? {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

fn id_of(v: &Value) -> Option<String> {
    field(v, &["id", "ID", "Id"])
}

fn etag_of(v: &Value, resp: &Response) -> Option<String> {
    field(v, &["@odata.etag", "odata.etag", "etag", "eTag"])
        .or_else(|| resp.header("etag").map(str::to_string))
}

fn state_of(v: &Value) -> String {
    field(v, &["state", "State"]).unwrap_or_default()
}

fn substate_of(v: &Value) -> String {
    field(v, &["substate", "subState", "Substate"]).unwrap_or_default()
}

/// The items of a collection body.
fn items(v: &Value) -> Vec<Value> {
    match v {
        Value::Array(a) => a.clone(),
        _ => match v.get("value") {
            Some(Value::Array(a)) => a.clone(),
            _ => Vec::new(),
        },
    }
}

fn next_link(v: &Value) -> Option<String> {
    field(
        v,
        &["nextLink", "@nextLink", "@odata.nextLink", "odata.nextLink"],
    )
}

/// A short, redacted description of an error response.
fn describe_response(resp: &Response) -> String {
    let mut m = format!("HTTP {}", resp.status);
    if let Some(v) = resp.json() {
        let msg = field(&v, &["message", "Message"])
            .or_else(|| v.get("error").and_then(|e| field(e, &["message", "code"])))
            .or_else(|| field(&v, &["error", "code"]));
        if let Some(s) = msg {
            m.push_str(": ");
            m.push_str(&redact_text(&s.chars().take(300).collect::<String>()));
        }
    }
    for h in [
        "request-id",
        "x-ms-request-id",
        "ms-correlationid",
        "ms-requestid",
    ] {
        if let Some(id) = resp.header(h) {
            m.push_str(&format!(" ({h}: {})", redact_text(id)));
            break;
        }
    }
    m.push_str(resp.truncation_note());
    m
}

/// Substates that mean a submission is finished with a failure.
fn failed_substate(s: &str) -> bool {
    matches!(s, "Failed" | "FailedInCertification")
}

/// A submission that blocks a new one (submission.md B.2 step 3): one in progress that has
/// not failed, or a published one still on its way (e.g. `Publishing`). Finished states
/// (`ReadyToPublish`, `InStore`, failures) do not block.
pub(crate) fn blocks_new_submission(state: &str, substate: &str) -> bool {
    match state {
        "InProgress" => !failed_substate(substate),
        "Published" => {
            !(failed_substate(substate)
                || matches!(substate, "ReadyToPublish" | "InStore" | "Published" | ""))
        }
        _ => false,
    }
}

pub(crate) struct Session<'a> {
    pub(crate) http: &'a Http,
    pub(crate) tokens: &'a TokenSource,
    pub(crate) opts: &'a Options,
    pub(crate) log: Log<'a>,
    pub(crate) package: &'a [u8],
    pub(crate) outcome: Outcome,
    // Working state between steps.
    latest_submission: Option<String>,
    known_submissions: BTreeSet<String>,
    draft_instance: Option<String>,
    configuration: Option<(Value, String)>,
    package_obj: Option<(Value, String)>,
    file_sas_uri: Option<Secret>,
    submission: Option<Value>,
}

mod packages;
mod session;
mod submission;

/// `workflowSteps` of the most recent workflow item.
pub(crate) fn workflow_steps(v: &Value) -> Vec<WorkflowStep> {
    let list = items(v);
    let Some(last) = list.last() else {
        return Vec::new();
    };
    last.get("workflowSteps")
        .map(items)
        .unwrap_or_default()
        .iter()
        .map(|s| WorkflowStep {
            name: field(s, &["name"]).unwrap_or_else(|| "?".into()),
            state: field(s, &["state"]).unwrap_or_else(|| "?".into()),
        })
        .collect()
}

/// `validationItems` (or a collection of validation items) as short redacted lines.
pub(crate) fn validation_messages(v: &Value) -> Vec<String> {
    let list = match v.get("validationItems") {
        Some(x) => items(x),
        None => items(v),
    };
    list.iter()
        .take(20)
        .filter_map(|i| {
            let msg = field(i, &["message"])?;
            let code = field(i, &["errorCode", "code"]).unwrap_or_default();
            let sev = field(i, &["severity"]).unwrap_or_default();
            Some(redact_text(format!("{sev} {code}: {msg}").trim()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> Options {
        Options {
            product_id: "P1".into(),
            api_url: DEFAULT_API_URL.into(),
            file_name: "pkg.zip".into(),
            package_type: None,
            force: false,
            wait: false,
            go_live: false,
            poll_interval: Duration::from_secs(30),
        }
    }

    #[test]
    fn plan_follows_b2_and_flags() {
        let base = plan(&opts());
        assert_eq!(base.first(), Some(&Step::Token));
        assert_eq!(base.last(), Some(&Step::CreateSubmission));
        assert!(!base.contains(&Step::CancelInProgress));
        assert!(!base.contains(&Step::Promote));
        let pos = |s: Step| base.iter().position(|x| *x == s).unwrap();
        assert!(pos(Step::CreatePackage) < pos(Step::UploadPackage));
        assert!(pos(Step::UploadPackage) < pos(Step::MarkUploaded));
        assert!(pos(Step::WaitProcessed) < pos(Step::UpdatePackageConfiguration));
        let mut o = opts();
        o.force = true;
        o.go_live = true;
        let full = plan(&o);
        assert!(full.contains(&Step::CancelInProgress));
        assert!(
            full.contains(&Step::WaitSubmission),
            "go-live implies waiting"
        );
        assert_eq!(full.last(), Some(&Step::Promote));
    }

    #[test]
    fn blocking_submissions() {
        assert!(blocks_new_submission("InProgress", "Submitted"));
        assert!(blocks_new_submission("InProgress", "InDraft"));
        assert!(!blocks_new_submission("InProgress", "Failed"));
        assert!(!blocks_new_submission(
            "InProgress",
            "FailedInCertification"
        ));
        assert!(!blocks_new_submission("Published", "InStore"));
        assert!(!blocks_new_submission("Published", "ReadyToPublish"));
        assert!(blocks_new_submission("Published", "Publishing"));
        assert!(!blocks_new_submission("", ""));
    }

    #[test]
    fn tolerant_field_access() {
        let v = json!({"ID": 5, "value": "x", "@odata.etag": "e"});
        assert_eq!(id_of(&v).as_deref(), Some("5"));
        assert_eq!(items(&v), Vec::<Value>::new());
        assert_eq!(items(&json!({"value": [1]})), vec![json!(1)]);
        assert_eq!(items(&json!([1, 2])).len(), 2);
        assert_eq!(workflow_steps(&json!(null)), vec![]);
        assert_eq!(
            workflow_steps(&json!({"value": [{"workflowSteps": [{"name": "A", "state": 3}]}]})),
            vec![WorkflowStep {
                name: "A".into(),
                state: "3".into()
            }]
        );
        assert_eq!(
            validation_messages(
                &json!({"validationItems": [{"message": "bad https://x/y?sig=S", "errorCode": "E1", "severity": "Error"}, 7]})
            ),
            vec!["Error E1: bad https://x/y?REDACTED".to_string()]
        );
    }
}
